"""The shared office in the window: signing in, the users, what each role may do, and the other
desks' changes.

- ``sign_in``: the sign-in dialog, asked for when the council has accounts;
- ``user_menu``: the «کاربران» menu and the signed-in user in the status bar;
- ``users_dialog``, ``user_dialogs``: the secretary's list of users, and its forms;
- ``gate``: controls greyed out, with the reason, where the role may not act;
- ``attribution``: a form's «ثبت‌کننده» held to the signed-in user;
- ``desk_news``: the other desks' saves, asked for every few seconds.

The rules live in the core (``secretariat.office``); this package only shows them.
"""
