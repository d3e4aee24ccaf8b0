"""`lc_hematologic_improvement` (endpoints.md §4.1, §8.20): LC haematologic improvement at W24 vs baseline.

Any one lineage responds — Hgb: rise ≥ `hi_hgb_rise`; ANC: value ≥ 2 × baseline and rise ≥ `hi_anc_rise_abs`;
Plt: baseline > `hi_plt_cut` → rise ≥ `hi_plt_rise_hi`, else rise ≥ `hi_plt_rise_lo` and value ≥ 2 × baseline —
and no rescue therapy record (any indication) starting on days 1 … H. A lineage without a baseline is left out
(`hi_require_baseline_cytopenia` also leaves out lineages not cytopenic at baseline). Per-visit best response is
reported in `details["by_visit"]` (informational).
"""

from __future__ import annotations

from typing import Any

from endpoints.binary import VALUE, Findings, miss_visit, num, precheck, r6, resolve
from endpoints.params import ProtocolParams
from endpoints.results import EndpointResult
from endpoints.timeline import EvaluationContext

ID = "lc_hematologic_improvement"
LINEAGES = (("Hgb", "hemoglobin_g_dl", "g/dL"), ("ANC", "anc_10e9_l", "×10⁹/L"), ("Plt", "platelets_10e9_l", "×10⁹/L"))
# Baseline cytopenia (§4.1 notes): Hgb < 11 g/dL, ANC < 1.5, Plt < 100 ×10⁹/L.
CYTOPENIA_BELOW = {"Hgb": 11.0, "ANC": 1.5, "Plt": 100.0}


def lineage_response(name: str, base: float, value: float, params: ProtocolParams) -> tuple[bool, str]:
    """Whether one lineage responds at a visit, with a clause naming the values and thresholds."""
    rise = r6(value - base)
    if name == "Hgb":
        ok = rise >= params.hi_hgb_rise
        cmp = "≥" if ok else "<"
        return ok, f"Hgb {num(base)} → {num(value)} g/dL (rise {num(rise)} {cmp} {num(params.hi_hgb_rise)})"
    if name == "ANC":
        doubled = r6(value) >= r6(2 * base)
        enough = rise >= params.hi_anc_rise_abs
        text = (f"ANC {num(base)} → {num(value)} (×2 {'reached' if doubled else 'not reached'}, rise {num(rise)} "
                f"{'≥' if enough else '<'} {num(params.hi_anc_rise_abs)})")
        return doubled and enough, text
    if base > params.hi_plt_cut:
        ok = rise >= params.hi_plt_rise_hi
        return ok, (f"Plt {num(base)} → {num(value)} (baseline > {num(params.hi_plt_cut)}: rise {num(rise)} "
                    f"{'≥' if ok else '<'} {num(params.hi_plt_rise_hi)})")
    enough = rise >= params.hi_plt_rise_lo
    doubled = r6(value) >= r6(2 * base)
    return enough and doubled, (
        f"Plt {num(base)} → {num(value)} (baseline ≤ {num(params.hi_plt_cut)}: rise {num(rise)} "
        f"{'≥' if enough else '<'} {num(params.hi_plt_rise_lo)}, ×2 {'reached' if doubled else 'not reached'})"
    )


def evaluate_hematologic_improvement(ctx: EvaluationContext) -> EndpointResult:
    """`lc_hematologic_improvement` (LC)."""
    pre = precheck(ctx, ID)
    if pre is not None:
        return pre
    tl, params = ctx.timeline, ctx.params
    due = tl.due_day("W24")
    f = Findings()
    rescues = tl.rescue_records(1, tl.horizon)
    f.details["rescue"] = [
        {"name": m.name, "day": tl.study_day(m.start), "indication": m.indication} for m in rescues
    ]
    if rescues:
        first = rescues[0]
        f.fail(f"rescue therapy {first.name} on day {tl.study_day(first.start)} (ongoing SLE treatment)")
    baselines: dict[str, float] = {}
    lineage_info: dict[str, Any] = {}
    for name, key, _ in LINEAGES:
        base = tl.baseline_lab(key)
        if base is None:
            lineage_info[name] = {"status": "no baseline"}
            continue
        if params.hi_require_baseline_cytopenia and not base.value < CYTOPENIA_BELOW[name]:
            lineage_info[name] = {"status": "not cytopenic at baseline", "baseline": base.value}
            continue
        baselines[name] = base.value
        lineage_info[name] = {"baseline": base.value, "baseline_day": base.day}
    f.details["lineages"] = lineage_info
    f.details["by_visit"] = _by_visit(ctx, baselines)
    if not baselines:
        why = "cytopenic at baseline (hi_require_baseline_cytopenia)" if params.hi_require_baseline_cytopenia else (
            "with a baseline value")
        f.miss(f"no lineage {why}", VALUE)
        return resolve(ctx, f, due, "W24")
    w24 = tl.scheduled("W24")
    if w24 is None:
        miss_visit(f, ctx, "W24", due)
        return resolve(ctx, f, due, "W24")
    responded, not_responded, missing = [], [], []
    for name, key, _ in LINEAGES:
        if name not in baselines:
            continue
        value = getattr(w24.visit.labs, key)
        if value is None:
            missing.append(name)
            lineage_info[name]["status"] = "missing at W24"
            continue
        ok, text = lineage_response(name, baselines[name], value, params)
        lineage_info[name].update(w24=value, responds=ok, status="responds" if ok else "no response")
        (responded if ok else not_responded).append(text)
    at = f"at W24 ({w24.date.isoformat()})"
    if responded:
        f.ok(f"{'; '.join(responded)} {at}")
        if not rescues:
            f.ok(f"no rescue therapy on days 1–{min(tl.horizon, tl.as_of_day)}")
    elif missing:
        f.miss(f"{', '.join(missing)} missing at W24" + (f" ({'; '.join(not_responded)})" if not_responded else ""),
               VALUE)
    else:
        f.fail(f"no lineage responds {at}: {'; '.join(not_responded)}")
    return resolve(ctx, f, due, "W24")


def _by_visit(ctx: EvaluationContext, baselines: dict[str, float]) -> dict[str, dict[str, bool | None]]:
    """Per post-baseline scheduled visit, per lineage: responds (True/False) or not evaluable (None)."""
    out: dict[str, dict[str, bool | None]] = {}
    for dv in ctx.timeline.visits:
        if dv.code in ("UNS", "SCR", "D0") or dv.day < 1:
            continue
        row: dict[str, bool | None] = {}
        for name, key, _ in LINEAGES:
            if name in baselines:
                value = getattr(dv.visit.labs, key)
                row[name] = None if value is None else lineage_response(name, baselines[name], value, ctx.params)[0]
        out[dv.code] = row
    return out
