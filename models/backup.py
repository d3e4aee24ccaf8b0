"""Backups of a study database: consistent copies through SQLite's online backup API in a `backups` folder
next to the database, the newest N kept; restore with the current file kept aside first.

    policy = load_policy(db_path)                       # BackupPolicy(keep=14, interval_hours=24)
    made = backup_if_due(db_path, now)                  # at most one copy per interval while the app is open
    made = make_backup(db_path, now)                    # on close: always
    newest_good_backup(db_path)                         # for a damaged file: which copy to restore
    aside = restore_backup(db_path, backup, now)        # the database must be closed

Each backup is anchored (models.anchor): its audit head goes into the anchor log and into a manifest beside the
copy (`<copy>.manifest.json`, usable with `verify --anchor`); a restore writes a `restore` anchor, the one
deliberate way back to an older state.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from models.anchor import anchor_line, anchor_log_path, append_line, make_anchor, read_head
from models.errors import DatabaseError
from models.integrity import quick_check
from models.readonly import open_readonly

BACKUP_FOLDER = "backups"
SETTINGS_FILE = "backup-settings.json"
DEFAULT_KEEP = 14
DEFAULT_INTERVAL_HOURS = 24
_STAMP = "%Y%m%dT%H%M%S%fZ"


class BackupError(DatabaseError):
    """A backup or restore could not be made (read-only folder, full disk, damaged copy); nothing was lost."""


@dataclass(frozen=True)
class BackupPolicy:
    """How many copies are kept and how often a copy is made while the database is open."""

    keep: int = DEFAULT_KEEP
    interval_hours: int = DEFAULT_INTERVAL_HOURS


@dataclass(frozen=True)
class BackupInfo:
    """One backup copy: its file, when it was taken (UTC) and its size in bytes."""

    path: Path
    taken_at_utc: datetime
    size: int


def backup_folder(db_path: Path) -> Path:
    """The folder holding the backups of `db_path` (next to it)."""
    return Path(db_path).parent / BACKUP_FOLDER


def load_policy(db_path: Path) -> BackupPolicy:
    """The backup policy stored beside the backups (defaults if none, or if the file is unreadable)."""
    try:
        data = json.loads((backup_folder(db_path) / SETTINGS_FILE).read_text(encoding="utf-8"))
        return BackupPolicy(keep=_bounded(data.get("keep"), 1, 365, DEFAULT_KEEP),
                            interval_hours=_bounded(data.get("interval_hours"), 1, 24 * 7, DEFAULT_INTERVAL_HOURS))
    except (OSError, ValueError, AttributeError):
        return BackupPolicy()


def save_policy(db_path: Path, policy: BackupPolicy) -> None:
    """Store the policy (keep 1-365 copies, interval 1-168 hours); BackupError if the folder is not writable."""
    if not 1 <= policy.keep <= 365 or not 1 <= policy.interval_hours <= 24 * 7:
        raise ValueError("keep must be 1-365 copies and the interval 1-168 hours")
    folder = backup_folder(db_path)
    try:
        folder.mkdir(exist_ok=True)
        (folder / SETTINGS_FILE).write_text(json.dumps({"keep": policy.keep, "interval_hours": policy.interval_hours}),
                                            encoding="utf-8")
    except OSError as exc:
        raise BackupError(f"The backup settings cannot be saved in {folder} ({exc.strerror or exc}).") from exc


def _bounded(value: object, low: int, high: int, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high else default


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(Path(db_path).stem) + r"-(\d{8}T\d{12}Z)\.sqlite3$")


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of this database, newest first."""
    folder = backup_folder(db_path)
    pattern = _pattern(db_path)
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = pattern.match(entry.name)
        if match and entry.is_file():
            taken = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
            found.append(BackupInfo(entry, taken, entry.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at_utc, reverse=True)


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that passes quick_check, or None."""
    return next((b for b in list_backups(db_path) if quick_check(b.path) is None), None)


def make_backup(db_path: Path, now: datetime, policy: BackupPolicy | None = None) -> BackupInfo:
    """Copy the live database (online backup API) into the backup folder, check the copy, drop the oldest copies."""
    db_path = Path(db_path)
    policy = policy or load_policy(db_path)
    folder = backup_folder(db_path)
    target = folder / f"{db_path.stem}-{now.astimezone(UTC).strftime(_STAMP)}.sqlite3"
    partial = target.with_name(target.name + ".partial")
    try:
        folder.mkdir(exist_ok=True)
        with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as src, \
                closing(sqlite3.connect(partial)) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a self-contained single file, no -wal/-shm beside it
        problem = quick_check(partial)
        if problem is not None:
            raise BackupError(f"The backup copy failed its check and was not kept: {problem}")
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        _discard(partial)
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise BackupError(f"No backup could be written to {folder} ({detail}). The database itself is unchanged.") \
            from exc
    except BackupError:
        _discard(partial)
        raise
    _anchor_backup(db_path, target, now)
    for old in list_backups(db_path)[policy.keep:]:
        old.path.unlink(missing_ok=True)
        manifest_path(old.path).unlink(missing_ok=True)
    return BackupInfo(target, now.astimezone(UTC), target.stat().st_size)


def manifest_path(backup: Path) -> Path:
    """The manifest beside a backup copy: the audit anchor of the database at the time of the copy."""
    return backup.with_name(backup.name + ".manifest.json")


def _anchor_backup(db_path: Path, target: Path, now: datetime) -> None:
    """Anchor the copied head: in the manifest beside the copy and in the anchor log (best effort: the copy is
    made and checked either way)."""
    with contextlib.suppress(OSError, sqlite3.Error):
        anchor = make_anchor(db_path, read_head(target), "backup", now)
        manifest = {"backup": target.name, "anchor": json.loads(anchor_line(anchor))}
        manifest_path(target).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        append_line(anchor_log_path(), anchor_line(anchor))


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):  # the folder itself is unusable: there is no partial file to remove
        path.unlink(missing_ok=True)


def backup_if_due(db_path: Path, now: datetime, policy: BackupPolicy | None = None) -> BackupInfo | None:
    """Make a backup if the newest one is older than the policy's interval (or there is none); else None."""
    policy = policy or load_policy(db_path)
    newest = next(iter(list_backups(db_path)), None)
    if newest is not None and now.astimezone(UTC) - newest.taken_at_utc < timedelta(hours=policy.interval_hours):
        return None
    return make_backup(db_path, now, policy)


def restore_backup(db_path: Path, backup: Path, now: datetime) -> Path:
    """Replace the (closed) database with a backup copy; the current file is first moved aside and its path returned.

    The backup must pass quick_check. If anything fails, the current file is put back where it was.
    """
    db_path, backup = Path(db_path), Path(backup)
    problem = quick_check(backup)
    if problem is not None:
        raise BackupError(f"This backup cannot be restored: {problem}")
    aside = db_path.with_name(f"{db_path.name}.before-restore-{now.astimezone(UTC).strftime(_STAMP)}")
    moved: list[tuple[Path, Path]] = []
    try:
        if db_path.exists():
            _checkpoint(db_path)
            for suffix in ("", "-wal", "-shm"):
                current = Path(f"{db_path}{suffix}")
                if current.exists():
                    os.replace(current, Path(f"{aside}{suffix}"))
                    moved.append((Path(f"{aside}{suffix}"), current))
        with closing(open_readonly(backup)) as src, \
                closing(sqlite3.connect(db_path)) as dst:
            src.backup(dst)
    except (OSError, sqlite3.Error) as exc:
        db_path.unlink(missing_ok=True)
        for source, original in moved:
            os.replace(source, original)
        raise BackupError(f"The backup could not be restored ({exc}); the database was left as it was.") from exc
    with contextlib.suppress(OSError, sqlite3.Error):
        append_line(anchor_log_path(), anchor_line(make_anchor(db_path, read_head(db_path), "restore", now)))
    return aside


def _checkpoint(db_path: Path) -> None:
    try:
        with closing(sqlite3.connect(db_path)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error:
        pass
