"""The visit grid's Qt models: `GridModel` (rows = subjects, columns = the protocol's visits then the subject
logs, `endpoints.visit_ladder.COLUMNS`) over a StatusBook, and `GridFilter` (subgroup, subject status, has open
queries, needs signature, overdue, search). A row's ladder is computed when the row is first painted and a cell
formatted when painted (no database read: the book holds every fact); a save replaces one row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from endpoints.visit_ladder import COLUMNS, OVERDUE, Cell, SubjectStatus
from ui.status.book import StatusBook
from ui.status.labels import STATUS_BACKGROUNDS, cell_text, cell_tooltip, column_title, status_icon

Index = QModelIndex | QPersistentModelIndex
CELL_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2


class GridModel(QAbstractTableModel):
    """Read-only: one row per subject (vertical header: subject ID and subgroup), one column per visit or log."""

    def __init__(self, book: StatusBook, parent: Any = None) -> None:
        super().__init__(parent)
        self.book = book
        self.rows: list[str] = []
        self._row_of: dict[str, int] = {}
        self._backgrounds = {k: QBrush(QColor(v)) for k, v in STATUS_BACKGROUNDS.items()}

    def set_rows(self, subject_ids: list[str]) -> None:
        self.beginResetModel()
        self.rows = list(subject_ids)
        self._row_of = {s: i for i, s in enumerate(self.rows)}
        self.endResetModel()

    def update_rows(self, subject_ids: list[str]) -> None:
        """Redraw the rows of re-read subjects (a subject added or removed resets the rows)."""
        if any((s in self.book.facts) != (s in self._row_of) for s in subject_ids):
            self.set_rows(self.book.subject_ids())
            return
        for subject_id in subject_ids:
            row = self._row_of[subject_id]
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, row, row)

    def row_of(self, subject_id: str) -> int | None:
        return self._row_of.get(subject_id)

    def status_at(self, row: int) -> SubjectStatus:
        return self.book.status(self.rows[row])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(COLUMNS)

    def cell(self, row: int, column: int) -> Cell:
        return self.status_at(row).cells[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.status_at(index.row()).cells[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(cell.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell_tooltip(cell, column_title(cell.column))
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._backgrounds.get(cell.status)
        if role == CELL_ROLE:
            return cell
        if role == STATUS_ROLE:
            return cell.status
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_title(COLUMNS[section])
        facts = self.book.facts[self.rows[section]]
        return f"{facts.subject_id}  {facts.subgroup}"


class GridFilter(QSortFilterProxyModel):
    """Rows by subgroup, subject status, has open queries, needs signature, has an overdue visit, and a search
    of the subject ID."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.subgroup: str | None = None
        self.subject_status: str | None = None
        self.open_queries = self.needs_signature = self.overdue = False
        self.search = ""

    def set_filters(self, *, subgroup: str | None = None, subject_status: str | None = None,
                    open_queries: bool = False, needs_signature: bool = False, overdue: bool = False,
                    search: str = "") -> None:
        self.beginFilterChange()
        self.subgroup, self.subject_status = subgroup, subject_status
        self.open_queries, self.needs_signature, self.overdue = open_queries, needs_signature, overdue
        self.search = search.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model: GridModel = self.sourceModel()
        facts = model.book.facts[model.rows[source_row]]
        if not ((self.subgroup is None or facts.subgroup == self.subgroup)
                and (self.subject_status is None or facts.status == self.subject_status)
                and (not self.search or self.search in facts.subject_id.casefold())):
            return False
        if not (self.open_queries or self.needs_signature or self.overdue):
            return True  # the ladder is not needed
        status = model.status_at(source_row)
        return ((not self.open_queries or status.open_queries > 0)
                and (not self.needs_signature or bool(status.waiting_for_signature))
                and (not self.overdue or any(c.status == OVERDUE for c in status.visit_cells)))
