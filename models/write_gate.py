"""The connection-level write gate: an SQLite authorizer on every connection of a Database refuses INSERT, UPDATE,
DELETE, schema changes, ATTACH and settings that switch off checks, unless the gate of that connection is open.

Only the audited flush (models.audit) opens the gate, for the length of one flush; migrations open it while
they run. Anything else that reaches the connection (raw SQL through a session's connection, `engine.connect()`,
a read session) gets SQLite's own refusal ("not authorized"), so no write can bypass the audit trail.

    install_gate(dbapi_connection, record.info)    # on connect
    with open_gate(connection.info): ...           # writes allowed inside
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager, suppress
from typing import Any

GATE_KEY = "trialdesk_write_gate"
interrupt_requested = False
"""Set by a command's SIGINT/SIGTERM handler (main.py): a "not authorized" refusal after it is the interrupt
landing inside SQLite's authorizer callback (which swallows exceptions), not a write outside the audited flush."""

_WRITES = frozenset({
    sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE,
    sqlite3.SQLITE_CREATE_INDEX, sqlite3.SQLITE_CREATE_TABLE, sqlite3.SQLITE_CREATE_TEMP_INDEX,
    sqlite3.SQLITE_CREATE_TEMP_TABLE, sqlite3.SQLITE_CREATE_TEMP_TRIGGER, sqlite3.SQLITE_CREATE_TEMP_VIEW,
    sqlite3.SQLITE_CREATE_TRIGGER, sqlite3.SQLITE_CREATE_VIEW, sqlite3.SQLITE_DROP_INDEX, sqlite3.SQLITE_DROP_TABLE,
    sqlite3.SQLITE_DROP_TEMP_INDEX, sqlite3.SQLITE_DROP_TEMP_TABLE, sqlite3.SQLITE_DROP_TEMP_TRIGGER,
    sqlite3.SQLITE_DROP_TEMP_VIEW, sqlite3.SQLITE_DROP_TRIGGER, sqlite3.SQLITE_DROP_VIEW, sqlite3.SQLITE_ALTER_TABLE,
    sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH, sqlite3.SQLITE_REINDEX, sqlite3.SQLITE_CREATE_VTABLE,
    sqlite3.SQLITE_DROP_VTABLE,
})
_GUARDED_PRAGMAS = frozenset({
    "writable_schema", "foreign_keys", "ignore_check_constraints", "defer_foreign_keys", "journal_mode",
    "synchronous", "recursive_triggers", "trusted_schema", "locking_mode",
})


class _Gate:
    """The open/closed state of one connection's gate. Closing it sets the authorizer again, which makes SQLite
    expire every cached prepared statement, so a statement prepared while the gate was open is authorized anew."""

    __slots__ = ("open", "connection", "authorizer", "interrupted")

    def __init__(self, connection: sqlite3.Connection, authorizer: Any) -> None:
        self.open = False
        self.connection = connection
        self.authorizer = authorizer
        self.interrupted: BaseException | None = None

    def set(self, is_open: bool) -> None:
        was_open, self.open = self.open, is_open
        if was_open and not is_open:
            with suppress(sqlite3.ProgrammingError):  # closed already (after an interrupt): nothing left to guard
                self.connection.set_authorizer(self.authorizer)


def install_gate(dbapi_connection: sqlite3.Connection, info: MutableMapping[str, Any]) -> None:
    """Put the authorizer on a new connection; its gate (kept in the pool record's `info`) starts closed."""

    def authorize(action: int, arg1: str | None, arg2: str | None, _db: str | None, _trigger: str | None) -> int:
        try:
            if gate.open:
                return sqlite3.SQLITE_OK
            if action in _WRITES:
                return sqlite3.SQLITE_DENY
            if action == sqlite3.SQLITE_PRAGMA and arg2 is not None and (arg1 or "").lower() in _GUARDED_PRAGMAS:
                return sqlite3.SQLITE_DENY
            return sqlite3.SQLITE_OK
        except BaseException as exc:  # Ctrl+C or SIGTERM landed inside SQLite's callback, which would swallow it
            gate.interrupted = exc
            return sqlite3.SQLITE_DENY

    gate = _Gate(dbapi_connection, authorize)
    info[GATE_KEY] = gate
    dbapi_connection.set_authorizer(authorize)


def set_gate(info: MutableMapping[str, Any], is_open: bool) -> None:
    """Open or close the gate of the connection whose pool record has this `info` (no gate: nothing to do)."""
    gate = info.get(GATE_KEY)
    if gate is not None:
        gate.set(is_open)


def take_interrupt(info: MutableMapping[str, Any]) -> BaseException | None:
    """The interrupt (KeyboardInterrupt) that arrived while SQLite was asking the authorizer, if any, once: the
    statement failed as "not authorized", and the caller raises this instead."""
    gate = info.get(GATE_KEY)
    if gate is None or gate.interrupted is None:
        return KeyboardInterrupt() if interrupt_requested else None
    exc, gate.interrupted = gate.interrupted, None
    return exc


@contextmanager
def open_gate(info: MutableMapping[str, Any]) -> Iterator[None]:
    """Writes allowed on that connection inside the block (the audited flush, migrations)."""
    set_gate(info, True)
    try:
        yield
    finally:
        set_gate(info, False)
