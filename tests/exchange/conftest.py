"""Exchange-test fixtures: the demo database (10 subjects, written once per session and copied per test) and a
one-subject study for the laboratory import (screening number S-101, visits SCR, D0, W4)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from endpoints.dossier import Dossier, Infusion, Labs, Subject, Visit
from models.database import Database, backup_copy, open_database
from models.demo import write_demo_database
from models.dossier_store import REGISTRY_EXTENSION, import_dossier

AS_OF = date(2026, 11, 25)
DATA = Path(__file__).resolve().parents[1] / "data"
LABS = DATA / "labs"


def fixed_clock() -> datetime:
    return datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    write_demo_database(path, n_subjects=10, seed=1, as_of=AS_OF)
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    backup_copy(demo_template, path)
    return path


@pytest.fixture
def demo(demo_path: Path) -> Database:
    db = open_database(demo_path, create=False)
    yield db
    db.close()


def lab_subject() -> Dossier:
    return Dossier(
        as_of=AS_OF,
        subject=Subject(id="LN-11", subgroup="LN", sex="F", birth_date=date(1988, 3, 9), status="enrolled",
                        consent_date=date(2026, 1, 2)),
        infusions=(Infusion(1, date(2026, 1, 20), date(2026, 1, 20), 54.0, 1.08e8, "full"),),
        visits=(
            Visit("SCR", date(2026, 1, 5), labs=Labs(hemoglobin_g_dl=10.9, creatinine_mg_dl=0.97)),
            Visit("D0", date(2026, 1, 20)),
            Visit("W4", date(2026, 2, 17), labs=Labs(hemoglobin_g_dl=11.2)),
        ),
        extensions={REGISTRY_EXTENSION: {"screening_number": "S-101"}},
    )


@pytest.fixture
def lab_db(tmp_path: Path) -> Database:
    db = open_database(tmp_path / "labs.sqlite3", clock=fixed_clock)
    import_dossier(db, lab_subject(), user="setup")
    yield db
    db.close()
