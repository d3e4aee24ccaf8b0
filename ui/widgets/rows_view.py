"""A read-only table of text rows for the home panels: a model refilled in one reset (no per-cell widget items,
so thousands of rows cost one call) and a view whose rows are activated by double-click or Enter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex
VISIBLE_ROWS = 6  # a panel's table is as high as its rows, up to this many (then it scrolls)


class TextRowsModel(QAbstractTableModel):
    """Rows of display strings; each cell's tooltip is its text unless `tips` gives one; `bold` rows in bold."""

    def __init__(self, headers: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows: list[tuple[str, ...]] = []
        self.tips: dict[tuple[int, int], str] = {}
        self.bold: set[int] = set()
        self.bold_font = QFont()
        self.bold_font.setBold(True)

    def set_rows(self, rows: list[tuple[str, ...]], tips: dict[tuple[int, int], str] | None = None,
                 bold: set[int] | None = None) -> None:
        self.beginResetModel()
        self.rows, self.tips, self.bold = rows, tips or {}, bold or set()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[row][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tips.get((row, column), self.rows[row][column])
        if role == Qt.ItemDataRole.FontRole and row in self.bold:
            return self.bold_font
        return None


class RowsView(QTableView):
    """Read-only, one row selected at a time; `row_activated` on double-click or Enter."""

    row_activated = Signal(int)

    def __init__(self, headers: list[str], stretch: tuple[int, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows_model = TextRowsModel(headers, self)
        self.setModel(self.rows_model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setWordWrap(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # stretched columns elide
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        for column in range(len(headers)):  # `stretch` columns share the width left; the others fit their text
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column in stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.doubleClicked.connect(lambda index: self.row_activated.emit(index.row()))

    def keyPressEvent(self, event) -> None:  # noqa: ANN001 - Qt signature
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.row_activated.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def selected_row(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def cell(self, row: int, column: int) -> str:
        return self.rows_model.rows[row][column]

    def fit_rows(self) -> None:
        """Be as high as the rows (at least one, at most VISIBLE_ROWS), so the panel takes no more room."""
        shown = max(1, min(self.rows_model.rowCount(), VISIBLE_ROWS))
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        self.setFixedHeight(height + shown * self.verticalHeader().defaultSectionSize())
