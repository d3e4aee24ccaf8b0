"""The main screens in Korean at the site laptop's 1366×768: every visible label, button and check box shows its
whole text (its font's width of the text fits the widget), and no English word is left where a translated text
belongs (endpoint reasons, which are English data from endpoints/, and free text typed by users are not chrome)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QWidget

from models.database import Database
from models.subjects import list_subjects
from tests.ui.conftest import DEMO_AS_OF, close_without_questions
from ui.drafts import DraftStore
from ui.shell.i18n import clipped_width, install_translators, label_problems
from ui.shell.main_window import MainWindow

SCREEN = (1366, 768 - 40)  # the Windows taskbar takes 40 px
# What the demo database holds as typed data (a user name, notes, an infusion reaction, the configuration label).
DEMO_DATA = frozenset({"tester", "demo", "sqlite", "CS20AT04", "phase", "configuration", "version", "Prefers",
                       "morning", "visits", "Grade", "fever", "infusion", "acetaminophen"})


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    install_translators(qapp, "ko")
    yield
    install_translators(qapp, "en")
    QLocale.setDefault(before)


@pytest.fixture
def korean_window(qtbot, korean: None, demo_db: Database, drafts: DraftStore) -> Iterator[MainWindow]:
    main = MainWindow(demo_db, drafts=drafts, user="tester", today=lambda: DEMO_AS_OF)
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
