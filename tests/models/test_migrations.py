"""The migrations and the typed models agree, and every migration runs down and up again."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from models.database import _alembic_config
from models.schema import Base


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
