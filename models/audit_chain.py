"""Tamper evidence for the audit trail: every audit row stores a SHA-256 over its own content and the hash of
the row before it, so editing, deleting or re-ordering any row breaks the chain from that row on.

    rows = chain_rows(previous_hash, first_id, rows)   # fill id, prev_hash, row_hash before inserting
    report = verify_audit_chain(db)                    # ChainReport(ok, rows_checked, broken_id, message)
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.readonly import open_readonly

GENESIS_HASH = "0" * 64
HASHED_FIELDS = ("id", "at_utc", "user", "action", "table_name", "record_id", "subject_id", "field",
                 "old_value", "new_value", "reason", "prev_hash")


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # one encoder: json.dumps with
# options builds a new one per call, which was most of the time of checking a long chain


def row_hash(row: dict[str, Any]) -> str:
    """SHA-256 (hex) over the row's content (HASHED_FIELDS, canonical JSON) including the previous row's hash."""
    return _values_hash([row.get(name) for name in HASHED_FIELDS])


def _values_hash(values: list[Any]) -> str:
    return hashlib.sha256(_ENCODE(values).encode("utf-8")).hexdigest()


def chain_rows(previous_hash: str | None, first_id: int, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows with explicit ids from `first_id` on, each linked to the one before (GENESIS_HASH for the first)."""
    prev = previous_hash or GENESIS_HASH
    chained = []
    for offset, row in enumerate(rows):
        linked = {**row, "id": first_id + offset, "prev_hash": prev}
        linked["row_hash"] = row_hash(linked)
        prev = linked["row_hash"]
        chained.append(linked)
    return chained


@dataclass(frozen=True)
class ChainReport:
    """The outcome of a chain check: `broken_id` is the first audit row whose link does not hold (None if ok)."""

    ok: bool
    rows_checked: int
    broken_id: int | None
    message: str


_COLUMNS = ", ".join(f'"{name}"' for name in (*HASHED_FIELDS, "row_hash"))
CHAIN_QUERY = f"SELECT {_COLUMNS} FROM audit_log ORDER BY id"
"""Every audit row as a tuple of HASHED_FIELDS followed by row_hash, in id order (what ChainScanner.feed takes)."""


def verify_audit_file(path: Path) -> ChainReport:
    """Check the whole chain of the audit trail in the database file at `path` (opened read-only)."""
    try:
        with closing(open_readonly(path)) as conn:
            return verify_audit_connection(conn)
    except sqlite3.DatabaseError as exc:
        return ChainReport(False, 0, None, f"{path}: the audit trail cannot be read ({exc}).")


def verify_audit_connection(conn: sqlite3.Connection) -> ChainReport:
    """Check the whole chain of the audit trail through an open sqlite3 connection."""
    return _check(conn.execute(CHAIN_QUERY))


def verify_audit_chain(db: Any) -> ChainReport:
    """Check the whole chain of an open Database's audit trail; report the first broken link, if any."""
    if getattr(db, "is_server", False):
        with db.read() as session:
            return _check(session.connection().exec_driver_sql(CHAIN_QUERY))
    return verify_audit_file(db.path)


class ChainScanner:
    """Checks the chain one row at a time (rows from CHAIN_QUERY, in order), so another pass over the same rows
    (models.verify's reconciliation) can share one read of the trail."""

    def __init__(self) -> None:
        self.prev = GENESIS_HASH
        self.count = 0
        self.expected_id: int | None = None
        self.broken: ChainReport | None = None

    def feed(self, row: Any) -> None:
        if self.broken is not None:
            return
        self.count += 1
        n = len(HASHED_FIELDS)
        row_id, prev_hash, stored_hash = row[0], row[n - 1], row[n]
        if self.expected_id is not None and row_id != self.expected_id:
            self.broken = ChainReport(False, self.count, row_id, f"Audit rows {self.expected_id} to {row_id - 1} are "
                                      f"missing (deleted): the chain breaks before row {row_id}.")
        elif prev_hash != self.prev:
            self.broken = ChainReport(False, self.count, row_id, f"Audit row {row_id} does not link to the row "
                                      "before it: a row was deleted, inserted or edited at this point.")
        elif _values_hash(list(row[:n])) != stored_hash:
            self.broken = ChainReport(False, self.count, row_id, f"Audit row {row_id} was changed after it was "
                                      "written (its content no longer matches its hash).")
        self.prev = stored_hash
        self.expected_id = row_id + 1

    def report(self) -> ChainReport:
        if self.broken is not None:
            return self.broken
        return ChainReport(True, self.count, None, f"The audit trail is intact: {self.count} rows, every link holds.")


def _check(rows: Any) -> ChainReport:
    """Check rows given as tuples of HASHED_FIELDS followed by row_hash, in id order."""
    scanner = ChainScanner()
    for row in rows:
        scanner.feed(row)
        if scanner.broken is not None:
            break
    return scanner.report()
