"""LN time to complete remission: creatinine, proteinuria, sediment from one assessment (endpoints.md §4.2)."""

from __future__ import annotations

from endpoints.remission import evaluate_complete_remission
from endpoints.results import CENSORED, EVENT, NOT_APPLICABLE, PENDING
from tests.endpoints.builders import ctx, dossier, visit, with_params

GOOD = {"creatinine_mg_dl": 0.9, "urine_rbc_hpf": 2.0, "urine_wbc_hpf": 1.0, "urine_casts": ()}


def cr(visits, params=None, **kw):
    kw.setdefault("as_of_day", 200)
    return evaluate_complete_remission(ctx(dossier("LN", visits=[visit("D0", 0, upcr_g_g=3.0), *visits], **kw),
                                           params))


def at(code, day, **labs):
    values = dict(GOOD)
    values.update(labs)
    return visit(code, day, **values)


def test_first_qualifying_assessment_is_the_event() -> None:
    r = cr([at("W4", 28, upcr_g_g=0.5), at("W8", 56, upcr_g_g=0.25), at("W12", 84, upcr_g_g=0.1)])
    assert (r.status, r.day) == (EVENT, 56)
    assert "UPCR 0.25 g/g (no 24-h collection; cr_allow_upcr) < 0.3" in r.reason


def test_24h_protein_comes_first() -> None:
    assert cr([at("W4", 28, upcr_g_g=0.1, proteinuria_g_24h=0.35)]).status == CENSORED
    assert cr([at("W4", 28, upcr_g_g=0.9, proteinuria_g_24h=0.29)]).day == 28
    assert cr([at("W4", 28, proteinuria_g_24h=0.3)]).status == CENSORED  # strict <


def test_upcr_only_when_allowed() -> None:
    visits = [at("W4", 28, upcr_g_g=0.2)]
    assert cr(visits).day == 28
    r = cr(visits, with_params(cr_allow_upcr=False))
    assert r.status == CENSORED and "24-h protein missing" in r.reason


def test_creatinine_threshold_in_umol() -> None:
    assert cr([at("W4", 28, upcr_g_g=0.2, creatinine_mg_dl=1.19)]).day == 28  # 105.196 µmol/L
    assert cr([at("W4", 28, upcr_g_g=0.2, creatinine_mg_dl=1.2)]).status == CENSORED  # 106.08 µmol/L
    assert cr([at("W4", 28, upcr_g_g=0.2, creatinine_mg_dl=None)]).status == CENSORED


def test_sediment_checkbox_decides_when_answered() -> None:
    bad_counts = at("W4", 28, upcr_g_g=0.2, urine_rbc_hpf=20.0, urine_casts=("rbc",))
    assert cr([visit("W4", 28, sediment_inactive=True, upcr_g_g=0.2, creatinine_mg_dl=0.9)]).day == 28
    assert cr([bad_counts]).status == CENSORED
    good_counts_judged_active = visit("W4", 28, sediment_inactive=False, **{**GOOD, "upcr_g_g": 0.2})
    r = cr([good_counts_judged_active])
    assert r.status == CENSORED and "sediment judged active" in r.reason


def test_computed_sediment() -> None:
    assert cr([at("W4", 28, upcr_g_g=0.2, urine_casts=("granular", "hyaline"))]).day == 28
    assert cr([at("W4", 28, upcr_g_g=0.2, urine_casts=("wbc",))]).status == CENSORED
    assert cr([at("W4", 28, upcr_g_g=0.2, urine_rbc_hpf=5.0)]).status == CENSORED  # strict < 5
    assert cr([at("W4", 28, upcr_g_g=0.2, urine_wbc_hpf=5.0)]).status == CENSORED
    r = cr([at("W4", 28, upcr_g_g=0.2, urine_casts=None)])
    assert r.status == CENSORED and "casts missing" in r.reason


def test_all_three_from_the_same_assessment() -> None:
    split = [visit("W4", 28, creatinine_mg_dl=0.9), visit("UNS", 28, upcr_g_g=0.1, urine_rbc_hpf=1.0,
                                                               urine_wbc_hpf=1.0, urine_casts=())]
    assert cr(split).status == CENSORED


def test_baseline_assessment_does_not_count_and_pending_while_follow_up_runs() -> None:
    r = evaluate_complete_remission(ctx(dossier("LN", visits=[at("D0", 0, upcr_g_g=0.1)], as_of_day=100)))
    assert (r.status, r.day) == (PENDING, 0)
    assert cr([at("W24", 168, upcr_g_g=0.2)], as_of_day=167).status == PENDING  # W24 not yet as of day 167
    assert cr([at("W24", 168, upcr_g_g=0.2)]).day == 168


def test_population() -> None:
    assert evaluate_complete_remission(ctx(dossier("LC"))).status == NOT_APPLICABLE
