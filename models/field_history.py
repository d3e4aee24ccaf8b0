"""The change history of one field of one saved record, read from the audit trail: when it was first entered and
every later change (old → new, who, when, reason), oldest first.

A field is named as queries name it: (table, record id, key). For a visit the key is the visit-form key and its
history gathers the visit's own column ("weight_kg", "pga_tenths" for "pga") and the child rows that hold it:
the lab value row of that key ("hemoglobin_g_dl": value, unit, "not attributable"), the "not done" row, and the
SLEDAI-2K and BILAG-2004 form columns ("sledai.arthritis", "bilag.renal").
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from models.schema import AuditEntry
from models.write_scope import visit_form_key

VISITS = "visits"
_LAB_COLUMNS = {"original_value": "value", "original_unit": "unit", "not_attributable": "not attributable to SLE"}
_FORM_TABLES = {"sledai_forms": "sledai.", "bilag_forms": "bilag."}
_CHILD_TABLES = ("lab_values", "visit_not_done", *_FORM_TABLES)


@dataclass(frozen=True)
class FieldChange:
    """One audited change of a field: `part` names what changed when a field has several ("unit"), "" else;
    `old_value` is None for the first entry."""

    at_utc: str
    user: str
    action: str
    part: str
    old_value: str | None
    new_value: str | None
    reason: str | None


def field_history(db, subject_id: str, table: str, record_id: int, key: str) -> list[FieldChange]:
    """Every audited change of the field, oldest first (one read of the subject's audit rows)."""
    query = select(AuditEntry).where(AuditEntry.subject_id == subject_id).order_by(AuditEntry.id)
    if table != VISITS:
        query = query.where(AuditEntry.table_name == table, AuditEntry.record_id == record_id)
    else:
        query = query.where(AuditEntry.table_name.in_((VISITS, *_CHILD_TABLES)))
    with db.read() as session:
        rows = list(session.scalars(query))
    if table != VISITS:
        return [c for row in rows if (c := _own_change(row, key, str)) is not None]
    children: dict[tuple[str, int], dict[str, str]] = {}  # (table, id) -> the row's snapshot when inserted
    out: list[FieldChange] = []
    for row in rows:
        if row.table_name == VISITS:
            change = _own_change(row, key, visit_form_key) if row.record_id == record_id else None
        else:
            if row.action == "insert":
                children[(row.table_name, row.record_id)] = json.loads(row.new_value or "{}")
            snapshot = children.get((row.table_name, row.record_id), {})
            change = _child_change(row, snapshot, record_id, key) if snapshot else None
        if change is not None:
            out.append(change)
    return out


def _own_change(row: AuditEntry, key: str, form_key) -> FieldChange | None:
    """A change of the record's own column named `key` (through `form_key`), or its first entry on insert."""
    if row.action == "update" and row.field is not None and form_key(row.field) == key:
        return FieldChange(row.at_utc, row.user, row.action, "", row.old_value, row.new_value, row.reason)
    if row.action == "insert":
        values = json.loads(row.new_value or "{}")
        column = next((c for c in values if form_key(c) == key), None)
        if column is not None:
            return FieldChange(row.at_utc, row.user, row.action, "", None, values[column], row.reason)
    return None


def _child_change(row: AuditEntry, snapshot: dict[str, str], visit_id: int, key: str) -> FieldChange | None:
    """A change of the visit field `key` held in a child row (lab value, not done, SLEDAI or BILAG column)."""
    if str(visit_id) != snapshot.get("visit_id"):
        return None
    table = row.table_name
    if table == "lab_values" or table == "visit_not_done":
        if snapshot.get("key" if table == "lab_values" else "field") != key:
            return None
        if row.action == "insert":
            new = _lab_text(snapshot) if table == "lab_values" else _not_done_text(snapshot)
            return FieldChange(row.at_utc, row.user, row.action, "", None, new, row.reason)
        if row.action == "delete":
            old = json.loads(row.old_value or "{}")
            text = _lab_text(old) if table == "lab_values" else _not_done_text(old)
            return FieldChange(row.at_utc, row.user, row.action, "", text, None, row.reason)
        part = _LAB_COLUMNS.get(row.field or "", "") if table == "lab_values" else "not done"
        if table == "lab_values" and row.field not in _LAB_COLUMNS:
            return None
        return FieldChange(row.at_utc, row.user, row.action, part, row.old_value, row.new_value, row.reason)
    prefix = _FORM_TABLES[table]
    if not key.startswith(prefix):
        return None
    column = key[len(prefix):]
    if row.action == "update" and row.field == column:
        return FieldChange(row.at_utc, row.user, row.action, "", row.old_value, row.new_value, row.reason)
    if row.action == "insert" and column in snapshot:
        return FieldChange(row.at_utc, row.user, row.action, "", None, snapshot[column], row.reason)
    return None


def _lab_text(values: dict[str, str]) -> str:
    text = " ".join(v for v in (values.get("original_value"), values.get("original_unit")) if v)
    return text + (" (not attributable to SLE)" if values.get("not_attributable") == "true" else "")


def _not_done_text(values: dict[str, str]) -> str:
    return f"not done: {values.get('reason') or ''}".strip()
