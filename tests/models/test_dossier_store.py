"""Dossiers through the database: lossless round trip, all-or-nothing import, replace with a reason, bulk load."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from sqlalchemy import event, func, select

from endpoints import vocab
from endpoints.dossier import (
    AdverseEvent,
    Dossier,
    FlareEvent,
    Hospitalisation,
    Infusion,
    Labs,
    LldasForm,
    Medication,
    RenalReplacement,
    SfiForm,
    SteroidRow,
    Subject,
    Visit,
)
from models.dossier_store import REGISTRY_EXTENSION, import_dossier, load_dossier, load_dossiers
from models.errors import ImportRefused, SubjectNotFound
from models.schema import AuditEntry, LabValue, StatusChange
from models.schema import Subject as SubjectRow
from models.schema import Visit as VisitRow
from models.subjects import get_subject
from tests.endpoints.test_dossier_json import dossiers

from .conftest import TODAY

AS_OF = date(2026, 7, 1)


def full_dossier(subject_id: str = "LN-01", **changes) -> Dossier:
    d = Dossier(
        as_of=AS_OF,
        subject=Subject(id=subject_id, subgroup="LN", sex="F", birth_date=date(1988, 3, 9), status="enrolled",
                        consent_date=date(2026, 1, 2), initials="김서", weight_kg=54.2),
        steroid_log_complete_through=date(2026, 6, 28),
        infusions=(Infusion(1, date(2026, 1, 20), date(2026, 1, 20), 54.0, 1.08e8, "full"),
                   Infusion(2, date(2026, 4, 14))),
        visits=(
            Visit("SCR", date(2026, 1, 5), weight_kg=54.2,
                  labs=Labs(hemoglobin_g_dl=10.9, creatinine_mg_dl=0.97, upcr_g_g=2.41, urine_casts=("rbc", "granular"),
                            c3_mg_dl=62.0, anti_dsdna_iu_ml=210.0),
                  labs_not_attributable=("hemoglobin_g_dl", "platelets_10e9_l"),
                  sledai={k: k in ("proteinuria", "hematuria", "low_complement") for k in vocab.SLEDAI_KEYS},
                  pga_tenths=17, bilag={d: "E" for d in vocab.BILAG_DOMAINS} | {"renal": "A"},
                  sfi=SfiForm({"nephritis": True, "cns": False}, worse_thrombocytopenia=None),
                  lldas=LldasForm(False, None, True, None), sediment_inactive=False),
            Visit("D0", date(2026, 1, 20), labs=Labs(urine_casts=())),
            Visit("D3", None, missed=True, reason="환자 사정 (patient could not come)"),
            Visit("UNS", date(2026, 2, 2), labs=Labs(platelets_10e9_l=140.0)),
            Visit("UNS", date(2026, 2, 9), labs=Labs(platelets_10e9_l=151.0)),
        ),
        steroids=(SteroidRow("prednisolone", "oral", 30.0, date(2026, 1, 5), date(2026, 1, 31)),
                  SteroidRow("methylprednisolone", "iv", 125.0, date(2026, 1, 20), date(2026, 1, 20),
                             indication="premedication"),
                  SteroidRow("prednisolone", "oral", 5.0, date(2026, 2, 1), None, 0.5)),
        medications=(Medication("마이코페놀레이트 (mycophenolate)", "mycophenolate", date(2025, 6, 1), rescue=False,
                                indication="maintenance", for_sle_activity=True, investigational=False),),
        hospitalisations=(Hospitalisation(date(2026, 3, 1), date(2026, 3, 4), False, "other"),),
        renal_replacement=(RenalReplacement("dialysis", date(2026, 3, 2), date(2026, 3, 3), False),),
        events=(FlareEvent("renal_flare", date(2026, 3, 1), note="UPCR 상승"),
                FlareEvent("severe_flare", date(2026, 3, 1), organ="renal")),
        adverse_events=(AdverseEvent("두통", date(2026, 1, 21), date(2026, 1, 22), 1, False, "unlikely",
                                     "possible", "recovered"),),
        extensions={"site_note": {"ward": "7B", "beds": [1, 2]},
                    REGISTRY_EXTENSION: {"screening_number": "S-007", "notes": "메모"}},
    )
    return replace(d, **changes)


def _count(db, model) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_full_dossier_round_trips_through_the_database(db):
    d = full_dossier()
    import_dossier(db, d, user="importer")
    assert load_dossier(db, "LN-01", AS_OF) == d
    record = get_subject(db, "LN-01")
    assert record.screening_number == "S-007" and record.notes == "메모"
    assert record.enrolment_date == date(2026, 1, 20)


def test_lab_rows_keep_value_and_unit_as_typed_and_the_attributability_flag(db):
    import_dossier(db, full_dossier(), user="importer")
    with db.read() as session:
        labs = {row.key: row for row in session.scalars(select(LabValue).join(VisitRow).where(VisitRow.code == "SCR"))}
    assert labs["creatinine_mg_dl"].canonical_value == 0.97 and labs["creatinine_mg_dl"].original_unit == "mg/dL"
    assert labs["creatinine_mg_dl"].original_value == "0.97"
    assert labs["hemoglobin_g_dl"].not_attributable is True
    assert labs["platelets_10e9_l"].not_attributable is True and labs["platelets_10e9_l"].canonical_value is None
    assert labs["urine_casts"].canonical_text == "rbc,granular"


def _normalised(d: Dossier) -> Dossier:
    """labs_not_attributable is a set of keys: the database gives it back in LAB_KEYS order, once each."""
    visits = tuple(replace(v, labs_not_attributable=tuple(k for k in vocab.LAB_KEYS if k in v.labs_not_attributable))
                   for v in d.visits)
    return replace(d, visits=visits)


@pytest.mark.sqlite_only  # a server refuses NUL characters in text outright (PostgreSQL), a plain DatabaseError
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(d=dossiers)
def test_any_dossier_survives_import_then_export_or_is_refused_with_nothing_written(db, d):
    d = replace(d, extensions={k: v for k, v in d.extensions.items() if k != REGISTRY_EXTENSION})
    before = _count(db, AuditEntry)
    try:
        import_dossier(db, d, user="importer", replace_reason="property test: next example")
    except ImportRefused as refused:
        assert str(refused).startswith("$.") and _count(db, AuditEntry) == before  # a rule of the forms
        return
    assert load_dossier(db, d.subject.id, d.as_of) == _normalised(d)


def test_existing_subject_is_refused_without_a_reason_and_nothing_changes(db):
    import_dossier(db, full_dossier(), user="importer")
    before = (_count(db, VisitRow), _count(db, AuditEntry))
    changed = full_dossier(visits=())
    with pytest.raises(ImportRefused, match="already exists"):
        import_dossier(db, changed, user="importer")
    assert (_count(db, VisitRow), _count(db, AuditEntry)) == before
    assert load_dossier(db, "LN-01", AS_OF) == full_dossier()


def test_replace_with_a_reason_is_audited_and_keeps_the_status_history(db):
    import_dossier(db, full_dossier(), user="importer")
    new = full_dossier(
        subject=replace(full_dossier().subject, status="withdrawn", withdrawal_date=date(2026, 5, 1)),
        visits=full_dossier().visits[:2],
        extensions={},
    )
    import_dossier(db, new, user="dm", replace_reason="corrected export from the lab system")
    loaded = load_dossier(db, "LN-01", AS_OF)
    assert loaded.visits == new.visits and loaded.subject == new.subject
    assert get_subject(db, "LN-01").screening_number == "S-007"  # no registry extension: kept
    with db.read() as session:
        history = list(session.scalars(select(StatusChange).order_by(StatusChange.id)))
        deletes = list(session.scalars(select(AuditEntry).where(AuditEntry.action == "delete")))
        updates = list(session.scalars(select(AuditEntry).where(AuditEntry.action == "update")))
    assert [(h.status, h.status_date) for h in history] == [("enrolled", TODAY), ("withdrawn", date(2026, 5, 1))]
    assert history[1].reason == "corrected export from the lab system"
    assert deletes and all(a.reason == "corrected export from the lab system" and a.user == "dm" for a in deletes)
    assert {"status", "withdrawal_date", "extensions_json"} <= {u.field for u in updates}


def test_a_failing_import_writes_nothing(db):
    import_dossier(db, full_dossier(), user="importer")
    before = (_count(db, SubjectRow), _count(db, VisitRow), _count(db, AuditEntry))
    clash = full_dossier("LN-02")  # same screening number S-007 as LN-01
    with pytest.raises(ImportRefused, match="already used"):
        import_dossier(db, clash, user="importer")
    assert (_count(db, SubjectRow), _count(db, VisitRow), _count(db, AuditEntry)) == before


def test_malformed_registry_extension_is_refused(db):
    bad = full_dossier(extensions={REGISTRY_EXTENSION: {"screening_number": 7}})
    with pytest.raises(ImportRefused, match="must be a text"):
        import_dossier(db, bad, user="importer")
    with pytest.raises(ImportRefused, match="may only hold"):
        import_dossier(db, full_dossier(extensions={REGISTRY_EXTENSION: {"pin": "1234"}}), user="importer")
    assert _count(db, SubjectRow) == 0


def test_unknown_subject(db):
    with pytest.raises(SubjectNotFound):
        load_dossier(db, "LN-99", AS_OF)


def test_bulk_load_uses_one_query_per_table_whatever_the_number_of_subjects(db):
    for n in range(1, 13):
        import_dossier(db, full_dossier(f"LN-{n:02d}", extensions={}), user="importer")
    statements: list[str] = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        every = load_dossiers(db, AS_OF)
        some = load_dossiers(db, AS_OF, ["LN-03", "LN-11"])
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert [d.subject.id for d in every] == [f"LN-{n:02d}" for n in range(1, 13)]
    assert [d.subject.id for d in some] == ["LN-03", "LN-11"]
    assert some[1] == full_dossier("LN-11", extensions={})
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 2 * 12  # subjects + 8 subject tables + 3 visit tables, twice
