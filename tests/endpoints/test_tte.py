"""Time-to-event bookkeeping: onset window, censoring, pending, death, No Day 0 (endpoints.md §0, §4.2, §8.2, §8.4)."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from endpoints.dossier import SfiForm
from endpoints.flares import evaluate_renal_flare, evaluate_time_to_hematologic_flare, evaluate_time_to_severe_sfi_flare
from endpoints.hematology_change import evaluate_hematology_change
from endpoints.remission import evaluate_complete_remission
from endpoints.results import CENSORED, EVENT, NOT_APPLICABLE, NOT_EVALUABLE, PENDING
from endpoints.treatment_failure import evaluate_treatment_failure
from endpoints.tte import FollowUp, Onset, decide, num, r6
from tests.endpoints.builders import (
    ctx,
    dialysis,
    dossier,
    event,
    hospitalisation,
    lldas_form,
    medication,
    sledai_scoring,
    steroid,
    visit,
)

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


TTE_STATUSES = {EVENT, CENSORED, PENDING, NOT_EVALUABLE, NOT_APPLICABLE}
_LABS = {"hemoglobin_g_dl": (0.0, 16.0), "anc_10e9_l": (0.0, 6.0), "platelets_10e9_l": (0.0, 400.0),
         "creatinine_mg_dl": (0.0, 9.0), "upcr_g_g": (0.0, 8.0), "proteinuria_g_24h": (0.0, 8.0),
         "urine_rbc_hpf": (0.0, 30.0), "urine_wbc_hpf": (0.0, 30.0), "wbc_10e9_l": (0.0, 12.0)}


@st.composite
def rich_dossiers(draw):
    visits = []
    for code, day in (("SCR", -14), ("D0", 0), ("D3", 3), ("W4", 28), ("W8", 56), ("W12", 84), ("W16", 112),
                      ("W20", 140), ("W24", 168), ("UNS", 100)):
        if not draw(st.booleans()):
            continue
        labs = {k: draw(st.floats(lo, hi)) for k, (lo, hi) in _LABS.items() if draw(st.booleans())}
        if draw(st.booleans()):
            labs["urine_casts"] = draw(st.lists(st.sampled_from(["rbc", "wbc", "granular", "hyaline"]), max_size=2))
        visits.append(visit(
            code, day + (draw(st.integers(-8, 8)) if day > 0 else 0),
            weight=draw(st.sampled_from([None, 45.0, 70.5])),
            sledai=sledai_scoring(draw(st.sampled_from([0, 4, 10, 12, 14, 20]))) if draw(st.booleans()) else None,
            pga=draw(st.sampled_from([None, 0.5, 2.5, 2.6, 3.0])),
            sfi=SfiForm({"nephritis": draw(st.booleans()), "cns": draw(st.booleans())},
                        draw(st.sampled_from([None, True, False]))) if draw(st.booleans()) else None,
            lldas=lldas_form(hemolytic=draw(st.sampled_from([None, True, False]))),
            sediment_inactive=draw(st.sampled_from([None, True, False])),
            not_attributable=tuple(draw(st.lists(st.sampled_from(["platelets_10e9_l", "hemoglobin_g_dl"]),
                                                 max_size=1))),
            **labs,
        ))
    rows = [steroid(draw(st.sampled_from(["prednisone", "methylprednisolone", "dexamethasone"])),
                    draw(st.sampled_from([2.5, 5, 10, 40, 500])), s, s + draw(st.integers(0, 40)),
                    route=draw(st.sampled_from(["oral", "iv"])),
                    indication=draw(st.sampled_from(["sle", "flare_renal", "flare_extrarenal", "premedication"])))
            for s in draw(st.lists(st.integers(-30, 180), max_size=5))]
    meds = [medication(draw(st.sampled_from(["mycophenolate", "ivig", "biologic"])), s, None,
                       rescue=draw(st.sampled_from([None, True])), for_sle_activity=draw(st.sampled_from([None, True])),
                       indication=draw(st.sampled_from([None, "renal", "haematologic"])))
            for s in draw(st.lists(st.integers(-60, 200), max_size=3))]
    rrt = [dialysis(s, draw(st.sampled_from([None, s + 30, s + 89, s + 120])), draw(st.sampled_from([None, True])))
           for s in draw(st.lists(st.integers(-5, 200), max_size=2))]
    events = [event(draw(st.sampled_from(["severe_flare", "renal_flare", "hematologic_flare"])), s,
                    draw(st.sampled_from([None, "renal", "extrarenal"])))
              for s in draw(st.lists(st.integers(-5, 200), max_size=2))]
    hosp = [hospitalisation(s, for_sle=draw(st.booleans()), indication=draw(st.sampled_from(["renal", "other"])))
            for s in draw(st.lists(st.integers(-5, 200), max_size=2))]
    return dossier(
        draw(st.sampled_from(["LN", "LC"])), visits=visits, steroids=rows, medications=meds, renal_replacement=rrt,
        events=events, hospitalisations=hosp, as_of_day=draw(st.integers(-5, 400)),
        i1_given=draw(st.integers(0, 9)) > 0, withdrawal_day=draw(st.sampled_from([None, None, 60, 150])),
        death_day=draw(st.sampled_from([None, None, 100, 250])), weight_kg=draw(st.sampled_from([None, 60.0])),
        complete_through_day=draw(st.sampled_from([None, 50, 170])),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rich_dossiers())
def test_time_to_event_results_on_random_dossiers(d) -> None:
    c = ctx(d)
    tl = c.timeline
    results = {fn.__name__: fn(c) for fn in (evaluate_time_to_severe_sfi_flare, evaluate_time_to_hematologic_flare,
                                              evaluate_renal_flare, evaluate_complete_remission)}
    tf = evaluate_treatment_failure(c)
    results.update({f"tf.{k}": v for k, v in (tf.components or {}).items()})
    for name, r in results.items():
        assert r.status in TTE_STATUSES, name
        assert r.reason.endswith("."), (name, r.reason)
        if r.status == EVENT:
            assert 1 <= r.day <= min(tl.horizon, tl.as_of_day), (name, r.day)
        if r.status in (CENSORED, PENDING) and tl.day0 is not None:
            assert 0 <= r.day <= min(tl.horizon, tl.as_of_day), (name, r.day)
        json.dumps(r.to_json())
    json.dumps(tf.to_json())
    json.dumps(evaluate_hematology_change(c).to_json())
