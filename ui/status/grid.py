"""The visit grid (a main-window section): one row per subject, one column per protocol visit (SCR … Y5) and
per subject log (steroids, medications, AEs); each cell shows its ladder status as icon and word, its date and
its queries. Filters by subgroup, subject status, open queries, signature needed and overdue visits; a search of
the subject ID; a legend; Enter or double-click opens the cell's visit form; XLSX export. Shown again, it reads the
study again (signatures, locks and source verification send no change notification); Refresh does it at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from endpoints.visit_ladder import STATUSES, Cell
from ui.status.book import RELOAD_AFTER_S, StatusBook
from ui.status.export import grid_frames, write_xlsx
from ui.status.grid_model import CELL_ROLE, GridFilter, GridModel
from ui.status.labels import status_icon, status_meaning, status_word
from ui.subjects.labels import STATUSES as SUBJECT_STATUSES
from ui.subjects.labels import SUBGROUPS, status_label, subgroup_label


def legend(parent: QWidget) -> QWidget:
    """Every ladder status: its icon, word and meaning, in rows of five (the texts wrap on a narrow window)."""
    box = QWidget(parent)
    box.setObjectName("statusLegend")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    grid = QGridLayout()
    grid.setHorizontalSpacing(4)
    grid.setVerticalSpacing(2)
    for n, status in enumerate(STATUSES):
        icon = QLabel(box)
        icon.setPixmap(status_icon(status).pixmap(14, 14))
        text = QLabel(f"<b>{status_word(status)}</b> {status_meaning(status)}", box)
        text.setObjectName(f"legend_{status}")
        text.setWordWrap(True)
        grid.addWidget(icon, n // 5, 2 * (n % 5), Qt.AlignmentFlag.AlignTop)
        grid.addWidget(text, n // 5, 2 * (n % 5) + 1)
        grid.setColumnStretch(2 * (n % 5) + 1, 1)
    layout.addLayout(grid)
    note = QLabel(box.tr("Second line: visit date (target date while not done); Q = open queries, A = answered "
                         "queries. Enter or double-click opens the visit form; arrow keys move between cells."), box)
    note.setStyleSheet("color: #5f6b7a;")
    note.setWordWrap(True)
    layout.addWidget(note)
    return box


class VisitGrid(QWidget):
    """The grid over a StatusBook; `cell_activated(cell)` on Enter or double-click."""

    cell_activated = Signal(object)

    def __init__(self, book: StatusBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.model = GridModel(book, self)
        self.proxy = GridFilter(self)
        self.proxy.setSourceModel(self.model)

        self.subgroup_filter = QComboBox(self)
        self.subgroup_filter.setObjectName("gridSubgroupFilter")
        self.subgroup_filter.addItem(self.tr("All subgroups"), None)
        for code in SUBGROUPS:
            self.subgroup_filter.addItem(subgroup_label(code), code)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("gridStatusFilter")
        self.status_filter.addItem(self.tr("All subject statuses"), None)
        for code in SUBJECT_STATUSES:
            self.status_filter.addItem(status_label(code), code)
        self.queries_filter = QCheckBox(self.tr("Open queries"), self)
        self.queries_filter.setObjectName("gridQueriesFilter")
        self.signature_filter = QCheckBox(self.tr("Needs signature"), self)
        self.signature_filter.setObjectName("gridSignatureFilter")
        self.overdue_filter = QCheckBox(self.tr("Overdue"), self)
        self.overdue_filter.setObjectName("gridOverdueFilter")
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("gridSearch")
        self.search_edit.setPlaceholderText(self.tr("Search subject ID"))
        self.search_edit.setMinimumWidth(120)
        self.search_edit.setClearButtonEnabled(True)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("gridRefreshButton")
        self.refresh_button.clicked.connect(self.book.load)
        self.export_button = QPushButton(self.tr("Export XLSX..."), self)
        self.export_button.setObjectName("gridExportButton")
        self.export_button.clicked.connect(lambda: self.export())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("gridCount")

        self.table = QTableView(self)
        self.table.setObjectName("visitGrid")
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        metrics = self.fontMetrics()
        header.setDefaultSectionSize(max(metrics.horizontalAdvance("2026-12-31 Q9"),
                                         metrics.horizontalAdvance(status_word("incomplete"))) + 34)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 8)
        self.table.activated.connect(self._activate)  # Enter and double-click

        filters = QHBoxLayout()
        filters.addWidget(self.subgroup_filter)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.queries_filter)
        filters.addWidget(self.signature_filter)
        filters.addWidget(self.overdue_filter)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.refresh_button)
        filters.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)  # under the table: the filter row then fits a 1280-px screen
        layout.addWidget(legend(self))

        for combo in (self.subgroup_filter, self.status_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        for box in (self.queries_filter, self.signature_filter, self.overdue_filter):
            box.toggled.connect(self._apply_filters)
        self.search_edit.textChanged.connect(self._apply_filters)
        book.changed.connect(self._on_book_changed)
        if book.loaded:
            self._on_book_changed(None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.book.reload_if_older(RELOAD_AFTER_S)

    def _on_book_changed(self, subject_ids: list[str] | None) -> None:
        if subject_ids is None:
            self.model.set_rows(self.book.subject_ids())
        else:
            self.model.update_rows(subject_ids)
        self._update_count()

    def _apply_filters(self) -> None:
        self.proxy.set_filters(
            subgroup=self.subgroup_filter.currentData(), subject_status=self.status_filter.currentData(),
            open_queries=self.queries_filter.isChecked(), needs_signature=self.signature_filter.isChecked(),
            overdue=self.overdue_filter.isChecked(), search=self.search_edit.text())
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{0} of {1} subjects shown").format(self.proxy.rowCount(),
                                                                             self.model.rowCount()))

    def visible_subject_ids(self) -> list[str]:
        return [self.model.rows[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]
                for r in range(self.proxy.rowCount())]

    def current_cell(self) -> Cell | None:
        index = self.table.currentIndex()
        return index.data(CELL_ROLE) if index.isValid() else None

    def select_cell(self, subject_id: str, column: int) -> None:
        row = self.model.row_of(subject_id)
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, column))
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.cell_activated.emit(index.data(CELL_ROLE))

    def export(self, path: Path | None = None) -> Path | None:
        """Write the subjects shown (after the filters) to an XLSX workbook (asks where unless given)."""
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Export visit grid"), "visit_grid.xlsx",
                                                  self.tr("Excel workbook (*.xlsx)"))
            if not name:
                return None
            path = Path(name)
        shown = [self.book.status(s) for s in self.visible_subject_ids()]
        try:
            return write_xlsx(path, grid_frames(shown))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), self.tr("Could not write {0}:\n{1}").format(path, exc))
            return None
