"""What the printed casebook reads beyond the dossier, a few queries per subject: the subject's audit trail
(with each user's role), its visit, infusion, schedule-change, lock and adverse-event records as stored, its
queries with their threads and its source-verification marks.

    records = casebook_records(db, "LN-01")
    records.audit[0].user, records.visits[12].labs["hemoglobin_g_dl"].original_unit, records.queries[0].messages
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from models import schema as s
from models.database import Database
from models.queries import Message, QueryInfo, SdvInfo


@dataclass(frozen=True)
class AuditLine:
    """One audit row of the subject, with the role of the account that wrote it ("" for the system)."""

    id: int
    at_utc: str
    user: str
    role: str
    action: str
    table_name: str
    record_id: int
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str | None


@dataclass(frozen=True)
class LabAsTyped:
    """One stored lab value: as typed (value text and unit code) and canonical."""

    original_value: str | None
    original_unit: str | None
    canonical_value: float | None
    canonical_text: str | None
    not_attributable: bool


@dataclass(frozen=True)
class VisitRecord:
    """One stored visit (performed or missed) with what the dossier leaves out."""

    record_id: int
    code: str
    date: date | None
    missed: bool
    missed_reason: str | None
    window_comment: str | None
    entry_status: str | None
    systolic_bp_mmhg: int | None
    diastolic_bp_mmhg: int | None
    pulse_bpm: int | None
    temperature_c: float | None
    comment: str | None
    labs: dict[str, LabAsTyped] = field(default_factory=dict)
    lab_record_ids: dict[str, int] = field(default_factory=dict)  # lab key -> lab_values.id
    not_done: tuple[tuple[str, str | None], ...] = ()
    confirmations: tuple[tuple[str, str, str, str, str], ...] = ()  # field, value, message, by, at (UTC)


@dataclass(frozen=True)
class InfusionRecord:
    """One stored infusion with its administration details."""

    record_id: int
    number: int
    lot_number: str | None
    weight_date: date | None
    start_time: str | None
    end_time: str | None
    pre_vitals: tuple[int | None, int | None, int | None, float | None]  # systolic, diastolic, pulse, °C
    post_vitals: tuple[int | None, int | None, int | None, float | None]
    reaction: bool | None
    reaction_text: str | None
    fraction_given: float | None
    not_given_reason: str | None


@dataclass(frozen=True)
class ScheduleChangeRecord:
    infusion_number: int
    field: str
    old_date: date | None
    new_date: date | None
    reason: str | None
    changed_by: str
    changed_at_utc: str


@dataclass(frozen=True)
class LockRecord:
    """A lock of the database, the subject or one of its visits, with its unlocking if it ended."""

    scope: str
    visit_id: int | None
    visit_code: str | None
    locked_by: str
    locked_at_utc: str
    reason: str
    unlocked_by: str | None
    unlocked_at_utc: str | None
    unlock_reason: str | None


@dataclass(frozen=True)
class CasebookRecords:
    """Everything `casebook_records` reads for one subject."""

    audit: tuple[AuditLine, ...] = ()
    visits: dict[int, VisitRecord] = field(default_factory=dict)  # by visit record id
    infusions: tuple[InfusionRecord, ...] = ()
    schedule_changes: tuple[ScheduleChangeRecord, ...] = ()
    locks: tuple[LockRecord, ...] = ()
    adverse_event_ids: tuple[int, ...] = ()  # in the dossier's order (by id)
    queries: tuple[QueryInfo, ...] = ()  # oldest first, with threads
    sdv: dict[tuple[str, int, str], SdvInfo] = field(default_factory=dict)  # by (table, record id, field)


def _audit(session: Session, subject_id: str) -> tuple[AuditLine, ...]:
    a, u = s.AuditEntry, s.UserAccount
    query = (select(a.id, a.at_utc, a.user, u.role, a.action, a.table_name, a.record_id, a.field, a.old_value,
                    a.new_value, a.reason)
             .join(u, u.username == a.user, isouter=True)
             .where(a.subject_id == subject_id).order_by(a.id))
    return tuple(AuditLine(*row[:3], row[3] or "", *row[4:]) for row in session.execute(query))


def _visit(row: s.Visit) -> VisitRecord:
    return VisitRecord(
        row.id, row.code, row.date, row.missed, row.missed_reason, row.window_comment, row.entry_status,
        row.systolic_bp_mmhg, row.diastolic_bp_mmhg, row.pulse_bpm, row.temperature_c, row.comment,
        {lab.key: LabAsTyped(lab.original_value, lab.original_unit, lab.canonical_value, lab.canonical_text,
                             lab.not_attributable) for lab in row.labs},
        {lab.key: lab.id for lab in row.labs},
        tuple((nd.field, nd.reason) for nd in row.not_done),
        tuple((c.field, c.value_text, c.message, c.confirmed_by, c.confirmed_at_utc) for c in row.confirmations),
    )


def _infusion(row: s.Infusion) -> InfusionRecord:
    return InfusionRecord(
        row.id, row.number, row.lot_number, row.weight_date, row.start_time, row.end_time,
        (row.pre_systolic_bp_mmhg, row.pre_diastolic_bp_mmhg, row.pre_pulse_bpm, row.pre_temperature_c),
        (row.post_systolic_bp_mmhg, row.post_diastolic_bp_mmhg, row.post_pulse_bpm, row.post_temperature_c),
        row.reaction, row.reaction_text, row.fraction_given, row.not_given_reason)


def _query(row: s.QueryRow) -> QueryInfo:
    return QueryInfo(row.id, row.subject_id, row.table_name, row.record_id, row.field, row.label, row.status,
                     row.raised_by, row.raised_at_utc,
                     tuple(Message(m.author, m.author_role, m.status, m.text, m.at_utc) for m in row.messages))


def casebook_records(db: Database, subject_id: str) -> CasebookRecords:
    """The subject's audit trail, stored records, locks, queries and SDV marks (empty for an unknown subject)."""
    with db.read() as session:
        pk = session.scalar(select(s.Subject.id).where(s.Subject.subject_id == subject_id))
        if pk is None:
            return CasebookRecords()
        visits = session.scalars(
            select(s.Visit).where(s.Visit.subject_pk == pk).order_by(s.Visit.id)
            .options(selectinload(s.Visit.labs), selectinload(s.Visit.not_done),
                     selectinload(s.Visit.confirmations)))
        visit_records = {row.id: _visit(row) for row in visits}
        infusions = session.scalars(select(s.Infusion).where(s.Infusion.subject_pk == pk).order_by(s.Infusion.number))
        changes = session.scalars(select(s.ScheduleChange).where(s.ScheduleChange.subject_pk == pk)
                                  .order_by(s.ScheduleChange.id))
        lock = s.LockRow
        locks = session.scalars(select(lock).where(or_(lock.subject_id == subject_id, lock.scope == "database"))
                                .order_by(lock.id))
        queries = session.scalars(select(s.QueryRow).where(s.QueryRow.subject_id == subject_id)
                                  .options(selectinload(s.QueryRow.messages)).order_by(s.QueryRow.id))
        marks = session.scalars(select(s.SdvMark).where(s.SdvMark.subject_id == subject_id))
        return CasebookRecords(
            audit=_audit(session, subject_id),
            visits=visit_records,
            infusions=tuple(_infusion(row) for row in infusions),
            schedule_changes=tuple(ScheduleChangeRecord(c.infusion_number, c.field, c.old_date, c.new_date, c.reason,
                                                        c.changed_by, c.changed_at_utc) for c in changes),
            locks=tuple(LockRecord(r.scope, r.visit_id, r.visit_code, r.locked_by, r.locked_at_utc, r.reason,
                                   r.unlocked_by, r.unlocked_at_utc, r.unlock_reason) for r in locks),
            adverse_event_ids=tuple(session.scalars(select(s.AdverseEvent.id).where(s.AdverseEvent.subject_pk == pk)
                                                    .order_by(s.AdverseEvent.id))),
            queries=tuple(_query(row) for row in queries),
            sdv={(m.table_name, m.record_id, m.field): SdvInfo(m.subject_id, m.table_name, m.record_id, m.field,
                                                                m.value_text, m.verified_by, m.verified_at_utc)
                 for m in marks},
        )
