"""Fixtures of the status screens' tests: the 10-subject demo with the status examples (every ladder status:
verified, signed, locked and missed visits, queries of every age), a copy per test, and the main window over it at
1366×768 as of the demo date."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from models.database import Database, backup_copy, open_database
from models.users import authenticate
from tests.ui.conftest import DEMO_AS_OF, close_without_questions
from ui.drafts import DraftStore
from ui.entry.visit_editor import VisitEditor
from ui.shell.main_window import MainWindow


@pytest.fixture(scope="module")
def status_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 10-subject demo with the status examples (verified, signed, locked, missed visits, old queries)."""
    from models.demo import write_demo_database

    path = tmp_path_factory.mktemp("status") / "status.sqlite3"
    write_demo_database(path, n_subjects=10, seed=1, as_of=DEMO_AS_OF, status_examples=True)
    return path


@pytest.fixture
def status_db(status_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "status.sqlite3"
    backup_copy(status_template, path)
    database = open_database(path, create=False)
    yield database
    database.close()


@pytest.fixture
def status_window(qtbot, status_db: Database, drafts: DraftStore) -> Iterator[MainWindow]:
    coordinator = authenticate(status_db, "coordinator", "demo-coord-2026")  # writes need a signed-in user
    window = MainWindow(status_db, drafts=drafts, user=coordinator, today=lambda: DEMO_AS_OF)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window
    close_without_questions(window)


def open_editors(main: MainWindow) -> list[VisitEditor]:
    """The visit forms open and visible."""
    return [e for e in main.findChildren(VisitEditor) if e.isVisible()]
