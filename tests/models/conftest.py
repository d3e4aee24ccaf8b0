"""Model-test fixtures: one freshly migrated database built per session, copied per test (Anki style)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from models.database import Database, backup_copy, open_database
from models.subjects import SubjectInput
from tests.pg_fixtures import BACKENDS

TODAY = date(2026, 6, 1)


def fixed_clock() -> datetime:
    return datetime(2026, 6, 1, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(path).close()
    return path


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, template_db: Path, tmp_path: Path) -> Database:
    """A fresh, migrated, empty study: a SQLite file, and (marked `postgres`) a database on the test server;
    a test module or test marked `sqlite_only` is about the file itself and has no server case."""
    if request.param == "sqlite":
        path = tmp_path / "study.sqlite3"
        backup_copy(template_db, path)
        target: Path | str = path
    else:
        if request.node.get_closest_marker("sqlite_only"):
            pytest.skip("about the SQLite file itself")
        target = request.getfixturevalue("pg_databases").migrated()
    database = open_database(target, create=False, clock=fixed_clock)
    yield database
    database.close()


def subject_input(**changes: object) -> SubjectInput:
    """A valid new LN subject, with any field changed."""
    values: dict[str, object] = {
        "subject_id": "LN-01", "screening_number": "S-001", "subgroup": "LN", "sex": "F",
        "birth_date": date(1990, 4, 2), "consent_date": date(2026, 1, 5), "status": "screening",
        "initials": "김민", "weight_kg": 58.5, "notes": "두통 호소, 진통제 복용",
    }
    values.update(changes)
    return SubjectInput(**values)  # type: ignore[arg-type]
