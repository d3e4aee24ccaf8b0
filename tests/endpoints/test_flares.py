"""Renal flare (LN) and haematologic flare (LC): references, bands, marks (endpoints.md §4.2, §8.5, §8.6, §7.7)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from endpoints.flares import evaluate_renal_flare, evaluate_time_to_hematologic_flare
from endpoints.results import CENSORED, EVENT, NOT_APPLICABLE, NOT_EVALUABLE, PENDING
from tests.endpoints.builders import ctx, dossier, event, visit, with_params

BASELINE = with_params(flare_reference="baseline")


def renal(visits, params=None, **kw):
    kw.setdefault("as_of_day", 200)
    return evaluate_renal_flare(ctx(dossier("LN", visits=visits, **kw), params))


def heme(visits, params=None, **kw):
    kw.setdefault("as_of_day", 200)
    return evaluate_time_to_hematologic_flare(ctx(dossier("LC", visits=visits, **kw), params))


def upcr_series(*pairs):
    codes = {0: "D0", 28: "W4", 56: "W8", 84: "W12", 112: "W16", 140: "W20", 168: "W24"}
    return [visit(codes.get(day, "UNS"), day, upcr_g_g=value) for day, value in pairs]


# -- renal flare ------------------------------------------------------------------------------------------------


def test_worked_example_7_nadir_and_baseline_reference() -> None:
    visits = upcr_series((0, 2.4), (28, 1.2), (56, 0.4), (84, 0.45), (112, 1.1))
    r = renal(visits)
    assert (r.status, r.day) == (EVENT, 112)
    assert ("UPCR 1.1 g/g at W16 (day 112) ≥ 1 with nadir reference 0.4 at W8 (day 56) < 0.5 "
            "(flare_reference = nadir)") in r.reason
    assert r.details["candidates"][0]["reference"] == 0.4
    assert (renal(visits, BASELINE).status, renal(visits, BASELINE).day) == (CENSORED, 112)  # 1.1 < 2 × 2.4
    assert renal(visits, BASELINE, as_of_day=150).status == PENDING


@pytest.mark.parametrize(
    ("reference", "value", "flare"),
    [
        (0.49, 0.99, False), (0.49, 1.0, True),
        (0.5, 1.9, False), (0.5, 2.0, True),  # exactly 0.5 is in the middle band
        (1.0, 1.99, False), (1.0, 2.0, True),  # exactly 1.0 too
        (1.1, 2.19, False), (1.1, 2.2, True),  # > 1.0: ≥ 2 × reference (2.2 exactly, not 2.2000000000000002)
    ],
)
def test_upcr_bands(reference: float, value: float, flare: bool) -> None:
    r = renal(upcr_series((0, reference), (28, value)), as_of_day=300)
    assert (r.status == EVENT) is flare
    if flare:
        assert r.day == 28


@pytest.mark.parametrize(
    ("reference", "value", "flare"),
    [(1.0, 1.19, False), (1.0, 1.2, True), (1.99, 2.19, True), (2.0, 2.39, False), (2.0, 2.4, True)],
)
def test_nephritic_creatinine_rise(reference: float, value: float, flare: bool) -> None:
    visits = [visit("D0", 0, creatinine_mg_dl=reference), visit("W4", 28, creatinine_mg_dl=value)]
    r = renal(visits, as_of_day=300)
    assert (r.status == EVENT) is flare
    if flare:
        assert "creatinine" in r.reason and "rose" in r.reason


def test_creatinine_nadir_reference() -> None:
    visits = [visit("D0", 0, creatinine_mg_dl=1.5), visit("W4", 28, creatinine_mg_dl=1.0),
              visit("W8", 56, creatinine_mg_dl=1.25)]
    assert renal(visits).day == 56
    assert renal(visits, BASELINE, as_of_day=300).status == CENSORED


def test_renal_flare_uses_upcr_not_24h_protein_and_ignores_marks() -> None:
    visits = [visit("D0", 0, upcr_g_g=0.3, proteinuria_g_24h=0.3),
              visit("W4", 28, proteinuria_g_24h=3.0),
              visit("W8", 56, upcr_g_g=1.2, not_attributable=("upcr_g_g",))]
    assert renal(visits).day == 56


def test_investigator_declared_renal_flare() -> None:
    r = renal([visit("D0", 0, upcr_g_g=0.3)], events=[event("renal_flare", 45)])
    assert (r.status, r.day) == (EVENT, 45) and "investigator-declared" in r.reason


def test_renal_flare_missing_baselines() -> None:
    r = renal([visit("W4", 28, upcr_g_g=0.3)], as_of_day=300)
    assert r.status == NOT_EVALUABLE and "baseline" in r.reason
    # one baseline is enough to evaluate; the other is named in the reason
    r = renal([visit("D0", 0, creatinine_mg_dl=0.8), visit("W4", 28, creatinine_mg_dl=0.8)], as_of_day=300)
    assert r.status == CENSORED and "no baseline UPCR" in r.reason


def test_renal_flare_population() -> None:
    assert evaluate_renal_flare(ctx(dossier("LC"))).status == NOT_APPLICABLE


# -- haematologic flare -------------------------------------------------------------------------------------------


def test_platelet_criterion() -> None:
    assert heme([visit("D0", 0, platelets_10e9_l=80), visit("W4", 28, platelets_10e9_l=40)]).day == 28
    assert heme([visit("D0", 0, platelets_10e9_l=80), visit("W4", 28, platelets_10e9_l=41)],
                as_of_day=300).status == CENSORED  # 41 > 50 % of 80
    assert heme([visit("D0", 0, platelets_10e9_l=100), visit("W4", 28, platelets_10e9_l=50)],
                as_of_day=300).status == CENSORED  # 50 is not < 50


def test_hemoglobin_criterion() -> None:
    r = heme([visit("D0", 0, hemoglobin_g_dl=11.1), visit("W4", 28, hemoglobin_g_dl=9.1)])
    assert (r.status, r.day) == (EVENT, 28)  # fall exactly 2.0 (11.1 − 9.1 = 1.9999999999999991 unrounded)
    assert heme([visit("D0", 0, hemoglobin_g_dl=12.0), visit("W4", 28, hemoglobin_g_dl=10.0)],
                as_of_day=300).status == CENSORED  # 10.0 is not < 10.0


def test_anc_criterion() -> None:
    assert heme([visit("D0", 0, anc_10e9_l=1.0), visit("W4", 28, anc_10e9_l=0.9)]).day == 28
    assert heme([visit("D0", 0, anc_10e9_l=0.8), visit("W4", 28, anc_10e9_l=0.5)], as_of_day=300).status == CENSORED


def test_hematologic_nadir_is_the_highest_previous_value() -> None:
    visits = [visit("D0", 0, hemoglobin_g_dl=9.0), visit("W4", 28, hemoglobin_g_dl=12.0),
              visit("W8", 56, hemoglobin_g_dl=9.9)]
    r = heme(visits)
    assert r.day == 56 and "nadir reference 12 at W4 (day 28)" in r.reason
    assert heme(visits, BASELINE, as_of_day=300).status == CENSORED


def test_not_attributable_values_are_skipped_as_trigger_and_reference() -> None:
    as_reference = [visit("D0", 0, hemoglobin_g_dl=9.0),
                    visit("W4", 28, hemoglobin_g_dl=12.0, not_attributable=("hemoglobin_g_dl",)),
                    visit("W8", 56, hemoglobin_g_dl=9.9)]
    assert heme(as_reference, as_of_day=300).status == CENSORED
    as_trigger = [visit("D0", 0, platelets_10e9_l=80),
                  visit("W4", 28, platelets_10e9_l=30, not_attributable=("platelets_10e9_l",)),
                  visit("W8", 56, platelets_10e9_l=35)]
    r = heme(as_trigger)
    assert r.day == 56 and "marked not attributable" in heme(as_trigger, as_of_day=40).reason
    marked_baseline = [visit("SCR", -10, platelets_10e9_l=80),
                       visit("D0", 0, platelets_10e9_l=200, not_attributable=("platelets_10e9_l",)),
                       visit("W4", 28, platelets_10e9_l=45)]
    assert heme(marked_baseline, as_of_day=300).status == CENSORED  # reference SCR 80 (45 > 40), not D0 200
    unmarked = [visit("SCR", -10, platelets_10e9_l=80), visit("D0", 0, platelets_10e9_l=200),
                visit("W4", 28, platelets_10e9_l=45)]
    assert heme(unmarked).day == 28


def test_investigator_declared_hematologic_flare_and_missing_baseline() -> None:
    r = heme([visit("D0", 0, platelets_10e9_l=80)], events=[event("hematologic_flare", 33)])
    assert (r.status, r.day) == (EVENT, 33)
    r = heme([visit("W4", 28, platelets_10e9_l=30)], as_of_day=300)
    assert r.status == NOT_EVALUABLE and "no baseline" in r.reason
    assert heme([visit("W4", 28, platelets_10e9_l=30)], events=[event("hematologic_flare", 33)]).day == 33
    assert evaluate_time_to_hematologic_flare(ctx(dossier("LN"))).status == NOT_APPLICABLE


@given(st.lists(st.floats(0.01, 10.0), min_size=2, max_size=7))
def test_falling_upcr_is_never_a_proteinuric_flare(values) -> None:
    series = sorted(values, reverse=True)
    visits = [visit("D0" if i == 0 else "UNS", 20 * i, upcr_g_g=round(v, 2)) for i, v in enumerate(series)]
    assert renal(visits, as_of_day=300).status == CENSORED
