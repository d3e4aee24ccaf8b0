"""A subject's visit calendar: target dates anchored on the infusions, each visit's status, infusion dose.

Pure functions over plain values (issue 4; windows from endpoints.schedule, endpoints.md §1.1-1.2). Day 0 is
infusion 1's actual date once given, its planned date before that. Visits anchored on infusion 2 follow its
actual date once given, its planned date before that, and Week 12 (day 84) when neither is known or it was
not given (or when `anchor_post_i2_on_actual` is false). "Today" is an argument.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from endpoints.params import ProtocolParams
from endpoints.schedule import DateWindow, VisitWindow, date_to_day, nominal_i2_day, visit_date_window, visit_window

UPCOMING = "upcoming"
DUE = "due"
OVERDUE = "overdue"
DONE_IN_WINDOW = "done_in_window"
DONE_OUT_OF_WINDOW = "done_out_of_window"
MISSED = "missed"
NOT_APPLICABLE = "not_applicable"
VISIT_STATUSES = (UPCOMING, DUE, OVERDUE, DONE_IN_WINDOW, DONE_OUT_OF_WINDOW, MISSED, NOT_APPLICABLE)
OPEN_STATUSES = (UPCOMING, DUE, OVERDUE)
INFUSION_VISITS = {"D0": 1, "W12": 2}  # visit code -> the infusion given at it

WEIGHT_LIMITS_KG = (25.0, 250.0)  # the registry's plausible adult range (0 and 500 kg are refused)


@dataclass(frozen=True)
class InfusionDates:
    """What the schedule needs of one infusion: planned and actual dates, and whether it was given."""

    number: int
    planned_date: date | None = None
    actual_date: date | None = None
    completion: str | None = None  # "full" | "partial" | "not_given" | None

    @property
    def given(self) -> bool:
        return self.actual_date is not None and self.completion != "not_given"


@dataclass(frozen=True)
class Anchors:
    """Day 0 and the infusion-2 study day used for the targets, and whether each is an actual date."""

    day0: date
    day0_actual: bool
    i2_day: int
    i2_source: str  # "actual" | "planned" | "nominal"


@dataclass(frozen=True)
class VisitRecord:
    """What was recorded for a visit: its date, or a declared miss with the reason."""

    code: str
    date: date | None = None
    missed: bool = False
    missed_reason: str | None = None
    window_comment: str | None = None


@dataclass(frozen=True)
class ScheduledVisit:
    """One visit of the calendar with its status. `days_outside` < 0 = before the window, > 0 = after it."""

    code: str
    window: DateWindow
    status: str
    actual_date: date | None = None
    days_outside: int = 0
    missed_reason: str | None = None
    window_comment: str | None = None
    previous_target: date | None = None  # the target before the last schedule change, when it moved

    @property
    def target(self) -> date:
        return self.window.target


@dataclass(frozen=True)
class StudyEnd:
    """When the subject's follow-up stops: visits whose window opens after `on` no longer apply."""

    on: date
    why: str  # "withdrawn" | "death" | "screen_failure"


def anchors(infusions: tuple[InfusionDates, ...] | list[InfusionDates], params: ProtocolParams) -> Anchors | None:
    """Day 0 and I2 from the infusions; None while infusion 1 has neither an actual nor a planned date."""
    by_number = {i.number: i for i in infusions}
    first = by_number.get(1)
    if first is None or (first.actual_date is None and first.planned_date is None):
        return None
    day0_actual = first.actual_date is not None
    day0 = first.actual_date if first.actual_date is not None else first.planned_date
    assert day0 is not None
    second = by_number.get(2)
    nominal = nominal_i2_day(params)
    if second is None or not params.anchor_post_i2_on_actual or second.completion == "not_given":
        return Anchors(day0, day0_actual, nominal, "nominal")
    if second.given:
        assert second.actual_date is not None
        return Anchors(day0, day0_actual, date_to_day(day0, second.actual_date), "actual")
    if second.planned_date is not None:
        return Anchors(day0, day0_actual, date_to_day(day0, second.planned_date), "planned")
    return Anchors(day0, day0_actual, nominal, "nominal")


def study_end(status: str, withdrawal_date: date | None, death_date: date | None,
              consent_date: date | None) -> StudyEnd | None:
    """The date after which no further visit applies (earliest of death and withdrawal; screen failure: consent)."""
    ends = [StudyEnd(d, why) for d, why in ((death_date, "death"), (withdrawal_date, "withdrawn")) if d is not None]
    if ends:
        return min(ends, key=lambda e: e.on)
    if status == "screen_failure" and consent_date is not None:
        return StudyEnd(consent_date, "screen_failure")
    return None


def visit_status(window: DateWindow, record: VisitRecord | None, today: date,
                 end: StudyEnd | None = None, day0_given: bool = True) -> tuple[str, int]:
    """(status, days outside the window) of one visit as of `today`.

    A recorded date is done in or out of window whatever the subject's status; a declared miss is missed; a
    visit not done whose window closes after the study end (and, for a screen failure, every visit after
    screening) is not applicable; otherwise upcoming before the window, due inside it, overdue after it —
    except screening, which is still due (never overdue) while infusion 1 has not been given: its window
    closes the day before Day 0, and Day 0 is only planned.
    """
    if record is not None and record.date is not None:
        if record.date < window.earliest:
            return DONE_OUT_OF_WINDOW, (record.date - window.earliest).days
        if record.date > window.latest:
            return DONE_OUT_OF_WINDOW, (record.date - window.latest).days
        return DONE_IN_WINDOW, 0
    if record is not None and record.missed:
        return MISSED, 0
    if end is not None:
        after_end = window.code != "SCR" if end.why == "screen_failure" else window.latest >= end.on
        if after_end:
            return NOT_APPLICABLE, 0
    if today < window.earliest:
        return UPCOMING, 0
    if today <= window.latest or (window.code == "SCR" and not day0_given):
        return DUE, 0
    return OVERDUE, 0


class WindowTable:
    """Study-day windows of every visit for each I2 day met, computed once (for calendars of many subjects)."""

    def __init__(self, params: ProtocolParams) -> None:
        self.params = params
        self._by_i2: dict[int, tuple[VisitWindow, ...]] = {}

    def windows(self, i2_day: int) -> tuple[VisitWindow, ...]:
        found = self._by_i2.get(i2_day)
        if found is None:
            found = tuple(visit_window(v.code, i2_day, self.params) for v in self.params.visits)
            self._by_i2[i2_day] = found
        return found


def open_visits_until(
    infusions: tuple[InfusionDates, ...] | list[InfusionDates],
    records: dict[str, VisitRecord],
    today: date,
    last: date,
    table: WindowTable,
    end: StudyEnd | None = None,
) -> list[ScheduledVisit]:
    """Only the open visits (upcoming, due, overdue) whose window opens on or before `last`: the same
    statuses as `build_schedule`, without building the visits that cannot be open (for lists of many subjects)."""
    anchor = anchors(infusions, table.params)
    if anchor is None:
        return []
    records = {**_infusion_visits(infusions), **records}
    last_day = date_to_day(anchor.day0, last)
    out = []
    for w in table.windows(anchor.i2_day):
        record = records.get(w.code)
        if w.earliest > last_day or (record is not None and (record.date is not None or record.missed)):
            continue
        window = DateWindow(w.code, anchor.day0 + timedelta(days=w.target), anchor.day0 + timedelta(days=w.earliest),
                            anchor.day0 + timedelta(days=w.latest))
        status, _ = visit_status(window, None, today, end, anchor.day0_actual)
        if status in OPEN_STATUSES:
            out.append(ScheduledVisit(code=w.code, window=window, status=status))
    return out


def date_windows(anchor: Anchors, params: ProtocolParams) -> list[DateWindow]:
    """Target date and window of every scheduled visit of the protocol, in protocol order."""
    return [visit_date_window(v.code, anchor.day0, anchor.i2_day, params) for v in params.visits]


def _infusion_visits(infusions: tuple[InfusionDates, ...] | list[InfusionDates]) -> dict[str, VisitRecord]:
    """D0 and W12 are the infusion visits: a given infusion counts as its visit when none is recorded."""
    return {code: VisitRecord(code, i.actual_date) for i in infusions for code, number in INFUSION_VISITS.items()
            if i.number == number and i.given}


def build_schedule(
    infusions: tuple[InfusionDates, ...] | list[InfusionDates],
    records: dict[str, VisitRecord],
    today: date,
    params: ProtocolParams,
    end: StudyEnd | None = None,
    previous_infusions: tuple[InfusionDates, ...] | list[InfusionDates] | None = None,
) -> list[ScheduledVisit]:
    """The subject's visit calendar (empty while infusion 1 is not even planned).

    A given infusion stands for its visit (D0, W12) when that visit has no record of its own.
    `previous_infusions` is the infusion state before the last schedule change: each visit whose target
    differs from the one it gave carries it as `previous_target`.
    """
    anchor = anchors(infusions, params)
    if anchor is None:
        return []
    before: dict[str, date] = {}
    if previous_infusions is not None:
        old = anchors(previous_infusions, params)
        if old is not None:
            before = {w.code: w.target for w in date_windows(old, params)}
    records = {**_infusion_visits(infusions), **records}
    out = []
    for window in date_windows(anchor, params):
        record = records.get(window.code)
        status, outside = visit_status(window, record, today, end, anchor.day0_actual)
        moved_from = before.get(window.code)
        out.append(ScheduledVisit(
            code=window.code, window=window, status=status,
            actual_date=record.date if record else None, days_outside=outside,
            missed_reason=record.missed_reason if record and record.missed else None,
            window_comment=record.window_comment if record else None,
            previous_target=moved_from if moved_from is not None and moved_from != window.target else None,
        ))
    return out


def moved_visits(before: list[ScheduledVisit], after: list[ScheduledVisit]) -> list[tuple[str, date, date]]:
    """(code, old target, new target) of every visit whose target date differs between two schedules."""
    old = {v.code: v.target for v in before}
    return [(v.code, old[v.code], v.target) for v in after if v.code in old and old[v.code] != v.target]


def proposed_infusion2_date(infusion1_actual: date, params: ProtocolParams) -> date:
    """Infusion 2 is proposed at the Week 12 target after infusion 1's actual date."""
    return infusion1_actual + timedelta(days=nominal_i2_day(params))


def dose_cells(weight_kg: float, params: ProtocolParams) -> float:
    """Cells to infuse: `dose_cells_per_kg` (2.0 × 10^6) × body weight."""
    return params.dose_cells_per_kg * weight_kg


def weight_for_infusion(weights: list[tuple[date, float]], infusion_date: date,
                        params: ProtocolParams) -> tuple[date, float] | None:
    """The latest weight measured on or before the infusion date and at most `infusion_weight_max_age_days`
    old; None when there is none (a new weight must be measured)."""
    oldest = infusion_date - timedelta(days=params.infusion_weight_max_age_days)
    usable = [(d, w) for d, w in weights if oldest <= d <= infusion_date]
    return max(usable, key=lambda dw: dw[0]) if usable else None


def weight_error(weight_kg: float) -> str | None:
    """Why a body weight cannot be used (None when plausible)."""
    low, high = WEIGHT_LIMITS_KG
    if not low <= weight_kg <= high:
        return f"A weight of {weight_kg:g} kg is not possible here (allowed {low:g}–{high:g} kg)."
    return None


def due_this_week(visit: ScheduledVisit, today: date, days: int = 7) -> bool:
    """Open (not done, missed or not applicable), not yet overdue, and its window meets today … today + days − 1."""
    if visit.status not in (UPCOMING, DUE):
        return False
    return visit.window.earliest <= today + timedelta(days=days - 1) and visit.window.latest >= today
