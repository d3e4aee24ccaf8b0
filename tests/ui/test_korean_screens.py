"""The main screens in Korean at the site laptop's 1366×768: every visible label, button and check box shows its
whole text (its font's width of the text fits the widget), and no English word is left where a translated text
belongs (endpoint reasons, which are English data from endpoints/, and free text typed by users are not chrome)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton, QRadioButton, QStyle, QTabWidget, QWidget

from models.database import Database
from models.subjects import list_subjects
from tests.ui.conftest import DEMO_AS_OF, close_without_questions
from ui.drafts import DraftStore
from ui.shell.i18n import install_translators
from ui.shell.main_window import MainWindow

SCREEN = (1366, 768 - 40)  # the Windows taskbar takes 40 px
ENGLISH_WORD = re.compile(r"[A-Za-z]{4,}")
# Names kept in English in Korean (glossary), units and key names.
KEPT = {"SLEDAI", "BILAG", "UPCR", "eGFR", "CTCAE", "LLDAS", "dsDNA", "mmHg", "TrialDesk", "DEMO", "cells", "Enter",
        "Ctrl", "Shift"}
# What the demo database holds as typed data (a user name, notes, an infusion reaction, the configuration label).
DEMO_DATA = {"tester", "demo", "sqlite", "CS20AT04", "phase", "configuration", "version", "Prefers", "morning",
             "visits", "Grade", "fever", "infusion", "acetaminophen"}


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


def clipped(widget: QWidget) -> tuple[int, int] | None:
    """(needed, available) width in pixels when the widget's one-line text does not fit, else None. Word-wrapped
    and rich-text labels lay their text out themselves and are not measured."""
    text = widget.text()
    if not text:
        return None
    if isinstance(widget, QLabel) and (widget.wordWrap() or widget.textFormat() == Qt.TextFormat.RichText
                                       or ("<" in text and widget.textFormat() != Qt.TextFormat.PlainText)):
        return None
    needed = max(widget.fontMetrics().horizontalAdvance(line.replace("&", "")) for line in text.split("\n"))
    style = widget.style()
    if isinstance(widget, QLabel):
        available = widget.contentsRect().width() - 2 * widget.margin()
    elif isinstance(widget, QPushButton):
        available = widget.width() - style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin)
        if not widget.icon().isNull():
            available -= widget.iconSize().width() + 4
    else:
        available = widget.width() - style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) \
            - style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing)
    return (needed, available) if needed > available else None


def problems_of(window: QWidget, screen: str) -> set[str]:
    QApplication.processEvents()
    found = set()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, (QLabel, QPushButton, QCheckBox, QRadioButton)):
            continue
        size = clipped(widget)
        if size is not None:
            found.add(f"{screen}: {type(widget).__name__} {widget.text()!r} needs {size[0]} px, has {size[1]}")
        if widget.objectName() in ("reason", "endpointReason") or widget.parent().objectName() == "endpointPanel":
            continue
        english = set(ENGLISH_WORD.findall(widget.text())) - KEPT - DEMO_DATA
        if english and not _is_endpoint_reason(widget):
            found.add(f"{screen}: {type(widget).__name__} {widget.text()[:60]!r} is English")
    return found


def _is_endpoint_reason(widget: QWidget) -> bool:
    """Endpoint reasons are English data from endpoints/ (shown as they are in every language)."""
    from ui.results.endpoint_panel import EndpointPanel

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, EndpointPanel):
            return True
        parent = parent.parentWidget()
    return False


def test_clipping_check_sees_a_clipped_label(qtbot) -> None:
    label = QLabel("시험대상자 등록 정보 수정")
    qtbot.addWidget(label)
    label.setFixedWidth(30)
    label.show()
    assert clipped(label) is not None
    label.setFixedWidth(400)
    assert clipped(label) is None


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
