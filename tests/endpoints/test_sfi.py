"""Modified SFI severe flares: triggers S1–S9, exclusions, grouping and renal/extrarenal class (endpoints.md §3.4)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from endpoints.dossier import SfiForm
from endpoints.flares import evaluate_time_to_severe_sfi_flare
from endpoints.results import CENSORED, EVENT, PENDING
from endpoints.sfi import severe_flares
from tests.endpoints.builders import (
    ctx,
    dossier,
    event,
    hospitalisation,
    lldas_form,
    medication,
    pred,
    sledai_scoring,
    steroid,
    visit,
    with_params,
)


def flares(params=None, **kw):
    kw.setdefault("as_of_day", 200)
    return severe_flares(ctx(dossier(**kw), params))


def days(found) -> list[tuple[int, str, tuple[str, ...]]]:
    return [(f.day, f.kind, tuple(t.key for t in f.triggers)) for f in found.flares]


BASE = [visit("SCR", -14, weight=60.0), visit("D0", 0, weight=60.0, platelets_10e9_l=150)]
ASSESS = [visit("W4", 28, platelets_10e9_l=150), visit("W8", 56, platelets_10e9_l=150),
          visit("W12", 84, platelets_10e9_l=150)]


# -- S1 and the modified-SFI exclusion ------------------------------------------------------------------------


def test_sledai_gt12_alone_is_excluded_by_default() -> None:
    visits = [visit("D0", 0, sledai=sledai_scoring(10)), visit("W4", 28, sledai=sledai_scoring(14))]
    found = flares(visits=visits)
    assert found.flares == () and [t.key for t in found.excluded] == ["sledai_gt12"]
    r = evaluate_time_to_severe_sfi_flare(ctx(dossier(visits=visits, as_of_day=200)))
    assert r.status == CENSORED and "sole sledai_gt12 trigger(s) on day(s) 28 not counted" in r.reason
    counted = flares(with_params(sfi_excluded_sole_triggers=()), visits=visits)
    assert days(counted) == [(28, "extrarenal", ("sledai_gt12",))]


def test_sledai_needs_previous_score_at_most_12() -> None:
    assert flares(with_params(sfi_excluded_sole_triggers=()),
                  visits=[visit("D0", 0, sledai=sledai_scoring(13)), visit("W4", 28, sledai=sledai_scoring(14))]
                  ).flares == ()
    # no earlier complete SLEDAI-2K: the change cannot be judged
    assert flares(with_params(sfi_excluded_sole_triggers=()), visits=[visit("W4", 28, sledai=sledai_scoring(14))]
                  ).flares == ()


def test_excluded_trigger_does_not_decide_class_with_another_trigger() -> None:
    visits = [visit("D0", 0, sledai=sledai_scoring(4)),
              visit("W4", 28, sledai=sledai_scoring(16), sfi=SfiForm({"nephritis": True}))]
    found = flares(visits=visits)
    assert days(found) == [(28, "renal", ("organ_new_worse:nephritis",))]
    assert [t.key for t in found.flares[0].excluded] == ["sledai_gt12"]


def test_pga_can_be_excluded_too() -> None:
    visits = [visit("D0", 0, pga=2.5), visit("W4", 28, pga=2.6)]
    assert days(flares(visits=visits)) == [(28, "extrarenal", ("pga_gt2_5",))]
    assert flares(with_params(sfi_excluded_sole_triggers=("sledai_gt12", "pga_gt2_5")), visits=visits).flares == ()


# -- S2, S3, S4, S9 -------------------------------------------------------------------------------------------


def test_organ_checkboxes_and_renal_class() -> None:
    found = flares(visits=[visit("W4", 28, sfi=SfiForm({"nephritis": True, "cns": False})),
                           visit("W8", 56, sfi=SfiForm({"cns": True}))])
    assert days(found) == [(28, "renal", ("organ_new_worse:nephritis",)), (56, "extrarenal", ("organ_new_worse:cns",))]


def test_platelets_against_previous_assessment_with_platelets() -> None:
    visits = [visit("D0", 0, platelets_10e9_l=80), visit("W4", 28, platelets_10e9_l=55),
              visit("W8", 56, upcr_g_g=0.4), visit("W12", 84, platelets_10e9_l=50)]
    assert days(flares(visits=visits)) == [(28, "extrarenal", ("plt_lt60",))]  # W12 compares with W4 (55), not W8
    assert flares(visits=[visit("D0", 0, platelets_10e9_l=60), visit("W4", 28, platelets_10e9_l=60)]).flares == ()
    checkbox = flares(visits=[visit("W4", 28, sfi=SfiForm({}, True))])
    assert days(checkbox) == [(28, "extrarenal", ("plt_lt60",))]


def test_not_attributable_mark_is_ignored_by_sfi() -> None:
    visits = [visit("D0", 0, platelets_10e9_l=80), visit("W4", 28, platelets_10e9_l=40,
                                                          not_attributable=("platelets_10e9_l",))]
    assert days(flares(visits=visits)) == [(28, "extrarenal", ("plt_lt60",))]


def test_hemolytic_anemia_needs_the_tick() -> None:
    hemolysis = lldas_form(hemolytic=True)
    no_tick = [visit("D0", 0, hemoglobin_g_dl=10.2), visit("W4", 28, hemoglobin_g_dl=7.1)]
    assert flares(visits=no_tick).flares == ()
    ticked = [visit("D0", 0, hemoglobin_g_dl=10.2), visit("W4", 28, hemoglobin_g_dl=7.1, lldas=hemolysis)]
    assert days(flares(visits=ticked)) == [(28, "extrarenal", ("hemolytic_anemia",))]  # fall 3.1 > 3.0
    assert days(flares(with_params(sfi_hgb_requires_hemolysis=False), visits=no_tick))[0][0] == 28
    exactly_3 = [visit("D0", 0, hemoglobin_g_dl=10.1), visit("W4", 28, hemoglobin_g_dl=7.1, lldas=hemolysis)]
    assert flares(visits=exactly_3).flares == ()  # fall exactly 3.0 is not > 3.0
    below_7 = [visit("D0", 0, hemoglobin_g_dl=7.5), visit("W4", 28, hemoglobin_g_dl=6.9, lldas=hemolysis)]
    assert days(flares(visits=below_7))[0][2] == ("hemolytic_anemia",)
    already_low = [visit("D0", 0, hemoglobin_g_dl=6.9), visit("W4", 28, hemoglobin_g_dl=6.5, lldas=hemolysis)]
    assert flares(visits=already_low).flares == ()


def test_pga_rise_above_2_5() -> None:
    assert flares(visits=[visit("D0", 0, pga=2.0), visit("W4", 28, pga=2.5)]).flares == ()
    assert flares(visits=[visit("D0", 0, pga=2.6), visit("W4", 28, pga=2.8)]).flares == ()


# -- S5, S6 steroid criteria ------------------------------------------------------------------------------------


def test_steroid_doubling_needs_three_days() -> None:
    base = [pred(10, -30, 49), pred(10, 53, None)]
    held = flares(visits=BASE + ASSESS, steroids=base + [pred(20, 50, 52)])
    assert days(held) == [(50, "extrarenal", ("steroid_doubling",))]
    t = held.flares[0].triggers[0]
    assert t.details["reference_day"] == 28 and t.details["doses_mg"] == [20.0, 20.0, 20.0]
    assert "≥ 2 × 10 mg on day 28" in t.text
    short = flares(visits=BASE + ASSESS, steroids=[pred(10, -30, 49), pred(20, 50, 51), pred(10, 52, None)])
    assert short.flares == ()
    not_double = flares(visits=BASE + ASSESS, steroids=[pred(10, -30, 49), pred(19.999, 50, 60), pred(10, 61, None)])
    assert not_double.flares == ()


def test_restart_from_zero_is_not_a_doubling() -> None:
    assert flares(visits=BASE + ASSESS, steroids=[pred(20, 40, 60)]).flares == ()


def test_iv_pulse_or_flare_row_one_day_suffices() -> None:
    iv = flares(visits=BASE + ASSESS, steroids=[pred(10, -30, None), steroid("methylprednisolone", 500, 60, 60,
                                                                               route="iv")])
    assert days(iv) == [(60, "extrarenal", ("steroid_doubling", "pred_gt_half_mgkg"))]
    assert iv.flares[0].triggers[0].details["one_day_exception"] is True
    renal = flares(visits=BASE + ASSESS, steroids=[pred(10, -30, None), pred(20, 60, 60, indication="flare_renal")])
    assert days(renal) == [(60, "renal", ("steroid_doubling",))]


def test_worked_example_2_sle_hydrocortisone_is_a_severe_flare() -> None:
    visits = BASE + [visit("W4", 28, platelets_10e9_l=150), visit("W8", 56, platelets_10e9_l=150)]
    dex = steroid("dexamethasone", 1.125, 28, 84)
    sle = flares(visits=visits, steroids=[dex, steroid("hydrocortisone", 100, 84, 84, route="iv")])
    assert [f.day for f in sle.flares] == [84]
    assert "32.5 mg on day 84" in sle.flares[0].triggers[0].text
    premed = flares(visits=visits, steroids=[dex, steroid("hydrocortisone", 100, 84, 84, route="iv",
                                                          indication="premedication")])
    assert premed.flares == ()


def test_reference_is_last_assessment_before_the_day() -> None:
    # dose raised to 20 on day 50 and an assessment on day 51: r stays day 28 (10 mg) for day 50
    visits = BASE + ASSESS + [visit("UNS", 51, platelets_10e9_l=150)]
    found = flares(visits=visits, steroids=[pred(10, -30, 49), pred(20, 50, None)])
    assert days(found) == [(50, "extrarenal", ("steroid_doubling",))]


def test_steroid_criteria_stop_at_log_complete_through() -> None:
    rows = [pred(10, -30, 49), pred(20, 50, 60), pred(10, 61, None)]
    assert flares(visits=BASE + ASSESS, steroids=rows, complete_through_day=51).flares == ()
    r = evaluate_time_to_severe_sfi_flare(ctx(dossier(visits=BASE + ASSESS, steroids=rows, complete_through_day=51)))
    assert r.status == CENSORED and "S5/S6 sought on days 1–51 only" in r.reason
    assert [f.day for f in flares(visits=BASE + ASSESS, steroids=rows, complete_through_day=52).flares] == [50]


def test_pred_above_half_mg_per_kg() -> None:
    rows = [pred(20, -30, 39), pred(35, 40, 44), pred(20, 45, None)]
    assert days(flares(visits=BASE + ASSESS, steroids=rows)) == [(40, "extrarenal", ("pred_gt_half_mgkg",))]
    exactly = [pred(20, -30, 39), pred(30, 40, 44), pred(20, 45, None)]
    assert flares(visits=BASE + ASSESS, steroids=exactly).flares == ()  # 30 mg is not > 0.5 × 60 kg
    heavier = BASE + [visit("W4", 28, weight=80.0, platelets_10e9_l=150)] + ASSESS[1:]
    assert flares(visits=heavier, steroids=rows).flares == ()  # weight 80 kg from W4: limit 40 mg


def test_starting_taper_dose_never_triggers_s6() -> None:
    assert flares(visits=BASE + ASSESS, steroids=[pred(40, -10, 30), pred(20, 31, None)]).flares == ()


def test_weight_falls_back_to_subject_weight() -> None:
    rows = [pred(20, -30, 39), pred(35, 40, 44), pred(20, 45, None)]
    no_visit_weight = [visit("D0", 0, platelets_10e9_l=150)] + ASSESS
    assert [f.day for f in flares(visits=no_visit_weight, steroids=rows).flares] == [40]
    assert flares(visits=no_visit_weight, steroids=rows, weight_kg=80.0).flares == ()
    none = flares(visits=no_visit_weight, steroids=rows, weight_kg=None)
    assert none.flares == () and any("no weight" in n for n in none.notes)


# -- S7, S8, investigator-declared -------------------------------------------------------------------------------


def test_hospitalisation_for_sle_activity() -> None:
    assert days(flares(hospitalisations=[hospitalisation(40, indication="renal")])) == [
        (40, "renal", ("hospitalisation",))]
    assert flares(hospitalisations=[hospitalisation(40, for_sle=False)]).flares == ()


def test_new_immunosuppressant() -> None:
    new = medication("mycophenolate", 30, for_sle_activity=True, indication="renal")
    assert days(flares(medications=[new])) == [(30, "renal", ("new_immunosuppressant",))]
    already = medication("mycophenolate", -100, None, for_sle_activity=True)
    assert flares(medications=[already, new]).flares == ()
    stopped_before = medication("mycophenolate", -100, -1, for_sle_activity=True)
    assert [f.day for f in flares(medications=[stopped_before, new]).flares] == [30]
    assert flares(medications=[medication("ivig", 30, for_sle_activity=True)]).flares == ()
    assert flares(medications=[medication("azathioprine", 30)]).flares == ()
    assert flares(medications=[medication("azathioprine", 0, for_sle_activity=True)]).flares == ()


def test_investigator_declared_and_grouping_by_day() -> None:
    found = flares(events=[event("severe_flare", 70, "renal"), event("severe_flare", 90, "extrarenal")],
                   hospitalisations=[hospitalisation(70, indication="renal"), hospitalisation(90, indication="renal")])
    assert [(f.day, f.kind, len(f.triggers)) for f in found.flares] == [(70, "renal", 2), (90, "extrarenal", 2)]


def test_onsets_only_within_h_and_as_of() -> None:
    base = [visit("D0", 0, platelets_10e9_l=150)]
    d = dossier(visits=base, events=[event("severe_flare", 0), event("severe_flare", 180)], as_of_day=300)
    r = evaluate_time_to_severe_sfi_flare(ctx(d))
    assert r.status == CENSORED
    r = evaluate_time_to_severe_sfi_flare(ctx(dossier(visits=base, events=[event("severe_flare", 100)], as_of_day=99)))
    assert r.status == PENDING


def test_time_to_first_severe_flare_reason() -> None:
    visits = [visit("D0", 0, platelets_10e9_l=80), visit("W4", 28, platelets_10e9_l=45)]
    r = evaluate_time_to_severe_sfi_flare(ctx(dossier(visits=visits)))
    assert (r.status, r.day) == (EVENT, 28)
    assert "platelets 45 < 60 ×10⁹/L at W4 (day 28), previous 80 ≥ 60 at D0 (day 0)" in r.reason
    assert r.details["sfi"]["flares"][0]["kind"] == "extrarenal"


@given(base=st.sampled_from([2.5, 5.0, 7.5, 10.0, 20.0]), factor=st.floats(1.0, 20.0), start=st.integers(1, 150),
       length=st.integers(1, 2))
def test_short_oral_rise_is_never_a_doubling(base, factor, start, length) -> None:
    rows = [pred(base, -30, start - 1), pred(round(base * factor, 3), start, start + length - 1),
            pred(base, start + length, None)]
    found = flares(visits=BASE + ASSESS, steroids=rows, weight_kg=1000.0)
    assert all(t.key != "steroid_doubling" for f in found.flares for t in f.triggers)


def test_reference_day_is_0_without_any_earlier_assessment() -> None:
    found = flares(visits=[], steroids=[pred(10, -30, 49), pred(20, 50, None)])
    assert [f.day for f in found.flares] == [50]
    assert found.flares[0].triggers[0].details["reference_day"] == 0


def test_weight_before_any_post_dose_visit_is_the_latest_pre_dose_weight() -> None:
    rows = [pred(20, -30, 39), pred(35, 40, 44), pred(20, 45, None)]
    heavy_screening = [visit("SCR", -14, weight=80.0), visit("D0", 0, platelets_10e9_l=150)] + ASSESS
    assert flares(visits=heavy_screening, steroids=rows, weight_kg=50.0).flares == ()  # 80 kg: limit 40 mg
    light_w4 = [visit("SCR", -14, weight=80.0), visit("D0", 0, platelets_10e9_l=150),
                visit("W4", 28, weight=60.0, platelets_10e9_l=150)] + ASSESS[1:]
    assert [f.day for f in flares(visits=light_w4, steroids=rows).flares] == [40]
