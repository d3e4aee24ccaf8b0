"""What print reads from an open study database, through the storage API (models), and the entry points that
print from a database: `load_subject_print` (dossier, registry extras and casebook records of one subject,
evaluated and rendered), `read_audit_head` (the head of the audit trail a printout shows) and `build_subject_pdf`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from datetime import date as Date
from pathlib import Path

from sqlalchemy import func, select

from models.anchor import SHORT_HASH, AuditHead, head_of
from models.audit_places import audit_places
from models.casebook_store import casebook_records
from models.database import Database
from models.dossier_store import load_dossier
from models.schema import AuditEntry
from models.signatures import manifestation, signatures_of
from models.status_store import load_study_status
from models.subjects import get_subject
from reports.extras import RegistryExtras
from reports.subject_pdf import SubjectPrint, prepare_subject, write_subject_pdf
from reports.texts import printing_in, tr


def database_last_change(db: Database) -> str | None:
    """Time of the latest audited write, as "YYYY-MM-DD HH:MM UTC" (None for a database never written to)."""
    with db.read() as session:
        latest = session.scalar(select(func.max(AuditEntry.at_utc)))
    if not latest:
        return None
    moment = datetime.strptime(latest, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def read_audit_head(db: Database) -> AuditHead:
    """The head of the database's audit trail (row count, last hash), read through its own read connection."""
    with db.read() as session:
        return head_of(session.connection().connection.driver_connection)


def printed_head(head: AuditHead) -> str:
    """The audit head as a footer prints it (row count, first hex digits of the last hash; the facts of
    models.anchor.head_text) in the language of the print running in this thread."""
    return tr("audit {0} rows · {1}").format(f"{head.rows:,}", (head.last_hash or "0" * SHORT_HASH)[:SHORT_HASH])


def registry_extras(db: Database, subject_id: str, as_of: Date | None = None) -> RegistryExtras:
    """Screening number, enrolment date, withdrawal reason, notes, status history, e-signatures, the casebook
    records (audit trail, stored visits, infusions, queries, SDV marks, locks) with the place of each audit row,
    and each recorded visit's status on the ladder as of `as_of` (default today) of a subject."""
    rec = get_subject(db, subject_id)
    ladder = {cell.record_id: cell.status for row in load_study_status(db, as_of or Date.today(), [rec.subject_id])
              for cell in row.visit_cells if cell.record_id is not None}
    history = tuple((h.status, h.status_date, h.reason) for h in rec.history)
    infos = signatures_of(db, subject_id)
    signatures = tuple((s.item, manifestation(s)) for s in infos)
    signed = frozenset(s.visit_id for s in infos if s.valid and s.visit_id is not None)
    records = casebook_records(db, rec.subject_id)
    return RegistryExtras(rec.screening_number, rec.enrolment_date, rec.withdrawal_reason, rec.notes, history,
                          rec.death_cause, signatures, records, signed, ladder, audit_places(db, records.audit))


def load_subject_print(db: Database, subject_id: str, as_of: Date) -> SubjectPrint:
    """Load and evaluate (with the database's protocol parameters) one subject for print; SubjectNotFound if
    unknown."""
    extras = registry_extras(db, subject_id, as_of)
    dossier = load_dossier(db, subject_id, as_of)
    return prepare_subject(dossier, db.config.params, as_of, extras)


def build_subject_pdf(out_path: str | Path, db: Database, subject_id: str, *, as_of: Date | None = None,
                      printed_on: Date | None = None, head: AuditHead | None = None, lang: str = "en") -> Path:
    """Print one subject's casebook in `lang` from an open database to out_path; returns the path.

    as_of: evaluation and data cut date (default today); printed_on: footer print date (default today).
    The header's last-change time is read from the database's audit trail; the footer's audit head is `head`
    (read before anything is printed, default: read now; pass it to anchor the same head after printing).
    """
    head = head or read_audit_head(db)
    with printing_in(lang):  # the plots' words are chosen while loading
        sp = load_subject_print(db, subject_id, as_of or Date.today())
        footer = printed_head(head)
    return write_subject_pdf(out_path, sp, db.config.study, db_changed=database_last_change(db),
                             printed_on=printed_on, audit_head=footer, lang=lang)
