"""Optimistic concurrency: two PCs saving the same record. Every audited row carries `row_version`; an editor
remembers the version it showed and the save passes it back, so the second of two saves of one record is
refused in plain words naming who changed it and when (EditConflict), and changes nothing. Saves of different
records never wait for each other.

    expect_version(session, row, entry.row_version)   # inside Database.write: refuse if the row moved on

Two saves racing inside the same moment are caught by the database itself: each UPDATE and DELETE names the
version it read (SQLAlchemy's version counter), the loser matches no row, and Database.write turns SQLAlchemy's
StaleDataError into the same EditConflict (`edit_conflict`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from endpoints.formatting import local_time
from models.errors import DatabaseError
from models.schema import Audited, AuditEntry
from models.texts import tr as _tr

NOUNS = {"visits": "visit", "subjects": "subject record", "lab_values": "lab value", "steroids": "steroid row",
         "medications": "medication row", "adverse_events": "adverse event", "hospitalisations": "hospitalisation",
         "flare_events": "flare", "renal_replacement": "renal replacement row", "infusions": "infusion",
         "queries": "query", "users": "user account", "settings": "setting"}


class EditConflict(DatabaseError):
    """Someone else saved (or deleted) the record after it was read for this save; nothing was saved."""


def expect_version(session: Session, row: Audited, expected: int | None) -> None:
    """Inside a write: refuse (EditConflict) when `row` is no longer at the version the editor showed
    (`expected` None: a form that did not read one, nothing to compare). The save raises the version itself, so
    a change of the row's children (a visit's lab values) also counts as a change of the row."""
    if expected is None:
        return
    if row.row_version != expected:
        raise EditConflict(conflict_text(session, row.__tablename__, row.id))
    row.row_version = expected + 1


def conflict_text(session: Session, table: str, record_id: int) -> str:
    """The refusal naming who changed (or deleted) the record last and when, from the audit trail."""
    last = session.execute(
        select(AuditEntry.user, AuditEntry.at_utc, AuditEntry.action)
        .where(AuditEntry.table_name == table, AuditEntry.record_id == record_id)
        .order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    noun = _tr(NOUNS[table]) if table in NOUNS else _tr("record")
    if last is None:
        who = _tr("Someone else changed this {0}").format(noun)
    elif last.action == "delete":
        who = _tr("{0} deleted this {1} at {2}").format(last.user, noun, local_time(last.at_utc))
    else:
        who = _tr("{0} changed this {1} at {2}").format(last.user, noun, local_time(last.at_utc))
    return _tr("{0}, after you opened it: your save was refused so that their change is not overwritten; nothing "
               "was saved. What you typed is still here: close and reopen the record to see their change, then "
               "enter yours again.").format(who)


Candidate = tuple[type[Audited], int, int]
"""A saved record a save was changing or deleting: (class, id, the version it read)."""


def stale_candidates(session: Session) -> list[Candidate]:
    """Every saved record a failed flush was changing or deleting, with the version it read."""
    found = []
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, Audited) and obj.__dict__.get("id") is not None:
            history = inspect(obj).attrs.row_version.history
            read = history.deleted[0] if history.deleted else obj.__dict__.get("row_version")
            found.append((type(obj), obj.__dict__["id"], read))
    return found


def edit_conflict(db: Any, candidates: list[Candidate]) -> EditConflict:
    """The EditConflict for a save the database refused as stale, naming the record that moved on."""
    with db.read() as session:
        for cls, record_id, read in candidates:
            now = session.execute(select(cls.row_version).where(cls.id == record_id)).scalar()
            if now != read:
                return EditConflict(conflict_text(session, cls.__tablename__, record_id))
    return EditConflict(_tr("Someone else changed this record after you opened it: your save was refused so that "
                            "their change is not overwritten; nothing was saved."))
