"""One subject's record placed on the study-day axis (endpoints.md §0, §1, §8.1, §8.3, §8.10).

`build_timeline` is computed once per evaluation; every endpoint reads it. Everything dated after `as_of` is
dropped here, so no endpoint has to remember to; so is a visit dated after the death date (§8.25). Visits on the
same date are ordered UNS first, then scheduled visits in schedule order (so a D0 visit is the last baseline
candidate of Day 0), then by their order in the dossier (§8.23).

Without Day 0 (`day0 is None`: infusion 1 not given as of `as_of`) the day-based lookups are empty; every
endpoint applies the "No Day 0" rule (`no_day0_outcome`) first.

`EvaluationContext` bundles what each endpoint function receives: `fn(ctx) -> EndpointResult`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from endpoints import schedule, sledai, vocab
from endpoints.dossier import Dossier, FlareEvent, Hospitalisation, Medication, RenalReplacement, Visit
from endpoints.params import ProtocolParams
from endpoints.results import NOT_EVALUABLE, PENDING
from endpoints.schedule import VisitWindow
from endpoints.steroids import SteroidTable, build_steroid_table

T = TypeVar("T")
BASELINE_CODES = ("SCR", "D0", "UNS")
_CODE_RANK = {code: i for i, code in enumerate(vocab.SCHEDULED_VISIT_CODES)}


@dataclass(frozen=True)
class DatedVisit:
    """A performed visit with its date and study day; `index` is its position in the dossier."""

    visit: Visit
    date: date
    day: int
    index: int

    @property
    def code(self) -> str:
        return self.visit.code


@dataclass(frozen=True)
class ScheduledVisit:
    """The performed visit of a scheduled code, with its window; `out_of_window` is a warning only."""

    code: str
    dated: DatedVisit
    window: VisitWindow
    out_of_window: bool

    @property
    def visit(self) -> Visit:
        return self.dated.visit

    @property
    def day(self) -> int:
        return self.dated.day

    @property
    def date(self) -> date:
        return self.dated.date


@dataclass(frozen=True)
class LabPoint:
    """One lab value at one assessment; `not_attributable` = the investigator's "not attributable to SLE" mark."""

    key: str
    value: Any
    day: int
    date: date
    code: str
    not_attributable: bool


def has_efficacy_value(v: Visit) -> bool:
    """§8.1: any lab value, SLEDAI-2K descriptor, PGA, BILAG grade, SFI or LLDAS answer, or sediment_inactive."""
    labs = v.labs
    if any(getattr(labs, k) is not None for k in vocab.LAB_KEYS):
        return True
    if v.sledai or v.pga_tenths is not None or v.bilag or v.sediment_inactive is not None:
        return True
    if v.sfi.organ_new_worse or v.sfi.worse_thrombocytopenia is not None:
        return True
    return any(getattr(v.lldas, q) is not None for q in vocab.LLDAS_QUESTIONS)


@dataclass
class Timeline:
    """Study-day view of one dossier as of `as_of`. Build with `build_timeline`."""

    dossier: Dossier
    params: ProtocolParams
    as_of: date
    day0: date | None
    as_of_day: int | None
    i2_actual_day: int | None  # infusion 2 given (full or partial) on this day; None if not given
    i2_day: int  # anchor of post-infusion-2 visits (actual or nominal, per anchor_post_i2_on_actual)
    withdrawal_date: date | None  # only when dated ≤ as_of
    death_date: date | None  # only when dated ≤ as_of
    withdrawal_day: int | None
    death_day: int | None
    withdrawn: bool  # withdrawal dated ≤ as_of, or status "withdrawn" without a date
    horizon: int  # H: W24 visit day if performed, else W24 target + upper window
    visits: tuple[DatedVisit, ...]  # performed visits dated ≤ as_of, ordered
    assessments: tuple[DatedVisit, ...]  # §8.1 assessments (including pre-Day-0 ones), ordered
    medications: tuple[Medication, ...]  # started ≤ as_of
    hospitalisations: tuple[Hospitalisation, ...]  # admitted ≤ as_of
    renal_replacement: tuple[RenalReplacement, ...]  # started ≤ as_of
    events: tuple[FlareEvent, ...]  # onset ≤ as_of
    complete_through: date | None  # steroid log complete-through, capped at as_of (§8.15)
    _scheduled: dict[str, ScheduledVisit] = field(default_factory=dict, repr=False)
    _records: dict[str, Visit] = field(default_factory=dict, repr=False)
    _lab_cache: dict[str, tuple[LabPoint, ...]] = field(default_factory=dict, repr=False)
    # memos filled as asked (not copied by dataclasses.replace)
    _windows: dict[str, VisitWindow] = field(default_factory=dict, init=False, repr=False)
    _due_days: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    _baseline_visits: tuple[DatedVisit, ...] | None = field(default=None, init=False, repr=False)

    # -- days -------------------------------------------------------------------------------------------
    def study_day(self, when: date) -> int:
        """Study day of a date (§1.1); requires Day 0."""
        assert self.day0 is not None, "no Day 0"
        return (when - self.day0).days

    def date_of(self, day: int) -> date:
        assert self.day0 is not None, "no Day 0"
        return schedule.day_to_date(self.day0, day)

    @property
    def died(self) -> bool:
        return self.death_date is not None

    @property
    def on_study(self) -> bool:
        """Neither withdrawn nor dead as of `as_of`."""
        return not self.withdrawn and not self.died

    @property
    def off_study_day(self) -> int | None:
        """Earliest of withdrawal and death day (None if on study or the withdrawal has no date)."""
        days = [d for d in (self.withdrawal_day, self.death_day) if d is not None]
        return min(days) if days else None

    def off_study_text(self) -> str:
        """'died day 60' / 'withdrawn day 95' (death named first), or '' while on study."""
        if self.death_day is not None:
            return f"died day {self.death_day}"
        if self.withdrawal_day is not None:
            return f"withdrawn day {self.withdrawal_day}"
        return "withdrawn" if self.withdrawn else ""

    def off_study_cause(self) -> str | None:
        """'death' or 'withdrawal' (for nonresponder imputation), None while on study."""
        if self.died:
            return "death"
        return "withdrawal" if self.withdrawn else None

    # -- schedule ---------------------------------------------------------------------------------------
    def window(self, code: str) -> VisitWindow:
        window = self._windows.get(code)
        if window is None:
            window = self._windows[code] = schedule.visit_window(code, self.i2_day, self.params)
        return window

    def due_day(self, code: str) -> int:
        due = self._due_days.get(code)
        if due is None:
            due = self._due_days[code] = schedule.due_day(code, self.i2_day, self.params)
        return due

    def is_pending_window(self, due: int) -> bool:
        """§0 rule 4: `as_of` ≤ due day and the subject has not died or withdrawn."""
        return self.as_of_day is not None and self.as_of_day <= due and self.on_study

    def visit_record(self, code: str) -> Visit | None:
        """The dossier record of a scheduled code (performed ≤ as_of, or declared missed), None if absent."""
        return self._records.get(code)

    def scheduled(self, code: str) -> ScheduledVisit | None:
        """The "Week N" assessment (§1.2): the performed visit with that code dated ≤ as_of.

        None when it is missing, declared missed, or out of window under `reject_out_of_window`.
        """
        sv = self._scheduled.get(code)
        if sv is None or (sv.out_of_window and self.params.reject_out_of_window):
            return None
        return sv

    def out_of_window_visit(self, code: str) -> ScheduledVisit | None:
        """The performed visit of a code if it lies outside its window (whether or not it is rejected)."""
        sv = self._scheduled.get(code)
        return sv if sv is not None and sv.out_of_window else None

    def missing_visit_text(self, code: str) -> str:
        """Why the scheduled visit is unavailable, for reasons: 'W24 visit missing', '... out of window', ..."""
        sv = self._scheduled.get(code)
        if sv is not None and sv.out_of_window:
            w = sv.window
            return f"{code} visit on day {sv.day} is outside its window (days {w.earliest}–{w.latest}) and rejected"
        rec = self._records.get(code)
        if rec is not None and rec.missed:
            return f"{code} visit declared missed" + (f" ({rec.reason})" if rec.reason else "")
        return f"{code} visit missing"

    def window_warnings(self, codes: tuple[str, ...] | None = None) -> list[str]:
        """Out-of-window warnings for performed scheduled visits (only `codes`, when given)."""
        out = []
        for sv in self._scheduled.values():
            if sv.out_of_window and (codes is None or sv.code in codes):
                w = sv.window
                out.append(f"{sv.code} on day {sv.day} is outside its window (days {w.earliest}–{w.latest})")
        return out

    # -- values across assessments ------------------------------------------------------------------------
    def lab_series(self, key: str) -> tuple[LabPoint, ...]:
        """Every recorded value of a lab across assessments (pre-Day-0 included), in day order."""
        cached = self._lab_cache.get(key)
        if cached is not None:
            return cached
        points = []
        for dv in self.assessments:
            value = getattr(dv.visit.labs, key)
            if value is not None:
                points.append(LabPoint(key, value, dv.day, dv.date, dv.code, key in dv.visit.labs_not_attributable))
        series = tuple(points)
        self._lab_cache[key] = series
        return series

    def lab_at(self, dv: DatedVisit, key: str) -> Any:
        return getattr(dv.visit.labs, key)

    def baseline_visits(self) -> tuple[DatedVisit, ...]:
        """§8.3: performed SCR, D0 or UNS visits dated on or before Day 0, ordered."""
        if self._baseline_visits is None:
            self._baseline_visits = tuple(dv for dv in self.visits if dv.day <= 0 and dv.code in BASELINE_CODES)
        return self._baseline_visits

    def baseline_lab(self, key: str) -> LabPoint | None:
        """Baseline of a lab (§1.2): the last value on or before Day 0 from SCR, D0 or UNS."""
        for p in reversed(self.lab_series(key)):
            if p.day <= 0 and p.code in BASELINE_CODES:
                return p
        return None

    def baseline_sledai(self) -> DatedVisit | None:
        """SLEDAI-2K baseline: the last baseline visit with all 24 descriptors answered."""
        for dv in reversed(self.baseline_visits()):
            if sledai.is_complete(dv.visit.sledai):
                return dv
        return None

    def baseline_pga(self) -> DatedVisit | None:
        """Last baseline visit with a PGA."""
        for dv in reversed(self.baseline_visits()):
            if dv.visit.pga_tenths is not None:
                return dv
        return None

    def baseline_bilag(self, domain: str) -> DatedVisit | None:
        """Last baseline visit grading this BILAG-2004 domain (each domain separately)."""
        for dv in reversed(self.baseline_visits()):
            if dv.visit.bilag.get(domain) is not None:
                return dv
        return None

    def previous_visit(self, current: DatedVisit, predicate: Any) -> DatedVisit | None:
        """Latest performed visit ordered before `current` (§8.23 same-day order) for which predicate(visit) holds."""
        position = next(i for i, dv in enumerate(self.visits) if dv.index == current.index)
        for dv in reversed(self.visits[:position]):
            if predicate(dv.visit):
                return dv
        return None

    def weight_on(self, day: int) -> float | None:
        """§8.10: the latest visit weight on or before `day`, else the subject's baseline weight."""
        best = None
        for dv in self.visits:
            if dv.day > day:
                break
            if dv.visit.weight_kg is not None:
                best = dv.visit.weight_kg
        return best if best is not None else self.dossier.subject.weight_kg

    def rescue_records(self, first_day: int, last_day: int) -> tuple[Medication, ...]:
        """Medications flagged `rescue` starting on study days first_day … last_day (and ≤ as_of)."""
        out = []
        for m in self.medications:
            if m.rescue and first_day <= self.study_day(m.start) <= last_day:
                out.append(m)
        return tuple(out)

    # -- No Day 0 -----------------------------------------------------------------------------------------
    def no_day0_outcome(self) -> tuple[str, str]:
        """§0 "No Day 0": (pending, ...) while infusion 1 may still come, else (not_evaluable, ...)."""
        subject = self.dossier.subject
        if subject.status == "screen_failure":
            return NOT_EVALUABLE, "infusion 1 was never given (screen failure)"
        if self.death_date is not None:
            return NOT_EVALUABLE, f"infusion 1 was never given (died {self.death_date.isoformat()})"
        if self.withdrawn:
            when = f" {self.withdrawal_date.isoformat()}" if self.withdrawal_date else ""
            return NOT_EVALUABLE, f"infusion 1 was never given (withdrawn{when})"
        return PENDING, "infusion 1 not yet given"


def _visit_order(indexed: tuple[int, Visit]) -> tuple[date, int, int]:
    i, v = indexed
    assert v.date is not None
    rank = -1 if v.code == "UNS" else _CODE_RANK.get(v.code, len(_CODE_RANK))
    return v.date, rank, i


def _given(d: Dossier, number: int, as_of: date) -> date | None:
    for inf in d.infusions:
        if inf.number == number and inf.date is not None and inf.completion != "not_given" and inf.date <= as_of:
            return inf.date
    return None


def build_timeline(dossier: Dossier, params: ProtocolParams, as_of: date | None = None) -> Timeline:
    """Place the dossier on the study-day axis as of `as_of` (default: the dossier's own `as_of`)."""
    as_of = as_of or dossier.as_of
    subject = dossier.subject
    day0 = _given(dossier, 1, as_of)
    cap = dossier.steroid_log_complete_through or as_of
    complete_through = min(cap, as_of)
    withdrawal_date = subject.withdrawal_date if subject.withdrawal_date and subject.withdrawal_date <= as_of else None
    death_date = subject.death_date if subject.death_date and subject.death_date <= as_of else None
    withdrawn = withdrawal_date is not None or (subject.status == "withdrawn" and subject.withdrawal_date is None)
    last = death_date or as_of  # §8.25: an assessment dated after death is ignored
    dated = [(i, v) for i, v in enumerate(dossier.visits) if v.date is not None and not v.missed and v.date <= last]
    performed = sorted(dated, key=_visit_order)
    records: dict[str, Visit] = {}
    for _, v in performed:
        records.setdefault(v.code, v)
    for v in dossier.visits:
        if v.missed:
            records.setdefault(v.code, v)
    records.pop("UNS", None)
    common: dict[str, Any] = {
        "dossier": dossier, "params": params, "as_of": as_of, "withdrawal_date": withdrawal_date,
        "death_date": death_date, "withdrawn": withdrawn, "complete_through": complete_through, "_records": records,
    }
    if day0 is None:
        nominal = schedule.nominal_i2_day(params)
        return Timeline(
            day0=None, as_of_day=None, i2_actual_day=None, i2_day=nominal, withdrawal_day=None, death_day=None,
            horizon=schedule.visit_window("W24", nominal, params).latest, visits=(), assessments=(), medications=(),
            hospitalisations=(), renal_replacement=(), events=(), **common,
        )
    i2_date = _given(dossier, 2, as_of)
    i2_actual = (i2_date - day0).days if i2_date else None
    i2_day = schedule.effective_i2_day(i2_actual, params)
    visits = tuple(DatedVisit(v, v.date, (v.date - day0).days, i) for i, v in performed)
    scheduled: dict[str, ScheduledVisit] = {}
    for dv in visits:
        if dv.code == "UNS" or dv.code in scheduled:
            continue
        w = schedule.visit_window(dv.code, i2_day, params)
        scheduled[dv.code] = ScheduledVisit(dv.code, dv, w, not w.contains(dv.day))
    w24 = scheduled.get("W24")
    if w24 is not None and not (w24.out_of_window and params.reject_out_of_window):
        horizon = w24.day
    else:
        horizon = schedule.visit_window("W24", i2_day, params).latest
    return Timeline(
        day0=day0,
        as_of_day=(as_of - day0).days,
        i2_actual_day=i2_actual,
        i2_day=i2_day,
        withdrawal_day=(withdrawal_date - day0).days if withdrawal_date else None,
        death_day=(death_date - day0).days if death_date else None,
        horizon=horizon,
        visits=visits,
        assessments=tuple(dv for dv in visits if has_efficacy_value(dv.visit)),
        medications=tuple(m for m in dossier.medications if m.start <= as_of),
        hospitalisations=tuple(h for h in dossier.hospitalisations if h.admission <= as_of),
        renal_replacement=tuple(r for r in dossier.renal_replacement if r.start <= as_of),
        events=tuple(e for e in dossier.events if e.date <= as_of),
        _scheduled=scheduled,
        **common,
    )


@dataclass(frozen=True)
class EvaluationContext:
    """What every endpoint function receives: `fn(ctx) -> EndpointResult`. Build once with `build_context`.

    `steroids` is the day → pred-eq dose table (§2.1), computed once; it is empty without Day 0.
    """

    dossier: Dossier
    params: ProtocolParams
    timeline: Timeline
    steroids: SteroidTable
    _shared: dict[Callable[..., Any], Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def as_of(self) -> date:
        return self.timeline.as_of

    def shared(self, finding: Callable[[EvaluationContext], T]) -> T:
        """`finding(self)`, computed once per context: for an immutable finding several endpoints read (e.g. the
        severe flares, read by the flare and the treatment-failure endpoints)."""
        try:
            return self._shared[finding]
        except KeyError:
            value = self._shared[finding] = finding(self)
            return value


def build_context(dossier: Dossier, params: ProtocolParams, as_of: date | None = None) -> EvaluationContext:
    """Build the timeline and the steroid table once for one subject."""
    tl = build_timeline(dossier, params, as_of)
    return EvaluationContext(dossier, params, tl, build_steroid_table(tl))
