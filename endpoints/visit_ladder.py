"""The status ladder: where each subject stands at each scheduled visit and in each subject log, as of a date.

One pure function (`subject_status`, `study_status` for many subjects) fed by plain facts; the visit grid, the
subject list, the operational view (endpoints.operations) and `main.py status` all read it.

Visit cells (rows = subjects, columns = the protocol's scheduled visits, endpoints.md §1.2; the calendar,
windows, infusion anchors and study end come from endpoints.visit_status). Exactly one status, the first that
applies in this order:

1. ``not_applicable`` – nothing recorded and the visit falls after the subject's study end (withdrawal, death;
   every visit after screening for a screen failure): endpoints.visit_status.visit_status.
2. ``missed`` – the site declared the visit missed (a record without a date, with the reason).
3. ``locked`` – performed, and a lock is in force on the visit, its subject or the whole database.
4. ``signed`` – performed, and the investigator's signature of the visit is in force (models.signatures: a change
   of signed data invalidates it).
5. ``incomplete`` – performed, and a required item is neither answered nor declared not done. Required items are
   the schedule of assessments the visit form enforces, `edit_checks.required_fields(code)` (vital signs and
   haematology at every visit; chemistry, urine, SLEDAI-2K, PGA, BILAG and LLDAS at full visits; immunology at
   SCR, D0, W12, W24 and the yearly visits), counted by `edit_checks.missing_required`. A visit whose infusion
   was given (D0, W12) but whose form was never entered is performed with every required item missing.
6. ``verified`` – performed, complete, and every verifiable value carries a source-verification mark. Verifiable
   values: the visit date and every answered form key of the visit's required items ("hemoglobin_g_dl",
   "sledai.rash", "lldas.<question>", ...), as the monitor marks them (models.write_scope).
7. ``complete`` – performed, nothing required missing.
8. Not recorded: ``overdue`` after the window closed, ``due`` inside the window, ``not_due`` before it (and
   before the calendar exists, i.e. while infusion 1 has neither a planned nor an actual date).

Signed and locked rank above incomplete: they are deliberate acts that freeze the data, and the cell shows the
highest act done; a signed or locked visit with items missing still reports them in `missing`.
A declared miss ranks above them: a missed visit holds no data to verify, sign or lock.

Log cells (steroids, medications, adverse events; one column each), in this order: ``locked`` (subject or
database lock); ``not_due`` (log empty and infusion 1 not given yet); ``incomplete`` (a row misses a required
field of its form, `record_checks.missing_required`, or for the steroid log the date it is declared complete
through is before min(as of, study end)); ``complete`` otherwise (an empty log after Day 0 is "nothing to
report"). Logs are not signed or verified as a whole: signatures and SDV are per visit here.

Queries count per cell: those on the visit record (table "visits") or on the rows of the log's table;
``open`` = waiting for the site, ``answered`` = waiting for the monitor. The cell's `due` is the visit's target
date; `date` the visit date (logs: the latest row's start or onset).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import Any

from endpoints import edit_checks, record_checks, vocab
from endpoints.params import ProtocolParams
from endpoints.schedule import DateWindow
from endpoints.visit_status import (
    DONE_IN_WINDOW,
    DONE_OUT_OF_WINDOW,
    InfusionDates,
    StudyEnd,
    VisitRecord,
    anchors,
    build_schedule,
    study_end,
)
from endpoints.visit_status import DUE as CAL_DUE
from endpoints.visit_status import MISSED as CAL_MISSED
from endpoints.visit_status import NOT_APPLICABLE as CAL_NOT_APPLICABLE
from endpoints.visit_status import OVERDUE as CAL_OVERDUE

NOT_DUE = "not_due"
DUE = "due"
OVERDUE = "overdue"
MISSED = "missed"
INCOMPLETE = "incomplete"
COMPLETE = "complete"
VERIFIED = "verified"
SIGNED = "signed"
LOCKED = "locked"
NOT_APPLICABLE = "not_applicable"
STATUSES = (NOT_DUE, DUE, OVERDUE, MISSED, INCOMPLETE, COMPLETE, VERIFIED, SIGNED, LOCKED, NOT_APPLICABLE)
PERFORMED = (INCOMPLETE, COMPLETE, VERIFIED, SIGNED, LOCKED)

LOGS = ("steroids", "medications", "adverse_events")
# The row date a log cell shows (the latest one).
LOG_DATE_FIELD = {"steroids": "start", "medications": "start", "adverse_events": "onset"}
COLUMNS = vocab.SCHEDULED_VISIT_CODES + LOGS
OPEN_QUERY = "open"
ANSWERED_QUERY = "answered"
VISITS_TABLE = "visits"


@dataclass(frozen=True)
class VisitFacts:
    """What is stored for one visit record: its date or declared miss, the form keys holding a value, the items
    declared not done, the keys source-verified ("date" included), and its signature and own lock."""

    record_id: int
    code: str
    date: date | None = None
    missed: bool = False
    answered: frozenset[str] = frozenset()
    not_done: frozenset[str] = frozenset()
    verified: frozenset[str] = frozenset()
    signed: bool = False
    locked: bool = False


@dataclass(frozen=True)
class QueryFacts:
    """One query: the record it is on, its status ("open", "answered", "closed") and the day it was raised."""

    table: str
    record_id: int
    status: str
    raised_on: date


@dataclass(frozen=True)
class LogFacts:
    """One subject log: its number of rows, the latest row date (start or onset), and the rows with an empty field
    among their form's required fields (`record_checks.REQUIRED`; the other rows need no check), field -> value."""

    rows: int = 0
    latest: date | None = None
    suspect_rows: tuple[Mapping[str, Any], ...] = ()


@dataclass(frozen=True)
class SubjectFacts:
    """Everything the ladder reads of one subject. `logs` maps a log (LOGS) to its facts (absent = no rows);
    `locked` = a subject or database lock in force."""

    subject_id: str
    subgroup: str
    status: str
    consent_date: date | None = None
    withdrawal_date: date | None = None
    death_date: date | None = None
    infusions: tuple[InfusionDates, ...] = ()
    visits: tuple[VisitFacts, ...] = ()
    queries: tuple[QueryFacts, ...] = ()
    logs: Mapping[str, LogFacts] = field(default_factory=dict)
    steroid_log_complete_through: date | None = None
    locked: bool = False
    last_change_utc: str | None = None


@dataclass(frozen=True)
class Cell:
    """One cell of the grid: a subject at a visit (or log) with its ladder status and one-sentence reason."""

    subject_id: str
    column: str
    status: str
    reason: str
    date: date | None = None
    due: date | None = None
    window: DateWindow | None = None
    record_id: int | None = None
    open_queries: int = 0
    answered_queries: int = 0
    missing: tuple[str, ...] = ()
    verifiable: int = 0
    verified: int = 0
    in_window: bool | None = None  # performed visits: date inside its window
    signed: bool = False

    @property
    def is_log(self) -> bool:
        return self.column in LOGS


@dataclass(frozen=True)
class SubjectStatus:
    """One row of the grid: the subject's visit cells in protocol order, then its log cells (COLUMNS order)."""

    subject_id: str
    subgroup: str
    status: str
    cells: tuple[Cell, ...]
    day0: date | None = None
    enrolled: bool = False  # infusion 1 given (registry: Day 0 = enrolment)
    last_change_utc: str | None = None
    open_queries: int = 0  # every open query of the subject (also on infusions, subject data)
    answered_queries: int = 0

    def cell(self, column: str) -> Cell:
        return next(c for c in self.cells if c.column == column)

    @property
    def visit_cells(self) -> tuple[Cell, ...]:
        return tuple(c for c in self.cells if not c.is_log)

    @property
    def next_due(self) -> Cell | None:
        """The first visit still to do (overdue, due or not due), in protocol order."""
        return next((c for c in self.visit_cells if c.status in (OVERDUE, DUE, NOT_DUE) and c.due is not None),
                    None)

    @property
    def waiting_for_signature(self) -> tuple[Cell, ...]:
        """Recorded visits (performed or declared missed) without a signature in force (as models.signatures)."""
        return tuple(c for c in self.visit_cells if c.record_id is not None and not c.signed
                     and (c.status in PERFORMED or c.status == MISSED))


@cache
def _verifiable_universe(code: str) -> frozenset[str]:
    """"date" and every form key belonging to a required item of the visit code (a section: all its keys)."""
    sections = {"sledai": vocab.SLEDAI_KEYS, "bilag": vocab.BILAG_DOMAINS, "lldas": vocab.LLDAS_QUESTIONS}
    keys = {"date"}
    for item in edit_checks.required_fields(code):
        if item in sections:
            keys.update(f"{item}.{k}" for k in sections[item])
        else:
            keys.add(item)
    return frozenset(keys)


def verifiable_keys(visit: VisitFacts) -> frozenset[str]:
    """The visit date and every answered form key of the visit's required items."""
    return _verifiable_universe(visit.code) & (visit.answered | {"date"})


@lru_cache(maxsize=4096)
def _completeness(code: str, answered: frozenset[str], not_done: frozenset[str]
                  ) -> tuple[tuple[str, ...], frozenset[str]]:
    """(required items missing, verifiable keys) of a visit; many visits share the same answers."""
    return edit_checks.missing_required(code, answered, not_done), _verifiable_universe(code) & (answered | {"date"})


def _query_counts(queries: list[QueryFacts] | tuple[QueryFacts, ...]) -> tuple[int, int]:
    """(open, answered) among the queries."""
    if not queries:
        return 0, 0
    return sum(q.status == OPEN_QUERY for q in queries), sum(q.status == ANSWERED_QUERY for q in queries)


def _performed_cell(base: dict[str, Any], visit: VisitFacts | None, subject_locked: bool) -> Cell:
    """Rungs 3-7 of a performed visit (visit None: the infusion was given, the form never entered)."""
    if visit is None:
        missing = edit_checks.required_fields(base["column"])
        verifiable, verified = frozenset({"date"}), frozenset()
        signed = locked = False
    else:
        missing, verifiable = _completeness(visit.code, visit.answered, visit.not_done)
        verified = verifiable & visit.verified
        signed, locked = visit.signed, visit.locked
    counts = {"missing": missing, "verifiable": len(verifiable), "verified": len(verified), "signed": signed}
    if locked or subject_locked:
        return Cell(**base, **counts, status=LOCKED, reason="Performed and locked: read-only until unlocked.")
    if signed:
        return Cell(**base, **counts, status=SIGNED, reason="Performed and signed by the investigator.")
    if missing:
        what = "the visit form was not entered" if visit is None else f"{len(missing)} required item(s) missing"
        return Cell(**base, **counts, status=INCOMPLETE, reason=f"Performed; {what}.")
    if verified == verifiable:
        return Cell(**base, **counts, status=VERIFIED, reason="Complete and every value source-verified.")
    return Cell(**base, **counts, status=COMPLETE,
                reason=f"Complete; {len(verified)} of {len(verifiable)} values source-verified.")


def _visit_cell(facts: SubjectFacts, code: str, calendar_status: str | None, window: DateWindow | None,
                visit: VisitFacts | None, queries: list[QueryFacts]) -> Cell:
    opened, answered = _query_counts(queries)
    base: dict[str, Any] = {
        "subject_id": facts.subject_id, "column": code, "window": window,
        "due": window.target if window is not None else None,
        "date": visit.date if visit is not None else None,
        "record_id": visit.record_id if visit is not None else None,
        "open_queries": opened, "answered_queries": answered,
    }
    if visit is not None and visit.date is None and visit.missed:
        return Cell(**base, status=MISSED, signed=visit.signed, reason="Declared missed by the site.")
    performed = visit is not None and visit.date is not None
    if calendar_status in (DONE_IN_WINDOW, DONE_OUT_OF_WINDOW) or performed:
        if window is not None and base["date"] is None:  # the infusion stands for the visit
            base["date"] = next((i.actual_date for i in facts.infusions
                                 if i.number == (1 if code == "D0" else 2) and i.given), None)
        base["in_window"] = window.contains(base["date"]) if window is not None and base["date"] else None
        return _performed_cell(base, visit, facts.locked)
    if calendar_status == CAL_NOT_APPLICABLE:
        return Cell(**base, status=NOT_APPLICABLE, reason="After the subject's study end.")
    if calendar_status == CAL_MISSED:
        return Cell(**base, status=MISSED, reason="Declared missed by the site.")
    if calendar_status == CAL_OVERDUE:
        return Cell(**base, status=OVERDUE, reason="The window has closed and nothing is recorded.")
    if calendar_status == CAL_DUE:
        return Cell(**base, status=DUE, reason="The window is open.")
    return Cell(**base, status=NOT_DUE, reason="The window has not opened yet." if window is not None
                else "Not scheduled yet: infusion 1 has no date.")


def _log_cell(facts: SubjectFacts, log: str, as_of: date, end: StudyEnd | None, day0_given: bool,
              queries: list[QueryFacts]) -> Cell:
    found = facts.logs.get(log, LogFacts())
    opened, answered = _query_counts(queries)
    base: dict[str, Any] = {"subject_id": facts.subject_id, "column": log, "date": found.latest,
                            "open_queries": opened, "answered_queries": answered}
    missing = tuple(sorted({k for r in found.suspect_rows for k in record_checks.missing_required(log, r)}))
    if facts.locked:
        return Cell(**base, missing=missing, status=LOCKED, reason="Locked: read-only until unlocked.")
    if not found.rows and not day0_given:
        return Cell(**base, status=NOT_DUE, reason="Nothing recorded; infusion 1 not given yet.")
    incomplete_rows = sum(bool(record_checks.missing_required(log, r)) for r in found.suspect_rows)
    if incomplete_rows:
        return Cell(**base, missing=missing, status=INCOMPLETE,
                    reason=f"{incomplete_rows} row(s) miss a required field.")
    needed = min(as_of, end.on) if end is not None else as_of
    through = facts.steroid_log_complete_through
    if log == "steroids" and through is not None and through < needed:
        return Cell(**base, status=INCOMPLETE,
                    reason=f"Declared complete through {through.isoformat()} only (needed {needed.isoformat()}).")
    return Cell(**base, status=COMPLETE, reason=f"{found.rows} row(s); nothing required missing.")


def subject_status(facts: SubjectFacts, as_of: date, params: ProtocolParams) -> SubjectStatus:
    """The subject's ladder status at every scheduled visit and log as of `as_of` (see the module docstring)."""
    end = study_end(facts.status, facts.withdrawal_date, facts.death_date, facts.consent_date)
    by_code = {v.code: v for v in facts.visits if v.code != "UNS"}
    records = {v.code: VisitRecord(v.code, v.date, v.missed) for v in by_code.values()}
    calendar = {v.code: v for v in build_schedule(facts.infusions, records, as_of, params, end)}
    queries_by_record: dict[tuple[str, int], list[QueryFacts]] = {}
    by_table: dict[str, list[QueryFacts]] = {}
    for q in facts.queries:
        queries_by_record.setdefault((q.table, q.record_id), []).append(q)
        by_table.setdefault(q.table, []).append(q)
    cells = []
    for visit_def in params.visits:
        scheduled = calendar.get(visit_def.code)
        visit = by_code.get(visit_def.code)
        status = scheduled.status if scheduled is not None else None
        if scheduled is None and visit is None and end is not None and (end.why != "screen_failure"
                                                                        or visit_def.code != "SCR"):
            status = CAL_NOT_APPLICABLE
        queries = queries_by_record.get((VISITS_TABLE, visit.record_id), []) if visit is not None else []
        cells.append(_visit_cell(facts, visit_def.code, status, scheduled.window if scheduled else None, visit,
                                 queries))
    anchor = anchors(facts.infusions, params)
    day0_given = anchor is not None and anchor.day0_actual and anchor.day0 <= as_of
    cells.extend(_log_cell(facts, log, as_of, end, day0_given, by_table.get(log, [])) for log in LOGS)
    opened, answered = _query_counts(facts.queries)
    return SubjectStatus(facts.subject_id, facts.subgroup, facts.status, tuple(cells),
                         day0=anchor.day0 if anchor is not None else None, enrolled=day0_given,
                         last_change_utc=facts.last_change_utc, open_queries=opened, answered_queries=answered)


def study_status(subjects: Iterable[SubjectFacts], as_of: date, params: ProtocolParams) -> list[SubjectStatus]:
    """`subject_status` of every subject, in the order given."""
    return [subject_status(f, as_of, params) for f in subjects]
