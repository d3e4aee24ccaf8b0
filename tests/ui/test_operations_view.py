"""pytest-qt: the study operations section over the demo database with the status examples — every figure of
endpoints.operations shown and opening the list behind it, a listed visit opening its form, each chart bar naming
the figure it opens, and the XLSX export read back with pandas."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from matplotlib.patches import Rectangle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from endpoints.operations import operations
from endpoints.visit_ladder import study_status
from models.status_store import load_status_facts
from tests.ui.conftest import DEMO_AS_OF
from tests.ui.status_fixtures import open_editors
from ui.shell.main_window import MainWindow
from ui.status.operations_view import OperationsView


def open_view(status_window: MainWindow) -> OperationsView:
    status_window.show_section("operations")
    view = status_window.section("operations")
    assert isinstance(view, OperationsView) and view.isVisible() and view.ops is not None
    return view


def independent_operations(status_window: MainWindow):
    facts = load_status_facts(status_window.db)
    return operations(study_status(facts, DEMO_AS_OF, status_window.db.config.params), facts, DEMO_AS_OF,
                      status_window.db.config.params)


def test_each_figure_opens_the_list_behind_it(qtbot, status_window: MainWindow) -> None:
    view = open_view(status_window)
    ops = independent_operations(status_window)
    figures = {view.figures.item(r, 1).text(): view.figures.item(r, 2).text() for r in range(view.figures.rowCount())}
    assert figures["Overdue"] == str(len(ops.overdue)) and figures["Missed"] == str(len(ops.missed))
    assert figures["Visits waiting for signature"] == str(len(ops.waiting_for_signature))
    assert figures["Raised >30 days ago"] == str(len(ops.open_queries_by_age[">30"]))
    row = next(r for r in range(view.figures.rowCount()) if view.figures.item(r, 1).text() == "Missed")
    view.figures.setCurrentCell(row, 1)
    assert view.tabs.currentIndex() == 1
    listed = [(view.list.item(r, 0).text(), view.list.item(r, 1).text()) for r in range(view.list.rowCount())]
    assert listed == list(ops.missed) and listed
    for key in ("sdv:values", "age:>30", "enrolment:LN", "forms:D0"):
        item = view.select(key)
        assert item is not None and view.list.rowCount() == len(item.rows) > 0, key


def test_a_listed_visit_opens_its_form(qtbot, status_window: MainWindow) -> None:
    view = open_view(status_window)
    item = view.select("signatures")
    subject, visit, _ = item.rows[0]
    view.list.setCurrentCell(0, 0)
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    [editor] = open_editors(status_window)
    assert editor.subject_id == subject and editor.entry.code == visit and editor.entry.record_id is not None


def test_every_chart_bar_opens_a_figure(status_window: MainWindow) -> None:
    view = open_view(status_window)
    keys = {item.key for item in view.items}
    bars = [p for ax in view.canvas.figure.axes for p in ax.patches if isinstance(p, Rectangle) and p.get_gid()]
    assert len(bars) >= 15 and all(bar.get_gid() in keys and bar.get_picker() for bar in bars)
    overdue = next(bar for bar in bars if bar.get_gid() == "visits:overdue")
    assert overdue.get_width() == len(independent_operations(status_window).overdue)


def test_xlsx_export_reads_back(status_window: MainWindow, tmp_path: Path) -> None:
    view = open_view(status_window)
    path = view.export(tmp_path / "operations.xlsx")
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == ["figures", "lists"]
    figures = sheets["figures"]
    assert list(figures.figure) == [item.name for item in view.items]
    lists = sheets["lists"]
    missed = lists[lists.figure == "Missed"]
    assert list(zip(missed.subject, missed.visit, strict=True)) == list(independent_operations(status_window).missed)


@pytest.mark.parametrize("size", [(1366, 728), (1920, 1040)])
def test_no_figure_is_cut_short(qtbot, status_window: MainWindow, size: tuple[int, int]) -> None:
    """At the laptop's and a desktop's available area every figure cell shows its whole text ("4 of 5 (80.0 %);
    …" once ended in an ellipsis): each column is as wide as its widest cell and the table needs no sideways
    scrolling."""
    status_window.resize(*size)
    view = open_view(status_window)
    qtbot.wait(10)
    table = view.figures
    delegate = table.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(table)
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            index = table.model().index(row, column)
            needed = delegate.sizeHint(option, index).width()
            assert needed <= table.columnWidth(column), (size, table.item(row, column).text())
    assert table.horizontalHeader().length() <= table.viewport().width(), size
    assert any("%" in table.item(r, 2).text() for r in range(table.rowCount()))


def _boxes_overlap(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_no_chart_title_or_tick_label_runs_into_another(qtbot, status_window: MainWindow, size) -> None:
    """In the window at the laptop's and a desktop's screen size: every chart title lies inside the figure and
    clear of every other title and of every chart (its ticks, tick labels and bar labels), and no two charts
    overlap."""
    from matplotlib.text import Text

    status_window.resize(*size)
    view = open_view(status_window)
    canvas = view.canvas
    qtbot.waitUntil(lambda: canvas.size() == view.canvas_box.size())  # laid out in its pane
    canvas.draw()
    fig, renderer = canvas.figure, canvas.get_renderer()
    assert (round(fig.bbox.width), round(fig.bbox.height)) == (canvas.width(), canvas.height())
    titles = [t for t in fig.findobj(Text) if t.get_text() and t.get_fontweight() == "bold"]
    assert [t.get_text() for t in titles] == ["Enrolled vs target (red line)", "Visits", "Open queries by age",
                                              "Forms complete (%)", "Source-verified (%)", "Visits to sign"]
    title_boxes = [t.get_window_extent(renderer) for t in titles]
    for title in titles:  # the charts' extents without the titles (an axes' own title would count as its part)
        title.set_visible(False)
    chart_boxes = [ax.get_tightbbox(renderer, bbox_extra_artists=ax.texts) for ax in fig.get_axes()]
    for i, box in enumerate(title_boxes):
        assert fig.bbox.x0 <= box.x0 and box.x1 <= fig.bbox.x1 and box.y1 <= fig.bbox.y1, titles[i].get_text()
        for j, other in enumerate(title_boxes[:i]):
            assert not _boxes_overlap(box, other), (titles[i].get_text(), titles[j].get_text())
        for ax, chart in zip(fig.get_axes(), chart_boxes, strict=True):
            assert not _boxes_overlap(box, chart), (titles[i].get_text(), ax.get_yticklabels()[0].get_text())
    for i, box in enumerate(chart_boxes):
        assert all(not _boxes_overlap(box, other) for other in chart_boxes[:i]), i
