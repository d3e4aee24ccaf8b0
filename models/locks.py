"""Locks: the administrator locks a visit, a subject or the whole database; locked clinical data is read-only for
everyone (the write path refuses it) until unlocked with a reason. Both are audited.

    lock(db, admin, scope="visit", subject_id="LN-01", visit_id=12, reason="monitoring visit done")
    active_locks(db)          # LockInfo list
    unlock(db, admin, lock_id, reason)
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.errors import ReasonRequired, ValidationError
from models.schema import LockRow, Visit, utc_timestamp
from models.security import Action, Actor, PermissionDenied
from models.write_scope import touched_clinical

SCOPES = ("database", "subject", "visit")


class RecordLocked(PermissionDenied):
    """The data is locked; nothing was written."""


@dataclass(frozen=True)
class LockInfo:
    lock_id: int
    scope: str
    subject_id: str | None
    visit_id: int | None
    visit_code: str | None
    locked_by: str
    locked_at_utc: str
    reason: str

    @property
    def label(self) -> str:
        if self.scope == "database":
            return "Whole database"
        if self.scope == "subject":
            return f"Subject {self.subject_id}"
        return f"Visit {self.visit_code} of {self.subject_id}"


def _info(row: LockRow) -> LockInfo:
    return LockInfo(row.id, row.scope, row.subject_id, row.visit_id, row.visit_code, row.locked_by,
                    row.locked_at_utc, row.reason)


def active_locks(db) -> list[LockInfo]:
    """Locks in force, oldest first."""
    with db.read() as session:
        return [_info(r) for r in session.scalars(select(LockRow).where(LockRow.unlocked_at_utc.is_(None))
                                                  .order_by(LockRow.id))]


def lock(db, actor: Actor, *, scope: str, reason: str, subject_id: str | None = None,
         visit_id: int | None = None) -> LockInfo:
    """Lock the database, a subject or a visit (administrators); a reason is required."""
    actor.require(Action.LOCK)
    if not reason or not reason.strip():
        raise ReasonRequired("A reason is required to lock data.")
    if scope not in SCOPES:
        raise ValidationError({"scope": f"scope must be one of {', '.join(SCOPES)}"})
    visit_code = None
    with db.read() as session:
        if scope == "visit":
            visit = session.get(Visit, visit_id) if visit_id is not None else None
            if visit is None:
                raise ValidationError({"visit_id": "No such visit."})
            subject_id, visit_code = visit.subject.subject_id, visit.code
        elif scope == "subject" and not subject_id:
            raise ValidationError({"subject_id": "Which subject?"})
    if scope == "database":
        subject_id, visit_id = None, None
    elif scope == "subject":
        visit_id = None
    row = LockRow(scope=scope, subject_id=subject_id, visit_id=visit_id, visit_code=visit_code,
                  locked_by=actor.name, locked_at_utc=utc_timestamp(db.clock()), reason=reason.strip())
    with db.write(actor, reason) as uow:
        uow.session.add(row)
    return _info(row)


def unlock(db, actor: Actor, lock_id: int, reason: str) -> None:
    """End a lock (administrators); a reason is required."""
    actor.require(Action.LOCK)
    if not reason or not reason.strip():
        raise ReasonRequired("A reason is required to unlock data.")
    with db.write(actor, reason) as uow:
        row = uow.session.get(LockRow, lock_id)
        if row is None or row.unlocked_at_utc is not None:
            raise ValidationError({"lock_id": "This lock is not in force."})
        row.unlocked_by, row.unlocked_at_utc, row.unlock_reason = actor.name, utc_timestamp(db.clock()), reason.strip()


def lock_for(locks: list[LockInfo], subject_id: str | None, visit_id: int | None = None) -> LockInfo | None:
    """The lock that makes this subject/visit read-only, if any (database first, then subject, then visit)."""
    for info in locks:
        if info.scope == "database":
            return info
    for info in locks:
        if info.scope == "subject" and subject_id is not None and info.subject_id == subject_id:
            return info
        if info.scope == "visit" and visit_id is not None and info.visit_id == visit_id:
            return info
    return None


def refuse_locked(session: Session, _actor: Actor, _reason: str | None) -> None:
    """Write guard: refuse a flush that touches locked clinical data."""
    touched = touched_clinical(session)
    if not touched:
        return
    rows = session.scalars(select(LockRow).where(LockRow.unlocked_at_utc.is_(None))).all()
    if not rows:
        return
    locks = [_info(r) for r in rows]
    hit = lock_for(locks, None)
    if hit is None:
        hit = next((lock_for(locks, s) for s in touched.subjects if lock_for(locks, s)), None)
    if hit is None:
        hit = next((lock_for(locks, None, v) for v in touched.visits if lock_for(locks, None, v)), None)
    if hit is not None:
        raise RecordLocked(f"{hit.label} is locked ({hit.reason}; by {hit.locked_by}). Locked data is read-only "
                           "until an administrator unlocks it; nothing was saved.")
