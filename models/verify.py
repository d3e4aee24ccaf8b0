"""The whole check of a database file, read-only: SQLite integrity, the audit trail's hash chain, the anchors
kept outside the file, and the data reconciled with the trail.

    report = verify_database(path, extra_anchors=[Path("anchor.jsonl")])
    report.ok, report.read_only, report.lines     # plain sentences, one finding each

What it cannot see: someone who rewrites the data, re-hashes the whole chain and also rewrites every anchor
(this computer's anchor log, the backup manifests, the printed footers) leaves nothing to compare with.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from models.anchor import (
    anchor_log_path,
    anchors_for,
    check_anchors,
    head_of,
    read_anchors,
    unanchored_rows,
)
from models.audit_chain import CHAIN_QUERY, ChainReport, ChainScanner
from models.instance_lock import lock_is_held
from models.integrity import quick_check
from models.readonly import is_read_only_location, open_readonly
from models.reconcile import State, apply_row, reconcile

MAX_DIFFERENCES_SHOWN = 40


@dataclass(frozen=True)
class VerifyReport:
    """`ok` when nothing is wrong; `damaged` when SQLite cannot read the file (as opposed to tampering found)."""

    ok: bool
    read_only: bool
    damaged: bool
    lines: tuple[str, ...]
    differences: int = 0
    anchor_problems: int = 0


def verify_database(path: Path, extra_anchors: Sequence[Path] = (), anchor_log: Path | None = None
                    ) -> VerifyReport:
    """Check the database at `path` without writing to it (OSError if an `extra_anchors` file cannot be read)."""
    path = Path(path)
    read_only = is_read_only_location(path)
    lines: list[str] = []
    if read_only:
        lines.append(f"{path} is on read-only media or in a folder that cannot be written: checked without any "
                     "change (read-only, not a fault).")
    problem = quick_check(path)
    if problem is not None:
        return VerifyReport(False, read_only, True, (*lines, problem))
    explicit = [a for source in extra_anchors for a in read_anchors(source)]
    log = anchor_log or anchor_log_path()
    try:
        logged = read_anchors(log) if log.exists() else []
    except OSError:
        logged = []
    try:
        with closing(open_readonly(path)) as conn:
            chain, state = _scan(conn)
            head = head_of(conn)
            mine = anchors_for(path, head, logged)
            anchors = mine + [a for a in explicit if a not in mine]
            problems = check_anchors(head, anchors, lambda row_id: _hash_at(conn, row_id))
            differences = reconcile(conn, state)
    except sqlite3.DatabaseError as exc:
        return VerifyReport(False, read_only, True, (*lines, f"{path}: the audit trail cannot be read ({exc})."))
    lines.append(chain.message)
    ok = chain.ok
    if anchors:
        if problems:
            ok = False
            lines.extend(f"Anchor: {path.name} was {p}" for p in problems)
        else:
            latest = max(anchors, key=lambda a: a.last_id)
            lines.append(f"Anchors: the trail extends all {len(anchors)} anchor(s) of this file (latest: "
                         f"{latest.rows:,} rows at {latest.event}, {latest.at_utc.replace('T', ' ')}).")
        late = unanchored_rows(head, anchors)
        if late and not problems:
            if lock_is_held(path):
                lines.append(f"{late:,} audit row(s) since the last anchor: the database is open in TrialDesk "
                             "now; they are anchored when it closes.")
            else:
                ok = False
                lines.append(f"{late:,} audit row(s) were written after the last anchor without one of their own: "
                             "by a TrialDesk that crashed, or appended by another program. Check the newest rows "
                             "of the audit trail.")
    else:
        lines.append("No anchor of this file is recorded on this computer: check it against one kept elsewhere "
                     "with --anchor FILE (the anchor log of the computer it was used on, or a backup manifest).")
    if differences:
        ok = False
        lines.append(f"The data differs from the audit trail in {len(differences):,} place(s):")
        lines.extend(f"  {d.message}" for d in differences[:MAX_DIFFERENCES_SHOWN])
        if len(differences) > MAX_DIFFERENCES_SHOWN:
            lines.append(f"  … and {len(differences) - MAX_DIFFERENCES_SHOWN:,} more.")
    else:
        lines.append("The data matches the audit trail: replaying every insert, change and deletion gives exactly "
                     "the stored rows.")
    return VerifyReport(ok, read_only, False, tuple(lines), len(differences), len(problems))


def _scan(conn: sqlite3.Connection) -> tuple[ChainReport, State]:
    """One read of the audit trail: its hash chain checked and its changes replayed."""
    scanner = ChainScanner()
    state: State = {}
    for row in conn.execute(CHAIN_QUERY):
        scanner.feed(row)
        apply_row(state, row[3], row[4], row[5], row[7], row[9])
    return scanner.report(), state


def _hash_at(conn: sqlite3.Connection, row_id: int) -> str | None:
    row = conn.execute("SELECT row_hash FROM audit_log WHERE id = ?", (row_id,)).fetchone()
    return row[0] if row else None
