"""How every command names and opens its study: `--db` takes a database file or a postgresql:// server address.

    parser.add_argument("--db", type=db_target, ...)   # Path for a file, the address text for a server
    problem = missing_file(args.db)                    # "…: no such database file" (None for a server)
    db = open_study(args.db, create=False)             # DatabaseError (NeedsPassword) in plain words
    with_server_password(address, lambda password: act(address, password))   # the same prompt for any action

A server's password is never taken from the command line: PGPASSWORD, ~/.pgpass, or a prompt when the command
runs in a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from models.address import is_server_url

T = TypeVar("T")


def db_target(text: str) -> Path | str:
    """argparse type of `--db`: a server address as written, anything else as a file path."""
    return text.strip() if is_server_url(text) else Path(text)


def missing_file(target: Path | str) -> str | None:
    """Why a file target cannot be a database ("… is a folder" / "no such database file"); None otherwise."""
    if isinstance(target, str):
        return None
    if target.is_dir():
        return f"{target} is a folder, not a database file"
    if not target.is_file():
        return f"{target}: no such database file"
    return None


def ask_server_password(shown: str) -> str | None:
    """The server password typed at a prompt (None when not in a terminal)."""
    import getpass

    if not sys.stdin.isatty():
        return None
    return getpass.getpass(f"password for {shown}: ")


def with_server_password(address: str, action: Callable[[str | None], T]) -> T:
    """`action(None)`; when the server at `address` asks for a password, `action(password)` with one typed at a
    prompt in a terminal, else NeedsPassword saying where to put it."""
    from models.server import NeedsPassword, ServerTarget

    try:
        return action(None)
    except NeedsPassword as exc:
        password = ask_server_password(ServerTarget.parse(address).shown)
        if password is None:
            raise NeedsPassword(f"{exc} Set PGPASSWORD or a ~/.pgpass line for it (never in the address).") \
                from None
        return action(password)


def open_study(target: Path | str, **options: Any) -> Any:
    """The study at `target` (models.database.open_database with `options`); a server's password as
    `with_server_password` gets it."""
    from models.database import open_database

    if not is_server_url(target):
        return open_database(target, **options)
    return with_server_password(str(target), lambda password: open_database(target, password=password, **options))
