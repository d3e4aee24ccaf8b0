"""A section of the visit form (a group box of rows) and its numeric field row: value, unit, conversion shown,
"not done", "not attributable to SLE", and the message line for edit-check findings. Tab stops once per row (at
the value); the row's other controls answer to arrow keys and shortcuts (RowKeys). Each field also has an
anchor: where its query/SDV marker goes and which widgets open its queries on right-click (ui.entry.field_notes).
Every section's grid has the labels in column 0 and the values from column 1; `align_value_columns` gives column 0
one width in all sections of a form, so the values start at one x down the whole form, and gives the sections with
numeric rows one width per column (value, unit, conversion, "not done", "not attributable"), so "Not done" and
"Not attributable to SLE" line up too, whatever is typed, converted or marked: the conversion has a fixed width,
the reason for "not done" opens under its box, and the space left over goes after the markers' column."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QGroupBox, QLabel, QSizePolicy, QWidget

from endpoints import units
from endpoints.formatting import format_number
from ui.entry.sections.widgets import (
    REQUIRED_MARK,
    ROW_KEYS_HELP,
    MessageLine,
    NotDone,
    RowKeys,
    field_label,
    set_colours,
)
from ui.widgets.inputs import DecimalLineEdit, parse_decimal_text

VALUE, UNIT, CONVERSION, NOT_DONE, NOT_ATTRIBUTABLE = 1, 2, 3, 4, 5  # a numeric row's grid columns
MARKER_COLUMN = 6
STRETCH_COLUMN = 7  # the space left over, in sections of numeric rows
NOT_DONE_REASON_MAX_WIDTH = 320


@dataclass(frozen=True)
class FieldAnchor:
    """One field as queries and SDV marks name it: its key, its title, its label and inputs (right-click opens
    its queries), and the grid cell where its marker goes."""

    key: str
    title: str
    label: QWidget | None
    inputs: tuple[QWidget, ...]
    grid: QGridLayout
    row: int
    column: int = MARKER_COLUMN


class FieldRow:
    """One numeric field of the form. For a lab key, the unit chooser offers the units of endpoints.units and
    the canonical value is shown beside a value typed in another unit."""

    def __init__(
        self,
        section: FormSection,
        name: str,
        label: str,
        unit_text: str = "",
        lab: bool = False,
        attributable: bool = False,
    ) -> None:
        self.name, self.lab = name, lab
        self.label = field_label(label, False)
        self.label_text = label
        self.editor = DecimalLineEdit()
        self.editor.setObjectName(f"field_{name}")
        self.editor.setMaximumWidth(110)
        self.editor.setMinimumWidth(80)
        self.unit: QComboBox | QLabel
        if lab:
            combo = QComboBox()
            combo.setObjectName(f"unit_{name}")
            for unit in units.units_for(name):
                combo.addItem(unit.label, unit.code)
            combo.setEnabled(combo.count() > 1)
            self.unit = combo
        else:
            self.unit = QLabel(unit_text)
        self.conversion = QLabel()
        self.conversion.setObjectName(f"conversion_{name}")
        # a fixed width for the longest conversion, so that a value typed in another unit moves nothing
        self.conversion.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        if lab:
            self.conversion.setMinimumWidth(self.conversion.fontMetrics().horizontalAdvance(
                f"= 888.88 {units.canonical_unit(name).label}"))
        set_colours(self.conversion, "#555555")
        self.not_done = NotDone()
        self.not_attributable = QCheckBox(section.tr("Not attributable to SLE")) if attributable else None
        self.message = MessageLine()
        self.message.setObjectName(f"message_{name}")
        controls: list[QWidget] = [self.editor]
        if isinstance(self.unit, QComboBox):
            controls.append(self.unit)
        controls.append(self.not_done.box)
        if self.not_attributable is not None:
            controls.append(self.not_attributable)
        self.keys = RowKeys(controls, section, self.unit if isinstance(self.unit, QComboBox) else None,
                            self.not_done, self.not_attributable)
        self.editor.setToolTip(section.tr(ROW_KEYS_HELP))
        section.add_field_row(self)
        self.editor.textChanged.connect(self._update_conversion)
        if isinstance(self.unit, QComboBox):
            self.unit.currentIndexChanged.connect(self._update_conversion)
        self.not_done.changed.connect(self._update_enabled)

    def set_required(self, required: bool) -> None:
        self.label.setText(f"{self.label_text} *" if required else self.label_text)

    def widgets(self) -> list[QWidget]:
        """The row's Tab stops in order: the value, the not-done reason and the confirmation (each shown only when
        needed); unit, "not done" and "not attributable" are reached by RowKeys."""
        return [self.editor, self.not_done.reason, self.message.confirm]

    def shown(self, raw: dict[str, str]) -> str:
        """The row's answer in `raw` as a person reads it: "11.2 g/dL", "not done: <reason>", "" when empty; a lab
        value not attributable to SLE says so."""
        not_done = raw.get(f"{self.name}.nd", "")
        if not_done.startswith("ND:"):
            return self.unit.tr("not done: {0}").format(not_done[3:])
        value = raw.get(self.name, "").strip()
        if not value:
            return ""
        if isinstance(self.unit, QComboBox):
            index = self.unit.findData(raw.get(f"{self.name}.unit", ""))
            unit = self.unit.itemText(index) if index >= 0 else raw.get(f"{self.name}.unit", "")
        else:
            unit = self.unit.text()
        text = f"{value} {unit}".strip()
        if raw.get(f"{self.name}.na") == "1":
            text += self.unit.tr(" (not attributable to SLE)")
        return text

    def unit_code(self) -> str | None:
        return self.unit.currentData() if isinstance(self.unit, QComboBox) else None

    def decimal(self) -> Decimal | None:
        """The typed number (None when empty); ValueError when it does not read as a number."""
        return parse_decimal_text(self.editor.text())

    def raw(self) -> dict[str, str]:
        out = {self.name: self.editor.text(), f"{self.name}.nd": self.not_done.raw()}
        if isinstance(self.unit, QComboBox):
            out[f"{self.name}.unit"] = self.unit.currentData()
        if self.not_attributable is not None:
            out[f"{self.name}.na"] = "1" if self.not_attributable.isChecked() else ""
        return out

    def set_raw(self, raw: dict[str, str]) -> None:
        if isinstance(self.unit, QComboBox):
            index = self.unit.findData(raw.get(f"{self.name}.unit", ""))
            self.unit.setCurrentIndex(max(index, 0))
        self.editor.setText(raw.get(self.name, ""))
        self.not_done.set_raw(raw.get(f"{self.name}.nd", ""))
        if self.not_attributable is not None:
            self.not_attributable.setChecked(raw.get(f"{self.name}.na") == "1")
        self._update_enabled()

    def _update_enabled(self) -> None:
        self.editor.setEnabled(not self.not_done.is_set() or bool(self.editor.text()))

    def _update_conversion(self) -> None:
        code = self.unit_code()
        text = ""
        if self.lab and code is not None and code != units.canonical_unit(self.name).code:
            try:
                value = self.decimal()
            except ValueError:
                value = None
            if value is not None:
                canonical = units.canonical_unit(self.name)
                text = f"= {format_number(units.to_canonical(self.name, value, code))} {canonical.label}"
        self.conversion.setText(text)


class FormSection(QGroupBox):
    """A titled part of the visit form laid out as a grid of rows; emits `changed` on any edit."""

    changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(3, 1)
        self.rows: dict[str, FieldRow] = {}
        self.messages: dict[str, MessageLine] = {}
        self.anchors: dict[str, FieldAnchor] = {}
        self.labels_in_column: list[QLabel] = []
        self.label_grids: list[QGridLayout] = [self.grid]  # grids whose column 0 is the form's label column
        self._next_row = 0

    def add_anchor(self, key: str, title: str, label: QWidget | None, inputs: tuple[QWidget, ...], row: int,
                   grid: QGridLayout | None = None, column: int = MARKER_COLUMN) -> None:
        """Name a field for queries and SDV marks (its marker goes to `grid` at `row`, `column`)."""
        self.anchors[key] = FieldAnchor(key, title, label, inputs, grid or self.grid, row, column)

    def add_field_row(self, row: FieldRow) -> None:
        r = self._next_row
        self.grid.addWidget(row.label, r, 0)
        self.labels_in_column.append(row.label)
        self.grid.addWidget(row.editor, r, VALUE)
        self.grid.addWidget(row.unit, r, UNIT)
        self.grid.addWidget(row.conversion, r, CONVERSION)
        self.grid.addWidget(row.not_done, r, NOT_DONE)
        if row.not_attributable is not None:
            self.grid.addWidget(row.not_attributable, r, NOT_ATTRIBUTABLE)
        self.grid.addWidget(row.message, r + 1, VALUE, 1, STRETCH_COLUMN)  # a long message widens no column
        self._reason_under(row.not_done, r + 2)
        self._next_row += 3
        self.rows[row.name] = row
        inputs: tuple[QWidget, ...] = (row.editor, row.not_done.box)
        if isinstance(row.unit, QComboBox):
            inputs += (row.unit,)
        self.add_anchor(row.name, row.label_text, row.label, inputs, r)
        self.messages[row.name] = row.message
        row.editor.textChanged.connect(self.changed)
        row.not_done.changed.connect(self.changed)
        row.message.confirmation_changed.connect(self.changed)
        if isinstance(row.unit, QComboBox):
            row.unit.currentIndexChanged.connect(self.changed)
        if row.not_attributable is not None:
            row.not_attributable.toggled.connect(self.changed)

    def add_choice_row(self, label: QLabel, choices: QWidget, not_done: NotDone, not_attributable: QCheckBox,
                       message_name: str) -> int:
        """A lab row answered by a group of boxes (in the value, unit and conversion columns) with its "not done"
        and "not attributable" in their columns, its message line and its not-done reason under it, as a numeric
        row has them; returns the row's grid row."""
        r = self._next_row
        self.grid.addWidget(label, r, 0)
        self.labels_in_column.append(label)
        self.grid.addWidget(choices, r, VALUE, 1, NOT_DONE - VALUE)
        self.grid.addWidget(not_done, r, NOT_DONE)
        self.grid.addWidget(not_attributable, r, NOT_ATTRIBUTABLE)
        self.grid.addWidget(self._message_line(message_name), r + 1, VALUE, 1, STRETCH_COLUMN)
        self._reason_under(not_done, r + 2)
        self._next_row += 3
        return r

    def _reason_under(self, not_done: NotDone, row: int) -> None:
        """The reason for "not done" under its box (shown once ticked), so that it widens no column."""
        not_done.layout().removeWidget(not_done.reason)
        not_done.reason.setMaximumWidth(NOT_DONE_REASON_MAX_WIDTH)
        self.grid.addWidget(not_done.reason, row, NOT_DONE, 1, STRETCH_COLUMN - NOT_DONE + 1)

    def _message_line(self, name: str) -> MessageLine:
        line = MessageLine()
        line.setObjectName(f"message_{name}")
        line.confirmation_changed.connect(self.changed)
        self.messages[name] = line
        return line

    def add_widget_row(self, label: QLabel | None, widget: QWidget, message_name: str | None = None,
                       whole_width: bool = False) -> int:
        """A row with any widget (spanning the value columns, or with `whole_width` the label column too: a widget
        with its own label grid, listed in `label_grids`) and, if named, its own message line; returns the row's
        grid row."""
        r = self._next_row
        if label is not None:
            self.grid.addWidget(label, r, 0)
            self.labels_in_column.append(label)
        if whole_width:
            self.grid.addWidget(widget, r, 0, 1, 6)
        else:
            self.grid.addWidget(widget, r, 1, 1, 5)
        self._next_row += 1
        if message_name is not None:
            self.grid.addWidget(self._message_line(message_name), self._next_row, 1, 1, 5)
            self._next_row += 1
        return r

    def focus_widgets(self) -> list[QWidget]:
        """The section's focusable widgets in paper-CRF order."""
        out: list[QWidget] = []
        for row in self.rows.values():
            out += row.widgets()
        return out

    def raw(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for row in self.rows.values():
            out.update(row.raw())
        return out

    def set_raw(self, raw: dict[str, str]) -> None:
        for row in self.rows.values():
            row.set_raw(raw)

    def set_required(self, required: set[str]) -> None:
        for name, row in self.rows.items():
            row.set_required(name in required)

    def confirmed_fields(self) -> set[str]:
        return {name for name, line in self.messages.items() if line.confirmed()}


def label_width(label: QLabel) -> int:
    """The width `label` needs with the required mark, so that marking a field required never moves the values."""
    text = label.text().removesuffix(f" {REQUIRED_MARK}")
    return label.fontMetrics().horizontalAdvance(f"{text} {REQUIRED_MARK}") + 2 * label.margin() + 4


def align_value_columns(sections: list[FormSection]) -> int:
    """Give the label column of every section the width of the widest label of all of them, and each column of
    the numeric rows the width of its widest control in all sections; returns the label column's width."""
    width = max((label_width(label) for section in sections for label in section.labels_in_column), default=0)
    for section in sections:
        for grid in section.label_grids:
            empty = all(grid.itemAtPosition(row, 0) is None for row in range(grid.rowCount()))
            # QGridLayout leaves out the spacing after an empty column: count it in
            grid.setColumnMinimumWidth(0, width + (grid.horizontalSpacing() if empty else 0))
    numeric = [section for section in sections if section.rows]
    widths = {column: max((_column_width(row, column) for section in numeric for row in section.rows.values()),
                          default=0) for column in (VALUE, UNIT, CONVERSION, NOT_DONE, NOT_ATTRIBUTABLE)}
    for section in numeric:
        section.grid.setColumnStretch(CONVERSION, 0)
        section.grid.setColumnStretch(STRETCH_COLUMN, 1)
        for column, column_width in widths.items():
            section.grid.setColumnMinimumWidth(column, column_width)
    return width


def _column_width(row: FieldRow, column: int) -> int:
    """The width a numeric row's control needs in `column` (the conversion: its fixed width)."""
    if column == VALUE:
        return min(row.editor.sizeHint().width(), row.editor.maximumWidth())
    if column == UNIT:
        return row.unit.sizeHint().width()
    if column == CONVERSION:
        return row.conversion.minimumWidth()
    if column == NOT_DONE:
        return row.not_done.box.sizeHint().width()
    return row.not_attributable.sizeHint().width() if row.not_attributable is not None else 0
