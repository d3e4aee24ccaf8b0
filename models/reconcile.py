"""Reconciliation of the stored data with the audit trail: replaying every insert snapshot, field change and
deletion of the trail gives what each audited table must hold now; every row, field or record that differs
is named (table, record, field, audited value, stored value).

    differences = reconcile(conn)    # list[Difference], [] when the data is exactly what the trail says

Values are compared as the audit trail writes them (models.audit.audit_text), per column type: numbers as
numbers, booleans as truth values, redacted columns (password hashes) only as "set" or "not set".
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Date, Float, Integer, inspect

from models.audit import REDACTED, VERSION_KEY
from models.schema import Audited, Base

MAX_SHOWN = 80


@dataclass(frozen=True)
class Difference:
    """One way the stored data differs from the replayed audit trail (`field` None: the whole record)."""

    table: str
    record_id: int
    field: str | None
    audited: str | None
    stored: str | None

    @property
    def message(self) -> str:
        where = f"{self.table} record {self.record_id}"
        if self.field is None:
            if self.audited is None:
                return f"{where} exists, but the audit trail never recorded its insertion (written behind TrialDesk)."
            return f"{where} is missing, but the audit trail never recorded its deletion (deleted behind TrialDesk)."
        return (f"{where}, {self.field}: the audit trail says {_shown(self.audited)}, the database holds "
                f"{_shown(self.stored)} (changed behind TrialDesk).")


def _shown(value: str | None) -> str:
    if value is None:
        return "nothing (empty)"
    return repr(value if len(value) <= MAX_SHOWN else value[:MAX_SHOWN] + "…")


@dataclass(frozen=True)
class _Column:
    key: str
    name: str
    kind: str  # "float" | "bool" | "int" | "text"
    redacted: bool
    server_default: str | None


@cache
def audited_tables() -> dict[str, tuple[_Column, ...]]:
    """Every audited table with its columns (attribute key, column name, comparison kind), the id excluded."""
    tables: dict[str, tuple[_Column, ...]] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if not issubclass(cls, Audited):
            continue
        columns = []
        for attr in inspect(cls).column_attrs:
            column = attr.columns[0]
            if attr.key in ("id", VERSION_KEY):
                continue
            kind = ("bool" if isinstance(column.type, Boolean) else "float" if isinstance(column.type, Float)
                    else "int" if isinstance(column.type, Integer) else "date" if isinstance(column.type, Date)
                    else "text")
            default = column.server_default.arg.text if column.server_default is not None else None
            columns.append(_Column(attr.key, column.name, kind, attr.key in getattr(cls, "audit_redacted", ()),
                                   default))
        tables[cls.__tablename__] = tuple(columns)
    return tables


State = dict[tuple[str, int], dict[str, str]]
"""What the audit trail says each audited record holds: (table, record id) -> field -> audited text."""


def apply_row(state: State, action: str, table: str, record_id: int, field: str | None, new_value: str | None
              ) -> None:
    """Replay one audit row onto `state`."""
    key = (table, record_id)
    if action == "insert":
        try:
            snapshot = json.loads(new_value) if new_value else {}
        except ValueError:
            snapshot = {}
        state[key] = snapshot if isinstance(snapshot, dict) else {}
    elif action == "update":
        record = state.setdefault(key, {})
        if new_value is None:
            record.pop(field, None)
        else:
            record[field] = new_value
    elif action == "delete":
        state.pop(key, None)


def replay(conn: sqlite3.Connection) -> State:
    """The whole audit trail replayed, oldest row first."""
    state: State = {}
    for row in conn.execute("SELECT action, table_name, record_id, field, new_value FROM audit_log ORDER BY id"):
        apply_row(state, *row)
    return state


def _normal(kind: str, value: Any) -> Any:
    """A comparable form of a stored value or of its audited text."""
    if value is None:
        return None
    try:
        if kind == "float":
            return float(value)
        if kind == "bool":
            return value in (1, True, "1", "true", "True")
        if kind == "int":
            return int(value)
    except (TypeError, ValueError):
        return str(value)
    return str(value)


def _text(kind: str, value: Any) -> str | None:
    """A stored value as the audit trail would write it."""
    if value is None:
        return None
    if kind == "bool":
        return "true" if value in (1, True) else "false"
    if kind == "float" and isinstance(value, (int, float)):
        return repr(float(value))
    return str(value)


def table_names(conn: Any) -> set[str]:
    """The tables of the database behind a SQLite or a PostgreSQL (psycopg) connection."""
    if isinstance(conn, sqlite3.Connection):
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {row[0] for row in conn.execute("SELECT table_name FROM information_schema.tables "
                                           "WHERE table_schema = current_schema()")}


def reconcile(conn: sqlite3.Connection, state: State | None = None) -> list[Difference]:
    """Every difference between the audited tables' rows and the replayed audit trail (`state`, if already
    replayed)."""
    state = replay(conn) if state is None else state
    existing = table_names(conn)
    differences: list[Difference] = []
    for table, columns in sorted(audited_tables().items()):
        if table not in existing:
            continue
        names = ", ".join(f'"{c.name}"' for c in columns)
        seen: set[int] = set()
        for record_id, *values in conn.execute(f'SELECT id, {names} FROM "{table}" ORDER BY id'):  # noqa: S608
            seen.add(record_id)
            audited = state.get((table, record_id))
            if audited is None:
                differences.append(Difference(table, record_id, None, None, "present"))
                continue
            differences.extend(_field_differences(table, record_id, columns, values, audited))
        for (state_table, record_id) in sorted(k for k in state if k[0] == table and k[1] not in seen):
            differences.append(Difference(state_table, record_id, None, "present", None))
    return differences


def _field_differences(table: str, record_id: int, columns: tuple[_Column, ...], values: list[Any],
                       audited: dict[str, str]) -> list[Difference]:
    found = []
    for column, value in zip(columns, values, strict=True):
        said = audited.get(column.key)
        if said == value or (said is not None and value is not None and said == _text(column.kind, value)):
            continue  # the common case, decided without normalising
        if column.redacted:
            if (said is None) != (value is None):
                found.append(Difference(table, record_id, column.key, said, None if value is None else REDACTED))
            continue
        if said is None and value is not None and column.server_default is not None \
                and str(value) == column.server_default:
            continue  # a column added by a migration with its default: never audited, not a change
        if _normal(column.kind, said) != _normal(column.kind, value):
            found.append(Difference(table, record_id, column.key, said, _text(column.kind, value)))
    return found
