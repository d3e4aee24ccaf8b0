"""ln_renal_response (endpoints.md §4.1, §7.6, §8.16)."""

from __future__ import annotations

from endpoints.egfr import egfr_on
from endpoints.renal_response import evaluate_renal_response
from endpoints.results import MET, NOT_APPLICABLE, NOT_EVALUABLE, NOT_MET, PENDING
from tests.endpoints.builders import BIRTH, ctx, dossier, missed, on, pred, rescue, visit, with_params


def scr_for(egfr: float, day: int) -> float:
    """Creatinine (mg/dL) giving this eGFR for the default subject (female, born BIRTH) on a study day."""
    lo, hi = 0.2, 10.0
    for _ in range(100):
        mid = (lo + hi) / 2
        if egfr_on(mid, "F", BIRTH, on(day)) > egfr:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def base_visits(egfr: float = 80.0, upcr: float = 2.0) -> list:
    return [visit("SCR", -14, upcr_g_g=3.0), visit("D0", 0, creatinine_mg_dl=scr_for(egfr, 0), upcr_g_g=upcr)]


TAPER = (pred(5, 0),)


def renal(*, w24: dict | None = None, extra=(), rows=TAPER, params=None, base=None, **kw):
    visits = list(base if base is not None else base_visits()) + [visit("W12", 84, pga=1.0)] + list(extra)
    if w24 is not None:
        visits.append(visit("W24", w24.pop("day", 168), **w24))
    return evaluate_renal_response(ctx(dossier(visits=visits, steroids=list(rows), **kw), params))


GOOD = {"upcr_g_g": 0.42, "creatinine_mg_dl": 0.9}


def test_met_reason_names_deciding_values() -> None:
    r = renal(w24=dict(GOOD))
    assert r.status == MET
    assert r.reason.startswith("UPCR 0.42 ≤ 0.5 g/g at W24 (2026-06-22); eGFR ")
    assert "no renal rescue" in r.reason and "0 excess days > 7.5 mg in W12–W24" in r.reason
    assert r.details["proteinuria"]["value"] == 0.42 and r.details["egfr"]["w24"] > 60


def test_upcr_exactly_threshold_meets_and_above_fails() -> None:
    assert renal(w24={"upcr_g_g": 0.5, "creatinine_mg_dl": 0.9}).status == MET
    r = renal(w24={"upcr_g_g": 0.51, "creatinine_mg_dl": 0.9})
    assert r.status == NOT_MET and "UPCR 0.51 > 0.5 g/g" in r.reason


def test_24h_proteinuria_substitutes_for_missing_upcr() -> None:
    r = renal(w24={"proteinuria_g_24h": 0.3, "creatinine_mg_dl": 0.9})
    assert r.status == MET and "24-h proteinuria" in r.reason and "allow_24h_for_upcr" in r.reason
    assert renal(w24={"proteinuria_g_24h": 0.6, "creatinine_mg_dl": 0.9}).status == NOT_MET
    no_sub = with_params(allow_24h_for_upcr=False)
    r = renal(w24={"proteinuria_g_24h": 0.3, "creatinine_mg_dl": 0.9}, params=no_sub)
    assert r.status == NOT_EVALUABLE and "UPCR missing at W24" in r.reason


def test_missing_value_pending_until_due_day() -> None:
    r = renal(w24={"creatinine_mg_dl": 0.9}, as_of_day=175)
    assert r.status == PENDING and "UPCR missing at W24" in r.reason and "due day 175" in r.reason
    r = renal(w24={"upcr_g_g": 0.4}, as_of_day=176)
    assert r.status == NOT_EVALUABLE and r.reason == "Creatinine missing at W24."


def test_missing_component_does_not_hide_a_failure() -> None:
    assert renal(w24={"upcr_g_g": 0.9}, as_of_day=170).status == NOT_MET


def test_worked_example_6_confirmed_egfr_decrease() -> None:
    w20 = visit("W20", 140, creatinine_mg_dl=scr_for(62, 140))
    r = renal(w24={"upcr_g_g": 0.45, "creatinine_mg_dl": scr_for(58, 168)}, extra=[w20])
    assert r.status == NOT_MET
    assert "confirmed decrease > 20 % from baseline 80" in r.reason and "W20 day 140 eGFR 62" in r.reason
    assert r.details["egfr"]["confirming_visit"] == "W20"
    w20_ok = visit("W20", 140, creatinine_mg_dl=scr_for(70, 140))
    r = renal(w24={"upcr_g_g": 0.45, "creatinine_mg_dl": scr_for(58, 168)}, extra=[w20_ok])
    assert r.status == MET and "not confirmed" in r.reason


def test_confirming_value_is_latest_post_baseline_creatinine_before_w24() -> None:
    extra = [visit("W20", 140, creatinine_mg_dl=scr_for(62, 140)), visit("UNS", 150, creatinine_mg_dl=scr_for(70, 150))]
    assert renal(w24={"upcr_g_g": 0.45, "creatinine_mg_dl": scr_for(58, 168)}, extra=extra).status == MET


def test_decrease_without_earlier_value_is_not_confirmed() -> None:
    r = renal(w24={"upcr_g_g": 0.45, "creatinine_mg_dl": scr_for(58, 168)})
    assert r.status == MET and "no earlier post-baseline creatinine" in r.reason


def test_egfr_below_60_but_not_20_percent_down() -> None:
    r = renal(w24={"upcr_g_g": 0.45, "creatinine_mg_dl": scr_for(55, 168)}, base=base_visits(egfr=65))
    assert r.status == MET and "not more than 20 % below baseline 65" in r.reason


def test_egfr_at_least_60_needs_no_baseline() -> None:
    assert renal(w24=dict(GOOD), base=[visit("D0", 0, upcr_g_g=2.0)]).status == MET


def test_egfr_below_60_without_baseline_creatinine() -> None:
    r = renal(w24={"upcr_g_g": 0.45, "creatinine_mg_dl": scr_for(50, 168)}, base=[visit("D0", 0, upcr_g_g=2.0)])
    assert r.status == NOT_EVALUABLE and "baseline creatinine missing" in r.reason


def test_renal_rescue_decides_before_w24() -> None:
    r = renal(medications=[rescue(100, "cyclophosphamide", "renal")], as_of_day=120)
    assert r.status == NOT_MET and r.reason == "Renal rescue cyclophosphamide on day 100."
    assert renal(w24=dict(GOOD), medications=[rescue(100, "ivig", "haematologic")]).status == MET
    assert renal(w24=dict(GOOD), medications=[rescue(0, "cyclophosphamide", "renal")]).status == MET
    wider = with_params(ln_rescue_indications=("renal", "haematologic"))
    assert renal(w24=dict(GOOD), medications=[rescue(100)], params=wider).status == NOT_MET


def test_rescue_after_w24_day_does_not_count() -> None:
    assert renal(w24=dict(GOOD, day=165), medications=[rescue(170, "cyclophosphamide", "renal")]).status == MET


def test_worked_example_6_steroid_runs() -> None:
    seven = [pred(5, 0), pred(5, 120, 126)]
    r = renal(w24=dict(GOOD), rows=seven)
    assert r.status == NOT_MET and "7 excess days" in r.reason and "120–126" in r.reason
    assert renal(w24=dict(GOOD), rows=[pred(5, 0), pred(5, 120, 125)]).status == MET


def test_cumulative_versus_consecutive_rule() -> None:
    rows = [pred(5, 0), pred(5, 100, 103), pred(5, 130, 132)]  # 4 + 3 excess days, longest run 4
    assert renal(w24=dict(GOOD), rows=rows).status == NOT_MET
    r = renal(w24=dict(GOOD), rows=rows, params=with_params(ln_steroid_rule="consecutive"))
    assert r.status == MET and "longest run of 4 days" in r.reason


def test_steroid_excess_decides_while_w24_pending() -> None:
    assert renal(rows=[pred(10, 90, 96)], as_of_day=120).status == NOT_MET


def test_steroid_log_incomplete() -> None:
    r = renal(w24=dict(GOOD), complete_through_day=160, as_of_day=180)
    assert r.status == NOT_EVALUABLE and "steroid log incomplete" in r.reason.lower()


def test_w24_missing_and_imputation() -> None:
    r = renal(as_of_day=176)
    assert r.status == NOT_EVALUABLE and r.reason == "W24 visit missing."
    assert renal(as_of_day=175).status == PENDING
    r = renal(as_of_day=176, params=with_params(nonresponder_imputation=True))
    assert r.status == NOT_MET and "nonresponder_imputation" in r.reason
    r = renal(extra=[missed("W24", "subject travelling")], as_of_day=170)
    assert r.status == PENDING and "declared missed (subject travelling)" in r.reason
    r = renal(extra=[missed("W24", "subject travelling")], as_of_day=176)
    assert r.status == NOT_EVALUABLE and r.reason == "W24 visit declared missed (subject travelling)."


def test_missing_value_is_not_imputed() -> None:
    r = renal(w24={"creatinine_mg_dl": 0.9}, as_of_day=200, params=with_params(nonresponder_imputation=True))
    assert r.status == NOT_EVALUABLE


def test_withdrawal_and_death() -> None:
    r = renal(as_of_day=120, withdrawal_day=95, status="withdrawn")
    assert r.status == NOT_EVALUABLE and r.reason.startswith("Withdrawn day 95")
    r = renal(as_of_day=120, death_day=60)
    assert r.status == NOT_EVALUABLE and r.reason.startswith("Died day 60")
    # data entered after withdrawal are still used
    assert renal(w24=dict(GOOD), withdrawal_day=100, status="withdrawn").status == MET


def test_visit_one_day_outside_window() -> None:
    r = renal(w24=dict(GOOD, day=176), as_of_day=200)
    assert r.status == MET
    assert r.details["warnings"] == ["W24 on day 176 is outside its window (days 161–175)"]
    r = renal(w24=dict(GOOD, day=176), as_of_day=200, params=with_params(reject_out_of_window=True))
    assert r.status == NOT_EVALUABLE and "outside its window" in r.reason


def test_not_applicable_for_lc() -> None:
    r = renal(w24=dict(GOOD), subgroup="LC")
    assert r.status == NOT_APPLICABLE


def test_no_day0() -> None:
    assert renal(i1_given=False).status == PENDING
    assert renal(i1_given=False, status="withdrawn", withdrawal_day=-3).status == NOT_EVALUABLE


def test_grace_days_extend_pending() -> None:
    grace = with_params(data_entry_grace_days=14)
    r = renal(as_of_day=189, params=grace)
    assert r.status == PENDING and r.details["due_day"] == 189
    assert renal(as_of_day=190, params=grace).status == NOT_EVALUABLE


def test_no_nearest_visit_substitution() -> None:
    r = renal(extra=[visit("UNS", 168, upcr_g_g=0.3, creatinine_mg_dl=0.9)], as_of_day=200)
    assert r.status == NOT_EVALUABLE and r.reason == "W24 visit missing."


def test_w24_anchored_on_actual_infusion_2() -> None:
    r = renal(as_of_day=181, i2_day=90)
    assert r.status == PENDING and r.details["due_day"] == 181
    assert renal(as_of_day=182, i2_day=90).status == NOT_EVALUABLE
