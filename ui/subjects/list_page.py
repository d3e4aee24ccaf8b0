"""The subject list: a table of every subject, filtered by subgroup and status, searched by ID or initials; beside
the registry columns, where each subject stands (status ladder, `endpoints.visit_ladder`): the next visit due
with its date and status, open queries, visits waiting for signature, and the last change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from endpoints.visit_ladder import SubjectStatus
from models.signatures import local_time
from models.subjects import SubjectRow
from ui.subjects.labels import STATUSES, SUBGROUPS, sex_label, status_label, subgroup_label
from ui.widgets.heading import section_heading

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("SubjectTableModel", text)


def _date_text(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


# (header, text of a row, sort key of a row)
COLUMNS: tuple[tuple[str, Callable[[SubjectRow], str], Callable[[SubjectRow], Any]], ...] = (
    ("Subject ID", lambda r: r.subject_id, lambda r: r.subject_id),
    ("Screening no.", lambda r: r.screening_number or "", lambda r: r.screening_number or ""),
    ("Initials", lambda r: r.initials or "", lambda r: (r.initials or "").casefold()),
    ("Subgroup", lambda r: r.subgroup, lambda r: r.subgroup),
    ("Sex", lambda r: sex_label(r.sex), lambda r: r.sex),
    ("Status", lambda r: status_label(r.status), lambda r: STATUSES.index(r.status) if r.status in STATUSES else 99),
    ("Consent", lambda r: _date_text(r.consent_date), lambda r: _date_text(r.consent_date)),
    ("Day 0", lambda r: _date_text(r.enrolment_date), lambda r: _date_text(r.enrolment_date)),
)


def _next_visit_text(status: SubjectStatus) -> str:
    cell = status.next_due
    if cell is None or cell.due is None:
        return ""
    word = {"overdue": _tr("Overdue"), "due": _tr("Due"), "not_due": _tr("Not due")}.get(cell.status, cell.status)
    return f"{cell.column} {cell.due.isoformat()} · {word}"


def _next_visit_key(status: SubjectStatus) -> str:
    cell = status.next_due
    return cell.due.isoformat() if cell is not None and cell.due is not None else "9999"


# Status-ladder columns: (header, text, sort key) of a subject's ladder (blank until the ladder is read).
STATUS_COLUMNS: tuple[tuple[str, Callable[[SubjectStatus], str], Callable[[SubjectStatus], Any]], ...] = (
    ("Next visit due", _next_visit_text, _next_visit_key),
    ("Open queries", lambda s: str(s.open_queries) if s.open_queries else "", lambda s: s.open_queries),
    ("To sign", lambda s: str(len(s.waiting_for_signature)) if s.waiting_for_signature else "",
     lambda s: len(s.waiting_for_signature)),
    ("Last change", lambda s: local_time(s.last_change_utc), lambda s: s.last_change_utc or ""),
)
NEXT_VISIT_COLUMN = len(COLUMNS)


class SubjectTableModel(QAbstractTableModel):
    """Read-only rows of `list_subjects`; the sort role gives each column's natural order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SubjectRow] = []
        self._status: Mapping[str, SubjectStatus] = {}

    def set_rows(self, rows: list[SubjectRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_status(self, statuses: Mapping[str, SubjectStatus]) -> None:
        """The subjects' ladders (by subject ID) behind the status columns."""
        self._status = statuses
        if self._rows:
            self.dataChanged.emit(self.index(0, len(COLUMNS)), self.index(len(self._rows) - 1,
                                                                          self.columnCount() - 1))

    def row_at(self, row: int) -> SubjectRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(COLUMNS) + len(STATUS_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if index.column() >= len(COLUMNS):
            return self._status_data(row, index.column() - len(COLUMNS), role)
        _, text, sort_key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text(row)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return subgroup_label(row.subgroup)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.UserRole:
            return sort_key(row)
        return None

    def _status_data(self, row: SubjectRow, column: int, role: int) -> Any:
        status = self._status.get(row.subject_id)
        _, text, sort_key = STATUS_COLUMNS[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return text(status) if status is not None else ""
        if role == Qt.ItemDataRole.UserRole:
            return sort_key(status) if status is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and status is not None and column == 0 and status.next_due:
            return status.next_due.reason
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _tr((COLUMNS + STATUS_COLUMNS)[section][0])  # type: ignore[operator]
        return None


class SubjectFilterProxy(QSortFilterProxyModel):
    """Filters the list by subgroup, status and a search text (subject ID, screening number or initials)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(Qt.ItemDataRole.UserRole)
        self._subgroup: str | None = None
        self._status: str | None = None
        self._search = ""

    def set_filters(self, subgroup: str | None, status: str | None, search: str) -> None:
        self.beginFilterChange()
        self._subgroup, self._status, self._search = subgroup, status, search.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        row: SubjectRow = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        if self._subgroup and row.subgroup != self._subgroup:
            return False
        if self._status and row.status != self._status:
            return False
        if self._search:
            haystack = (row.subject_id, row.screening_number or "", row.initials or "")
            return any(self._search in text.casefold() for text in haystack)
        return True


class SubjectListPage(QWidget):
    """Filters, search box, the table and the register button; double-click or Enter opens a subject.

    QTableView emits `activated` for both a double-click and Enter.
    """

    subject_activated = Signal(str)
    register_requested = Signal()
    binder_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SubjectTableModel(self)
        self.proxy = SubjectFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.subgroup_filter = QComboBox(self)
        self.subgroup_filter.setObjectName("subgroupFilter")
        self.subgroup_filter.addItem(self.tr("All subgroups"), None)
        for code in SUBGROUPS:
            self.subgroup_filter.addItem(subgroup_label(code), code)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for code in STATUSES:
            self.status_filter.addItem(status_label(code), code)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText(self.tr("Search subject ID, screening no. or initials"))
        self.search_edit.setClearButtonEnabled(True)
        self.register_button = QPushButton(self.tr("Register subject..."), self)
        self.register_button.setObjectName("registerButton")
        self.binder_button = QPushButton(self.tr("Print binder..."), self)
        self.binder_button.setObjectName("printBinderButton")
        self.binder_button.setToolTip(self.tr("One PDF of the selected subjects (Ctrl- or Shift-click to select "
                                              "several), or of every subject shown when none is selected"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")

        self.table = QTableView(self)
        self.table.setObjectName("subjectTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Subgroup:"), self))
        filters.addWidget(self.subgroup_filter)
        filters.addWidget(QLabel(self.tr("Status:"), self))
        filters.addWidget(self.status_filter)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.register_button)
        filters.addWidget(self.binder_button)
        layout = QVBoxLayout(self)
        layout.addWidget(section_heading(self.tr("Subjects"), self.tr("Double-click a subject (or press Enter) to "
                                                                      "open their page."), self))
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self.subgroup_filter.currentIndexChanged.connect(self._apply_filters)
        self.status_filter.currentIndexChanged.connect(self._apply_filters)
        self.search_edit.textChanged.connect(self._apply_filters)
        self.register_button.clicked.connect(self.register_requested)
        self.binder_button.clicked.connect(self.binder_requested)
        self.table.activated.connect(self._activate)

    def set_rows(self, rows: list[SubjectRow]) -> None:
        self.model.set_rows(rows)
        self._update_count()

    def set_status(self, statuses: Mapping[str, SubjectStatus]) -> None:
        """Show each subject's next visit, open queries, visits to sign and last change."""
        self.model.set_status(statuses)

    def visible_subject_ids(self) -> list[str]:
        """Subject IDs in the order shown (after filters and sorting)."""
        return [self.proxy.index(r, 0).data(ROW_ROLE).subject_id for r in range(self.proxy.rowCount())]

    def selected_subject_ids(self) -> list[str]:
        """Subject IDs of the selected rows, in the order shown."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.proxy.index(r, 0).data(ROW_ROLE).subject_id for r in rows]

    def _apply_filters(self) -> None:
        self.proxy.set_filters(
            self.subgroup_filter.currentData(), self.status_filter.currentData(), self.search_edit.text()
        )
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("{0} of {1} subjects shown").format(self.proxy.rowCount(), self.model.rowCount())
        )

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.subject_activated.emit(index.data(ROW_ROLE).subject_id)
