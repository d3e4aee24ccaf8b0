"""The registration form of one subject: every field of the registry, each with its message line under it.

The form turns typed text into a `SubjectInput`; whether the input can be saved is decided by models.subjects.
Its raw texts (what the user typed, even when it does not read as a date or number) are what drafts keep.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from models.subjects import SubjectInput, SubjectRecord
from reports.form_labels import FORM_FIELDS
from ui.subjects.labels import SEXES, STATUSES, SUBGROUPS, sex_label, status_label, subgroup_label
from ui.widgets.inputs import DateLineEdit, DecimalLineEdit, FieldWithError

DATE_FIELDS = ("birth_date", "consent_date", "status_date", "withdrawal_date")
WITHDRAWAL_FIELDS = ("withdrawal_date", "withdrawal_reason")


def _weight_text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class SubjectForm(QWidget):
    """Inputs for screening number, subject ID, initials, subgroup, sex, birth date, consent date, weight,
    status (with its date, and withdrawal date and reason), notes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: dict[str, QWidget] = {}
        self.fields: dict[str, FieldWithError] = {}

        self.general_error = QLabel(self)
        self.general_error.setObjectName("generalError")
        self.general_error.setStyleSheet("color: #b00020;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        ident = self._group(self.tr("Identification"))
        self._add(ident, "screening_number", self.label("screening_number"), self._line(self.tr("e.g. S-001")))
        self._add(ident, "subject_id", self.label("subject_id"), self._line(self.tr("LN-01 or LC-01")))
        self._add(ident, "initials", self.label("initials"), self._line(self.tr("e.g. KMJ or 김민지")))
        self._add(ident, "subgroup", self.label("subgroup"), self._combo(SUBGROUPS, subgroup_label))

        demo = self._group(self.tr("Demographics"))
        self._add(demo, "sex", self.label("sex"), self._combo(SEXES, sex_label))
        self._add(demo, "birth_date", self.label("birth_date"), DateLineEdit())
        weight = DecimalLineEdit()
        weight.setPlaceholderText(self.tr("e.g. 58.5"))
        self._add(demo, "weight_kg", self.label("weight_kg"), weight)

        status = self._group(self.tr("Consent and status"))
        self._add(status, "consent_date", self.label("consent_date"), DateLineEdit())
        self._add(status, "status", self.label("status"), self._combo(STATUSES, status_label, blank=False))
        status_date = DateLineEdit()
        status_date.setPlaceholderText(self.tr("YYYY-MM-DD (empty: today)"))
        self._add(status, "status_date", self.label("status_date"), status_date)
        self._add(status, "withdrawal_date", self.label("withdrawal_date"), DateLineEdit())
        self._add(status, "withdrawal_reason", self.label("withdrawal_reason"), self._line(""))

        notes_box = QGroupBox(self.tr("Notes"), self)
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(80)
        self.notes_field = self._register("notes", notes)
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.addWidget(self.notes_field)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(ident[0])
        left.addWidget(demo[0])
        left.addStretch(1)
        columns.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(status[0])
        right.addStretch(1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.general_error)
        layout.addLayout(columns)
        layout.addWidget(notes_box)
        layout.addStretch(1)

        self.status_form = status[1]
        self.editors["status"].currentIndexChanged.connect(self._update_withdrawal_rows)
        self._update_withdrawal_rows()

    # building -------------------------------------------------------------------------------------------------

    def _group(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return box, form

    def _line(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        return edit

    def _combo(self, codes: tuple[str, ...], label, blank: bool = True) -> QComboBox:
        combo = QComboBox()
        if blank:
            combo.addItem(self.tr("(choose)"), "")
        for code in codes:
            combo.addItem(label(code), code)
        return combo

    def _register(self, key: str, editor: QWidget) -> FieldWithError:
        editor.setObjectName(key)
        field = FieldWithError(editor)
        field.setObjectName(f"{key}_field")
        field.error_label.setObjectName(f"{key}_error")
        self.editors[key] = editor
        self.fields[key] = field
        if isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(self.changed)
        else:
            editor.textChanged.connect(self.changed)
        return field

    def label(self, key: str) -> str:
        """A field's label (reports.form_labels), translated."""
        return self.tr(FORM_FIELDS["registration"][key])

    def _add(self, group: tuple[QGroupBox, QFormLayout], key: str, label: str, editor: QWidget) -> None:
        field = self._register(key, editor)
        group[1].addRow(label, field)
        group[1].labelForField(field).setBuddy(editor)

    def _update_withdrawal_rows(self) -> None:
        withdrawn = self.editors["status"].currentData() == "withdrawn"
        for key in WITHDRAWAL_FIELDS:
            self.status_form.setRowVisible(self.fields[key], withdrawn)

    # values ---------------------------------------------------------------------------------------------------

    def raw_values(self) -> dict[str, str]:
        """Every field's text as typed (combo boxes: the stored code), for drafts and change detection."""
        values: dict[str, str] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                values[key] = editor.currentData() or ""
            elif isinstance(editor, QPlainTextEdit):
                values[key] = editor.toPlainText()
            else:
                values[key] = editor.text()
        return values

    def set_raw_values(self, values: dict[str, str]) -> None:
        """Put texts back into the fields (unknown keys are ignored)."""
        for key, text in values.items():
            editor = self.editors.get(key)
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(text)))
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(text)
            elif editor is not None:
                editor.setText(text)

    def load_record(self, record: SubjectRecord) -> None:
        """Fill the form from a saved subject."""
        date_text = {key: (getattr(record, key).isoformat() if getattr(record, key) else "") for key in DATE_FIELDS
                     if key != "status_date"}
        self.set_raw_values({
            "screening_number": record.screening_number or "", "subject_id": record.subject_id,
            "initials": record.initials or "", "subgroup": record.subgroup, "sex": record.sex,
            "weight_kg": _weight_text(record.weight_kg), "status": record.status, "status_date": "",
            "withdrawal_reason": record.withdrawal_reason or "", "notes": record.notes or "", **date_text,
        })

    def build_input(self, base: SubjectInput | None = None) -> tuple[SubjectInput, dict[str, str]]:
        """The typed values as a SubjectInput (fields the form does not show are kept from `base`), and the
        fields whose text could not be read (a date or a number), with their message."""
        raw = self.raw_values()
        unreadable: dict[str, str] = {}
        dates: dict[str, dt.date | None] = {}
        for key in DATE_FIELDS:
            try:
                dates[key] = self.editors[key].date_value()
            except ValueError as exc:  # the message names the problem ("month 13 does not exist")
                dates[key] = None
                unreadable[key] = str(exc)
        try:
            weight = self.editors["weight_kg"].decimal_value()
        except ValueError as exc:
            weight = None
            unreadable["weight_kg"] = str(exc)
        withdrawn = raw["status"] == "withdrawn"
        values = {
            "subject_id": raw["subject_id"], "screening_number": raw["screening_number"] or None,
            "subgroup": raw["subgroup"], "sex": raw["sex"], "birth_date": dates["birth_date"],
            "consent_date": dates["consent_date"], "status": raw["status"], "initials": raw["initials"] or None,
            "weight_kg": float(weight) if weight is not None else None,
            "withdrawal_date": dates["withdrawal_date"] if withdrawn else None,
            "withdrawal_reason": (raw["withdrawal_reason"] or None) if withdrawn else None,
            "notes": raw["notes"] or None, "status_date": dates["status_date"],
        }
        data = replace(base, **values) if base is not None else SubjectInput(**values)
        return data, unreadable

    # messages -------------------------------------------------------------------------------------------------

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field; messages for fields the form does not show go to the top line."""
        for key, field in self.fields.items():
            field.set_error(errors.get(key))
        other = [message for key, message in errors.items() if key not in self.fields]
        self.general_error.setText("\n".join(other))
        self.general_error.setVisible(bool(other))
        first = next((key for key in self.editors if key in errors), None)
        if first is not None:
            self.editors[first].setFocus()

    def errors(self) -> dict[str, str]:
        """The messages now shown, by field."""
        shown = {key: field.error() for key, field in self.fields.items()}
        return {key: message for key, message in shown.items() if message}
