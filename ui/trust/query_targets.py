"""Where a query points and how to get there: the record's place as users name it ("W4 2026-03-02", an adverse
event's one-line description), the queried field's label, and opening the form of that record (the visit form
or the log form); when the record is gone, the query is shown in the Queries section instead.

    places = query_places(window, queries)    # query id -> "W4 2026-03-02", None if the record is gone
    go_to_query(window, query)                # the form at the field, its queries dialog open; else the
                                              # Queries section with the query selected
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from models.queries import QueryInfo
from models.subject_records import TABLES, LogRow, list_rows
from models.subjects import list_subjects
from models.visit_store import list_visits
from reports.form_labels import visit_field

if TYPE_CHECKING:
    from ui.host import Host
    from ui.logs.fields import LogSpec

VISITS = "visits"
SUBJECTS = "subjects"
DEATH_FIELDS = ("death_date", "death_cause")
LOG_KINDS = {table.__tablename__: kind for kind, table in TABLES.items()}  # table name -> log kind
LIGHT_SPECS = {  # log kind -> (module, spec function) of the forms whose modules import quickly
    "adverse_events": ("ui.logs.adverse_events", "adverse_event_spec"),
    "medications": ("ui.logs.medications", "medication_spec"),
    "events": ("ui.logs.outcomes", "flare_spec"), "hospitalisations": ("ui.logs.outcomes", "hospitalisation_spec"),
    "renal_replacement": ("ui.logs.outcomes", "renal_replacement_spec"), "death": ("ui.logs.outcomes", "death_spec"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("HomeQueries", text)


def visit_field_label(key: str) -> str:
    """A visit-form field key as users read it: "weight_kg" -> "Weight", "sledai.rash" -> "SLEDAI-2K: Rash"."""
    return visit_field(key, _tr)


def _log_spec(window: Host, query: QueryInfo) -> LogSpec | None:
    """The spec of the log form a query points at, None for a table no form shows. The light form modules are
    imported directly; the rest through ui.logs.tabs (which brings matplotlib: only when needed)."""
    kind = "death" if query.table_name == SUBJECTS and query.field in DEATH_FIELDS else LOG_KINDS.get(query.table_name)
    if kind is None:
        return None
    light = LIGHT_SPECS.get(kind)
    if light is not None:
        module, maker = light
        return getattr(importlib.import_module(module), maker)()
    from ui.logs.tabs import spec_for

    return spec_for(window, kind)


def field_label(window: Host, query: QueryInfo) -> str:
    """The queried field's label: the one stored with the query when set, else the form's name for the key."""
    if query.label:
        return query.label
    if query.table_name == VISITS:
        return visit_field_label(query.field)
    spec = _log_spec(window, query)
    labels = {f.name: f.label for f in spec.fields()} if spec is not None else {}
    return labels.get(query.field, query.field)


def _log_row(window: Host, query: QueryInfo, cache: dict[tuple[str, str], list[LogRow]]) -> LogRow | None:
    """The saved log row a query points at (the death record for the subject's death fields), or None."""
    from ui.logs.outcomes import DeathBox

    if query.table_name == SUBJECTS:
        if query.field not in DEATH_FIELDS:
            return None
        try:
            row = DeathBox.row_of(window.db, query.subject_id)
        except LookupError:  # the subject is gone
            return None
        return row if row.record_id == query.record_id else None
    kind = LOG_KINDS.get(query.table_name)
    if kind is None:
        return None
    key = (query.subject_id, kind)
    if key not in cache:
        try:
            cache[key] = list_rows(window.db, query.subject_id, kind)
        except LookupError:  # the subject is gone
            cache[key] = []
    return next((r for r in cache[key] if r.record_id == query.record_id), None)


def _visit_place(window: Host, query: QueryInfo, cache: dict[str, dict[int, str]]) -> str | None:
    """"W4 2026-03-02" (code and date; code alone for a missed visit) of the queried visit, None if it is gone."""
    if query.subject_id not in cache:
        try:
            visits = list_visits(window.db, query.subject_id)
        except LookupError:  # the subject is gone
            visits = []
        cache[query.subject_id] = {v.record_id: f"{v.code} {v.date.isoformat()}" if v.date else v.code
                                   for v in visits}
    return cache[query.subject_id].get(query.record_id)


def query_places(window: Host, queries: list[QueryInfo]) -> dict[int, str | None]:
    """Where each query points, as users name it: the visit's code and date, the log row's one-line description,
    "Registration" for the subject's own fields; None when the record no longer exists. One read per subject
    and log, not per query."""
    visits: dict[str, dict[int, str]] = {}
    rows: dict[tuple[str, str], list[LogRow]] = {}
    subjects: dict[str, int] | None = None
    places: dict[int, str | None] = {}
    for query in queries:
        place: str | None = None
        if query.table_name == VISITS:
            place = _visit_place(window, query, visits)
        elif query.table_name == SUBJECTS and query.field not in DEATH_FIELDS:
            if subjects is None:
                subjects = {row.subject_id: row.record_id for row in list_subjects(window.db)}
            place = _tr("Registration") if subjects.get(query.subject_id) == query.record_id else None
        else:
            row = _log_row(window, query, rows)
            spec = _log_spec(window, query) if row is not None else None
            place = spec.describe(row.values) if spec is not None and row is not None else None
        places[query.query_id] = place
    return places


def open_query_form(window: Host, query: QueryInfo, open_notes: bool = False) -> bool:
    """Open the form of the record the query points at, scrolled to the queried field (and, with `open_notes`,
    that field's queries dialog, where the site answers); False (nothing opened) if the record is gone."""
    place = query_places(window, [query])[query.query_id]
    if place is None:
        return False
    if query.table_name == VISITS:
        from ui.entry.visit_editor import open_visit_editor

        editor = open_visit_editor(window, query.subject_id, record_id=query.record_id)
    elif query.table_name == SUBJECTS and query.field not in DEATH_FIELDS:
        window.edit_subject(query.subject_id)
        return True
    else:
        from ui.logs.record_table import open_record_editor

        row, spec = _log_row(window, query, {}), _log_spec(window, query)
        if row is None or spec is None:
            return False
        editor = open_record_editor(window, query.subject_id, spec, row)
    editor.show_field(query.field, open_notes=open_notes)
    return True


def show_in_queries(window: Host, query_id: int) -> bool:
    """Show the Queries section with this query selected; False if the window has no Queries section."""
    section = window.sections.get("queries")
    if section is None:
        return False
    window.show_section("queries")
    section.refresh(select_id=query_id)
    return True


def go_to_query(window: Host, query: QueryInfo) -> None:
    """The record's form at the field with its queries dialog open, or, when the record is gone, the query in
    the Queries section."""
    if not open_query_form(window, query, open_notes=True):
        show_in_queries(window, query.query_id)
