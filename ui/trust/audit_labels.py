"""What the audit viewer calls a change's form and field: the labels the forms themselves show, never a table or
column name. Every form's title and field labels come from the one list of reports.form_labels (the visit form,
infusion, registration, the subject logs, signature, query, lock, SDV, user accounts…). Places come from
models.audit_places.

    labels = AuditLabels()
    labels.form(place), labels.field(place)      # "Visit form", "Haemoglobin — unit"
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.audit_places import AuditPlace
from reports.form_labels import FORM_NAMES, form_field


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditLabels", text)


def humanise(column: str) -> str:
    """A column name as words, for a column no form names (none of the study's tables has one)."""
    words = column.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


class AuditLabels:
    """Labels of forms and fields as the forms show them."""

    def form(self, place: AuditPlace) -> str:
        return _tr(FORM_NAMES[place.form]) if place.form in FORM_NAMES else humanise(place.form)

    def field(self, place: AuditPlace) -> str:
        key = place.field
        if not key:
            return ""
        form = place.field_form or place.form
        if form == "query" and (" " in key or key[:1].isupper()):  # the label stored with the query
            return key
        return form_field(form, key, _tr) or humanise(key)
