"""Opening, creating, migrating and refusing database files; pragmas; the stored study configuration."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

import models.database as database_module
from models.database import known_revisions, open_database
from models.errors import DatabaseError, StudyConfigError
from models.paths import default_study_config_path, migrations_dir

pytestmark = pytest.mark.sqlite_only  # about the SQLite file itself (the server: test_server_storage.py)


def _head() -> str:
    """The newest schema revision (later issues add migrations after the baseline)."""
    return ScriptDirectory(str(migrations_dir())).get_current_head()


def test_migration_file_names_are_alembics_revision_chain():
    """open_database reads the revisions from the file names (no Alembic import at start-up): they must be
    exactly Alembic's chain, oldest first, ending at its head."""
    script = ScriptDirectory(str(migrations_dir()))
    chain = [rev.revision for rev in script.walk_revisions()][::-1]
    assert known_revisions() == chain
    assert known_revisions()[-1] == _head()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_pragmas_on_every_connection(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_new_database_is_at_head_and_stores_the_configuration(tmp_path):
    db = open_database(tmp_path / "new.sqlite3")
    with db.read() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == _head()
    assert db.config.toml_text == default_study_config_path().read_text(encoding="utf-8")
    assert db.config.study["protocol"] == "CS20AT04 phase IIa"
    assert db.config.params.ln_upcr_max == 0.5
    db.close()


def test_later_edit_of_the_file_does_not_change_an_existing_study(tmp_path):
    config = tmp_path / "study.toml"
    config.write_text(default_study_config_path().read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "study.sqlite3"
    open_database(path, config_path=config).close()
    config.write_text(config.read_text(encoding="utf-8").replace("ln_upcr_max = 0.5", "ln_upcr_max = 0.8"))
    db = open_database(path, config_path=config)
    assert db.config.params.ln_upcr_max == 0.5
    db.close()
    fresh = open_database(tmp_path / "other.sqlite3", config_path=config)
    assert fresh.config.params.ln_upcr_max == 0.8
    fresh.close()


def test_bad_configuration_is_refused_with_file_key_and_reason_and_no_file_is_made(tmp_path):
    config = tmp_path / "study.toml"
    config.write_text(default_study_config_path().read_text(encoding="utf-8").replace(
        "ln_steroid_run_days = 7", "ln_steroid_run_days = -3"), encoding="utf-8")
    with pytest.raises(StudyConfigError) as err:
        open_database(tmp_path / "x.sqlite3", config_path=config)
    assert err.value.file == str(config)
    assert err.value.key == "protocol.ln_steroid_run_days"
    assert "whole number" in str(err.value)
    assert not (tmp_path / "x.sqlite3").exists()


def test_missing_file_without_create_is_refused(tmp_path):
    with pytest.raises(DatabaseError, match="no such database"):
        open_database(tmp_path / "absent.sqlite3", create=False)


def test_non_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("hello, not a database")
    with pytest.raises(DatabaseError, match="not a SQLite database"):
        open_database(path)
    assert path.read_text() == "hello, not a database"


def test_foreign_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE things (id INTEGER)")
    digest = _sha(path)
    with pytest.raises(DatabaseError, match="not a TrialDesk database"):
        open_database(path)
    assert _sha(path) == digest


def test_newer_schema_is_refused_and_the_file_is_not_changed(db):
    path = db.path
    db.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.close()
    digest = _sha(path)
    with pytest.raises(DatabaseError, match="newer version of TrialDesk") as err:
        open_database(path)
    assert "0099_from_the_future" in str(err.value)
    assert _sha(path) == digest
    assert not list(path.parent.glob("*.bak-*"))


NEXT_REVISION = '''"""test: a later schema revision."""
import sqlalchemy as sa
from alembic import op

revision = "9999_test"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("later_things", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("later_things")
'''


def test_older_schema_is_backed_up_then_upgraded(db, tmp_path, monkeypatch):
    from models.subjects import save_subject

    from .conftest import TODAY, subject_input

    save_subject(db, subject_input(), user="nurse", today=TODAY)
    path = db.path
    db.close()
    scripts = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_test.py").write_text(NEXT_REVISION.replace("{head}", _head()))
    monkeypatch.setattr(database_module, "migrations_dir", lambda: scripts)

    upgraded = open_database(path)
    backups = list(path.parent.glob(f"{path.name}.bak-*"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == _head()
        assert conn.execute("SELECT subject_id FROM subjects").fetchall() == [("LN-01",)]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with upgraded.read() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_test"
        assert session.execute(text("SELECT count(*) FROM later_things")).scalar() == 0
        assert session.execute(text("SELECT subject_id FROM subjects")).scalar() == "LN-01"
    upgraded.close()


def test_audit_log_refuses_update_and_delete_at_the_sqlite_level(db):
    with sqlite3.connect(db.path) as conn:
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] >= 1
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit_log SET user = 'mallory'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM audit_log")
    conn.close()


def test_default_and_demo_paths_are_separate_files_in_the_user_data_folder(tmp_path, monkeypatch):
    from models.paths import default_database_path, demo_database_path

    monkeypatch.setenv("TRIALDESK_DATA_DIR", str(tmp_path / "data"))
    assert default_database_path().parent == tmp_path / "data"
    assert demo_database_path().parent == tmp_path / "data"
    assert default_database_path() != demo_database_path()


def test_missing_folder_and_truncated_file_are_refused_clearly(tmp_path, db):
    with pytest.raises(DatabaseError, match="does not exist"):
        open_database(tmp_path / "no" / "such" / "folder.sqlite3")
    db.close()
    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(db.path.read_bytes()[:3000])
    with pytest.raises(DatabaseError):
        open_database(truncated)


def test_a_database_busy_with_another_writer_gives_a_plain_message(db, monkeypatch):
    from models.subjects import save_subject

    from .conftest import TODAY, subject_input

    other = sqlite3.connect(db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        monkeypatch.setattr(database_module, "PRAGMAS", (*database_module.PRAGMAS[:-1], "PRAGMA busy_timeout=100"))
        db.engine.dispose()
        with pytest.raises(DatabaseError, match="busy"):
            save_subject(db, subject_input(), user="nurse", today=TODAY)
    finally:
        other.rollback()
        other.close()
    save_subject(db, subject_input(), user="nurse", today=TODAY)
