"""primary_steroid_taper and steroid_le7_5_by_w12_maintained_w24 (endpoints.md §4.1, §4 period helper, §7.1–7.2)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from endpoints.renal_response import evaluate_renal_response
from endpoints.results import MET, NOT_APPLICABLE, NOT_EVALUABLE, NOT_MET, PENDING
from endpoints.steroid_endpoints import (
    day_ranges,
    dose_runs,
    evaluate_primary_steroid_taper,
    evaluate_steroid_maintained,
)
from tests.endpoints.builders import ctx, dossier, missed, pred, steroid, visit, with_params

W4_W12 = [visit("W4", 28, pga=1.0), visit("W12", 84, pga=1.0)]
ALL = W4_W12 + [visit("W24", 168, pga=1.0)]


def primary(rows, visits=W4_W12, params=None, **kw):
    return evaluate_primary_steroid_taper(ctx(dossier(steroids=rows, visits=visits, **kw), params))


def maintained(rows, visits=ALL, params=None, **kw):
    return evaluate_steroid_maintained(ctx(dossier(steroids=rows, visits=visits, **kw), params))


EXAMPLE1 = [
    steroid("prednisolone", 10, 0, 27),
    steroid("prednisolone", 7.5, 28, 49),
    steroid("prednisolone", 10, 50, 50),
    steroid("prednisolone", 7.5, 51),
]


def test_worked_example_1_one_excursion() -> None:
    r = primary(EXAMPLE1, as_of_day=100)
    assert r.status == NOT_MET
    assert "1 excess day > 7.5 mg" in r.reason and "day 50" in r.reason
    assert r.details["excess_days"] == [50]
    assert primary(EXAMPLE1, as_of_day=100, params=with_params(taper_excursion_tolerance_days=1)).status == MET


def test_worked_example_2_equivalents_and_premedication() -> None:
    dexa = steroid("dexamethasone", 1.125, 28, 84)
    premed = steroid("hydrocortisone", 100, 84, 84, route="iv", indication="premedication")
    assert primary([dexa, premed]).status == MET
    sle = steroid("hydrocortisone", 100, 84, 84, route="iv")
    r = primary([dexa, sle])
    assert r.status == NOT_MET and "day 84" in r.reason
    assert ctx(dossier(steroids=[dexa, sle])).steroids.dose_mg(84) == Fraction(65, 2)


def test_exactly_threshold_is_not_excess() -> None:
    assert primary([pred(7.5, 0)]).status == MET
    assert primary([pred(7.501, 0)]).status == NOT_MET


def test_threshold_parameter() -> None:
    assert primary([pred(10, 0)], params=with_params(steroid_threshold_mg=10.0)).status == MET


def test_period_bounds_follow_performed_visit_dates() -> None:
    visits = [visit("W4", 35, pga=1.0), visit("W12", 80, pga=1.0)]
    rows = [pred(20, 30, 34), pred(20, 81, 90), pred(5, 35, 80)]
    r = primary(rows, visits=visits)
    assert r.status == MET
    assert r.details["period"]["start"]["day"] == 35 and r.details["period"]["end"]["day"] == 80
    assert primary(rows + [pred(20, 80, 80)], visits=visits).status == NOT_MET


def test_excess_inside_provisional_period_is_already_not_met() -> None:
    r = primary([pred(10, 40, 40)], visits=[visit("W4", 28, pga=1.0)], as_of_day=60)
    assert r.status == NOT_MET
    assert r.details["period"]["end"] == {
        "visit": "W12", "day": 84, "date": r.details["period"]["end"]["date"], "performed": False, "final": False,
        "due_day": 91,
    }


def test_pending_until_w12_due_day() -> None:
    r = primary([pred(5, 0)], visits=[visit("W4", 28, pga=1.0)], as_of_day=91)
    assert r.status == PENDING
    assert "W12 visit not yet done" in r.reason and "day 91" in r.reason


def test_missed_w12_uses_target_day_once_due_day_passed() -> None:
    r = primary([pred(5, 0)], visits=[visit("W4", 28, pga=1.0), missed("W12")], as_of_day=92)
    assert r.status == MET
    assert r.details["period"]["end"]["performed"] is False and r.details["period"]["end"]["final"] is True


def test_withdrawal_before_w12_not_evaluable_unless_already_not_met() -> None:
    r = primary([pred(5, 0)], visits=[visit("W4", 28, pga=1.0)], as_of_day=120, withdrawal_day=60, status="withdrawn")
    assert r.status == NOT_EVALUABLE and r.reason.startswith("Withdrawn day 60")
    r = primary([pred(5, 0), pred(10, 50, 50)], visits=[visit("W4", 28, pga=1.0)], as_of_day=120, withdrawal_day=60)
    assert r.status == NOT_MET
    r = primary([pred(5, 0)], visits=[visit("W4", 28, pga=1.0)], as_of_day=70, death_day=60)
    assert r.status == NOT_EVALUABLE and r.reason.startswith("Died day 60")


def test_nonresponder_imputation() -> None:
    imputing = with_params(nonresponder_imputation=True)
    r = primary([pred(5, 0)], visits=[visit("W4", 28, pga=1.0)], as_of_day=120, withdrawal_day=60, params=imputing)
    assert r.status == NOT_MET and "nonresponder_imputation" in r.reason and r.details["imputed"]
    # an incomplete log is not imputed
    r = primary([pred(5, 0)], as_of_day=120, complete_through_day=80, params=imputing)
    assert r.status == NOT_EVALUABLE


def test_incomplete_log_pending_then_not_evaluable() -> None:
    r = primary([pred(5, 0)], as_of_day=88, complete_through_day=80)
    assert r.status == PENDING and "steroid log incomplete" in r.reason.lower()
    r = primary([pred(5, 0)], as_of_day=100, complete_through_day=80)
    assert r.status == NOT_EVALUABLE and "steroid log incomplete (complete through" in r.reason.lower()
    assert primary([pred(5, 0)], as_of_day=100, complete_through_day=84).status == MET


def test_recorded_excess_beyond_log_still_disqualifies() -> None:
    r = primary([pred(5, 0, 79), pred(10, 82, 82)], as_of_day=100, complete_through_day=80)
    assert r.status == NOT_MET


def test_unknown_drug_not_evaluable() -> None:
    params = with_params(steroid_factors={"prednisone": Fraction(1)})
    r = primary([pred(5, 0), steroid("cortisone", 10, 40, 41)], params=params, as_of_day=100)
    assert r.status == NOT_EVALUABLE and "unknown steroid drug cortisone" in r.reason.lower()


def test_data_after_as_of_ignored() -> None:
    assert primary([pred(5, 0), pred(20, 101, 101)], as_of_day=100).status == MET


def test_rows_before_day0_and_non_systemic_ignored_in_period() -> None:
    rows = [pred(40, -20, -1), steroid("betamethasone", 5, 30, 60, route="topical"), pred(5, 0)]
    assert primary(rows).status == MET


def test_no_day0() -> None:
    assert primary([pred(5, 0)], i1_given=False).status == PENDING
    r = primary([pred(5, 0)], i1_given=False, status="screen_failure")
    assert r.status == NOT_EVALUABLE and "never given" in r.reason


def test_maintained_met_and_w12_day_rule() -> None:
    assert maintained([pred(5, 0)]).status == MET
    tol1 = with_params(taper_excursion_tolerance_days=1)
    r = maintained([pred(5, 0), pred(10, 84, 84)], params=tol1)
    assert r.status == NOT_MET and "not achieved by Week 12" in r.reason
    assert maintained([pred(5, 0), pred(10, 100, 100)], params=tol1).status == MET
    assert maintained([pred(5, 0), pred(10, 100, 100)]).status == NOT_MET


def test_maintained_period_is_w12_to_w24() -> None:
    visits = [visit("W12", 84, pga=1.0), visit("W24", 170, pga=1.0)]
    assert maintained([pred(5, 0), pred(10, 83, 83), pred(10, 171, 171)], visits=visits).status == MET
    assert maintained([pred(5, 0), pred(10, 170, 170)], visits=visits).status == NOT_MET


def test_maintained_due_day_is_w24_due_with_actual_i2() -> None:
    r = maintained([pred(5, 0)], visits=W4_W12, i2_day=90, as_of_day=181)
    assert r.status == PENDING and r.details["due_day"] == 181
    r = maintained([pred(5, 0)], visits=W4_W12, i2_day=90, as_of_day=182)
    assert r.status == MET and r.details["period"]["end"]["day"] == 174


def test_maintained_withdrawal_before_w24() -> None:
    r = maintained([pred(5, 0)], visits=W4_W12, as_of_day=200, withdrawal_day=150, status="withdrawn")
    assert r.status == NOT_EVALUABLE and "withdrawn day 150" in r.reason.lower()


def test_population_is_all() -> None:
    assert primary([pred(5, 0)], subgroup="LC").status == MET
    assert primary([pred(5, 0)]).status != NOT_APPLICABLE


def test_day_ranges() -> None:
    assert day_ranges([50, 120, 121, 122, 130]) == "50, 120–122, 130"
    assert day_ranges([]) == ""


@settings(max_examples=60, deadline=None)
@given(
    base=st.lists(st.tuples(st.integers(0, 120), st.integers(0, 30), st.sampled_from([2.5, 5, 7.5, 10, 20])),
                  max_size=5),
    extra_day=st.integers(28, 84),
    extra_mg=st.sampled_from([7.501, 8, 10, 60]),
    as_of_day=st.integers(40, 120),
)
def test_adding_an_excess_day_in_w4_w12_never_turns_not_met_into_met(base, extra_day, extra_mg, as_of_day) -> None:
    rows = [pred(mg, s, s + n) for s, n, mg in base]
    before = primary(rows, as_of_day=as_of_day).status
    after = primary(rows + [pred(extra_mg, extra_day, extra_day)], as_of_day=as_of_day).status
    assert not (before == NOT_MET and after == MET)
    if extra_day <= as_of_day:
        assert after == NOT_MET


def test_out_of_window_warning_only_for_the_bounding_visits() -> None:
    visits = [visit("D3", 6, pga=1.0), visit("W4", 36, pga=1.0), visit("W12", 84, pga=1.0)]
    r = primary([pred(5, 0)], visits=visits)
    assert r.status == MET
    assert r.details["warnings"] == ["W4 on day 36 is outside its window (days 21–35)"]
    r = primary([pred(5, 0)], visits=visits, params=with_params(reject_out_of_window=True))
    assert r.status == MET and r.details["period"]["start"] == {
        "visit": "W4", "day": 28, "date": r.details["period"]["start"]["date"], "performed": False, "final": True,
        "due_day": 35,
    }


@settings(max_examples=40, deadline=None)
@given(
    taper=st.sampled_from([2.5, 5, 7.5]),
    runs=st.lists(st.tuples(st.integers(84, 168), st.integers(0, 8)), max_size=3),
    extra_day=st.integers(84, 168),
)
def test_adding_an_excess_day_in_w12_w24_never_helps_renal_response(taper, runs, extra_day) -> None:
    visits = [visit("D0", 0, upcr_g_g=2.0, creatinine_mg_dl=0.9), visit("W12", 84, pga=1.0),
              visit("W24", 168, upcr_g_g=0.3, creatinine_mg_dl=0.9)]
    rows = [pred(taper, 0)] + [pred(10, s, s + n) for s, n in runs]

    def status(extra):
        return evaluate_renal_response(ctx(dossier(visits=visits, steroids=rows + extra))).status

    before, after = status([]), status([pred(20, extra_day, extra_day)])
    assert not (before == NOT_MET and after == MET)
    assert before in (MET, NOT_MET) and after in (MET, NOT_MET)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["prednisone", "dexamethasone", "unknown-steroid"]), st.sampled_from([0, 2.5, 10]),
                  st.integers(-5, 40), st.integers(0, 25)),
        max_size=5,
    ),
    st.integers(-3, 70),
    st.integers(-8, 50),
    st.integers(0, 40),
)
def test_dose_runs_are_the_daily_doses_day_by_day(spec, complete_through_day, first, length) -> None:
    rows = [steroid(drug, mg, s, s + n) for drug, mg, s, n in spec]
    table = ctx(dossier(steroids=rows, as_of_day=60, complete_through_day=complete_through_day)).steroids
    expected: list[dict] = []
    for day in range(first, first + length + 1):
        dose = table.dose_mg(day)
        mg = None if dose is None else float(dose)
        if expected and expected[-1]["mg"] == mg:
            expected[-1]["to_day"] = day
        else:
            expected.append({"from_day": day, "to_day": day, "mg": mg})
    assert dose_runs(table, first, first + length) == expected
