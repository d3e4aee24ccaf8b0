"""What the audit viewer calls a change's form and field: the labels the forms themselves show (the visit form's
field names, each subject log's field labels, the registration form's row labels, the infusion form's vital
signs), never a table or column name. Places come from models.audit_places.

    labels = AuditLabels(db)
    labels.form(place), labels.field(place)      # "Visit form", "Haemoglobin — unit"
"""

from __future__ import annotations

import importlib
from functools import cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel

from models.audit_places import VISIT_FORM, AuditPlace
from models.database import Database
from models.subject_records import TABLES
from ui.trust.query_targets import LIGHT_SPECS, visit_field_label

VITAL_PREFIXES = {"pre_": "Before infusion", "post_": "After infusion"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditLabels", text)


def humanise(column: str) -> str:
    """A column name as words, for the few columns no form shows ("invalidated_reason" -> "Invalidated reason")."""
    words = column.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


class AuditLabels:
    """Labels of forms and fields for one database (the steroid form's labels depend on its study settings)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._log_labels: dict[str, dict[str, str]] = {}
        self._log_titles: dict[str, str] = {}

    def form(self, place: AuditPlace) -> str:
        names = {
            VISIT_FORM: _tr("Visit form"), "infusion": _tr("Infusion"), "registration": _tr("Registration"),
            "status": _tr("Status history"), "query": _tr("Query"), "signature": _tr("Signature"),
            "sdv": _tr("Source data verification"), "lock": _tr("Lock"), "user": _tr("User account"),
            "settings": _tr("Settings"), "study_config": _tr("Study configuration"),
            "visit_check": _tr("Value outside limits confirmed"),
        }
        if place.form in TABLES:
            return self._log(place.form)[0]
        return names.get(place.form, humanise(place.form))

    def field(self, place: AuditPlace) -> str:
        key = place.field
        if not key:
            return ""
        if place.form == VISIT_FORM:
            base, dot, part = key.rpartition(".")
            if dot and part in ("unit", "not_attributable"):
                suffix = _tr("unit") if part == "unit" else _tr("not attributable to SLE")
                return f"{visit_field_label(base)} — {suffix}"
            label = visit_field_label(key)
            return humanise(key) if label == key else label
        if place.form in TABLES:
            return self._log(place.form)[1].get(key, humanise(key))
        if place.form == "query":  # the query's own label of its field, or its column
            return key if " " in key or key[:1].isupper() else humanise(key)
        if place.form == "registration":
            return registration_labels().get(key, humanise(key))
        if place.form == "infusion":
            return infusion_label(key)
        return humanise(key)

    def _log(self, kind: str) -> tuple[str, dict[str, str]]:
        if kind not in self._log_titles:
            light = LIGHT_SPECS.get(kind)
            if light is not None:
                spec = getattr(importlib.import_module(light[0]), light[1])()
            else:  # the steroid form: its module brings matplotlib, imported only once a steroid change is shown
                spec = importlib.import_module("ui.logs.steroids").steroid_spec(self.db.config.params)
            self._log_titles[kind] = spec.title
            self._log_labels[kind] = {f.name: f.label for f in spec.fields()}
        return self._log_titles[kind], self._log_labels[kind]


@cache
def registration_labels() -> dict[str, str]:
    """The registration form's row label of each field, read from the form itself."""
    from ui.subjects.form import SubjectForm

    form = SubjectForm()
    labels: dict[str, str] = {}
    for key, field in form.fields.items():
        layout = field.parentWidget().layout() if field.parentWidget() is not None else None
        label = layout.labelForField(field) if isinstance(layout, QFormLayout) else None
        if isinstance(label, QLabel):
            labels[key] = label.text().replace("&", "")
    form.deleteLater()
    return labels


def infusion_label(column: str) -> str:
    """An infusion column as the infusion form names it ("pre_pulse_bpm" -> "Before infusion: Pulse (/min)")."""
    from ui.schedule.infusion import VITALS

    vitals = dict(VITALS)
    for prefix, when in VITAL_PREFIXES.items():
        name = column.removeprefix(prefix)
        if column.startswith(prefix) and name in vitals:
            return f"{_tr(when)}: {QCoreApplication.translate('InfusionDialog', vitals[name])}"
    return humanise(column)
