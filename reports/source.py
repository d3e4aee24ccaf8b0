"""What print reads from an open study database, through the storage API (models)."""

from __future__ import annotations

from datetime import UTC, datetime
from datetime import date as Date
from pathlib import Path

from sqlalchemy import func, select

from models.database import Database
from models.dossier_store import load_dossier
from models.schema import AuditEntry
from models.signatures import manifestation, signatures_of
from models.subjects import get_subject
from models.visit_store import list_visits, load_visit
from reports.subject_pdf import SubjectPrint, prepare_subject, write_subject_pdf
from reports.subject_sections import RegistryExtras, VisitExtras


def database_last_change(db: Database) -> str | None:
    """Time of the latest audited write, as "YYYY-MM-DD HH:MM UTC" (None for a database never written to)."""
    with db.read() as session:
        latest = session.scalar(select(func.max(AuditEntry.at_utc)))
    if not latest:
        return None
    moment = datetime.strptime(latest, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def registry_extras(db: Database, subject_id: str) -> RegistryExtras:
    """Screening number, enrolment date, withdrawal reason, notes, status history of a subject, and each
    performed visit's vital signs, comment, not-done reasons and entry status."""
    rec = get_subject(db, subject_id)
    history = tuple((h.status, h.status_date, h.reason) for h in rec.history)
    visits = {}
    for summary in list_visits(db, subject_id):
        if summary.missed or summary.date is None:
            continue
        e = load_visit(db, summary.record_id)
        visits[(e.code, summary.date)] = VisitExtras(
            e.systolic_bp_mmhg, e.diastolic_bp_mmhg, e.pulse_bpm, e.temperature_c, e.comment,
            tuple(sorted(e.not_done.items())), e.entry_status)
    signatures = tuple((s.item, manifestation(s)) for s in signatures_of(db, subject_id))
    return RegistryExtras(rec.screening_number, rec.enrolment_date, rec.withdrawal_reason, rec.notes, history,
                          visits, rec.death_cause, signatures)


def load_subject_print(db: Database, subject_id: str, as_of: Date) -> SubjectPrint:
    """Load, evaluate (with the database's protocol parameters) and render one subject for print."""
    dossier = load_dossier(db, subject_id, as_of)
    return prepare_subject(dossier, db.config.params, as_of, registry_extras(db, subject_id))


def build_subject_pdf(out_path: str | Path, db: Database, subject_id: str, *, as_of: Date | None = None,
                      printed_on: Date | None = None) -> Path:
    """Print one subject of an open database to out_path; returns the path.

    as_of: evaluation and data cut date (default today); printed_on: footer print date (default today).
    The footer's last-change time is read from the database's audit trail.
    """
    sp = load_subject_print(db, subject_id, as_of or Date.today())
    return write_subject_pdf(out_path, sp, db.config.study, db_changed=database_last_change(db),
                             printed_on=printed_on)
