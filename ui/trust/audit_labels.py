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
from reports.field_names import field_name, form_name


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditLabels", text)


class AuditLabels:
    """Labels of forms and fields as the forms show them, in the screen's language (reports.field_names)."""

    def form(self, place: AuditPlace) -> str:
        return form_name(place.form, _tr)

    def field(self, place: AuditPlace) -> str:
        return field_name(place.field_form or place.form, place.field, _tr)
