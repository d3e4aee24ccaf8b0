"""LN treatment-failure components: death, ESRD, doubling, renal/extrarenal flare, rescue (§4.2, §8.7, §8.8)."""

from __future__ import annotations

import json

from endpoints.dossier import RenalReplacement, SfiForm
from endpoints.flares import evaluate_renal_flare, evaluate_time_to_severe_sfi_flare
from endpoints.results import (
    CENSORED,
    COMPUTED,
    EVENT,
    NOT_APPLICABLE,
    NOT_EVALUABLE,
    PENDING,
    TREATMENT_FAILURE_COMPONENTS,
)
from endpoints.treatment_failure import evaluate_treatment_failure
from tests.endpoints.builders import complete_subject, ctx, dialysis, dossier, on, rescue, visit, with_params


def tf(params=None, **kw):
    kw.setdefault("as_of_day", 300)
    return evaluate_treatment_failure(ctx(dossier("LN", **kw), params))


def comp(name, **kw):
    return tf(**kw).components[name]


def scr(*pairs):
    codes = {0: "D0", 28: "W4", 56: "W8", 84: "W12", 112: "W16", 140: "W20", 168: "W24"}
    return [visit(codes.get(day, "UNS"), day, creatinine_mg_dl=value) for day, value in pairs]


def test_all_six_components_and_json() -> None:
    r = evaluate_treatment_failure(ctx(complete_subject("LN")))
    assert r.status == COMPUTED and tuple(r.components) == TREATMENT_FAILURE_COMPONENTS
    assert all(c.status == CENSORED and c.day == 168 for c in r.components.values())
    assert r.details["composite"] == {"status": "censored", "day": 168, "components": []}
    json.dumps(r.to_json())


def test_death() -> None:
    r = comp("death", visits=scr((0, 1.0), (28, 1.0)), death_day=60)
    assert (r.status, r.day) == (EVENT, 60)
    late = comp("death", visits=scr((0, 1.0), (28, 1.0), (168, 1.0)), death_day=200)
    assert (late.status, late.day) == (CENSORED, 168)


def test_esrd_transplant_and_chronic_dialysis() -> None:
    transplant = RenalReplacement("transplant", on(100))
    assert comp("esrd", renal_replacement=[transplant]).day == 100
    assert comp("esrd", renal_replacement=[dialysis(50, 55, chronic=True)]).day == 50


def test_esrd_dialysis_duration_is_stop_minus_start_plus_one() -> None:
    assert comp("esrd", renal_replacement=[dialysis(60, 149)]).day == 60  # 90 days
    r = comp("esrd", renal_replacement=[dialysis(60, 148)])  # 89 days
    assert r.status == CENSORED
    assert comp("esrd", renal_replacement=[dialysis(60, 148, chronic=False)]).status == CENSORED


def test_esrd_ongoing_dialysis_runs_to_as_of_and_onset_is_start_even_after_h() -> None:
    assert comp("esrd", renal_replacement=[dialysis(100)], as_of_day=189).day == 100
    labs = [visit("D0", 0, creatinine_mg_dl=0.9, upcr_g_g=0.3)]
    result = tf(visits=labs, renal_replacement=[dialysis(100)], as_of_day=188)  # 89 days, still running after H
    running = result.components["esrd"]
    assert (running.status, running.day) == (PENDING, 0) and "dialysis ongoing since day 100" in running.reason
    assert result.components["death"].status == CENSORED
    assert result.details["composite"] == {"status": PENDING, "day": 0, "components": ["esrd"]}
    assert "(ESRD pending)" in result.reason
    withdrawn = comp("esrd", renal_replacement=[dialysis(100)], as_of_day=188, withdrawal_day=150, status="withdrawn")
    assert withdrawn.status == CENSORED
    assert comp("esrd", renal_replacement=[dialysis(180)], as_of_day=240).status == CENSORED  # starts after H
    r = comp("esrd", renal_replacement=[dialysis(150)], as_of_day=239)  # 90th day is 239 > H 175
    assert (r.status, r.day) == (EVENT, 150)
    assert comp("esrd", renal_replacement=[dialysis(150)], as_of_day=160).status == PENDING


def test_esrd_sustained_egfr_below_15() -> None:
    high = 5.0  # eGFR ≈ 10 for a 35-year-old woman
    sustained = scr((0, 1.0), (28, high), (56, high), (84, high), (112, high), (140, high))
    r = comp("esrd", visits=sustained)
    assert (r.status, r.day) == (EVENT, 28) and "eGFR" in r.reason and "through W20 (day 140)" in r.reason
    broken = scr((0, 1.0), (28, high), (56, high), (84, 1.0), (112, high), (140, high))
    assert comp("esrd", visits=broken).status == CENSORED
    short = scr((0, 1.0), (28, high), (100, high), (117, high))  # 89 days
    assert comp("esrd", visits=short).status == CENSORED


def test_sustained_doubling_of_creatinine() -> None:
    r = comp("creatinine_doubling", visits=scr((0, 1.0), (56, 2.0), (84, 2.1)))
    assert (r.status, r.day) == (EVENT, 56)
    broken = scr((0, 1.0), (56, 2.0), (70, 1.9), (84, 2.2), (112, 2.2))
    assert comp("creatinine_doubling", visits=broken).day == 84
    too_short = scr((0, 1.0), (56, 2.0), (83, 2.1))
    assert comp("creatinine_doubling", visits=too_short).status == CENSORED
    custom = comp("creatinine_doubling", visits=too_short, params=with_params(sustained_min_days=27))
    assert custom.day == 56


def test_doubling_uses_only_assessments_with_creatinine_and_stops_at_h() -> None:
    visits = scr((0, 0.6), (56, 1.2), (84, 1.3)) + [visit("UNS", 70, upcr_g_g=1.0)]
    assert comp("creatinine_doubling", visits=visits).day == 56  # 0.6 × 2 = 1.2 exactly; urine-only UNS skipped
    after_h = scr((0, 1.0), (150, 2.0), (180, 2.0))
    assert comp("creatinine_doubling", visits=after_h).status == CENSORED
    before_as_of = scr((0, 1.0), (56, 2.0), (84, 2.0))
    assert comp("creatinine_doubling", visits=before_as_of, as_of_day=80).status == PENDING


def test_doubling_without_baseline_is_not_evaluable() -> None:
    r = tf(visits=scr((28, 2.0), (56, 2.0)))
    assert r.components["creatinine_doubling"].status == NOT_EVALUABLE
    assert r.details["composite"]["status"] == NOT_EVALUABLE


def test_renal_flare_component_is_the_renal_flare_endpoint() -> None:
    visits = [visit("D0", 0, upcr_g_g=0.3), visit("W8", 56, upcr_g_g=1.0)]
    c = ctx(dossier("LN", visits=visits, as_of_day=300))
    assert evaluate_treatment_failure(c).components["renal_flare"] == evaluate_renal_flare(c)
    assert evaluate_renal_flare(c).day == 56


def test_extrarenal_flare_skips_renal_severe_flares() -> None:
    visits = [visit("D0", 0, creatinine_mg_dl=1.0, hemoglobin_g_dl=12.0),
              visit("W4", 28, sfi=SfiForm({"nephritis": True})), visit("W8", 56, sfi=SfiForm({"cns": True}))]
    c = ctx(dossier("LN", visits=visits, as_of_day=300))
    extrarenal = evaluate_treatment_failure(c).components["extrarenal_flare"]
    assert (extrarenal.status, extrarenal.day) == (EVENT, 56) and "CNS lupus" in extrarenal.reason
    assert "renal severe flare(s) on day(s) 28 not counted" in evaluate_treatment_failure(
        ctx(dossier("LN", visits=visits[:2], as_of_day=300))).components["extrarenal_flare"].reason
    assert evaluate_time_to_severe_sfi_flare(c).day == 28


def test_rescue_any_indication() -> None:
    r = comp("rescue_therapy", medications=[rescue(120, "cyclophosphamide", "renal"), rescue(90, "ivig", "general")])
    assert (r.status, r.day) == (EVENT, 90) and "ivig" in r.reason
    assert comp("rescue_therapy", medications=[rescue(0)]).status == CENSORED


def test_composite_is_the_earliest_event() -> None:
    r = tf(visits=scr((0, 1.0), (28, 1.0)), medications=[rescue(90)], death_day=120)
    assert r.details["composite"] == {"status": EVENT, "day": 90, "components": ["rescue_therapy"]}
    assert "rescue therapy on day 90" in r.reason
    assert r.components["death"].day == 120


def test_no_day0_and_population() -> None:
    r = tf(i1_given=False)
    assert r.status == PENDING and all(c.status == PENDING for c in r.components.values())
    assert evaluate_treatment_failure(ctx(dossier("LC"))).status == NOT_APPLICABLE
