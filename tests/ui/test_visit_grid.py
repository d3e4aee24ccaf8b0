"""pytest-qt: the visit grid used as a coordinator would, over the demo database with every ladder status — each
status visible as icon and word, each filter, Enter and double-click opening the right visit form (a new one where
none exists), arrow keys moving between cells, the XLSX export read back with pandas, a save redrawing one row —
and the subject list's status columns."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel

from endpoints.visit_ladder import COLUMNS, LOGS, OVERDUE, STATUSES, SubjectStatus
from models.schedule_store import declare_missed
from models.status_store import load_study_status
from tests.ui.conftest import DEMO_AS_OF, add_subject
from tests.ui.status_fixtures import open_editors
from ui.shell.main_window import MainWindow
from ui.status.grid import VisitGrid
from ui.status.grid_model import CELL_ROLE
from ui.status.labels import status_word
from ui.subjects.list_page import COLUMNS as LIST_COLUMNS


@pytest.fixture
def grid(qtbot, status_window: MainWindow) -> VisitGrid:
    status_window.show_section("visit_grid")
    grid = status_window.section("visit_grid")
    assert isinstance(grid, VisitGrid) and grid.isVisible()
    return grid


def shown(grid: VisitGrid) -> list[str]:
    return grid.visible_subject_ids()


def statuses(grid: VisitGrid) -> list[SubjectStatus]:
    return grid.book.ordered()


def test_every_ladder_status_shows_its_icon_and_word(grid: VisitGrid) -> None:
    model = grid.model
    found: dict[str, tuple[int, int]] = {}
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            found.setdefault(model.cell(row, column).status, (row, column))
    assert set(found) == set(STATUSES)  # the demo exercises every rung
    icons = {}
    for status, (row, column) in found.items():
        index = model.index(row, column)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        assert text.split("\n")[0] == status_word(status)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        assert not icon.isNull()
        icons[status] = icon.pixmap(14, 14).toImage()
    assert len({bytes(image.constBits()) for image in icons.values()}) == len(STATUSES)  # one shape each
    for status in STATUSES:
        legend = grid.findChild(QLabel, f"legend_{status}")
        assert legend is not None and status_word(status) in legend.text()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:15] == list(COLUMNS[:15]) and headers[15:] == ["Steroids", "Medications", "AEs"]


def test_a_cell_shows_its_date_and_queries(grid: VisitGrid) -> None:
    model = grid.model
    with_queries = [(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
                    if model.cell(r, c).open_queries]
    assert with_queries
    row, column = with_queries[0]
    cell = model.cell(row, column)
    second = model.index(row, column).data(Qt.ItemDataRole.DisplayRole).split("\n")[1]
    assert f"Q{cell.open_queries}" in second
    assert (cell.date or cell.due).isoformat() in second


def test_each_filter_narrows_the_rows(qtbot, status_window: MainWindow, grid: VisitGrid) -> None:
    add_subject(status_window.db, subject_id="LN-09", screening_number="S-909")  # nothing recorded: nothing to sign
    grid.book.refresh_subject("LN-09")
    everyone = [s.subject_id for s in statuses(grid)]
    assert shown(grid) == everyone and grid.count_label.text() == f"{len(everyone)} of {len(everyone)} subjects shown"
    grid.subgroup_filter.setCurrentIndex(grid.subgroup_filter.findData("LN"))
    assert shown(grid) == [s for s in everyone if s.startswith("LN-")] != everyone
    grid.subgroup_filter.setCurrentIndex(0)
    grid.status_filter.setCurrentIndex(grid.status_filter.findData("screening"))
    assert shown(grid) == [s.subject_id for s in statuses(grid) if s.status == "screening"] == ["LN-05", "LN-09"]
    grid.status_filter.setCurrentIndex(0)
    expected = {
        "gridQueriesFilter": [s.subject_id for s in statuses(grid) if s.open_queries],
        "gridSignatureFilter": [s.subject_id for s in statuses(grid) if s.waiting_for_signature],
        "gridOverdueFilter": [s.subject_id for s in statuses(grid)
                              if any(c.status == OVERDUE for c in s.visit_cells)],
    }
    for name, subjects in expected.items():
        box = grid.findChild(QCheckBox, name)
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        assert box.isChecked() and shown(grid) == subjects and 0 < len(subjects) < len(everyone), name
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        assert shown(grid) == everyone
    qtbot.keyClicks(grid.search_edit, "lc-0")
    assert shown(grid) == [s for s in everyone if s.startswith("LC-0")]


def cell_index(grid: VisitGrid, subject_id: str, column: str):
    return grid.proxy.mapFromSource(grid.model.index(grid.model.row_of(subject_id), COLUMNS.index(column)))


def test_enter_opens_the_cells_saved_visit_form(qtbot, status_window: MainWindow, grid: VisitGrid) -> None:
    index = cell_index(grid, "LC-01", "D3")
    cell = index.data(CELL_ROLE)
    assert cell.record_id is not None
    grid.table.setCurrentIndex(index)
    grid.table.setFocus()
    qtbot.keyClick(grid.table, Qt.Key.Key_Return)
    [editor] = open_editors(status_window)
    assert editor.subject_id == "LC-01" and editor.entry.record_id == cell.record_id and editor.entry.code == "D3"


def test_double_click_on_a_visit_without_form_opens_a_new_form(qtbot, status_window: MainWindow,
                                                               grid: VisitGrid) -> None:
    status = next(s for s in statuses(grid) if any(c.record_id is None and c.status == "not_due"
                                                    for c in s.visit_cells))
    cell = next(c for c in status.visit_cells if c.record_id is None and c.status == "not_due")
    index = cell_index(grid, status.subject_id, cell.column)
    grid.table.scrollTo(index)
    centre = grid.table.visualRect(index).center()
    qtbot.mouseClick(grid.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(grid.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    [editor] = open_editors(status_window)
    assert editor.subject_id == status.subject_id and editor.entry.record_id is None
    assert editor.entry.code == cell.column


def test_a_log_cell_opens_the_subjects_log_tab(qtbot, status_window: MainWindow, grid: VisitGrid) -> None:
    index = cell_index(grid, "LN-01", "adverse_events")
    grid.table.setCurrentIndex(index)
    grid.table.setFocus()
    qtbot.keyClick(grid.table, Qt.Key.Key_Enter)
    page = status_window.subjects.subject_page
    assert page.record.subject_id == "LN-01" and page.tabs.currentWidget() is page.log_tabs["adverse_events"]


def test_arrow_keys_move_between_cells(qtbot, grid: VisitGrid) -> None:
    grid.table.setCurrentIndex(grid.proxy.index(0, 0))
    grid.table.setFocus()
    qtbot.keyClick(grid.table, Qt.Key.Key_Right)
    qtbot.keyClick(grid.table, Qt.Key.Key_Right)
    qtbot.keyClick(grid.table, Qt.Key.Key_Down)
    assert (grid.table.currentIndex().row(), grid.table.currentIndex().column()) == (1, 2)
    qtbot.keyClick(grid.table, Qt.Key.Key_Left)
    qtbot.keyClick(grid.table, Qt.Key.Key_Up)
    assert (grid.table.currentIndex().row(), grid.table.currentIndex().column()) == (0, 1)
    assert grid.current_cell().column == COLUMNS[1]


def test_xlsx_export_reads_back(grid: VisitGrid, tmp_path: Path) -> None:
    grid.subgroup_filter.setCurrentIndex(grid.subgroup_filter.findData("LC"))
    path = grid.export(tmp_path / "grid.xlsx")
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == ["grid", "cells"]
    wide, cells = sheets["grid"], sheets["cells"]
    assert list(wide.subject) == shown(grid) and all(s.startswith("LC-") for s in wide.subject)
    assert list(wide.columns) == ["subject", "subgroup", "subject_status", *COLUMNS]
    first = grid.book.status(shown(grid)[0])
    assert list(wide.iloc[0][list(COLUMNS)]) == [c.status for c in first.cells]
    assert len(cells) == len(wide) * len(COLUMNS)
    assert cells.open_queries.sum() == sum(c.open_queries for s in shown(grid) for c in grid.book.status(s).cells)


def test_a_save_redraws_only_that_subjects_row(qtbot, status_window: MainWindow, grid: VisitGrid) -> None:
    status = next(s for s in statuses(grid) if any(c.status == OVERDUE for c in s.visit_cells))
    cell = next(c for c in status.visit_cells if c.status == OVERDUE)
    others = {s.subject_id: s for s in statuses(grid) if s.subject_id != status.subject_id}
    declare_missed(status_window.db, status.subject_id, cell.column, "환자 입원 (in hospital)", user="tester",
                   today=DEMO_AS_OF)
    status_window.events.schedule_changed.emit(status.subject_id)
    index = cell_index(grid, status.subject_id, cell.column)
    assert index.data(Qt.ItemDataRole.DisplayRole).startswith(status_word("missed"))
    assert all(grid.book.status(s) is others[s] for s in others)  # not recomputed


def test_subject_list_shows_where_each_subject_stands(qtbot, status_window: MainWindow) -> None:
    status_window.show_section("subjects")
    page = status_window.subjects.list_page
    qtbot.waitUntil(lambda: bool(page.model.index(0, len(LIST_COLUMNS) + 3).data()))
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[len(LIST_COLUMNS):] == ["Next visit due", "Open queries", "To sign", "Last change"]
    ladder = {s.subject_id: s for s in load_study_status(status_window.db, DEMO_AS_OF)}  # read apart from the screen
    for row in range(model.rowCount()):
        subject = model.row_at(row).subject_id
        status = ladder[subject]
        texts = [model.index(row, len(LIST_COLUMNS) + c).data() for c in range(4)]
        nxt = status.next_due
        if nxt is not None:
            word = {"overdue": "Overdue", "due": "Due", "not_due": "Not due"}[nxt.status]
            assert texts[0] == f"{nxt.column} {nxt.due.isoformat()} · {word}"
        else:
            assert texts[0] == ""
        assert texts[1] == (str(status.open_queries) if status.open_queries else "")
        assert texts[2] == (str(len(status.waiting_for_signature)) if status.waiting_for_signature else "")
        assert texts[3].startswith(status.last_change_utc[:4])
    assert any(model.index(r, len(LIST_COLUMNS) + 1).data() for r in range(model.rowCount()))
    assert "Overdue" in " ".join(model.index(r, len(LIST_COLUMNS)).data() for r in range(model.rowCount()))


def test_log_columns_follow_the_protocol_visits() -> None:
    assert COLUMNS[-3:] == LOGS


def test_refresh_reads_changes_made_without_a_notification(qtbot, status_window: MainWindow,
                                                           grid: VisitGrid) -> None:
    status = next(s for s in statuses(grid) if any(c.status == OVERDUE for c in s.visit_cells))
    cell = next(c for c in status.visit_cells if c.status == OVERDUE)
    declare_missed(status_window.db, status.subject_id, cell.column, "no show", user="tester", today=DEMO_AS_OF)
    index = cell_index(grid, status.subject_id, cell.column)
    assert index.data(Qt.ItemDataRole.DisplayRole).startswith(status_word(OVERDUE))  # nothing announced it
    qtbot.mouseClick(grid.refresh_button, Qt.MouseButton.LeftButton)
    index = cell_index(grid, status.subject_id, cell.column)
    assert index.data(Qt.ItemDataRole.DisplayRole).startswith(status_word("missed"))
