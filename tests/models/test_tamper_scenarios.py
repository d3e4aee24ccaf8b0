"""Tampering with the database file behind TrialDesk's back, as someone holding the file would (raw sqlite3, the
append-only triggers dropped first): one test per scenario, each must be caught by `verify`.

Scenarios (issue 17):
 1-6  an audit row edited (value, user, time, reason), deleted in the middle, or two rows swapped: the hash chain;
 7    the newest audit rows deleted: the anchor ("last seen with N rows; it now has M");
 8    every audit row deleted: the anchor and the reconciliation;
 9    a lab value changed: the reconciliation names table, record, field, audited and stored value;
 10   a subject inserted;   11 a subject deleted;   12 a monitor made administrator;   13 signatures deleted;
 14   an audit row rewritten and every later hash recomputed: the anchor (a different hash at the anchored row);
 15   a forged but well-chained row appended in another user's name, the data changed to match: rows after the
      last anchor with no anchor of their own;
 16   the same forged row without the data change: the reconciliation;
 17   the file swapped for an older backup: the anchor (an older state).
The one thing not caught, by design and documented in the README: rewriting and re-hashing the chain and also
every anchor (last test).
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from main import main
from models.anchor import anchor_line, anchor_log_path, make_anchor, read_anchors, read_head
from models.audit_chain import chain_rows, row_hash
from models.backup import make_backup, manifest_path
from models.database import backup_copy, open_database
from models.demo import write_demo_database
from models.subjects import get_subject, save_subject
from models.users import authenticate
from models.verify import verify_database

AS_OF = date(2026, 6, 1)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tamper") / "demo.sqlite3"
    write_demo_database(path, n_subjects=10, seed=3, as_of=AS_OF)
    return path


@pytest.fixture
def study(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo database, opened and closed once by TrialDesk (so its head is anchored)."""
    monkeypatch.setenv("TRIALDESK_DATA_DIR", str(tmp_path / "userdata"))
    path = tmp_path / "study.sqlite3"
    backup_copy(template, path)
    open_database(path, create=False).close()
    assert verify_database(path).ok
    return path


def tamper(path: Path, *statements: str, params: tuple = ()) -> None:
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        conn.execute("PRAGMA foreign_keys=OFF")
        for statement in statements:
            conn.execute(statement, params if statement == statements[-1] else ())


def one(path: Path, sql: str) -> tuple:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql).fetchone()


def caught(path: Path, *words: str) -> str:
    report = verify_database(path)
    text = "\n".join(report.lines)
    assert not report.ok, text
    for word in words:
        assert word in text, text
    return text


# 1-6: inside the chain

def test_01_audit_value_edited(study):
    tamper(study, "UPDATE audit_log SET new_value = '99.0' WHERE id = (SELECT max(id) FROM audit_log "
                  "WHERE action = 'update')")
    caught(study, "was changed after it was written")


def test_02_audit_user_edited(study):
    tamper(study, "UPDATE audit_log SET user = 'investigator' WHERE id = 100")
    caught(study, "Audit row 100 was changed")


def test_03_audit_time_edited(study):
    tamper(study, "UPDATE audit_log SET at_utc = '2020-01-01T00:00:00.000000Z' WHERE id = 50")
    caught(study, "Audit row 50")


def test_04_audit_reason_edited(study):
    tamper(study, "UPDATE audit_log SET reason = 'typo' WHERE id = (SELECT max(id) FROM audit_log "
                  "WHERE reason IS NOT NULL)")
    caught(study, "was changed after it was written")


def test_05_audit_row_deleted_in_the_middle(study):
    tamper(study, "DELETE FROM audit_log WHERE id = 200")
    caught(study, "Audit rows 200 to 200 are missing")


def test_06_two_audit_rows_swapped(study):
    a = one(study, "SELECT user, new_value FROM audit_log WHERE id = 10")
    b = one(study, "SELECT user, new_value FROM audit_log WHERE id = 11")
    with closing(sqlite3.connect(study)) as conn, conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET user = ?, new_value = ? WHERE id = 10", b)
        conn.execute("UPDATE audit_log SET user = ?, new_value = ? WHERE id = 11", a)
    caught(study, "Audit row 10")


# 7-8: rows deleted from the end

def test_07_newest_audit_rows_deleted(study):
    rows = one(study, "SELECT count(*) FROM audit_log")[0]
    tamper(study, f"DELETE FROM audit_log WHERE id > {rows - 28}")
    text = caught(study, f"with {rows:,} audit rows", f"it now has {rows - 28:,}")
    assert "intact" in text  # the chain itself holds: only the anchor tells


def test_08_every_audit_row_deleted(study):
    rows = one(study, "SELECT count(*) FROM audit_log")[0]
    tamper(study, "DELETE FROM audit_log")
    caught(study, f"with {rows:,} audit rows", "it now has 0", "never recorded its insertion")


# 9-13: data changed behind the app's back

def test_09_lab_value_changed(study):
    lab_id, value = one(study, "SELECT id, canonical_value FROM lab_values WHERE key = 'creatinine_mg_dl' "
                               "ORDER BY id LIMIT 1")
    tamper(study, f"UPDATE lab_values SET canonical_value = 0.42 WHERE id = {lab_id}")
    caught(study, f"lab_values record {lab_id}, canonical_value", f"says {repr(value)!r}", "holds '0.42'")


def test_10_subject_inserted(study):
    tamper(study, "INSERT INTO subjects (subject_id, screening_number, subgroup, sex, birth_date, status) "
                  "VALUES ('LN-99', 'S-999', 'LN', 'F', '1990-01-01', 'enrolled')")
    new_id = one(study, "SELECT id FROM subjects WHERE subject_id = 'LN-99'")[0]
    caught(study, f"subjects record {new_id} exists, but the audit trail never recorded its insertion")


def test_11_subject_deleted(study):
    pk = one(study, "SELECT id FROM subjects ORDER BY id DESC LIMIT 1")[0]
    tamper(study, f"DELETE FROM subjects WHERE id = {pk}")
    caught(study, f"subjects record {pk} is missing")


def test_12_monitor_made_administrator(study):
    user_id = one(study, "SELECT id FROM users WHERE role = 'monitor'")[0]
    tamper(study, f"UPDATE users SET role = 'administrator' WHERE id = {user_id}")
    caught(study, f"users record {user_id}, role", "says 'monitor'", "holds 'administrator'")


def test_13_signatures_deleted(study):
    assert one(study, "SELECT count(*) FROM signatures")[0] > 0
    tamper(study, "DELETE FROM signatures")
    caught(study, "signatures record", "is missing")


# 14-17: forgeries that keep the chain intact

def _rechain_from(path: Path, first_id: int, change: dict) -> None:
    """Rewrite audit row `first_id` with `change` and recompute the hash of it and of every later row."""
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.row_factory = sqlite3.Row
        conn.execute("DROP TRIGGER audit_log_no_update")
        rows = [dict(r) for r in conn.execute("SELECT * FROM audit_log WHERE id >= ? ORDER BY id", (first_id,))]
        prev = conn.execute("SELECT row_hash FROM audit_log WHERE id = ?", (first_id - 1,)).fetchone()[0]
        rows[0].update(change)
        for row in rows:
            row["prev_hash"] = prev
            row["row_hash"] = row_hash(row)
            prev = row["row_hash"]
            conn.execute("UPDATE audit_log SET user = ?, new_value = ?, prev_hash = ?, row_hash = ? WHERE id = ?",
                         (row["user"], row["new_value"], row["prev_hash"], row["row_hash"], row["id"]))


def test_14_row_rewritten_and_every_later_hash_recomputed(study):
    _rechain_from(study, 300, {"user": "investigator"})
    text = caught(study, "the trail was rewritten and re-hashed")
    assert "The audit trail is intact" in text  # the chain alone cannot tell


def _forge_weight_change(path: Path, change_data: bool) -> int:
    visit_id, weight = one(path, "SELECT id, weight_kg FROM visits WHERE weight_kg IS NOT NULL ORDER BY id LIMIT 1")
    last_id, last_hash = one(path, "SELECT id, row_hash FROM audit_log ORDER BY id DESC LIMIT 1")
    row = {"at_utc": "2026-06-01T10:00:00.000000Z", "user": "investigator", "action": "update",
           "table_name": "visits", "record_id": visit_id, "subject_id": None, "field": "weight_kg",
           "old_value": repr(weight), "new_value": repr(weight + 5.0), "reason": "re-weighed"}
    forged = chain_rows(last_hash, last_id + 1, [row])[0]
    columns = ", ".join(f'"{k}"' for k in forged)
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(f"INSERT INTO audit_log ({columns}) VALUES ({', '.join('?' * len(forged))})",
                     tuple(forged.values()))
        if change_data:
            conn.execute("UPDATE visits SET weight_kg = ? WHERE id = ?", (weight + 5.0, visit_id))
    return visit_id


def test_15_forged_row_appended_with_matching_data(study):
    _forge_weight_change(study, change_data=True)
    text = caught(study, "1 audit row(s) were written after the last anchor")
    assert "matches the audit trail" in text  # chain and data agree: only the anchor tells


def test_16_forged_row_appended_without_the_data(study):
    visit_id = _forge_weight_change(study, change_data=False)
    caught(study, f"visits record {visit_id}, weight_kg")


def test_17_file_swapped_for_an_older_backup(study):
    backup = make_backup(study, datetime(2026, 6, 1, 8, tzinfo=UTC))
    rows = one(study, "SELECT count(*) FROM audit_log")[0]
    db = open_database(study, create=False)
    db.sign_in(authenticate(db, "coordinator", "demo-coord-2026"))
    record = get_subject(db, "LN-01")
    save_subject(db, dataclasses.replace(record.to_input(), notes="seen again"), user="x", reason="note added")
    db.close()
    now = one(study, "SELECT count(*) FROM audit_log")[0]
    assert now > rows
    shutil.copyfile(backup.path, study)
    for suffix in ("-wal", "-shm"):
        Path(f"{study}{suffix}").unlink(missing_ok=True)
    caught(study, f"with {now:,} audit rows", f"it now has {rows:,}", "an older copy")


# the command line and the anchor kept elsewhere

def test_verify_command_exit_codes_and_plain_words(study, capsys):
    assert main(["verify", "--db", str(study)]) == 0
    assert capsys.readouterr().out.startswith("INTACT")
    tamper(study, "DELETE FROM signatures")
    assert main(["verify", "--db", str(study)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("TAMPERED") and "Traceback" not in out


def test_verify_against_an_anchor_kept_elsewhere(study, tmp_path, monkeypatch, capsys):
    backup = make_backup(study, datetime(2026, 6, 1, 8, tzinfo=UTC))
    manifest = manifest_path(backup.path)
    assert json.loads(manifest.read_text())["anchor"]["rows"] == read_head(study).rows
    rows = read_head(study).rows
    tamper(study, f"DELETE FROM audit_log WHERE id > {rows - 3}")
    monkeypatch.setenv("TRIALDESK_DATA_DIR", str(tmp_path / "another-computer"))  # no anchor log here
    assert main(["verify", "--db", str(study), "--anchor", str(manifest)]) == 1
    assert f"it now has {rows - 3:,}" in capsys.readouterr().out


def test_restoring_a_backup_through_trialdesk_is_not_tampering(study):
    from models.backup import restore_backup

    backup = make_backup(study, datetime(2026, 6, 1, 8, tzinfo=UTC))
    restore_backup(study, backup.path, datetime(2026, 6, 1, 9, tzinfo=UTC))
    assert verify_database(study).ok


def test_documented_limit_full_reforgery_of_chain_and_every_anchor_is_not_caught(study):
    _rechain_from(study, 300, {"user": "investigator"})
    log = anchor_log_path()
    forged = [anchor_line(make_anchor(study, read_head(study), a.event)) for a in read_anchors(log)]
    log.write_text("\n".join(forged) + "\n", encoding="utf-8")
    assert verify_database(study).ok
