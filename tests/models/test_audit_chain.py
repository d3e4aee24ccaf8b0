"""The audit trail is hash-chained: an edited, deleted or inserted row made directly in SQLite is found."""

from __future__ import annotations

import dataclasses
import sqlite3
from contextlib import closing

import pytest

from main import main
from models.audit_chain import GENESIS_HASH, verify_audit_chain, verify_audit_file
from models.subjects import get_subject, save_subject

from .conftest import subject_input

pytestmark = pytest.mark.sqlite_only  # about the SQLite file itself (the server: test_server_storage.py)


def _with_history(db) -> None:
    save_subject(db, subject_input(), user="jkim")
    record = get_subject(db, "LN-01")
    save_subject(db, dataclasses.replace(record.to_input(), weight_kg=60.0), user="jkim", reason="scale recalibrated")
    save_subject(db, subject_input(subject_id="LN-02", screening_number="S-002"), user="hlee")


def _tamper(path, *statements: str) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("DROP TRIGGER audit_log_no_delete")
        for statement in statements:
            conn.execute(statement)
        conn.commit()


def test_every_row_links_to_the_one_before(db):
    _with_history(db)
    with closing(sqlite3.connect(db.path)) as conn:
        rows = conn.execute("SELECT id, prev_hash, row_hash FROM audit_log ORDER BY id").fetchall()
    assert len(rows) >= 4
    assert rows[0][1] == GENESIS_HASH
    assert all(b[1] == a[2] for a, b in zip(rows, rows[1:], strict=False))
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    report = verify_audit_chain(db)
    assert report.ok and report.broken_id is None and report.rows_checked == len(rows)


def test_an_edited_value_is_found_at_its_row(db):
    _with_history(db)
    with closing(sqlite3.connect(db.path)) as conn:
        target = conn.execute("SELECT id FROM audit_log WHERE field = 'weight_kg'").fetchone()[0]
    db.close()
    _tamper(db.path, f"UPDATE audit_log SET new_value = '55.0' WHERE id = {target}")
    report = verify_audit_file(db.path)
    assert not report.ok and report.broken_id == target
    assert "changed after it was written" in report.message


def test_an_edited_user_with_recomputed_hash_breaks_the_next_link(db):
    _with_history(db)
    db.close()
    from models.audit_chain import row_hash

    with closing(sqlite3.connect(db.path)) as conn:
        conn.row_factory = sqlite3.Row
        row = dict(conn.execute("SELECT * FROM audit_log WHERE id = 2").fetchone())
    row["user"] = "mallory"
    forged = row_hash(row)
    _tamper(db.path, f"UPDATE audit_log SET user = 'mallory', row_hash = '{forged}' WHERE id = 2")
    report = verify_audit_file(db.path)
    assert not report.ok and report.broken_id == 3
    assert "does not link" in report.message


def test_a_deleted_row_is_found(db):
    _with_history(db)
    db.close()
    _tamper(db.path, "DELETE FROM audit_log WHERE id = 2")
    report = verify_audit_file(db.path)
    assert not report.ok and report.broken_id == 3


def test_verify_command_exit_codes(db, tmp_path, capsys):
    _with_history(db)
    db.close()
    assert main(["verify", "--db", str(db.path)]) == 0
    assert "intact" in capsys.readouterr().out
    _tamper(db.path, "UPDATE audit_log SET reason = 'nothing to see' WHERE field = 'weight_kg'")
    assert main(["verify", "--db", str(db.path)]) == 1
    assert "TAMPERED" in capsys.readouterr().out
    assert main(["verify", "--db", str(tmp_path / "missing.sqlite3")]) == 2
    foreign = tmp_path / "notes.txt"
    foreign.write_text("hello", encoding="utf-8")
    assert main(["verify", "--db", str(foreign)]) == 1
    assert "not a SQLite database" in capsys.readouterr().out


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_verify_reports_a_truncated_file_as_damaged(db, keep, capsys):
    _with_history(db)
    db.close()
    with closing(sqlite3.connect(db.path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = db.path.read_bytes()
    db.path.write_bytes(data[: int(len(data) * keep)])
    assert main(["verify", "--db", str(db.path)]) == 1
    out = capsys.readouterr().out
    assert "DAMAGED" in out or "TAMPERED" in out


def test_migration_chains_the_rows_already_written(tmp_path):
    from alembic import command
    from sqlalchemy import create_engine

    from models.database import _alembic_config

    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0004_subject_logs")
        for n in range(3):
            conn.exec_driver_sql(
                "INSERT INTO audit_log (at_utc, user, action, table_name, record_id, new_value) "
                f"VALUES ('2026-01-0{n + 1}T00:00:00Z', 'old', 'insert', 'subjects', {n + 1}, '{{}}')")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")
    engine.dispose()
    report = verify_audit_file(path)
    assert report.ok and report.rows_checked == 3
