"""Time to first severe, haematologic and renal flare (endpoints.md §4.2, §8.5, §8.6).

Flare references follow `flare_reference`: `nadir` = the best value from baseline through the previous
assessment (lowest UPCR/creatinine, highest Hgb/Plt/ANC); `baseline` = the baseline value. Haematologic flares
skip values marked "not attributable to SLE", as triggers and as reference candidates; renal flares ignore the
mark (§8.5) and use UPCR only for the proteinuric arm (§8.6). A flare endpoint with no baseline value of any analyte
its definition compares, and no event, is not evaluable (§8.24).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from endpoints.results import EndpointResult
from endpoints.sfi import NO_BASELINE, has_baseline, severe_flares
from endpoints.timeline import BASELINE_CODES, EvaluationContext, LabPoint, Timeline
from endpoints.tte import FollowUp, Onset, decide, gate, not_evaluable, num, r6

HEMATOLOGIC_KEYS = ("platelets_10e9_l", "hemoglobin_g_dl", "anc_10e9_l")
_NAMES = {
    "platelets_10e9_l": "platelets", "hemoglobin_g_dl": "Hgb", "anc_10e9_l": "ANC", "upcr_g_g": "UPCR",
    "creatinine_mg_dl": "creatinine",
}


def evaluate_time_to_severe_sfi_flare(ctx: EvaluationContext) -> EndpointResult:
    """First severe flare under the modified SFI (§3.4) or an investigator-declared severe flare."""
    blocked = gate("time_to_severe_sfi_flare", ctx.timeline)
    if blocked is not None:
        return blocked
    found = severe_flares(ctx)
    onsets = [Onset(f.day, f"{f.kind} flare — {f.text}", {"kind": f.kind}) for f in found.flares]
    note = ""
    if found.excluded:
        days = ", ".join(str(t.day) for t in found.excluded)
        keys = ", ".join(sorted({t.criterion for t in found.excluded}))
        note = f"sole {keys} trigger(s) on day(s) {days} not counted (sfi_excluded_sole_triggers)"
    note = "; ".join(x for x in (note, *found.notes) if x)
    details = {"sfi": found.to_json(), "excluded_sole_triggers": list(ctx.params.sfi_excluded_sole_triggers)}
    follow = FollowUp.from_timeline(ctx.timeline)
    if not any(follow.counts(o.day) for o in onsets) and not has_baseline(ctx.timeline):
        return not_evaluable(NO_BASELINE, details)
    return decide(follow, onsets, "severe flare (modified SFI)", details, note)


# -- references ----------------------------------------------------------------------------------------------


def _baseline(series: tuple[LabPoint, ...], skip_marked: bool) -> LabPoint | None:
    """The last value on or before Day 0 from a baseline visit (SCR, D0, UNS), optionally skipping marked values."""
    for p in reversed(series):
        if p.day <= 0 and p.code in BASELINE_CODES and not (skip_marked and p.not_attributable):
            return p
    return None


def _with_reference(
    series: tuple[LabPoint, ...], last: int, mode: str, lowest: bool, skip_marked: bool,
) -> Iterator[tuple[LabPoint, LabPoint | None]]:
    """Each post-baseline value on days 1 … last with its reference point (None when there is none)."""
    base = _baseline(series, skip_marked)
    ref = base
    better: Callable[[float, float], bool] = (lambda a, b: a < b) if lowest else (lambda a, b: a > b)
    for p in series:
        if p.day < 1 or (skip_marked and p.not_attributable):
            continue
        if p.day > last:
            break
        yield p, ref
        if mode == "nadir" and (ref is None or better(p.value, ref.value)):
            ref = p


def _at(p: LabPoint) -> str:
    return f"{p.code} (day {p.day})"


def _ref_text(ref: LabPoint, mode: str) -> str:
    return f"{mode} reference {num(ref.value)} at {_at(ref)}"


def _point(p: LabPoint, ref: LabPoint | None, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"analyte": p.key, "value": p.value, "visit": p.code, "date": p.date}
    if ref is not None:
        out.update(reference=ref.value, reference_day=ref.day, reference_visit=ref.code)
    out.update(extra)
    return out


# -- haematologic flare (LC) -----------------------------------------------------------------------------------


def _hematologic_onsets(ctx: EvaluationContext, last: int) -> Iterator[Onset]:
    tl, pr = ctx.timeline, ctx.params
    mode = pr.flare_reference
    for key in HEMATOLOGIC_KEYS:
        for p, ref in _with_reference(tl.lab_series(key), last, mode, lowest=False, skip_marked=True):
            if ref is None:
                continue
            onset = _hematologic_check(key, p, ref, mode, pr)
            if onset is not None:
                yield onset
                break
    yield from _declared(tl, "hematologic_flare", "haematologic flare")


def _hematologic_check(key: str, p: LabPoint, ref: LabPoint, mode: str, pr: Any) -> Onset | None:
    v, r = p.value, ref.value
    if key == "platelets_10e9_l":
        keep_pct = 100 - pr.hflare_plt_drop_pct
        if v < pr.hflare_plt_max and r6(v * 100) <= r6(keep_pct * r):
            return Onset(p.day, f"platelets {num(v)} ×10⁹/L at {_at(p)} < {num(pr.hflare_plt_max)} and ≤ "
                         f"{num(keep_pct)} % of {_ref_text(ref, mode)} (flare_reference = {mode})",
                         _point(p, ref, criterion="a"))
    elif key == "hemoglobin_g_dl":
        fall = r6(r - v)
        if fall >= pr.hflare_hgb_drop and v < pr.hflare_hgb_max:
            return Onset(p.day, f"Hgb {num(v)} g/dL at {_at(p)} fell {num(fall)} ≥ {num(pr.hflare_hgb_drop)} from "
                         f"{_ref_text(ref, mode)} and is < {num(pr.hflare_hgb_max)} (flare_reference = {mode})",
                         _point(p, ref, criterion="b", fall=fall))
    elif v < pr.hflare_anc_max and r >= pr.hflare_anc_max:
        return Onset(p.day, f"ANC {num(v)} ×10⁹/L at {_at(p)} < {num(pr.hflare_anc_max)} with {_ref_text(ref, mode)} "
                     f"≥ {num(pr.hflare_anc_max)} (flare_reference = {mode})", _point(p, ref, criterion="c"))
    return None


def evaluate_time_to_hematologic_flare(ctx: EvaluationContext) -> EndpointResult:
    """LC: first haematologic flare (Plt, Hgb or ANC criterion, or investigator-declared), §4.2."""
    tl = ctx.timeline
    blocked = gate("time_to_hematologic_flare", tl)
    if blocked is not None:
        return blocked
    follow = FollowUp.from_timeline(tl)
    onsets = list(_hematologic_onsets(ctx, follow.last_onset_day))
    baselines = {k: _baseline(tl.lab_series(k), skip_marked=True) for k in HEMATOLOGIC_KEYS}
    details = _reference_details(ctx, baselines)
    missing = [_NAMES[k] for k, b in baselines.items() if b is None]
    if not any(follow.counts(o.day) for o in onsets) and len(missing) == len(HEMATOLOGIC_KEYS):
        return not_evaluable("Not evaluable: no baseline Hgb, platelets or ANC (values marked not attributable to "
                             "SLE are skipped).", details)
    note = f"no baseline {', '.join(missing)}" if missing else ""
    marked = sum(1 for k in HEMATOLOGIC_KEYS for p in tl.lab_series(k)
                 if p.not_attributable and p.day <= follow.last_onset_day)
    if marked:
        note = "; ".join(x for x in (note, f"{marked} value(s) marked not attributable to SLE skipped") if x)
    return decide(follow, onsets, "haematologic flare", details, note)


def _reference_details(ctx: EvaluationContext, baselines: dict[str, LabPoint | None]) -> dict[str, Any]:
    return {
        "flare_reference": ctx.params.flare_reference,
        "baselines": {k: None if b is None else {"value": b.value, "day": b.day, "visit": b.code, "date": b.date}
                      for k, b in baselines.items()},
    }


# -- renal flare (LN) ------------------------------------------------------------------------------------------


def _upcr_check(p: LabPoint, ref: LabPoint, mode: str, pr: Any) -> Onset | None:
    v, r = p.value, ref.value
    if r < pr.rflare_upcr_low_ref:
        threshold, band = pr.rflare_upcr_low_trigger, f"< {num(pr.rflare_upcr_low_ref)}"
    elif r <= pr.rflare_upcr_high_ref:
        threshold = pr.rflare_upcr_mid_trigger
        band = f"in {num(pr.rflare_upcr_low_ref)}–{num(pr.rflare_upcr_high_ref)}"
    else:
        threshold = r6(pr.rflare_upcr_high_factor * r)
        band = f"> {num(pr.rflare_upcr_high_ref)}, so {num(pr.rflare_upcr_high_factor)} × reference = {num(threshold)}"
    if r6(v) >= threshold:
        return Onset(p.day, f"UPCR {num(v)} g/g at {_at(p)} ≥ {num(threshold)} with {_ref_text(ref, mode)} {band} "
                     f"(flare_reference = {mode})", _point(p, ref, arm="proteinuric", threshold=threshold))
    return None


def _scr_check(p: LabPoint, ref: LabPoint, mode: str, pr: Any) -> Onset | None:
    v, r = p.value, ref.value
    rise = r6(v - r)
    if r < pr.rflare_scr_ref_cut_mg_dl:
        need, band = pr.rflare_scr_rise_low_mg_dl, f"< {num(pr.rflare_scr_ref_cut_mg_dl)}"
    else:
        need, band = pr.rflare_scr_rise_high_mg_dl, f"≥ {num(pr.rflare_scr_ref_cut_mg_dl)}"
    if rise >= need:
        return Onset(p.day, f"creatinine {num(v)} mg/dL at {_at(p)} rose {num(rise)} ≥ {num(need)} mg/dL from "
                     f"{_ref_text(ref, mode)} {band} (flare_reference = {mode})",
                     _point(p, ref, arm="nephritic", rise=rise, threshold=need))
    return None


def renal_flare_result(ctx: EvaluationContext) -> EndpointResult:
    """`ln_time_to_renal_flare` without the population gate (shared with the treatment-failure components)."""
    tl, pr = ctx.timeline, ctx.params
    mode = pr.flare_reference
    follow = FollowUp.from_timeline(tl)
    last = follow.last_onset_day
    onsets: list[Onset] = []
    for key, check in (("upcr_g_g", _upcr_check), ("creatinine_mg_dl", _scr_check)):
        for p, ref in _with_reference(tl.lab_series(key), last, mode, lowest=True, skip_marked=False):
            onset = None if ref is None else check(p, ref, mode, pr)
            if onset is not None:
                onsets.append(onset)
                break
    onsets += _declared(tl, "renal_flare", "renal flare")
    baselines = {k: tl.baseline_lab(k) for k in ("upcr_g_g", "creatinine_mg_dl")}
    details = _reference_details(ctx, baselines)
    missing = [_NAMES[k] for k, b in baselines.items() if b is None]
    if not any(follow.counts(o.day) for o in onsets) and len(missing) == len(baselines):
        return not_evaluable("Not evaluable: no baseline UPCR or creatinine to define a renal flare.", details)
    note = f"no baseline {', '.join(missing)}" if missing else ""
    return decide(follow, onsets, "renal flare", details, note)


def _declared(tl: Timeline, kind: str, label: str) -> list[Onset]:
    out = []
    for e in tl.events:
        if e.type == kind:
            day = tl.study_day(e.date)
            out.append(Onset(day, f"investigator-declared {label} with onset day {day}", {"declared": True}))
    return out


def evaluate_renal_flare(ctx: EvaluationContext) -> EndpointResult:
    """LN: time to first renal flare — proteinuric (UPCR bands) or nephritic (creatinine rise), KDIGO 2012, §4.2."""
    blocked = gate("ln_time_to_renal_flare", ctx.timeline)
    if blocked is not None:
        return blocked
    return renal_flare_result(ctx)
