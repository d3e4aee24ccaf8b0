"""LN treatment-failure components, each its own time-to-event (endpoints.md §4.2, §8.7, §8.8).

Components: death; ESRD (transplant, dialysis recorded as chronic or lasting ≥ `esrd_dialysis_min_days`, or
eGFR < `esrd_egfr_max` sustained over `esrd_egfr_sustained_days`); sustained doubling of creatinine from baseline
(`sustained_min_days`); renal flare (= `ln_time_to_renal_flare`); extrarenal severe flare (modified SFI, §3.4);
rescue therapy (first rescue record, any indication). The composite (earliest event) is informational, in details.
ESRD stays pending while a non-chronic dialysis started on days 1 … min(H, as_of) is still running at as_of (no
stop, or a stop dated after as_of, not yet known) and is shorter than `esrd_dialysis_min_days` (§8.22).

Sustained (§4.2, §8.8): the condition holds at an assessment t1 and at a later assessment t2 ≥ t1 + min days with
every assessment between also holding, using only assessments that have a creatinine, all on days
1 … min(H, as_of); onset = t1.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from endpoints.egfr import egfr_on
from endpoints.flares import renal_flare_result
from endpoints.results import (
    CENSORED,
    COMPUTED,
    EVENT,
    NOT_EVALUABLE,
    PENDING,
    TREATMENT_FAILURE_COMPONENTS,
    EndpointResult,
)
from endpoints.sfi import NO_BASELINE, has_baseline, severe_flares
from endpoints.timeline import EvaluationContext, LabPoint
from endpoints.tte import FollowUp, Onset, decide, gate, not_evaluable, num, r6

ENDPOINT_ID = "ln_treatment_failure_components"
LABELS = {
    "death": "death", "esrd": "ESRD", "creatinine_doubling": "sustained creatinine doubling",
    "renal_flare": "renal flare", "extrarenal_flare": "extrarenal flare", "rescue_therapy": "rescue therapy",
}


def sustained_onset(points: Sequence[LabPoint], holds: Callable[[LabPoint], bool], min_days: int,
                    ) -> tuple[LabPoint, LabPoint] | None:
    """(t1, t2) of the first run of consecutive points meeting the condition that spans ≥ min_days, else None."""
    start: LabPoint | None = None
    for p in points:
        if not holds(p):
            start = None
            continue
        if start is None:
            start = p
        if p.day - start.day >= min_days:
            return start, p
    return None


def _creatinine_points(ctx: EvaluationContext, follow: FollowUp) -> list[LabPoint]:
    return [p for p in ctx.timeline.lab_series("creatinine_mg_dl") if 1 <= p.day <= follow.last_onset_day]


def _death(ctx: EvaluationContext, follow: FollowUp) -> EndpointResult:
    tl = ctx.timeline
    onsets = []
    if tl.death_date is not None and tl.death_day is not None:
        onsets.append(Onset(tl.death_day, f"died on {tl.death_date.isoformat()}", {"death_date": tl.death_date}))
    return decide(follow, onsets, "death", {"component": "death"})


def _esrd(ctx: EvaluationContext, follow: FollowUp) -> EndpointResult:
    tl, pr = ctx.timeline, ctx.params
    assert tl.as_of_day is not None
    onsets: list[Onset] = []
    running: list[tuple[int, int]] = []  # ongoing dialysis started on days 1 … min(H, as_of), not yet 90 days
    for rr in tl.renal_replacement:
        start = tl.study_day(rr.start)
        if rr.type == "transplant":
            onsets.append(Onset(start, f"kidney transplant on day {start}", {"criterion": "transplant"}))
            continue
        stop = rr.stop if rr.stop is not None and rr.stop <= tl.as_of else None  # a later stop is not yet known
        end = tl.as_of_day if stop is None else tl.study_day(stop)
        length = end - start + 1
        ongoing = " (ongoing, counted to as_of)" if stop is None else ""
        facts = {"criterion": "dialysis", "start": rr.start, "stop": stop, "chronic": rr.chronic,
                 "duration_days": length}
        if rr.chronic is True:
            onsets.append(Onset(start, f"dialysis recorded as chronic started day {start}", facts))
        elif length >= pr.esrd_dialysis_min_days:
            onsets.append(Onset(start, f"dialysis from day {start} lasting {length} days{ongoing} ≥ "
                                f"{pr.esrd_dialysis_min_days}", facts))
        elif stop is None and follow.counts(start):  # still running: ESRD pending (§8.22)
            running.append((start, length))
    subject = tl.dossier.subject
    points = [p for p in _creatinine_points(ctx, follow) if p.value > 0]  # eGFR needs creatinine > 0
    egfr = {id(p): egfr_on(p.value, subject.sex, subject.birth_date, p.date) for p in points}
    found = sustained_onset(points, lambda p: egfr[id(p)] < pr.esrd_egfr_max, pr.esrd_egfr_sustained_days)
    if found is not None:
        t1, t2 = found
        onsets.append(Onset(t1.day, f"eGFR {egfr[id(t1)]:.1f} < {num(pr.esrd_egfr_max)} at {t1.code} (day {t1.day}) "
                            f"through {t2.code} (day {t2.day}), sustained ≥ {pr.esrd_egfr_sustained_days} days",
                            {"criterion": "egfr", "t1_day": t1.day, "t2_day": t2.day,
                             "egfr_t1": round(egfr[id(t1)], 1), "egfr_t2": round(egfr[id(t2)], 1)}))
    result = decide(follow, onsets, "ESRD", {"component": "esrd"})
    if result.status == CENSORED and running and tl.on_study:
        start, length = running[0]
        reason = (f"No ESRD yet: dialysis ongoing since day {start} ({length} days as of; ESRD on day {start} if it "
                  f"lasts {pr.esrd_dialysis_min_days} days or is recorded as chronic); provisional censoring at day "
                  f"{result.day}.")
        return EndpointResult(PENDING, reason, result.day, {**result.details, "provisional": True,
                                                             "dialysis_running": {"start_day": start, "days": length}})
    return result


def _creatinine_doubling(ctx: EvaluationContext, follow: FollowUp) -> EndpointResult:
    tl, pr = ctx.timeline, ctx.params
    base = tl.baseline_lab("creatinine_mg_dl")
    if base is None:
        return not_evaluable("Not evaluable: baseline creatinine missing.", {"component": "creatinine_doubling"})
    limit = r6(2 * base.value)
    found = sustained_onset(_creatinine_points(ctx, follow), lambda p: r6(p.value) >= limit, pr.sustained_min_days)
    onsets = []
    if found is not None:
        t1, t2 = found
        onsets.append(Onset(t1.day, f"creatinine {num(t1.value)} mg/dL at {t1.code} (day {t1.day}) ≥ 2 × baseline "
                            f"{num(base.value)} = {num(limit)}, still ≥ at every assessment through {t2.code} "
                            f"(day {t2.day}), sustained ≥ {pr.sustained_min_days} days",
                            {"t1_day": t1.day, "t2_day": t2.day}))
    details = {"component": "creatinine_doubling", "baseline": base.value, "baseline_day": base.day,
               "threshold": limit, "sustained_min_days": pr.sustained_min_days}
    return decide(follow, onsets, "sustained creatinine doubling", details)


def _extrarenal_flare(ctx: EvaluationContext, follow: FollowUp) -> EndpointResult:
    found = severe_flares(ctx)
    onsets = [Onset(f.day, f.text, {"triggers": [t.key for t in f.triggers]}) for f in found.flares if not f.renal]
    renal_days = [f.day for f in found.flares if f.renal]
    note = f"renal severe flare(s) on day(s) {', '.join(map(str, renal_days))} not counted here" if renal_days else ""
    if not any(follow.counts(o.day) for o in onsets) and not has_baseline(ctx.timeline):
        return not_evaluable(NO_BASELINE, {"component": "extrarenal_flare"})
    return decide(follow, onsets, "extrarenal severe flare", {"component": "extrarenal_flare"}, note)


def _rescue(ctx: EvaluationContext, follow: FollowUp) -> EndpointResult:
    tl = ctx.timeline
    onsets = []
    for m in tl.medications:
        if m.rescue is True:
            day = tl.study_day(m.start)
            onsets.append(Onset(day, f"rescue therapy {m.name} ({m.agent_class}, indication "
                                f"{m.indication or 'not given'}) started day {day}",
                                {"name": m.name, "agent_class": m.agent_class, "indication": m.indication}))
    return decide(follow, onsets, "rescue therapy", {"component": "rescue_therapy"})


def _composite(components: dict[str, EndpointResult], follow: FollowUp) -> dict[str, Any]:
    events = sorted((r.day, name) for name, r in components.items() if r.status == EVENT and r.day is not None)
    if events:
        day = events[0][0]
        first = [name for d, name in events if d == day]
        return {"status": EVENT, "day": day, "components": first}
    waiting = [name for name, r in components.items() if r.status == PENDING]
    if waiting:
        return {"status": PENDING, "day": follow.censor_day, "components": waiting}
    unknown = [name for name, r in components.items() if r.status == NOT_EVALUABLE]
    if unknown:
        return {"status": NOT_EVALUABLE, "day": None, "components": unknown}
    return {"status": CENSORED, "day": follow.censor_day, "components": []}


def evaluate_treatment_failure(ctx: EvaluationContext) -> EndpointResult:
    """LN: the six treatment-failure components, each a TTE result, with the earliest event as composite."""
    tl = ctx.timeline
    blocked = gate(ENDPOINT_ID, tl)
    if blocked is not None:
        if blocked.status in (PENDING, NOT_EVALUABLE):
            parts = {name: blocked for name in TREATMENT_FAILURE_COMPONENTS}
            return EndpointResult(blocked.status, blocked.reason, None, {}, parts)
        return blocked
    follow = FollowUp.from_timeline(tl)
    components = {
        "death": _death(ctx, follow),
        "esrd": _esrd(ctx, follow),
        "creatinine_doubling": _creatinine_doubling(ctx, follow),
        "renal_flare": renal_flare_result(ctx),
        "extrarenal_flare": _extrarenal_flare(ctx, follow),
        "rescue_therapy": _rescue(ctx, follow),
    }
    comp = _composite(components, follow)
    if comp["status"] == EVENT:
        names = " and ".join(LABELS[n] for n in comp["components"])
        reason = (f"Treatment failure by {names} on day {comp['day']} "
                  "(earliest component event; the composite is informational).")
    elif comp["status"] == NOT_EVALUABLE:
        names = ", ".join(LABELS[n] for n in comp["components"])
        reason = f"No treatment-failure event so far; {names} not evaluable, so the composite is not evaluable."
    elif comp["status"] == PENDING:
        names = ", ".join(LABELS[n] for n in comp["components"])
        reason = (f"No treatment-failure component event on days 1–{follow.last_onset_day} yet ({names} pending); "
                  f"composite provisionally censored at day {comp['day']}.")
    else:
        reason = (f"No treatment-failure component event on days 1–{follow.last_onset_day}; "
                  f"composite censored at day {comp['day']}.")
    details = {"composite": comp, "follow_up": follow.to_json()}
    return EndpointResult(COMPUTED, reason, None, details, components)
