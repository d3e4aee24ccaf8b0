"""Nothing that points at a record outlives it: deleting a record removes its SDV marks, closes its open queries
(with a closing message giving the deletion's reason) and invalidates the signatures over it, in the same
audited transaction; and ids of audited tables are never given to a later record (SQLite AUTOINCREMENT)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date

import pytest
from sqlalchemy import select

from models import schema as s
from models.audit_chain import verify_audit_chain
from models.dossier_store import import_dossier, load_dossier
from models.queries import (
    ANSWERED,
    CLOSED,
    OPEN,
    answer_query,
    close_query,
    get_query,
    mark_verified,
    raise_query,
    verified_fields,
)
from models.security import Role
from models.signatures import MEANINGS, sign, signatures_of, to_sign, valid_signature
from models.subject_records import delete_row, save_row
from models.subjects import save_subject
from tests.models.conftest import TODAY, subject_input

pytestmark = pytest.mark.sqlite_only  # about the SQLite file itself (the server: test_server_storage.py)

PW = {"admin": "admin-password-1", "coord": "coord-password-1", "inv": "inv-password-12", "mon": "monitor-pass-1"}
STEROID = {"drug": "prednisolone", "route": "oral", "mg_per_dose": 10.0, "doses_per_day": 1.0,
           "start": date(2026, 2, 1), "stop": None, "indication": "sle"}
AE = {"term": "두통", "onset": date(2026, 2, 3), "end": date(2026, 2, 4), "grade": 1, "serious": False,
      "related_product": "unlikely", "related_infusion": "possible", "action_taken": "dose_not_changed",
      "outcome": "recovered"}


@pytest.fixture
def team(db):
    from models.users import authenticate, create_first_administrator, create_user

    admin = create_first_administrator(db, "admin", "Park Admin", PW["admin"])
    create_user(db, admin, "coord", "Lee Coordinator", Role.COORDINATOR, PW["coord"])
    create_user(db, admin, "inv", "Dr Kim Investigator", Role.INVESTIGATOR, PW["inv"])
    create_user(db, admin, "mon", "Choi Monitor", Role.MONITOR, PW["mon"])
    team = {name: authenticate(db, name, pw) for name, pw in PW.items()}
    db.sign_in(team["coord"])
    save_subject(db, subject_input(status="enrolled"), user="coord", today=TODAY)
    return team


def _steroid(db, mg_per_dose: float) -> int:
    return save_row(db, "LN-01", "steroids", {**STEROID, "mg_per_dose": mg_per_dose}, user="coord", today=TODAY,
                    confirmed=True)


def _add_visit(db, code: str, when: date, weight_kg: float) -> int:
    with db.write("coord") as uow:
        subject = uow.session.scalars(select(s.Subject)).one()
        visit = s.Visit(code=code, date=when, weight_kg=weight_kg, missed=False)
        subject.visits.append(visit)
    return visit.id


def _delete_visit(db, visit_id: int, reason: str) -> None:
    with db.write("coord", reason) as uow:
        uow.session.delete(uow.session.get(s.Visit, visit_id))


def _audit(db, table: str) -> list[tuple[str, int, str | None, str | None]]:
    with closing(sqlite3.connect(db.path)) as conn:
        return conn.execute("SELECT action, record_id, field, reason FROM audit_log WHERE table_name = ? ORDER BY id",
                            (table,)).fetchall()


def test_every_audited_table_is_autoincrement_in_the_models_and_in_the_file(db):
    audited = [m.local_table for m in s.Base.registry.mappers if issubclass(m.class_, s.Audited)]
    assert len(audited) == 25
    assert [t.name for t in audited if not t.dialect_options["sqlite"]["autoincrement"]] == []
    with closing(sqlite3.connect(db.path)) as conn:
        sql = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall())
    assert [t.name for t in audited if "AUTOINCREMENT" not in sql[t.name]] == []


def test_the_id_of_a_deleted_row_is_never_given_again(db, team):
    first, last = _steroid(db, 10.0), _steroid(db, 5.0)
    delete_row(db, "LN-01", "steroids", last, user="coord", reason="entered twice")
    again = _steroid(db, 7.5)
    assert first < last < again
    visit = _add_visit(db, "W4", date(2026, 3, 2), 57.8)
    _delete_visit(db, visit, "wrong subject")
    assert _add_visit(db, "W4", date(2026, 3, 3), 58.0) > visit


def test_an_sdv_mark_goes_with_its_deleted_record_in_the_same_audited_write(db, team):
    kept, gone = _steroid(db, 10.0), _steroid(db, 5.0)
    visit = _add_visit(db, "W4", date(2026, 3, 2), 57.8)
    for table, record, field, value in (("steroids", kept, "mg_per_dose", "10.0"),
                                        ("steroids", gone, "mg_per_dose", "5.0"),
                                        ("visits", visit, "weight_kg", "57.8")):
        mark_verified(db, team["mon"], subject_id="LN-01", table=table, record_id=record, field=field,
                      value_text=value)
    delete_row(db, "LN-01", "steroids", gone, user="coord", reason="entered twice")
    assert set(verified_fields(db, "LN-01")) == {("steroids", kept, "mg_per_dose"), ("visits", visit, "weight_kg")}
    _delete_visit(db, visit, "visit never happened")
    assert set(verified_fields(db, "LN-01")) == {("steroids", kept, "mg_per_dose")}
    deletes = [(record, reason) for action, record, _f, reason in _audit(db, "sdv_marks") if action == "delete"]
    assert [reason for _r, reason in deletes] == ["entered twice", "visit never happened"]
    new = _steroid(db, 5.0)
    assert ("steroids", new, "mg_per_dose") not in verified_fields(db, "LN-01")
    assert verify_audit_chain(db).ok


def test_open_and_answered_queries_of_a_deleted_record_are_closed_with_the_reason(db, team):
    ae = save_row(db, "LN-01", "adverse_events", AE, user="coord", today=TODAY, confirmed=True)
    other = save_row(db, "LN-01", "adverse_events", {**AE, "term": "구역"}, user="coord", today=TODAY, confirmed=True)

    def ask(record_id: int, field: str) -> int:
        return raise_query(db, team["mon"], subject_id="LN-01", table="adverse_events", record_id=record_id,
                           field=field, label=field, text=f"Check {field}.").query_id

    still_open, answered, closed, elsewhere = ask(ae, "grade"), ask(ae, "term"), ask(ae, "onset"), ask(other, "grade")
    answer_query(db, team["coord"], answered, "Checked.")
    close_query(db, team["mon"], closed, "Fine.")
    delete_row(db, "LN-01", "adverse_events", ae, user="coord", reason="duplicate of AE 2")

    for query_id in (still_open, answered):
        query = get_query(db, query_id)
        assert query.status == CLOSED
        last = query.messages[-1]
        assert (last.author, last.status) == ("coord", CLOSED)
        assert "deleted" in last.text and "duplicate of AE 2" in last.text
    assert [m.status for m in get_query(db, closed).messages] == [OPEN, CLOSED]
    assert get_query(db, elsewhere).status == OPEN
    closing_rows = [r for r in _audit(db, "queries") if r[0] == "update" and r[2] == "status"]
    assert sorted(r[1] for r in closing_rows if r[3] == "duplicate of AE 2") == sorted([still_open, answered])
    assert verify_audit_chain(db).ok


def test_a_query_answered_before_the_deletion_keeps_its_thread(db, team):
    visit = _add_visit(db, "W4", date(2026, 3, 2), 57.8)
    query = raise_query(db, team["mon"], subject_id="LN-01", table="visits", record_id=visit, field="weight_kg",
                        label="W4 weight", text="Source says 58.0 kg.")
    answer_query(db, team["coord"], query.query_id, "Corrected on paper.")
    _delete_visit(db, visit, "visit entered for the wrong subject")
    thread = get_query(db, query.query_id).messages
    assert [m.status for m in thread] == [OPEN, ANSWERED, CLOSED]
    assert thread[1].text == "Corrected on paper."


def test_the_signature_of_a_deleted_visit_is_invalidated_and_not_carried_to_a_new_one(db, team):
    visit = _add_visit(db, "W4", date(2026, 3, 2), 57.8)
    db.sign_in(team["inv"])
    sign(db, team["inv"], PW["inv"], subject_id="LN-01", visit_id=visit, meaning=MEANINGS[0])
    sign(db, team["inv"], PW["inv"], subject_id="LN-01", meaning=MEANINGS[0])
    db.sign_in(team["coord"])
    _delete_visit(db, visit, "visit entered for the wrong subject")
    signatures = signatures_of(db, "LN-01")
    assert [(x.visit_id, x.valid, x.invalidated_reason) for x in signatures] == [
        (visit, False, "visit entered for the wrong subject"), (None, False, "visit entered for the wrong subject")]
    new = _add_visit(db, "W4", date(2026, 3, 3), 58.0)
    assert valid_signature(db, "LN-01", new) is None
    assert any(t.visit_id == new for t in to_sign(db))


def test_replacing_a_subject_by_import_clears_marks_closes_queries_and_invalidates_signatures(db, team):
    visit = _add_visit(db, "W4", date(2026, 3, 2), 57.8)
    ae = save_row(db, "LN-01", "adverse_events", AE, user="coord", today=TODAY, confirmed=True)
    mark_verified(db, team["mon"], subject_id="LN-01", table="visits", record_id=visit, field="weight_kg",
                  value_text="57.8")
    query = raise_query(db, team["mon"], subject_id="LN-01", table="adverse_events", record_id=ae, field="grade",
                        label="AE grade", text="Grade 2 in the source?")
    db.sign_in(team["inv"])
    sign(db, team["inv"], PW["inv"], subject_id="LN-01", visit_id=visit, meaning=MEANINGS[0])
    db.sign_in(team["coord"])
    dossier = load_dossier(db, "LN-01", TODAY)
    import_dossier(db, dossier, user="coord", replace_reason="re-import from the source system", today=TODAY)
    assert verified_fields(db, "LN-01") == {}
    assert get_query(db, query.query_id).status == CLOSED
    assert [x.valid for x in signatures_of(db, "LN-01")] == [False]
    with db.read() as session:
        visit_ids = list(session.scalars(select(s.Visit.id)))
        ae_ids = list(session.scalars(select(s.AdverseEvent.id)))
    assert visit not in visit_ids and ae not in ae_ids
    with closing(sqlite3.connect(db.path)) as conn:
        deleted_for = conn.execute("SELECT DISTINCT subject_id FROM audit_log WHERE action = 'delete' AND "
                                   "table_name IN ('visits', 'adverse_events')").fetchall()
    assert deleted_for == [("LN-01",)]
    assert verify_audit_chain(db).ok
