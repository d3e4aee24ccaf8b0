"""The migrations and the typed models agree, every migration runs down and up again, and an older file keeps
its data (and its ids) through the upgrade."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from models.audit_chain import verify_audit_chain
from models.database import _alembic_config, known_revisions, open_database
from models.schema import Base
from models.subject_records import delete_row, save_row
from models.subjects import save_subject
from tests.models.conftest import TODAY, subject_input


def _upgrade(engine, target: str = "head") -> None:
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), target)


def test_schema_at_head_matches_the_models(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    _upgrade(engine)
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn, opts={"render_as_batch": True}), Base.metadata)
    engine.dispose()
    assert diffs == []


def test_every_migration_goes_down_to_base_and_up_again(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    _upgrade(engine)
    with engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    _upgrade(engine)
    assert {"subjects", "visits", "audit_log", "study_config"} <= set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        triggers = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    engine.dispose()
    assert {"audit_log_no_update", "audit_log_no_delete"} <= triggers


def _rows(path) -> dict[str, list[tuple]]:
    with closing(sqlite3.connect(path)) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN "
                                             "('sqlite_sequence', 'alembic_version') ORDER BY name")]
        out = {}
        for t in tables:  # the data columns (0009's row_version is bookkeeping a later revision adds)
            names = ", ".join(f'"{c[1]}"' for c in conn.execute(f"PRAGMA table_info({t})") if c[1] != "row_version")
            out[t] = conn.execute(f"SELECT {names} FROM {t} ORDER BY id").fetchall()
        return out


def test_a_0007_file_migrates_to_autoincrement_with_its_data_and_audit_trail(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = open_database(path)
    save_subject(db, subject_input(), user="nurse", today=TODAY)
    steroid = {"drug": "prednisolone", "route": "oral", "mg_per_dose": 10.0, "doses_per_day": 1.0,
               "start": date(2026, 2, 1), "stop": None, "indication": "sle"}
    kept = save_row(db, "LN-01", "steroids", steroid, user="nurse", today=TODAY)
    deleted = save_row(db, "LN-01", "steroids", {**steroid, "mg_per_dose": 5.0}, user="nurse", today=TODAY,
                       confirmed=True)
    delete_row(db, "LN-01", "steroids", deleted, user="nurse", reason="entered twice")
    db.close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "0007_settings")
        conn.exec_driver_sql("DELETE FROM sqlite_sequence")  # a 0007 file never had one
    engine.dispose()
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0007_settings",)
        old_sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'steroids'").fetchone()[0]
    assert "AUTOINCREMENT" not in old_sql
    before = _rows(path)
    assert [r[0] for r in before["steroids"]] == [kept]

    db = open_database(path)
    assert _rows(path) == before
    assert len(list(tmp_path.glob("old.sqlite3.bak-*"))) == 1
    assert verify_audit_chain(db).ok
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (known_revisions()[-1],)
        assert conn.execute("PRAGMA foreign_keys").fetchone() == (0,)  # a plain connection; the app's sets it on
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'subjects'").fetchone()[0]
    assert "AUTOINCREMENT" in sql
    again = save_row(db, "LN-01", "steroids", {**steroid, "mg_per_dose": 7.5}, user="nurse", today=TODAY,
                     confirmed=True)
    db.close()
    assert again > deleted  # the deleted row's id, known only from the audit trail, is not given out again


def test_the_autoincrement_rebuild_refuses_to_run_with_foreign_keys_on(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    _upgrade(engine, "0007_settings")
    with engine.connect() as conn:
        conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")
        with pytest.raises(RuntimeError, match="foreign_keys=OFF"), conn.begin():
            command.upgrade(_alembic_config(conn), "head")
    engine.dispose()
