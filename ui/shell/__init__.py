"""The frame of the app: the main window (navigation, section stack, menus, status bar), the database it opens,
sign-in and the first administrator, the signed-in session (idle sign-out, administrator sections)."""
