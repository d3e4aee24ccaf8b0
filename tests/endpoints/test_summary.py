"""Study summaries (endpoints.md §5) checked against hand-computed proportions, CIs and Kaplan–Meier tables."""

from __future__ import annotations

import json
from datetime import date

import pytest

from endpoints.results import (
    BINARY_ENDPOINTS,
    CHANGE_ANALYTES,
    CHANGE_VISITS,
    ENDPOINT_IDS,
    POPULATION,
    TIME_TO_EVENT_ENDPOINTS,
    TREATMENT_FAILURE_COMPONENTS,
    ChangeCell,
    EndpointResult,
    SubjectResults,
)
from endpoints.summary import kaplan_meier, proportion, summarize, summary_to_json

AS_OF = date(2026, 7, 1)


def subject(sid: str, subgroup: str, **statuses) -> SubjectResults:
    """Results with every endpoint: the given ones, the rest pending / not_applicable by population."""
    endpoints = {}
    for eid in ENDPOINT_IDS:
        applicable = POPULATION[eid] in ("all", subgroup)
        given = statuses.get(eid)
        if isinstance(given, EndpointResult):
            endpoints[eid] = given
        elif given is not None:
            endpoints[eid] = EndpointResult(given, f"{given} because")
        else:
            endpoints[eid] = EndpointResult("pending" if applicable else "not_applicable", "default")
    return SubjectResults(sid, subgroup, AS_OF, date(2026, 1, 5), endpoints)


def tte(status: str, day: int | None) -> EndpointResult:
    return EndpointResult(status, f"{status} day {day}", day=day)


def test_proportion_with_exact_ci_and_counts_apart():
    results = [EndpointResult("met", "x")] * 5 + [EndpointResult("not_met", "x")] * 5 + [
        EndpointResult("not_evaluable", "W24 visit missing"), EndpointResult("not_evaluable", "W24 visit missing"),
        EndpointResult("not_evaluable", "withdrawn day 95"), EndpointResult("pending", "x"),
        EndpointResult("not_applicable", "x"),
    ]
    p = proportion("lldas_w24", "all", results)
    assert (p.responders, p.n, p.proportion) == (5, 10, 0.5)
    assert p.ci_low == pytest.approx(0.187086, abs=1e-6) and p.ci_high == pytest.approx(0.812914, abs=1e-6)
    assert p.not_evaluable == 3 and p.not_evaluable_reasons == {"W24 visit missing": 2, "withdrawn day 95": 1}
    assert (p.pending, p.not_applicable) == (1, 1)


def test_proportion_zero_responders_and_empty_denominator():
    p = proportion("sri4_w24", "LN", [EndpointResult("not_met", "x")] * 5)
    assert p.proportion == 0.0 and p.ci_low == 0.0 and p.ci_high == pytest.approx(0.521824, abs=1e-6)
    empty = proportion("sri4_w24", "LN", [EndpointResult("pending", "x")])
    assert empty.n == 0 and empty.proportion is None and empty.ci_low is None and empty.ci_high is None


def test_kaplan_meier_step_table_by_hand():
    results = [tte("event", d) for d in (10, 20, 20, 50)] + [tte("censored", d) for d in (5, 20, 30)] + [
        tte("pending", 168), EndpointResult("not_evaluable", "no day 0"), EndpointResult("not_applicable", "LC")]
    km = kaplan_meier("time_to_severe_sfi_flare", "all", results)
    assert (km.n, km.events, km.censored, km.pending, km.not_evaluable, km.not_applicable) == (8, 4, 4, 1, 1, 1)
    assert km.provisional
    table = [(s.day, s.at_risk, s.events, s.censored) for s in km.steps]
    assert table == [(5, 8, 0, 1), (10, 7, 1, 0), (20, 6, 2, 1), (30, 3, 0, 1), (50, 2, 1, 0), (168, 1, 0, 1)]
    assert [s.survival for s in km.steps] == pytest.approx([1, 6 / 7, 4 / 7, 4 / 7, 2 / 7, 2 / 7])
    assert km.at_days == pytest.approx({28: 4 / 7, 84: 2 / 7, 168: 2 / 7})
    assert km.median_day == 50
    assert km.censor_days == (5, 20, 30, 168)
    assert km.at_risk_at == {0: 8, 28: 3, 56: 1, 84: 1, 112: 1, 140: 1, 168: 1}


def test_kaplan_meier_without_events_and_beyond_follow_up():
    km = kaplan_meier("ln_time_to_renal_flare", "LN", [tte("censored", 40), tte("censored", 60)])
    assert km.events == 0 and km.median_day is None and not km.provisional
    assert km.at_days == {28: 1.0, 84: None, 168: None}  # not estimable past the last observed day


def test_kaplan_meier_median_not_reached_and_cumulative_remission():
    results = [tte("event", 30)] + [tte("censored", 168)] * 3
    km = kaplan_meier("ln_time_to_complete_remission", "LN", results, cumulative=True)
    assert km.median_day is None
    assert km.at_days == pytest.approx({28: 0.0, 84: 0.25, 168: 0.25})


def test_kaplan_meier_of_nobody():
    km = kaplan_meier("time_to_hematologic_flare", "LC", [])
    assert km.n == 0 and km.steps == () and km.at_days == {28: None, 84: None, 168: None}
    assert km.at_risk_at[0] == 0


def cells(changes: dict[str, float | None], baseline: float = 10.0) -> dict[str, dict[str, ChangeCell]]:
    out = {}
    for visit in CHANGE_VISITS:
        out[visit] = {}
        for analyte in CHANGE_ANALYTES:
            change = changes.get(visit)
            if change is None:
                out[visit][analyte] = ChangeCell("pending" if visit == "W24" else "not_evaluable")
            else:
                out[visit][analyte] = ChangeCell("ok", baseline, baseline + change, change, 100 * change / baseline)
    return out


def test_study_summary_groups_and_hematology_change():
    lc_change = [
        EndpointResult("computed", "x", visits=cells({"D3": 1.0, "W1": 2.0, "W4": -1.0})),
        EndpointResult("computed", "x", visits=cells({"D3": 3.0, "W1": 2.0})),
        EndpointResult("computed", "x", visits=cells({"D3": 2.0, "W1": 5.0}, baseline=5.0)),
    ]
    subjects = [
        subject("LN-01", "LN", primary_steroid_taper="met", sri4_w24="met", sledai_reduction_ge4_w24="met",
                time_to_severe_sfi_flare=tte("event", 40)),
        subject("LN-02", "LN", primary_steroid_taper="not_met", sri4_w24="not_applicable",
                sledai_reduction_ge4_w24="not_met", time_to_severe_sfi_flare=tte("censored", 168)),
        subject("LC-01", "LC", primary_steroid_taper="met", sri4_w24="not_met", sledai_reduction_ge4_w24="not_met",
                lc_hematology_change=lc_change[0], time_to_severe_sfi_flare=tte("censored", 160)),
        subject("LC-02", "LC", primary_steroid_taper="not_evaluable", lc_hematology_change=lc_change[1],
                time_to_severe_sfi_flare=tte("censored", 168)),
        subject("LC-03", "LC", lc_hematology_change=lc_change[2], time_to_severe_sfi_flare=tte("censored", 168)),
    ]
    s = summarize(subjects, as_of=AS_OF)
    assert s.n_subjects == 5 and s.subjects_by_subgroup == {"LN": 2, "LC": 3}
    assert set(s.proportions) == set(BINARY_ENDPOINTS) | {"sledai_reduction_ge4_w24_baseline_ge4"}
    primary = s.proportions["primary_steroid_taper"]
    assert set(primary) == {"LN", "LC", "all"}
    assert (primary["LN"].responders, primary["LN"].n) == (1, 2)
    assert (primary["LC"].responders, primary["LC"].n, primary["LC"].not_evaluable, primary["LC"].pending) == (
        1, 1, 1, 1)
    assert (primary["all"].responders, primary["all"].n) == (2, 3)
    assert set(s.proportions["ln_renal_response"]) == {"LN"}
    assert set(s.proportions["lc_hematologic_improvement"]) == {"LC"}
    full = s.proportions["sledai_reduction_ge4_w24"]["all"]
    restricted = s.proportions["sledai_reduction_ge4_w24_baseline_ge4"]["all"]
    assert (full.responders, full.n) == (1, 3)
    assert (restricted.responders, restricted.n, restricted.pending) == (1, 2, 2)  # LN-02 (baseline < 4) left out

    severe = s.kaplan_meier["time_to_severe_sfi_flare"]
    assert severe["LN"].events == 1 and severe["LC"].events == 0 and severe["all"].n == 5
    assert set(s.kaplan_meier["ln_time_to_renal_flare"]) == {"LN"}
    assert set(s.components) == set(TREATMENT_FAILURE_COMPONENTS)
    assert s.components["death"]["LN"].pending == 2  # components share the composite's pending status

    d3 = s.hematology_change["D3"]["wbc_10e9_l"]
    assert (d3.n, d3.mean, d3.median, d3.min, d3.max) == (3, 2.0, 2.0, 1.0, 3.0)
    assert d3.sd == pytest.approx(1.0)
    assert d3.median_pct_change == pytest.approx(30.0)  # pct changes 10, 30, 40
    w4 = s.hematology_change["W4"]["platelets_10e9_l"]
    assert (w4.n, w4.sd, w4.not_evaluable) == (1, None, 2)
    w24 = s.hematology_change["W24"]["hemoglobin_g_dl"]
    assert (w24.n, w24.mean, w24.pending) == (0, None, 3)
    assert list(s.hematology_change) == list(CHANGE_VISITS)

    assert s.provisional  # pending components / TTE


def test_components_are_summarised_per_component():
    comps = {name: tte("censored", 168) for name in TREATMENT_FAILURE_COMPONENTS}
    comps["rescue_therapy"] = tte("event", 30)
    composite = EndpointResult("computed", "x", components=comps)
    subjects = [subject("LN-01", "LN", ln_treatment_failure_components=composite),
                subject("LN-02", "LN", ln_treatment_failure_components=composite)]
    s = summarize(subjects)
    assert s.components["rescue_therapy"]["LN"].events == 2
    assert s.components["death"]["LN"].events == 0 and not s.components["death"]["LN"].provisional


def test_summary_to_json_is_plain_json():
    subjects = [subject("LN-01", "LN", primary_steroid_taper="met", time_to_severe_sfi_flare=tte("event", 12))]
    out = summary_to_json(summarize(subjects, as_of=AS_OF))
    text = json.dumps(out)
    back = json.loads(text)
    assert back["as_of"] == "2026-07-01"
    prim = back["proportions"]["primary_steroid_taper"]["LN"]
    assert prim["responders"] == 1 and prim["n"] == 1 and prim["ci_low"] == pytest.approx(0.025, abs=1e-3)
    km = back["kaplan_meier"]["time_to_severe_sfi_flare"]["LN"]
    assert km["steps"] == [{"day": 12, "at_risk": 1, "events": 1, "censored": 0, "survival": 0.0}]
    assert km["median_day"] == 12 and km["estimate"] == "S(t)"
    assert back["kaplan_meier"]["ln_time_to_complete_remission"]["LN"]["estimate"] == "1 - S(t)"
    assert set(back["kaplan_meier"]) == set(TIME_TO_EVENT_ENDPOINTS)


def test_restricted_sledai_reduction_reads_the_baseline_from_details():
    def reduction(status: str, baseline: int | None) -> EndpointResult:
        details = {} if baseline is None else {"sledai": {"baseline": baseline}}
        return EndpointResult(status, "x", details=details)

    subjects = [
        subject("LN-01", "LN", sledai_reduction_ge4_w24=reduction("met", 4), sri4_w24="pending"),
        subject("LN-02", "LN", sledai_reduction_ge4_w24=reduction("not_met", 3), sri4_w24="pending"),
        subject("LC-01", "LC", sledai_reduction_ge4_w24=reduction("not_met", 12), sri4_w24="met"),
        subject("LC-02", "LC", sledai_reduction_ge4_w24=reduction("not_evaluable", None), sri4_w24="not_evaluable"),
    ]
    restricted = summarize(subjects).proportions["sledai_reduction_ge4_w24_baseline_ge4"]
    assert (restricted["all"].responders, restricted["all"].n, restricted["all"].not_evaluable) == (1, 2, 1)
    assert (restricted["LN"].responders, restricted["LN"].n) == (1, 1)


def test_summary_of_the_engine_on_the_example_dossiers():
    from pathlib import Path

    evaluate = pytest.importorskip("endpoints.evaluate", reason="the endpoint engine is not there yet")
    from endpoints.dossier_json import dossier_from_json
    from endpoints.params import params_from_mapping

    results = []
    for path in sorted((Path(__file__).resolve().parent.parent / "data" / "dossiers").glob("*.json")):
        obj = json.loads(path.read_text(encoding="utf-8"))
        params = params_from_mapping(obj["extensions"].get("params", {}))
        results.append(evaluate.evaluate_subject(dossier_from_json(obj), params))
    s = summary_to_json(summarize(results, as_of=AS_OF))
    json.dumps(s)
    for eid in BINARY_ENDPOINTS:
        for group, p in s["proportions"][eid].items():
            members = [r.endpoints[eid].status for r in results if group in ("all", r.subgroup)]
            assert p["responders"] == members.count("met")
            assert p["n"] == members.count("met") + members.count("not_met")
            assert p["pending"] == members.count("pending")
            assert p["not_evaluable"] == sum(p["not_evaluable_reasons"].values()) == members.count("not_evaluable")
    for eid in TIME_TO_EVENT_ENDPOINTS:
        for group, km in s["kaplan_meier"][eid].items():
            members = [r.endpoints[eid] for r in results if group in ("all", r.subgroup)]
            assert km["events"] == sum(m.status == "event" for m in members)
            # pending without a day (no Day 0 yet) is counted as pending but is not in the risk set
            assert km["n"] == sum(m.status in ("event", "censored", "pending") and m.day is not None for m in members)
            assert km["pending"] == sum(m.status == "pending" for m in members)
            assert km["at_risk_at"]["0"] == km["n"]
    assert s["provisional"]
