"""Start-up paints first: the main window's frame shows before SQLAlchemy is imported and the database opened;
the new-database question and sign-in come over the frame; the window then fills. The start path runs in a
child process (this test process has long imported SQLAlchemy)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from main import COMMANDS, commands_needed
from models.database import Database
from ui.drafts import DraftStore
from ui.shell.main_window import OPENING_OBJECT_NAME, SECTIONS, MainWindow

ROOT = Path(__file__).resolve().parents[2]
# Runs ui.app.run_app(DB, demo=False) with the steps after the frame observed: prints what was true when the frame
# was painted, when the new-database question was asked, and when sign-in was asked (answered as argv says).
HARNESS = r"""
import sys
from pathlib import Path
from PySide6.QtWidgets import QMessageBox
import ui.app as app

def report(step):
    frames = [w for w in app.QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow" and w.isVisible()]
    print(step, "sqlalchemy" in sys.modules, bool(frames), flush=True)

painted = app.Start.painted
app.Start.painted = lambda self: (report("PAINT"), painted(self))
QMessageBox.question = staticmethod(lambda *a, **k: (report("ASK_CREATE"), QMessageBox.StandardButton.No)[1])
open_study = app.Start.open_study

def observed_open_study(self):
    import ui.shell.session as session  # imported here: it imports the storage layer
    session.sign_in_at_start = lambda *a, **k: report("SIGN_IN")
    open_study(self)

app.Start.open_study = observed_open_study
sys.exit(app.run_app(Path(sys.argv[1]), demo=False))
"""


def run_start(db_path: Path, tmp_path: Path, quick: bool) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRIALDESK_DATA_DIR=str(tmp_path / "userdata"))
    env.pop("TRIALDESK_EXIT_AFTER_SHOW", None)
    if quick:
        env["TRIALDESK_EXIT_AFTER_SHOW"] = "1"
    return subprocess.run([sys.executable, "-c", HARNESS, str(db_path)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stdout.splitlines() if line.strip()]


def test_frame_paints_before_sqlalchemy_then_the_window_fills(demo_template: Path, tmp_path: Path) -> None:
    result = run_start(demo_template, tmp_path, quick=True)
    assert result.returncode == 0, result.stderr
    assert lines(result) == ["PAINT False True", "TRIALDESK_PAINTED", "TRIALDESK_READY"]


def test_new_database_question_comes_over_the_frame(tmp_path: Path) -> None:
    missing = tmp_path / "new" / "study.sqlite3"
    result = run_start(missing, tmp_path, quick=False)
    assert lines(result) == ["PAINT False True", "ASK_CREATE True True"]
    assert result.returncode == 1  # declined: nothing created
    assert not missing.exists()


def test_sign_in_comes_over_the_frame_and_cancelling_quits(demo_template: Path, tmp_path: Path) -> None:
    result = run_start(demo_template, tmp_path, quick=False)
    assert lines(result) == ["PAINT False True", "SIGN_IN True True"]
    assert result.returncode == 1


def test_frame_then_attach(qtbot, demo_db: Database, drafts: DraftStore) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    titles = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert titles == [title for _key, title in SECTIONS]
    assert window.stack.currentWidget().objectName() == OPENING_OBJECT_NAME
    assert not window.register_action.isEnabled()
    window.attach(demo_db, drafts=drafts, user="tester")
    assert [window.nav.item(row).text() for row in range(window.nav.count())] == titles
    assert window.stack.currentWidget() is window.home
    assert len(window.subjects.list_page.visible_subject_ids()) == 10
    assert all(window.stack.widget(i).objectName() != OPENING_OBJECT_NAME for i in range(window.stack.count()))
    assert window.register_action.isEnabled()
    assert demo_db.path.name in window.db_label.text()


@pytest.mark.parametrize(("argv", "needed"), [
    (["--db", "study.sqlite3"], ()),
    ([], ()),
    (["--demo"], ()),
    (["summary", "--db", "x"], ("summary",)),
    (["--help"], tuple(COMMANDS)),
    (["no-such-command"], tuple(COMMANDS)),
])
def test_only_the_named_command_module_is_imported(argv: list[str], needed: tuple[str, ...]) -> None:
    assert commands_needed(argv) == needed
