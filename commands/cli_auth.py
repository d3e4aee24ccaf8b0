"""Who a command-line write runs as: the signed-in account when the database has accounts, else "cli:<login>";
and how a command-line writer opens its database (the single-instance lock, waited for with a message).

    db = open_for_writing(args.db)                             # DatabaseError / DatabaseInUse: one line
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
from pathlib import Path
from typing import Any

from models.security import ROLE_LABELS, Action, Actor, cli_user_name

LOCK_WAIT_S = 30.0
"""How long a command-line writer waits for a TrialDesk window (or another command) to close the database."""


def open_for_writing(path: Path | str) -> Any:
    """The database opened with its single-instance lock (as the app takes it), waiting up to LOCK_WAIT_S with a
    message on standard error while another program holds it; DatabaseInUse if it is still held then. A study on
    a server is shared by several PCs: no lock (commands.study_db)."""
    from commands.study_db import open_study

    def tell(holder: str) -> None:
        print(f"waiting up to {LOCK_WAIT_S:g} s: {holder}", file=sys.stderr, flush=True)

    return open_study(path, single_instance=True, wait_s=LOCK_WAIT_S, on_wait=tell)


class CliRefused(Exception):
    """The command may not write as this user; the message is one line for standard error."""


def cli_writer(db, login: str | None, password_stdin: bool, action: Action = Action.ENTER_DATA) -> Actor | str:
    """The authenticated Actor allowed `action` (database with accounts) or the "cli:..." name (without)."""
    from models.users import SignInFailed, authenticate, has_users, must_change_password

    login = (login or "").strip()
    if not has_users(db):
        return f"cli:{login}" if login else cli_user_name()
    if not login:
        raise CliRefused(f"{db.location} has user accounts: give yours with --user LOGIN (the password is asked for, "
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
