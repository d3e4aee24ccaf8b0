"""One visit's case-report form in and out of the database: what the visit editor shows and saves.

    entry = load_visit(db, record_id)                       # or new_visit(code, date) for a new one
    findings = check_visit(entry, visit_context(db, "LN-01"), today)
    record_id = save_visit(db, "LN-01", entry, user="jkim", reason=None, today=today)

Lab values keep what was typed (value and unit) beside the canonical value (endpoints.units). Hard edit-check
findings refuse the save (ValidationError); soft findings need a confirmation in `entry.confirmations`
(UnconfirmedValues otherwise), stored and audited. A visit missing a required field is saved with entry status
"incomplete"; changing a saved visit needs a reason (ReasonRequired), like every change of saved data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from endpoints import edit_checks, units, vocab
from endpoints.dossier import Labs, LldasForm, SfiForm, Visit
from endpoints.edit_checks import HARD, SOFT, Check
from endpoints.params import ProtocolParams
from endpoints.schedule import DateWindow, effective_i2_day, visit_date_window
from models import schema as s
from models.concurrency import EditConflict, conflict_text, expect_version
from models.database import Database
from models.dossier_store import LLDAS_COLUMNS, SFI_COLUMNS
from models.errors import SubjectNotFound, ValidationError

COMPLETE = "complete"
INCOMPLETE = "incomplete"
VITAL_COLUMNS = ("weight_kg", "systolic_bp_mmhg", "diastolic_bp_mmhg", "pulse_bpm", "temperature_c")


class UnconfirmedValues(Exception):
    """Values outside a soft limit that the user has not confirmed; `checks` lists them."""

    def __init__(self, checks: list[Check]) -> None:
        super().__init__("; ".join(c.message for c in checks))
        self.checks = checks


@dataclass(frozen=True)
class LabEntry:
    """One lab value as typed: the decimal text and unit code, its canonical value, the SLE attribution mark."""

    value_text: str | None = None
    unit: str | None = None
    not_attributable: bool = False

    def canonical(self, key: str) -> float | None:
        """The value in the canonical unit of `key` (None when nothing was typed)."""
        if self.value_text is None:
            return None
        return units.to_canonical(key, Decimal(self.value_text), self.unit or units.canonical_unit(key).code)


@dataclass(frozen=True)
class Confirmation:
    """A soft-limit finding the user confirmed (who and when are filled in once saved)."""

    field: str
    value_text: str
    message: str
    confirmed_by: str | None = None
    confirmed_at_utc: str | None = None


@dataclass(frozen=True)
class VisitEntry:
    """Everything the visit form holds. Unanswered = None; `not_done` maps a field or section to its reason."""

    code: str
    date: date | None = None
    missed: bool = False
    missed_reason: str | None = None
    weight_kg: float | None = None
    systolic_bp_mmhg: int | None = None
    diastolic_bp_mmhg: int | None = None
    pulse_bpm: int | None = None
    temperature_c: float | None = None
    labs: dict[str, LabEntry] = field(default_factory=dict)
    urine_casts: tuple[str, ...] | None = None
    casts_not_attributable: bool = False
    sledai: dict[str, bool] = field(default_factory=dict)
    pga_tenths: int | None = None
    bilag: dict[str, str] = field(default_factory=dict)
    sfi: SfiForm = field(default_factory=SfiForm)
    lldas: LldasForm = field(default_factory=LldasForm)
    sediment_inactive: bool | None = None
    comment: str | None = None
    not_done: dict[str, str] = field(default_factory=dict)
    confirmations: tuple[Confirmation, ...] = ()
    record_id: int | None = None
    entry_status: str | None = None
    row_version: int | None = field(default=None, compare=False)  # as read; bookkeeping (models.concurrency)


@dataclass(frozen=True)
class VisitSummary:
    """One row of a subject's visit list."""

    record_id: int
    code: str
    date: date | None
    missed: bool
    entry_status: str | None


@dataclass(frozen=True)
class VisitContext:
    """What the checks and the live eGFR need to know about the subject."""

    subject_id: str
    subgroup: str
    sex: str
    birth_date: date
    consent_date: date | None
    day0: date | None
    i2_day: int
    params: ProtocolParams

    def window(self, code: str) -> DateWindow | None:
        """The calendar window of a scheduled visit (None before Day 0, for UNS and unknown codes)."""
        if self.day0 is None or code not in vocab.SCHEDULED_VISIT_CODES or code == "SCR":
            return None
        return visit_date_window(code, self.day0, self.i2_day, self.params)


@dataclass(frozen=True)
class Findings:
    """Edit-check results of a whole visit: refused fields, fields needing confirmation, required fields empty."""

    hard: dict[str, str]
    soft: dict[str, Check]
    missing: tuple[str, ...]

    def unconfirmed(self, entry: VisitEntry) -> list[Check]:
        """Soft findings without a matching confirmation in the entry."""
        confirmed = {(c.field, c.value_text) for c in entry.confirmations}
        return [c for f, c in self.soft.items() if (f, value_text(entry, f)) not in confirmed]


# ---------------------------------------------------------------------------------------------------------------
# Values of an entry


def field_values(entry: VisitEntry) -> dict[str, float | None]:
    """Numeric fields in canonical units, as the edit checks read them."""
    values: dict[str, float | None] = {name: getattr(entry, name) for name in VITAL_COLUMNS}
    for key, lab in entry.labs.items():
        values[key] = lab.canonical(key)
    return values


def value_text(entry: VisitEntry, name: str) -> str:
    """The value of a field as a confirmation records it (typed value and unit for labs)."""
    if name == "date":
        return entry.date.isoformat() if entry.date else ""
    lab = entry.labs.get(name)
    if lab is not None:
        return f"{lab.value_text} {lab.unit or units.canonical_unit(name).code}"
    value = getattr(entry, name, None)
    return "" if value is None else f"{value:g}"


def to_labs(entry: VisitEntry) -> Labs:
    """The canonical lab values of the entry (endpoints.dossier.Labs)."""
    values = {k: entry.labs[k].canonical(k) for k in vocab.NUMERIC_LAB_KEYS if k in entry.labs}
    return Labs(**{k: v for k, v in values.items() if v is not None}, urine_casts=entry.urine_casts)


def to_dossier_visit(entry: VisitEntry) -> Visit:
    """The entry as the endpoint engine sees a visit (what load_dossier returns once it is saved)."""
    if entry.missed:
        return Visit(code=entry.code, date=entry.date, missed=True, reason=entry.missed_reason)
    flagged = {k for k, lab in entry.labs.items() if lab.not_attributable}
    if entry.casts_not_attributable:
        flagged.add("urine_casts")
    return Visit(
        code=entry.code, date=entry.date, weight_kg=entry.weight_kg, labs=to_labs(entry),
        labs_not_attributable=tuple(k for k in vocab.LAB_KEYS if k in flagged),
        sledai=dict(entry.sledai), pga_tenths=entry.pga_tenths, bilag=dict(entry.bilag), sfi=entry.sfi,
        lldas=entry.lldas, sediment_inactive=entry.sediment_inactive,
    )


def answered_keys(entry: VisitEntry) -> frozenset[str]:
    """The form keys of the entry holding a value: vital signs, labs, "pga", "sledai.<descriptor>",
    "bilag.<domain>", "lldas.<question>" (what edit_checks.missing_required reads)."""
    keys = {name for name in VITAL_COLUMNS if getattr(entry, name) is not None}
    keys.update(k for k, lab in entry.labs.items() if lab.value_text is not None)
    if entry.urine_casts is not None:
        keys.add("urine_casts")
    if entry.pga_tenths is not None:
        keys.add("pga")
    keys.update(f"sledai.{k}" for k, v in entry.sledai.items() if v is not None)
    keys.update(f"bilag.{k}" for k, v in entry.bilag.items() if v is not None)
    keys.update(f"lldas.{q}" for q in vocab.LLDAS_QUESTIONS if getattr(entry.lldas, q) is not None)
    return frozenset(keys)


def missing_fields(entry: VisitEntry) -> tuple[str, ...]:
    """Required fields (edit_checks.required_fields) neither answered nor declared not done."""
    if entry.missed:
        return () if entry.missed_reason else ("missed_reason",)
    missing = edit_checks.missing_required(entry.code, answered_keys(entry), set(entry.not_done))
    return (("date",) if entry.date is None else ()) + missing


def check_visit(entry: VisitEntry, context: VisitContext, today: date, taken_codes: Iterable[str] = ()) -> Findings:
    """All edit-check findings of an entry (hard, soft, missing required)."""
    hard: dict[str, str] = {}
    soft: dict[str, Check] = {}
    found: list[Check] = []
    if entry.code not in vocab.VISIT_CODES:
        hard["code"] = f"{entry.code!r} is not a visit code."
    elif entry.code != "UNS" and entry.code in set(taken_codes):
        hard["code"] = f"Visit {entry.code} is already recorded for {context.subject_id}."
    if entry.date is None and not entry.missed:
        hard["date"] = "The visit date is required (or mark the visit as missed)."
    date_check = edit_checks.check_visit_date(
        entry.date, today=today, consent=context.consent_date, birth=context.birth_date,
        window=context.window(entry.code),
    )
    if date_check is not None:
        found.append(date_check)
    if not entry.missed:
        found.extend(edit_checks.check_values(field_values(entry)))
        for key, lab in entry.labs.items():
            if lab.value_text is not None and key in entry.not_done:
                hard[key] = "A value was entered for a test marked not done."
        if entry.pga_tenths is not None and not 0 <= entry.pga_tenths <= 30:
            hard["pga"] = "PGA is between 0.0 and 3.0."
    for check in (_with_typed_unit(c, entry) for c in found):
        if check.level == HARD:
            hard.setdefault(check.field, check.message)
        elif check.level == SOFT and check.field not in hard:
            soft.setdefault(check.field, check)
    for name, reason in entry.not_done.items():
        if not reason or not reason.strip():
            hard.setdefault(name, "Give the reason why this was not done.")
    return Findings(hard, soft, missing_fields(entry))


def _with_typed_unit(check: Check, entry: VisitEntry) -> Check:
    """A lab finding names the value as typed when it was typed in another unit than the canonical one."""
    lab = entry.labs.get(check.field)
    if lab is None or lab.value_text is None or lab.unit in (None, units.canonical_unit(check.field).code):
        return check
    typed = f"{lab.value_text} {units.unit(check.field, lab.unit).label}"
    return replace(check, message=f"{check.message.rstrip('.')} (typed as {typed}).")


# ---------------------------------------------------------------------------------------------------------------
# Reading


def _subject_row(session: Session, subject_id: str) -> s.Subject:
    subject = session.scalars(select(s.Subject).where(s.Subject.subject_id == subject_id)).first()
    if subject is None:
        raise SubjectNotFound(f"No subject {subject_id}.")
    return subject


def visit_context(db: Database, subject_id: str) -> VisitContext:
    """The subject facts the visit form needs (sex, birth and consent dates, Day 0, infusion-2 day)."""
    with db.read() as session:
        return context_of(_subject_row(session, subject_id), db.config.params)


def context_of(subject: s.Subject, params: ProtocolParams) -> VisitContext:
    """The VisitContext of a loaded subject row (its infusions are read)."""
    dates = {i.number: i.date for i in subject.infusions}
    day0 = dates.get(1)
    i2 = (dates[2] - day0).days if day0 is not None and dates.get(2) is not None else None
    return VisitContext(subject.subject_id, subject.subgroup, subject.sex, subject.birth_date, subject.consent_date,
                        day0=day0, i2_day=effective_i2_day(i2, params), params=params)


def list_visits(db: Database, subject_id: str) -> list[VisitSummary]:
    """The subject's recorded visits, by date (missed visits without a date last), in one query."""
    with db.read() as session:
        subject = _subject_row(session, subject_id)
        rows = session.execute(
            select(s.Visit.id, s.Visit.code, s.Visit.date, s.Visit.missed, s.Visit.entry_status)
            .where(s.Visit.subject_pk == subject.id)
        ).all()
    summaries = [VisitSummary(r.id, r.code, r.date, bool(r.missed), r.entry_status) for r in rows]
    order = {code: i for i, code in enumerate(vocab.VISIT_CODES)}
    return sorted(summaries, key=lambda v: (v.date is None, v.date or date.min, order.get(v.code, 99), v.record_id))


def _visit_query(record_id: int):  # noqa: ANN202 - a select() statement
    return select(s.Visit).where(s.Visit.id == record_id).options(
        selectinload(s.Visit.labs), selectinload(s.Visit.sledai), selectinload(s.Visit.bilag),
        selectinload(s.Visit.not_done), selectinload(s.Visit.confirmations),
    )


def load_visit(db: Database, record_id: int) -> VisitEntry:
    """The saved visit as the form shows it; LookupError if it no longer exists."""
    with db.read() as session:
        row = session.scalars(_visit_query(record_id)).first()
        if row is None:
            raise LookupError(f"No visit with record id {record_id}.")
        return entry_of(row)


def visit_subject_id(db: Database, record_id: int) -> str:
    """The subject ID a visit belongs to."""
    with db.read() as session:
        found = session.execute(
            select(s.Subject.subject_id).join(s.Visit, s.Visit.subject_pk == s.Subject.id)
            .where(s.Visit.id == record_id)
        ).scalar()
    if found is None:
        raise LookupError(f"No visit with record id {record_id}.")
    return found


def entry_of(row: s.Visit) -> VisitEntry:
    """The form's view of a loaded visit row."""
    labs: dict[str, LabEntry] = {}
    casts: tuple[str, ...] | None = None
    casts_flag = False
    for lab in row.labs:
        if lab.key == "urine_casts":
            casts = None if lab.canonical_text is None else tuple(t for t in lab.canonical_text.split(",") if t)
            casts_flag = lab.not_attributable
            continue
        unit = lab.original_unit if lab.original_unit in {u.code for u in units.units_for(lab.key)} else None
        text = _plain(lab.original_value) if unit is not None else _canonical_text(lab.canonical_value)
        labs[lab.key] = LabEntry(text, unit or units.canonical_unit(lab.key).code, lab.not_attributable)
    return VisitEntry(
        code=row.code, date=row.date, missed=bool(row.missed), missed_reason=row.missed_reason,
        weight_kg=row.weight_kg, systolic_bp_mmhg=row.systolic_bp_mmhg, diastolic_bp_mmhg=row.diastolic_bp_mmhg,
        pulse_bpm=row.pulse_bpm, temperature_c=row.temperature_c, labs=labs, urine_casts=casts,
        casts_not_attributable=casts_flag,
        sledai={k: getattr(row.sledai, k) for k in vocab.SLEDAI_KEYS
                if row.sledai is not None and getattr(row.sledai, k) is not None},
        pga_tenths=row.pga_tenths,
        bilag={k: getattr(row.bilag, k) for k in vocab.BILAG_DOMAINS
               if row.bilag is not None and getattr(row.bilag, k) is not None},
        sfi=SfiForm({o: getattr(row, c) for o, c in SFI_COLUMNS.items() if getattr(row, c) is not None},
                    row.sfi_worse_thrombocytopenia),
        lldas=LldasForm(**{q: getattr(row, c) for q, c in LLDAS_COLUMNS.items()}),
        sediment_inactive=row.sediment_inactive, comment=row.comment,
        not_done={n.field: n.reason or "" for n in row.not_done},
        confirmations=tuple(Confirmation(c.field, c.value_text, c.message, c.confirmed_by, c.confirmed_at_utc)
                            for c in row.confirmations),
        record_id=row.id, entry_status=row.entry_status, row_version=row.row_version,
    )


def _plain(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return format(Decimal(text).normalize(), "f")
    except ArithmeticError:
        return None


def _canonical_text(value: float | None) -> str | None:
    return None if value is None else _plain(repr(value))


def confirmations_for_monitor(db: Database, subject_id: str | None = None) -> list[tuple[str, str, Confirmation]]:
    """Every confirmed soft-limit value as (subject ID, visit code, confirmation), oldest first."""
    query = (select(s.Subject.subject_id, s.Visit.code, s.SoftLimitConfirmation)
             .join(s.Visit, s.Visit.subject_pk == s.Subject.id)
             .join(s.SoftLimitConfirmation, s.SoftLimitConfirmation.visit_id == s.Visit.id)
             .order_by(s.SoftLimitConfirmation.id))
    if subject_id is not None:
        query = query.where(s.Subject.subject_id == subject_id)
    with db.read() as session:
        return [(sid, code, Confirmation(c.field, c.value_text, c.message, c.confirmed_by, c.confirmed_at_utc))
                for sid, code, c in session.execute(query).all()]


# ---------------------------------------------------------------------------------------------------------------
# Writing


def taken_codes(db: Database, subject_id: str, except_record: int | None) -> set[str]:
    """Scheduled visit codes already used by other visits of the subject."""
    return {v.code for v in list_visits(db, subject_id) if v.record_id != except_record and v.code != "UNS"}


def save_visit(
    db: Database, subject_id: str, entry: VisitEntry, *, user: str, reason: str | None, today: date,
) -> int:
    """Save the entry (insert, or update the visit `entry.record_id`) in one audited transaction.

    Refused without writing: ValidationError (hard findings, by field), UnconfirmedValues (soft findings not
    confirmed), ReasonRequired (saved data changes without a reason), EditConflict (someone else saved or deleted
    the visit after `entry` was read: `entry.row_version`). Returns the visit's record id.
    """
    findings = check_visit(entry, visit_context(db, subject_id), today, taken_codes(db, subject_id, entry.record_id))
    if findings.hard:
        raise ValidationError(findings.hard)
    unconfirmed = findings.unconfirmed(entry)
    if unconfirmed:
        raise UnconfirmedValues(unconfirmed)
    status = INCOMPLETE if findings.missing else COMPLETE
    with db.write(user, reason) as uow:
        session = uow.session
        if entry.record_id is None:
            row = s.Visit(subject=_subject_row(session, subject_id))
            session.add(row)
        else:
            row = session.scalars(_visit_query(entry.record_id)).first()
            if row is None and entry.row_version is not None:
                raise EditConflict(conflict_text(session, s.Visit.__tablename__, entry.record_id))
            if row is None:
                raise ValidationError({"record_id": "This visit was deleted meanwhile; it cannot be saved."})
            expect_version(session, row, entry.row_version)
        _fill(row, entry, status)
        stamp = s.utc_timestamp(db.clock())
        saved = {(c.field, c.value_text) for c in row.confirmations}
        for check in findings.soft.values():
            text = value_text(entry, check.field)
            if (check.field, text) not in saved:
                row.confirmations.append(s.SoftLimitConfirmation(
                    field=check.field, value_text=text, message=check.message, confirmed_by=uow.user,
                    confirmed_at_utc=stamp))
        session.flush()
        return row.id


def _set(row: object, name: str, value: object) -> None:
    if getattr(row, name) != value or type(getattr(row, name)) is not type(value):
        setattr(row, name, value)


def _fill(row: s.Visit, entry: VisitEntry, status: str) -> None:
    if entry.missed:
        entry = replace(VisitEntry(code=entry.code, date=entry.date, missed=True, missed_reason=entry.missed_reason,
                                   comment=entry.comment), record_id=entry.record_id)
    scalars = {
        "code": entry.code, "date": entry.date, "missed": entry.missed, "missed_reason": entry.missed_reason,
        "pga_tenths": entry.pga_tenths, "sediment_inactive": entry.sediment_inactive, "comment": entry.comment,
        "entry_status": status, "sfi_worse_thrombocytopenia": entry.sfi.worse_thrombocytopenia,
        **{name: getattr(entry, name) for name in VITAL_COLUMNS},
        **{col: entry.sfi.organ_new_worse.get(organ) for organ, col in SFI_COLUMNS.items()},
        **{col: getattr(entry.lldas, q) for q, col in LLDAS_COLUMNS.items()},
    }
    for name, value in scalars.items():
        _set(row, name, float(value) if name in ("weight_kg", "temperature_c") and value is not None else value)
    _fill_labs(row, entry)
    _fill_form(row, "sledai", s.SledaiForm, vocab.SLEDAI_KEYS, entry.sledai)
    _fill_form(row, "bilag", s.BilagForm, vocab.BILAG_DOMAINS, entry.bilag)
    existing = {n.field: n for n in row.not_done}
    for name, reason in entry.not_done.items():
        if name in existing:
            _set(existing[name], "reason", reason.strip())
        else:
            row.not_done.append(s.VisitNotDone(field=name, reason=reason.strip()))
    row.not_done[:] = [n for n in row.not_done if n.field in entry.not_done]


def _lab_values(entry: VisitEntry) -> dict[str, dict[str, object]]:
    wanted: dict[str, dict[str, object]] = {}
    for key in vocab.NUMERIC_LAB_KEYS:
        lab = entry.labs.get(key)
        if lab is None or (lab.value_text is None and not lab.not_attributable):
            continue
        unit = lab.unit or units.canonical_unit(key).code
        wanted[key] = {"original_value": lab.value_text, "original_unit": unit if lab.value_text else None,
                       "canonical_value": lab.canonical(key), "canonical_text": None,
                       "not_attributable": lab.not_attributable}
    if entry.urine_casts is not None or entry.casts_not_attributable:
        text = None if entry.urine_casts is None else ",".join(entry.urine_casts)
        wanted["urine_casts"] = {"original_value": None if text is None else (text or "none"),
                                 "original_unit": None if text is None else "casts", "canonical_value": None,
                                 "canonical_text": text, "not_attributable": entry.casts_not_attributable}
    return wanted


def _fill_labs(row: s.Visit, entry: VisitEntry) -> None:
    wanted = _lab_values(entry)
    existing = {lab.key: lab for lab in row.labs}
    for key, values in wanted.items():
        lab = existing.get(key)
        if lab is None:
            row.labs.append(s.LabValue(key=key, **values))
            continue
        for name, value in values.items():
            _set(lab, name, value)
    row.labs[:] = [lab for lab in row.labs if lab.key in wanted]


def _fill_form(row: s.Visit, attr: str, kind: type, keys: tuple[str, ...], answers: dict[str, object]) -> None:
    form = getattr(row, attr)
    if not answers:
        if form is not None:
            setattr(row, attr, None)
        return
    if form is None:
        setattr(row, attr, kind(**{k: answers.get(k) for k in keys}))
        return
    for key in keys:
        _set(form, key, answers.get(key))


def new_visit(code: str, when: date | None = None) -> VisitEntry:
    """An empty entry for a new visit."""
    return VisitEntry(code=code, date=when)

