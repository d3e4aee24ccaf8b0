"""Visit calendar arithmetic (endpoints.visit_status): anchoring, windows, statuses, reschedules, dose."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from endpoints.formatting import format_cells
from endpoints.params import ProtocolParams
from endpoints.visit_status import (
    DONE_IN_WINDOW,
    DONE_OUT_OF_WINDOW,
    DUE,
    MISSED,
    NOT_APPLICABLE,
    OVERDUE,
    UPCOMING,
    InfusionDates,
    StudyEnd,
    VisitRecord,
    WindowTable,
    anchors,
    build_schedule,
    dose_cells,
    due_this_week,
    moved_visits,
    open_visits_until,
    proposed_infusion2_date,
    study_end,
    visit_status,
    weight_error,
    weight_for_infusion,
)

P = ProtocolParams()
D0 = date(2026, 3, 2)


def sched(infusions, records=None, today=date(2026, 1, 1), end=None, previous=None, params=P):
    return {v.code: v for v in build_schedule(infusions, records or {}, today, params, end, previous)}


def test_no_schedule_until_infusion_1_is_planned() -> None:
    assert build_schedule([], {}, D0, P) == []
    assert build_schedule([InfusionDates(1)], {}, D0, P) == []


def test_planned_infusion_1_anchors_every_visit_and_w12_is_day_84() -> None:
    s = sched([InfusionDates(1, planned_date=D0)])
    assert s["D0"].target == D0
    assert s["W4"].target == D0 + timedelta(days=28)
    assert (s["W4"].window.earliest, s["W4"].window.latest) == (D0 + timedelta(days=21), D0 + timedelta(days=35))
    assert s["SCR"].window.earliest == D0 - timedelta(days=28) and s["SCR"].window.latest == D0 - timedelta(days=1)
    assert s["W12D3"].target == D0 + timedelta(days=87)  # nominal I2 = day 84
    assert s["W24"].target == D0 + timedelta(days=168)
    assert s["Y5"].target == D0 + timedelta(days=1825)
    assert list(s) == [v.code for v in P.visits]


def test_actual_infusion_1_replaces_the_planned_date() -> None:
    actual = D0 + timedelta(days=3)
    a = anchors([InfusionDates(1, D0, actual, "full")], P)
    assert a is not None and a.day0 == actual and a.day0_actual
    assert sched([InfusionDates(1, D0, actual, "full")])["W1"].target == actual + timedelta(days=7)


def test_post_i2_visits_follow_planned_then_actual_infusion_2() -> None:
    i1 = InfusionDates(1, D0, D0, "full")
    planned = sched([i1, InfusionDates(2, planned_date=D0 + timedelta(days=88))])
    assert planned["W13"].target == D0 + timedelta(days=95)
    assert planned["W12"].target == D0 + timedelta(days=84)  # W12 stays on Day 0
    given_ = sched([i1, InfusionDates(2, D0 + timedelta(days=88), D0 + timedelta(days=80), "partial")])
    assert given_["W12D3"].target == D0 + timedelta(days=83)
    assert given_["W24"].target == D0 + timedelta(days=164)
    assert anchors([i1, InfusionDates(2, D0 + timedelta(days=88), D0 + timedelta(days=80), "partial")],
                   P).i2_source == "actual"


def test_infusion_2_not_given_falls_back_to_week_12() -> None:
    i1 = InfusionDates(1, D0, D0, "full")
    s = sched([i1, InfusionDates(2, D0 + timedelta(days=90), D0 + timedelta(days=90), "not_given")])
    assert s["W16"].target == D0 + timedelta(days=112)


def test_anchor_on_actual_can_be_switched_off() -> None:
    params = replace(P, anchor_post_i2_on_actual=False)
    s = sched([InfusionDates(1, D0, D0, "full"), InfusionDates(2, None, D0 + timedelta(days=90), "full")],
              params=params)
    assert s["W16"].target == D0 + timedelta(days=112)


def test_month_and_leap_year_boundaries() -> None:
    day0 = date(2028, 1, 31)  # 2028 is a leap year
    s = sched([InfusionDates(1, day0, day0, "full")])
    assert s["W4"].target == date(2028, 2, 28)
    assert s["W4"].window.latest == date(2028, 3, 6)
    assert s["D3"].target == date(2028, 2, 3)
    s = sched([InfusionDates(1, date(2028, 2, 26), date(2028, 2, 26), "full")])
    assert s["D3"].target == date(2028, 2, 29) and s["D3"].window.latest == date(2028, 3, 1)
    s = sched([InfusionDates(1, date(2027, 2, 26), date(2027, 2, 26), "full")])
    assert s["D3"].target == date(2027, 3, 1)
    s = sched([InfusionDates(1, date(2026, 12, 30), date(2026, 12, 30), "full")])
    assert s["W1"].target == date(2027, 1, 6)
    assert s["Y1"].target == date(2027, 12, 30)
    leap = sched([InfusionDates(1, date(2027, 3, 1), date(2027, 3, 1), "full")])
    assert leap["Y1"].target == date(2028, 2, 29)  # 365 days, not "same date next year"


def test_statuses_before_in_and_after_the_window() -> None:
    s = sched([InfusionDates(1, D0, D0, "full")], today=D0 + timedelta(days=20))
    assert s["W4"].status == UPCOMING  # window opens day 21
    s = sched([InfusionDates(1, D0, D0, "full")], today=D0 + timedelta(days=21))
    assert s["W4"].status == DUE
    s = sched([InfusionDates(1, D0, D0, "full")], today=D0 + timedelta(days=35))
    assert s["W4"].status == DUE
    s = sched([InfusionDates(1, D0, D0, "full")], today=D0 + timedelta(days=36))
    assert s["W4"].status == OVERDUE


def test_done_in_and_out_of_window_with_days_outside() -> None:
    i1 = [InfusionDates(1, D0, D0, "full")]
    late = {"W4": VisitRecord("W4", D0 + timedelta(days=38), window_comment="환자 사정")}
    v = sched(i1, late, today=D0 + timedelta(days=60))["W4"]
    assert (v.status, v.days_outside, v.window_comment) == (DONE_OUT_OF_WINDOW, 3, "환자 사정")
    early = {"W1": VisitRecord("W1", D0 + timedelta(days=4))}
    v = sched(i1, early, today=D0 + timedelta(days=60))["W1"]
    assert (v.status, v.days_outside) == (DONE_OUT_OF_WINDOW, -1)
    edge = {"W1": VisitRecord("W1", D0 + timedelta(days=9))}
    assert sched(i1, edge, today=D0)["W1"].status == DONE_IN_WINDOW


def test_missed_and_not_applicable() -> None:
    i1 = [InfusionDates(1, D0, D0, "full")]
    v = sched(i1, {"W8": VisitRecord("W8", missed=True, missed_reason="입원")}, today=D0 + timedelta(days=70))["W8"]
    assert (v.status, v.missed_reason) == (MISSED, "입원")
    end = StudyEnd(D0 + timedelta(days=40), "withdrawn")
    s = sched(i1, today=D0 + timedelta(days=100), end=end)
    assert s["W4"].status == OVERDUE  # its window closed before the withdrawal
    assert s["W8"].status == NOT_APPLICABLE and s["Y5"].status == NOT_APPLICABLE
    fail = StudyEnd(date(2026, 1, 10), "screen_failure")
    s = sched([InfusionDates(1, planned_date=D0)], today=D0 - timedelta(days=5), end=fail)
    assert s["D0"].status == NOT_APPLICABLE and s["SCR"].status == DUE


def test_study_end_is_the_earliest_of_death_and_withdrawal() -> None:
    assert study_end("enrolled", None, None, date(2026, 1, 1)) is None
    assert study_end("withdrawn", date(2026, 5, 1), date(2026, 4, 1), None) == StudyEnd(date(2026, 4, 1), "death")
    assert study_end("screen_failure", None, None, date(2026, 1, 1)).why == "screen_failure"


def test_reschedule_shows_what_moved() -> None:
    before = [InfusionDates(1, D0, D0, "full"), InfusionDates(2, planned_date=D0 + timedelta(days=84))]
    after = [InfusionDates(1, D0, D0, "full"), InfusionDates(2, planned_date=D0 + timedelta(days=89))]
    s = sched(after, previous=before)
    assert s["W13"].previous_target == D0 + timedelta(days=91) and s["W13"].target == D0 + timedelta(days=96)
    assert s["W12"].previous_target is None  # W12 is on Day 0's clock
    moved = moved_visits(build_schedule(before, {}, D0, P), build_schedule(after, {}, D0, P))
    assert [code for code, _, _ in moved] == ["W12D3", "W13", "W16", "W20", "W24"]
    assert all((new - old).days == 5 for _, old, new in moved)


def test_a_given_infusion_stands_for_its_visit() -> None:
    s = sched([InfusionDates(1, D0, D0, "full"), InfusionDates(2, None, D0 + timedelta(days=95), "full")],
              today=D0 + timedelta(days=100))
    assert s["D0"].status == DONE_IN_WINDOW and s["D0"].actual_date == D0
    assert (s["W12"].status, s["W12"].days_outside) == (DONE_OUT_OF_WINDOW, 4)
    recorded = sched([InfusionDates(1, D0, D0, "full")], {"D0": VisitRecord("D0", missed=True, missed_reason="x")})
    assert recorded["D0"].status == MISSED


def test_visit_status_directly() -> None:
    w = sched([InfusionDates(1, D0, D0, "full")])["D3"].window
    assert visit_status(w, None, w.earliest - timedelta(days=1)) == (UPCOMING, 0)
    assert visit_status(w, VisitRecord("D3", w.latest + timedelta(days=4)), D0) == (DONE_OUT_OF_WINDOW, 4)


def test_due_this_week() -> None:
    s = sched([InfusionDates(1, D0, D0, "full")], today=D0 + timedelta(days=15))
    assert due_this_week(s["W4"], D0 + timedelta(days=15))  # opens day 21 = today + 6
    assert not due_this_week(s["W8"], D0 + timedelta(days=15))
    assert not due_this_week(s["W1"], D0 + timedelta(days=15))  # overdue, not due


def test_infusion_2_is_proposed_at_week_12_of_the_actual_first() -> None:
    assert proposed_infusion2_date(date(2026, 1, 5), P) == date(2026, 3, 30)
    assert proposed_infusion2_date(date(2027, 12, 20), P) == date(2028, 3, 13)


def test_dose_and_its_display() -> None:
    assert dose_cells(58.0, P) == pytest.approx(1.16e8)
    assert format_cells(dose_cells(58.0, P)) == "1.16 × 10⁸ cells"


def test_weight_for_infusion_takes_the_latest_within_the_limit() -> None:
    when = date(2026, 3, 10)
    weights = [(date(2026, 3, 1), 60.0), (date(2026, 3, 4), 61.0), (date(2026, 3, 11), 62.0)]
    assert weight_for_infusion(weights, when, P) == (date(2026, 3, 4), 61.0)
    assert weight_for_infusion([(date(2026, 3, 2), 60.0)], when, P) is None  # 8 days old
    assert weight_for_infusion([(date(2026, 3, 3), 60.0)], when, P) == (date(2026, 3, 3), 60.0)  # exactly 7
    assert weight_error(0) and weight_error(500) and weight_error(58.0) is None


@given(st.dates(date(2020, 1, 1), date(2035, 12, 31)), st.integers(60, 110), st.integers(0, 400))
def test_windows_contain_their_targets_and_visits_are_ordered(day0: date, i2_day: int, offset: int) -> None:
    today = day0 + timedelta(days=offset)
    infusions = [InfusionDates(1, day0, day0, "full"), InfusionDates(2, None, day0 + timedelta(days=i2_day), "full")]
    visits = build_schedule(infusions, {}, today, P)
    for v in visits:
        assert v.window.earliest <= v.target <= v.window.latest
        given_visit = v.code in ("D0", "W12")
        assert v.status in ((DONE_IN_WINDOW, DONE_OUT_OF_WINDOW) if given_visit else (UPCOMING, DUE, OVERDUE))
    codes = {v.code: v for v in visits}
    assert codes["W12D3"].target == day0 + timedelta(days=i2_day + 3)


@given(st.integers(-40, 500), st.integers(70, 100), st.booleans(), st.sets(st.sampled_from([v.code for v in P.visits])),
       st.integers(-10, 300))
def test_open_visits_until_agrees_with_the_full_calendar(offset: int, i2_day: int, i2_given: bool, done: set[str],
                                                         end_day: int) -> None:
    today = D0 + timedelta(days=offset)
    last = today + timedelta(days=6)
    i2 = InfusionDates(2, D0 + timedelta(days=84), D0 + timedelta(days=i2_day) if i2_given else None,
                       "full" if i2_given else None)
    infusions = [InfusionDates(1, D0, D0, "full"), i2]
    records = {code: VisitRecord(code, D0 + timedelta(days=1)) for code in done}
    end = StudyEnd(D0 + timedelta(days=end_day), "withdrawn") if end_day > 0 else None
    full = [v for v in build_schedule(infusions, records, today, P, end)
            if v.status in (UPCOMING, DUE, OVERDUE) and v.window.earliest <= last]
    quick = open_visits_until(infusions, records, today, last, WindowTable(P), end)
    assert [(v.code, v.window, v.status) for v in quick] == [(v.code, v.window, v.status) for v in full]


def test_screening_is_due_not_overdue_until_infusion_1_is_given() -> None:
    late = D0 + timedelta(days=10)  # the planned Day 0 has passed, infusion 1 not given
    assert sched([InfusionDates(1, planned_date=D0)], today=late)["SCR"].status == DUE
    assert sched([InfusionDates(1, planned_date=D0)], today=late)["D3"].status == OVERDUE  # the rule is SCR's only
    given = [InfusionDates(1, planned_date=D0, actual_date=D0, completion="full")]
    assert sched(given, today=late)["SCR"].status == OVERDUE
    assert sched(given, {"SCR": VisitRecord("SCR", D0 - timedelta(days=3))}, today=late)["SCR"].status == \
        DONE_IN_WINDOW
    table = WindowTable(P)
    open_ = open_visits_until([InfusionDates(1, planned_date=D0)], {}, late, late, table)
    assert {v.code: v.status for v in open_}["SCR"] == DUE
