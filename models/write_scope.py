"""What a flush touches: the subjects and visits of the clinical rows being inserted, changed or deleted, and
the visit-form fields whose values change.

Used by the write guards (locks, signatures, source-data verification) inside the audited write path.

Visit-form field keys (what queries and SDV marks on a visit name): a visit column by its name, except
pga_tenths -> "pga", sfi_<organ> -> "sfi.<organ>", lldas_<question> -> "lldas.<question>"; a lab_values row by
its key ("hemoglobin_g_dl", "urine_casts"); a sledai_forms column -> "sledai.<descriptor>"; a bilag_forms
column -> "bilag.<domain>"; a visit_not_done row by its field ("pga", "sledai", a lab key...).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from models.schema import Audited, BilagForm, LabValue, SledaiForm, Visit, VisitChild, VisitNotDone
from models.security import Category

_FORM_PREFIXES = {SledaiForm: "sledai.", BilagForm: "bilag."}
_NOT_VALUES = frozenset({"id", "visit_id", "row_version"})


def category_of(obj: object) -> Category:
    """The permission category of a mapped row (its class's `write_category`, CLINICAL if none)."""
    return Category(getattr(type(obj), "write_category", Category.CLINICAL.value))


@dataclass
class Touched:
    """Clinical rows of one flush: subject IDs, visit ids, (table, record id, field) of changed values, and
    (visit id, form key) of the visit-form fields whose values are inserted, changed or deleted."""

    subjects: set[str] = field(default_factory=set)
    visits: set[int] = field(default_factory=set)
    fields: set[tuple[str, int, str]] = field(default_factory=set)
    records: set[tuple[str, int]] = field(default_factory=set)
    visit_fields: set[tuple[int, str]] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.subjects or self.visits)


def _visit_id(obj: Any) -> int | None:
    if isinstance(obj, Visit):
        return obj.id
    if isinstance(obj, VisitChild):
        visit = getattr(obj, "visit", None)
        return visit.id if visit is not None else getattr(obj, "visit_id", None)
    return None


def visit_form_key(column: str) -> str:
    """The visit-form key of a visits column ("pga_tenths" -> "pga", "sfi_cns" -> "sfi.cns")."""
    if column == "pga_tenths":
        return "pga"
    for prefix in ("sfi_", "lldas_"):
        if column.startswith(prefix):
            return f"{prefix[:-1]}.{column[len(prefix):]}"
    return column


def _form_keys(obj: Any, changed: list[str] | None) -> set[str]:
    """The visit-form keys a visit row or visit child row holds (`changed` columns only, None = all of them)."""
    if isinstance(obj, (LabValue, VisitNotDone)):
        key = obj.key if isinstance(obj, LabValue) else obj.field
        return {key} if key else set()
    if isinstance(obj, Visit):
        return {visit_form_key(c) for c in changed or ()}
    prefix = _FORM_PREFIXES.get(type(obj))
    if prefix is None:
        return set()
    columns = changed if changed is not None else [a.key for a in inspect(obj).mapper.column_attrs]
    return {prefix + c for c in columns if c not in _NOT_VALUES}


def _changed_fields(obj: Any) -> Iterator[str]:
    state = inspect(obj)
    for attr in state.mapper.column_attrs:
        if attr.key != "row_version" and state.attrs[attr.key].history.has_changes():
            yield attr.key


def touched_clinical(session: Session) -> Touched:
    """The clinical rows this flush will insert, change or delete."""
    touched = Touched()
    dirty = set(session.dirty)  # Session.dirty rebuilds its list on every access: read it once
    for obj in (*session.new, *dirty, *session.deleted):
        if not isinstance(obj, Audited) or category_of(obj) is not Category.CLINICAL:
            continue
        changed = list(_changed_fields(obj)) if obj in dirty else []
        if obj in dirty and not changed:
            continue
        subject_id = obj.audit_subject_id
        if subject_id:
            touched.subjects.add(subject_id)
        visit_id = _visit_id(obj)
        if visit_id is not None:
            touched.visits.add(visit_id)
        record_id = getattr(obj, "id", None)
        if record_id is not None:
            touched.records.add((obj.__tablename__, record_id))
            touched.fields.update((obj.__tablename__, record_id, key) for key in changed)
        if visit_id is not None:
            keys = _form_keys(obj, changed if obj in dirty else None)
            touched.visit_fields.update((visit_id, key) for key in keys)
    return touched
