"""Saving visits through the form's storage API: typed units kept beside canonical values, edit checks that
refuse or ask for confirmation, incomplete drafts, reasons for change and the audit rows they leave."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from endpoints import units, vocab
from endpoints.dossier import Labs, LldasForm, SfiForm
from models import schema as s
from models.dossier_store import CANONICAL_UNITS, load_dossier
from models.errors import ReasonRequired, ValidationError
from models.subjects import save_subject
from models.visit_store import (
    COMPLETE,
    INCOMPLETE,
    Confirmation,
    LabEntry,
    UnconfirmedValues,
    VisitEntry,
    confirmations_for_monitor,
    list_visits,
    load_visit,
    save_visit,
    to_dossier_visit,
)

from .conftest import TODAY, subject_input


@pytest.fixture
def subject(db):
    save_subject(db, subject_input(status="enrolled"), user="setup", today=TODAY)
    with db.write("setup") as uow:
        row = uow.session.scalars(select(s.Subject)).one()
        row.infusions.append(s.Infusion(number=1, date=date(2026, 2, 2), completion="full"))
    return "LN-01"


def full_w4(**changes: object) -> VisitEntry:
    labs = {
        "hemoglobin_g_dl": LabEntry("112", "g/L"), "wbc_10e9_l": LabEntry("5400", "/uL"),
        "anc_10e9_l": LabEntry("3.1", "10^9/L"), "lymphocytes_10e9_l": LabEntry("1.2", "10^9/L"),
        "platelets_10e9_l": LabEntry("210", "10^3/uL"), "creatinine_mg_dl": LabEntry("79.56", "umol/L"),
        "albumin_g_dl": LabEntry("3.4", "g/dL"), "upcr_g_g": LabEntry("850", "mg/g"),
        "urine_rbc_hpf": LabEntry("12", "/hpf"), "urine_wbc_hpf": LabEntry("3", "/hpf"),
    }
    values: dict[str, object] = dict(
        code="W4", date=date(2026, 3, 2), weight_kg=57.8, systolic_bp_mmhg=124, diastolic_bp_mmhg=78, pulse_bpm=72,
        temperature_c=36.6, labs=labs, urine_casts=("granular",),
        sledai={k: k in ("proteinuria", "hematuria") for k in vocab.SLEDAI_KEYS}, pga_tenths=12,
        bilag={d: "C" if d == "renal" else "E" for d in vocab.BILAG_DOMAINS},
        sfi=SfiForm({o: False for o in vocab.SFI_ORGANS}, False), lldas=LldasForm(False, False, False, True),
        sediment_inactive=False, comment="소변 검사 재확인 필요",
    )
    values.update(changes)
    return VisitEntry(**values)  # type: ignore[arg-type]


def test_typed_units_and_canonical_values_are_stored_and_loaded(db, subject) -> None:
    record_id = save_visit(db, subject, full_w4(), user="nurse", reason=None, today=TODAY)
    with db.read() as session:
        rows = {r.key: r for r in session.scalars(select(s.LabValue).where(s.LabValue.visit_id == record_id))}
    assert (rows["creatinine_mg_dl"].original_value, rows["creatinine_mg_dl"].original_unit) == ("79.56", "umol/L")
    assert rows["creatinine_mg_dl"].canonical_value == pytest.approx(0.9)
    assert rows["hemoglobin_g_dl"].canonical_value == pytest.approx(11.2)
    assert rows["wbc_10e9_l"].canonical_value == pytest.approx(5.4)
    assert rows["upcr_g_g"].canonical_value == pytest.approx(0.85)
    assert rows["urine_casts"].canonical_text == "granular"

    loaded = load_visit(db, record_id)
    assert loaded.labs["creatinine_mg_dl"] == LabEntry("79.56", "umol/L")
    assert loaded.comment == "소변 검사 재확인 필요" and loaded.entry_status == COMPLETE
    assert replace(loaded, record_id=None, entry_status=None) == full_w4()

    dossier_visit = load_dossier(db, subject, TODAY).visits[0]
    assert dossier_visit == to_dossier_visit(full_w4())
    assert dossier_visit.labs.creatinine_mg_dl == pytest.approx(0.9)


def test_storage_units_match_the_conversion_table() -> None:
    for key in vocab.NUMERIC_LAB_KEYS:
        assert units.canonical_unit(key).code == CANONICAL_UNITS[key]


def test_hard_limits_refuse_and_nothing_is_written(db, subject) -> None:
    bad = full_w4(labs={**full_w4().labs, "hemoglobin_g_dl": LabEntry("40", "g/dL"),
                        "platelets_10e9_l": LabEntry("-5", "10^9/L")}, date=date(2026, 1, 2))
    with pytest.raises(ValidationError) as err:
        save_visit(db, subject, bad, user="nurse", reason=None, today=TODAY)
    assert "40 g/dL is impossible" in err.value.errors["hemoglobin_g_dl"]
    assert err.value.errors["platelets_10e9_l"] == "Platelets cannot be negative."
    assert "before informed consent" in err.value.errors["date"]
    assert list_visits(db, subject) == []


def test_soft_limits_need_a_confirmation_that_is_stored_and_audited(db, subject) -> None:
    unusual = full_w4(labs={**full_w4().labs, "hemoglobin_g_dl": LabEntry("19.5", "g/dL")})
    with pytest.raises(UnconfirmedValues) as err:
        save_visit(db, subject, unusual, user="nurse", reason=None, today=TODAY)
    assert [c.field for c in err.value.checks] == ["hemoglobin_g_dl"]
    confirmed = replace(unusual, confirmations=(Confirmation("hemoglobin_g_dl", "19.5 g/dL", "checked"),))
    record_id = save_visit(db, subject, confirmed, user="nurse", reason=None, today=TODAY)

    monitor = confirmations_for_monitor(db, subject)
    assert [(sid, code, c.field, c.value_text, c.confirmed_by) for sid, code, c in monitor] == [
        ("LN-01", "W4", "hemoglobin_g_dl", "19.5 g/dL", "nurse")]
    assert "unusually high" in monitor[0][2].message
    with db.read() as session:
        audit = session.scalars(select(s.AuditEntry).where(s.AuditEntry.table_name == "soft_limit_confirmations"))
        rows = list(audit)
    assert [(a.action, a.subject_id, a.record_id) for a in rows] == [("insert", "LN-01", rows[0].record_id)]
    assert load_visit(db, record_id).confirmations[0].confirmed_at_utc == "2026-06-01T09:30:00.000000Z"


def test_a_value_typed_in_another_unit_is_named_as_typed(db, subject) -> None:
    bad = full_w4(labs={**full_w4().labs, "hemoglobin_g_dl": LabEntry("400", "g/L")})
    with pytest.raises(ValidationError) as err:
        save_visit(db, subject, bad, user="nurse", reason=None, today=TODAY)
    assert err.value.errors["hemoglobin_g_dl"] == (
        "Haemoglobin 40 g/dL is impossible (at most 25 g/dL) (typed as 400 g/L).")


def test_out_of_window_date_is_a_soft_finding(db, subject) -> None:
    late = full_w4(date=date(2026, 3, 20))
    with pytest.raises(UnconfirmedValues) as err:
        save_visit(db, subject, late, user="nurse", reason=None, today=TODAY)
    assert err.value.checks[0].field == "date" and "outside the W4 window" in err.value.checks[0].message


def test_incomplete_visit_is_saved_as_incomplete_and_not_done_counts_as_answered(db, subject) -> None:
    draft = VisitEntry(code="W4", date=date(2026, 3, 2), weight_kg=57.0)
    record_id = save_visit(db, subject, draft, user="nurse", reason=None, today=TODAY)
    assert list_visits(db, subject)[0].entry_status == INCOMPLETE
    full = full_w4(not_done={"temperature_c": "thermometer broken"}, temperature_c=None, record_id=record_id)
    save_visit(db, subject, full, user="nurse", reason="completed from source", today=TODAY)
    loaded = load_visit(db, record_id)
    assert loaded.entry_status == COMPLETE and loaded.not_done == {"temperature_c": "thermometer broken"}
    with pytest.raises(ValidationError) as err:
        save_visit(db, subject, replace(full, not_done={"pulse_bpm": "  "}), user="n", reason="x", today=TODAY)
    assert err.value.errors == {"pulse_bpm": "Give the reason why this was not done."}


def test_changing_a_saved_visit_needs_a_reason_and_is_audited_per_field(db, subject) -> None:
    record_id = save_visit(db, subject, full_w4(), user="nurse", reason=None, today=TODAY)
    changed = replace(load_visit(db, record_id), weight_kg=58.2,
                      labs={**full_w4().labs, "creatinine_mg_dl": LabEntry("1.1", "mg/dL")})
    with pytest.raises(ReasonRequired):
        save_visit(db, subject, changed, user="nurse", reason=None, today=TODAY)
    save_visit(db, subject, changed, user="monitor", reason="source document re-read", today=TODAY)
    with db.read() as session:
        updates = session.scalars(select(s.AuditEntry).where(s.AuditEntry.action == "update")).all()
    found = {(u.table_name, u.field, u.old_value, u.new_value, u.reason, u.user) for u in updates}
    assert ("visits", "weight_kg", "57.8", "58.2", "source document re-read", "monitor") in found
    assert ("lab_values", "original_unit", "umol/L", "mg/dL", "source document re-read", "monitor") in found
    assert all(u.subject_id == "LN-01" for u in updates)
    assert load_visit(db, record_id).labs["creatinine_mg_dl"] == LabEntry("1.1", "mg/dL")


def test_saving_unchanged_visit_writes_no_audit_rows(db, subject) -> None:
    record_id = save_visit(db, subject, full_w4(), user="nurse", reason=None, today=TODAY)
    with db.read() as session:
        before = len(session.scalars(select(s.AuditEntry)).all())
    save_visit(db, subject, load_visit(db, record_id), user="nurse", reason=None, today=TODAY)
    with db.read() as session:
        assert len(session.scalars(select(s.AuditEntry)).all()) == before


def test_duplicate_code_is_refused_but_unscheduled_repeats(db, subject) -> None:
    save_visit(db, subject, full_w4(), user="nurse", reason=None, today=TODAY)
    with pytest.raises(ValidationError) as err:
        save_visit(db, subject, full_w4(), user="nurse", reason=None, today=TODAY)
    assert "already recorded" in err.value.errors["code"]
    for day in (10, 11):
        save_visit(db, subject, VisitEntry(code="UNS", date=date(2026, 3, day)), user="n", reason=None, today=TODAY)
    assert [v.code for v in list_visits(db, subject)] == ["W4", "UNS", "UNS"]


def test_missed_visit_keeps_only_its_reason(db, subject) -> None:
    entry = replace(full_w4(), missed=True, date=None, missed_reason="환자 입원")
    record_id = save_visit(db, subject, entry, user="nurse", reason=None, today=TODAY)
    loaded = load_visit(db, record_id)
    assert loaded.missed and loaded.missed_reason == "환자 입원" and loaded.labs == {} and loaded.sledai == {}
    assert loaded.entry_status == COMPLETE
    assert load_dossier(db, subject, TODAY).visits[0].missed


def test_imported_visit_shows_canonical_units(db, subject) -> None:
    from models.dossier_store import lab_rows  # the import path's rows

    with db.write("import") as uow:
        row = uow.session.scalars(select(s.Subject)).one()
        visit = s.Visit(code="D0", date=date(2026, 2, 2), missed=False)
        visit.labs.extend(lab_rows(Labs(hemoglobin_g_dl=10.0, urine_casts=())))
        row.visits.append(visit)
    loaded = load_visit(db, list_visits(db, subject)[0].record_id)
    assert loaded.labs["hemoglobin_g_dl"] == LabEntry("10", "g/dL") and loaded.urine_casts == ()
    assert loaded.entry_status is None
