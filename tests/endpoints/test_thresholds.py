"""Every threshold of endpoints.md §6 at its exact value and one step either side, driven by one table.

Each row names the `ProtocolParams` field (= the key in resources/study.toml), the endpoint it decides, the
comparison the spec writes (the condition holds when `value <op> threshold`), a step, a builder that evaluates a
dossier at a given value, and the outcome when the condition holds and when it does not. The threshold is read
from the parameters, so the rows follow the study configuration. `test_every_parameter_is_classified` fails when
`ProtocolParams` gains a field that is neither in the table nor listed as not being a threshold.
"""

from __future__ import annotations

import math
import operator
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from endpoints.egfr import egfr_on
from endpoints.flares import evaluate_renal_flare, evaluate_time_to_hematologic_flare, evaluate_time_to_severe_sfi_flare
from endpoints.hematologic_improvement import evaluate_hematologic_improvement
from endpoints.lldas import evaluate_lldas
from endpoints.params import DEFAULT_VISITS, ProtocolParams
from endpoints.remission import evaluate_complete_remission
from endpoints.renal_response import evaluate_renal_response
from endpoints.results import CENSORED, EVENT, MET, NOT_APPLICABLE, NOT_EVALUABLE, NOT_MET, PENDING
from endpoints.schedule import visit_window
from endpoints.sri import evaluate_sledai_reduction, evaluate_sri4
from endpoints.steroid_endpoints import evaluate_primary_steroid_taper, evaluate_steroid_maintained
from endpoints.timeline import build_timeline
from endpoints.treatment_failure import evaluate_treatment_failure
from endpoints.visit_status import weight_for_infusion
from tests.endpoints.builders import (
    BIRTH,
    bilag_grades,
    ctx,
    dialysis,
    dossier,
    lldas_form,
    on,
    pred,
    sledai_scoring,
    visit,
)

OPS: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}
UMOL_PER_MG_DL = 88.4

# -- helpers ----------------------------------------------------------------------------------------------------


def creatinine_for_egfr(egfr: float, when: date, birth: date = BIRTH, sex: str = "F") -> float:
    """The creatinine (mg/dL) whose CKD-EPI 2021 eGFR on `when` is closest to `egfr` (exactly equal when a float
    creatinine gives it)."""
    lo, hi = 0.05, 30.0  # eGFR falls as creatinine rises
    for _ in range(200):
        mid = (lo + hi) / 2
        if egfr_on(mid, sex, birth, when) > egfr:
            lo = mid
        else:
            hi = mid
    candidates = [hi]
    for direction in (math.inf, -math.inf):
        x = hi
        for _ in range(40):
            x = math.nextafter(x, direction)
            candidates.append(x)
    return min(candidates, key=lambda s: abs(egfr_on(s, sex, birth, when) - egfr))


def exact_egfr_subject(egfr: float, days: tuple[int, ...]) -> tuple[date, float]:
    """A birth date and a creatinine giving exactly `egfr` on every one of `days` (same age on all of them)."""
    for years in range(30, 60):
        birth = date(2026 - years, 12, 31)  # no birthday falls within the study days used here
        scr = creatinine_for_egfr(egfr, on(days[0]), birth)
        if all(egfr_on(scr, "F", birth, on(d)) == egfr for d in days):
            return birth, scr
    raise AssertionError(f"no float creatinine gives eGFR exactly {egfr}")


def status(result: Any) -> str:
    return result.status


# -- builders: each evaluates one endpoint with the varied value ------------------------------------------------


def grace_days(value: float, p: ProtocolParams) -> str:
    """`lldas_w24` without a W24 visit, evaluated `value` days after the end of the W24 window."""
    latest = visit_window("W24", 84, p).latest
    d = dossier(visits=[visit("D0", 0, pga=1.0)], as_of_day=latest + int(value))
    return status(evaluate_lldas(ctx(d, p)))


def taper_dose(value: float, p: ProtocolParams) -> str:
    """`primary_steroid_taper` with `value` mg prednisone on day 50 (5 mg otherwise)."""
    rows = [pred(5, -30, 49), pred(value, 50, 50), pred(5, 51, None)]
    visits = [visit("W4", 28, pga=1.0), visit("W12", 84, pga=1.0)]
    return status(evaluate_primary_steroid_taper(ctx(dossier(visits=visits, steroids=rows), p)))


def w12_day_dose(value: float, p: ProtocolParams) -> str:
    """`steroid_le7_5_by_w12_maintained_w24` with `value` mg on the W12 day only."""
    rows = [pred(5, -30, 83), pred(value, 84, 84), pred(5, 85, None)]
    visits = [visit("W12", 84, pga=1.0), visit("W24", 168, pga=1.0)]
    return status(evaluate_steroid_maintained(ctx(dossier(visits=visits, steroids=rows), p)))


def taper_excess_days(value: float, p: ProtocolParams) -> str:
    """`primary_steroid_taper` with `value` days of 10 mg from day 50."""
    n = int(value)
    rows = [pred(5, -30, 49), pred(10, 50, 49 + n), pred(5, 50 + n, None)]
    visits = [visit("W4", 28, pga=1.0), visit("W12", 84, pga=1.0)]
    return status(evaluate_primary_steroid_taper(ctx(dossier(visits=visits, steroids=rows), p)))


def renal(p: ProtocolParams, *, w24: dict[str, Any] | None = None, w20: dict[str, Any] | None = None,
          base: dict[str, Any] | None = None, rows: list[Any] | None = None, birth: date = BIRTH) -> str:
    """`ln_renal_response` of a responder (UPCR 0.3, eGFR ≈ 110 at W24), with the given values changed."""
    w24_labs = {"upcr_g_g": 0.3, "creatinine_mg_dl": 0.7, **(w24 or {})}
    base_labs = {"upcr_g_g": 2.0, "creatinine_mg_dl": 0.7, **(base or {})}
    visits = [visit("D0", 0, **base_labs), visit("W12", 84, upcr_g_g=0.6),
              visit("W20", 140, **(w20 or {})), visit("W24", 168, **w24_labs)]
    d = dossier(visits=visits, steroids=rows or [pred(5, -30)], birth_date=birth)
    return status(evaluate_renal_response(ctx(d, p)))


def steroid_excess_split(value: float, p: ProtocolParams) -> str:
    """`ln_renal_response` with `value` excess days in W12–W24 as two runs (3 days, then the rest)."""
    n = int(value)
    rows = [pred(5, -30, 99), pred(10, 100, 102), pred(5, 103, 129), pred(10, 130, 129 + n - 3), pred(5, 130 + n - 3)]
    return renal(p, rows=rows)


def steroid_longest_run(value: float, p: ProtocolParams) -> str:
    """`ln_renal_response` with a run of `value` consecutive excess days plus a separate 3-day run."""
    n = int(value)
    rows = [pred(5, -30, 99), pred(10, 100, 102), pred(5, 103, 119), pred(10, 120, 119 + n), pred(5, 120 + n)]
    return renal(p, rows=rows)


def w24_upcr(value: float, p: ProtocolParams) -> str:
    return renal(p, w24={"upcr_g_g": value})


def w24_egfr(value: float, p: ProtocolParams) -> str:
    """W24 eGFR = `value` (exactly, at the threshold); baseline eGFR 90 and a confirming W20 eGFR 50."""
    birth, scr = exact_egfr_subject(value, (168,)) if value == p.ln_egfr_min else (BIRTH, None)
    if scr is None:
        scr = creatinine_for_egfr(value, on(168), birth)
    base = creatinine_for_egfr(90.0, on(0), birth)
    return renal(p, w24={"creatinine_mg_dl": scr}, w20={"creatinine_mg_dl": creatinine_for_egfr(50.0, on(140), birth)},
                 base={"creatinine_mg_dl": base}, birth=birth)


def _drop(value_pct: float, confirm_pct: float, p: ProtocolParams) -> str:
    base_scr = creatinine_for_egfr(70.0, on(0))
    base = egfr_on(base_scr, "F", BIRTH, on(0))
    at = {"creatinine_mg_dl": creatinine_for_egfr(base * (100 - value_pct) / 100, on(168))}
    before = {"creatinine_mg_dl": creatinine_for_egfr(base * (100 - confirm_pct) / 100, on(140))}
    return renal(p, w24=at, w20=before, base={"creatinine_mg_dl": base_scr})


def w24_egfr_drop(value: float, p: ProtocolParams) -> str:
    """eGFR at W24 `value` % below a baseline of 70 (so < 60), confirmed by W20 30 % below."""
    return _drop(value, 30.0, p)


def w20_egfr_drop(value: float, p: ProtocolParams) -> str:
    """W24 30 % below baseline 70; the confirming W20 `value` % below."""
    return _drop(30.0, value, p)


def hi(p: ProtocolParams, base: dict[str, float], w24: dict[str, float]) -> str:
    visits = [visit("D0", 0, **base), visit("W24", 168, **w24)]
    return status(evaluate_hematologic_improvement(ctx(dossier("LC", visits=visits), p)))


def hgb_rise(value: float, p: ProtocolParams) -> str:
    return hi(p, {"hemoglobin_g_dl": 8.0}, {"hemoglobin_g_dl": round(8.0 + value, 6)})


def anc_rise(value: float, p: ProtocolParams) -> str:
    """ANC 0.4 → 0.4 + value (doubled for every value used)."""
    return hi(p, {"anc_10e9_l": 0.4}, {"anc_10e9_l": round(0.4 + value, 6)})


def plt_cut(value: float, p: ProtocolParams) -> str:
    """Baseline platelets `value`, W24 + 25: meets the ≤ cut rule (+20 and ×2), not the > cut rule (+30)."""
    return hi(p, {"platelets_10e9_l": value}, {"platelets_10e9_l": value + 25})


def plt_rise_hi(value: float, p: ProtocolParams) -> str:
    return hi(p, {"platelets_10e9_l": 40.0}, {"platelets_10e9_l": 40.0 + value})


def plt_rise_lo(value: float, p: ProtocolParams) -> str:
    return hi(p, {"platelets_10e9_l": 10.0}, {"platelets_10e9_l": 10.0 + value})


def reduction_floor(value: float, p: ProtocolParams) -> str:
    """`sledai_reduction_ge4_w24` with baseline SLEDAI-2K `value` and W24 0."""
    visits = [visit("D0", 0, sledai=sledai_scoring(int(value))), visit("W24", 168, sledai=sledai_scoring(0))]
    return status(evaluate_sledai_reduction(ctx(dossier(visits=visits), p)))


def sri_pga(value: float, p: ProtocolParams) -> str:
    """`sri4_w24`: SLEDAI-2K 10 → 4, BILAG unchanged, PGA 0.9 → 0.9 + `value` tenths."""
    visits = [visit("D0", 0, sledai=sledai_scoring(10), pga=0.9, bilag=bilag_grades("D")),
              visit("W24", 168, sledai=sledai_scoring(4), pga=(9 + value) / 10, bilag=bilag_grades("D"))]
    return status(evaluate_sri4(ctx(dossier(visits=visits), p)))


def steroid_rise_days(value: float, p: ProtocolParams) -> str:
    """Severe flare (S5): oral prednisone 10 → 20 mg held `value` days from day 50."""
    n = int(value)
    rows = [pred(10, -30, 49), pred(20, 50, 49 + n), pred(10, 50 + n)]
    d = dossier(visits=[visit("D0", 0, platelets_10e9_l=150)], steroids=rows, as_of_day=300)
    return status(evaluate_time_to_severe_sfi_flare(ctx(d, p)))


def heme(p: ProtocolParams, key: str, reference: float, value: float) -> str:
    visits = [visit("D0", 0, **{key: reference}), visit("W4", 28, **{key: value})]
    return status(evaluate_time_to_hematologic_flare(ctx(dossier("LC", visits=visits, as_of_day=300), p)))


def hflare_plt(value: float, p: ProtocolParams) -> str:
    return heme(p, "platelets_10e9_l", 120.0, value)


def hflare_plt_drop(value: float, p: ProtocolParams) -> str:
    """Platelets 80 → `value` % lower (all below 50)."""
    return heme(p, "platelets_10e9_l", 80.0, round(80.0 * (100 - value) / 100, 6))


def hflare_hgb_drop(value: float, p: ProtocolParams) -> str:
    return heme(p, "hemoglobin_g_dl", 11.5, round(11.5 - value, 6))


def hflare_hgb_max(value: float, p: ProtocolParams) -> str:
    return heme(p, "hemoglobin_g_dl", 13.0, value)


def hflare_anc_value(value: float, p: ProtocolParams) -> str:
    return heme(p, "anc_10e9_l", 1.5, value)


def hflare_anc_reference(value: float, p: ProtocolParams) -> str:
    return heme(p, "anc_10e9_l", value, 0.5)


def rflare(p: ProtocolParams, key: str, reference: float, value: float) -> str:
    visits = [visit("D0", 0, **{key: reference}), visit("W4", 28, **{key: value})]
    return status(evaluate_renal_flare(ctx(dossier("LN", visits=visits, as_of_day=300), p)))


def upcr_low_ref(value: float, p: ProtocolParams) -> str:
    """Reference UPCR `value`, then 1.5: a flare only in the low band (≥ 1.0)."""
    return rflare(p, "upcr_g_g", value, 1.5)


def upcr_high_ref(value: float, p: ProtocolParams) -> str:
    """Reference UPCR `value`, then 2.1: a flare in the middle band (≥ 2.0), not above it (≥ 2.5 × reference)."""
    return rflare(p, "upcr_g_g", value, 2.1)


def upcr_low_trigger(value: float, p: ProtocolParams) -> str:
    return rflare(p, "upcr_g_g", 0.3, value)


def upcr_mid_trigger(value: float, p: ProtocolParams) -> str:
    return rflare(p, "upcr_g_g", 0.7, value)


def upcr_high_factor(value: float, p: ProtocolParams) -> str:
    """Reference UPCR 1.5, then `value` × 1.5."""
    return rflare(p, "upcr_g_g", 1.5, round(1.5 * value, 6))


def scr_ref_cut(value: float, p: ProtocolParams) -> str:
    """Reference creatinine `value`, then + 0.3 mg/dL: a flare only below the cut (+0.20 needed, not +0.40)."""
    return rflare(p, "creatinine_mg_dl", value, round(value + 0.3, 6))


def scr_rise_low(value: float, p: ProtocolParams) -> str:
    return rflare(p, "creatinine_mg_dl", 1.0, round(1.0 + value, 6))


def scr_rise_high(value: float, p: ProtocolParams) -> str:
    return rflare(p, "creatinine_mg_dl", 2.5, round(2.5 + value, 6))


GOOD_REMISSION = {"creatinine_mg_dl": 0.9, "upcr_g_g": 0.1, "urine_rbc_hpf": 1.0, "urine_wbc_hpf": 1.0,
                  "urine_casts": ()}


def remission(p: ProtocolParams, **labs: Any) -> str:
    visits = [visit("D0", 0, upcr_g_g=3.0), visit("W4", 28, **{**GOOD_REMISSION, **labs})]
    return status(evaluate_complete_remission(ctx(dossier("LN", visits=visits, as_of_day=300), p)))


def cr_creatinine_umol(value: float, p: ProtocolParams) -> str:
    """W4 creatinine entered as `value` µmol/L (stored in mg/dL as the entry form converts it)."""
    return remission(p, creatinine_mg_dl=value / UMOL_PER_MG_DL)


def cr_24h(value: float, p: ProtocolParams) -> str:
    return remission(p, proteinuria_g_24h=value, upcr_g_g=None)


def cr_upcr(value: float, p: ProtocolParams) -> str:
    return remission(p, upcr_g_g=value)


def cr_rbc(value: float, p: ProtocolParams) -> str:
    return remission(p, urine_rbc_hpf=value)


def cr_wbc(value: float, p: ProtocolParams) -> str:
    return remission(p, urine_wbc_hpf=value)


def tf_component(p: ProtocolParams, name: str, **kw: Any) -> str:
    kw.setdefault("as_of_day", 300)
    kw.setdefault("visits", [visit("D0", 0, creatinine_mg_dl=1.0)])
    return status(evaluate_treatment_failure(ctx(dossier("LN", **kw), p)).components[name])


def dialysis_days(value: float, p: ProtocolParams) -> str:
    return tf_component(p, "esrd", renal_replacement=[dialysis(100, 99 + int(value))])


def esrd_egfr(value: float, p: ProtocolParams) -> str:
    """eGFR `value` at every assessment on days 28 … 140 (112 days)."""
    days = (28, 56, 84, 112, 140)
    if value == p.esrd_egfr_max:
        birth, scr = exact_egfr_subject(value, days)
    else:
        birth, scr = BIRTH, creatinine_for_egfr(value, on(28))
    visits = [visit("D0", 0, creatinine_mg_dl=1.0)] + [visit("UNS", d, creatinine_mg_dl=scr) for d in days]
    return tf_component(p, "esrd", visits=visits, birth_date=birth)


def esrd_egfr_span(value: float, p: ProtocolParams) -> str:
    """eGFR ≈ 10 on day 28, day 56 and day 28 + `value`."""
    n = int(value)
    scr = 5.0
    visits = [visit("D0", 0, creatinine_mg_dl=1.0), visit("UNS", 28, creatinine_mg_dl=scr),
              visit("UNS", 56, creatinine_mg_dl=scr), visit("UNS", 28 + n, creatinine_mg_dl=scr)]
    return tf_component(p, "esrd", visits=visits)


def doubling_span(value: float, p: ProtocolParams) -> str:
    """Creatinine 1.0 at baseline, 2.0 on day 56 and on day 56 + `value`."""
    n = int(value)
    visits = [visit("D0", 0, creatinine_mg_dl=1.0), visit("UNS", 56, creatinine_mg_dl=2.0),
              visit("UNS", 56 + n, creatinine_mg_dl=2.0)]
    return tf_component(p, "creatinine_doubling", visits=visits)


def lldas(p: ProtocolParams, *, pga: float = 0.5, sledai_total: int = 2, rows: list[Any] | None = None) -> str:
    """`lldas_w24` of a subject in LLDAS (W20 with the same descriptors as W24), with one value changed."""
    visits = [visit("D0", 0, sledai=sledai_scoring(10), pga=1.5),
              visit("W20", 140, sledai=sledai_scoring(sledai_total)),
              visit("W24", 168, sledai=sledai_scoring(sledai_total), pga=pga, lldas=lldas_form())]
    return status(evaluate_lldas(ctx(dossier(visits=visits, steroids=rows or [pred(5, 0)]), p)))


def lldas_pga(value: float, p: ProtocolParams) -> str:
    return lldas(p, pga=value / 10)


def lldas_dose(value: float, p: ProtocolParams) -> str:
    return lldas(p, rows=[pred(5, 0, 167), pred(value, 168, 168), pred(5, 169)])


def lldas_sledai(value: float, p: ProtocolParams) -> str:
    return lldas(p, sledai_total=int(value))


def infusion_weight_age(value: float, p: ProtocolParams) -> str:
    """Whether a weight measured `value` days before the infusion may be used for the dose."""
    infusion = date(2026, 3, 30)
    found = weight_for_infusion([(infusion - timedelta(days=int(value)), 60.0)], infusion, p)
    return "usable" if found else "too old"


# -- the table ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Threshold:
    """One threshold of §6: the condition `value <holds> threshold` decides between two outcomes."""

    name: str  # row id
    param: str  # ProtocolParams field = resources/study.toml key
    endpoint: str
    holds: str  # the spec's comparison: "<", "<=", ">", ">="
    step: float
    build: Callable[[float, ProtocolParams], str]
    when_holds: str
    otherwise: str
    params: dict[str, Any] = field(default_factory=dict)  # overrides, e.g. a tolerance above 0 to have a side below

    def threshold(self, p: ProtocolParams) -> float:
        return getattr(p, self.param)


T = Threshold
TABLE: tuple[Threshold, ...] = (
    T("grace", "data_entry_grace_days", "lldas_w24", "<=", 1, grace_days, PENDING, NOT_EVALUABLE),
    T("grace_14", "data_entry_grace_days", "lldas_w24", "<=", 1, grace_days, PENDING, NOT_EVALUABLE,
      {"data_entry_grace_days": 14}),
    T("excess_dose", "steroid_threshold_mg", "primary_steroid_taper", ">", 0.001, taper_dose, NOT_MET, MET),
    T("w12_day_dose", "steroid_threshold_mg", "steroid_le7_5_by_w12_maintained_w24", ">", 0.001, w12_day_dose,
      NOT_MET, MET),
    T("tolerance", "taper_excursion_tolerance_days", "primary_steroid_taper", "<=", 1, taper_excess_days, MET,
      NOT_MET, {"taper_excursion_tolerance_days": 2}),
    T("run_cumulative", "ln_steroid_run_days", "ln_renal_response", ">=", 1, steroid_excess_split, NOT_MET, MET),
    T("run_consecutive", "ln_steroid_run_days", "ln_renal_response", ">=", 1, steroid_longest_run, NOT_MET, MET,
      {"ln_steroid_rule": "consecutive"}),
    T("upcr_max", "ln_upcr_max", "ln_renal_response", "<=", 0.01, w24_upcr, MET, NOT_MET),
    T("egfr_min", "ln_egfr_min", "ln_renal_response", ">=", 0.1, w24_egfr, MET, NOT_MET),
    T("egfr_drop_w24", "ln_egfr_drop_pct", "ln_renal_response", ">", 0.1, w24_egfr_drop, NOT_MET, MET),
    T("egfr_drop_confirming", "ln_egfr_drop_pct", "ln_renal_response", ">", 0.1, w20_egfr_drop, NOT_MET, MET),
    T("hgb_rise", "hi_hgb_rise", "lc_hematologic_improvement", ">=", 0.1, hgb_rise, MET, NOT_MET),
    T("anc_rise", "hi_anc_rise_abs", "lc_hematologic_improvement", ">=", 0.1, anc_rise, MET, NOT_MET),
    T("plt_cut", "hi_plt_cut", "lc_hematologic_improvement", "<=", 1, plt_cut, MET, NOT_MET),
    T("plt_rise_hi", "hi_plt_rise_hi", "lc_hematologic_improvement", ">=", 1, plt_rise_hi, MET, NOT_MET),
    T("plt_rise_lo", "hi_plt_rise_lo", "lc_hematologic_improvement", ">=", 1, plt_rise_lo, MET, NOT_MET),
    T("reduction_floor", "sledai_reduction_min_baseline", "sledai_reduction_ge4_w24", ">=", 1, reduction_floor, MET,
      NOT_APPLICABLE, {"sledai_reduction_min_baseline": 4}),
    T("sri_pga", "sri_pga_max_increase_tenths", "sri4_w24", "<", 1, sri_pga, MET, NOT_MET),
    T("steroid_min_days", "sfi_steroid_min_days", "time_to_severe_sfi_flare", ">=", 1, steroid_rise_days, EVENT,
      CENSORED),
    T("hflare_plt", "hflare_plt_max", "time_to_hematologic_flare", "<", 1, hflare_plt, EVENT, CENSORED),
    T("hflare_plt_drop", "hflare_plt_drop_pct", "time_to_hematologic_flare", ">=", 1, hflare_plt_drop, EVENT,
      CENSORED),
    T("hflare_hgb_drop", "hflare_hgb_drop", "time_to_hematologic_flare", ">=", 0.1, hflare_hgb_drop, EVENT, CENSORED),
    T("hflare_hgb_max", "hflare_hgb_max", "time_to_hematologic_flare", "<", 0.1, hflare_hgb_max, EVENT, CENSORED),
    T("hflare_anc_value", "hflare_anc_max", "time_to_hematologic_flare", "<", 0.1, hflare_anc_value, EVENT,
      CENSORED),
    T("hflare_anc_reference", "hflare_anc_max", "time_to_hematologic_flare", ">=", 0.1, hflare_anc_reference, EVENT,
      CENSORED),
    T("upcr_low_ref", "rflare_upcr_low_ref", "ln_time_to_renal_flare", "<", 0.01, upcr_low_ref, EVENT, CENSORED),
    T("upcr_high_ref", "rflare_upcr_high_ref", "ln_time_to_renal_flare", "<=", 0.01, upcr_high_ref, EVENT,
      CENSORED, {"rflare_upcr_high_factor": 2.5}),
    T("upcr_low_trigger", "rflare_upcr_low_trigger", "ln_time_to_renal_flare", ">=", 0.01, upcr_low_trigger, EVENT,
      CENSORED),
    T("upcr_mid_trigger", "rflare_upcr_mid_trigger", "ln_time_to_renal_flare", ">=", 0.01, upcr_mid_trigger, EVENT,
      CENSORED),
    T("upcr_high_factor", "rflare_upcr_high_factor", "ln_time_to_renal_flare", ">=", 0.01, upcr_high_factor, EVENT,
      CENSORED),
    T("scr_ref_cut", "rflare_scr_ref_cut_mg_dl", "ln_time_to_renal_flare", "<", 0.01, scr_ref_cut, EVENT, CENSORED),
    T("scr_rise_low", "rflare_scr_rise_low_mg_dl", "ln_time_to_renal_flare", ">=", 0.01, scr_rise_low, EVENT,
      CENSORED),
    T("scr_rise_high", "rflare_scr_rise_high_mg_dl", "ln_time_to_renal_flare", ">=", 0.01, scr_rise_high, EVENT,
      CENSORED),
    T("cr_creatinine", "cr_scr_max_umol", "ln_time_to_complete_remission", "<", 0.1, cr_creatinine_umol, EVENT,
      CENSORED),
    T("cr_24h", "cr_prot_max", "ln_time_to_complete_remission", "<", 0.01, cr_24h, EVENT, CENSORED),
    T("cr_upcr", "cr_prot_max", "ln_time_to_complete_remission", "<", 0.01, cr_upcr, EVENT, CENSORED),
    T("cr_rbc", "cr_rbc_max", "ln_time_to_complete_remission", "<", 1, cr_rbc, EVENT, CENSORED),
    T("cr_wbc", "cr_wbc_max", "ln_time_to_complete_remission", "<", 1, cr_wbc, EVENT, CENSORED),
    T("dialysis_days", "esrd_dialysis_min_days", "ln_treatment_failure_components.esrd", ">=", 1, dialysis_days,
      EVENT, CENSORED),
    T("esrd_egfr", "esrd_egfr_max", "ln_treatment_failure_components.esrd", "<", 0.1, esrd_egfr, EVENT, CENSORED),
    T("esrd_egfr_days", "esrd_egfr_sustained_days", "ln_treatment_failure_components.esrd", ">=", 1, esrd_egfr_span,
      EVENT, CENSORED),
    T("doubling_days", "sustained_min_days", "ln_treatment_failure_components.creatinine_doubling", ">=", 1,
      doubling_span, EVENT, CENSORED),
    T("lldas_pga", "lldas_pga_max_tenths", "lldas_w24", "<=", 1, lldas_pga, MET, NOT_MET),
    T("lldas_pred", "lldas_pred_max", "lldas_w24", "<=", 0.001, lldas_dose, MET, NOT_MET),
    T("lldas_sledai", "lldas_sledai_max", "lldas_w24", "<=", 1, lldas_sledai, MET, NOT_MET),
    T("infusion_weight_age", "infusion_weight_max_age_days", "infusion dose weight (not an endpoint)", "<=", 1,
      infusion_weight_age, "usable", "too old"),
)

# Fields of ProtocolParams that are not thresholds, and where they are tested instead.
NOT_THRESHOLDS: dict[str, str] = {
    "visits": "window edges: test_visit_window_edges below",
    "anchor_post_i2_on_actual": "switch (test_schedule)",
    "reject_out_of_window": "switch (test_visit_window_edges, test_timeline)",
    "nonresponder_imputation": "switch (test_evaluate)",
    "steroid_factors": "conversion factors (test_steroids)",
    "steroid_systemic_routes": "list of routes (test_steroids)",
    "exclude_non_sle_steroids": "switch (test_steroids)",
    "ln_steroid_rule": "choice of counting rule (rows run_cumulative / run_consecutive)",
    "ln_rescue_indications": "list of indications (test_renal_response)",
    "allow_24h_for_upcr": "switch (test_renal_response)",
    "hi_require_baseline_cytopenia": "switch (test_hematologic_improvement)",
    "sledai_lookback_days": "printed on the SLEDAI-2K form only; the engine does not compare with it",
    "sfi_excluded_sole_triggers": "list of SFI criteria (test_sfi)",
    "sfi_new_is_agents": "list of agent classes (test_sfi)",
    "sfi_hgb_requires_hemolysis": "switch (test_sfi)",
    "flare_reference": "choice of reference (test_flares)",
    "cr_allow_upcr": "switch (test_remission)",
    "dose_cells_per_kg": "a dose factor, not a comparison (test_schedule_status)",
    "enrolment_target": "planned subjects per subgroup, an operational figure (test_visit_ladder operations)",
    "change_reasons": "standard reasons offered for a change of saved data (tests/ui/test_entry_flow.py)",
}


def _cases() -> list[Any]:
    return [pytest.param(row, k, id=f"{row.name}[{('-step', 'at', '+step')[k + 1]}]")
            for row in TABLE for k in (-1, 0, 1)]


@pytest.mark.parametrize(("row", "k"), _cases())
def test_threshold(row: Threshold, k: int) -> None:
    p = replace(ProtocolParams(), **row.params)
    threshold = row.threshold(p)
    value = round(threshold + k * row.step, 6)
    expected = row.when_holds if OPS[row.holds](value, threshold) else row.otherwise
    assert row.build(value, p) == expected, (row.param, row.holds, value)


def test_every_parameter_is_classified() -> None:
    """A new field of ProtocolParams must be added to TABLE (a threshold) or NOT_THRESHOLDS (with where it is
    tested), so a new threshold cannot be forgotten."""
    names = {f.name for f in fields(ProtocolParams)}
    in_table = {row.param for row in TABLE}
    assert not in_table & set(NOT_THRESHOLDS)
    assert names - in_table - set(NOT_THRESHOLDS) == set(), "classify the new parameter in test_thresholds.py"
    assert (in_table | set(NOT_THRESHOLDS)) - names == set(), "a row names a parameter that does not exist"
    numeric = {f.name for f in fields(ProtocolParams)
               if isinstance(getattr(ProtocolParams(), f.name), (int, float))
               and not isinstance(getattr(ProtocolParams(), f.name), bool)}
    assert numeric - in_table == {"sledai_lookback_days", "dose_cells_per_kg"}


def test_table_names_the_study_configuration_keys_and_the_spec_comparisons() -> None:
    study = tomllib.loads((Path(__file__).parents[2] / "resources" / "study.toml").read_text(encoding="utf-8"))
    keys = set(study["protocol"])
    assert {row.param for row in TABLE} <= keys
    assert all(row.holds in OPS and row.step > 0 and row.when_holds != row.otherwise for row in TABLE)
    # §6 writes the four complete-remission limits as strict "<".
    assert {row.holds for row in TABLE if row.param.startswith("cr_")} == {"<"}


@pytest.mark.parametrize("visit_def", DEFAULT_VISITS, ids=lambda v: v.code)
def test_visit_window_edges(visit_def: Any) -> None:
    """Each visit window (`visits` / `window_<code>`): the edges are inside, one day beyond is outside."""
    p = replace(ProtocolParams(), reject_out_of_window=True)
    window = visit_window(visit_def.code, 84, p)
    for day, inside in ((window.earliest - 1, False), (window.earliest, True), (window.latest, True),
                        (window.latest + 1, False)):
        d = dossier(visits=[visit(visit_def.code, day, pga=1.0)], as_of_day=2000)
        tl = build_timeline(d, p)
        assert (tl.scheduled(visit_def.code) is not None) is inside, (visit_def.code, day)


def test_infusion_weight_of_the_infusion_day_is_usable() -> None:
    infusion = date(2026, 3, 30)
    assert weight_for_infusion([(infusion, 60.0)], infusion, ProtocolParams()) == (infusion, 60.0)
    assert weight_for_infusion([(infusion + timedelta(days=1), 60.0)], infusion, ProtocolParams()) is None


def test_upcr_reference_exactly_1_is_in_the_middle_band_at_default_parameters() -> None:
    """§8.6: a reference of exactly 1.0 g/g is in the 0.5–1.0 band (≥ 2.0), not the '> 1.0: × 2' band."""
    visits = [visit("D0", 0, upcr_g_g=1.0), visit("W4", 28, upcr_g_g=2.0)]
    r = evaluate_renal_flare(ctx(dossier("LN", visits=visits, as_of_day=300)))
    assert (r.status, r.day) == (EVENT, 28)
    assert "with nadir reference 1 at D0 (day 0) in 0.5–1 (flare_reference = nadir)" in r.reason
