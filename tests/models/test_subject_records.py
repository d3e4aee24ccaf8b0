"""Subject-level logs through the audited unit of work: rows, checks, confirmations, audit rows, death, dossier."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from endpoints.dossier import AdverseEvent
from endpoints.record_checks import HARD, SOFT
from models.database import Database
from models.dossier_store import AE_EXTENSION, REGISTRY_EXTENSION, import_dossier, load_dossier
from models.errors import ImportRefused, ReasonRequired, ValidationError
from models.schema import AuditEntry
from models.subject_records import (
    UnconfirmedWarnings,
    check_row,
    confirmations,
    delete_row,
    list_rows,
    save_death,
    save_row,
)
from models.subjects import get_subject, save_subject
from tests.models.conftest import TODAY, subject_input

STEROID = {"drug": "prednisolone", "route": "oral", "mg_per_dose": 10.0, "doses_per_day": 1.0,
           "start": date(2026, 2, 1), "stop": None, "indication": "sle"}
AE = {"term": "두통", "onset": date(2026, 2, 3), "end": date(2026, 2, 4), "grade": 1, "serious": False,
      "related_product": "unlikely", "related_infusion": "possible", "action_taken": "dose_not_changed",
      "outcome": "recovered"}


@pytest.fixture
def subject(db: Database) -> str:
    save_subject(db, subject_input(), user="setup", today=TODAY)
    return "LN-01"


def audit_rows(db: Database, table: str) -> list[AuditEntry]:
    with db.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.table_name == table)
                                    .order_by(AuditEntry.id)))


def test_add_edit_delete_steroid_row_is_audited_with_reason(db: Database, subject: str) -> None:
    record_id = save_row(db, subject, "steroids", STEROID, user="kim", today=TODAY)
    assert [r.values["mg_per_dose"] for r in list_rows(db, subject, "steroids")] == [10.0]

    with pytest.raises(ReasonRequired):
        save_row(db, subject, "steroids", {**STEROID, "mg_per_dose": 7.5}, user="kim", record_id=record_id,
                 today=TODAY)
    save_row(db, subject, "steroids", {**STEROID, "mg_per_dose": 7.5}, user="kim", reason="transcription error",
             record_id=record_id, today=TODAY)
    with pytest.raises(ReasonRequired):
        delete_row(db, subject, "steroids", record_id, user="kim", reason=None)
    delete_row(db, subject, "steroids", record_id, user="lee", reason="entered for the wrong subject")

    rows = audit_rows(db, "steroids")
    assert [(r.action, r.field, r.old_value, r.new_value, r.user, r.reason) for r in rows[1:]] == [
        ("update", "mg_per_dose", "10.0", "7.5", "kim", "transcription error"),
        ("delete", None, rows[2].old_value, None, "lee", "entered for the wrong subject"),
    ]
    assert rows[0].action == "insert" and rows[0].subject_id == "LN-01" and rows[0].reason is None
    assert json.loads(rows[0].new_value)["indication"] == "sle"
    assert list_rows(db, subject, "steroids") == []


def test_hard_findings_refuse_and_write_nothing(db: Database, subject: str) -> None:
    bad = {**STEROID, "mg_per_dose": 0.0, "start": date(2026, 3, 1), "stop": date(2026, 2, 1)}
    with pytest.raises(ValidationError) as refused:
        save_row(db, subject, "steroids", bad, user="kim", today=TODAY)
    assert set(refused.value.errors) == {"mg_per_dose", "stop"}
    assert "more than 0" in refused.value.errors["mg_per_dose"]
    assert "before it starts" in refused.value.errors["stop"]
    assert audit_rows(db, "steroids") == []

    future = check_row(db, subject, "adverse_events", {**AE, "onset": date(2026, 7, 1), "end": None}, today=TODAY)
    assert [(c.field, c.level) for c in future if c.level == HARD] == [("onset", HARD)]
    before_consent = check_row(db, subject, "adverse_events", {**AE, "onset": date(2025, 12, 1)}, today=TODAY)
    assert any(c.field == "onset" and "before informed consent" in c.message for c in before_consent)
    grade = check_row(db, subject, "adverse_events", {**AE, "grade": 6}, today=TODAY)
    assert [c.field for c in grade if c.level == HARD] == ["grade"]


def test_soft_findings_need_confirmation_which_is_stored(db: Database, subject: str) -> None:
    pulse = {**STEROID, "drug": "methylprednisolone", "route": "oral", "mg_per_dose": 250.0,
             "stop": date(2026, 2, 1)}
    with pytest.raises(UnconfirmedWarnings) as warned:
        save_row(db, subject, "steroids", pulse, user="kim", today=TODAY)
    assert [(c.field, c.level) for c in warned.value.checks] == [("mg_per_dose", SOFT)]
    assert list_rows(db, subject, "steroids") == []

    record_id = save_row(db, subject, "steroids", pulse, user="kim", confirmed=True, today=TODAY)
    [confirmation] = confirmations(db, subject)
    assert (confirmation.record_table, confirmation.record_id, confirmation.field, confirmation.value_text,
            confirmation.confirmed_by) == ("steroids", record_id, "mg_per_dose", "250.0", "kim")
    assert "312.5 mg/day" in confirmation.message
    assert [r.action for r in audit_rows(db, "subject_confirmations")] == ["insert"]


def test_overlapping_rows_of_the_same_drug_warn_but_the_edited_row_does_not_overlap_itself(
        db: Database, subject: str) -> None:
    record_id = save_row(db, subject, "steroids", STEROID, user="kim", today=TODAY)
    burst = {**STEROID, "mg_per_dose": 12.5, "start": date(2026, 3, 1), "stop": date(2026, 3, 10),
             "indication": "flare_extrarenal"}
    [overlap] = check_row(db, subject, "steroids", burst, today=TODAY)
    assert (overlap.field, overlap.level) == ("start", SOFT)
    assert "Overlaps the prednisolone row 2026-02-01 to ongoing" in overlap.message
    assert check_row(db, subject, "steroids", {**burst, "route": "iv"}, today=TODAY) == []
    assert check_row(db, subject, "steroids", {**STEROID, "mg_per_dose": 5.0}, today=TODAY,
                     record_id=record_id) == []


def test_serious_adverse_event_criteria(db: Database, subject: str) -> None:
    sae = {**AE, "term": "폐렴", "grade": 3, "serious": True, "outcome": "recovered"}
    with pytest.raises(ValidationError) as refused:
        save_row(db, subject, "adverse_events", sae, user="kim", today=TODAY)
    assert "at least one SAE criterion" in refused.value.errors["serious"]
    record_id = save_row(db, subject, "adverse_events", {**sae, "sae_hospitalisation": True}, user="kim",
                         today=TODAY)
    [row] = list_rows(db, subject, "adverse_events")
    assert row.record_id == record_id and row.values["sae_hospitalisation"] is True
    assert row.values["term"] == "폐렴" and row.values["action_taken"] == "dose_not_changed"
    fatal = check_row(db, subject, "adverse_events", {**sae, "grade": 5, "sae_hospitalisation": True}, today=TODAY)
    assert {c.field for c in fatal if c.level == HARD} == {"outcome", "serious"}


def test_death_goes_through_the_subject_with_a_reason(db: Database, subject: str) -> None:
    with pytest.raises(ValidationError) as refused:
        save_death(db, subject, date(2026, 4, 2), None, user="kim", reason="reported", today=TODAY)
    assert "cause of death" in refused.value.errors["death_cause"]
    with pytest.raises(ReasonRequired):
        save_death(db, subject, date(2026, 4, 2), "패혈증 (sepsis)", user="kim", reason=None, today=TODAY)
    record = save_death(db, subject, date(2026, 4, 2), "패혈증 (sepsis)", user="kim", reason="hospital report",
                        today=TODAY)
    assert (record.death_date, record.death_cause) == (date(2026, 4, 2), "패혈증 (sepsis)")
    changes = {(r.field, r.new_value, r.reason) for r in audit_rows(db, "subjects") if r.action == "update"}
    assert changes == {("death_date", "2026-04-02", "hospital report"),
                       ("death_cause", "패혈증 (sepsis)", "hospital report")}
    # Editing the registration keeps the cause of death.
    save_subject(db, replace(get_subject(db, subject).to_input(), notes="새 메모"), user="kim", reason="note",
                 today=TODAY)
    assert get_subject(db, subject).death_cause == "패혈증 (sepsis)"


def test_dossier_carries_ae_details_and_cause_of_death(db: Database, subject: str) -> None:
    save_row(db, subject, "adverse_events", {**AE, "grade": 3, "serious": True, "sae_hospitalisation": True,
                                             "sae_important_medical_event": True}, user="kim", today=TODAY)
    save_row(db, subject, "adverse_events", {**AE, "action_taken": "not_applicable", "sae_death": False},
             user="kim", today=TODAY)
    save_death(db, subject, date(2026, 5, 1), "unknown", user="kim", reason="report", today=TODAY)
    dossier = load_dossier(db, subject, TODAY)
    assert dossier.extensions[AE_EXTENSION] == [
        {"action_taken": "dose_not_changed", "sae_criteria": ["hospitalisation", "important_medical_event"]},
        {"action_taken": "not_applicable", "sae_criteria": []},
    ]
    assert dossier.extensions[REGISTRY_EXTENSION]["death_cause"] == "unknown"
    copy = replace(dossier, subject=replace(dossier.subject, id="LN-02"),
                   extensions={**dossier.extensions, REGISTRY_EXTENSION: {
                       **dossier.extensions[REGISTRY_EXTENSION], "screening_number": "S-002"}})
    import_dossier(db, copy, user="kim")
    again = load_dossier(db, "LN-02", TODAY)
    assert again.adverse_events == dossier.adverse_events
    assert again.extensions[AE_EXTENSION] == dossier.extensions[AE_EXTENSION]
    assert get_subject(db, "LN-02").death_cause == "unknown"


def test_import_refuses_mismatched_ae_details(db: Database, subject: str) -> None:
    dossier = load_dossier(db, subject, TODAY)
    bad = replace(dossier, subject=replace(dossier.subject, id="LN-03"),
                  adverse_events=(AdverseEvent("두통"),), extensions={AE_EXTENSION: [{}, {}]})
    with pytest.raises(ImportRefused, match="one object per adverse event"):
        import_dossier(db, bad, user="kim")


def test_demo_has_ae_details_a_rescue_and_an_sle_hospitalisation(tmp_path) -> None:
    from models.database import open_database
    from models.demo import write_demo_database

    path = tmp_path / "demo.sqlite3"
    write_demo_database(path, n_subjects=10, seed=1, as_of=date(2026, 11, 25))
    db = open_database(path, create=False)
    try:
        dossiers = {sid: load_dossier(db, sid, date(2026, 11, 25)) for sid in ("LN-01", "LN-02", "LC-01")}
        rows = list_rows(db, "LN-02", "adverse_events")
        assert rows and all(r.values["action_taken"] in ("dose_not_changed", "not_applicable") for r in rows)
        assert any(any("\uac00" <= ch <= "\ud7a3" for ch in r.values["term"]) for r in rows)
        assert len(dossiers["LN-02"].extensions[AE_EXTENSION]) == len(dossiers["LN-02"].adverse_events)
        assert any(m.rescue for m in dossiers["LN-02"].medications)
        assert any(h.for_sle_activity for h in dossiers["LN-02"].hospitalisations)
        assert any(r.indication == "premedication" for r in dossiers["LN-01"].steroids)
        with db.read() as session:
            reasons = set(session.scalars(select(AuditEntry.reason).where(AuditEntry.table_name == "medications")))
        assert any(reason and "rescue" in reason for reason in reasons)
    finally:
        db.close()
