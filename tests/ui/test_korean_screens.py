"""The screens in Korean at the site laptop's 1366×768 (the main sections in process, every screen of the screen
tour through `main.py screenshots --lang ko`): every visible label, button and check box shows its whole text (its
font's width of the text fits the widget), and no English word is left where a translated text belongs (endpoint
reasons, which are English data from endpoints/, and what the demo database holds are not chrome)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QWidget

from models.database import Database
from models.subjects import list_subjects
from tests.ui.conftest import DEMO_AS_OF, close_without_questions
from ui.drafts import DraftStore
from ui.shell.i18n import ENGLISH_WORD, KEPT_IN_ENGLISH, clipped_width, install_translators, label_problems
from ui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
SCREEN = (1366, 768 - 40)  # the Windows taskbar takes 40 px
# What the demo database holds as data: account names, the database file, the study configuration's label, notes,
# an infusion reaction, signature meanings and manifestations, a query's label.
DEMO_DATA = frozenset({"Demo", "Administrator", "Coordinator", "Investigator", "Monitor", "demo", "sqlite", "phase",
                       "configuration", "version", "reviewed", "approved", "Electronically", "signed", "meaning",
                       "INVALIDATED", "visit", "admin", "coordinator", "investigator", "monitor", "coord", "weight",
                       "tester", "Prefers", "morning", "visits", "Grade", "fever", "infusion", "acetaminophen",
                       "transcription", "error", "source", "document", "checked", "stored", "copy", "study",
                       "toml"})


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    install_translators(qapp, "ko")
    yield
    install_translators(qapp, "en")
    QLocale.setDefault(before)


@pytest.fixture
def korean_window(qtbot, korean: None, demo_db: Database, drafts: DraftStore) -> Iterator[MainWindow]:
    from models.demo_security import DEMO_ACCOUNTS
    from models.users import authenticate

    name, _full, _role, password = next(a for a in DEMO_ACCOUNTS if a[2].value == "coordinator")
    main = MainWindow(demo_db, drafts=drafts, user=authenticate(demo_db, name, password), today=lambda: DEMO_AS_OF)
    qtbot.addWidget(main)
    main.resize(*SCREEN)
    main.show()
    qtbot.waitExposed(main)
    yield main
    close_without_questions(main)


def problems_of(window: QWidget, screen: str) -> set[str]:
    QApplication.processEvents()
    return {f"{screen}: {problem}" for problem in label_problems(window, DEMO_DATA)}


def test_clipping_check_sees_a_clipped_label(qtbot) -> None:
    label = QLabel("시험대상자 등록 정보 수정")
    qtbot.addWidget(label)
    label.setFixedWidth(30)
    label.show()
    assert clipped_width(label) is not None
    label.setFixedWidth(400)
    assert clipped_width(label) is None


def test_english_left_in_a_korean_window_is_found_but_not_english_data(qtbot, korean: None) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    QLabel("Subject list", window).move(0, 0)
    reason = QLabel("No severe flare on days 1-166", window)
    reason.move(0, 30)
    reason.setProperty("englishData", True)
    window.resize(400, 80)
    window.show()
    assert label_problems(window) == ["English: QLabel 'Subject list'"]


def test_main_screens_in_korean_show_whole_translated_labels(qtbot, korean_window: MainWindow,
                                                             demo_db: Database) -> None:
    window = korean_window
    assert window.menuBar().actions()[0].text() == "파일(&F)"
    problems = problems_of(window, "home")
    for key in list(window.sections):
        window.show_section(key)
        problems |= problems_of(window, key)
    window.open_subject(list_subjects(demo_db)[0].subject_id)
    tabs = next(t for t in window.findChildren(QTabWidget) if t.isVisible())
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        problems |= problems_of(window, f"subject tab {tabs.tabText(index)}")
    dialog = window.register_subject()
    qtbot.waitExposed(dialog)
    problems |= problems_of(dialog, "registration")
    assert sorted(problems) == []


def _only_data(problem: str) -> bool:
    """An "English:" problem whose English words are all the demo's data (paths dropped)."""
    if not problem.startswith("English: "):
        return False
    text = re.sub(r"<[^>]*>|/\S+|\S*_\S*", " ", problem.split(" ", 2)[2])
    return not set(ENGLISH_WORD.findall(text)) - KEPT_IN_ENGLISH - DEMO_DATA


def test_the_korean_screen_tour_has_no_clipped_label_and_no_english_chrome(tmp_path: Path) -> None:
    """`main.py screenshots --lang ko` at 1366×768: every screen, tab and dialog of the tour."""
    from models.demo import write_demo_database

    db = tmp_path / "demo3.sqlite3"
    write_demo_database(db, n_subjects=3, seed=1, as_of=DEMO_AS_OF)
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    result = subprocess.run([sys.executable, "main.py", "screenshots", "--db", str(db), "--out", str(tmp_path / "ko"),
                             "--size", "1366x768", "--lang", "ko"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    screens = json.loads((tmp_path / "ko" / "screens.json").read_text(encoding="utf-8"))["screens"]
    assert len(screens) >= 40
    problems = [f"{s['name']}: {p}" for s in screens for p in s["label_problems"] if not _only_data(p)]
    assert problems == []
