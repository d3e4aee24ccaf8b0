"""Subject registry: save, read, list, status history and every validation rule."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from models.errors import SubjectNotFound, ValidationError
from models.schema import Infusion, Subject
from models.subjects import get_subject, list_subjects, save_subject, status_history, validate_subject

from .conftest import TODAY, subject_input


def test_register_and_read_back(db):
    record = save_subject(db, subject_input(subject_id=" ln-01 ", notes="  두통 호소  "), user="nurse", today=TODAY)
    assert record.subject_id == "LN-01"
    assert record.notes == "두통 호소"
    again = get_subject(db, "LN-01")
    assert again == record
    assert get_subject(db, record.record_id) == record
    assert [h.status for h in again.history] == ["screening"]
    assert again.history[0].status_date == TODAY and again.history[0].changed_by == "nurse"


def test_unknown_subject(db):
    with pytest.raises(SubjectNotFound):
        get_subject(db, "LN-77")


def test_status_change_is_recorded_in_history_with_date_reason_and_who(db):
    record = save_subject(db, subject_input(), user="nurse", today=TODAY)
    save_subject(db, subject_input(record_id=record.record_id, status="enrolled", status_date=date(2026, 1, 20)),
                 user="nurse", reason="eligibility confirmed", today=TODAY)
    save_subject(db, subject_input(record_id=record.record_id, status="withdrawn", withdrawal_date=date(2026, 3, 2),
                                   withdrawal_reason="동의 철회 (consent withdrawn)"),
                 user="dr.lee", reason="subject withdrew consent", today=TODAY)
    history = status_history(db, "LN-01")
    assert [(h.status, h.status_date, h.reason, h.changed_by) for h in history] == [
        ("screening", TODAY, None, "nurse"),
        ("enrolled", date(2026, 1, 20), "eligibility confirmed", "nurse"),
        ("withdrawn", date(2026, 3, 2), "동의 철회 (consent withdrawn)", "dr.lee"),
    ]
    assert get_subject(db, "LN-01").withdrawal_reason == "동의 철회 (consent withdrawn)"


def _errors(db, **changes) -> dict[str, str]:
    return validate_subject(db, subject_input(**changes), today=TODAY)


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"subject_id": "LN1"}, "subject_id", "LN-01"),
    ({"subject_id": "LN-1"}, "subject_id", "two or more digits"),
    ({"subject_id": "XX-01"}, "subject_id", "LN-01"),
    ({"subject_id": "LC-01"}, "subject_id", "must start with LN-"),
    ({"subject_id": ""}, "subject_id", "Enter the subject ID"),
    ({"screening_number": " "}, "screening_number", "Enter the screening number"),
    ({"subgroup": "XX"}, "subgroup", "lupus nephritis"),
    ({"sex": "X"}, "sex", "female or male"),
    ({"status": "lost"}, "status", "status"),
    ({"birth_date": None}, "birth_date", "Enter the date of birth"),
    ({"birth_date": date(2026, 6, 2)}, "birth_date", "future"),
    ({"birth_date": date(2008, 1, 6)}, "birth_date", "at least 18"),
    ({"consent_date": None}, "consent_date", "Enter the informed-consent date"),
    ({"consent_date": date(2026, 6, 2)}, "consent_date", "future"),
    ({"weight_kg": 24.9}, "weight_kg", "between 25 and 250 kg"),
    ({"weight_kg": 250.1}, "weight_kg", "between 25 and 250 kg"),
    ({"status": "withdrawn", "withdrawal_reason": "moved"}, "withdrawal_date", "Enter the date of withdrawal"),
    ({"status": "withdrawn", "withdrawal_date": date(2026, 2, 1)}, "withdrawal_reason", "reason"),
    ({"status": "withdrawn", "withdrawal_date": date(2026, 1, 4), "withdrawal_reason": "moved"},
     "withdrawal_date", "before the informed-consent date"),
    ({"status": "withdrawn", "withdrawal_date": date(2026, 6, 2), "withdrawal_reason": "moved"},
     "withdrawal_date", "future"),
    ({"withdrawal_date": date(2026, 2, 1)}, "withdrawal_date", "only given when the status is Withdrawn"),
    ({"death_date": date(2026, 6, 2)}, "death_date", "future"),
    ({"notes": "x" * 10_001}, "notes", "at most"),
])
def test_each_rule_gives_a_message_beside_its_field(db, changes, field, words):
    errors = _errors(db, **changes)
    assert field in errors, errors
    assert words in errors[field]


def test_valid_input_has_no_errors_and_edges_are_accepted(db):
    assert _errors(db) == {}
    assert _errors(db, birth_date=date(2008, 1, 5)) == {}  # 18th birthday on the consent date
    assert _errors(db, weight_kg=25.0) == {} and _errors(db, weight_kg=250.0) == {}
    assert _errors(db, subject_id="LN-123") == {}
    assert _errors(db, status="withdrawn", withdrawal_date=date(2026, 1, 5), withdrawal_reason="moved") == {}


def test_duplicate_subject_id_and_screening_number_are_refused(db):
    save_subject(db, subject_input(), user="nurse", today=TODAY)
    errors = _errors(db, subject_id="ln-01")
    assert "already used" in errors["subject_id"]
    assert "already used" in errors["screening_number"]
    assert _errors(db, subject_id="LN-02", screening_number="S-002") == {}


def test_editing_a_subject_does_not_clash_with_itself(db):
    record = save_subject(db, subject_input(), user="nurse", today=TODAY)
    assert validate_subject(db, record.to_input(), today=TODAY) == {}


def test_consent_after_enrolment_is_refused(db):
    record = save_subject(db, subject_input(), user="nurse", today=TODAY)
    with db.write("nurse") as uow:
        subject = uow.session.get(Subject, record.record_id)
        subject.infusions.append(Infusion(number=1, date=date(2026, 1, 20)))
    errors = validate_subject(db, subject_input(record_id=record.record_id, consent_date=date(2026, 1, 21)),
                              today=TODAY)
    assert "after enrolment" in errors["consent_date"] and "2026-01-20" in errors["consent_date"]
    assert get_subject(db, "LN-01").enrolment_date == date(2026, 1, 20)


def test_refused_save_raises_validation_error_with_all_fields_and_writes_nothing(db):
    with pytest.raises(ValidationError) as err:
        save_subject(db, subject_input(subject_id="LC-01", weight_kg=400.0), user="nurse", today=TODAY)
    assert set(err.value.errors) == {"subject_id", "weight_kg"}
    assert list_subjects(db) == []


def test_list_filters_search_and_order(db):
    save_subject(db, subject_input(subject_id="LN-02", screening_number="S-002", initials="박서"), user="n",
                 today=TODAY)
    save_subject(db, subject_input(), user="n", today=TODAY)
    save_subject(db, subject_input(subject_id="LC-01", subgroup="LC", screening_number="S-003", initials="JH",
                                   status="withdrawn", withdrawal_date=date(2026, 2, 1), withdrawal_reason="moved"),
                 user="n", today=TODAY)
    assert [r.subject_id for r in list_subjects(db)] == ["LC-01", "LN-01", "LN-02"]
    assert [r.subject_id for r in list_subjects(db, subgroup="LN")] == ["LN-01", "LN-02"]
    assert [r.subject_id for r in list_subjects(db, status="withdrawn")] == ["LC-01"]
    assert [r.subject_id for r in list_subjects(db, search="박")] == ["LN-02"]
    assert [r.subject_id for r in list_subjects(db, search="s-00")] == ["LC-01", "LN-01", "LN-02"]
    assert [r.subject_id for r in list_subjects(db, search="jh")] == ["LC-01"]
    assert list_subjects(db, search="%") == []


def test_list_is_one_query_however_many_subjects(db):
    for n in range(1, 31):
        save_subject(db, subject_input(subject_id=f"LN-{n:02d}", screening_number=f"S-{n:03d}"), user="n",
                     today=TODAY)
    statements: list[str] = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        rows = list_subjects(db)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert len(rows) == 30
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1
