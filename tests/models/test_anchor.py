"""Audit anchors: appended on close (only when the head moved), on backup (log and manifest) and on print;
the printed head text."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from main import main
from models.anchor import anchor_log_path, footer_head, read_anchors, read_head
from models.backup import make_backup, manifest_path
from models.database import open_database
from models.subjects import save_subject

from .conftest import subject_input

pytestmark = pytest.mark.sqlite_only  # anchors of a file (a server's: test_server_storage.py)


def test_close_anchors_the_head_once_per_change(db, tmp_path, monkeypatch):
    monkeypatch.setenv("TRIALDESK_DATA_DIR", str(tmp_path / "userdata"))
    db.close()
    first = read_anchors(anchor_log_path())
    assert [a.event for a in first] == ["close"] and first[0].head == read_head(db.path)
    assert first[0].path == str(db.path.resolve()) and first[0].inode == db.path.stat().st_ino
    open_database(db.path, create=False).close()
    assert len(read_anchors(anchor_log_path())) == 1  # nothing changed: no new line
    again = open_database(db.path, create=False)
    save_subject(again, subject_input(), user="nurse")
    again.close()
    anchors = read_anchors(anchor_log_path())
    assert len(anchors) == 2 and anchors[1].rows > anchors[0].rows and anchors[1].head == read_head(db.path)


def test_backup_and_print_are_anchored_and_the_footer_names_the_head(db, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TRIALDESK_DATA_DIR", str(tmp_path / "userdata"))
    save_subject(db, subject_input(), user="nurse")
    db.close()
    head = read_head(db.path)
    info = make_backup(db.path, datetime(2026, 6, 1, 9, tzinfo=UTC))
    manifest = json.loads(manifest_path(info.path).read_text(encoding="utf-8"))
    assert manifest["backup"] == info.path.name and manifest["anchor"]["last_hash"] == head.last_hash
    assert main(["print", "--db", str(db.path), "--subject", "LN-01", "--out", str(tmp_path / "s.pdf"),
                 "--as-of", "2026-06-01"]) == 0
    assert [a.event for a in read_anchors(anchor_log_path())] == ["close", "backup", "print"]
    assert footer_head(db.path) == f"audit {head.rows:,} rows · {head.last_hash[:12]}"
    assert footer_head(tmp_path / "missing.sqlite3") == ""
