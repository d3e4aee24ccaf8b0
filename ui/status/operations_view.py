"""The operational view (a main-window section beside the study dashboard, for coordinators, investigators and
monitors): every figure of `endpoints.operations` in a table, charts of them, and the list behind the figure
chosen (by a click on its row or on its bar); a listed visit opens its form, a listed subject its page.
XLSX export of the figures and their lists."""

from __future__ import annotations

from pathlib import Path

from matplotlib.backend_bases import PickEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from endpoints.operations import Operations, operations
from ui.status.book import RELOAD_AFTER_S, StatusBook
from ui.status.export import operations_frames, write_xlsx
from ui.status.ops_items import Item, operation_items
from ui.status.ops_plots import operations_figure


def _table(columns: list[str], name: str, parent: QWidget, stretch_last: bool = True) -> QTableWidget:
    """A read-only table whose columns are as wide as their contents (the last one stretched to the edge when
    `stretch_last`; a stretched column may be narrower than its text, so the figures' table does not stretch)."""
    table = QTableWidget(0, len(columns), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(stretch_last)
    return table


def content_width(table: QTableWidget) -> int:
    """The width that shows every column of `table` whole: its sections, frame and vertical scroll bar."""
    return (table.horizontalHeader().length() + 2 * table.frameWidth()
            + table.verticalScrollBar().sizeHint().width())


class OperationsView(QWidget):
    """Figures (left), charts and the list behind a figure (right); `pair_activated(subject, visit)` on a listed
    row's Enter or double-click (visit "" for a subject)."""

    pair_activated = Signal(str, str)

    def __init__(self, book: StatusBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.ops: Operations | None = None
        self.items: list[Item] = []
        self.current: Item | None = None
        self.stale = True
        title = QLabel(self.tr("Study operations"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.info = QLabel(self)
        self.info.setObjectName("operationsInfo")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("operationsRefreshButton")
        self.refresh_button.clicked.connect(self.book.load)
        self.export_button = QPushButton(self.tr("Export XLSX..."), self)
        self.export_button.setObjectName("operationsExportButton")
        self.export_button.clicked.connect(lambda: self.export())
        self.figures = _table([self.tr("Group"), self.tr("Figure"), self.tr("Value")], "operationsFigures", self,
                              stretch_last=False)
        self.figures.currentCellChanged.connect(lambda row, _c, _r, _pc: self.show_item(row))
        self.list_title = QLabel(self)
        self.list_title.setObjectName("operationsListTitle")
        self.list_title.setWordWrap(True)
        self.list = _table([self.tr("Subject"), self.tr("Visit"), self.tr("Detail")], "operationsList", self)
        self.list.activated.connect(lambda index: self._activate(index.row()))
        list_box = QWidget(self)
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.list_title)
        list_layout.addWidget(self.list, 1)
        hint = QLabel(self.tr("Enter or double-click opens the visit form (or the subject)."), list_box)
        hint.setStyleSheet("color: #5f6b7a;")
        list_layout.addWidget(hint)
        self.canvas_box = QWidget(self)
        self.canvas_layout = QVBoxLayout(self.canvas_box)
        self.canvas_layout.setContentsMargins(0, 0, 0, 0)
        self.canvas: FigureCanvasQTAgg | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("operationsTabs")
        self.tabs.addTab(self.canvas_box, self.tr("Charts"))
        self.tabs.addTab(list_box, self.tr("List behind the figure"))
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.figures)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([540, 760])
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.info, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        book.changed.connect(self._on_book_changed)

    def _on_book_changed(self, _subject_ids: object) -> None:
        self.stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.book.reload_if_older(RELOAD_AFTER_S)  # a whole read marks the view stale
        if self.stale:
            self.refresh()

    def refresh(self) -> None:
        """Recompute the figures from the book (pure, no database read) and redraw."""
        self.book.ensure_loaded()
        assert self.book.as_of is not None
        statuses = self.book.ordered()
        self.ops = operations(statuses, [self.book.facts[s.subject_id] for s in statuses], self.book.as_of,
                              self.book.db.config.params)
        self.items = operation_items(self.ops, statuses)
        self.stale = False
        self.info.setText(self.tr("as of {0} · {1} subjects").format(self.book.as_of.isoformat(), len(statuses)))
        key = self.current.key if self.current is not None else None
        self.figures.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            group = item.group if row == 0 or self.items[row - 1].group != item.group else ""
            for column, text in enumerate((group, item.name, item.value)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(self.tr("Select to list the {0} row(s) behind it").format(len(item.rows)))
                self.figures.setItem(row, column, cell)
        self.figures.resizeColumnsToContents()
        self._fit_figures()
        self._draw()
        if key is not None:
            self.select(key, switch=False)

    def _fit_figures(self) -> None:
        """Give the figures' table the width its columns need (at most two thirds of the view; beyond that it
        scrolls sideways), the charts the rest."""
        total = sum(self.splitter.sizes()) or self.width()
        wanted = min(content_width(self.figures), total * 2 // 3)
        self.splitter.setSizes([wanted, max(total - wanted, 1)])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.items:
            self._fit_figures()

    def _draw(self) -> None:
        assert self.ops is not None
        if self.canvas is not None:
            self.canvas_layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.canvas = FigureCanvasQTAgg(operations_figure(self.ops))
        self.canvas.setObjectName("operationsCanvas")
        self.canvas.mpl_connect("pick_event", self._picked)
        self.canvas_layout.addWidget(self.canvas)

    def _picked(self, event: PickEvent) -> None:
        key = event.artist.get_gid()
        if key:
            self.select(key)

    def select(self, key: str, switch: bool = True) -> Item | None:
        """Select the figure named `key` and show its list (switching to the list's tab unless told not to)."""
        for row, item in enumerate(self.items):
            if item.key == key:
                tab = self.tabs.currentIndex()
                self.figures.setCurrentCell(row, 1)
                self.show_item(row, switch)
                if not switch:
                    self.tabs.setCurrentIndex(tab)
                return item
        return None

    def show_item(self, row: int, switch: bool = True) -> None:
        if not 0 <= row < len(self.items):
            return
        item = self.current = self.items[row]
        self.list_title.setText(self.tr("{0} · {1}: {2} ({3} row(s))").format(item.group, item.name, item.value,
                                                                              len(item.rows)))
        self.list.setRowCount(len(item.rows))
        for r, values in enumerate(item.rows):
            for column, text in enumerate(values):
                self.list.setItem(r, column, QTableWidgetItem(text))
        if switch:
            self.tabs.setCurrentIndex(1)

    def _activate(self, row: int) -> None:
        if self.current is not None and 0 <= row < len(self.current.rows):
            subject, visit, _detail = self.current.rows[row]
            self.pair_activated.emit(subject, visit)

    def export(self, path: Path | None = None) -> Path | None:
        """Write the figures and their lists to an XLSX workbook (asks where unless given)."""
        if self.stale or self.ops is None:
            self.refresh()
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Export study operations"), "operations.xlsx",
                                                  self.tr("Excel workbook (*.xlsx)"))
            if not name:
                return None
            path = Path(name)
        try:
            return write_xlsx(path, operations_frames(self.items))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), self.tr("Could not write {0}:\n{1}").format(path, exc))
            return None
