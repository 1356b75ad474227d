"""Following resolutions up (پیگیری مصوبات).

- ``status``: the lifecycle's statuses, follow-up kinds, and what "overdue" means;
- ``register``: the register of all resolutions, filtered and sorted in the database;
- ``lifecycle``: follow-up entries, status changes and deadline changes, with their refusals;
- ``corrections``: an entry corrected or voided, kept with who, when and why, and no longer counted;
- ``dashboard``: the home page's figures, each with the register query that lists it.

May import: ``secretariat.meetings``, ``secretariat.members``, ``secretariat.persian``, the top of
``secretariat``, ``db``.
"""
