"""What a flush touches: the subjects and visits of the clinical rows being inserted, changed or deleted.

Used by the write guards (locks, signatures, source-data verification) inside the audited write path.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from models.schema import Audited, Visit, VisitChild
from models.security import Category


def category_of(obj: object) -> Category:
    """The permission category of a mapped row (its class's `write_category`, CLINICAL if none)."""
    return Category(getattr(type(obj), "write_category", Category.CLINICAL.value))


@dataclass
class Touched:
    """Clinical rows of one flush: subject IDs, visit ids, and (table, record id, field) of changed values."""

    subjects: set[str] = field(default_factory=set)
    visits: set[int] = field(default_factory=set)
    fields: set[tuple[str, int, str]] = field(default_factory=set)
    records: set[tuple[str, int]] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.subjects or self.visits)


def _visit_id(obj: Any) -> int | None:
    if isinstance(obj, Visit):
        return obj.id
    if isinstance(obj, VisitChild):
        visit = getattr(obj, "visit", None)
        return visit.id if visit is not None else getattr(obj, "visit_id", None)
    return None


def _changed_fields(obj: Any) -> Iterator[str]:
    state = inspect(obj)
    for attr in state.mapper.column_attrs:
        if state.attrs[attr.key].history.has_changes():
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
    return touched
