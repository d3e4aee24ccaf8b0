"""lc_hematologic_improvement (endpoints.md §4.1, §7.5, §8.16, §8.20)."""

from __future__ import annotations

import pytest

from endpoints.hematologic_improvement import evaluate_hematologic_improvement, lineage_response
from endpoints.params import ProtocolParams
from endpoints.results import MET, NOT_APPLICABLE, NOT_EVALUABLE, NOT_MET, PENDING
from tests.endpoints.builders import ctx, dossier, medication, rescue, visit, with_params

P = ProtocolParams()
BASE = {"hemoglobin_g_dl": 8.1, "anc_10e9_l": 0.4, "platelets_10e9_l": 15.0}


def hi(base=BASE, w24=None, extra=(), params=None, **kw):
    visits = [visit("D0", 0, **base)] + list(extra)
    if w24 is not None:
        visits.append(visit("W24", w24.pop("day", 168), **w24))
    return evaluate_hematologic_improvement(ctx(dossier("LC", visits=visits, **kw), params))


def test_worked_example_5() -> None:
    w24 = {"hemoglobin_g_dl": 9.6, "anc_10e9_l": 0.8, "platelets_10e9_l": 34.0}
    r = hi(w24=dict(w24))
    assert r.status == MET
    assert "Hgb 8.1 → 9.6 g/dL (rise 1.5 ≥ 1.5)" in r.reason and "no rescue therapy" in r.reason
    assert r.details["lineages"]["ANC"]["responds"] is False and r.details["lineages"]["Plt"]["responds"] is False
    r = hi(w24=dict(w24), medications=[rescue(100)])
    assert r.status == NOT_MET and r.reason.startswith("Rescue therapy ivig on day 100")


@pytest.mark.parametrize(
    ("name", "base", "value", "responds"),
    [
        ("Hgb", 8.1, 9.6, True),  # floating-point 1.4999999 is a rise of 1.5
        ("Hgb", 8.1, 9.5, False),
        ("ANC", 0.4, 0.8, False),  # doubled, only +0.4
        ("ANC", 0.5, 1.0, True),  # doubled and +0.5
        ("ANC", 1.0, 1.9, False),  # +0.9, not doubled
        ("Plt", 21.0, 51.0, True),
        ("Plt", 21.0, 50.0, False),
        ("Plt", 20.0, 40.0, True),  # baseline ≤ 20: +20 and doubled
        ("Plt", 15.0, 34.0, False),  # +19
        ("Plt", 19.0, 39.0, True),
        ("Plt", 30.0, 59.9, False),
    ],
)
def test_lineage_rules(name: str, base: float, value: float, responds: bool) -> None:
    assert lineage_response(name, base, value, P)[0] is responds


def test_rescue_any_indication_decides_before_w24() -> None:
    r = hi(medications=[rescue(40, "transfusion", "haematologic")], as_of_day=60)
    assert r.status == NOT_MET
    assert hi(medications=[rescue(40, "cyclophosphamide", "renal")], as_of_day=60).status == NOT_MET
    not_rescue = medication("ivig", 40, 40, rescue=False)
    assert hi(medications=[not_rescue], as_of_day=60).status == PENDING
    assert hi(w24={"hemoglobin_g_dl": 10.0}, medications=[rescue(0)]).status == MET


def test_no_lineage_responds_not_met() -> None:
    r = hi(w24={"hemoglobin_g_dl": 9.0, "anc_10e9_l": 0.5, "platelets_10e9_l": 20.0})
    assert r.status == NOT_MET and r.reason.startswith("No lineage responds at W24")


def test_missing_lineage_at_w24() -> None:
    r = hi(w24={"hemoglobin_g_dl": 9.0, "anc_10e9_l": 0.5})
    assert r.status == NOT_EVALUABLE and "Plt missing at W24" in r.reason
    assert hi(w24={"hemoglobin_g_dl": 9.0, "anc_10e9_l": 0.5}, as_of_day=175).status == PENDING
    assert hi(w24={"hemoglobin_g_dl": 10.0}).status == MET


def test_lineage_without_baseline_is_left_out() -> None:
    r = hi(base={"hemoglobin_g_dl": 8.0}, w24={"hemoglobin_g_dl": 9.0})
    assert r.status == NOT_MET
    assert r.details["lineages"]["ANC"] == {"status": "no baseline"}


def test_no_baseline_at_all() -> None:
    r = hi(base={"creatinine_mg_dl": 1.0}, w24={"hemoglobin_g_dl": 9.0})
    assert r.status == NOT_EVALUABLE and "no lineage with a baseline value" in r.reason.lower()
    assert hi(base={"creatinine_mg_dl": 1.0}, as_of_day=100).status == PENDING


def test_require_baseline_cytopenia() -> None:
    params = with_params(hi_require_baseline_cytopenia=True)
    base = {"hemoglobin_g_dl": 12.0, "anc_10e9_l": 0.4, "platelets_10e9_l": 150.0}
    r = hi(base=base, w24={"hemoglobin_g_dl": 14.0, "anc_10e9_l": 0.5, "platelets_10e9_l": 150.0}, params=params)
    assert r.status == NOT_MET  # Hgb rise ignored: not cytopenic at baseline
    assert r.details["lineages"]["Hgb"]["status"] == "not cytopenic at baseline"
    r = hi(base={"hemoglobin_g_dl": 12.0}, w24={"hemoglobin_g_dl": 14.0}, params=params)
    assert r.status == NOT_EVALUABLE and "cytopenic at baseline" in r.reason
    assert hi(base=base, w24={"hemoglobin_g_dl": 14.0}).status == MET


def test_w24_missing() -> None:
    assert hi(as_of_day=175).status == PENDING
    r = hi(as_of_day=176)
    assert r.status == NOT_EVALUABLE and r.reason == "W24 visit missing."
    assert hi(as_of_day=176, params=with_params(nonresponder_imputation=True)).status == NOT_MET


def test_death_before_w24() -> None:
    r = hi(as_of_day=100, death_day=60)
    assert r.status == NOT_EVALUABLE and r.reason.startswith("Died day 60")


def test_best_response_by_visit_is_informational() -> None:
    extra = [
        visit("W4", 28, hemoglobin_g_dl=10.0), visit("W12", 84, platelets_10e9_l=40.0), visit("UNS", 90, anc_10e9_l=2),
    ]
    r = hi(w24={"hemoglobin_g_dl": 8.0, "anc_10e9_l": 0.4, "platelets_10e9_l": 15.0}, extra=extra)
    assert r.status == NOT_MET
    assert r.details["by_visit"] == {
        "W4": {"Hgb": True, "ANC": None, "Plt": None},
        "W12": {"Hgb": None, "ANC": None, "Plt": True},
        "W24": {"Hgb": False, "ANC": False, "Plt": False},
    }


def test_not_attributable_marks_do_not_apply() -> None:
    w24 = visit("W24", 168, hemoglobin_g_dl=10.0, not_attributable=("hemoglobin_g_dl",))
    r = evaluate_hematologic_improvement(ctx(dossier("LC", visits=[visit("D0", 0, **BASE), w24])))
    assert r.status == MET


def test_population_lc_only() -> None:
    r = evaluate_hematologic_improvement(ctx(dossier("LN", visits=[visit("D0", 0, **BASE)])))
    assert r.status == NOT_APPLICABLE
