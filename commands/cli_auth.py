"""Who a command-line write runs as: the signed-in account when the database has accounts, else "cli:<login>".

    writer = cli_writer(db, args.user, args.password_stdin)   # CliRefused: one line for standard error
    db.sign_in(writer) if isinstance(writer, Actor) else ...   # every audit row then names that account

With user accounts, `--user LOGIN` is required and its password is read from a prompt (getpass) or, with
`--password-stdin`, from the first line of standard input; a wrong password counts as a failed sign-in (the
lock-out applies, audited as in the app). The audit trail names the plain login, as for writes made in the app,
so a monitor filtering the trail by user sees all of that person's changes. Without accounts (a new file, tests)
the name is "cli:<--user or operating-system login>", marking it as a name nobody's password vouched for.
"""

from __future__ import annotations

import getpass
import sys

from models.security import ROLE_LABELS, Action, Actor, cli_user_name


class CliRefused(Exception):
    """The command may not write as this user; the message is one line for standard error."""


def cli_writer(db, login: str | None, password_stdin: bool, action: Action = Action.ENTER_DATA) -> Actor | str:
    """The authenticated Actor allowed `action` (database with accounts) or the "cli:..." name (without)."""
    from models.users import SignInFailed, authenticate, has_users, must_change_password

    login = (login or "").strip()
    if not has_users(db):
        return f"cli:{login}" if login else cli_user_name()
    if not login:
        raise CliRefused(f"{db.path} has user accounts: give yours with --user LOGIN (the password is asked for, "
                         "or read from standard input with --password-stdin); nothing was written")
    password = _read_password(login, password_stdin)
    try:
        actor = authenticate(db, login, password)
    except SignInFailed as exc:
        raise CliRefused(f"sign-in as {login} refused: {exc} Nothing was written.") from None
    if must_change_password(db, actor.name):
        raise CliRefused(f"the password of {login} was set or reset by an administrator: sign in to the app once "
                         "to choose your own; nothing was written")
    if not actor.can(action):
        raise CliRefused(f"{login} ({ROLE_LABELS[actor.role].lower()}) may not {action.value}; nothing was written")
    return actor


def _read_password(login: str, from_stdin: bool) -> str:
    try:
        if from_stdin:
            return sys.stdin.readline().rstrip("\r\n")
        return getpass.getpass(f"Password for {login}: ")
    except (EOFError, KeyboardInterrupt):
        raise CliRefused(f"no password given for {login}; nothing was written") from None
