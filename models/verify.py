"""The whole check of a database file (or of a study on a PostgreSQL server), read-only: SQLite integrity, the
audit trail's hash chain, the anchors kept outside the file, and the data reconciled with the trail.

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
from typing import Any

from models.anchor import (
    Anchor,
    AuditHead,
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
from models.reconcile import Difference, State, apply_row, reconcile
from models.server import ServerTarget, connection_error, is_server_url, password_of

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


def verify_database(path: Path | str, extra_anchors: Sequence[Path] = (), anchor_log: Path | None = None,
                    password: str | None = None) -> VerifyReport:
    """Check the database at `path` without writing to it (OSError if an `extra_anchors` file cannot be read).
    A postgresql:// address is checked on the server in one read-only transaction (`verify_server`)."""
    if is_server_url(path):
        return verify_server(str(path), extra_anchors, anchor_log, password)
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
    ok = ok and not differences
    lines.extend(_difference_lines(differences))
    return VerifyReport(ok, read_only, False, tuple(lines), len(differences), len(problems))


def verify_server(address: str, extra_anchors: Sequence[Path] = (), anchor_log: Path | None = None,
                  password: str | None = None) -> VerifyReport:
    """The same checks for a study on a PostgreSQL server, read in one read-only, repeatable-read transaction
    (one consistent snapshot while other PCs go on writing). Anchors are this computer's for that server; audit
    rows after the latest of them are other PCs' saves, not a finding. DatabaseError if it cannot be reached."""
    import psycopg

    target = ServerTarget.parse(address)
    conninfo = target.url.set(drivername="postgresql", password=password or password_of(address))
    try:
        conn = psycopg.connect(conninfo.render_as_string(hide_password=False))
    except psycopg.Error as exc:
        raise connection_error(target, exc) from None
    lines: list[str] = []
    try:
        with conn:
            conn.read_only = True
            conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            reader = _ServerReader(conn)
            chain, state = _scan(reader)
            head = head_of(reader)
            anchors = _anchors(target.stand_in, head, extra_anchors, anchor_log)
            problems = check_anchors(head, anchors, lambda row_id: _hash_at(reader, row_id))
            differences = reconcile(reader, state)
    except psycopg.Error as exc:
        return VerifyReport(False, False, True, (f"{target.shown}: the audit trail cannot be read ({exc}).",))
    lines.append(chain.message)
    ok = chain.ok and not problems and not differences
    if anchors:
        lines.extend(f"Anchor: {target.shown} was {p}" for p in problems)
        late = unanchored_rows(head, anchors)
        if not problems:
            lines.append(f"Anchors: the trail extends all {len(anchors)} anchor(s) of this server kept on this "
                         f"computer; {late:,} audit row(s) were written since the latest (by other PCs, or still "
                         "open here).")
    else:
        lines.append("No anchor of this server is recorded on this computer: check it against one kept elsewhere "
                     "with --anchor FILE (the anchor log of a PC that uses it).")
    lines.extend(_difference_lines(differences))
    return VerifyReport(ok, False, False, tuple(lines), len(differences), len(problems))


class _ServerReader:
    """A psycopg connection read like an sqlite3 one: `execute(sql, params)` with `?` placeholders."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql.replace("?", "%s"), params)


def _anchors(path: Path, head: AuditHead, extra: Sequence[Path], anchor_log: Path | None) -> list[Anchor]:
    explicit = [a for source in extra for a in read_anchors(source)]
    log = anchor_log or anchor_log_path()
    try:
        logged = read_anchors(log) if log.exists() else []
    except OSError:
        logged = []
    mine = anchors_for(path, head, logged)
    return mine + [a for a in explicit if a not in mine]


def _difference_lines(differences: list[Difference]) -> list[str]:
    if not differences:
        return ["The data matches the audit trail: replaying every insert, change and deletion gives exactly the "
                "stored rows."]
    lines = [f"The data differs from the audit trail in {len(differences):,} place(s):"]
    lines.extend(f"  {d.message}" for d in differences[:MAX_DIFFERENCES_SHOWN])
    if len(differences) > MAX_DIFFERENCES_SHOWN:
        lines.append(f"  … and {len(differences) - MAX_DIFFERENCES_SHOWN:,} more.")
    return lines


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
