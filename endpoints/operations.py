"""The study's operational view, computed from the status ladder (endpoints.visit_ladder) and the queries.

Pure: `operations(statuses, facts, as_of, params)` gives what coordinators, investigators and monitors run the
study by, each figure with the list behind it (subject IDs or (subject, visit) pairs) so a screen can open it:

- enrolment by subgroup against `params.enrolment_target` (study.toml [protocol.enrolment_target]). Enrolled =
  infusion 1 given (registry: the infusions are "on 0 day and on 12 weeks post-enrollment", so Day 0 is
  enrolment); screening = consented, no Day 0 yet, not a screen failure.
- visits done in window / out of window, missed (declared), overdue; forms complete per visit code (performed
  visits with no required item missing, over performed visits);
- open queries (status open, waiting for the site) by age in days since raised — 0–7, 8–30, > 30 — and by subject;
- visits waiting for signature (recorded, no signature in force);
- source-verification progress: % of performed visits whose every verifiable value is verified, % of values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from endpoints import vocab
from endpoints.params import ProtocolParams
from endpoints.visit_ladder import MISSED, OPEN_QUERY, OVERDUE, PERFORMED, SubjectFacts, SubjectStatus

AGE_BUCKETS = ("0-7", "8-30", ">30")
SCREENING_STATUSES = ("screening",)

Pair = tuple[str, str]  # (subject ID, visit code)


@dataclass(frozen=True)
class Enrolment:
    """One subgroup's enrolment against its target."""

    subgroup: str
    target: int
    enrolled: tuple[str, ...]
    screening: tuple[str, ...]
    screen_failures: tuple[str, ...]

    @property
    def percent(self) -> float | None:
        return round(100 * len(self.enrolled) / self.target, 1) if self.target else None


@dataclass(frozen=True)
class FormCompleteness:
    """Performed visits of one visit code and those with nothing required missing."""

    code: str
    performed: tuple[str, ...]
    complete: tuple[str, ...]


@dataclass(frozen=True)
class Operations:
    """The operational figures as of `as_of`; every list names the subjects or (subject, visit) pairs behind it."""

    as_of: date
    enrolment: tuple[Enrolment, ...]
    in_window: tuple[Pair, ...]
    out_of_window: tuple[Pair, ...]
    missed: tuple[Pair, ...]
    overdue: tuple[Pair, ...]
    forms: tuple[FormCompleteness, ...]
    open_queries_by_age: dict[str, tuple[str, ...]]  # bucket -> subject ID of each open query
    open_queries_by_subject: dict[str, int]
    waiting_for_signature: tuple[Pair, ...]
    visits_performed: int
    visits_verified: tuple[Pair, ...]
    values_verifiable: int
    values_verified: int

    @property
    def visits_verified_percent(self) -> float | None:
        return _percent(len(self.visits_verified), self.visits_performed)

    @property
    def values_verified_percent(self) -> float | None:
        return _percent(self.values_verified, self.values_verifiable)


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def age_bucket(raised_on: date, as_of: date) -> str:
    """The age bucket of a query raised on `raised_on`: "0-7", "8-30" or ">30" days old."""
    days = (as_of - raised_on).days
    return AGE_BUCKETS[0] if days <= 7 else AGE_BUCKETS[1] if days <= 30 else AGE_BUCKETS[2]


def _enrolment(statuses: Sequence[SubjectStatus], params: ProtocolParams) -> tuple[Enrolment, ...]:
    out = []
    for subgroup in vocab.SUBGROUPS:
        mine = [s for s in statuses if s.subgroup == subgroup]
        out.append(Enrolment(
            subgroup, params.enrolment_target.get(subgroup, 0),
            tuple(s.subject_id for s in mine if s.enrolled),
            tuple(s.subject_id for s in mine if not s.enrolled and s.status in SCREENING_STATUSES),
            tuple(s.subject_id for s in mine if s.status == "screen_failure"),
        ))
    return tuple(out)


def operations(statuses: Sequence[SubjectStatus], facts: Iterable[SubjectFacts], as_of: date,
               params: ProtocolParams) -> Operations:
    """The operational view of the subjects' ladder statuses and of the queries in their facts."""
    cells = [c for s in statuses for c in s.visit_cells]
    performed = [c for c in cells if c.status in PERFORMED and c.date is not None]
    by_age: dict[str, list[str]] = {b: [] for b in AGE_BUCKETS}
    by_subject: dict[str, int] = {}
    for subject in facts:
        for q in subject.queries:
            if q.status == OPEN_QUERY:
                by_age[age_bucket(q.raised_on, as_of)].append(subject.subject_id)
                by_subject[subject.subject_id] = by_subject.get(subject.subject_id, 0) + 1
    forms = tuple(FormCompleteness(
        code,
        tuple(c.subject_id for c in performed if c.column == code),
        tuple(c.subject_id for c in performed if c.column == code and not c.missing),
    ) for code in vocab.SCHEDULED_VISIT_CODES)
    return Operations(
        as_of=as_of,
        enrolment=_enrolment(statuses, params),
        in_window=tuple((c.subject_id, c.column) for c in performed if c.in_window is True),
        out_of_window=tuple((c.subject_id, c.column) for c in performed if c.in_window is False),
        missed=tuple((c.subject_id, c.column) for c in cells if c.status == MISSED),
        overdue=tuple((c.subject_id, c.column) for c in cells if c.status == OVERDUE),
        forms=forms,
        open_queries_by_age={b: tuple(v) for b, v in by_age.items()},
        open_queries_by_subject=dict(sorted(by_subject.items())),
        waiting_for_signature=tuple((c.subject_id, c.column) for s in statuses for c in s.waiting_for_signature),
        visits_performed=len(performed),
        visits_verified=tuple((c.subject_id, c.column) for c in performed
                              if c.verifiable and c.verified == c.verifiable),
        values_verifiable=sum(c.verifiable for c in performed),
        values_verified=sum(c.verified for c in performed),
    )


def operations_to_json(ops: Operations) -> dict:
    """The figures as JSON-ready values (counts; the lists stay in the Python value)."""
    return {
        "enrolment": {e.subgroup: {"target": e.target, "enrolled": len(e.enrolled), "percent": e.percent,
                                   "screening": len(e.screening), "screen_failures": len(e.screen_failures)}
                      for e in ops.enrolment},
        "visits": {"in_window": len(ops.in_window), "out_of_window": len(ops.out_of_window),
                   "missed": len(ops.missed), "overdue": len(ops.overdue)},
        "forms_complete": {f.code: {"performed": len(f.performed), "complete": len(f.complete)} for f in ops.forms},
        "open_queries": {"total": sum(ops.open_queries_by_subject.values()),
                         "by_age_days": {b: len(v) for b, v in ops.open_queries_by_age.items()},
                         "by_subject": ops.open_queries_by_subject},
        "waiting_for_signature": len(ops.waiting_for_signature),
        "sdv": {"visits_performed": ops.visits_performed, "visits_verified": len(ops.visits_verified),
                "visits_percent": ops.visits_verified_percent, "values_verifiable": ops.values_verifiable,
                "values_verified": ops.values_verified, "values_percent": ops.values_verified_percent},
    }
