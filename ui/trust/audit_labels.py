"""What the audit viewer calls a change's form and field: the labels the forms themselves show, never a table or
column name. Every form's field labels come from the one list of reports.form_labels (the visit form, infusion,
registration, signature, query, lock, SDV, user accounts…); a subject log's from its form's spec (ui.logs), whose
steroid labels depend on the study settings. Places come from models.audit_places.

    labels = AuditLabels(db)
    labels.form(place), labels.field(place)      # "Visit form", "Haemoglobin — unit"
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QCoreApplication

from models.audit_places import AuditPlace
from models.database import Database
from models.subject_records import TABLES
from reports.form_labels import FORM_NAMES, form_field
from ui.trust.query_targets import LIGHT_SPECS


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditLabels", text)


def humanise(column: str) -> str:
    """A column name as words, for a column no form names (none of the study's tables has one)."""
    words = column.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


class AuditLabels:
    """Labels of forms and fields for one database (the steroid form's labels depend on its study settings)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._log_labels: dict[str, dict[str, str]] = {}
        self._log_titles: dict[str, str] = {}

    def form(self, place: AuditPlace) -> str:
        if place.form in TABLES:
            return self._log(place.form)[0]
        return _tr(FORM_NAMES[place.form]) if place.form in FORM_NAMES else humanise(place.form)

    def field(self, place: AuditPlace) -> str:
        key = place.field
        if not key:
            return ""
        form = place.field_form or place.form
        if form in TABLES:
            return self._log(form)[1].get(key) or humanise(key)
        if form == "query" and (" " in key or key[:1].isupper()):  # the label stored with the query
            return key
        return form_field(form, key, _tr) or humanise(key)

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
