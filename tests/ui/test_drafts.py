"""Unsaved input survives a crash: a child process types into the registration form and is killed with
SIGKILL; the next start offers the draft back with everything that was typed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from models.subjects import get_subject
from tests.ui.conftest import close_without_questions, when_shown
from ui.drafts import DraftStore
from ui.shell.main_window import MainWindow
from ui.subjects.dialog import REGISTER_DRAFT_KEY

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from models.database import open_database
    from ui.drafts import DraftStore
    from ui.shell.main_window import MainWindow

    app = QApplication([])
    window = MainWindow(open_database(Path(sys.argv[1])), drafts=DraftStore(Path(sys.argv[2])), user="child")
    window.show()
    dialog = window.register_subject()
    QTest.keyClicks(dialog.form.editors["screening_number"], "S-077")
    QTest.keyClicks(dialog.form.editors["subject_id"], "LC-07")
    for char in "이서연":
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(dialog.form.editors["initials"], event)
    dialog.form.editors["subgroup"].setCurrentIndex(dialog.form.editors["subgroup"].findData("LC"))
    QTest.keyClicks(dialog.form.editors["birth_date"], "19880607")
    QTest.keyClicks(dialog.form.editors["weight_kg"], "49,5")
    print("typed", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_draft_is_offered_back_after_a_crash(qtbot, db, tmp_path: Path) -> None:
    drafts_folder = tmp_path / "crash-drafts"
    db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.run([sys.executable, "-c", CHILD, str(db.path), str(drafts_folder)],
                           capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert child.stdout.strip() == "typed"

    drafts = DraftStore(drafts_folder)
    assert drafts.load(REGISTER_DRAFT_KEY) is not None
    window = MainWindow(db, drafts=drafts, user="child")  # the same person starts again
    window.show()
    try:
        when_shown(QMessageBox, lambda box: qtbot.mouseClick(
            next(b for b in box.buttons() if b.text() == "Reopen"), Qt.MouseButton.LeftButton))
        window.offer_drafts()

        dialog = window.dialog
        assert dialog is not None and dialog.isVisible()
        editors = dialog.form.editors
        assert (editors["screening_number"].text(), editors["subject_id"].text(), editors["initials"].text()) == (
            "S-077", "LC-07", "이서연")
        assert editors["subgroup"].currentData() == "LC"
        assert (editors["birth_date"].text(), editors["weight_kg"].text()) == ("19880607", "49,5")

        editors["sex"].setCurrentIndex(editors["sex"].findData("F"))
        editors["consent_date"].setText("2026-02-02")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert get_subject(db, "LC-07").initials == "이서연"
        assert drafts.load(REGISTER_DRAFT_KEY) is None
    finally:
        close_without_questions(window)


def test_discarded_draft_is_not_offered_again(qtbot, window: MainWindow, drafts: DraftStore) -> None:
    drafts.save(REGISTER_DRAFT_KEY, "Registration of a new subject", {"subject_id": "LN-09"})
    when_shown(QMessageBox, lambda box: qtbot.mouseClick(
        next(b for b in box.buttons() if b.text() == "Discard"), Qt.MouseButton.LeftButton))
    window.offer_drafts()
    assert window.dialog is None
    assert drafts.all() == []


def test_draft_store_round_trip_and_atomic_files(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "d")
    store.save("visit/LN-01/W4", "Week 4 labs", {"hb": "9,8", "note": "한글"})
    store.save("visit/LN-01/W4", "Week 4 labs", {"hb": "9,9", "note": "한글"})
    (draft,) = store.all()
    assert (draft.key, draft.title, draft.fields) == ("visit/LN-01/W4", "Week 4 labs", {"hb": "9,9", "note": "한글"})
    assert [p.name for p in (tmp_path / "d").iterdir()] == ["visit%2FLN-01%2FW4.json"]
    (tmp_path / "d" / "broken.json").write_text("{not json", encoding="utf-8")
    assert [d.key for d in store.all()] == ["visit/LN-01/W4"]
    store.discard("visit/LN-01/W4")
    assert store.load("visit/LN-01/W4") is None
