"""evaluate_subject: all 15 endpoints, one context per subject, the worked examples end to end (endpoints.md §0, §7)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from endpoints import timeline
from endpoints.evaluate import EVALUATORS, evaluate_subject
from endpoints.params import ProtocolParams
from endpoints.results import (
    BINARY_ENDPOINTS,
    ENDPOINT_IDS,
    MET,
    NOT_APPLICABLE,
    NOT_EVALUABLE,
    NOT_MET,
    PENDING,
    POPULATION,
)
from tests.endpoints.builders import (
    bilag_grades,
    complete_subject,
    dossier,
    lldas_form,
    on,
    pred,
    rescue,
    sledai_scoring,
    steroid,
    visit,
)

P = ProtocolParams()


def test_every_endpoint_has_an_evaluator() -> None:
    assert set(EVALUATORS) == set(ENDPOINT_IDS)


@pytest.mark.parametrize("subgroup", ["LN", "LC"])
def test_complete_subject_all_15_endpoints(subgroup: str) -> None:
    res = evaluate_subject(complete_subject(subgroup), P)
    assert list(res.endpoints) == list(ENDPOINT_IDS)
    assert res.day0 == on(0) and res.subject_id == "S-01" and res.subgroup == subgroup
    for eid, r in res.endpoints.items():
        applicable = POPULATION[eid] in ("all", subgroup)
        assert (r.status == NOT_APPLICABLE) is not applicable, eid
        assert r.reason, eid
        if applicable and eid in BINARY_ENDPOINTS:
            assert r.status == MET, (eid, r.reason)
    text = json.dumps(res.to_json())
    assert json.loads(text)["endpoints"]["primary_steroid_taper"]["status"] == MET


def test_as_of_override() -> None:
    d = complete_subject("LN")
    early = evaluate_subject(d, P, as_of=on(100))
    assert early.as_of == on(100)
    assert early.endpoints["primary_steroid_taper"].status == MET
    assert early.endpoints["ln_renal_response"].status == PENDING
    assert early.endpoints["sri4_w24"].status == PENDING


def test_context_is_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = timeline.build_steroid_table

    def counting(tl):
        calls.append(tl)
        return real(tl)

    monkeypatch.setattr(timeline, "build_steroid_table", counting)
    evaluate_subject(complete_subject("LN"), P)
    assert len(calls) == 1


def test_no_day0_pending_and_other_subgroup_not_applicable() -> None:
    res = evaluate_subject(dossier("LC", i1_given=False), P)
    for eid, r in res.endpoints.items():
        expected = NOT_APPLICABLE if POPULATION[eid] == "LN" else PENDING
        assert r.status == expected, eid
    assert res.day0 is None
    assert res.endpoints["primary_steroid_taper"].reason == "Infusion 1 not yet given."


def test_no_day0_screen_failure_not_evaluable() -> None:
    res = evaluate_subject(dossier("LN", i1_given=False, status="screen_failure"), P)
    for eid in ("primary_steroid_taper", "ln_renal_response", "sri4_w24", "lldas_w24"):
        assert res.endpoints[eid].status == NOT_EVALUABLE
        assert "infusion 1 was never given" in res.endpoints[eid].reason.lower()
    assert res.endpoints["lc_hematologic_improvement"].status == NOT_APPLICABLE


def test_worked_examples_end_to_end() -> None:
    # 1. primary, one excursion
    rows = [steroid("prednisolone", 10, 0, 27), steroid("prednisolone", 7.5, 28, 49),
            steroid("prednisolone", 10, 50, 50), steroid("prednisolone", 7.5, 51)]
    d = dossier(steroids=rows, visits=[visit("W4", 28, pga=1.0), visit("W12", 84, pga=1.0)], as_of_day=100)
    assert evaluate_subject(d, P).endpoints["primary_steroid_taper"].status == NOT_MET
    tol = replace(P, taper_excursion_tolerance_days=1)
    assert evaluate_subject(d, tol).endpoints["primary_steroid_taper"].status == MET
    # 2. equivalents and premedication
    dexa = steroid("dexamethasone", 1.125, 28, 84)
    premed = steroid("hydrocortisone", 100, 84, 84, route="iv", indication="premedication")
    d = dossier(steroids=[dexa, premed], visits=[visit("W4", 28, pga=1.0), visit("W12", 84, pga=1.0)])
    assert evaluate_subject(d, P).endpoints["primary_steroid_taper"].status == MET
    d = replace(d, steroids=(dexa, replace(premed, indication="sle")))
    assert evaluate_subject(d, P).endpoints["primary_steroid_taper"].status == NOT_MET
    # 3. SRI with a new BILAG A
    visits = [visit("D0", 0, sledai=sledai_scoring(12), pga=1.0, bilag=bilag_grades("D", renal="B")),
              visit("W24", 168, sledai=sledai_scoring(6), pga=1.2, bilag=bilag_grades("D", renal="A"))]
    res = evaluate_subject(dossier(visits=visits), P).endpoints
    assert [res[e].status for e in ("sri4_w24", "sri5_w24", "sri6_w24", "sledai_reduction_ge4_w24")] == [
        NOT_MET, NOT_MET, NOT_MET, MET]
    # 4. PGA boundary
    visits = [visit("D0", 0, sledai=sledai_scoring(10), pga=0.9, bilag=bilag_grades("D")),
              visit("W24", 168, sledai=sledai_scoring(4), pga=1.2, bilag=bilag_grades("D"))]
    assert evaluate_subject(dossier(visits=visits), P).endpoints["sri4_w24"].status == NOT_MET
    # 5. LC improvement
    visits = [visit("D0", 0, hemoglobin_g_dl=8.1, anc_10e9_l=0.4, platelets_10e9_l=15),
              visit("W24", 168, hemoglobin_g_dl=9.6, anc_10e9_l=0.8, platelets_10e9_l=34)]
    d = dossier("LC", visits=visits)
    assert evaluate_subject(d, P).endpoints["lc_hematologic_improvement"].status == MET
    d = replace(d, medications=(rescue(100),))
    assert evaluate_subject(d, P).endpoints["lc_hematologic_improvement"].status == NOT_MET
    # 6. LN renal response, steroid runs
    visits = [visit("D0", 0, creatinine_mg_dl=0.9, upcr_g_g=2.0), visit("W24", 168, creatinine_mg_dl=0.9,
                                                                           upcr_g_g=0.45)]
    d = dossier(visits=visits, steroids=[pred(5, 0), pred(10, 120, 126)])
    assert evaluate_subject(d, P).endpoints["ln_renal_response"].status == NOT_MET
    d = replace(d, steroids=(pred(5, 0), pred(10, 120, 125)))
    assert evaluate_subject(d, P).endpoints["ln_renal_response"].status == MET


BINARY_STATUSES = {MET, NOT_MET, PENDING, NOT_EVALUABLE, NOT_APPLICABLE}
LAB_CHOICES = {
    "hemoglobin_g_dl": (6.0, 14.0), "anc_10e9_l": (0.2, 5.0), "platelets_10e9_l": (5.0, 300.0),
    "creatinine_mg_dl": (0.4, 4.0), "upcr_g_g": (0.05, 6.0), "proteinuria_g_24h": (0.05, 6.0),
}
CODES_DAYS = [("SCR", -14), ("D0", 0), ("D3", 3), ("W4", 28), ("W12", 84), ("W16", 112), ("W20", 140), ("W24", 168)]


@st.composite
def random_dossiers(draw):
    visits = []
    for code, day in CODES_DAYS:
        if not draw(st.booleans()):
            continue
        labs = {k: draw(st.floats(lo, hi)) for k, (lo, hi) in LAB_CHOICES.items() if draw(st.booleans())}
        visits.append(visit(
            code, day + draw(st.integers(-9, 9)) if day > 0 else day,
            sledai=sledai_scoring(draw(st.sampled_from([0, 2, 4, 6, 10, 12]))) if draw(st.booleans()) else None,
            pga=draw(st.sampled_from([None, 0.0, 0.5, 1.0, 1.3, 2.0])),
            bilag=bilag_grades(draw(st.sampled_from("ABCDE"))) if draw(st.booleans()) else None,
            lldas=lldas_form() if draw(st.booleans()) else None,
            **labs,
        ))
    rows = [pred(draw(st.sampled_from([2.5, 5, 7.5, 10, 30])), s, s + draw(st.integers(0, 60)))
            for s in draw(st.lists(st.integers(-30, 170), max_size=5))]
    meds = [rescue(d) for d in draw(st.lists(st.integers(-10, 200), max_size=2))]
    return dossier(
        draw(st.sampled_from(["LN", "LC"])), visits=visits, steroids=rows, medications=meds,
        as_of_day=draw(st.integers(-5, 260)), i1_given=draw(st.integers(0, 9)) > 0,
        i2_day=draw(st.sampled_from([None, 80, 84, 90])),
        withdrawal_day=draw(st.sampled_from([None, None, 50, 150])), death_day=draw(st.sampled_from([None, None, 120])),
        complete_through_day=draw(st.sampled_from([None, 60, 170])),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_dossiers())
def test_random_dossiers_give_complete_json_results(d) -> None:
    res = evaluate_subject(d, P)
    assert list(res.endpoints) == list(ENDPOINT_IDS)
    for eid in BINARY_ENDPOINTS:
        r = res.endpoints[eid]
        assert r.status in BINARY_STATUSES, eid
        assert r.reason and r.reason.endswith("."), (eid, r.reason)
        if POPULATION[eid] not in ("all", d.subject.subgroup):
            assert r.status == NOT_APPLICABLE
    json.dumps(res.to_json())
