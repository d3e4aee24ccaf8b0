"""The subject list: filters, search, sorting, and opening a subject's page."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.ui.conftest import add_subject, type_text
from ui.shell.main_window import MainWindow


@pytest.fixture
def populated(qtbot, window: MainWindow, db) -> MainWindow:
    add_subject(db, subject_id="LN-01", screening_number="S-001", initials="김민지", status="enrolled")
    add_subject(db, subject_id="LN-02", screening_number="S-002", initials="PJH", status="screening",
                consent_date=date(2026, 2, 1))
    add_subject(db, subject_id="LC-01", screening_number="S-003", subgroup="LC", initials="LSY", status="enrolled",
                sex="M", consent_date=date(2025, 12, 1))
    add_subject(db, subject_id="LC-02", screening_number="S-004", subgroup="LC", initials="김영희",
                status="screen_failure", consent_date=date(2026, 3, 1))
    window.refresh_subjects()
    window.show_subject_list()
    return window


def choose(combo, code: str | None) -> None:
    combo.setCurrentIndex(combo.findData(code))


def test_filters_by_subgroup_and_status(populated: MainWindow) -> None:
    page = populated.subjects.list_page
    assert page.visible_subject_ids() == ["LC-01", "LC-02", "LN-01", "LN-02"]
    choose(page.subgroup_filter, "LN")
    assert page.visible_subject_ids() == ["LN-01", "LN-02"]
    choose(page.status_filter, "enrolled")
    assert page.visible_subject_ids() == ["LN-01"]
    choose(page.subgroup_filter, None)
    assert page.visible_subject_ids() == ["LC-01", "LN-01"]
    assert page.count_label.text() == "2 of 4 subjects shown"


def test_search_by_id_screening_number_or_initials(qtbot, populated: MainWindow) -> None:
    page = populated.subjects.list_page
    type_text(qtbot, page.search_edit, "김")
    assert page.visible_subject_ids() == ["LC-02", "LN-01"]
    page.search_edit.clear()
    type_text(qtbot, page.search_edit, "ln-0")
    assert page.visible_subject_ids() == ["LN-01", "LN-02"]
    page.search_edit.clear()
    type_text(qtbot, page.search_edit, "S-003")
    assert page.visible_subject_ids() == ["LC-01"]
    page.search_edit.clear()
    type_text(qtbot, page.search_edit, "nobody")
    assert page.visible_subject_ids() == []


def test_sorting_by_clicking_column_headers(qtbot, populated: MainWindow) -> None:
    page = populated.subjects.list_page
    header = page.table.horizontalHeader()

    def click_header(column: int) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))

    click_header(6)  # consent date, oldest first
    assert page.visible_subject_ids() == ["LC-01", "LN-01", "LN-02", "LC-02"]
    click_header(6)
    assert page.visible_subject_ids() == ["LC-02", "LN-02", "LN-01", "LC-01"]
    click_header(5)  # status in the trial's order: screening, enrolled, screen failure, ...
    assert page.visible_subject_ids()[0] == "LN-02" and page.visible_subject_ids()[-1] == "LC-02"


def test_double_click_opens_the_subject_page(qtbot, populated: MainWindow) -> None:
    page = populated.subjects.list_page
    type_text(qtbot, page.search_edit, "LN-01")
    rect = page.table.visualRect(page.proxy.index(0, 2))
    # A person's double-click is a click followed by a double-click event (QTest.mouseDClick sends only the second).
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    subject_page = populated.subjects.subject_page
    assert subject_page is not None and populated.subjects.currentWidget() is subject_page
    tab = subject_page.registration
    assert tab.findChild(type(subject_page.title), "initialsValue").text() == "김민지"
    assert tab.findChild(type(subject_page.title), "subgroupValue").text() == "LN (lupus nephritis)"
    assert tab.findChild(type(subject_page.title), "notesValue").text() == "두통 호소"
    history = tab.history_table
    assert history.rowCount() == 1 and history.item(0, 1).text() == "Enrolled"
    assert history.item(0, 3).text() == "setup"

    qtbot.mouseClick(subject_page.back_button, Qt.MouseButton.LeftButton)
    assert populated.subjects.currentWidget() is page
