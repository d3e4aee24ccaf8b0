"""A field's change history from the audit trail (models.field_history): first entry and every change, with who,
when and why, for a visit's own columns, its lab values, "not done", SLEDAI-2K answers, and a log row's field."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from models.field_history import field_history
from models.schedule_store import recorded_weights
from models.subject_records import save_row
from models.visit_store import LabEntry, save_visit

from .conftest import TODAY
from .test_visit_store import full_w4, subject  # noqa: F401 - fixture


def test_visit_fields_show_their_entry_and_each_change(db, subject) -> None:  # noqa: F811
    record_id = save_visit(db, subject, full_w4(), user="nurse", reason=None, today=TODAY)
    labs = {**full_w4().labs, "hemoglobin_g_dl": LabEntry("11.8", "g/dL")}
    changed = replace(full_w4(record_id=record_id), labs=labs, weight_kg=58.1, pga_tenths=10,
                      sledai={**full_w4().sledai, "arthritis": True})
    save_visit(db, subject, changed, user="jkim", reason="corrected from source", today=TODAY)

    hb = field_history(db, subject, "visits", record_id, "hemoglobin_g_dl")
    assert [(c.user, c.part, c.old_value, c.new_value, c.reason) for c in hb] == [
        ("nurse", "", None, "112 g/L", None), ("jkim", "value", "112", "11.8", "corrected from source"),
        ("jkim", "unit", "g/L", "g/dL", "corrected from source")]
    weight = field_history(db, subject, "visits", record_id, "weight_kg")
    assert [(c.old_value, c.new_value) for c in weight] == [(None, "57.8"), ("57.8", "58.1")]
    assert [(c.old_value, c.new_value) for c in field_history(db, subject, "visits", record_id, "pga")] == [
        (None, "12"), ("12", "10")]
    arthritis = field_history(db, subject, "visits", record_id, "sledai.arthritis")
    assert [(c.old_value, c.new_value) for c in arthritis] == [(None, "false"), ("false", "true")]
    assert field_history(db, subject, "visits", record_id, "c3_mg_dl") == []


def test_not_done_and_a_log_row_field(db, subject) -> None:  # noqa: F811
    record_id = save_visit(db, subject, full_w4(not_done={"pulse_bpm": "patient left"}, pulse_bpm=None),
                           user="nurse", reason=None, today=TODAY)
    [pulse] = field_history(db, subject, "visits", record_id, "pulse_bpm")
    assert pulse.new_value == "not done: patient left"
    values = {"drug": "prednisolone", "route": "oral", "mg_per_dose": 10.0, "doses_per_day": 1.0,
              "start": date(2026, 2, 2), "stop": None, "indication": "sle"}
    row_id = save_row(db, subject, "steroids", values, user="nurse", reason=None, confirmed=True, today=TODAY)
    save_row(db, subject, "steroids", {**values, "mg_per_dose": 7.5}, user="jkim", reason="transcription error",
             record_id=row_id, confirmed=True, today=TODAY)
    dose = field_history(db, subject, "steroids", row_id, "mg_per_dose")
    assert [(c.user, c.old_value, c.new_value, c.reason) for c in dose] == [
        ("nurse", None, "10.0", None), ("jkim", "10.0", "7.5", "transcription error")]


def test_registration_weight_is_a_recorded_weight_dated_when_entered(db, subject) -> None:  # noqa: F811
    save_visit(db, subject, full_w4(), user="nurse", reason=None, today=TODAY)
    weights = recorded_weights(db, subject)
    assert [(w.weight_kg, w.source) for w in weights] == [(57.8, "visit W4"), (58.5, "registration")]
    assert weights[1].date == date(2026, 6, 1)  # the database clock's day (fixed_clock), in local time
