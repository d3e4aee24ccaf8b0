"""Backups (online backup API, newest N kept), restore round trip, damaged files refused, one instance per file."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from models.backup import (
    BackupError,
    BackupPolicy,
    backup_folder,
    backup_if_due,
    list_backups,
    load_policy,
    make_backup,
    newest_good_backup,
    restore_backup,
    save_policy,
)
from models.database import open_database
from models.errors import DatabaseError
from models.instance_lock import DatabaseInUse
from models.integrity import DatabaseDamaged
from models.subjects import get_subject, list_subjects, save_subject

from .conftest import subject_input

pytestmark = pytest.mark.sqlite_only  # about the SQLite file itself (the server: test_server_storage.py)

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def test_backups_are_checked_copies_and_only_the_newest_are_kept(db):
    save_subject(db, subject_input(), user="jkim")
    save_policy(db.path, BackupPolicy(keep=3))
    for hour in range(5):
        make_backup(db.path, T0 + timedelta(hours=hour))
    kept = list_backups(db.path)
    assert [b.taken_at_utc for b in kept] == [T0 + timedelta(hours=h) for h in (4, 3, 2)]
    assert all(b.path.parent == db.path.parent / "backups" for b in kept)
    files = sorted(p.name for p in (db.path.parent / "backups").iterdir() if p.suffix != ".json")
    assert files == sorted(b.path.name for b in kept)  # no -wal/-shm or partial files left beside the copies
    with closing(sqlite3.connect(kept[0].path)) as conn:
        assert conn.execute("SELECT subject_id FROM subjects").fetchall() == [("LN-01",)]


def test_backup_while_open_is_made_at_most_once_per_interval(db):
    assert backup_if_due(db.path, T0) is not None
    assert backup_if_due(db.path, T0 + timedelta(hours=23)) is None
    assert backup_if_due(db.path, T0 + timedelta(hours=24)) is not None
    assert len(list_backups(db.path)) == 2


def test_policy_defaults_and_bad_settings_file(db):
    assert load_policy(db.path) == BackupPolicy(keep=14, interval_hours=24)
    backup_folder(db.path).mkdir()
    (backup_folder(db.path) / "backup-settings.json").write_text("{not json", encoding="utf-8")
    assert load_policy(db.path) == BackupPolicy()
    with pytest.raises(ValueError):
        save_policy(db.path, BackupPolicy(keep=0))


def test_restore_round_trip_keeps_the_current_file_aside(db):
    save_subject(db, subject_input(), user="jkim")
    backup = make_backup(db.path, T0)
    record = get_subject(db, "LN-01")
    save_subject(db, dataclasses.replace(record.to_input(), weight_kg=70.0), user="jkim", reason="new weight")
    save_subject(db, subject_input(subject_id="LN-02", screening_number="S-002"), user="jkim")
    db.close()
    aside = restore_backup(db.path, backup.path, T0 + timedelta(hours=1))
    restored = open_database(db.path, create=False)
    assert [r.subject_id for r in list_subjects(restored)] == ["LN-01"]
    assert get_subject(restored, "LN-01").weight_kg == 58.5
    restored.close()
    kept = open_database(aside, create=False)
    assert {r.subject_id for r in list_subjects(kept)} == {"LN-01", "LN-02"}
    kept.close()


def test_a_damaged_backup_is_not_restored(db, tmp_path):
    bad = tmp_path / "study-20260601T090000000000Z.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    db.close()
    before = db.path.read_bytes()
    with pytest.raises(BackupError, match="cannot be restored"):
        restore_backup(db.path, bad, T0)
    assert db.path.read_bytes() == before


def test_a_truncated_database_is_refused_and_the_newest_good_backup_named(db):
    save_subject(db, subject_input(), user="jkim")
    older = make_backup(db.path, T0)
    newer = make_backup(db.path, T0 + timedelta(hours=1))
    newer.path.write_bytes(newer.path.read_bytes()[:9000])  # the newest copy is damaged too
    db.close()
    with closing(sqlite3.connect(db.path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = db.path.read_bytes()
    db.path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DatabaseDamaged) as caught:
        open_database(db.path, create=False)
    assert caught.value.backup == older.path
    assert str(older.path) in str(caught.value)
    assert newest_good_backup(db.path).path == older.path


def test_a_file_from_another_program_is_refused_untouched(tmp_path):
    foreign = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(foreign)) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        conn.commit()
    before = foreign.read_bytes()
    with pytest.raises(DatabaseError, match="not a TrialDesk database"):
        open_database(foreign, create=False, single_instance=True)
    assert foreign.read_bytes() == before
    open_database(foreign.with_name("new.sqlite3"), single_instance=True).close()  # the lock was released


def test_a_second_instance_is_refused_in_this_and_another_process(db):
    db.close()
    first = open_database(db.path, create=False, single_instance=True)
    with pytest.raises(DatabaseInUse, match=f"PID {os.getpid()}"):
        open_database(db.path, create=False, single_instance=True)
    code = ("import sys; from models.database import open_database\n"
            "try:\n open_database(sys.argv[1], create=False, single_instance=True)\n"
            "except Exception as e:\n print(type(e).__name__, e); sys.exit(3)\n")
    done = subprocess.run([sys.executable, "-c", code, str(db.path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 3, done.stderr
    assert "DatabaseInUse" in done.stdout and "already open in another TrialDesk" in done.stdout
    first.close()
    open_database(db.path, create=False, single_instance=True).close()


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make an empty `folder` read-only for this process: by its permissions, or for root (whom permissions do
    not stop, as in CI) by mounting a tmpfs there and remounting it read-only; skipped if neither is possible."""
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            yield
        finally:
            folder.chmod(0o700)
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True,
                             text=True)
    if mounted.returncode != 0:
        pytest.skip(f"running as root and cannot mount a read-only folder: {mounted.stderr.strip()}")
    try:
        remounted = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True, text=True)
        if remounted.returncode != 0:
            pytest.skip(f"running as root and cannot remount read-only: {remounted.stderr.strip()}")
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions and mounts")
def test_backup_into_a_read_only_folder_says_so(db):
    folder = backup_folder(db.path)
    folder.mkdir()
    with read_only(folder), pytest.raises(BackupError, match="No backup could be written"):
        make_backup(db.path, T0)
    assert list_backups(db.path) == []


def test_backup_where_the_folder_name_is_taken_by_a_file_says_so(db):
    backup_folder(db.path).write_text("not a folder", encoding="utf-8")
    with pytest.raises(BackupError, match="No backup could be written"):
        make_backup(db.path, T0)
    assert list_backups(db.path) == [] and db.path.exists()
