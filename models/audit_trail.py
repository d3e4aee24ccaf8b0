"""Reading the audit trail for the viewer and its CSV export: filters by subject, user, date and field."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from models.schema import AuditEntry

COLUMNS = ("id", "at_utc", "user", "action", "table_name", "record_id", "subject_id", "field", "old_value",
           "new_value", "reason")


@dataclass(frozen=True)
class AuditFilter:
    """Empty fields do not filter; dates are inclusive and compared with the UTC date of each row."""

    subject_id: str = ""
    user: str = ""
    date_from: date | None = None
    date_to: date | None = None
    field: str = ""


@dataclass(frozen=True)
class AuditRow:
    id: int
    at_utc: str
    user: str
    action: str
    table_name: str
    record_id: int
    subject_id: str | None
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str | None


def audit_rows(db, flt: AuditFilter = AuditFilter(), limit: int | None = 5000) -> list[AuditRow]:
    """Audit rows matching the filter, newest first (at most `limit`; None = all)."""
    query = select(*(getattr(AuditEntry, name) for name in COLUMNS)).order_by(AuditEntry.id.desc())
    if flt.subject_id.strip():
        query = query.where(AuditEntry.subject_id == flt.subject_id.strip())
    if flt.user.strip():
        query = query.where(AuditEntry.user == flt.user.strip())
    if flt.field.strip():
        query = query.where(AuditEntry.field.contains(flt.field.strip(), autoescape=True))
    if flt.date_from is not None:
        query = query.where(AuditEntry.at_utc >= flt.date_from.isoformat())
    if flt.date_to is not None:
        query = query.where(AuditEntry.at_utc < (flt.date_to + timedelta(days=1)).isoformat())
    if limit is not None:
        query = query.limit(limit)
    with db.read() as session:
        return [AuditRow(*row) for row in session.execute(query)]


def audit_users(db) -> list[str]:
    """Every name that appears in the trail, sorted."""
    with db.read() as session:
        return sorted(session.scalars(select(AuditEntry.user).distinct()))


def audit_subjects(db) -> list[str]:
    with db.read() as session:
        return sorted(s for s in session.scalars(select(AuditEntry.subject_id).distinct()) if s)

