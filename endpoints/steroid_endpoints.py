"""Steroid-taper endpoints (endpoints.md §4.1, §4 "Steroid-period helper").

- `primary_steroid_taper`: excess days (D(d) > `steroid_threshold_mg`) in [W4, W12] ≤ `taper_excursion_tolerance_days`.
- `steroid_le7_5_by_w12_maintained_w24`: the same over [W12, W24], and the W12 day itself not in excess.

A period bound is the visit day if performed, else its target day (provisional until the visit is done or its due
day passed with the subject on study). Excess days inside a provisional period already give not_met.
"""

from __future__ import annotations

from typing import Any

from endpoints.binary import LOG, OFF_STUDY, VISIT, Findings, num, precheck, resolve
from endpoints.results import EndpointResult
from endpoints.steroids import ExcessCount, PeriodBound, SteroidTable, milli_to_decimal, period_bound
from endpoints.timeline import EvaluationContext


def day_ranges(days: tuple[int, ...] | list[int]) -> str:
    """'50, 120–126' for days 50, 120 … 126."""
    parts: list[str] = []
    i = 0
    while i < len(days):
        j = i
        while j + 1 < len(days) and days[j + 1] == days[j] + 1:
            j += 1
        parts.append(str(days[i]) if i == j else f"{days[i]}–{days[j]}")
        i = j + 1
    return ", ".join(parts)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def bound_details(ctx: EvaluationContext, b: PeriodBound) -> dict[str, Any]:
    return {
        "visit": b.code, "day": b.day, "date": ctx.timeline.date_of(b.day), "performed": b.performed,
        "final": b.final, "due_day": b.due_day,
    }


def dose_runs(table: SteroidTable, first: int, last: int) -> list[dict[str, Any]]:
    """The daily dose over [first, last] as runs of equal dose (mg; None = not evaluable), for drill-down."""
    runs: list[dict[str, Any]] = []
    for day, end in table.chunks(first, last):
        milli = table.dose_milli(day)
        mg = None if milli is None else float(milli_to_decimal(milli))
        if runs and runs[-1]["mg"] == mg:
            runs[-1]["to_day"] = end
        else:
            runs.append({"from_day": day, "to_day": end, "mg": mg})
    return runs


def excess_text(ex: ExcessCount, threshold: float, label: str) -> str:
    head = f"{plural(ex.count, 'excess day')} > {num(threshold)} mg pred-eq in {label} (days {ex.first}–{ex.last})"
    return head + (f": day {day_ranges(ex.excess_days)}" if ex.count else "")


def check_period(
    ctx: EvaluationContext, f: Findings, start: PeriodBound, end: PeriodBound, ex: ExcessCount,
) -> None:
    """Record what keeps a period from being final or fully logged (missing inputs)."""
    tl, table = ctx.timeline, ctx.steroids
    f.details["period"] = {"start": bound_details(ctx, start), "end": bound_details(ctx, end)}
    f.details["threshold_mg"] = ctx.params.steroid_threshold_mg
    f.details["excess_days"] = list(ex.excess_days)
    f.details["complete_through"] = tl.complete_through
    f.details["daily_doses"] = dose_runs(table, ex.first, min(ex.last, tl.as_of_day or ex.last))
    if not end.final:
        if tl.is_pending_window(end.due_day):
            f.miss(f"{end.code} visit not yet done (period end provisional at target day {end.day})", VISIT)
        else:
            f.miss(f"{end.code} visit not done, so the period end is unknown", OFF_STUDY)
        return
    unknown = table.unknown_drugs_in(ex.first, ex.last)
    if unknown:
        f.miss(f"unknown steroid drug {', '.join(unknown)} (no pred-eq factor)", LOG)
    if table.complete_through_day < ex.last and ex.unevaluable_days:
        f.miss(f"steroid log incomplete (complete through {tl.complete_through.isoformat()})", LOG)


def evaluate_primary_steroid_taper(ctx: EvaluationContext) -> EndpointResult:
    """`primary_steroid_taper`: excess days in [W4, W12] ≤ tolerance."""
    pre = precheck(ctx, "primary_steroid_taper")
    if pre is not None:
        return pre
    tl, params = ctx.timeline, ctx.params
    start, end = period_bound(tl, "W4"), period_bound(tl, "W12")
    ex = ctx.steroids.excess_in(start.day, end.day)
    tol = params.taper_excursion_tolerance_days
    f = Findings()
    f.details["tolerance_days"] = tol
    check_period(ctx, f, start, end, ex)
    text = excess_text(ex, params.steroid_threshold_mg, "W4–W12")
    if ex.count > tol:
        f.fail(f"{text}, more than the tolerance of {tol}")
    else:
        f.ok(f"{text}, within the tolerance of {tol}")
    return resolve(ctx, f, end.due_day, "W12", ("W4", "W12"))


def evaluate_steroid_maintained(ctx: EvaluationContext) -> EndpointResult:
    """`steroid_le7_5_by_w12_maintained_w24`: W12 day not in excess and excess days in [W12, W24] ≤ tolerance."""
    pre = precheck(ctx, "steroid_le7_5_by_w12_maintained_w24")
    if pre is not None:
        return pre
    tl, params, table = ctx.timeline, ctx.params, ctx.steroids
    start, end = period_bound(tl, "W12"), period_bound(tl, "W24")
    ex = table.excess_in(start.day, end.day)
    tol = params.taper_excursion_tolerance_days
    thr = params.steroid_threshold_mg
    f = Findings()
    f.details["tolerance_days"] = tol
    check_period(ctx, f, start, end, ex)
    w12_state = table.is_excess(start.day)
    w12_mg = num(float(milli_to_decimal(table.known_milli(start.day))))
    if w12_state:
        f.fail(f"{w12_mg} mg pred-eq on the W12 day ({start.day}) > {num(thr)} mg: not achieved by Week 12")
    text = excess_text(ex, thr, "W12–W24")
    if ex.count > tol:
        f.fail(f"{text}, more than the tolerance of {tol}")
    else:
        if w12_state is False:
            f.ok(f"{w12_mg} mg on the W12 day ({start.day}) ≤ {num(thr)} mg")
        f.ok(f"{text}, within the tolerance of {tol}")
    return resolve(ctx, f, end.due_day, "W24", ("W12", "W24"))
