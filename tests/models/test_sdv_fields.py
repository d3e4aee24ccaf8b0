"""SDV marks on visit-form fields (labs, SLEDAI-2K descriptors, BILAG domains, "not done", the visit's own
columns) and on log-row columns are cleared when that value changes, in the same audited transaction; marks on
other fields stay. Real SQLite files, the storage API the forms use (save_visit, save_row)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from models import schema as s
from models.audit_chain import verify_audit_chain
from models.queries import mark_verified, raise_query, record_notes, verified_fields
from models.security import Role
from models.subject_records import save_row
from models.subjects import save_subject
from models.users import authenticate, create_first_administrator, create_user
from models.visit_store import LabEntry, load_visit, save_visit

from .conftest import TODAY, subject_input
from .test_visit_store import full_w4

PW = {"admin": "admin-password-1", "coord": "coord-password-1", "mon": "monitor-pass-1"}
STEROID = {"drug": "prednisolone", "route": "oral", "mg_per_dose": 10.0, "doses_per_day": 1.0,
           "start": s.dt.date(2026, 2, 1), "stop": None, "indication": "sle"}


@pytest.fixture
def team(db):
    admin = create_first_administrator(db, "admin", "Park Admin", PW["admin"])
    create_user(db, admin, "coord", "Lee Coordinator", Role.COORDINATOR, PW["coord"])
    create_user(db, admin, "mon", "Choi Monitor", Role.MONITOR, PW["mon"])
    return {name: authenticate(db, name, pw) for name, pw in PW.items()}


@pytest.fixture
def visit_id(db, team) -> int:
    db.sign_in(team["coord"])
    save_subject(db, subject_input(status="enrolled"), user="coord", today=TODAY)
    with db.write("coord") as uow:
        subject = uow.session.scalars(select(s.Subject)).one()
        subject.infusions.append(s.Infusion(number=1, date=s.dt.date(2026, 2, 2), completion="full"))
    return save_visit(db, "LN-01", full_w4(), user="coord", reason=None, today=TODAY)


def _mark(db, team, visit_id: int, *fields: str) -> None:
    for field in fields:
        mark_verified(db, team["mon"], subject_id="LN-01", table="visits", record_id=visit_id, field=field,
                      value_text="as on the source")


def _marked(db, visit_id: int) -> set[str]:
    return {field for (table, record, field) in verified_fields(db, "LN-01") if (table, record) == ("visits",
                                                                                                     visit_id)}


def _change(db, visit_id: int, reason: str, **changes: object) -> None:
    entry = load_visit(db, visit_id)
    save_visit(db, "LN-01", replace(entry, **changes), user="coord", reason=reason, today=TODAY)


def _sdv_deletions(db) -> list[s.AuditEntry]:
    with db.read() as session:
        return list(session.scalars(select(s.AuditEntry).where(s.AuditEntry.table_name == "sdv_marks",
                                                               s.AuditEntry.action == "delete")))


def test_a_changed_lab_value_loses_its_mark_and_other_marks_stay(db, team, visit_id):
    _mark(db, team, visit_id, "hemoglobin_g_dl", "weight_kg", "platelets_10e9_l")
    labs = {**load_visit(db, visit_id).labs, "hemoglobin_g_dl": LabEntry("11.4", "g/dL")}
    _change(db, visit_id, "lab report re-read", labs=labs)
    assert _marked(db, visit_id) == {"weight_kg", "platelets_10e9_l"}
    deletions = _sdv_deletions(db)
    assert len(deletions) == 1 and deletions[0].reason == "lab report re-read" and deletions[0].user == "coord"
    assert "hemoglobin_g_dl" in (deletions[0].old_value or "")
    assert verify_audit_chain(db).ok


def test_a_changed_visit_column_clears_only_its_own_mark(db, team, visit_id):
    _mark(db, team, visit_id, "hemoglobin_g_dl", "weight_kg")
    _change(db, visit_id, "re-weighed", weight_kg=58.4)
    assert _marked(db, visit_id) == {"hemoglobin_g_dl"}


def test_a_lab_unit_change_alone_clears_the_mark(db, team, visit_id):
    _mark(db, team, visit_id, "hemoglobin_g_dl")
    labs = {**load_visit(db, visit_id).labs, "hemoglobin_g_dl": LabEntry("11.2", "g/dL")}  # was 112 g/L
    _change(db, visit_id, "unit as on the report", labs=labs)
    assert _marked(db, visit_id) == set()


def test_a_sledai_descriptor_and_a_bilag_grade(db, team, visit_id):
    _mark(db, team, visit_id, "sledai.rash", "sledai.fever", "bilag.renal", "bilag.ophthalmic")
    entry = load_visit(db, visit_id)
    _change(db, visit_id, "rash seen in the notes", sledai={**entry.sledai, "rash": True})
    assert _marked(db, visit_id) == {"sledai.fever", "bilag.renal", "bilag.ophthalmic"}
    _change(db, visit_id, "grade corrected", bilag={**entry.bilag, "renal": "B"})
    assert _marked(db, visit_id) == {"sledai.fever", "bilag.ophthalmic"}


def test_a_section_marked_not_done_clears_its_items(db, team, visit_id):
    _mark(db, team, visit_id, "sledai.fever", "pga", "weight_kg")
    _change(db, visit_id, "SLEDAI-2K not assessed at this visit", sledai={}, not_done={"sledai": "not assessed"})
    assert _marked(db, visit_id) == {"pga", "weight_kg"}


def test_a_lab_marked_not_done_loses_its_mark(db, team, visit_id):
    _mark(db, team, visit_id, "albumin_g_dl", "weight_kg")
    labs = {k: v for k, v in load_visit(db, visit_id).labs.items() if k != "albumin_g_dl"}
    _change(db, visit_id, "sample haemolysed", labs=labs, not_done={"albumin_g_dl": "haemolysed"})
    assert _marked(db, visit_id) == {"weight_kg"}


def test_pga_and_yes_no_answers_by_form_key_and_by_column(db, team, visit_id):
    _mark(db, team, visit_id, "pga", "sfi.nephritis", "lldas.gi_activity_active", "sediment_inactive")
    mark_verified(db, team["mon"], subject_id="LN-01", table="visits", record_id=visit_id, field="pga_tenths",
                  value_text="12")  # the Queries section's column key
    assert set(record_notes(db, "visits", visit_id)) >= {"pga", "sfi.nephritis"}
    entry = load_visit(db, visit_id)
    _change(db, visit_id, "PGA re-scored", pga_tenths=14,
            sfi=replace(entry.sfi, organ_new_worse={**entry.sfi.organ_new_worse, "nephritis": True}))
    assert _marked(db, visit_id) == {"lldas.gi_activity_active", "sediment_inactive"}


def test_saving_an_unchanged_visit_keeps_every_mark(db, team, visit_id):
    _mark(db, team, visit_id, "hemoglobin_g_dl", "sledai.rash", "bilag.renal", "date")
    save_visit(db, "LN-01", load_visit(db, visit_id), user="coord", reason="no change", today=TODAY)
    assert _marked(db, visit_id) == {"hemoglobin_g_dl", "sledai.rash", "bilag.renal", "date"}


def test_a_log_row_column_change_clears_only_that_column(db, team, visit_id):
    row_id = save_row(db, "LN-01", "steroids", STEROID, user="coord", today=TODAY)
    for field in ("mg_per_dose", "start"):
        mark_verified(db, team["mon"], subject_id="LN-01", table="steroids", record_id=row_id, field=field,
                      value_text=str(STEROID[field]))
    save_row(db, "LN-01", "steroids", {**STEROID, "mg_per_dose": 7.5}, user="coord", reason="dose corrected",
             record_id=row_id, today=TODAY)
    marks = {f for (t, r, f) in verified_fields(db, "LN-01") if (t, r) == ("steroids", row_id)}
    assert marks == {"start"}
    assert [d.reason for d in _sdv_deletions(db)] == ["dose corrected"]


def test_record_notes_groups_queries_and_marks_by_field(db, team, visit_id):
    raise_query(db, team["mon"], subject_id="LN-01", table="visits", record_id=visit_id, field="sledai.rash",
                label="W4 rash", text="피부 발진이 기록에 없습니다.")
    _mark(db, team, visit_id, "sledai.rash", "weight_kg")
    notes = record_notes(db, "visits", visit_id)
    assert set(notes) == {"sledai.rash", "weight_kg"}
    assert notes["sledai.rash"].count("open") == 1 and notes["sledai.rash"].sdv is not None
    assert notes["sledai.rash"].queries[0].messages[0].text == "피부 발진이 기록에 없습니다."
    assert notes["weight_kg"].queries == () and notes["weight_kg"].sdv.verified_by == "mon"
