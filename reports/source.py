"""What print reads from an open study database, through the storage API (models): the dossier, the registry
facts the dossier leaves out, and the casebook records (audit trail, stored visits and infusions, queries,
SDV marks, locks, signatures). Nothing here lays out a page; `reports.subject_pdf` turns it into print.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from datetime import date as Date

from sqlalchemy import func, select

from endpoints.dossier import Dossier
from models.casebook_store import CasebookRecords, VisitRecord, casebook_records
from models.database import Database
from models.dossier_store import load_dossier
from models.schema import AuditEntry
from models.signatures import manifestation, signatures_of
from models.subjects import get_subject


@dataclass(frozen=True)
class RegistryExtras:
    """Subject registry facts that are not in the dossier (models.subjects) and the casebook records."""

    screening_number: str | None = None
    enrolment_date: Date | None = None
    withdrawal_reason: str | None = None
    notes: str | None = None
    status_history: tuple[tuple[str, Date, str | None], ...] = ()  # (status, effective date, reason)
    death_cause: str | None = None
    e_signatures: tuple[tuple[str, str], ...] = ()  # (item, manifestation) from models.signatures, oldest first
    records: CasebookRecords = field(default_factory=CasebookRecords)
    signed_visits: frozenset[int] = frozenset()  # visit record ids with a signature in force

    def visit(self, code: str, when: Date | None) -> VisitRecord | None:
        """The stored visit of this code on this date (None when not stored, e.g. a hand-made dossier)."""
        for record in self.records.visits.values():
            if record.code == code and record.date == when:
                return record
        return None


@dataclass(frozen=True)
class SubjectSource:
    """One subject as read for print."""

    dossier: Dossier
    extras: RegistryExtras


def database_last_change(db: Database) -> str | None:
    """Time of the latest audited write, as "YYYY-MM-DD HH:MM UTC" (None for a database never written to)."""
    with db.read() as session:
        latest = session.scalar(select(func.max(AuditEntry.at_utc)))
    if not latest:
        return None
    moment = datetime.strptime(latest, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def registry_extras(db: Database, subject_id: str) -> RegistryExtras:
    """Screening number, enrolment date, withdrawal reason, notes, status history, e-signatures and the casebook
    records (audit trail, stored visits, infusions, queries, SDV marks, locks) of a subject."""
    rec = get_subject(db, subject_id)
    history = tuple((h.status, h.status_date, h.reason) for h in rec.history)
    infos = signatures_of(db, subject_id)
    signatures = tuple((s.item, manifestation(s)) for s in infos)
    signed = frozenset(s.visit_id for s in infos if s.valid and s.visit_id is not None)
    return RegistryExtras(rec.screening_number, rec.enrolment_date, rec.withdrawal_reason, rec.notes, history,
                          rec.death_cause, signatures, casebook_records(db, rec.subject_id), signed)


def load_subject_source(db: Database, subject_id: str, as_of: Date) -> SubjectSource:
    """The dossier as of `as_of` and the registry extras of one subject (SubjectNotFound if unknown)."""
    extras = registry_extras(db, subject_id)
    return SubjectSource(load_dossier(db, subject_id, as_of), extras)
