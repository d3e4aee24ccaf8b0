"""sledai_reduction_ge4_w24 and sri4/5/6_w24 (endpoints.md §3.3, §4.1, §7.3–7.4, §8.19)."""

from __future__ import annotations

import pytest

from endpoints.results import MET, NOT_APPLICABLE, NOT_EVALUABLE, NOT_MET, PENDING
from endpoints.sri import evaluate_sledai_reduction, evaluate_sri, evaluate_sri4, evaluate_sri5, evaluate_sri6
from tests.endpoints.builders import bilag_grades, ctx, dossier, medication, sledai_answers, sledai_scoring, visit
from tests.endpoints.builders import with_params as params_with


def make(base_score=12, w24_score=6, base_pga=1.0, w24_pga=1.2, base_bilag=None, w24_bilag=None, *, w24_sledai=None,
         base_sledai=None, with_w24=True, **kw):
    visits = [visit("D0", 0, sledai=base_sledai if base_sledai is not None else sledai_scoring(base_score),
                    pga=base_pga, bilag=base_bilag if base_bilag is not None else bilag_grades("D", renal="B"))]
    if with_w24:
        visits.append(visit("W24", 168, sledai=w24_sledai if w24_sledai is not None else sledai_scoring(w24_score),
                            pga=w24_pga, bilag=w24_bilag if w24_bilag is not None else bilag_grades("D", renal="B")))
    return ctx(dossier(visits=visits, **kw.pop("dossier_kw", {})), kw.pop("params", None))


def test_worked_example_3_new_bilag_a() -> None:
    c = make(12, 6, 1.0, 1.2, bilag_grades("D", renal="B"), bilag_grades("D", renal="A"))
    for k in (4, 5, 6):
        r = evaluate_sri(c, k)
        assert r.status == NOT_MET, k
        assert "new BILAG A: renal B→A" in r.reason
    r = evaluate_sledai_reduction(c)
    assert r.status == MET and r.reason == "SLEDAI-2K 12 → 6 (change −6 ≤ −4)."


def test_worked_example_4_pga_boundary() -> None:
    r = evaluate_sri4(make(10, 4, 0.9, 1.2))
    assert r.status == NOT_MET and "(ii) PGA 0.9 → 1.2 (increase +0.3 ≥ +0.3)" in r.reason
    assert evaluate_sri4(make(10, 4, 0.9, 1.1)).status == MET
    assert evaluate_sri4(make(10, 4, 1.2, 0.0)).status == MET


def test_sri_met_reason() -> None:
    r = evaluate_sri4(make(10, 4, 1.0, 1.0))
    assert r.status == MET
    assert r.reason == ("(i) SLEDAI-2K 10 → 4 (change −6 ≤ −4); (ii) PGA 1.0 → 1.0 (change +0.0 < +0.3); "
                        "(iii) no new BILAG A or B.")


@pytest.mark.parametrize(("k", "fn"), [(4, evaluate_sri4), (5, evaluate_sri5), (6, evaluate_sri6)])
def test_reduction_of_exactly_k(k, fn) -> None:
    assert fn(make(12, 12 - k, 1.0, 1.0)).status == MET
    assert fn(make(12, 12 - k + 2, 1.0, 1.0)).status == NOT_MET


@pytest.mark.parametrize("k", [4, 5, 6])
def test_population_baseline_at_least_k(k) -> None:
    assert evaluate_sri(make(k, 0, 1.0, 1.0), k).status == MET
    r = evaluate_sri(make(k - 2, 0, 1.0, 1.0), k)
    assert r.status == NOT_APPLICABLE and f"< {k}" in r.reason


def test_missing_baseline_sledai_not_evaluable_at_once() -> None:
    c = make(base_sledai=sledai_answers("rash", unanswered=("fever",)), dossier_kw={"as_of_day": 30}, with_w24=False)
    r = evaluate_sri4(c)
    assert r.status == NOT_EVALUABLE and "Baseline SLEDAI-2K missing" in r.reason
    # the ≥4-point reduction (no population floor) waits until the W24 due day
    r = evaluate_sledai_reduction(c)
    assert r.status == PENDING and r.reason.startswith("Baseline SLEDAI-2K missing")


def test_sledai_reduction_population_floor_parameter() -> None:
    floor = params_with(sledai_reduction_min_baseline=4)
    assert evaluate_sledai_reduction(make(2, 0, params=floor)).status == NOT_APPLICABLE
    assert evaluate_sledai_reduction(make(2, 0)).status == NOT_MET  # baseline < 4 stays in the denominator
    c = make(base_sledai=sledai_answers(unanswered=("fever",)), params=floor)
    assert evaluate_sledai_reduction(c).status == NOT_EVALUABLE


def test_sledai_reduction_not_met_and_missing() -> None:
    r = evaluate_sledai_reduction(make(6, 4))
    assert r.status == NOT_MET and "change −2 > −4" in r.reason
    assert evaluate_sledai_reduction(make(6, 2)).status == MET
    assert evaluate_sledai_reduction(make(6, with_w24=False, dossier_kw={"as_of_day": 175})).status == PENDING
    r = evaluate_sledai_reduction(make(6, with_w24=False, dossier_kw={"as_of_day": 176}))
    assert r.status == NOT_EVALUABLE and r.reason == "W24 visit missing."


def test_incomplete_w24_sledai() -> None:
    partial = sledai_answers("arthritis", "rash", "alopecia", unanswered=("fever",))  # partial sum 8
    r = evaluate_sri4(make(10, w24_sledai=partial, w24_pga=1.0))
    assert r.status == NOT_MET and "already ≥ 8 (partial" in r.reason
    r = evaluate_sri4(make(12, w24_sledai=partial, w24_pga=1.0))
    assert r.status == NOT_EVALUABLE and "W24 SLEDAI-2K incomplete (1 descriptors unanswered)" in r.reason
    assert evaluate_sledai_reduction(make(10, w24_sledai=partial)).status == NOT_MET


def test_pga_missing() -> None:
    r = evaluate_sri4(make(10, 4, None, 1.0))
    assert r.status == NOT_EVALUABLE and "baseline PGA missing" in r.reason
    assert evaluate_sri4(make(10, 4, 1.0, None, dossier_kw={"as_of_day": 170})).status == PENDING
    # another failing component decides
    assert evaluate_sri4(make(10, 8, 1.0, None)).status == NOT_MET


def test_new_bilag_b_rules() -> None:
    one_b = bilag_grades("D", renal="B", mucocutaneous="B")
    assert evaluate_sri4(make(10, 4, 1.0, 1.0, bilag_grades("D", renal="B"), one_b)).status == MET
    two_b = bilag_grades("D", renal="B", mucocutaneous="B", musculoskeletal="B")
    r = evaluate_sri4(make(10, 4, 1.0, 1.0, bilag_grades("D", renal="B"), two_b))
    assert r.status == NOT_MET and "2 new BILAG B" in r.reason
    # A → B is improvement, not a new B
    a_to_b = evaluate_sri4(make(10, 4, 1.0, 1.0, bilag_grades("D", renal="A", mucocutaneous="A"),
                                bilag_grades("D", renal="B", mucocutaneous="B")))
    assert a_to_b.status == MET
    # A stays A: not new
    stays_a = bilag_grades("D", renal="A")
    assert evaluate_sri4(make(10, 4, 1.0, 1.0, stays_a, stays_a)).status == MET


def test_bilag_domain_missing() -> None:
    w24 = bilag_grades("D", renal="B")
    del w24["ophthalmic"]
    r = evaluate_sri4(make(10, 4, 1.0, 1.0, bilag_grades("D", renal="B"), w24))
    assert r.status == NOT_EVALUABLE and "BILAG domain(s) missing at baseline or W24: ophthalmic" in r.reason
    w24["renal"] = "A"
    base = bilag_grades("D", renal="C")
    assert evaluate_sri4(make(10, 4, 1.0, 1.0, base, w24)).status == NOT_MET


def test_bilag_baseline_per_domain_from_earlier_visit() -> None:
    visits = [
        visit("SCR", -10, bilag=bilag_grades("D", renal="C")),
        visit("D0", 0, sledai=sledai_scoring(10), pga=1.0, bilag={"renal": "B"}),
        visit("W24", 168, sledai=sledai_scoring(4), pga=1.0, bilag=bilag_grades("D", renal="B")),
    ]
    r = evaluate_sri4(ctx(dossier(visits=visits)))
    assert r.status == MET
    assert r.details["bilag"]["grades"]["renal"] == {"baseline": "B", "w24": "B"}


def test_rescue_does_not_affect_sri() -> None:
    c = make(10, 4, 1.0, 1.0, dossier_kw={"medications": [medication("ivig", 50, 50, rescue=True)]})
    assert evaluate_sri4(c).status == MET


def test_imputation_and_withdrawal() -> None:
    c = make(10, with_w24=False, dossier_kw={"as_of_day": 200, "withdrawal_day": 100, "status": "withdrawn"})
    r = evaluate_sri4(c)
    assert r.status == NOT_EVALUABLE and r.reason.startswith("Withdrawn day 100")
    c = make(10, with_w24=False, dossier_kw={"as_of_day": 200, "withdrawal_day": 100},
             params=params_with(nonresponder_imputation=True))
    assert evaluate_sri4(c).status == NOT_MET
