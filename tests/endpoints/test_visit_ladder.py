"""The status ladder (endpoints.visit_ladder) and the operational view (endpoints.operations): every status, the
precedence between them, the log columns, and the figures, on worked cases."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from endpoints import edit_checks, vocab
from endpoints.operations import age_bucket, operations
from endpoints.params import ProtocolParams
from endpoints.visit_ladder import (
    COLUMNS,
    COMPLETE,
    DUE,
    INCOMPLETE,
    LOCKED,
    MISSED,
    NOT_APPLICABLE,
    NOT_DUE,
    OVERDUE,
    SIGNED,
    VERIFIED,
    LogFacts,
    QueryFacts,
    SubjectFacts,
    VisitFacts,
    subject_status,
    verifiable_keys,
)
from endpoints.visit_status import InfusionDates

P = ProtocolParams()
DAY0 = date(2026, 1, 5)


def on(day: int) -> date:
    return DAY0 + timedelta(days=day)


def full_answers(code: str) -> frozenset[str]:
    """Every form key the visit's required items need."""
    keys: set[str] = set()
    for item in edit_checks.required_fields(code):
        keys.update(edit_checks.SECTION_KEYS.get(item, (item,)))
    return frozenset(keys)


def complete_visit(code: str, day: int, record_id: int = 1, **changes: object) -> VisitFacts:
    return replace(VisitFacts(record_id, code, on(day), answered=full_answers(code)), **changes)


def subject(*visits: VisitFacts, **changes: object) -> SubjectFacts:
    base = SubjectFacts("LN-01", "LN", "enrolled", consent_date=on(-20),
                        infusions=(InfusionDates(1, DAY0, DAY0, "full"), InfusionDates(2, on(84))), visits=visits)
    return replace(base, **changes)


def log(name: str, *rows: dict[str, object]) -> dict[str, LogFacts]:
    """The facts of a log holding `rows` (every row passed as a suspect row: the rule decides)."""
    dates = [r.get("onset") or r.get("start") for r in rows]
    return {name: LogFacts(len(rows), max(d for d in dates if d is not None), rows)}


def cell(facts: SubjectFacts, column: str, as_of: date):
    return subject_status(facts, as_of, P).cell(column)


def test_the_grid_has_every_scheduled_visit_then_the_three_logs() -> None:
    row = subject_status(subject(), on(10), P)
    assert tuple(c.column for c in row.cells) == COLUMNS
    assert COLUMNS[:15] == vocab.SCHEDULED_VISIT_CODES and COLUMNS[15:] == ("steroids", "medications",
                                                                             "adverse_events")


def test_not_due_due_and_overdue_follow_the_window() -> None:
    facts = subject()  # W4: target day 28, window days 21-35
    assert cell(facts, "W4", on(20)).status == NOT_DUE
    assert cell(facts, "W4", on(21)).status == DUE
    assert cell(facts, "W4", on(35)).status == DUE
    overdue = cell(facts, "W4", on(36))
    assert overdue.status == OVERDUE and overdue.due == on(28) and overdue.date is None


def test_before_infusion_1_has_a_date_every_visit_is_not_due_without_a_due_date() -> None:
    facts = subject(infusions=(), status="screening")
    row = subject_status(facts, on(-5), P)
    assert {c.status for c in row.visit_cells} == {NOT_DUE} and all(c.due is None for c in row.visit_cells)
    assert not row.enrolled


def test_a_declared_miss_is_missed() -> None:
    facts = subject(VisitFacts(7, "D3", missed=True))
    assert cell(facts, "D3", on(30)).status == MISSED


def test_missing_required_item_is_incomplete_and_names_it() -> None:
    w4 = complete_visit("W4", 28)
    facts = subject(replace(w4, answered=w4.answered - {"hemoglobin_g_dl", "sledai.rash"}))
    found = cell(facts, "W4", on(40))
    assert found.status == INCOMPLETE and set(found.missing) == {"hemoglobin_g_dl", "sledai"}


def test_an_item_declared_not_done_is_not_missing() -> None:
    w4 = complete_visit("W4", 28)
    facts = subject(replace(w4, answered=w4.answered - {"hemoglobin_g_dl"}, not_done=frozenset({"hemoglobin_g_dl"})))
    assert cell(facts, "W4", on(40)).status == COMPLETE


def test_required_items_are_the_visit_forms() -> None:
    """Short visits need vital signs and haematology only (edit_checks.required_fields, as the form)."""
    d3 = VisitFacts(3, "D3", on(3), answered=frozenset(edit_checks.VITALS + edit_checks.HEMATOLOGY))
    assert cell(subject(d3), "D3", on(10)).status == COMPLETE
    w4 = VisitFacts(4, "W4", on(28), answered=frozenset(edit_checks.VITALS + edit_checks.HEMATOLOGY))
    assert cell(subject(w4), "W4", on(40)).status == INCOMPLETE


def test_a_given_infusion_without_its_visit_form_is_incomplete() -> None:
    found = cell(subject(), "D0", on(10))
    assert found.status == INCOMPLETE and found.date == DAY0 and found.record_id is None
    assert found.missing == edit_checks.required_fields("D0")


def test_complete_then_verified_when_every_verifiable_value_is_marked() -> None:
    w4 = complete_visit("W4", 28)
    keys = verifiable_keys(w4)
    assert "date" in keys and "sledai.rash" in keys and len(keys) == len(w4.answered) + 1
    partly = cell(subject(replace(w4, verified=frozenset({"date"}))), "W4", on(40))
    assert partly.status == COMPLETE and (partly.verified, partly.verifiable) == (1, len(keys))
    assert cell(subject(replace(w4, verified=keys)), "W4", on(40)).status == VERIFIED


def test_an_answered_key_outside_the_required_items_is_not_verifiable() -> None:
    d3 = VisitFacts(3, "D3", on(3), answered=frozenset(edit_checks.VITALS + edit_checks.HEMATOLOGY + ("pga",)))
    assert "pga" not in verifiable_keys(d3)


def test_signed_and_locked() -> None:
    w4 = complete_visit("W4", 28)
    assert cell(subject(replace(w4, signed=True)), "W4", on(40)).status == SIGNED
    assert cell(subject(replace(w4, locked=True)), "W4", on(40)).status == LOCKED
    assert cell(subject(w4, locked=True), "W4", on(40)).status == LOCKED  # subject or database lock


def test_precedence_locked_over_signed_over_incomplete_over_verified() -> None:
    w4 = complete_visit("W4", 28)
    everything = replace(w4, answered=w4.answered - {"pga"}, verified=verifiable_keys(w4), signed=True, locked=True)
    assert cell(subject(everything), "W4", on(40)).status == LOCKED
    signed = cell(subject(replace(everything, locked=False)), "W4", on(40))
    assert signed.status == SIGNED and signed.missing == ("pga",)  # still reported
    assert cell(subject(replace(everything, locked=False, signed=False)), "W4", on(40)).status == INCOMPLETE


def test_a_declared_miss_outranks_signature_and_lock() -> None:
    facts = subject(VisitFacts(7, "D3", missed=True, signed=True, locked=True))
    assert cell(facts, "D3", on(30)).status == MISSED


def test_after_withdrawal_visits_not_done_are_not_applicable_but_done_ones_keep_their_status() -> None:
    facts = subject(complete_visit("W4", 28), status="withdrawn", withdrawal_date=on(40))
    assert cell(facts, "W8", on(60)).status == NOT_APPLICABLE
    assert cell(facts, "W4", on(60)).status == COMPLETE
    dead = subject(death_date=on(40))
    assert cell(dead, "W24", on(60)).status == NOT_APPLICABLE


def test_screen_failure_visits_after_screening_are_not_applicable() -> None:
    facts = subject(complete_visit("SCR", -5), status="screen_failure", infusions=(InfusionDates(1, DAY0),))
    row = subject_status(facts, on(30), P)
    assert row.cell("SCR").status == COMPLETE
    assert {c.status for c in row.visit_cells if c.column != "SCR"} == {NOT_APPLICABLE}


def test_query_counts_per_visit_and_subject() -> None:
    w4 = complete_visit("W4", 28, record_id=12)
    queries = (QueryFacts("visits", 12, "open", on(30)), QueryFacts("visits", 12, "answered", on(30)),
               QueryFacts("visits", 12, "closed", on(30)), QueryFacts("visits", 99, "open", on(30)),
               QueryFacts("medications", 5, "open", on(30)))
    row = subject_status(subject(w4, queries=queries), on(40), P)
    found = row.cell("W4")
    assert (found.open_queries, found.answered_queries) == (1, 1)
    assert row.cell("medications").open_queries == 1
    assert (row.open_queries, row.answered_queries) == (3, 1)


def test_log_statuses() -> None:
    ae = {"term": "두통", "onset": on(2), "grade": 1, "serious": False, "related_product": "unlikely",
          "related_infusion": "possible", "action_taken": "not_applicable", "outcome": "recovered"}
    assert cell(subject(infusions=(InfusionDates(1, DAY0),)), "adverse_events", on(-3)).status == NOT_DUE
    assert cell(subject(), "adverse_events", on(10)).status == COMPLETE  # nothing to report after Day 0
    complete = cell(subject(logs=log("adverse_events", ae)), "adverse_events", on(10))
    assert complete.status == COMPLETE and complete.date == on(2)
    lacking = cell(subject(logs=log("adverse_events", {**ae, "outcome": None})), "adverse_events", on(10))
    assert lacking.status == INCOMPLETE and lacking.missing == ("outcome",)
    assert cell(subject(logs=log("adverse_events", ae), locked=True), "adverse_events", on(10)).status == LOCKED


def test_steroid_log_declared_complete_through_an_earlier_date_is_incomplete() -> None:
    row = {"drug": "prednisolone", "route": "oral", "mg_per_dose": 30.0, "doses_per_day": 1.0, "start": on(-10),
           "indication": "sle"}
    facts = subject(logs=log("steroids", row))
    assert cell(facts, "steroids", on(20)).status == COMPLETE
    assert cell(replace(facts, steroid_log_complete_through=on(10)), "steroids", on(20)).status == INCOMPLETE
    assert cell(replace(facts, steroid_log_complete_through=on(20)), "steroids", on(20)).status == COMPLETE


def test_next_due_and_waiting_for_signature() -> None:
    facts = subject(complete_visit("SCR", -5, 1), complete_visit("D0", 0, 2, signed=True),
                    VisitFacts(3, "D3", missed=True))
    row = subject_status(facts, on(8), P)
    assert row.next_due is not None and row.next_due.column == "W1" and row.next_due.status == DUE
    assert [c.column for c in row.waiting_for_signature] == ["SCR", "D3"]
    signed_miss = subject_status(replace(facts, visits=(*facts.visits[:2], VisitFacts(3, "D3", missed=True,
                                                                                     signed=True))), on(8), P)
    assert [c.column for c in signed_miss.waiting_for_signature] == ["SCR"]


@pytest.mark.parametrize(("days", "bucket"), [(0, "0-7"), (7, "0-7"), (8, "8-30"), (30, "8-30"), (31, ">30")])
def test_query_age_buckets(days: int, bucket: str) -> None:
    assert age_bucket(on(100 - days), on(100)) == bucket


def test_operations_figures() -> None:
    params = replace(P, enrolment_target={"LN": 4, "LC": 6})
    in_window = complete_visit("W4", 28, 1, verified=verifiable_keys(complete_visit("W4", 28)))
    late = complete_visit("W8", 70, 2)  # window days 49-63
    first = subject(in_window, late, VisitFacts(3, "D3", missed=True),
                    queries=(QueryFacts("visits", 1, "open", on(95)), QueryFacts("visits", 2, "open", on(80)),
                             QueryFacts("visits", 2, "open", on(40)), QueryFacts("visits", 2, "answered", on(40))))
    screening = SubjectFacts("LN-02", "LN", "screening", infusions=(InfusionDates(1, on(110)),))
    failed = SubjectFacts("LC-01", "LC", "screen_failure", consent_date=on(-30))
    facts = [first, screening, failed]
    statuses = [subject_status(f, on(100), params) for f in facts]
    ops = operations(statuses, facts, on(100), params)
    ln, lc = ops.enrolment
    assert (ln.target, ln.enrolled, ln.screening, ln.percent) == (4, ("LN-01",), ("LN-02",), 25.0)
    assert (lc.target, lc.enrolled, lc.screen_failures) == (6, (), ("LC-01",))
    assert ops.in_window == (("LN-01", "D0"), ("LN-01", "W4")) and ops.out_of_window == (("LN-01", "W8"),)
    assert ops.missed == (("LN-01", "D3"),)
    assert ("LN-01", "W1") in ops.overdue
    assert {k: len(v) for k, v in ops.open_queries_by_age.items()} == {"0-7": 1, "8-30": 1, ">30": 1}
    assert ops.open_queries_by_subject == {"LN-01": 3}
    forms = {f.code: f for f in ops.forms}
    assert forms["D0"].performed == ("LN-01",) and forms["D0"].complete == ()  # infusion given, form not entered
    assert forms["W4"].complete == ("LN-01",)
    assert ("LN-01", "D3") in ops.waiting_for_signature and ("LN-01", "W4") in ops.waiting_for_signature
    assert ops.visits_performed == 3 and ops.visits_verified == (("LN-01", "W4"),)  # D0 by its infusion
    assert ops.visits_verified_percent == pytest.approx(33.3)
    assert ops.values_verified == len(verifiable_keys(in_window))


def test_enrolment_target_is_a_study_parameter_per_subgroup() -> None:
    from endpoints.params import ConfigError, params_from_mapping

    assert P.enrolment_target == {"LN": 5, "LC": 5}  # registry: 10 in all
    assert params_from_mapping({"enrolment_target": {"LN": 7}}).enrolment_target == {"LN": 7, "LC": 5}
    with pytest.raises(ConfigError) as bad:
        params_from_mapping({"enrolment_target": {"SLE": 3}})
    assert bad.value.key == "enrolment_target.SLE"
    with pytest.raises(ConfigError, match="whole number"):
        params_from_mapping({"enrolment_target": {"LC": -1}})
