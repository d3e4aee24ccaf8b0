"""The subject-level logs: steroid rows, concomitant medications, adverse events, declared flares,
hospitalisations, dialysis/transplant, and the death record; read, checked, saved and deleted through the
audited unit of work.

Rows go in and out as plain dicts of typed values keyed by the columns of the log's table (`FIELDS` in
endpoints.record_checks). Saving refuses hard findings (ValidationError, one message per field) and refuses
soft findings until the caller confirms them (UnconfirmedWarnings); confirmed ones are stored in
`subject_confirmations` for the monitor, in the same transaction as the row. Changing or deleting a saved
row needs a reason (ReasonRequired from the audit layer). The death date and cause go through the subject
registry's own save (models.subjects.save_subject), so they are audited and validated with the subject.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from endpoints.dossier import SteroidRow
from endpoints.edit_checks import HARD, SOFT, Check
from endpoints.record_checks import FIELDS, RecordContext, check_record
from models import schema as s
from models.audit import audit_text
from models.concurrency import EditConflict, conflict_text, expect_version
from models.database import Database
from models.errors import SubjectNotFound, ValidationError
from models.subjects import SubjectRecord, get_subject, save_subject

TABLES: dict[str, type[Any]] = {
    "steroids": s.SteroidRow,
    "medications": s.Medication,
    "adverse_events": s.AdverseEvent,
    "events": s.FlareEvent,
    "hospitalisations": s.Hospitalisation,
    "renal_replacement": s.RenalReplacement,
}
# Order of the rows as shown: by their start date, then as entered.
ORDER_BY = {"steroids": "start", "medications": "start", "adverse_events": "onset", "events": "date",
            "hospitalisations": "admission", "renal_replacement": "start"}


class UnconfirmedWarnings(Exception):
    """Soft findings the user has not confirmed yet; nothing was written."""

    def __init__(self, checks: list[Check]) -> None:
        super().__init__("; ".join(f"{c.field}: {c.message}" for c in checks))
        self.checks = list(checks)


@dataclass(frozen=True)
class LogRow:
    """One saved row of a log: its record id and its values by field name."""

    record_id: int
    values: dict[str, Any]
    row_version: int | None = field(default=None, compare=False)  # as read; bookkeeping (models.concurrency)


@dataclass(frozen=True)
class Confirmation:
    """An unusual value a user confirmed (shown to the monitor)."""

    record_table: str
    record_id: int
    field: str
    value_text: str
    message: str
    confirmed_by: str
    confirmed_at_utc: str


def _kind_table(kind: str) -> type[Any]:
    try:
        return TABLES[kind]
    except KeyError:
        raise ValueError(f"unknown log {kind!r}") from None


def _subject(session: Session, subject_id: str) -> s.Subject:
    subject = session.scalars(select(s.Subject).where(s.Subject.subject_id == subject_id)).first()
    if subject is None:
        raise SubjectNotFound(f"No subject {subject_id}.")
    return subject


def clean_values(kind: str, values: dict[str, Any]) -> dict[str, Any]:
    """The row's fields only, texts trimmed (an empty text is None)."""
    out: dict[str, Any] = {}
    for key in FIELDS[kind]:
        value = values.get(key)
        if isinstance(value, str):
            value = value.strip() or None
        out[key] = value
    return out


def record_context(db: Database, subject_id: str, today: date, record_id: int | None = None) -> RecordContext:
    """What the checks compare against: consent, birth and death dates, the study's protocol parameters, and
    the subject's saved steroid rows other than `record_id` (the row being edited)."""
    record = get_subject(db, subject_id)
    steroids = tuple(SteroidRow(**row.values) for row in list_rows(db, subject_id, "steroids")
                     if row.record_id != record_id)
    return RecordContext(today=today, consent=record.consent_date, birth=record.birth_date,
                         death=record.death_date, params=db.config.params, steroids=steroids)


def list_rows(db: Database, subject_id: str, kind: str) -> list[LogRow]:
    """The subject's rows of one log, by start date, then in the order they were entered."""
    table = _kind_table(kind)
    with db.read() as session:
        subject = _subject(session, subject_id)
        rows = session.scalars(
            select(table).where(table.subject_pk == subject.id).order_by(getattr(table, ORDER_BY[kind]), table.id)
        ).all()
        return [LogRow(row.id, {key: getattr(row, key) for key in FIELDS[kind]}, row.row_version) for row in rows]


def check_row(
    db: Database, subject_id: str, kind: str, values: dict[str, Any], today: date | None = None,
    record_id: int | None = None,
) -> list[Check]:
    """Every hard and soft finding for a row as typed (nothing is written); `record_id` = the row edited."""
    ctx = record_context(db, subject_id, today or db.clock().date(), record_id)
    return check_record(kind, clean_values(kind, values), ctx)


def _refuse_or_confirm(checks: list[Check], confirmed: bool) -> list[Check]:
    hard = {c.field: c.message for c in checks if c.level == HARD}
    if hard:
        raise ValidationError(hard)
    soft = [c for c in checks if c.level == SOFT]
    if soft and not confirmed:
        raise UnconfirmedWarnings(soft)
    return soft


def _confirmation_rows(soft: list[Check], values: dict[str, Any], table: str, record_id: int, user: str,
                       at_utc: str) -> list[s.SubjectConfirmation]:
    return [
        s.SubjectConfirmation(record_table=table, record_id=record_id, field=c.field,
                              value_text=(audit_text(values.get(c.field)) or "")[:60], message=c.message,
                              confirmed_by=user, confirmed_at_utc=at_utc)
        for c in soft
    ]


def save_row(
    db: Database,
    subject_id: str,
    kind: str,
    values: dict[str, Any],
    *,
    user: str,
    reason: str | None = None,
    record_id: int | None = None,
    confirmed: bool = False,
    today: date | None = None,
    expected_version: int | None = None,
) -> int:
    """Add a row (record_id None) or change one; returns its record id. Audited; see the module docstring.
    `expected_version`: the version the editor read (EditConflict if someone else saved the row since)."""
    table = _kind_table(kind)
    values = clean_values(kind, values)
    soft = _refuse_or_confirm(check_row(db, subject_id, kind, values, today, record_id), confirmed)
    with db.write(user, reason) as uow:
        session = uow.session
        subject = _subject(session, subject_id)
        if record_id is None:
            row = table()
            getattr(subject, kind).append(row)
        else:
            row = session.get(table, record_id)
            if row is None and expected_version is not None:
                raise EditConflict(conflict_text(session, table.__tablename__, record_id))
            if row is None or row.subject_pk != subject.id:
                raise ValidationError({"record_id": "This row no longer exists; reload the log."})
            expect_version(session, row, expected_version)
        for key, value in values.items():
            setattr(row, key, value)
        session.flush()
        subject.confirmations.extend(
            _confirmation_rows(soft, values, table.__tablename__, row.id, uow.user, s.utc_timestamp(db.clock()))
        )
        return row.id


def delete_row(db: Database, subject_id: str, kind: str, record_id: int, *, user: str, reason: str | None,
               expected_version: int | None = None) -> None:
    """Delete one saved row (needs a reason: ReasonRequired otherwise; EditConflict when someone else saved it
    after `expected_version` was read)."""
    table = _kind_table(kind)
    with db.write(user, reason) as uow:
        subject = _subject(uow.session, subject_id)
        row = uow.session.get(table, record_id)
        if row is None or row.subject_pk != subject.id:
            raise ValidationError({"record_id": "This row no longer exists; reload the log."})
        if expected_version is not None and row.row_version != expected_version:
            raise EditConflict(conflict_text(uow.session, table.__tablename__, record_id))
        uow.session.delete(row)


def row_version(db: Database, kind: str, record_id: int) -> int | None:
    """The saved version of one log row (None if it no longer exists)."""
    table = _kind_table(kind)
    with db.read() as session:
        return session.scalar(select(table.row_version).where(table.id == record_id))


def confirmations(db: Database, subject_id: str) -> list[Confirmation]:
    """Every confirmed unusual value of the subject's logs, oldest first."""
    with db.read() as session:
        subject = _subject(session, subject_id)
        return [
            Confirmation(c.record_table, c.record_id, c.field, c.value_text, c.message, c.confirmed_by,
                         c.confirmed_at_utc)
            for c in subject.confirmations
        ]


def save_death(
    db: Database,
    subject_id: str,
    death_date: date | None,
    death_cause: str | None,
    *,
    user: str,
    reason: str | None,
    today: date | None = None,
) -> SubjectRecord:
    """Record (or correct, or clear) the date and cause of death through the subject registry's audited save."""
    today = today or db.clock().date()
    values = clean_values("death", {"death_date": death_date, "death_cause": death_cause})
    checks = check_row(db, subject_id, "death", values, today)
    _refuse_or_confirm(checks, confirmed=True)
    record = get_subject(db, subject_id)
    data = replace(record.to_input(), death_date=values["death_date"], death_cause=values["death_cause"])
    return save_subject(db, data, user=user, reason=reason, today=today)


def steroid_log_complete_through(db: Database, subject_id: str) -> date | None:
    """The date through which the site confirmed the steroid log complete (None: not confirmed; the engine
    then takes the evaluation date)."""
    with db.read() as session:
        return _subject(session, subject_id).steroid_log_complete_through


def set_steroid_log_complete_through(
    db: Database, subject_id: str, when: date | None, *, user: str, reason: str, today: date | None = None
) -> None:
    """Record (audited, with `reason`) the date through which the steroid log is complete; None clears it.
    Refused (ValidationError on "complete_through") for a date in the future or before informed consent."""
    today = today or db.clock().date()
    record = get_subject(db, subject_id)
    if when is not None and when > today:
        raise ValidationError({"complete_through": f"{when.isoformat()} is in the future."})
    if when is not None and record.consent_date is not None and when < record.consent_date:
        raise ValidationError({"complete_through": f"{when.isoformat()} is before informed consent "
                                                   f"({record.consent_date.isoformat()})."})
    with db.write(user, reason) as uow:
        _subject(uow.session, subject_id).steroid_log_complete_through = when
