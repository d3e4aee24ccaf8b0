"""SLEDAI-2K reduction and SRI-4/5/6 at W24 (endpoints.md §3.3, §4.1, §8.19).

`sledai_reduction_ge4_w24`: SLEDAI(W24) − SLEDAI(baseline) ≤ −4; population floor `sledai_reduction_min_baseline`.
`sri{k}_w24`: population baseline SLEDAI-2K ≥ k (missing baseline → not_evaluable at once); met when (i) the
reduction is ≥ k, (ii) the PGA rises by less than `sri_pga_max_increase_tenths` tenths, and (iii) no new BILAG A
and fewer than 2 new BILAG B. An incomplete W24 SLEDAI-2K whose partial sum (a lower bound of the total) already
rules out the reduction decides not_met.
"""

from __future__ import annotations

from endpoints import sledai
from endpoints.binary import VALUE, Findings, miss_visit, precheck, resolve, tenths
from endpoints.formatting import signed
from endpoints.results import NOT_APPLICABLE, NOT_EVALUABLE, EndpointResult
from endpoints.timeline import DatedVisit, EvaluationContext, ScheduledVisit
from endpoints.vocab import BILAG_DOMAINS

REDUCTION_ID = "sledai_reduction_ge4_w24"
REDUCTION_POINTS = 4


def _reduction(f: Findings, base: DatedVisit, w24: ScheduledVisit, k: int, label: str) -> None:
    """Criterion SLEDAI(W24) − SLEDAI(base) ≤ −k."""
    base_score = sledai.score(base.visit.sledai)
    assert base_score is not None
    answers = w24.visit.sledai
    total = sledai.score(answers)
    low = sledai.partial_sum(answers)
    f.details["sledai"] = {
        "baseline": base_score, "baseline_visit": base.code, "baseline_day": base.day,
        "w24": total, "w24_partial_sum": low if total is None else None, "required_change": -k,
    }
    if total is None:
        if low - base_score > -k:
            f.fail(f"{label}W24 SLEDAI-2K already ≥ {low} (partial; {len(sledai.unanswered(answers))} unanswered) "
                   f"vs baseline {base_score}: change > −{k}")
        else:
            f.miss(f"{label}W24 SLEDAI-2K incomplete ({len(sledai.unanswered(answers))} descriptors unanswered)", VALUE)
        return
    change = total - base_score
    f.details["sledai"]["change"] = change
    text = f"{label}SLEDAI-2K {base_score} → {total} (change {signed(change)} {'≤' if change <= -k else '>'} −{k})"
    (f.ok if change <= -k else f.fail)(text)


def _pga(ctx: EvaluationContext, f: Findings, w24: ScheduledVisit) -> None:
    """(ii) PGA(W24) − PGA(base) < max increase, in integer tenths."""
    base = ctx.timeline.baseline_pga()
    now = w24.visit.pga_tenths
    if base is None:
        f.miss("(ii) baseline PGA missing", VALUE)
    if now is None:
        f.miss("(ii) PGA missing at W24", VALUE)
    if base is None or now is None:
        return
    b = base.visit.pga_tenths
    assert b is not None
    limit = ctx.params.sri_pga_max_increase_tenths
    rise = now - b
    f.details["pga"] = {"baseline": b / 10, "w24": now / 10, "change": rise / 10, "max_increase_exclusive": limit / 10}
    if rise < limit:
        sign = "+" if rise >= 0 else ""
        f.ok(f"(ii) PGA {tenths(b)} → {tenths(now)} (change {sign}{tenths(rise)} < +{tenths(limit)})")
    else:
        f.fail(f"(ii) PGA {tenths(b)} → {tenths(now)} (increase +{tenths(rise)} ≥ +{tenths(limit)})")


def _bilag(ctx: EvaluationContext, f: Findings, w24: ScheduledVisit) -> None:
    """(iii) no new BILAG A and fewer than 2 new BILAG B (§3.3)."""
    tl = ctx.timeline
    new_a, new_b, unknown = [], [], []
    grades: dict[str, dict[str, str | None]] = {}
    for domain in BILAG_DOMAINS:
        base_visit = tl.baseline_bilag(domain)
        base = base_visit.visit.bilag.get(domain) if base_visit else None
        now = w24.visit.bilag.get(domain)
        grades[domain] = {"baseline": base, "w24": now}
        if base is None or now is None:
            unknown.append(domain)
        elif now == "A" and base != "A":
            new_a.append(domain)
        elif now == "B" and base in ("C", "D", "E"):
            new_b.append(domain)
    f.details["bilag"] = {"grades": grades, "new_a": new_a, "new_b": new_b, "missing": unknown}
    if new_a:
        listed = ", ".join(f"{d} {grades[d]['baseline']}→A" for d in new_a)
        f.fail(f"(iii) new BILAG A: {listed}")
    if len(new_b) >= 2:
        f.fail(f"(iii) {len(new_b)} new BILAG B: {', '.join(new_b)}")
    if new_a or len(new_b) >= 2:
        return
    if unknown:
        f.miss(f"(iii) BILAG domain(s) missing at baseline or W24: {', '.join(unknown)}", VALUE)
    else:
        f.ok("(iii) no new BILAG A" + (f", 1 new BILAG B ({new_b[0]})" if new_b else " or B"))


def evaluate_sledai_reduction(ctx: EvaluationContext) -> EndpointResult:
    """`sledai_reduction_ge4_w24` (all subjects; baseline < 4 stays in the denominator by default)."""
    pre = precheck(ctx, REDUCTION_ID)
    if pre is not None:
        return pre
    tl, floor = ctx.timeline, ctx.params.sledai_reduction_min_baseline
    due = tl.due_day("W24")
    base = tl.baseline_sledai()
    if base is not None and floor > 0 and (score := sledai.score(base.visit.sledai)) is not None and score < floor:
        return EndpointResult(
            NOT_APPLICABLE, f"Baseline SLEDAI-2K {score} < {floor} (sledai_reduction_min_baseline).",
            details={"sledai": {"baseline": score}},
        )
    if base is None and floor > 0:
        return EndpointResult(
            NOT_EVALUABLE, f"Baseline SLEDAI-2K missing; the population (baseline ≥ {floor}) cannot be known."
        )
    f = Findings()
    if base is None:
        f.miss("baseline SLEDAI-2K missing (no complete form on or before Day 0)", VALUE)
    w24 = tl.scheduled("W24")
    if w24 is None:
        miss_visit(f, ctx, "W24", due)
    elif base is not None:
        _reduction(f, base, w24, REDUCTION_POINTS, "")
    return resolve(ctx, f, due, "W24")


def evaluate_sri(ctx: EvaluationContext, k: int) -> EndpointResult:
    """`sri{k}_w24` for k = 4, 5, 6."""
    endpoint_id = f"sri{k}_w24"
    pre = precheck(ctx, endpoint_id)
    if pre is not None:
        return pre
    tl = ctx.timeline
    base = tl.baseline_sledai()
    if base is None:
        return EndpointResult(
            NOT_EVALUABLE, f"Baseline SLEDAI-2K missing, so the SRI-{k} population (baseline ≥ {k}) cannot be known."
        )
    base_score = sledai.score(base.visit.sledai)
    assert base_score is not None
    if base_score < k:
        return EndpointResult(
            NOT_APPLICABLE, f"Baseline SLEDAI-2K {base_score} < {k}: outside the SRI-{k} population.",
            details={"sledai": {"baseline": base_score, "baseline_visit": base.code}},
        )
    due = tl.due_day("W24")
    f = Findings()
    w24 = tl.scheduled("W24")
    if w24 is None:
        miss_visit(f, ctx, "W24", due)
        return resolve(ctx, f, due, "W24")
    _reduction(f, base, w24, k, "(i) ")
    _pga(ctx, f, w24)
    _bilag(ctx, f, w24)
    return resolve(ctx, f, due, "W24")


def evaluate_sri4(ctx: EvaluationContext) -> EndpointResult:
    return evaluate_sri(ctx, 4)


def evaluate_sri5(ctx: EvaluationContext) -> EndpointResult:
    return evaluate_sri(ctx, 5)


def evaluate_sri6(ctx: EvaluationContext) -> EndpointResult:
    return evaluate_sri(ctx, 6)
