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


def row_hash(row: dict[str, Any]) -> str:
    """SHA-256 (hex) over the row's content (HASHED_FIELDS, canonical JSON) including the previous row's hash."""
    payload = json.dumps([row.get(name) for name in HASHED_FIELDS], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


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


def verify_audit_file(path: Path) -> ChainReport:
    """Check the whole chain of the audit trail in the database file at `path` (opened read-only)."""
    try:
        with closing(open_readonly(path)) as conn:
            return verify_audit_connection(conn)
    except sqlite3.DatabaseError as exc:
        return ChainReport(False, 0, None, f"{path}: the audit trail cannot be read ({exc}).")


def verify_audit_connection(conn: sqlite3.Connection) -> ChainReport:
    """Check the whole chain of the audit trail through an open sqlite3 connection."""
    conn.row_factory = sqlite3.Row
    try:
        return _check(dict(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM audit_log ORDER BY id"))
    finally:
        conn.row_factory = None


def verify_audit_chain(db: Any) -> ChainReport:
    """Check the whole chain of an open Database's audit trail; report the first broken link, if any."""
    return verify_audit_file(db.path)


def _check(rows: Any) -> ChainReport:
    prev = GENESIS_HASH
    count = 0
    expected_id: int | None = None
    for row in rows:
        count += 1
        if expected_id is not None and row["id"] != expected_id:
            return ChainReport(False, count, row["id"], f"Audit rows {expected_id} to {row['id'] - 1} are missing "
                               f"(deleted): the chain breaks before row {row['id']}.")
        if row["prev_hash"] != prev:
            return ChainReport(False, count, row["id"], f"Audit row {row['id']} does not link to the row before it: "
                               "a row was deleted, inserted or edited at this point.")
        if row_hash(row) != row["row_hash"]:
            return ChainReport(False, count, row["id"], f"Audit row {row['id']} was changed after it was written "
                               "(its content no longer matches its hash).")
        prev = row["row_hash"]
        expected_id = row["id"] + 1
    return ChainReport(True, count, None, f"The audit trail is intact: {count} rows, every link holds.")
