"""Where each audit-trail row belongs, in the terms of the forms: the visit it changed (code and date), the form
(visit form, infusion, registration, a subject log, a query, a signature…) and the form's field key, so a viewer
can name "W24 2026-09-16 · Visit form · Haemoglobin" instead of "lab_values #412 original_value".

    places = audit_places(db, rows)        # AuditRow id -> AuditPlace; one read per table, not per row

Field keys are those the visit form and the queries use ("weight_kg", "hemoglobin_g_dl", "sledai.rash",
"lldas.gi_activity_active"); a lab's unit and attributability flag get ".unit" and ".not_attributable". A query,
its messages and its status changes are placed at the visit and field the query is about. A value
the store derives from another of the same change (a lab's canonical value, the visit's entry status, who and
when a signature was invalidated) is marked `derived`: the change is already shown by another row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from models import schema as s
from models.audit_trail import AuditRow
from models.subject_records import TABLES

VISIT_FORM = "visit"
VISIT_CHILDREN = {"lab_values": s.LabValue, "sledai_forms": s.SledaiForm, "bilag_forms": s.BilagForm}
# Table -> form; the subject logs are named by their kind (models.subject_records).
FORMS = {"visits": VISIT_FORM, **{name: VISIT_FORM for name in VISIT_CHILDREN}, "infusions": "infusion",
         "subjects": "registration", "status_history": "status", "queries": "query", "query_messages": "query",
         "signatures": "signature", "sdv_marks": "sdv", "locks": "lock", "users": "user", "settings": "settings",
         "study_config": "study_config", "soft_limit_confirmations": "visit_check",
         "subject_confirmations": "visit_check", "visit_not_done": "visit_not_done",
         "schedule_changes": "schedule_change",
         **{table.__tablename__: kind for kind, table in TABLES.items()}}
LAB_PARTS = {"original_value": "", "original_unit": ".unit", "not_attributable": ".not_attributable"}
DERIVED = {("lab_values", "canonical_value"), ("lab_values", "canonical_text"), ("visits", "entry_status"),
           ("signatures", "invalidated_by"), ("signatures", "invalidated_at_utc")}  # the row's own user and time
VISIT_PREFIXES = ("lldas_", "sfi_")
QUERY_TABLES = ("queries", "query_messages")


@dataclass(frozen=True)
class AuditPlace:
    """An audit row's visit ("W24 2026-09-16", None when it concerns no visit), form and field key; `field_form`
    names the form whose field it is when that is another form (a source-data verification of a visit-form value)."""

    visit: str | None
    form: str
    field: str | None
    derived: bool = False
    field_form: str | None = None


def audit_places(db, rows: Iterable[AuditRow]) -> dict[int, AuditPlace]:
    """The place of every row (see the module docstring)."""
    rows = list(rows)
    children = _visit_children(db, rows)
    records = {r.id: _record_json(r.new_value or r.old_value) for r in rows
               if r.field is None and r.table_name not in VISIT_CHILDREN}
    queries = _queries(db, rows, records)
    about = {row_id: _visit_named_in(record) for row_id, record in records.items()}
    about |= {r.id: _visit_named_in(queries.get(_query_id(r, records), {})) for r in rows
              if r.table_name in QUERY_TABLES}
    visit_ids = {r.record_id for r in rows if r.table_name == "visits"} | {v for v, _k in children.values() if v} \
        | {v for v in about.values() if v is not None}
    visits = _visit_names(db, visit_ids)
    places: dict[int, AuditPlace] = {}
    for row in rows:
        form = FORMS.get(row.table_name, row.table_name)
        visit_id, lab_key = about.get(row.id), None
        if row.table_name == "visits":
            visit_id = row.record_id
        elif row.table_name in VISIT_CHILDREN:
            visit_id, lab_key = children.get((row.table_name, row.record_id), (None, None))
        field = field_key(row, lab_key)
        field_form = None
        if row.table_name in QUERY_TABLES and row.field is None:  # a query raised or a message: the field asked about
            query = queries.get(_query_id(row, records), {})
            field = query.get("label") or query.get("field")
        elif row.table_name == "sdv_marks" and row.field is None:  # a verification: the field verified
            record = records.get(row.id, {})
            field, field_form = record.get("field"), FORMS.get(record.get("table_name", ""))
        places[row.id] = AuditPlace(visits.get(visit_id) if visit_id is not None else None, form, field,
                                    (row.table_name, row.field) in DERIVED, field_form)
    return places


def _query_id(row: AuditRow, records: dict[int, dict[str, str]]) -> int | None:
    """The query an audit row of a query or of one of its messages belongs to."""
    if row.table_name == "queries":
        return row.record_id
    value = records.get(row.id, {}).get("query_id")
    return int(value) if value and str(value).isdigit() else None


def _queries(db, rows: list[AuditRow], records: dict[int, dict[str, str]]) -> dict[int, dict[str, str]]:
    """Query id -> the query's record (table_name, record_id, field, label) for the query and message rows among
    `rows`: from a row that holds it (raised, deleted), else from the table, else from the query's insert in the
    trail (deleted since)."""
    found = {r.record_id: records[r.id] for r in rows if r.table_name == "queries" and records.get(r.id)}
    ids = {_query_id(r, records) for r in rows if r.table_name in QUERY_TABLES}
    wanted = {q for q in ids if q is not None and q not in found}
    if not wanted:
        return found
    with db.read() as session:
        for query_id, table_name, record_id, field, label in session.execute(
                select(s.QueryRow.id, s.QueryRow.table_name, s.QueryRow.record_id, s.QueryRow.field, s.QueryRow.label)
                .where(s.QueryRow.id.in_(wanted))):
            found[query_id] = {"table_name": table_name, "record_id": str(record_id), "field": field, "label": label}
        missing = wanted - set(found)
        if missing:
            for query_id, text in session.execute(
                    select(s.AuditEntry.record_id, s.AuditEntry.new_value).where(
                        s.AuditEntry.table_name == "queries", s.AuditEntry.action == "insert",
                        s.AuditEntry.record_id.in_(missing))):
                found[query_id] = _record_json(text)
    return found


def _visit_named_in(record: dict[str, str]) -> int | None:
    """The visit a created or deleted record points at (a signature's visit, a query's visit record)."""
    value = record.get("record_id") if record.get("table_name") == "visits" else record.get("visit_id")
    return int(value) if value and str(value).isdigit() else None


def field_key(row: AuditRow, lab_key: str | None) -> str | None:
    """The form field key of an audited column ("visits"."pga_tenths" -> "pga"; a lab column -> its lab key)."""
    table, column = row.table_name, row.field
    if table == "lab_values":
        if lab_key is None:
            return column
        return lab_key + LAB_PARTS.get(column or "", "")
    if column is None:
        return None
    if table == "sledai_forms":
        return f"sledai.{column}"
    if table == "bilag_forms":
        return f"bilag.{column}"
    if table == "visits":
        if column == "pga_tenths":
            return "pga"
        for prefix in VISIT_PREFIXES:
            if column.startswith(prefix):
                return f"{prefix[:-1]}.{column.removeprefix(prefix)}"
    return column


def _record_json(text: str | None) -> dict[str, str]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _visit_children(db, rows: list[AuditRow]) -> dict[tuple[str, int], tuple[int | None, str | None]]:
    """(table, record id) -> (visit id, lab key) of the lab, SLEDAI-2K and BILAG rows among `rows`: from the
    rows themselves when they hold the record (insert, delete), else from the table, else from the insert's
    record in the trail (the row was deleted since)."""
    found: dict[tuple[str, int], tuple[int | None, str | None]] = {}
    wanted: dict[str, set[int]] = {}
    for row in rows:
        if row.table_name not in VISIT_CHILDREN:
            continue
        record = _record_json(row.new_value if row.field is None else None) or \
            _record_json(row.old_value if row.field is None else None)
        if record.get("visit_id"):
            found[(row.table_name, row.record_id)] = (int(record["visit_id"]), record.get("key"))
        else:
            wanted.setdefault(row.table_name, set()).add(row.record_id)
    with db.read() as session:
        for table_name, ids in wanted.items():
            table = VISIT_CHILDREN[table_name]
            key = table.key if table is s.LabValue else None
            columns = (table.id, table.visit_id, key) if key is not None else (table.id, table.visit_id)
            for record_id, visit_id, *lab_key in session.execute(select(*columns).where(table.id.in_(ids))):
                found[(table_name, record_id)] = (visit_id, lab_key[0] if lab_key else None)
            missing = ids - {r for t, r in found if t == table_name}
            if missing:
                for record_id, text in session.execute(
                        select(s.AuditEntry.record_id, s.AuditEntry.new_value).where(
                            s.AuditEntry.table_name == table_name, s.AuditEntry.action == "insert",
                            s.AuditEntry.record_id.in_(missing))):
                    record = _record_json(text)
                    if record.get("visit_id"):
                        found[(table_name, record_id)] = (int(record["visit_id"]), record.get("key"))
    return found


def _visit_names(db, visit_ids: set[int]) -> dict[int, str]:
    """Visit id -> "W24 2026-09-16" (the code alone for a missed visit); deleted visits from their insert."""
    names: dict[int, str] = {}
    if not visit_ids:
        return names
    with db.read() as session:
        for visit_id, code, when in session.execute(select(s.Visit.id, s.Visit.code, s.Visit.date)
                                                    .where(s.Visit.id.in_(visit_ids))):
            names[visit_id] = f"{code} {when.isoformat()}" if when else code
        missing = visit_ids - set(names)
        if missing:
            for visit_id, text in session.execute(
                    select(s.AuditEntry.record_id, s.AuditEntry.new_value).where(
                        s.AuditEntry.table_name == "visits", s.AuditEntry.action == "insert",
                        s.AuditEntry.record_id.in_(missing))):
                record = _record_json(text)
                if record.get("code"):
                    names[visit_id] = " ".join(p for p in (record["code"], record.get("date") or "") if p)
    return names
