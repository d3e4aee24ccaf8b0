"""A study database on a PostgreSQL server: its address, the engine, the password, and the server's write gate.

    is_server_url("postgresql://jkim@db.site/cs20")      # True for a postgresql:// address
    target = ServerTarget.parse("postgresql://jkim@db.site/cs20")
    engine = server_engine(target, password=None)       # psycopg 3; PGPASSWORD or ~/.pgpass also work
    target.shown                                        # "cs20 on db.site" (never the password)

The password is asked for (`NeedsPassword` when the server wants one and none was given) and kept only in the
open engine's memory: the address stored anywhere (recent servers, the stand-in file, anchors) has none.

On a server the write gate (models.write_gate on SQLite) is a transaction-local setting: statement triggers
on every table (migration 0009) refuse INSERT, UPDATE, DELETE and TRUNCATE unless `trialdesk.gate` is 'open',
and only the audited flush (and a migration) sets it, for its own transaction. Appends to the audit trail are
serialised across PCs by a transaction-scoped advisory lock (`AUDIT_LOCK_KEY`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from apppaths import user_data_dir
from models.address import is_server_url  # noqa: F401 - re-exported: the storage layer's name for it
from models.errors import DatabaseError
from models.write_gate import GATE_KEY

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL

AUDIT_LOCK_KEY = 0x7D_5E_A0_01
"""pg_advisory_xact_lock key held while a write transaction appends to the audit trail (and while migrating)."""
MIGRATION_LOCK_KEY = 0x7D_5E_A0_02
GATE_SETTING = "trialdesk.gate"
SERVER_FOLDER = "servers"


class NeedsPassword(DatabaseError):
    """The server asked for a password and none (or a wrong one) was given."""


@dataclass(frozen=True)
class ServerTarget:
    """Where a study database lives on a server: the address without any password."""

    url: URL

    @classmethod
    def parse(cls, text: str) -> ServerTarget:
        """The address in `text`; DatabaseError in plain words if it is not one (a password in it is dropped)."""
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(text.strip())
        except ArgumentError:
            raise DatabaseError(f"{text!r} is not a server address; write it as postgresql://user@host/database.") \
                from None
        if url.get_backend_name() != "postgresql" or not url.database:
            raise DatabaseError(f"{text!r} is not a server address; write it as postgresql://user@host/database.")
        return cls(url.set(drivername="postgresql+psycopg", password=None))

    @property
    def text(self) -> str:
        """The address as a user writes it (postgresql://user@host:port/database), without a password."""
        return self.url.set(drivername="postgresql").render_as_string(hide_password=True)

    @property
    def shown(self) -> str:
        """Short name for titles: "cs20 on db.site"."""
        host = self.url.host or "this computer"
        port = f":{self.url.port}" if self.url.port else ""
        return f"{self.url.database} on {host}{port}"

    @property
    def stand_in(self) -> Path:
        """A small file in the user data folder that stands for this server where a file path is needed (drafts,
        audit anchors of this computer); it holds the address, never the password."""
        slug = re.sub(r"[^A-Za-z0-9._-]+", "_", f"{self.url.username or ''}@{self.url.host or 'local'}_"
                                                  f"{self.url.port or 5432}_{self.url.database}")
        path = user_data_dir() / SERVER_FOLDER / f"{slug}.server"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self.text + "\n", encoding="utf-8")
        return path


def password_of(text: str) -> str | None:
    """The password written inside an address, if any (used once to connect, never stored)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(text.strip()).password
    except ArgumentError:
        return None


def server_engine(target: ServerTarget, password: str | None = None) -> Engine:
    """An engine for the server (psycopg 3), with the write gate on every connection; connects once to check
    the address and the password (NeedsPassword / DatabaseError in plain words)."""
    from sqlalchemy import create_engine, event

    url = target.url.set(password=password) if password else target.url
    engine = create_engine(url, pool_pre_ping=True, connect_args={"application_name": "TrialDesk",
                                                                   "connect_timeout": 10})
    event.listen(engine, "connect", _on_connect)
    try:
        with engine.connect():
            pass
    except Exception as exc:
        engine.dispose()
        raise connection_error(target, exc) from None
    return engine


def connection_error(target: ServerTarget, exc: BaseException) -> DatabaseError:
    """A plain refusal for a failed connection to the server."""
    detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
    if "password" in detail:
        return NeedsPassword(f"{target.shown}: the server asks for the password of {target.url.username or 'you'}"
                             + (" (the one given was not accepted)." if "failed" in detail else "."))
    if "does not exist" in detail and "database" in detail:
        return DatabaseError(f"{target.shown}: no such database on the server ({detail}).")
    return DatabaseError(f"{target.shown}: the server cannot be reached ({detail}). Check the address and that the "
                         "server is running; nothing was changed.")


class _ServerGate:
    """The write gate of one server connection: opening it sets `trialdesk.gate` for the current transaction
    only, so it closes by itself at COMMIT or ROLLBACK."""

    __slots__ = ("connection", "open")

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.open = False

    def set(self, is_open: bool) -> None:
        from psycopg.pq import TransactionStatus

        was_open, self.open = self.open, is_open
        in_transaction = self.connection.info.transaction_status == TransactionStatus.INTRANS
        if is_open or (was_open and in_transaction):  # opening starts the driver's transaction if none is open
            self.connection.execute("SELECT set_config(%s, %s, true)", (GATE_SETTING, "open" if is_open else ""))


def _on_connect(dbapi_connection: Any, record: Any) -> None:
    record.info[GATE_KEY] = _ServerGate(dbapi_connection)
