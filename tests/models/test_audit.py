"""The one audited write path: audit rows in the same transaction, reasons for change, rollback."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from models.errors import DatabaseError, ReasonRequired
from models.schema import AuditEntry, LabValue, Subject, Visit
from models.subjects import get_subject, save_subject

from .conftest import TODAY, subject_input


def _audit(db, **where) -> list[AuditEntry]:
    with db.read() as session:
        query = select(AuditEntry).order_by(AuditEntry.id)
        for key, value in where.items():
            query = query.where(getattr(AuditEntry, key) == value)
        return list(session.scalars(query))


def _counts(db) -> tuple[int, int, int]:
    with db.read() as session:
        return (session.scalar(select(func.count()).select_from(Subject)),
                session.scalar(select(func.count()).select_from(Visit)),
                session.scalar(select(func.count()).select_from(AuditEntry)))


def test_insert_writes_one_audit_row_per_record_with_its_values(db):
    record = save_subject(db, subject_input(), user="nurse.kim", today=TODAY)
    rows = _audit(db, subject_id="LN-01")
    assert {(r.action, r.table_name) for r in rows} == {("insert", "subjects"), ("insert", "status_history")}
    subject_row = next(r for r in rows if r.table_name == "subjects")
    assert subject_row.user == "nurse.kim"
    assert subject_row.record_id == record.record_id
    assert subject_row.at_utc == "2026-06-01T09:30:00.000000Z"
    values = json.loads(subject_row.new_value)
    assert values["initials"] == "김민" and values["birth_date"] == "1990-04-02" and values["weight_kg"] == "58.5"
    assert subject_row.reason is None and subject_row.old_value is None


def test_changing_saved_data_without_a_reason_is_refused_before_anything_is_written(db):
    record = save_subject(db, subject_input(), user="nurse", today=TODAY)
    before = _counts(db)
    with pytest.raises(ReasonRequired):
        save_subject(db, subject_input(record_id=record.record_id, weight_kg=60.0), user="nurse", today=TODAY)
    assert _counts(db) == before
    assert get_subject(db, "LN-01").weight_kg == 58.5


def test_blank_reason_counts_as_no_reason(db):
    record = save_subject(db, subject_input(), user="nurse", today=TODAY)
    with pytest.raises(ReasonRequired):
        save_subject(db, subject_input(record_id=record.record_id, weight_kg=60.0), user="nurse", reason="  ",
                     today=TODAY)


def test_update_writes_one_row_per_changed_field_with_old_new_and_reason(db):
    record = save_subject(db, subject_input(), user="nurse", today=TODAY)
    save_subject(db, subject_input(record_id=record.record_id, weight_kg=60.0, initials="KM"),
                 user="dr.lee", reason="transcription error", today=TODAY)
    updates = _audit(db, action="update")
    assert {(u.field, u.old_value, u.new_value) for u in updates} == {
        ("weight_kg", "58.5", "60.0"), ("initials", "김민", "KM")}
    assert all(u.user == "dr.lee" and u.reason == "transcription error" for u in updates)
    assert all(u.table_name == "subjects" and u.subject_id == "LN-01" for u in updates)


def test_saving_unchanged_data_needs_no_reason_and_writes_no_audit(db):
    record = save_subject(db, subject_input(), user="nurse", today=TODAY)
    before = _counts(db)
    save_subject(db, record.to_input(), user="nurse", today=TODAY)
    assert _counts(db) == before


def test_a_rolled_back_save_leaves_neither_data_nor_audit_rows(db):
    before = _counts(db)
    with pytest.raises(RuntimeError), db.write("nurse") as uow:
        uow.session.add(Subject(subject_id="LN-09", subgroup="LN", sex="F", birth_date=date(1980, 1, 1),
                                status="screening"))
        uow.session.flush()  # the audit row is written here, inside the transaction
        assert uow.session.scalar(select(func.count()).select_from(AuditEntry)) == before[2] + 1
        raise RuntimeError("power cut")
    assert _counts(db) == before


def test_a_failing_statement_rolls_back_the_whole_unit_of_work(db):
    save_subject(db, subject_input(), user="nurse", today=TODAY)
    before = _counts(db)
    with pytest.raises(DatabaseError, match="only one is allowed"), db.write("nurse") as uow:
        uow.session.add(Subject(subject_id="LN-02", subgroup="LN", sex="F", birth_date=date(1980, 1, 1),
                                status="screening"))
        uow.session.add(Subject(subject_id="LN-01", subgroup="LN", sex="M", birth_date=date(1980, 1, 1),
                                status="screening"))
    assert _counts(db) == before


def _subject_with_visit(db) -> int:
    record = save_subject(db, subject_input(), user="nurse", today=TODAY)
    with db.write("nurse") as uow:
        subject = uow.session.get(Subject, record.record_id)
        visit = Visit(code="SCR", date=date(2026, 1, 6))
        visit.labs.append(LabValue(key="creatinine_mg_dl", original_value="97", original_unit="µmol/L",
                                   canonical_value=97 / 88.4))
        subject.visits.append(visit)
    return record.record_id


def test_child_rows_carry_the_subject_id_in_the_audit(db):
    _subject_with_visit(db)
    lab = _audit(db, table_name="lab_values")[0]
    assert lab.subject_id == "LN-01" and lab.action == "insert"
    assert json.loads(lab.new_value)["original_unit"] == "µmol/L"


def test_delete_needs_a_reason_and_is_audited_with_the_old_values(db):
    record_id = _subject_with_visit(db)
    with pytest.raises(ReasonRequired), db.write("nurse") as uow:
        uow.session.delete(uow.session.get(Subject, record_id).visits[0])
    with db.write("dr.lee", reason="entered on the wrong subject") as uow:
        uow.session.delete(uow.session.get(Subject, record_id).visits[0])
    deletes = _audit(db, action="delete")
    assert {d.table_name for d in deletes} == {"visits", "lab_values"}
    assert all(d.reason == "entered on the wrong subject" and d.subject_id == "LN-01" for d in deletes)
    assert json.loads(next(d for d in deletes if d.table_name == "lab_values").old_value)["original_value"] == "97"


def test_removing_a_child_from_its_collection_is_a_delete_that_needs_a_reason(db):
    record_id = _subject_with_visit(db)
    with pytest.raises(ReasonRequired), db.write("nurse") as uow:
        visit = uow.session.get(Subject, record_id).visits[0]
        visit.labs.clear()
    with db.write("nurse", reason="lab belongs to another visit") as uow:
        visit = uow.session.get(Subject, record_id).visits[0]
        visit.labs.clear()
    assert [d.table_name for d in _audit(db, action="delete")] == ["lab_values"]
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(LabValue)) == 0


def test_a_write_needs_a_user(db):
    with pytest.raises(ValueError), db.write(" "):
        pass


def test_statements_that_would_bypass_the_audit_are_refused(db):
    from sqlalchemy import text, update

    save_subject(db, subject_input(), user="nurse", today=TODAY)
    with pytest.raises(RuntimeError, match="bypass the audit"), db.write("nurse", reason="bulk") as uow:
        uow.session.execute(update(Subject).values(weight_kg=99.0))
    with pytest.raises(RuntimeError, match="bypass the audit"), db.write("nurse", reason="raw") as uow:
        uow.session.execute(text("DELETE FROM visits"))
    assert get_subject(db, "LN-01").weight_kg == 58.5


def test_read_sessions_cannot_write_and_writes_do_not_nest(db):
    with pytest.raises(RuntimeError, match="read session cannot write"), db.read() as session:
        session.add(Subject(subject_id="LN-05", subgroup="LN", sex="F", birth_date=date(1980, 1, 1),
                            status="screening"))
        session.flush()
    with pytest.raises(RuntimeError, match="already open"), db.write("a"), db.write("b"):
        pass
    with db.write("a"):
        pass
    assert _counts(db)[0] == 0
