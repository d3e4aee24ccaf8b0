"""Time-to-event bookkeeping: onset window, censoring, pending, death, No Day 0 (endpoints.md §0, §4.2, §8.2, §8.4)."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from endpoints.flares import evaluate_time_to_severe_sfi_flare
from endpoints.results import CENSORED, EVENT, NOT_APPLICABLE, NOT_EVALUABLE, PENDING
from endpoints.tte import FollowUp, Onset, decide, num, r6
from tests.endpoints.builders import ctx, dossier, event, visit

D0 = date(2026, 1, 5)


def follow(horizon=175, as_of=200, withdrawal=None, death=None, days=(0, 28, 56), on_study=True) -> FollowUp:
    return FollowUp(D0, horizon, as_of, withdrawal, death, tuple(days), on_study)


def test_earliest_counting_onset_is_the_event() -> None:
    r = decide(follow(), [Onset(90, "b"), Onset(30, "a")], "flare")
    assert (r.status, r.day) == (EVENT, 30)
    assert r.reason == "Flare on day 30: a."
    assert r.details["event_date"] == date(2026, 2, 4)


def test_only_onsets_on_days_1_to_h_and_as_of_count() -> None:
    f = follow(horizon=175, as_of=150)
    assert decide(f, [Onset(0, "day 0")], "flare").status == PENDING
    assert decide(f, [Onset(151, "after as_of")], "flare").status == PENDING
    assert decide(f, [Onset(1, "day 1")], "flare").day == 1
    assert decide(f, [Onset(150, "on as_of")], "flare").status == EVENT
    f = follow(horizon=170, as_of=300)
    r = decide(f, [Onset(171, "after H"), Onset(-3, "before")], "flare")
    assert r.status == CENSORED and "2 onset(s) outside days 1–170 ignored" in r.reason
    assert decide(f, [Onset(170, "on H")], "flare").day == 170


def test_censoring_day_is_last_assessment_before_min_of_h_as_of_withdrawal() -> None:
    f = follow(horizon=175, as_of=200, withdrawal=60, days=(-14, 0, 28, 56, 84), on_study=False)
    r = decide(f, [], "flare")
    assert (r.status, r.day) == (CENSORED, 56)
    assert "withdrawn day 60" in r.reason
    assert follow(days=(-14,), as_of=200).censor_day == 0  # max(0, …)
    assert follow(days=(), as_of=200).censor_day == 0
    assert follow(days=(0, 28, 168, 180), horizon=175).censor_day == 168


def test_event_after_withdrawal_still_counts() -> None:
    f = follow(withdrawal=60, days=(0, 28, 56), on_study=False)
    assert decide(f, [Onset(100, "late")], "flare").day == 100


def test_death_censors_at_last_assessment_and_is_not_pending() -> None:
    f = follow(as_of=120, death=100, days=(0, 28, 56, 90), on_study=False)
    r = decide(f, [], "flare")
    assert (r.status, r.day) == (CENSORED, 90)
    assert "died day 100" in r.reason


def test_pending_while_as_of_before_h_and_on_study() -> None:
    r = decide(follow(as_of=150, days=(0, 140)), [], "flare")
    assert (r.status, r.day) == (PENDING, 140)
    assert r.details["provisional"] is True and "provisional" in r.reason
    assert decide(follow(horizon=150, as_of=150, days=(0, 140)), [], "flare").status == CENSORED


def test_worked_example_8_censoring() -> None:
    visits = [visit("D0", 0, platelets_10e9_l=200), visit("W4", 28, platelets_10e9_l=210),
              visit("W20", 140, platelets_10e9_l=190)]
    d = dossier("LC", visits=visits, withdrawal_day=150, status="withdrawn", as_of_day=200)
    r = evaluate_time_to_severe_sfi_flare(ctx(d))
    assert (r.status, r.day) == (CENSORED, 140)
    assert "censored at day 140, the last assessment (W20) on or before day 150 (withdrawn day 150)" in r.reason
    on_study = dossier("LC", visits=visits, as_of_day=150)
    r = evaluate_time_to_severe_sfi_flare(ctx(on_study))
    assert (r.status, r.day) == (PENDING, 140)


def test_no_day0_rule() -> None:
    r = evaluate_time_to_severe_sfi_flare(ctx(dossier(i1_given=False, events=[event("severe_flare", 5)])))
    assert r.status == PENDING and r.day is None and "not yet given" in r.reason
    r = evaluate_time_to_severe_sfi_flare(ctx(dossier(i1_given=False, status="screen_failure")))
    assert r.status == NOT_EVALUABLE and "never given" in r.reason
    r = evaluate_time_to_severe_sfi_flare(ctx(dossier(i1_given=False, withdrawal_day=-3, status="withdrawn")))
    assert r.status == NOT_EVALUABLE


def test_results_are_json_ready() -> None:
    r = decide(follow(), [Onset(30, "a", {"value": 1.5, "when": date(2026, 2, 4)})], "flare")
    text = json.dumps(r.to_json())
    assert '"2026-02-04"' in text


def test_population_gate() -> None:
    from endpoints.flares import evaluate_time_to_hematologic_flare

    assert evaluate_time_to_hematologic_flare(ctx(dossier("LN"))).status == NOT_APPLICABLE


def test_number_helpers() -> None:
    assert num(0.30000000000000004) == "0.3"
    assert num(2.0) == "2" and num(-0.0001) == "0"
    assert r6(1.2 - 1.0) == 0.2 and r6(10.2 - 7.1) == 3.1


@given(
    horizon=st.integers(150, 190),
    as_of=st.integers(1, 400),
    withdrawal=st.one_of(st.none(), st.integers(1, 400)),
    days=st.lists(st.integers(-28, 400), max_size=12),
    onsets=st.lists(st.integers(-10, 400), max_size=5),
)
def test_decide_invariants(horizon, as_of, withdrawal, days, onsets) -> None:
    withdrawal = withdrawal if withdrawal is not None and withdrawal <= as_of else None
    kept = sorted(d for d in days if d <= as_of)  # the timeline drops data after as_of
    f = follow(horizon=horizon, as_of=as_of, withdrawal=withdrawal, days=kept, on_study=withdrawal is None)
    r = decide(f, [Onset(d, "x") for d in onsets if d <= as_of], "flare")
    counting = [d for d in onsets if 1 <= d <= min(horizon, as_of)]
    if counting:
        assert (r.status, r.day) == (EVENT, min(counting))
    else:
        assert r.status == (PENDING if as_of < horizon and withdrawal is None else CENSORED)
        assert 0 <= r.day <= min(horizon, as_of, withdrawal or as_of)
        assert r.day == 0 or r.day in kept
