"""Visit schedule and infusions in storage: read a subject's calendar, plan and record infusions, record visit
dates or misses, and the cross-subject lists (home screen, month calendar, ICS) from one aggregated query.

The arithmetic (anchors, windows, statuses, dose) is endpoints.visit_status; this module only reads and writes.
Messages are plain English, one per field, as in models.subjects. "Today" is an argument.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from endpoints import vocab
from endpoints.params import ProtocolParams
from endpoints.visit_status import (
    OPEN_STATUSES,
    OVERDUE,
    InfusionDates,
    ScheduledVisit,
    StudyEnd,
    VisitRecord,
    WindowTable,
    build_schedule,
    dose_cells,
    due_this_week,
    moved_visits,
    open_visits_until,
    study_end,
    weight_error,
)
from models.concurrency import EditConflict, conflict_text, expect_version
from models.database import Database
from models.errors import ReasonRequired, SubjectNotFound, ValidationError
from models.schema import AuditEntry, Infusion, ScheduleChange, Subject, Visit, utc_timestamp

_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
VITAL_LIMITS: dict[str, tuple[float, float]] = {
    "systolic_bp_mmhg": (50, 260), "diastolic_bp_mmhg": (20, 160), "pulse_bpm": (20, 250), "temperature_c": (30, 43),
}
FIRST_ENTRY_REASON = "Infusion {0}: first entry of fields left empty when planned"
DETAIL_FIELDS = (
    "planned_date", "date", "weight_kg", "weight_date", "lot_number", "start_time", "end_time",
    "pre_systolic_bp_mmhg", "pre_diastolic_bp_mmhg", "pre_pulse_bpm", "pre_temperature_c",
    "post_systolic_bp_mmhg", "post_diastolic_bp_mmhg", "post_pulse_bpm", "post_temperature_c",
    "reaction", "reaction_text", "completion", "fraction_given", "not_given_reason",
)


@dataclass(frozen=True)
class InfusionInput:
    """What is typed to plan or record infusion `number` (1 or 2) of a subject."""

    subject_id: str
    number: int
    planned_date: date | None = None
    date: date | None = None  # actual
    weight_kg: float | None = None
    weight_date: date | None = None
    lot_number: str | None = None
    start_time: str | None = None  # "HH:MM"
    end_time: str | None = None
    pre_systolic_bp_mmhg: int | None = None
    pre_diastolic_bp_mmhg: int | None = None
    pre_pulse_bpm: int | None = None
    pre_temperature_c: float | None = None
    post_systolic_bp_mmhg: int | None = None
    post_diastolic_bp_mmhg: int | None = None
    post_pulse_bpm: int | None = None
    post_temperature_c: float | None = None
    reaction: bool | None = None
    reaction_text: str | None = None
    completion: str | None = None
    fraction_given: float | None = None
    not_given_reason: str | None = None
    row_version: int | None = field(default=None, compare=False)
    """As read (models.concurrency): None compares nothing, 0 means the form saw no such infusion yet."""


@dataclass(frozen=True)
class InfusionRecord:
    """A stored infusion with the dose computed from its weight."""

    data: InfusionInput
    dose_cells: float | None

    @property
    def number(self) -> int:
        return self.data.number


@dataclass(frozen=True)
class ChangeEntry:
    """One schedule change: infusion, which date ("planned" or "actual"), old → new, reason, who, when."""

    infusion_number: int
    field: str
    old_date: date | None
    new_date: date | None
    reason: str | None
    changed_by: str
    changed_at_utc: str


@dataclass(frozen=True)
class SubjectSchedule:
    """A subject's calendar as of `today`."""

    subject_id: str
    initials: str | None
    subgroup: str
    status: str
    consent_date: date | None
    end: StudyEnd | None
    infusions: tuple[InfusionRecord, ...]
    visits: tuple[ScheduledVisit, ...]
    changes: tuple[ChangeEntry, ...]
    today: date

    def infusion(self, number: int) -> InfusionRecord | None:
        return next((i for i in self.infusions if i.number == number), None)

    def visit(self, code: str) -> ScheduledVisit | None:
        return next((v for v in self.visits if v.code == code), None)


@dataclass(frozen=True)
class SaveResult:
    """What a save changed in the calendar: (code, old target, new target) per moved visit."""

    moved: tuple[tuple[str, date, date], ...]


@dataclass(frozen=True)
class CalendarEntry:
    """One visit of one subject, for the cross-subject lists."""

    subject_id: str
    initials: str | None
    visit: ScheduledVisit


# ---------------------------------------------------------------------------------------------------------------
# One subject


def _subject(session: Session, subject_id: str) -> Subject:
    subject = session.scalars(select(Subject).where(Subject.subject_id == subject_id)).first()
    if subject is None:
        raise SubjectNotFound(f"No subject {subject_id}.")
    return subject


def infusion_dates(rows: Iterable[Infusion]) -> list[InfusionDates]:
    return [InfusionDates(r.number, r.planned_date, r.date, r.completion) for r in rows]


def visit_records(visits: Iterable[Visit]) -> dict[str, VisitRecord]:
    return {v.code: VisitRecord(v.code, v.date, bool(v.missed), v.missed_reason, v.window_comment)
            for v in visits if v.code != "UNS"}


def _end(subject: Subject) -> StudyEnd | None:
    return study_end(subject.status, subject.withdrawal_date, subject.death_date, subject.consent_date)


def _previous_infusions(current: list[InfusionDates], changes: list[ScheduleChange]) -> list[InfusionDates] | None:
    """The infusion dates as they were before the latest change (all rows written in that same save)."""
    if not changes:
        return None
    last = changes[-1].changed_at_utc
    previous = {i.number: i for i in current}
    for change in (c for c in changes if c.changed_at_utc == last):
        base = previous.get(change.infusion_number, InfusionDates(change.infusion_number))
        key = "planned_date" if change.field == "planned" else "actual_date"
        previous[change.infusion_number] = replace(base, **{key: change.old_date})
    return list(previous.values())


def _schedule_of(subject: Subject, today: date, params: ProtocolParams) -> list[ScheduledVisit]:
    current = infusion_dates(subject.infusions)
    return build_schedule(current, visit_records(subject.visits), today, params, _end(subject),
                          _previous_infusions(current, list(subject.schedule_changes)))


def _input_of(subject_id: str, row: Infusion) -> InfusionInput:
    return InfusionInput(subject_id, row.number, **{name: getattr(row, name) for name in DETAIL_FIELDS},
                         row_version=row.row_version)


def load_schedule(db: Database, subject_id: str, today: date) -> SubjectSchedule:
    """The subject's infusions, visit calendar with statuses, and schedule changes (SubjectNotFound if unknown)."""
    params = db.config.params
    with db.read() as session:
        subject = _subject(session, subject_id)
        infusions = tuple(
            InfusionRecord(_input_of(subject_id, r), dose_cells(r.weight_kg, params) if r.weight_kg else None)
            for r in sorted(subject.infusions, key=lambda r: r.number)
        )
        changes = tuple(ChangeEntry(c.infusion_number, c.field, c.old_date, c.new_date, c.reason, c.changed_by,
                                    c.changed_at_utc) for c in subject.schedule_changes)
        return SubjectSchedule(
            subject_id=subject.subject_id, initials=subject.initials, subgroup=subject.subgroup,
            status=subject.status, consent_date=subject.consent_date, end=_end(subject), infusions=infusions,
            visits=tuple(_schedule_of(subject, today, params)), changes=changes, today=today,
        )


@dataclass(frozen=True)
class RecordedWeight:
    """A dated body weight and where it was recorded: "registration", "visit W4", "infusion 1"."""

    date: date
    weight_kg: float
    source: str


def recorded_weights(db: Database, subject_id: str) -> list[RecordedWeight]:
    """Every dated body weight of the subject, oldest first: the registration weight (dated by the local day it
    was last entered, from the audit trail), visit weights and weights measured for an infusion."""
    with db.read() as session:
        subject = _subject(session, subject_id)
        out = [RecordedWeight(v.date, v.weight_kg, f"visit {v.code}") for v in subject.visits
               if v.date is not None and v.weight_kg is not None]
        out += [RecordedWeight(i.weight_date, i.weight_kg, f"infusion {i.number}") for i in subject.infusions
                if i.weight_date is not None and i.weight_kg is not None]
        if subject.weight_kg is not None:
            entered = session.scalar(
                select(AuditEntry.at_utc).where(AuditEntry.table_name == Subject.__tablename__,
                                                AuditEntry.record_id == subject.id,
                                                or_(AuditEntry.field == "weight_kg", AuditEntry.action == "insert"))
                .order_by(AuditEntry.id.desc()).limit(1))
            if entered is not None:
                out.append(RecordedWeight(_local_day(entered), subject.weight_kg, "registration"))
    return sorted(out, key=lambda w: (w.date, w.source))


def _local_day(at_utc: str) -> date:
    moment = datetime.fromisoformat(at_utc.replace("Z", "+00:00"))
    return (moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)).astimezone().date()


# ---------------------------------------------------------------------------------------------------------------
# Infusions


def _vital_errors(data: InfusionInput) -> dict[str, str]:
    errors = {}
    for when in ("pre", "post"):
        for name, (low, high) in VITAL_LIMITS.items():
            value = getattr(data, f"{when}_{name}")
            if value is not None and not low <= value <= high:
                errors[f"{when}_{name}"] = f"{value:g} is not possible here (allowed {low:g}–{high:g})."
    return errors


def _time_errors(data: InfusionInput) -> dict[str, str]:
    errors = {}
    for name in ("start_time", "end_time"):
        value = getattr(data, name)
        if value is not None and not _TIME.match(value):
            errors[name] = "Enter the time as HH:MM (24-hour clock), e.g. 09:30."
    if not errors and data.start_time and data.end_time and data.end_time < data.start_time:
        errors["end_time"] = f"The end time {data.end_time} is before the start time {data.start_time}."
    return errors


def _completion_errors(data: InfusionInput) -> dict[str, str]:
    errors = {}
    if data.completion is not None and data.completion not in vocab.INFUSION_COMPLETIONS:
        errors["completion"] = "Choose full, partial or not given."
    if data.date is not None and data.completion is None:
        errors["completion"] = "Say whether the infusion was given in full, partially or not given."
    if data.completion == "partial" and (data.fraction_given is None or not 0 < data.fraction_given < 1):
        errors["fraction_given"] = "Enter the fraction given, between 0 and 1 (e.g. 0.6 for 60 %)."
    if data.completion == "not_given" and not (data.not_given_reason or "").strip():
        errors["not_given_reason"] = "Say why the infusion was not given."
    if data.completion in ("full", "partial") and data.date is None:
        errors["date"] = "Enter the date the infusion was given."
    if data.reaction and not (data.reaction_text or "").strip():
        errors["reaction_text"] = "Describe the infusion reaction (symptoms, grade, treatment)."
    return errors


def _weight_errors(data: InfusionInput, params: ProtocolParams) -> dict[str, str]:
    errors = {}
    if data.weight_kg is not None:
        message = weight_error(data.weight_kg)
        if message:
            errors["weight_kg"] = message
    given = data.completion in ("full", "partial")
    if given and data.weight_kg is None:
        errors["weight_kg"] = "Enter the weight used for the dose."
    if data.weight_kg is not None and data.weight_date is None:
        errors["weight_date"] = "Enter the date the weight was measured."
    when = data.date or data.planned_date
    if data.weight_date is not None and when is not None and given:
        age = (when - data.weight_date).days
        if age < 0:
            errors["weight_date"] = "The weight was measured after the infusion date."
        elif age > params.infusion_weight_max_age_days:
            errors["weight_date"] = (f"This weight is {age} days old (at most {params.infusion_weight_max_age_days});"
                                     " measure the subject again.")
    return errors


def _date_errors(subject: Subject, data: InfusionInput, today: date) -> dict[str, str]:
    errors: dict[str, str] = {}
    consent = subject.consent_date
    screening = next((v.date for v in subject.visits if v.code == "SCR" and v.date is not None), None)
    for name in ("planned_date", "date"):
        value = getattr(data, name)
        if value is None:
            continue
        if consent is None:
            errors[name] = "Record the subject's informed-consent date first."
        elif value <= consent:
            errors[name] = f"The infusion cannot be on or before informed consent ({consent.isoformat()})."
        elif screening is not None and value < screening:
            errors[name] = f"The infusion cannot be before the screening visit ({screening.isoformat()})."
    if data.date is not None and data.date > today and "date" not in errors:
        errors["date"] = "An infusion cannot be recorded as given in the future; use the planned date."
    if subject.status == "screen_failure" and (data.date or data.planned_date):
        errors.setdefault("planned_date", "A screen failure is not infused.")
    others = {r.number: r for r in subject.infusions if r.number != data.number}
    if data.number == 2:
        first = others.get(1)
        first_day = first.date or first.planned_date if first is not None else None
        if first_day is None:
            errors.setdefault("planned_date", "Plan infusion 1 first.")
        for name in ("planned_date", "date"):
            value = getattr(data, name)
            if value is not None and first_day is not None and value <= first_day and name not in errors:
                errors[name] = f"Infusion 2 must come after infusion 1 ({first_day.isoformat()})."
        if data.date is not None and (first is None or first.date is None) and "date" not in errors:
            errors["date"] = "Record infusion 1 as given before infusion 2."
    if data.number == 1:
        second = others.get(2)
        second_day = (second.date or second.planned_date) if second is not None else None
        for name in ("planned_date", "date"):
            value = getattr(data, name)
            if value is not None and second_day is not None and value >= second_day and name not in errors:
                errors[name] = f"Infusion 1 must come before infusion 2 ({second_day.isoformat()})."
    return errors


def _validate_infusion(session: Session, data: InfusionInput, today: date, params: ProtocolParams) -> dict[str, str]:
    if data.number not in (1, 2):
        return {"number": "The protocol has infusions 1 and 2 only."}
    subject = _subject(session, data.subject_id)
    errors: dict[str, str] = {}
    if data.planned_date is None and data.date is None:
        errors["planned_date"] = "Enter the planned date."
    for source in (_date_errors(subject, data, today), _weight_errors(data, params), _time_errors(data),
                   _vital_errors(data), _completion_errors(data)):
        for key, message in source.items():
            errors.setdefault(key, message)
    if data.lot_number is not None and len(data.lot_number) > 40:
        errors["lot_number"] = "At most 40 characters."
    return errors


def _clean(data: InfusionInput) -> InfusionInput:
    changes = {}
    for f in fields(data):
        value = getattr(data, f.name)
        if isinstance(value, str):
            value = value.strip() or None
            changes[f.name] = value
    if data.completion != "partial":
        changes["fraction_given"] = None
    if data.completion != "not_given":
        changes["not_given_reason"] = None
    if not data.reaction:
        changes["reaction_text"] = None
    return replace(data, **changes)


def validate_infusion(db: Database, data: InfusionInput, today: date) -> dict[str, str]:
    """Field name → message for every rule the infusion input breaks (empty when it can be saved)."""
    with db.read() as session:
        return _validate_infusion(session, _clean(data), today, db.config.params)


def _only_first_entries(row: Infusion, data: InfusionInput) -> bool:
    """Every changed field was empty before (recording what was planned is entry, not a change)."""
    return all(getattr(row, n) is None or getattr(row, n) == getattr(data, n) for n in DETAIL_FIELDS)


def _effective_reason(db: Database, data: InfusionInput, reason: str | None) -> str | None:
    """The reason the write carries: the user's; for a first entry into empty fields, a stated one. An infusion
    saved by someone else since the form read it is refused here already (EditConflict), not asked a reason for."""
    if reason and reason.strip():
        return reason.strip()
    with db.read() as session:
        subject = _subject(session, data.subject_id)
        row = next((r for r in subject.infusions if r.number == data.number), None)
        if row is None:
            return None
        if data.row_version is not None and row.row_version != data.row_version:
            raise EditConflict(conflict_text(session, Infusion.__tablename__, row.id))
        if _only_first_entries(row, data):
            return FIRST_ENTRY_REASON.format(data.number)
    raise ReasonRequired("A reason is required to change an infusion that was already saved.")


def save_infusion(db: Database, data: InfusionInput, *, user: str, reason: str | None = None,
                  today: date) -> SaveResult:
    """Plan or record an infusion (audited). Moving a planned or actual date already saved needs `reason`
    (ReasonRequired, nothing written); so does changing any other saved value. Filling fields left empty
    (recording a planned infusion as given) is first entry, audited with FIRST_ENTRY_REASON.

    Raises ValidationError with each field's message, EditConflict when someone else saved the infusion after
    `data.row_version` was read (0: the form saw none, and another PC has saved one since). Returns the visits
    whose target dates moved.
    """
    data = _clean(data)
    params = db.config.params
    with db.read() as session:
        errors = _validate_infusion(session, data, today, params)
    if errors:
        raise ValidationError(errors)
    reason = _effective_reason(db, data, reason)
    with db.write(user, reason) as uow:
        session = uow.session
        errors = _validate_infusion(session, data, today, params)
        if errors:
            raise ValidationError(errors)
        subject = _subject(session, data.subject_id)
        before = _schedule_of(subject, today, params)
        row = next((r for r in subject.infusions if r.number == data.number), None)
        if row is None:
            row = Infusion(number=data.number)
            subject.infusions.append(row)
        else:
            expect_version(session, row, data.row_version)
        for kind, name in (("planned", "planned_date"), ("actual", "date")):
            old, new = getattr(row, name), getattr(data, name)
            if old != new and (old is not None or row.id is not None):
                subject.schedule_changes.append(ScheduleChange(
                    infusion_number=data.number, field=kind, old_date=old, new_date=new, reason=reason,
                    changed_by=uow.user, changed_at_utc=utc_timestamp(db.clock())))
        for name in DETAIL_FIELDS:
            setattr(row, name, getattr(data, name))
        row.dose_cells = dose_cells(data.weight_kg, params) if data.weight_kg is not None else None
        session.flush()
        after = _schedule_of(subject, today, params)
    return SaveResult(tuple(moved_visits(before, after)))


# ---------------------------------------------------------------------------------------------------------------
# Visit dates and misses


def _visit_row(subject: Subject, code: str) -> Visit | None:
    return next((v for v in subject.visits if v.code == code), None)


def _scheduled(subject: Subject, code: str, today: date, params: ProtocolParams) -> ScheduledVisit:
    visit = next((v for v in _schedule_of(subject, today, params) if v.code == code), None)
    if visit is None:
        raise ValidationError({"code": "This visit is not in the schedule yet: plan infusion 1 first."})
    return visit


def visit_version(db: Database, subject_id: str, code: str) -> int:
    """The saved version of a scheduled visit's record, 0 when it has none yet (what a form passes back as
    `expected_version`)."""
    with db.read() as session:
        version = session.scalar(select(Visit.row_version).join(Subject)
                                 .where(Subject.subject_id == subject_id, Visit.code == code))
    return version or 0


def _expect_visit(session: Session, subject: Subject, code: str, expected: int | None) -> Visit | None:
    """The visit's record (None if none), refused (EditConflict) when it is not at the `expected` version (0: the
    form saw none, and another PC has saved one since; None: nothing compared)."""
    row = _visit_row(subject, code)
    if row is not None:
        expect_version(session, row, expected)
    elif expected:  # deleted meanwhile ("someone else changed this visit": its id is not known here)
        raise EditConflict(conflict_text(session, Visit.__tablename__, 0))
    return row


def record_visit_date(db: Database, subject_id: str, code: str, when: date | None, *, window_comment: str | None,
                      user: str, reason: str | None = None, today: date, expected_version: int | None = None) -> None:
    """Record the date a scheduled visit took place (audited). A date outside the window is accepted only with
    `window_comment`; a date before consent or in the future is refused (ValidationError); a visit saved by
    someone else since its `expected_version` was read (`visit_version`) is refused (EditConflict)."""
    comment = (window_comment or "").strip() or None
    params = db.config.params
    with db.write(user, reason) as uow:
        session = uow.session
        subject = _subject(session, subject_id)
        row = _expect_visit(session, subject, code, expected_version)
        scheduled = _scheduled(subject, code, today, params)
        errors: dict[str, str] = {}
        if when is None:
            errors["date"] = "Enter the visit date."
        elif subject.consent_date is not None and when < subject.consent_date:
            errors["date"] = f"The visit cannot be before informed consent ({subject.consent_date.isoformat()})."
        elif when > today:
            errors["date"] = "A visit cannot be recorded in the future."
        elif not scheduled.window.contains(when) and comment is None:
            w = scheduled.window
            errors["window_comment"] = (f"{when.isoformat()} is outside the window {w.earliest.isoformat()} – "
                                        f"{w.latest.isoformat()}: say why in a comment.")
        if errors:
            raise ValidationError(errors)
        if row is None:
            row = Visit(code=code)
            subject.visits.append(row)
        row.date, row.missed, row.missed_reason = when, False, None
        row.window_comment = None if when is not None and scheduled.window.contains(when) else comment


def declare_missed(db: Database, subject_id: str, code: str, missed_reason: str, *, user: str,
                   reason: str | None = None, today: date, expected_version: int | None = None) -> None:
    """Declare a scheduled visit missed, with why (audited; a visit with data cannot be declared missed; one
    saved by someone else since its `expected_version` was read is refused: EditConflict)."""
    why = (missed_reason or "").strip()
    params = db.config.params
    with db.write(user, reason) as uow:
        subject = _subject(uow.session, subject_id)
        row = _expect_visit(uow.session, subject, code, expected_version)
        _scheduled(subject, code, today, params)
        if not why:
            raise ValidationError({"missed_reason": "Say why the visit was missed."})
        if row is not None and (row.labs or row.sledai or row.bilag or row.pga_tenths is not None):
            raise ValidationError({"missed_reason": "This visit already has data; it cannot be declared missed."})
        if row is None:
            row = Visit(code=code)
            subject.visits.append(row)
        row.date, row.missed, row.missed_reason, row.window_comment = None, True, why, None


# ---------------------------------------------------------------------------------------------------------------
# Across subjects: one aggregated query

_OVERVIEW_SQL = text("""
SELECT s.subject_id, s.initials, s.status, s.consent_date, s.withdrawal_date, s.death_date,
  (SELECT group_concat(i.number || '|' || ifnull(i.planned_date, '') || '|' || ifnull(i.date, '') || '|'
                       || ifnull(i.completion, ''), ';')
     FROM infusions i WHERE i.subject_pk = s.id) AS infusions,
  (SELECT group_concat(v.code || '|' || ifnull(v.date, '') || '|' || v.missed, ';')
     FROM visits v WHERE v.subject_pk = s.id AND v.code != 'UNS') AS visits
FROM subjects s ORDER BY s.subject_id
""")


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _parse_infusions(packed: str | None) -> list[InfusionDates]:
    out = []
    for item in (packed or "").split(";"):
        if item:
            number, planned, actual, completion = item.split("|")
            out.append(InfusionDates(int(number), _d(planned), _d(actual), completion or None))
    return out


def _parse_visits(packed: str | None) -> dict[str, VisitRecord]:
    out = {}
    for item in (packed or "").split(";"):
        if item:
            code, when, missed = item.split("|")
            out[code] = VisitRecord(code, _d(when), missed == "1")
    return out


_OVERVIEW_SQL_SERVER = text("""
SELECT s.subject_id, s.initials, s.status, s.consent_date::text, s.withdrawal_date::text, s.death_date::text,
  (SELECT string_agg(i.number || '|' || coalesce(i.planned_date::text, '') || '|' || coalesce(i.date::text, '')
                     || '|' || coalesce(i.completion, ''), ';')
     FROM infusions i WHERE i.subject_pk = s.id) AS infusions,
  (SELECT string_agg(v.code || '|' || coalesce(v.date::text, '') || '|' || CASE WHEN v.missed THEN '1' ELSE '0' END,
                     ';')
     FROM visits v WHERE v.subject_pk = s.id AND v.code != 'UNS') AS visits
FROM subjects s ORDER BY s.subject_id
""")


def _overview_rows(db: Database) -> list[tuple]:
    with db.read() as session:
        return list(session.execute(_OVERVIEW_SQL_SERVER if db.is_server else _OVERVIEW_SQL).all())


def all_schedules(db: Database, today: date) -> list[tuple[str, str | None, list[ScheduledVisit]]]:
    """(subject ID, initials, calendar) of every subject, read with one SQL statement."""
    params = db.config.params
    out = []
    for subject_id, initials, status, consent, withdrawal, death, infusions, visits in _overview_rows(db):
        end = study_end(status, _d(withdrawal), _d(death), _d(consent))
        calendar = build_schedule(_parse_infusions(infusions), _parse_visits(visits), today, params, end)
        out.append((subject_id, initials, calendar))
    return out


def due_and_overdue(db: Database, today: date, days: int = 7) -> tuple[list[CalendarEntry], list[CalendarEntry]]:
    """Visits due in the next `days` days (window meets it, not done) and overdue visits, across all subjects;
    both sorted by window close. One SQL statement; only open visits are built."""
    table = WindowTable(db.config.params)
    last = today + timedelta(days=days - 1)
    due, overdue = [], []
    for subject_id, initials, status, consent, withdrawal, death, infusions, visits in _overview_rows(db):
        end = study_end(status, _d(withdrawal), _d(death), _d(consent))
        for visit in open_visits_until(_parse_infusions(infusions), _parse_visits(visits), today, last, table, end):
            if visit.status == OVERDUE:
                overdue.append(CalendarEntry(subject_id, initials, visit))
            elif due_this_week(visit, today, days):
                due.append(CalendarEntry(subject_id, initials, visit))
    due.sort(key=lambda e: (e.visit.window.latest, e.subject_id))
    overdue.sort(key=lambda e: (e.visit.window.latest, e.subject_id))
    return due, overdue


def visits_between(db: Database, first: date, last: date, today: date) -> list[CalendarEntry]:
    """Every visit whose day falls in [first, last]: its actual date when done, else its target when still open."""
    out = []
    for subject_id, initials, calendar in all_schedules(db, today):
        for visit in calendar:
            when = visit.actual_date or (visit.target if visit.status in OPEN_STATUSES else None)
            if when is not None and first <= when <= last:
                out.append(CalendarEntry(subject_id, initials, visit))
    out.sort(key=lambda e: (e.visit.actual_date or e.visit.target, e.subject_id))
    return out
