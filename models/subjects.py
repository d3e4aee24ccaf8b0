"""The subject registry: list, read, validate and save subjects (plain dataclasses in and out).

Validation lives here so every caller (UI, import, tests) applies the same rules; messages are plain
English, one per field. "Today" is an argument (default: the local date) so rules are testable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from endpoints import vocab
from endpoints.dossier import (
    MAX_INITIALS,
    MAX_NOTES,
    MAX_SCREENING_NUMBER,
    MAX_SUBJECT_ID,
    MIN_AGE_YEARS,
    WEIGHT_RANGE_KG,
)
from models.concurrency import EditConflict, conflict_text, expect_version
from models.database import Database
from models.errors import SubjectNotFound, ValidationError
from models.schema import Infusion, StatusChange, Subject, utc_timestamp

SUBJECT_ID_PATTERN = re.compile(r"^(LN|LC)-\d{2,}$")

STATUS_LABELS = {
    "screening": "Screening", "enrolled": "Enrolled", "screen_failure": "Screen failure",
    "withdrawn": "Withdrawn", "completed": "Completed",
}
SUBGROUP_LABELS = {"LN": "Lupus nephritis", "LC": "Lupus cytopenia"}


@dataclass(frozen=True)
class SubjectInput:
    """What a user types to register or edit a subject. `record_id` None registers a new subject.

    `status_date` is the date the status took effect (default: the withdrawal date for a withdrawal, else
    today); `status_reason` goes into the status history with it.
    """

    subject_id: str
    screening_number: str | None
    subgroup: str
    sex: str
    birth_date: date | None
    consent_date: date | None
    status: str = "screening"
    initials: str | None = None
    weight_kg: float | None = None
    withdrawal_date: date | None = None
    withdrawal_reason: str | None = None
    death_date: date | None = None
    notes: str | None = None
    status_date: date | None = None
    status_reason: str | None = None
    record_id: int | None = None
    death_cause: str | None = None
    row_version: int | None = field(default=None, compare=False)  # as read; bookkeeping (models.concurrency)


@dataclass(frozen=True)
class StatusEntry:
    """One entry of the status history."""

    status: str
    status_date: date
    reason: str | None
    changed_by: str
    changed_at_utc: str


@dataclass(frozen=True)
class SubjectRow:
    """One line of the subject list."""

    record_id: int
    subject_id: str
    screening_number: str | None
    initials: str | None
    subgroup: str
    sex: str
    status: str
    consent_date: date | None
    enrolment_date: date | None  # actual date of infusion 1 (Day 0), if given


@dataclass(frozen=True)
class SubjectRecord:
    """A subject's registry data with its status history (oldest first)."""

    record_id: int
    subject_id: str
    screening_number: str | None
    subgroup: str
    sex: str
    birth_date: date
    consent_date: date | None
    status: str
    initials: str | None
    weight_kg: float | None
    withdrawal_date: date | None
    withdrawal_reason: str | None
    death_date: date | None
    notes: str | None
    enrolment_date: date | None
    history: tuple[StatusEntry, ...]
    death_cause: str | None = None
    row_version: int | None = field(default=None, compare=False)  # as read; bookkeeping (models.concurrency)

    def to_input(self) -> SubjectInput:
        """The record as an editable input (for the edit form)."""
        return SubjectInput(
            subject_id=self.subject_id, screening_number=self.screening_number, subgroup=self.subgroup,
            sex=self.sex, birth_date=self.birth_date, consent_date=self.consent_date, status=self.status,
            initials=self.initials, weight_kg=self.weight_kg, withdrawal_date=self.withdrawal_date,
            withdrawal_reason=self.withdrawal_reason, death_date=self.death_date, notes=self.notes,
            record_id=self.record_id, death_cause=self.death_cause, row_version=self.row_version,
        )


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    stripped = text.strip()
    return stripped or None


def normalise(data: SubjectInput) -> SubjectInput:
    """Trim texts and upper-case the subject ID, as saved."""
    return replace(
        data,
        subject_id=(data.subject_id or "").strip().upper(),
        screening_number=_clean(data.screening_number),
        initials=_clean(data.initials),
        withdrawal_reason=_clean(data.withdrawal_reason),
        notes=_clean(data.notes),
        status_reason=_clean(data.status_reason),
        death_cause=_clean(data.death_cause),
    )


def age_on(birth: date, day: date) -> int:
    """Completed years of age on `day`."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _enrolment_date(session: Session, record_id: int | None) -> date | None:
    if record_id is None:
        return None
    return session.scalar(select(Infusion.date).where(Infusion.subject_pk == record_id, Infusion.number == 1))


def field_errors(data: SubjectInput, today: date) -> dict[str, str]:
    """The registration rules that need no database (the importer applies them too): field -> message."""
    return _field_errors(normalise(data), today)


def uniqueness_errors(session: Session, data: SubjectInput) -> dict[str, str]:
    """Subject ID and screening number already used by another subject (`data.record_id` excluded)."""
    return _uniqueness_errors(session, normalise(data))


def _field_errors(data: SubjectInput, today: date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.subgroup not in vocab.SUBGROUPS:
        errors["subgroup"] = "Choose the subgroup: lupus nephritis (LN) or lupus cytopenia (LC)."
    if not data.subject_id:
        errors["subject_id"] = "Enter the subject ID, e.g. LN-01 or LC-01."
    elif len(data.subject_id) > MAX_SUBJECT_ID or not SUBJECT_ID_PATTERN.match(data.subject_id):
        errors["subject_id"] = "The subject ID must look like LN-01 or LC-01 (subgroup, hyphen, two or more digits)."
    elif data.subgroup in vocab.SUBGROUPS and not data.subject_id.startswith(data.subgroup + "-"):
        errors["subject_id"] = f"A {SUBGROUP_LABELS[data.subgroup].lower()} subject's ID must start with " \
                               f"{data.subgroup}-."
    if not data.screening_number:
        errors["screening_number"] = "Enter the screening number."
    elif len(data.screening_number) > MAX_SCREENING_NUMBER:
        errors["screening_number"] = f"The screening number can have at most {MAX_SCREENING_NUMBER} characters."
    if data.initials is not None and len(data.initials) > MAX_INITIALS:
        errors["initials"] = f"Initials can have at most {MAX_INITIALS} characters."
    if data.sex not in vocab.SEXES:
        errors["sex"] = "Choose the sex: female or male."
    if data.status not in vocab.SUBJECT_STATUSES:
        errors["status"] = "Choose a status."
    if data.birth_date is None:
        errors["birth_date"] = "Enter the date of birth."
    elif data.birth_date > today:
        errors["birth_date"] = "The date of birth cannot be in the future."
    if data.consent_date is None:
        errors["consent_date"] = "Enter the informed-consent date."
    elif data.consent_date > today:
        errors["consent_date"] = "The informed-consent date cannot be in the future."
    elif data.birth_date is not None and data.birth_date <= today:
        age = age_on(data.birth_date, data.consent_date)
        if data.consent_date < data.birth_date:
            errors["consent_date"] = "The informed-consent date cannot be before the date of birth."
        elif age < MIN_AGE_YEARS:
            errors["birth_date"] = f"The subject was {age} at consent; subjects must be at least {MIN_AGE_YEARS}."
    if data.weight_kg is not None:
        low, high = WEIGHT_RANGE_KG
        if not low <= data.weight_kg <= high:
            errors["weight_kg"] = f"The weight must be between {low:g} and {high:g} kg."
    if data.notes is not None and len(data.notes) > MAX_NOTES:
        errors["notes"] = f"Notes can have at most {MAX_NOTES:,} characters."
    for name in ("withdrawal_reason", "death_cause", "status_reason"):
        text = getattr(data, name)
        if text is not None and len(text) > MAX_NOTES:
            errors[name] = f"At most {MAX_NOTES:,} characters."
    errors.update(_withdrawal_errors(data, today))
    if data.death_date is not None:
        if data.death_date > today:
            errors["death_date"] = "The date of death cannot be in the future."
        elif data.birth_date is not None and data.death_date < data.birth_date:
            errors["death_date"] = "The date of death cannot be before the date of birth."
    elif data.death_cause is not None:
        errors["death_cause"] = "A cause of death is only given with a date of death."
    if data.status_date is not None and data.status_date > today:
        errors["status_date"] = "The status date cannot be in the future."
    return errors


def _withdrawal_errors(data: SubjectInput, today: date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.status == "withdrawn":
        if data.withdrawal_date is None:
            errors["withdrawal_date"] = "Enter the date of withdrawal."
        if data.withdrawal_reason is None:
            errors["withdrawal_reason"] = "Enter the reason for withdrawal."
    else:
        if data.withdrawal_date is not None:
            errors["withdrawal_date"] = "A date of withdrawal is only given when the status is Withdrawn."
        if data.withdrawal_reason is not None:
            errors["withdrawal_reason"] = "A reason for withdrawal is only given when the status is Withdrawn."
    if data.withdrawal_date is not None and "withdrawal_date" not in errors:
        if data.withdrawal_date > today:
            errors["withdrawal_date"] = "The date of withdrawal cannot be in the future."
        elif data.consent_date is not None and data.withdrawal_date < data.consent_date:
            errors["withdrawal_date"] = "The date of withdrawal cannot be before the informed-consent date."
    return errors


def _uniqueness_errors(session: Session, data: SubjectInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    others = Subject.id != data.record_id if data.record_id is not None else True
    if data.subject_id and session.scalar(
        select(Subject.id).where(func.upper(Subject.subject_id) == data.subject_id, others)
    ):
        errors["subject_id"] = f"Subject ID {data.subject_id} is already used by another subject."
    if data.screening_number and session.scalar(
        select(Subject.id).where(Subject.screening_number == data.screening_number, others)
    ):
        errors["screening_number"] = f"Screening number {data.screening_number} is already used by another subject."
    return errors


def _validate(session: Session, data: SubjectInput, today: date) -> dict[str, str]:
    errors = _field_errors(data, today)
    if data.record_id is not None and session.get(Subject, data.record_id) is None:
        errors["record_id"] = "This subject no longer exists."
    for key, message in _uniqueness_errors(session, data).items():
        errors.setdefault(key, message)
    enrolment = _enrolment_date(session, data.record_id)
    if enrolment is not None and data.consent_date is not None and data.consent_date > enrolment \
            and "consent_date" not in errors:
        errors["consent_date"] = f"The informed-consent date cannot be after enrolment (infusion 1 on {enrolment})."
    return errors


def validate_subject(db: Database, data: SubjectInput, today: date | None = None) -> dict[str, str]:
    """Field name → plain-English message for every rule `data` breaks (empty when it can be saved)."""
    data = normalise(data)
    with db.read() as session:
        return _validate(session, data, today or date.today())


def _status_reason(data: SubjectInput, change_reason: str | None) -> str | None:
    if data.status_reason:
        return data.status_reason
    if data.status == "withdrawn" and data.withdrawal_reason:
        return data.withdrawal_reason
    return change_reason


def save_subject(
    db: Database, data: SubjectInput, *, user: str, reason: str | None = None, today: date | None = None
) -> SubjectRecord:
    """Register a new subject or update one (audited; changing saved values needs `reason`).

    Raises ValidationError with every field's message when the input is refused, ReasonRequired when saved
    values would change without a reason, EditConflict when someone else saved (or the record is gone) after
    `data.row_version` was read; nothing is written in any of these cases.
    """
    data = normalise(data)
    today = today or date.today()
    with db.write(user, reason) as uow:
        session = uow.session
        errors = _validate(session, data, today)
        if errors:
            raise ValidationError(errors)
        subject = Subject() if data.record_id is None else session.get(Subject, data.record_id)
        if data.record_id is not None:
            if subject is None:
                raise EditConflict(conflict_text(session, Subject.__tablename__, data.record_id))
            expect_version(session, subject, data.row_version)
        previous_status = subject.status if data.record_id is not None else None
        for name in ("subject_id", "screening_number", "subgroup", "sex", "birth_date", "consent_date", "status",
                     "initials", "weight_kg", "withdrawal_date", "withdrawal_reason", "death_date", "notes",
                     "death_cause"):
            setattr(subject, name, getattr(data, name))
        if data.record_id is None:
            session.add(subject)
        if previous_status != data.status:
            status_date = data.status_date or (data.withdrawal_date if data.status == "withdrawn" else None) or today
            subject.status_history.append(StatusChange(
                status=data.status, status_date=status_date, reason=_status_reason(data, reason),
                changed_by=uow.user, changed_at_utc=utc_timestamp(db.clock()),
            ))
        session.flush()
        record_id = subject.id
    return get_subject(db, record_id)


def _record(session: Session, subject: Subject) -> SubjectRecord:
    history = tuple(
        StatusEntry(h.status, h.status_date, h.reason, h.changed_by, h.changed_at_utc) for h in subject.status_history
    )
    return SubjectRecord(
        record_id=subject.id, subject_id=subject.subject_id, screening_number=subject.screening_number,
        subgroup=subject.subgroup, sex=subject.sex, birth_date=subject.birth_date,
        consent_date=subject.consent_date, status=subject.status, initials=subject.initials,
        weight_kg=subject.weight_kg, withdrawal_date=subject.withdrawal_date,
        withdrawal_reason=subject.withdrawal_reason, death_date=subject.death_date, notes=subject.notes,
        enrolment_date=_enrolment_date(session, subject.id), history=history, death_cause=subject.death_cause,
        row_version=subject.row_version,
    )


def get_subject(db: Database, subject: str | int) -> SubjectRecord:
    """One subject by subject ID (e.g. "LN-01") or by record id; SubjectNotFound if there is none."""
    with db.read() as session:
        if isinstance(subject, int):
            row = session.get(Subject, subject)
        else:
            row = session.scalars(select(Subject).where(Subject.subject_id == subject.strip().upper())).first()
        if row is None:
            raise SubjectNotFound(f"No subject {subject}.")
        return _record(session, row)


def status_history(db: Database, subject_id: str) -> list[StatusEntry]:
    """The subject's status history, oldest first."""
    return list(get_subject(db, subject_id).history)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_subjects(
    db: Database, subgroup: str | None = None, status: str | None = None, search: str | None = None
) -> list[SubjectRow]:
    """Subjects ordered by subject ID, in one query; `search` matches ID, screening number or initials."""
    infusion1 = and_(Infusion.subject_pk == Subject.id, Infusion.number == 1)
    query = (
        select(Subject.id, Subject.subject_id, Subject.screening_number, Subject.initials, Subject.subgroup,
               Subject.sex, Subject.status, Subject.consent_date, Infusion.date)
        .outerjoin(Infusion, infusion1)
        .order_by(Subject.subject_id)
    )
    if subgroup:
        query = query.where(Subject.subgroup == subgroup)
    if status:
        query = query.where(Subject.status == status)
    if search and search.strip():
        pattern = "%" + _escape_like(search.strip()) + "%"
        query = query.where(or_(
            Subject.subject_id.ilike(pattern, escape="\\"),
            Subject.screening_number.ilike(pattern, escape="\\"),
            Subject.initials.ilike(pattern, escape="\\"),
        ))
    with db.read() as session:
        return [SubjectRow(*row) for row in session.execute(query)]
