"""UI-test fixtures: a real SQLite study file per test (copied from one migrated template), the main window
over it, user data (drafts, logs) in the test's temporary folder, and helpers to answer modal dialogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from models.database import Database, backup_copy, open_database
from models.subjects import SubjectInput, save_subject
from models.users import authenticate
from ui.drafts import DraftStore
from ui.fonts import apply_app_font, register_fonts
from ui.shell.main_window import MainWindow


@pytest.fixture(autouse=True)
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "userdata"
    monkeypatch.setenv("TRIALDESK_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(path).close()
    return path


@pytest.fixture(scope="session", autouse=True)
def korean_font(qapp: QApplication) -> None:
    apply_app_font(qapp, register_fonts())


@pytest.fixture
def db(template_db: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "study.sqlite3"
    backup_copy(template_db, path)
    database = open_database(path, create=False)
    yield database
    database.close()


DEMO_AS_OF = date(2026, 11, 25)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 10-subject demo database (seed 1, as of DEMO_AS_OF), written once per run; tests get copies. Without
    the status-ladder examples (models.demo_status): the screens' tests count queries and lock visits themselves."""
    from models.demo import write_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    write_demo_database(path, n_subjects=10, seed=1, as_of=DEMO_AS_OF, status_examples=False)
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the demo database, open."""
    path = tmp_path / "demo.sqlite3"
    backup_copy(demo_template, path)
    database = open_database(path, create=False)
    yield database
    database.close()


@pytest.fixture
def demo_window(qtbot, demo_db: Database, drafts: DraftStore) -> MainWindow:
    """The main window over the demo copy, today = DEMO_AS_OF, the demo coordinator signed in (every write on a
    database with accounts needs a signed-in user)."""
    coordinator = authenticate(demo_db, "coordinator", "demo-coord-2026")
    main = MainWindow(demo_db, drafts=drafts, user=coordinator, today=lambda: DEMO_AS_OF)
    qtbot.addWidget(main)
    main.resize(1300, 850)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def drafts(tmp_path: Path) -> DraftStore:
    return DraftStore(tmp_path / "drafts")


@pytest.fixture
def window(qtbot, db: Database, drafts: DraftStore) -> Iterator[MainWindow]:
    main = MainWindow(db, drafts=drafts, user="tester")
    main.show()
    qtbot.waitExposed(main)
    yield main
    close_without_questions(main)


def close_without_questions(main: MainWindow) -> None:
    """Close the window and every form a test left open, answering "discard" to any unsaved-changes question
    (a modal box would block the run). Not left to qtbot.addWidget, which closes widgets before fixtures are
    torn down."""

    def discard(box: QMessageBox) -> int:
        for button in box.buttons():
            if box.buttonRole(button) == QMessageBox.ButtonRole.DestructiveRole:
                button.click()
        return 0

    exec_, question = QMessageBox.exec, QMessageBox.question
    QMessageBox.exec = discard  # type: ignore[method-assign]
    QMessageBox.question = staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Discard)  # type: ignore
    try:
        main.close()
    finally:
        QMessageBox.exec, QMessageBox.question = exec_, question  # type: ignore[method-assign]
    main.deleteLater()


def lock_elsewhere(db: Database, **where: object) -> None:
    """Lock as the demo administrator from another window: a second connection to the same file, signed in there
    (a caller-supplied Actor is not accepted by `db` itself)."""
    from models.demo_security import DEMO_ACCOUNTS
    from models.locks import lock

    other = open_database(db.path, create=False)
    try:
        admin = authenticate(other, "admin", DEMO_ACCOUNTS[0][3])
        other.sign_in(admin)
        lock(other, admin, **where)
    finally:
        other.close()


def add_subject(db: Database, **changes: object) -> None:
    """Save a valid LN subject (any field changed) straight through the registry API."""
    values: dict[str, object] = {
        "subject_id": "LN-01", "screening_number": "S-001", "subgroup": "LN", "sex": "F",
        "birth_date": date(1990, 4, 2), "consent_date": date(2026, 1, 5), "status": "screening",
        "initials": "김민지", "weight_kg": 58.5, "notes": "두통 호소",
    }
    values.update(changes)
    save_subject(db, SubjectInput(**values), user="setup")  # type: ignore[arg-type]


def activate(qtbot, widget: QWidget) -> None:
    """Make a window the active one, so focus moves (Tab, editingFinished) work as for a person."""
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow)


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type like a person: key presses for ASCII, the input method's committed text for Hangul (QTest
    cannot synthesise key presses for characters outside Latin-1)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def when_shown(kind: type[QWidget], action: Callable[[QWidget], None], timeout_ms: int = 5000) -> None:
    """Run `action` on the first visible top-level widget of type `kind` once it appears (for modal dialogs,
    which block the test until they are answered). Call before the step that opens the dialog."""
    waited = [0]

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                action(widget)
                return
        waited[0] += 20
        if waited[0] < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


from tests.ui.status_fixtures import status_db, status_template, status_window  # noqa: E402, F401 (status screens)
