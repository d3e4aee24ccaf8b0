"""What a subject log looks like on screen: its fields (label, input kind, choices), its table columns, and
the conversions between what is typed (raw texts, kept by crash drafts) and typed values for models/.

Each log module (steroids, medications, adverse_events, outcomes) declares one `LogSpec`; the generic table
(record_table) and form (record_editor) are built from it. Titles, field labels and column headers come from the
one list of reports.form_labels (`log_field`, `log_column`); which fields are required and every edit check from
endpoints.record_checks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from reports.form_labels import LOG_FIELDS, LOG_NAMES, log_header
from ui.entry.sections.widgets import YesNo
from ui.widgets.inputs import DateLineEdit, DecimalLineEdit, parse_date_text, parse_decimal_text

TEXT, NOTE, DATE, DECIMAL, CHOICE, YESNO, CHECK = "text", "note", "date", "decimal", "choice", "yesno", "check"


def tr(text: str) -> str:
    return QCoreApplication.translate("logs", text)


@dataclass(frozen=True)
class FieldSpec:
    """One input of a log form: stored field name, label, kind and (for CHOICE) the (code, label) pairs."""

    name: str
    label: str
    kind: str
    choices: tuple[tuple[Any, str], ...] = ()
    placeholder: str = ""


@dataclass(frozen=True)
class Column:
    """One table column: header and the cell text of a row's values."""

    header: str
    text: Callable[[dict[str, Any]], str]


@dataclass(frozen=True)
class LogSpec:
    """A subject log: `kind` as in models.subject_records, what one row is called, form sections and columns."""

    kind: str
    title: str
    row_name: str
    sections: tuple[tuple[str, tuple[FieldSpec, ...]], ...]
    columns: tuple[Column, ...]
    describe: Callable[[dict[str, Any]], str]  # one line naming a row (reason and delete dialogs)
    affects_endpoints: bool = True

    def fields(self) -> tuple[FieldSpec, ...]:
        return tuple(f for _title, fields in self.sections for f in fields)


def log_field(kind: str, name: str, input_kind: str, choices: tuple[tuple[Any, str], ...] = (),
              placeholder: str = "") -> FieldSpec:
    """Field `name` of log `kind`, labelled as reports.form_labels names it."""
    return FieldSpec(name, tr(LOG_FIELDS[kind][name]), input_kind, choices, placeholder)


def log_column(kind: str, name: str, text: Callable[[dict[str, Any]], str]) -> Column:
    """The table column of field `name` of log `kind`, headed as reports.form_labels names it."""
    return Column(log_header(kind, name, tr), text)


def log_title(kind: str) -> str:
    return tr(LOG_NAMES[kind])


def make_editor(spec: FieldSpec) -> QWidget:
    """The input widget of a field."""
    editor: QWidget
    if spec.kind == DATE:
        editor = DateLineEdit()
    elif spec.kind == DECIMAL:
        editor = DecimalLineEdit()
        editor.setMaximumWidth(140)
    elif spec.kind == CHOICE:
        editor = QComboBox()
        editor.addItem("—", None)
        for code, label in spec.choices:
            editor.addItem(label, code)
    elif spec.kind == YESNO:
        editor = YesNo()
    elif spec.kind == CHECK:
        editor = QCheckBox(spec.label)
    elif spec.kind == NOTE:
        editor = QPlainTextEdit()
        editor.setTabChangesFocus(True)
        editor.setFixedHeight(64)
    else:
        editor = QLineEdit()
    if spec.placeholder and isinstance(editor, (QLineEdit, QPlainTextEdit)):
        editor.setPlaceholderText(spec.placeholder)
    editor.setObjectName(f"field_{spec.name}")
    return editor


def raw_of(editor: QWidget) -> str:
    """An input's content as text (a choice: its code; yes/no: "yes"/"no"/""; a check box: "1"/"")."""
    if isinstance(editor, YesNo):
        return editor.raw()
    if isinstance(editor, QComboBox):
        data = editor.currentData()
        return "" if data is None else str(data)
    if isinstance(editor, QCheckBox):
        return "1" if editor.isChecked() else ""
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    assert isinstance(editor, QLineEdit)
    return editor.text()


def set_raw_of(editor: QWidget, text: str) -> None:
    """Put a raw text back into an input (an unknown choice code adds it, so nothing stored is hidden)."""
    if isinstance(editor, YesNo):
        editor.set_raw(text)
    elif isinstance(editor, QComboBox):
        index = next((i for i in range(editor.count()) if str(editor.itemData(i) or "") == text), -1)
        if index < 0 and text:
            editor.addItem(text, text)
            index = editor.count() - 1
        editor.setCurrentIndex(max(index, 0))
    elif isinstance(editor, QCheckBox):
        editor.setChecked(text == "1")
    elif isinstance(editor, QPlainTextEdit):
        editor.setPlainText(text)
    else:
        assert isinstance(editor, QLineEdit)
        editor.setText(text)


def value_to_raw(spec: FieldSpec, value: Any) -> str:
    """A stored value as the raw text its input shows."""
    if value is None:
        return ""
    if spec.kind == DATE:
        return value.isoformat()
    if spec.kind == DECIMAL:
        return f"{value:g}"
    if spec.kind == YESNO:
        return "yes" if value else "no"
    if spec.kind == CHECK:
        return "1" if value else ""
    return str(value)


def raw_to_values(spec: LogSpec, raw: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """Typed values of a form's raw texts, and the fields whose text does not read (with their message)."""
    values: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for f in spec.fields():
        text = raw.get(f.name, "")
        try:
            values[f.name] = _typed(f, text)
        except ValueError as exc:
            values[f.name] = None
            problems[f.name] = str(exc)
    return values, problems


def _typed(f: FieldSpec, text: str) -> Any:
    if f.kind == DATE:
        return parse_date_text(text)
    if f.kind == DECIMAL:
        number = parse_decimal_text(text)
        return None if number is None else float(number)
    if f.kind == YESNO:
        return {"yes": True, "no": False}.get(text)
    if f.kind == CHECK:
        return text == "1"
    if f.kind == CHOICE:
        if not text:
            return None
        codes = {str(code): code for code, _label in f.choices}
        return codes.get(text, text)
    return text.strip() or None


def shown_text(f: FieldSpec, text: str) -> str:
    """A field's raw text as a person reads it: a choice by its label, yes/no and a ticked box in words."""
    if f.kind == CHOICE:
        return next((label for code, label in f.choices if str(code) == text), text)
    if f.kind == YESNO:
        return {"yes": tr("Yes"), "no": tr("No")}.get(text, "")
    if f.kind == CHECK:
        return tr("Yes") if text == "1" else tr("No")
    return text


def choice_label(spec: LogSpec, name: str, value: Any) -> str:
    """The label shown for a stored choice code (the code itself when it is not in the list)."""
    if value is None:
        return ""
    for f in spec.fields():
        if f.name == name:
            return next((label for code, label in f.choices if code == value), str(value))
    return str(value)


def date_text(value: dt.date | None, empty: str = "") -> str:
    return value.isoformat() if value else empty


def yes_no(value: bool | None) -> str:
    return "" if value is None else (tr("Yes") if value else tr("No"))
