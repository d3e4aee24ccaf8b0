"""LC haematology change table: cells ok / pending / not evaluable, change and % change (endpoints.md §4.3, §8.18)."""

from __future__ import annotations

import json

from endpoints.hematology_change import evaluate_hematology_change
from endpoints.results import CHANGE_ANALYTES, CHANGE_VISITS, COMPUTED, NOT_APPLICABLE, NOT_EVALUABLE, OK, PENDING
from tests.endpoints.builders import complete_subject, ctx, dossier, missed, visit, with_params

BASE = visit("D0", 0, wbc_10e9_l=3.1, anc_10e9_l=0.0, platelets_10e9_l=40.0, hemoglobin_g_dl=9.0)


def table(visits, params=None, **kw):
    kw.setdefault("as_of_day", 200)
    return evaluate_hematology_change(ctx(dossier("LC", visits=[BASE, *visits], **kw), params))


def test_complete_subject_has_every_cell() -> None:
    r = evaluate_hematology_change(ctx(complete_subject("LC")))
    assert r.status == COMPUTED and set(r.visits) == set(CHANGE_VISITS)
    assert all(set(cells) == set(CHANGE_ANALYTES) for cells in r.visits.values())
    assert all(c.status == OK for cells in r.visits.values() for c in cells.values())
    assert set(r.details["supplementary"]) == {"W8", "W12D3", "W13", "W16", "W20"}
    json.dumps(r.to_json())


def test_change_and_percent_change() -> None:
    r = table([visit("D3", 3, wbc_10e9_l=3.4, anc_10e9_l=0.5, platelets_10e9_l=30.0, hemoglobin_g_dl=9.0)])
    wbc = r.visits["D3"]["wbc_10e9_l"]
    assert (wbc.status, wbc.baseline, wbc.value, wbc.change, wbc.pct_change) == (OK, 3.1, 3.4, 0.3, 9.7)
    assert r.visits["D3"]["platelets_10e9_l"].pct_change == -25.0
    anc = r.visits["D3"]["anc_10e9_l"]
    assert anc.status == OK and anc.change == 0.5 and anc.pct_change is None  # baseline 0: % blank
    assert "pct_change" not in anc.to_json()


def test_pending_until_due_day_then_not_evaluable() -> None:
    # W4 window ends day 35 (due day with 0 grace days)
    assert table([], as_of_day=35).visits["W4"]["wbc_10e9_l"].status == PENDING
    cell = table([], as_of_day=36).visits["W4"]["wbc_10e9_l"]
    assert cell.status == NOT_EVALUABLE and cell.reason == "W4 visit missing"
    assert table([], with_params(data_entry_grace_days=3), as_of_day=38).visits["W4"]["wbc_10e9_l"].status == PENDING


def test_performed_visit_with_missing_value() -> None:
    visits = [visit("W4", 28, wbc_10e9_l=3.0)]
    assert table(visits, as_of_day=30).visits["W4"]["platelets_10e9_l"].status == PENDING
    cell = table(visits, as_of_day=36).visits["W4"]["platelets_10e9_l"]
    assert cell.status == NOT_EVALUABLE and cell.reason == "platelets missing at W4"


def test_withdrawn_is_not_evaluable_at_once() -> None:
    cell = table([], as_of_day=20, withdrawal_day=15, status="withdrawn").visits["W4"]["hemoglobin_g_dl"]
    assert cell.status == NOT_EVALUABLE and "withdrawn day 15" in cell.reason


def test_missed_visit_waits_for_its_due_day() -> None:
    """§8.18 as written: pending while as_of ≤ due day and on study, even for a visit declared missed."""
    assert table([missed("W4", "hospitalised")], as_of_day=35).visits["W4"]["hemoglobin_g_dl"].status == PENDING
    cell = table([missed("W4", "hospitalised")], as_of_day=36).visits["W4"]["hemoglobin_g_dl"]
    assert cell.status == NOT_EVALUABLE and cell.reason == "W4 visit declared missed (hospitalised)"


def test_out_of_window_visit_is_used_unless_rejected() -> None:
    visits = [visit("W4", 36, wbc_10e9_l=3.0)]  # one day outside W4's window (21–35)
    assert table(visits).visits["W4"]["wbc_10e9_l"].status == OK
    cell = table(visits, with_params(reject_out_of_window=True), as_of_day=36).visits["W4"]["wbc_10e9_l"]
    assert cell.status == NOT_EVALUABLE and "outside its window" in cell.reason


def test_no_baseline_is_not_evaluable() -> None:
    r = evaluate_hematology_change(ctx(dossier("LC", visits=[visit("D3", 3, wbc_10e9_l=3.0)])))
    cell = r.visits["D3"]["wbc_10e9_l"]
    assert cell.status == NOT_EVALUABLE and cell.reason == "baseline WBC missing"


def test_w24_follows_actual_infusion_2() -> None:
    # I2 on day 90: W24 target 174, window to 181
    assert table([], i2_day=90, as_of_day=181).visits["W24"]["wbc_10e9_l"].status == PENDING
    assert table([], i2_day=90, as_of_day=182).visits["W24"]["wbc_10e9_l"].status == NOT_EVALUABLE


def test_no_day0_and_population() -> None:
    r = evaluate_hematology_change(ctx(dossier("LC", i1_given=False)))
    assert r.status == PENDING and r.visits["W24"]["anc_10e9_l"].status == PENDING
    assert evaluate_hematology_change(ctx(dossier("LN"))).status == NOT_APPLICABLE
