"""pytest-qt: printing from the app — the subject page's summary, a binder of subjects selected in the list
(progress, cancel without leftovers), blank CRFs from the Print menu, and plain messages when saving fails."""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QProgressBar, QPushButton

import reports.document
from models.database import backup_copy, open_database
from models.dossier_store import load_dossier
from tests.ui.conftest import close_without_questions, when_shown
from ui.drafts import DraftStore
from ui.printing.actions import LAST_FOLDER_FILE, binder_file_name
from ui.shell.main_window import MainWindow

TODAY = date(2026, 11, 25)
HANGUL = re.compile(r"[\uac00-\ud7a3]+")


@pytest.fixture
def window(qtbot, demo_template: Path, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "study.sqlite3"
    backup_copy(demo_template, path)
    db = open_database(path, create=False)
    main = MainWindow(db, drafts=DraftStore(tmp_path / "drafts"), user="tester", today=lambda: TODAY)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.printing.cancel()
    assert main.printing.wait()
    close_without_questions(main)
    db.close()


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "printouts"
    folder.mkdir()
    return folder


class Answers:
    """Stands in for the save dialog and the PDF viewer: records what was proposed and what was opened."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.proposed: list[Path] = []
        self.opened: list[Path] = []

    def ask(self, _parent, _title: str, proposed: Path) -> Path:
        self.proposed.append(proposed)
        return self.folder / proposed.name

    def open(self, path: Path) -> bool:
        self.opened.append(path)
        return True


@pytest.fixture
def answers(window: MainWindow, out_dir: Path) -> Answers:
    a = Answers(out_dir)
    window.printing.ask_path = a.ask
    window.printing.open_file = a.open
    return a


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() or "" for page in PdfReader(path).pages)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def select_rows(qtbot, window: MainWindow, subject_ids: list[str]) -> None:
    """Click the first subject, Ctrl-click the others, as a person selects several rows."""
    window.show_subject_list()
    page = window.subjects.list_page
    shown = page.visible_subject_ids()
    for n, sid in enumerate(subject_ids):
        index = page.proxy.index(shown.index(sid), 0)
        rect = page.table.visualRect(index)
        modifier = Qt.KeyboardModifier.NoModifier if n == 0 else Qt.KeyboardModifier.ControlModifier
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_subject_page_prints_summary_and_opens_it(qtbot, window: MainWindow, answers: Answers,
                                                 out_dir: Path) -> None:
    window.open_subject("LC-01")
    page = window.subjects.subject_page
    assert page is not None
    with qtbot.waitSignal(window.printing.finished, timeout=60000) as blocker:
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    written = out_dir / "LC-01_summary_2026-11-25.pdf"
    assert blocker.args == [written]
    assert answers.proposed[0].name == written.name
    assert answers.opened == [written]
    text = pdf_text(written)
    assert "LC-01" in text
    korean = [HANGUL.search(m.name) for m in load_dossier(window.db, "LC-01", TODAY).medications]
    names = [match.group() for match in korean if match]
    assert names, "the demo gives LC-01 a medication with a Korean name"
    assert names[0] in text
    assert leftovers(out_dir) == [written.name]
    assert window.printing.progress is None and not window.printing.busy


def test_second_print_proposes_the_last_folder(qtbot, window: MainWindow, answers: Answers, out_dir: Path,
                                                user_data: Path) -> None:
    window.open_subject("LN-01")
    with qtbot.waitSignal(window.printing.finished, timeout=60000):
        window.subjects.subject_page.print_button.click()
    assert (user_data / LAST_FOLDER_FILE).read_text(encoding="utf-8") == str(out_dir)
    with qtbot.waitSignal(window.printing.finished, timeout=60000):
        window.printing.actions["blankCrfs"].trigger()
    assert answers.proposed[1] == out_dir / "CS20AT04_blank_CRFs_2026-11-25.pdf"
    text = pdf_text(answers.opened[1])
    assert "W24" in text and "LN-01" not in text


def test_binder_of_two_selected_subjects_shows_progress(qtbot, window: MainWindow, answers: Answers,
                                                        out_dir: Path) -> None:
    select_rows(qtbot, window, ["LN-02", "LC-03"])
    page = window.subjects.list_page
    assert page.selected_subject_ids() == ["LC-03", "LN-02"]
    qtbot.mouseClick(page.binder_button, Qt.MouseButton.LeftButton)
    dialog = window.printing.progress
    assert dialog is not None and dialog.isVisible()
    assert "binder of 2 subjects" in dialog.labelText()
    values: list[int] = []
    dialog.findChild(QProgressBar).valueChanged.connect(values.append)
    with qtbot.waitSignal(window.printing.finished, timeout=60000) as blocker:
        pass
    written = out_dir / "binder_LC-03_LN-02_2026-11-25.pdf"
    assert blocker.args == [written] and answers.opened == [written]
    assert dialog.maximum() == 5  # two subjects prepared, two laid out, one save
    assert values == sorted(values) and 0 < values[0] < values[-1] == 5
    text = pdf_text(written)
    assert "LC-03" in text and "LN-02" in text and "LN-01" not in text
    assert HANGUL.search(text)
    assert leftovers(out_dir) == [written.name]


def test_cancel_midway_leaves_no_file_and_keeps_the_window_responsive(qtbot, window: MainWindow, answers: Answers,
                                                                       out_dir: Path) -> None:
    ticks: list[int] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    window.printing.actions["binderAll"].trigger()
    dialog = window.printing.progress
    assert dialog is not None
    bar = dialog.findChild(QProgressBar)
    qtbot.waitUntil(lambda: bar.value() >= 1, timeout=60000)
    at_cancel = bar.value()
    assert at_cancel < dialog.maximum() == 21
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    with qtbot.waitSignal(window.printing.finished, timeout=60000) as blocker:
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    timer.stop()
    assert blocker.args == [None]
    assert answers.opened == []
    assert leftovers(out_dir) == []  # neither the binder nor its temporary file
    assert len(ticks) > 3  # the event loop kept running while the binder was being built
    assert "cancelled" in window.statusBar().currentMessage()
    assert [p.name for p in answers.proposed] == [binder_file_name(None, "CS20AT04 phase IIa", TODAY)]
    assert binder_file_name(None, "CS20AT04 phase IIa", TODAY) == "CS20AT04_binder_all_2026-11-25.pdf"


def _answer_message(seen: list[str]):
    def answer(box: QMessageBox) -> None:
        seen.append(box.text())
        box.accept()

    return answer


def test_missing_folder_gets_a_plain_message(qtbot, window: MainWindow, answers: Answers, tmp_path: Path) -> None:
    gone = tmp_path / "removed-folder"
    window.printing.ask_path = lambda _parent, _title, proposed: gone / proposed.name
    seen: list[str] = []
    when_shown(QMessageBox, _answer_message(seen), timeout_ms=60000)
    with qtbot.waitSignal(window.printing.finished, timeout=60000) as blocker:
        window.printing.print_subject("LN-01")
    assert blocker.args == [None]
    assert len(seen) == 1 and "does not exist" in seen[0] and "Traceback" not in seen[0]
    assert str(gone) in seen[0]
    assert not gone.exists() and answers.opened == []


@pytest.mark.parametrize(("code", "words"), [(errno.EACCES, "no permission"), (errno.ENOSPC, "disk is full")])
def test_write_errors_get_a_plain_message_and_leave_nothing(qtbot, window: MainWindow, answers: Answers,
                                                            out_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                                            code: int, words: str) -> None:
    class RefusingOs:
        """The os module as reports.document sees it, except that moving the finished file into place fails."""

        def __getattr__(self, name: str) -> object:
            return getattr(os, name)

        @staticmethod
        def replace(_src: str, _dst: Path) -> None:
            raise OSError(code, os.strerror(code))

    monkeypatch.setattr(reports.document, "os", RefusingOs())
    select_rows(qtbot, window, ["LN-01"])
    seen: list[str] = []
    when_shown(QMessageBox, _answer_message(seen), timeout_ms=60000)
    with qtbot.waitSignal(window.printing.finished, timeout=60000) as blocker:
        window.printing.actions["binderSelected"].trigger()
    assert blocker.args == [None]
    assert len(seen) == 1 and words in seen[0] and "No file was written" in seen[0]
    assert "Traceback" not in seen[0] and "Errno" not in seen[0]
    assert leftovers(out_dir) == [] and answers.opened == []
    assert window.printing.last_error == seen[0]


def test_menu_prints_the_selected_subject_and_the_open_subject_schedule(qtbot, window: MainWindow,
                                                                        answers: Answers, out_dir: Path) -> None:
    select_rows(qtbot, window, ["LN-04"])
    with qtbot.waitSignal(window.printing.finished, timeout=60000) as summary:
        window.printing.actions["summary"].trigger()
    assert summary.args == [out_dir / "LN-04_summary_2026-11-25.pdf"]
    window.open_subject("LC-02")
    with qtbot.waitSignal(window.printing.finished, timeout=60000) as sheet:
        window.printing.actions["schedule"].trigger()
    assert sheet.args == [out_dir / "LC-02_schedule_2026-11-25.pdf"]
    text = pdf_text(sheet.args[0])
    assert "LC-02" in text and "W24" in text
    assert answers.opened == [summary.args[0], sheet.args[0]]


def test_summary_from_the_menu_needs_a_subject(qtbot, window: MainWindow, answers: Answers) -> None:
    window.show_subject_list()
    seen: list[str] = []
    when_shown(QMessageBox, _answer_message(seen))
    window.printing.actions["summary"].trigger()
    assert seen and "select exactly one" in seen[0]
    assert answers.proposed == []


def test_unexpected_failure_is_summarised_and_logged_not_shown_as_a_traceback(qtbot, window: MainWindow,
                                                                              answers: Answers, out_dir: Path,
                                                                              caplog: pytest.LogCaptureFixture) -> None:
    seen: list[str] = []
    when_shown(QMessageBox, _answer_message(seen), timeout_ms=60000)
    with caplog.at_level("ERROR", logger="trialdesk"), \
            qtbot.waitSignal(window.printing.finished, timeout=60000) as blocker:
        window.printing.print_subject("LN-99")
    assert blocker.args == [None]
    assert len(seen) == 1 and "could not be made (SubjectNotFound" in seen[0] and "error log" in seen[0]
    assert "Traceback" not in seen[0]
    assert any(r.exc_info for r in caplog.records if "Printing" in r.getMessage())
    assert leftovers(out_dir) == [] and answers.opened == []


def test_printout_language_menu_prints_korean_and_is_kept_for_the_user(qtbot, window: MainWindow, answers: Answers,
                                                                       out_dir: Path) -> None:
    from ui.shell.i18n import saved_print_language

    window.open_subject("LC-02")
    with qtbot.waitSignal(window.printing.finished, timeout=60000) as sheet:
        window.printing.actions["schedule"].trigger()
    assert "방문 일정표 — LC-02" in pdf_text(sheet.args[0])  # automatic: the schedule sheet in Korean
    korean = window.printing.menu.findChild(QAction, "printLanguage_ko")
    korean.trigger()
    assert saved_print_language(window.user) == "ko"
    with qtbot.waitSignal(window.printing.finished, timeout=60000) as summary:
        window.printing.actions["summary"].trigger()
    text = pdf_text(summary.args[0])
    assert "시험대상자 증례기록서: LC-02" in text and "방문 데이터" in text
    window.printing.menu.findChild(QAction, "printLanguage_en").trigger()
    assert window.printing.language_for("schedule") == "en"
