"""Schedule store on a real SQLite file: infusions, reschedules with reasons, visit dates, misses, overview."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from endpoints.visit_status import DONE_OUT_OF_WINDOW, MISSED, NOT_APPLICABLE, OVERDUE
from models.errors import ReasonRequired, ValidationError
from models.schedule_store import (
    FIRST_ENTRY_REASON,
    InfusionInput,
    RecordedWeight,
    declare_missed,
    due_and_overdue,
    load_schedule,
    record_visit_date,
    recorded_weights,
    save_infusion,
    validate_infusion,
    visits_between,
)
from models.schema import AuditEntry
from models.subjects import save_subject
from tests.models.conftest import subject_input

CONSENT = date(2026, 1, 5)
D0 = date(2026, 2, 2)
TODAY = date(2026, 6, 1)


@pytest.fixture
def subject(db):
    save_subject(db, subject_input(status="enrolled"), user="jkim", today=TODAY)
    return "LN-01"


def given_input(**changes) -> InfusionInput:
    values = dict(subject_id="LN-01", number=1, planned_date=D0, date=D0, weight_kg=58.0, weight_date=D0,
                  lot_number="CS-2601-A", start_time="09:30", end_time="10:10", pre_systolic_bp_mmhg=118,
                  pre_diastolic_bp_mmhg=76, pre_pulse_bpm=72, pre_temperature_c=36.6, post_systolic_bp_mmhg=121,
                  post_diastolic_bp_mmhg=78, post_pulse_bpm=80, post_temperature_c=36.9, reaction=False,
                  completion="full")
    values.update(changes)
    return InfusionInput(**values)


def audit_rows(db, table):
    with db.read() as session:
        return session.scalars(select(AuditEntry).where(AuditEntry.table_name == table)
                               .order_by(AuditEntry.id)).all()


def test_plan_then_record_infusion_1_and_the_schedule_follows(db, subject) -> None:
    planned = D0 + timedelta(days=2)
    save_infusion(db, InfusionInput("LN-01", 1, planned_date=planned), user="jkim", today=TODAY)
    s = load_schedule(db, subject, D0)
    assert s.visit("W4").target == planned + timedelta(days=28)
    result = save_infusion(db, given_input(planned_date=planned), user="jkim", today=TODAY)
    assert ("W4", planned + timedelta(days=28), D0 + timedelta(days=28)) in result.moved
    s = load_schedule(db, subject, TODAY)
    assert s.visit("W4").target == D0 + timedelta(days=28)
    record = s.infusion(1)
    assert record.dose_cells == pytest.approx(1.16e8) and record.data.lot_number == "CS-2601-A"
    rows = audit_rows(db, "infusions")
    assert rows[0].action == "insert" and {r.field for r in rows[1:]} >= {"date", "weight_kg", "lot_number"}
    assert all(r.reason == FIRST_ENTRY_REASON.format(1) for r in rows[1:])
    assert [c.field for c in s.changes] == ["actual"]


def test_rescheduling_needs_a_reason_and_shows_what_moved(db, subject) -> None:
    save_infusion(db, given_input(), user="jkim", today=TODAY)
    save_infusion(db, InfusionInput("LN-01", 2, planned_date=D0 + timedelta(days=84)), user="jkim", today=TODAY)
    later = InfusionInput("LN-01", 2, planned_date=D0 + timedelta(days=88))
    with pytest.raises(ReasonRequired):
        save_infusion(db, later, user="jkim", today=TODAY)
    assert load_schedule(db, subject, TODAY).infusion(2).data.planned_date == D0 + timedelta(days=84)
    result = save_infusion(db, later, user="jkim", reason="환자 일정 (subject travelling)", today=TODAY)
    assert [m[0] for m in result.moved] == ["W12D3", "W13", "W16", "W20", "W24"]
    s = load_schedule(db, subject, TODAY)
    assert s.visit("W16").previous_target == D0 + timedelta(days=112)
    assert s.visit("W16").target == D0 + timedelta(days=116)
    assert s.changes[-1].reason == "환자 일정 (subject travelling)" and s.changes[-1].old_date == D0 + timedelta(84)
    assert audit_rows(db, "infusions")[-1].reason == "환자 일정 (subject travelling)"
    assert audit_rows(db, "schedule_changes")[-1].action == "insert"


@pytest.mark.parametrize(("changes", "field"), [
    ({"date": CONSENT - timedelta(days=1), "planned_date": CONSENT - timedelta(days=1),
      "weight_date": CONSENT - timedelta(days=1)}, "date"),
    ({"weight_kg": 0.0}, "weight_kg"),
    ({"weight_kg": 500.0}, "weight_kg"),
    ({"weight_date": D0 - timedelta(days=8)}, "weight_date"),
    ({"end_time": "09:00"}, "end_time"),
    ({"start_time": "9h30"}, "start_time"),
    ({"completion": "partial"}, "fraction_given"),
    ({"completion": "not_given"}, "not_given_reason"),
    ({"reaction": True}, "reaction_text"),
    ({"pre_pulse_bpm": 400}, "pre_pulse_bpm"),
    ({"date": TODAY + timedelta(days=1), "planned_date": TODAY + timedelta(days=1)}, "date"),
    ({"completion": None}, "completion"),
])
def test_bad_infusion_input_is_refused_by_field(db, subject, changes, field) -> None:
    data = given_input(**changes)
    assert field in validate_infusion(db, data, TODAY)
    with pytest.raises(ValidationError) as refused:
        save_infusion(db, data, user="jkim", today=TODAY)
    assert field in refused.value.errors
    assert load_schedule(db, subject, TODAY).infusions == ()


def test_infusion_2_before_infusion_1_is_refused(db, subject) -> None:
    assert "planned_date" in validate_infusion(db, InfusionInput("LN-01", 2, planned_date=D0), TODAY)
    save_infusion(db, given_input(), user="jkim", today=TODAY)
    errors = validate_infusion(db, InfusionInput("LN-01", 2, planned_date=D0 - timedelta(days=1)), TODAY)
    assert "after infusion 1" in errors["planned_date"]
    ok = InfusionInput("LN-01", 2, planned_date=D0 + timedelta(days=84))
    assert validate_infusion(db, ok, TODAY) == {}


def test_partial_infusion_keeps_the_fraction(db, subject) -> None:
    save_infusion(db, given_input(completion="partial", fraction_given=0.6), user="jkim", today=TODAY)
    assert load_schedule(db, subject, TODAY).infusion(1).data.fraction_given == 0.6


def test_visit_dates_outside_the_window_need_a_comment(db, subject) -> None:
    save_infusion(db, given_input(), user="jkim", today=TODAY)
    late = D0 + timedelta(days=40)
    with pytest.raises(ValidationError) as refused:
        record_visit_date(db, subject, "W4", late, window_comment=None, user="jkim", today=TODAY)
    assert "window_comment" in refused.value.errors
    with pytest.raises(ValidationError) as refused:
        record_visit_date(db, subject, "W4", CONSENT - timedelta(days=1), window_comment="x", user="jkim",
                          today=TODAY)
    assert "consent" in refused.value.errors["date"]
    record_visit_date(db, subject, "W4", late, window_comment="독감으로 연기 (flu)", user="jkim", today=TODAY)
    v = load_schedule(db, subject, TODAY).visit("W4")
    assert (v.status, v.days_outside, v.window_comment) == (DONE_OUT_OF_WINDOW, 5, "독감으로 연기 (flu)")


def test_missed_visit_and_the_overview(db, subject) -> None:
    save_infusion(db, given_input(), user="jkim", today=TODAY)
    declare_missed(db, subject, "W8", "입원 중 (in hospital)", user="jkim", today=TODAY)
    s = load_schedule(db, subject, TODAY)
    assert s.visit("W8").status == MISSED and s.visit("W8").missed_reason == "입원 중 (in hospital)"
    today = D0 + timedelta(days=40)
    due, overdue = due_and_overdue(db, today)
    assert {e.visit.code for e in overdue} == {"SCR", "D3", "W1", "W4"}  # D0 = infusion 1, given
    assert all(e.visit.status == OVERDUE for e in overdue)
    due, _ = due_and_overdue(db, D0 + timedelta(days=80))
    assert [e.visit.code for e in due] == ["W12D3", "W12"]  # sorted by window close
    month = visits_between(db, date(2026, 3, 1), date(2026, 3, 31), today)
    assert [e.visit.code for e in month] == ["W4"]


def test_withdrawal_makes_later_visits_not_applicable(db, subject) -> None:
    save_infusion(db, given_input(), user="jkim", today=TODAY)
    save_subject(db, subject_input(status="withdrawn", withdrawal_date=D0 + timedelta(days=30),
                                   withdrawal_reason="동의 철회", record_id=1), user="jkim", reason="withdrawn",
                 today=TODAY)
    s = load_schedule(db, subject, TODAY)
    assert s.visit("W8").status == NOT_APPLICABLE and s.visit("W4").status == NOT_APPLICABLE
    assert s.visit("W1").status == OVERDUE


def test_recorded_weights_come_from_visits_and_infusions(db, subject) -> None:
    save_infusion(db, given_input(weight_date=D0 - timedelta(days=2)), user="jkim", today=TODAY)
    assert [w for w in recorded_weights(db, subject) if w.source != "registration"] == [
        RecordedWeight(D0 - timedelta(days=2), 58.0, "infusion 1")]
