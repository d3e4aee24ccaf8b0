"""The lab import preview as a table: one line per row of the laboratory file with its fate (an icon and the word,
the colour only repeating them) and, where there is something to decide, the user's choice.

Choices: a new value is imported unless skipped; a conflict with the entered value and a row without a visit
start undecided and are written only after an explicit "overwrite" or "new unscheduled visit" (`api_choices`
turns the choices into exchange.lab_import's). The choice column is edited with a drop-down (double-click, F2 or
typing), or for the selected rows at once with `set_choice`. `PreviewFilter` sorts by any column (the row number
and the fate in their own order) and can show only the rows that need a choice.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from exchange.lab_import import (
    CONFLICT,
    DUPLICATE,
    FATES,
    IMPLAUSIBLE,
    NEW,
    NEW_VISIT,
    NO_VISIT,
    OVERWRITE,
    SAME,
    SKIP,
    UNKNOWN_SUBJECT,
    UNKNOWN_TEST,
    UNKNOWN_UNIT,
    UNREADABLE,
    LabPreview,
    RowFate,
)

ACCEPT = "accept"  # the row's own way in: import a new value, overwrite a conflict, put it into a new visit
CHOOSABLE = (NEW, CONFLICT, NO_VISIT)
NEEDS_CHOICE = (CONFLICT, NO_VISIT)
SORT_ROLE = Qt.ItemDataRole.UserRole
FATE_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("LabPreviewModel", text)


def fate_words() -> dict[str, str]:
    """The fate of a row in a word or two."""
    return {
        NEW: _tr("new value"), SAME: _tr("same as entered"), CONFLICT: _tr("conflict"),
        NO_VISIT: _tr("no visit"), UNKNOWN_TEST: _tr("unknown test"), UNKNOWN_UNIT: _tr("unknown unit"),
        IMPLAUSIBLE: _tr("implausible"), DUPLICATE: _tr("duplicate"), UNREADABLE: _tr("unreadable"),
        UNKNOWN_SUBJECT: _tr("unknown subject"),
    }


def choice_words(fate: str) -> dict[str | None, str]:
    """What can be chosen for a row of this fate (None: not decided yet)."""
    if fate == NEW:
        return {ACCEPT: _tr("Import"), SKIP: _tr("Skip")}
    if fate == CONFLICT:
        return {None: _tr("Choose…"), ACCEPT: _tr("Overwrite"), SKIP: _tr("Skip (keep entered)")}
    if fate == NO_VISIT:
        return {None: _tr("Choose…"), ACCEPT: _tr("New unscheduled visit"), SKIP: _tr("Skip")}
    return {}


# Each fate's icon (a standard one of the platform's style) and a pale background that only repeats it.
_PIXMAPS = QStyle.StandardPixmap
_ICONS = {
    NEW: _PIXMAPS.SP_DialogApplyButton, SAME: _PIXMAPS.SP_DialogYesButton, CONFLICT: _PIXMAPS.SP_MessageBoxWarning,
    NO_VISIT: _PIXMAPS.SP_MessageBoxQuestion, UNKNOWN_TEST: _PIXMAPS.SP_MessageBoxInformation,
    UNKNOWN_UNIT: _PIXMAPS.SP_MessageBoxInformation, IMPLAUSIBLE: _PIXMAPS.SP_MessageBoxCritical,
    DUPLICATE: _PIXMAPS.SP_FileDialogDetailedView, UNREADABLE: _PIXMAPS.SP_MessageBoxCritical,
    UNKNOWN_SUBJECT: _PIXMAPS.SP_MessageBoxCritical,
}
_TINTS = {NEW: "#e6f4ea", SAME: "#f1f3f4", CONFLICT: "#fdefd3", NO_VISIT: "#e8f0fe"}
_REFUSED_TINT = "#fce8e6"

COLUMNS = ("row", "subject", "collected", "test", "result", "fate", "visit", "entered", "choice", "why")


def _headers() -> dict[str, str]:
    return {
        "row": _tr("Row"), "subject": _tr("Subject"), "collected": _tr("Collected"), "test": _tr("Test"),
        "result": _tr("Result"), "fate": _tr("Fate"), "visit": _tr("Visit"), "entered": _tr("Entered now"),
        "choice": _tr("Your choice"), "why": _tr("Why"),
    }


class LabPreviewModel(QAbstractTableModel):
    """The preview's rows and the choices made for them (by file row number)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[RowFate, ...] = ()
        self.choices: dict[int, str | None] = {}
        self._headers = _headers()
        self._words = fate_words()
        self._icons: dict[str, QIcon] = {}

    def set_preview(self, preview: LabPreview, keep: dict[int, tuple[str, str | None]] | None = None) -> None:
        """Show `preview`; `keep` (line -> (fate, choice)) carries earlier choices over to rows whose fate is
        unchanged."""
        self.beginResetModel()
        self.rows = preview.rows
        keep = keep or {}
        self.choices = {}
        for row in self.rows:
            if row.fate not in CHOOSABLE:
                continue
            earlier = keep.get(row.line)
            self.choices[row.line] = earlier[1] if earlier and earlier[0] == row.fate else (
                ACCEPT if row.fate == NEW else None)
        self.endResetModel()

    def decisions(self) -> dict[int, tuple[str, str | None]]:
        """line -> (fate, choice) for every row with a choice, to carry over to a new preview."""
        fates = {row.line: row.fate for row in self.rows}
        return {line: (fates[line], choice) for line, choice in self.choices.items()}

    def undecided(self) -> list[int]:
        """Row numbers still waiting for a choice."""
        return [line for line, choice in self.choices.items() if choice is None]

    def accepted_count(self) -> int:
        return sum(1 for choice in self.choices.values() if choice == ACCEPT)

    def api_choices(self) -> dict[int, str]:
        """The choices as exchange.lab_import.apply_labs takes them."""
        fates = {row.line: row.fate for row in self.rows}
        out: dict[int, str] = {}
        for line, choice in self.choices.items():
            fate = fates[line]
            if choice == SKIP:
                out[line] = SKIP
            elif choice == ACCEPT and fate == CONFLICT:
                out[line] = OVERWRITE
            elif choice == ACCEPT and fate == NO_VISIT:
                out[line] = NEW_VISIT
        return out

    def set_choice(self, rows: Iterable[int], choice: str) -> int:
        """Set `choice` (ACCEPT or SKIP) on the given table rows that can take it; returns how many changed."""
        changed = 0
        for r in rows:
            line = self.rows[r].line
            if line in self.choices and self.choices[line] != choice:
                self.choices[line] = choice
                changed += 1
                index = self.index(r, COLUMNS.index("choice"))
                self.dataChanged.emit(index, index)
        return changed

    def row_of_line(self, line: int) -> int:
        return next(r for r, row in enumerate(self.rows) if row.line == line)

    # the Qt model --------------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[COLUMNS[section]]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and COLUMNS[index.column()] == "choice" and self.rows[index.row()].line in self.choices:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.EditRole and column == "choice":
            return self.choices.get(row.line)
        if role == FATE_ROLE:
            return row.fate
        if role == SORT_ROLE:
            if column == "row":
                return row.line
            if column == "fate":
                return list(FATES).index(row.fate)
            return self._text(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == "fate":
            return self._icon(row.fate)
        if role == Qt.ItemDataRole.DecorationRole and column == "choice" and self._waiting(row):
            return self._icon(CONFLICT)
        if role == Qt.ItemDataRole.BackgroundRole and column in ("fate", "choice"):
            return QBrush(QColor(_TINTS.get(row.fate, _REFUSED_TINT)))
        if role == Qt.ItemDataRole.ForegroundRole and column in ("fate", "choice"):
            return QBrush(QColor("#202124"))
        if role == Qt.ItemDataRole.FontRole and column == "choice" and self._waiting(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.message + (f"\n{row.unusual}" if row.unusual else "")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt
        if role != Qt.ItemDataRole.EditRole or COLUMNS[index.column()] != "choice":
            return False
        row = self.rows[index.row()]
        if row.line not in self.choices or value not in choice_words(row.fate):
            return False
        self.choices[row.line] = value
        self.dataChanged.emit(index, index)
        return True

    def _waiting(self, row: RowFate) -> bool:
        return row.line in self.choices and self.choices[row.line] is None

    def _text(self, row: RowFate, column: str) -> str:
        source = row.row
        if column == "row":
            return str(row.line)
        if column == "subject":  # a screening number shows the subject ID it stands for
            same = row.subject_id in (None, source.subject)
            return source.subject if same else f"{source.subject} → {row.subject_id}"
        if column == "collected":
            return source.collected
        if column == "test":
            return source.test
        if column == "result":
            return f"{source.value} {source.unit}".strip()
        if column == "fate":
            return self._words[row.fate] + (" " + _tr("(unusual)") if row.unusual else "")
        if column == "visit":
            return row.visit_code or ""
        if column == "entered":
            return row.entered or ""
        if column == "choice":
            return choice_words(row.fate).get(self.choices.get(row.line), "") if row.line in self.choices else "—"
        return row.message + (f" {row.unusual}" if row.unusual else "")

    def _icon(self, fate: str) -> QIcon:
        if fate not in self._icons:
            self._icons[fate] = QApplication.style().standardIcon(_ICONS[fate])
        return self._icons[fate]


class ChoiceDelegate(QStyledItemDelegate):
    """The choice column's drop-down: the choices of the row's fate."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        combo.setObjectName("choiceEditor")
        for value, text in choice_words(index.data(FATE_ROLE)).items():
            combo.addItem(text, value)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractTableModel, index: Index) -> None:  # noqa: N802 - Qt
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PreviewFilter(QSortFilterProxyModel):
    """Sorting by any column, and (with `only_choices`) only the conflicts and the rows without a visit."""

    def __init__(self, source: LabPreviewModel) -> None:
        super().__init__(source)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.only_choices = False

    def show_only_choices(self, only: bool) -> None:
        self.beginFilterChange()
        self.only_choices = only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt
        model: LabPreviewModel = self.sourceModel()  # type: ignore[assignment]
        return not self.only_choices or model.rows[source_row].fate in NEEDS_CHOICE
