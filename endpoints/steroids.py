"""Daily prednisone-equivalent dose D(d) from the steroid log (endpoints.md §2.1, §8.14, §8.15, §4 period helper).

`build_steroid_table(timeline)` turns the log into a sorted list of constant-dose segments once per evaluation;
day queries are a binary search. Doses are exact fractions (mg × doses/day × factor from `steroid_factors`),
summed over overlapping rows, then rounded half-up to 3 decimals and kept as integer thousandths of a mg.

Counted rows: systemic routes only (`steroid_systemic_routes`); `premedication`/`other_non_sle` rows dropped
when `exclude_non_sle_steroids`; rows starting after `as_of` dropped; a stop after `as_of` is cut at `as_of`;
an ongoing row runs to the log's complete-through date (capped at `as_of`), or only its start day if it starts
after that date. A day is *evaluable* when it is ≤ complete-through and no row of an unknown drug covers it.
A recorded dose above the threshold is a fact even on a non-evaluable day: doses only add up.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Protocol

from endpoints.dossier import Dossier, SteroidRow
from endpoints.params import ProtocolParams
from endpoints.schedule import VisitWindow

NON_SLE_INDICATIONS = ("premedication", "other_non_sle")
FLARE_INDICATIONS = ("flare_renal", "flare_extrarenal")


def exact(value: float | int | str) -> Fraction:
    """The decimal a number was written as, as an exact fraction (0.1 → 1/10, not the binary float)."""
    return Fraction(Decimal(str(value)))


def milli_half_up(mg: Fraction) -> int:
    """mg rounded half-up to 3 decimals, as integer thousandths of a mg (§8.14)."""
    return math.floor(mg * 1000 + Fraction(1, 2))


def milli_to_decimal(milli: int) -> Decimal:
    return Decimal(milli).scaleb(-3)


def threshold_milli(mg: float) -> Fraction:
    """A mg threshold in thousandths of a mg, exactly."""
    return exact(mg) * 1000


@lru_cache(maxsize=64)
def floor_threshold_milli(mg: float) -> int:
    """floor(threshold in thousandths): an integer milli dose is above the threshold iff it is above this."""
    return math.floor(threshold_milli(mg))


@dataclass(frozen=True)
class CountedRow:
    """A log row that counts for endpoints, on the study-day axis; `daily` is None for an unknown drug."""

    row: SteroidRow
    start_day: int
    stop_day: int  # inclusive, after capping
    daily: Fraction | None

    @property
    def is_iv(self) -> bool:
        return self.row.route == "iv"

    @property
    def is_flare(self) -> bool:
        return self.row.indication in FLARE_INDICATIONS


@dataclass(frozen=True)
class DoseSegment:
    """Days start … stop with the same covering rows, hence the same dose."""

    start: int
    stop: int
    milli: int  # known pred-eq, rounded half-up, thousandths of a mg
    unknown_drugs: tuple[str, ...]
    iv_or_flare: bool
    rows: tuple[CountedRow, ...]


@dataclass(frozen=True)
class ExcessCount:
    """Excess days (D(d) > threshold) in a period, and the days whose dose could not be established."""

    first: int
    last: int
    excess_days: tuple[int, ...]
    unevaluable_days: tuple[int, ...]
    longest_run: int  # longest run of consecutive excess days

    @property
    def count(self) -> int:
        return len(self.excess_days)


@dataclass(frozen=True)
class PeriodBound:
    """One end of a steroid period (§4 helper): the visit day if performed, else its target day.

    `final` = the visit was performed, or its due day passed with the subject still on study.
    """

    code: str
    day: int
    performed: bool
    final: bool
    due_day: int


class SteroidTable:
    """Day → pred-eq dose lookups for one subject (build with `build_steroid_table`)."""

    def __init__(
        self, segments: tuple[DoseSegment, ...], complete_through_day: int, threshold_mg: float,
    ) -> None:
        self.segments = segments
        self.complete_through_day = complete_through_day
        self.threshold_milli = threshold_milli(threshold_mg)
        self._above = floor_threshold_milli(threshold_mg)
        self._starts = [s.start for s in segments]

    def segment(self, day: int) -> DoseSegment | None:
        """The segment covering a day, None when no counted row covers it (0 mg)."""
        i = bisect_right(self._starts, day) - 1
        if i >= 0 and self.segments[i].stop >= day:
            return self.segments[i]
        return None

    def known_milli(self, day: int) -> int:
        """Recorded pred-eq of known drugs on a day (thousandths of a mg), whether or not the day is evaluable."""
        seg = self.segment(day)
        return seg.milli if seg else 0

    def evaluable(self, day: int) -> bool:
        """The day's dose is established: day ≤ log complete-through and no unknown drug that day."""
        if day > self.complete_through_day:
            return False
        seg = self.segment(day)
        return seg is None or not seg.unknown_drugs

    def dose_milli(self, day: int) -> int | None:
        """D(d) in thousandths of a mg, None when not evaluable."""
        if day > self.complete_through_day:
            return None
        seg = self.segment(day)
        if seg is None:
            return 0
        return None if seg.unknown_drugs else seg.milli

    def dose_mg(self, day: int) -> Decimal | None:
        """D(d) in mg (3 decimals), None when not evaluable."""
        milli = self.dose_milli(day)
        return None if milli is None else milli_to_decimal(milli)

    def is_excess(self, day: int) -> bool | None:
        """True if D(d) > threshold is recorded; False if the day is evaluable and not above; None if unknown."""
        seg = self.segment(day)
        if seg is not None and seg.milli > self._above:
            return True
        if day > self.complete_through_day:
            return None
        return None if seg is not None and seg.unknown_drugs else False

    def at_most(self, day: int, mg: float) -> bool | None:
        """D(d) ≤ mg: True/False, or None if the dose is not evaluable and the known part is not above mg."""
        known = self.known_milli(day)
        if known > floor_threshold_milli(mg):
            return False
        return True if self.evaluable(day) else None

    def excess_in(self, first: int, last: int) -> ExcessCount:
        """Excess days within [first, last] (inclusive), walked in chunks of days with the same state."""
        excess: list[int] = []
        unknown: list[int] = []
        run = longest = 0
        for day, end in self.chunks(first, last):
            state = self.is_excess(day)
            if state:
                excess.extend(range(day, end + 1))
                run += end - day + 1
                longest = max(longest, run)
            else:
                run = 0
                if state is None:
                    unknown.extend(range(day, end + 1))
        return ExcessCount(first, last, tuple(excess), tuple(unknown), longest)

    def chunks(self, first: int, last: int) -> Iterator[tuple[int, int]]:
        """[first, last] as consecutive (day, end) chunks whose days share the segment cover and the side of
        complete-through, hence every per-day lookup (dose, evaluable, excess)."""
        day = first
        while day <= last:
            end = self._chunk_end(day, last)
            yield day, end
            day = end + 1

    def _chunk_end(self, day: int, last: int) -> int:
        """The last day ≤ `last` with the same segment cover and the same side of complete-through as `day`."""
        i = bisect_right(self._starts, day) - 1
        if i >= 0 and self.segments[i].stop >= day:
            end = self.segments[i].stop
        elif i + 1 < len(self._starts):
            end = self._starts[i + 1] - 1
        else:
            end = last
        if day <= self.complete_through_day:
            end = min(end, self.complete_through_day)
        return min(end, last)

    def iv_or_flare(self, day: int) -> bool:
        """The day is covered by an IV row or a `flare_renal`/`flare_extrarenal` row (S5/S6 one-day exception)."""
        seg = self.segment(day)
        return seg.iv_or_flare if seg else False

    def rows_covering(self, day: int) -> tuple[SteroidRow, ...]:
        seg = self.segment(day)
        return tuple(c.row for c in seg.rows) if seg else ()

    def rows_starting(self, day: int) -> tuple[SteroidRow, ...]:
        seg = self.segment(day)
        return tuple(c.row for c in seg.rows if c.start_day == day) if seg else ()

    def unknown_drugs_in(self, first: int, last: int) -> tuple[str, ...]:
        """Unknown drug names covering any day of [first, last]."""
        names: set[str] = set()
        for seg in self.segments:
            if seg.stop >= first and seg.start <= last:
                names.update(seg.unknown_drugs)
        return tuple(sorted(names))


def row_counts(row: SteroidRow, params: ProtocolParams) -> bool:
    """Whether a log row counts for endpoint doses: a systemic route, and not an excluded non-SLE indication."""
    if row.route not in params.steroid_systemic_routes:
        return False
    return not (params.exclude_non_sle_steroids and row.indication in NON_SLE_INDICATIONS)


def row_daily_pred_eq(row: SteroidRow, params: ProtocolParams) -> Fraction | None:
    """One row's daily prednisone-equivalent, mg × doses/day × factor, exactly (None for an unknown drug)."""
    factor = params.steroid_factors.get(row.drug)
    return None if factor is None else _daily_pred_eq(row.mg_per_dose, row.doses_per_day, factor)


@lru_cache(maxsize=1024)
def _daily_pred_eq(mg_per_dose: float, doses_per_day: float | int, factor: Fraction) -> Fraction:
    return exact(mg_per_dose) * exact(doses_per_day) * factor


def counted_rows(
    rows: tuple[SteroidRow, ...], day0: date, as_of_day: int, complete_through_day: int, params: ProtocolParams,
) -> tuple[CountedRow, ...]:
    """The rows that count for endpoints, placed on study days and capped (module docstring)."""
    out = []
    for r in rows:
        if not row_counts(r, params):
            continue
        start = (r.start - day0).days
        if start > as_of_day:
            continue
        stop = (r.stop - day0).days if r.stop is not None else max(complete_through_day, start)
        stop = min(stop, as_of_day)
        if stop < start:
            continue
        out.append(CountedRow(r, start, stop, row_daily_pred_eq(r, params)))
    return tuple(out)


def segments_of(rows: tuple[CountedRow, ...]) -> tuple[DoseSegment, ...]:
    """Split the covered days into segments of constant row cover (a sweep over start/stop boundaries)."""
    bounds = sorted({r.start_day for r in rows} | {r.stop_day + 1 for r in rows})
    segs = []
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        cover = tuple(r for r in rows if r.start_day <= lo and r.stop_day >= lo)
        if not cover:
            continue
        milli = _milli_total(tuple(r.daily for r in cover if r.daily is not None))
        unknown = tuple(sorted({r.row.drug for r in cover if r.daily is None}))
        iv_or_flare = any(r.is_iv or r.is_flare for r in cover)
        segs.append(DoseSegment(lo, hi - 1, milli, unknown, iv_or_flare, cover))
    return tuple(segs)


@lru_cache(maxsize=4096)
def _milli_total(dailies: tuple[Fraction, ...]) -> int:
    """The exact sum of overlapping rows' daily doses, rounded half-up to thousandths (§8.14)."""
    return milli_half_up(sum(dailies, Fraction(0)))


class TimelineView(Protocol):
    """What the steroid table and the period bounds read of an `endpoints.timeline.Timeline` (which imports this
    module, so it is described here rather than imported)."""

    dossier: Dossier
    params: ProtocolParams
    day0: date | None
    as_of_day: int | None
    complete_through: date | None
    withdrawn: bool
    withdrawal_day: int | None
    death_day: int | None

    def study_day(self, when: date) -> int: ...
    def due_day(self, code: str) -> int: ...
    def window(self, code: str) -> VisitWindow: ...
    def scheduled(self, code: str) -> _Scheduled | None: ...


class _Scheduled(Protocol):
    @property
    def day(self) -> int: ...


def build_steroid_table(tl: TimelineView) -> SteroidTable:
    """The dose table of a timeline; empty (0 mg, nothing evaluable) without Day 0."""
    params = tl.params
    if tl.day0 is None or tl.as_of_day is None:
        return SteroidTable((), -1, params.steroid_threshold_mg)
    ct_day = tl.study_day(tl.complete_through)
    rows = counted_rows(tl.dossier.steroids, tl.day0, tl.as_of_day, ct_day, params)
    return SteroidTable(segments_of(rows), ct_day, params.steroid_threshold_mg)


def period_bound(tl: TimelineView, code: str) -> PeriodBound:
    """§4 steroid-period helper: where a period bounded by this visit ends (or starts), and whether it is final."""
    due = tl.due_day(code)
    sv = tl.scheduled(code)
    if sv is not None:
        return PeriodBound(code, sv.day, True, True, due)
    left_by_due = (tl.withdrawn and (tl.withdrawal_day is None or tl.withdrawal_day <= due)) or (
        tl.death_day is not None and tl.death_day <= due
    )
    final = tl.as_of_day is not None and tl.as_of_day > due and not left_by_due
    return PeriodBound(code, tl.window(code).target, False, final, due)
