"""Shared print-test data: the study table and a demo database built once per test session."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

STUDY = {
    "protocol": "CS20AT04 phase IIa",
    "title": "Open-label phase IIa study of CS20AT04 in SLE: lupus nephritis and lupus cytopenia",
    "site": "Hanyang University Medical Center, Seoul",
}
PRINTED = date(2026, 11, 25)
AS_OF = date(2026, 11, 25)


@pytest.fixture(autouse=True, scope="session")
def _user_data_folder(tmp_path_factory: pytest.TempPathFactory):
    """Print caches (plot images) go to a temporary user data folder, not the tester's."""
    import os

    folder = tmp_path_factory.mktemp("userdata")
    previous = os.environ.get("TRIALDESK_DATA_DIR")
    os.environ["TRIALDESK_DATA_DIR"] = str(folder)
    yield folder
    if previous is None:
        del os.environ["TRIALDESK_DATA_DIR"]
    else:
        os.environ["TRIALDESK_DATA_DIR"] = previous


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 10-subject demo database (models.demo), made once; tests only read it."""
    from models.demo import write_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    write_demo_database(path, n_subjects=10, seed=1, as_of=AS_OF)
    return path


@pytest.fixture()
def demo_db(demo_db_path: Path):
    from models.database import open_database

    db = open_database(demo_db_path, create=False)
    yield db
    db.close()
