"""`ln_renal_response` (endpoints.md §4.1): LN renal response at W24.

Met when all hold: (1) UPCR ≤ `ln_upcr_max` at W24 (24-h proteinuria substitutes when UPCR is missing and
`allow_24h_for_upcr`); (2) eGFR ≥ `ln_egfr_min`, or no *confirmed* decrease > `ln_egfr_drop_pct` % from baseline
(W24 and the latest post-baseline creatinine before it both below (100 − drop) % of baseline); (3) no rescue with an
indication in `ln_rescue_indications` on days 1 … H (§8.16); (4) in [W12, W24] fewer than `ln_steroid_run_days`
excess days (`ln_steroid_rule` = cumulative: in total; consecutive: longest run).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from endpoints.binary import LOG, VALUE, Findings, miss_visit, num, precheck, r6, resolve
from endpoints.egfr import egfr_on
from endpoints.results import EndpointResult
from endpoints.steroid_endpoints import bound_details, day_ranges, plural
from endpoints.steroids import period_bound
from endpoints.timeline import EvaluationContext, ScheduledVisit

ID = "ln_renal_response"


def e1(egfr: float) -> str:
    """eGFR as displayed: one decimal (§2.3; comparisons use the unrounded value)."""
    return f"{egfr:.1f}"


def _egfr(ctx: EvaluationContext, scr: float, when: date) -> float:
    s = ctx.dossier.subject
    return egfr_on(scr, s.sex, s.birth_date, when)


def _proteinuria(ctx: EvaluationContext, f: Findings, w24: ScheduledVisit) -> None:
    labs, limit = w24.visit.labs, ctx.params.ln_upcr_max
    if labs.upcr_g_g is not None:
        value, what, unit = labs.upcr_g_g, "UPCR", "g/g"
    elif ctx.params.allow_24h_for_upcr and labs.proteinuria_g_24h is not None:
        value, what, unit = labs.proteinuria_g_24h, "24-h proteinuria (UPCR missing; allow_24h_for_upcr)", "g/24 h"
    else:
        f.miss("UPCR missing at W24", VALUE)
        return
    f.details["proteinuria"] = {"measure": what.split(" (")[0], "value": value, "unit": unit, "max": limit}
    text = f"{what} {num(value)} {'≤' if value <= limit else '>'} {num(limit)} {unit} at W24 ({w24.date.isoformat()})"
    (f.ok if value <= limit else f.fail)(text)


def _egfr_component(ctx: EvaluationContext, f: Findings, w24: ScheduledVisit) -> None:
    tl, params = ctx.timeline, ctx.params
    scr = w24.visit.labs.creatinine_mg_dl
    if scr is None:
        f.miss("creatinine missing at W24", VALUE)
        return
    value = _egfr(ctx, scr, w24.date)
    info: dict[str, Any] = {"w24": round(value, 3), "w24_creatinine_mg_dl": scr, "min": params.ln_egfr_min}
    f.details["egfr"] = info
    if value >= params.ln_egfr_min:
        f.ok(f"eGFR {e1(value)} ≥ {num(params.ln_egfr_min)}")
        return
    base = tl.baseline_lab("creatinine_mg_dl")
    if base is None:
        f.miss(f"eGFR {e1(value)} < {num(params.ln_egfr_min)} and baseline creatinine missing", VALUE)
        return
    base_egfr = _egfr(ctx, base.value, base.date)
    keep = 100 - params.ln_egfr_drop_pct
    cut = r6(keep * base_egfr / 100)
    info.update(baseline=round(base_egfr, 3), baseline_day=base.day, cut=round(cut, 3))
    low = f"eGFR {e1(value)} < {num(params.ln_egfr_min)}"
    if not r6(100 * value) < r6(keep * base_egfr):
        f.ok(f"{low} but not more than {num(params.ln_egfr_drop_pct)} % below baseline {e1(base_egfr)}")
        return
    earlier = [p for p in tl.lab_series("creatinine_mg_dl") if 1 <= p.day < w24.day]
    if not earlier:
        f.ok(f"{low} and {e1(value)} < {e1(cut)}, but the decrease is not confirmed (no earlier post-baseline "
             "creatinine)")
        return
    prev = earlier[-1]
    prev_egfr = _egfr(ctx, prev.value, prev.date)
    info.update(confirming_visit=prev.code, confirming_day=prev.day, confirming=round(prev_egfr, 3))
    if r6(100 * prev_egfr) < r6(keep * base_egfr):
        f.fail(f"{low} with a confirmed decrease > {num(params.ln_egfr_drop_pct)} % from baseline {e1(base_egfr)} "
               f"(W24 and {prev.code} day {prev.day} eGFR {e1(prev_egfr)} both < {e1(cut)})")
    else:
        f.ok(f"{low} but the decrease is not confirmed ({prev.code} day {prev.day} eGFR {e1(prev_egfr)} ≥ "
             f"{e1(cut)})")


def _rescue(ctx: EvaluationContext, f: Findings) -> None:
    tl, params = ctx.timeline, ctx.params
    last = min(tl.horizon, tl.as_of_day)
    hits = [m for m in tl.rescue_records(1, tl.horizon) if m.indication in params.ln_rescue_indications]
    f.details["rescue"] = [{"name": m.name, "day": tl.study_day(m.start), "indication": m.indication} for m in hits]
    kinds = "/".join(params.ln_rescue_indications)
    if hits:
        first = hits[0]
        f.fail(f"{kinds} rescue {first.name} on day {tl.study_day(first.start)}")
    else:
        f.ok(f"no {kinds} rescue on days 1–{last}")


def _steroids(ctx: EvaluationContext, f: Findings) -> None:
    tl, params, table = ctx.timeline, ctx.params, ctx.steroids
    start, end = period_bound(tl, "W12"), period_bound(tl, "W24")
    ex = table.excess_in(start.day, end.day)
    run, rule, thr = params.ln_steroid_run_days, params.ln_steroid_rule, params.steroid_threshold_mg
    measured = ex.count if rule == "cumulative" else ex.longest_run
    f.details["steroids"] = {
        "period": {"start": bound_details(ctx, start), "end": bound_details(ctx, end)},
        "excess_days": list(ex.excess_days), "longest_run": ex.longest_run, "rule": rule, "run_days": run,
        "threshold_mg": thr,
    }
    what = plural(ex.count, "excess day") if rule == "cumulative" else f"longest run of {plural(measured, 'day')}"
    where = f"> {num(thr)} mg in W12–W24 (days {start.day}–{end.day})"
    listed = f": day {day_ranges(ex.excess_days)}" if ex.count else ""
    if measured >= run:
        f.fail(f"{what} {where}{listed}: at least {run} (ln_steroid_rule {rule})")
        return
    if not end.final:
        miss_visit(f, ctx, "W24", end.due_day)
        return
    unknown = table.unknown_drugs_in(start.day, end.day)
    if unknown:
        f.miss(f"unknown steroid drug {', '.join(unknown)} (no pred-eq factor)", LOG)
    if table.complete_through_day < end.day and ex.unevaluable_days:
        f.miss(f"steroid log incomplete (complete through {tl.complete_through.isoformat()})", LOG)
    f.ok(f"{what} {where}{listed}: fewer than {run}")


def evaluate_renal_response(ctx: EvaluationContext) -> EndpointResult:
    """`ln_renal_response` (LN)."""
    pre = precheck(ctx, ID)
    if pre is not None:
        return pre
    tl = ctx.timeline
    due = tl.due_day("W24")
    f = Findings()
    w24 = tl.scheduled("W24")
    if w24 is None:
        miss_visit(f, ctx, "W24", due)
    else:
        f.details["w24"] = {"day": w24.day, "date": w24.date, "out_of_window": w24.out_of_window}
        _proteinuria(ctx, f, w24)
        _egfr_component(ctx, f, w24)
    _rescue(ctx, f)
    _steroids(ctx, f)
    return resolve(ctx, f, due, "W24", ("W12", "W24"))
