"""Which database the app opens: the demo file, a --db file or server address, or the default one in the user
data folder. A server's password is asked for (`ask_password`) and kept only in the open connection."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from models.address import is_server_url
from models.database import Database, open_database
from models.errors import DatabaseError, StudyConfigError
from models.paths import default_database_path, demo_database_path


class DatabaseOpenError(Exception):
    """The chosen database cannot be opened; the message says which file and why."""


def database_path(db_path: Path | None, demo: bool) -> Path:
    """The file the app will open for these command-line options."""
    if demo:
        return demo_database_path()
    return Path(db_path) if db_path is not None else default_database_path()


def open_server(address: str, ask_password: Callable[[str], str | None] | None) -> Database | None:
    """The study on the server at `address`; while the server asks for a password, `ask_password(question)` is
    asked (None: the user cancelled, None returned)."""
    from models.server import NeedsPassword

    password = None
    while True:
        try:
            return open_database(address, password=password)
        except NeedsPassword as exc:
            password = ask_password(str(exc)) if ask_password is not None else None
            if password is None:
                return None
        except (DatabaseError, StudyConfigError) as exc:
            raise DatabaseOpenError(str(exc)) from exc


def choose_and_open(
    db_path: Path | str | None, demo: bool, confirm_create: Callable[[Path], bool] | None = None,
    ask_password: Callable[[str], str | None] | None = None,
) -> Database | None:
    """Open the database the options name, creating the default or demo one when missing.

    A missing --db file is created only if `confirm_create(path)` agrees (None = create without asking);
    returns None when the user declined. A server address opens that study (`open_server`).
    """
    if not demo and is_server_url(db_path):
        return open_server(str(db_path), ask_password)
    path = database_path(db_path, demo)
    try:
        if demo and not path.exists():
            from models.demo import write_demo_database

            write_demo_database(path)
        elif db_path is not None and not path.exists():
            if confirm_create is not None and not confirm_create(path):
                return None
            path.parent.mkdir(parents=True, exist_ok=True)
        return open_database(path)
    except (DatabaseError, StudyConfigError) as exc:
        raise DatabaseOpenError(str(exc)) from exc
