"""Audit anchors: the head of a database's audit trail, written outside the file, so that a shortened, rewritten
or swapped-in older trail shows even when every hash inside the file is recomputed.

    head = read_head(path)                          # AuditHead(rows, last_id, last_hash, first_hash)
    append_anchor(path, "close")                    # one JSON line in <user data>/audit-anchors.jsonl, fsynced
    footer_head(path)                               # "audit 2,901 rows · 3fa2b4c1d9e0" for printed footers
    anchor_print(path, head)                        # the head a printout shows, as a "print" anchor (or None)
    problems = check_anchors(path, head, anchors)   # plain sentences; [] when the file extends every anchor

An anchor names the file by its real path and by the hash of its first audit row (a copy or backup of the same
database shares that hash, a new database does not), records the device and inode, and the head: row count,
last row id and hash, the time. The log is only ever appended to. A `restore` anchor (written when a backup is
restored through TrialDesk) marks a deliberate return to an older state: anchors before it no longer count.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from apppaths import user_data_dir
from models.readonly import open_readonly

ANCHOR_LOG = "audit-anchors.jsonl"
SHORT_HASH = 12
EVENTS = ("close", "backup", "print", "restore")


@dataclass(frozen=True)
class AuditHead:
    """The audit trail's extent: row count, id and hash of the last row, hash of the first (None when empty)."""

    rows: int
    last_id: int
    last_hash: str | None
    first_hash: str | None


@dataclass(frozen=True)
class Anchor:
    """One line of the anchor log (or of a backup manifest)."""

    event: str
    at_utc: str
    path: str
    device: int
    inode: int
    rows: int
    last_id: int
    last_hash: str | None
    first_hash: str | None

    @property
    def head(self) -> AuditHead:
        return AuditHead(self.rows, self.last_id, self.last_hash, self.first_hash)


def anchor_log_path() -> Path:
    """The anchor log of this computer's user (in the user data folder)."""
    return user_data_dir() / ANCHOR_LOG


def head_of(conn: sqlite3.Connection) -> AuditHead:
    """The head of the audit trail read through an open sqlite3 connection."""
    count, last_id = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM audit_log").fetchone()
    last = conn.execute("SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    first = conn.execute("SELECT row_hash FROM audit_log ORDER BY id LIMIT 1").fetchone()
    return AuditHead(count, last_id, last[0] if last else None, first[0] if first else None)


def read_head(path: Path) -> AuditHead:
    """The head of the audit trail of the database file at `path` (opened read-only)."""
    with closing(open_readonly(path)) as conn:
        return head_of(conn)


def head_text(head: AuditHead) -> str:
    """The head as printed in a PDF footer: the row count and the first 12 hex digits of the last hash."""
    return f"audit {head.rows:,} rows · {(head.last_hash or '0' * SHORT_HASH)[:SHORT_HASH]}"


def footer_head(path: Path) -> str:
    """`head_text` of the database file at `path` ("" when its trail cannot be read)."""
    try:
        return head_text(read_head(path))
    except sqlite3.Error:
        return ""


def make_anchor(path: Path, head: AuditHead, event: str, now: datetime | None = None) -> Anchor:
    """The anchor of `head` for the database at `path` (its real path, device and inode)."""
    if event not in EVENTS:
        raise ValueError(f"unknown anchor event {event!r}")
    real = Path(path).resolve()
    stat = real.stat()
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    return Anchor(event=event, at_utc=moment.strftime("%Y-%m-%dT%H:%M:%SZ"), path=str(real), device=stat.st_dev,
                  inode=stat.st_ino, rows=head.rows, last_id=head.last_id, last_hash=head.last_hash,
                  first_hash=head.first_hash)


def anchor_line(anchor: Anchor) -> str:
    return json.dumps(asdict(anchor), ensure_ascii=False, sort_keys=True)


def append_anchor(path: Path, event: str, log: Path | None = None, head: AuditHead | None = None) -> Anchor:
    """Append the current head of the database at `path` to the anchor log (O_APPEND, fsynced); OSError or
    sqlite3.Error if it cannot be read or written."""
    anchor = make_anchor(path, head or read_head(path), event)
    append_line(log or anchor_log_path(), anchor_line(anchor))
    return anchor


def anchor_print(path: Path, head: AuditHead) -> Anchor | None:
    """Append a "print" anchor of `head` (the head the printout shows in its footer); None when the anchor log
    cannot be written (the anchor is evidence kept outside the file: failing to write it loses no data)."""
    try:
        return append_anchor(path, "print", head=head)
    except (OSError, sqlite3.Error):
        return None


def append_line(log: Path, line: str) -> None:
    """Append one line to `log` with a single write, then fsync it (and its folder when the file is new)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    new = not log.exists()
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.write(fd, (line + "\n").encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    if new and hasattr(os, "O_DIRECTORY"):
        dir_fd = os.open(log.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def parse_anchor(data: Any) -> Anchor | None:
    """An Anchor from a parsed JSON object (None if it is not one)."""
    try:
        anchor = Anchor(**{name: data[name] for name in Anchor.__dataclass_fields__})
    except (KeyError, TypeError):
        return None
    ints = (anchor.device, anchor.inode, anchor.rows, anchor.last_id)
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in ints) or anchor.event not in EVENTS:
        return None
    return anchor


def read_anchors(source: Path) -> list[Anchor]:
    """The anchors of an anchor log (JSON Lines) or of a backup manifest (a JSON object with an "anchor" key),
    oldest first; unreadable lines are skipped. OSError if the file cannot be read."""
    text = Path(source).read_text(encoding="utf-8", errors="replace")
    try:
        whole = json.loads(text)
    except ValueError:
        whole = None
    if isinstance(whole, dict):
        found = parse_anchor(whole.get("anchor", whole))
        return [found] if found else []
    anchors = []
    for line in text.splitlines():
        try:
            found = parse_anchor(json.loads(line))
        except ValueError:
            continue
        if found is not None:
            anchors.append(found)
    return anchors


def anchors_for(path: Path, head: AuditHead, anchors: Iterable[Anchor]) -> list[Anchor]:
    """The anchors that speak about this database file: the same file (same real path, or same device and inode,
    e.g. after a rename) with the same first audit row (when the trail is now empty: the same file only), from
    the latest deliberate restore on. A backup copy elsewhere is another file and has anchors of its own."""
    real = Path(path).resolve()
    stat = real.stat()

    def same_file(a: Anchor) -> bool:
        return a.path == str(real) or (a.device, a.inode) == (stat.st_dev, stat.st_ino)

    mine = [a for a in anchors
            if same_file(a) and (head.first_hash is None or a.first_hash in (None, head.first_hash))]
    restores = [i for i, a in enumerate(mine) if a.event == "restore"]
    return mine[restores[-1]:] if restores else mine


def _when(anchor: Anchor) -> str:
    return anchor.at_utc.replace("T", " ").replace("Z", " UTC")


def check_anchor(anchor: Anchor, head: AuditHead, hash_at: Any) -> str | None:
    """None if the trail described by `head` extends `anchor`, else a plain sentence. `hash_at(id)` returns the
    row_hash of the audit row with that id (None if there is none)."""
    seen = f"last seen ({anchor.event}, {_when(anchor)}) with {anchor.rows:,} audit rows"
    if anchor.first_hash is not None and head.first_hash is not None and anchor.first_hash != head.first_hash:
        return f"{seen}, but its first audit row is now a different one: the trail was rewritten from the start."
    if head.last_id < anchor.last_id or head.rows < anchor.rows:
        return (f"{seen}; it now has {head.rows:,}. Rows were deleted from the end of the trail, or an older copy "
                "of the file (e.g. a backup) was put in its place.")
    if anchor.last_id and hash_at(anchor.last_id) != anchor.last_hash:
        return (f"{seen} ending in {str(anchor.last_hash)[:SHORT_HASH]}; audit row {anchor.last_id} now has a "
                "different hash: the trail was rewritten and re-hashed.")
    return None


def check_anchors(head: AuditHead, anchors: list[Anchor], hash_at: Any) -> list[str]:
    """Every anchor the trail does not extend, as plain sentences (oldest first)."""
    return [problem for anchor in anchors if (problem := check_anchor(anchor, head, hash_at)) is not None]


def unanchored_rows(head: AuditHead, anchors: list[Anchor]) -> int:
    """How many audit rows were written after the latest anchor (0 without anchors)."""
    if not anchors:
        return 0
    return max(0, head.last_id - max(a.last_id for a in anchors))
