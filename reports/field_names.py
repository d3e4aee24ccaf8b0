"""What print calls a stored record's form and field: the labels the forms themselves show (the one list of
reports.form_labels), found as the screen's audit viewer finds them (ui.trust.audit_labels): a table's form from
models.audit_places, a field key through `form_field`, in the language of the print running in this thread.

    form_name(form_of("visits"))                  # "Visit form"
    field_name("visit", "sledai.rash")            # "SLEDAI-2K: Rash"
    column_name("visits", "pga_tenths")           # "PGA": a stored column named by the form's field
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

from models.audit_places import FORMS, AuditPlace, field_key
from reports.form_labels import FORM_NAMES, form_field
from reports.texts import tr


def humanise(column: str) -> str:
    """A column name as words, for a column no form names."""
    words = column.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def form_of(table: str) -> str:
    """The form a stored table belongs to ("visits", "lab_values" -> "visit"; a subject log -> its kind)."""
    return FORMS.get(table, table)


def form_name(form: str, translate: Callable[[str], str] = tr) -> str:
    """A form's title ("Visit form", "Adverse events")."""
    return translate(FORM_NAMES[form]) if form in FORM_NAMES else humanise(form)


def field_name(form: str, key: str | None, translate: Callable[[str], str] = tr) -> str:
    """A field key of `form` as the form labels it; a query's stored label as it is; "" for no field."""
    if not key:
        return ""
    if form == "query" and (" " in key or key[:1].isupper()):  # the label stored with the query
        return key
    return form_field(form, key, translate) or humanise(key)


def place_names(place: AuditPlace, translate: Callable[[str], str] = tr) -> tuple[str, str]:
    """(form title, field label) of an audit row's place, as the forms show them."""
    return form_name(place.form, translate), field_name(place.field_form or place.form, place.field, translate)


def column_name(table: str, column: str, lab_key: str | None = None) -> str:
    """A stored column of `table` named by the form's field (models.audit_places maps columns to field keys)."""
    key = field_key(SimpleNamespace(table_name=table, field=column), lab_key)
    return field_name(form_of(table), key)
