"""The shared office: people signing in with roles, the audit trail, and desks sharing a database.

- ``passwords``: slow salted hashes (scrypt) and their checking;
- ``roles``: the three roles and what each may do; the refusals;
- ``accounts``: the user accounts, signing in (slowed after failures), passwords;
- ``access``: the hooks on every save that refuse what the signed-in role may not do
  and put the signed-in user's name where a record says who did it;
- ``audit``: the hooks that write every change to the trail, and the trail read back;
- ``audit_text``: how an entry reads (Persian field names, Jalali dates, a one-line summary);
- ``desks``: what each save changed, told to the other desks on the same database;
- ``versions``: a save from a window that read an older version of a record is refused;
- ``connection``: the shared PostgreSQL database this PC opens, its password in the keyring.

May import: ``db``, and of ``secretariat`` only ``clock``, ``errors``, ``changes``, ``persian``,
``validation`` (``secretariat.database`` installs these hooks; it must not be imported here).
``audit_text``, which nothing below the window imports, also reads the domain's labels of
statuses and kinds. ``connection`` reads ``paths`` (where its file is) and nothing of the rest.
"""
