"""Users, roles, signatures, locks, queries and SDV enforced by the storage API itself (no widget involved)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy import select

from models import schema as s
from models.audit_chain import verify_audit_chain
from models.errors import ReasonRequired, ValidationError
from models.locks import RecordLocked, active_locks, lock, unlock
from models.queries import (
    ANSWERED,
    CLOSED,
    OPEN,
    answer_query,
    close_query,
    mark_verified,
    open_queries,
    raise_query,
    verified_fields,
)
from models.security import PermissionDenied, Role
from models.signatures import MEANINGS, sign, signatures_of, to_sign, valid_signature
from models.subjects import get_subject, save_subject
from models.users import (
    MAX_FAILURES,
    SignInFailed,
    authenticate,
    create_first_administrator,
    create_user,
    has_users,
    list_users,
    reset_password,
    unlock_user,
)
from tests.db_rows import rows

from .conftest import subject_input

PW = {"admin": "admin-password-1", "coord": "coord-password-1", "inv": "inv-password-12", "mon": "monitor-pass-1"}


@pytest.fixture
def team(db):
    admin = create_first_administrator(db, "admin", "Park Admin", PW["admin"])
    create_user(db, admin, "coord", "Lee Coordinator", Role.COORDINATOR, PW["coord"])
    create_user(db, admin, "inv", "Dr Kim Investigator", Role.INVESTIGATOR, PW["inv"])
    create_user(db, admin, "mon", "Choi Monitor", Role.MONITOR, PW["mon"])
    return {name: authenticate(db, name, pw) for name, pw in PW.items()}


@pytest.fixture
def visit_id(db, team):
    db.sign_in(team["coord"])
    save_subject(db, subject_input(status="enrolled"), user="ignored")
    with db.write("ignored") as uow:
        subject = uow.session.scalars(select(s.Subject)).one()
        visit = s.Visit(code="W4", date=date(2026, 3, 2), weight_kg=57.8, missed=False)
        subject.visits.append(visit)
    return visit.id


def _audit_users(db) -> list[str]:
    return [r[0] for r in rows(db, 'SELECT "user" FROM audit_log ORDER BY id')]


def test_first_administrator_only_once_and_passwords_hashed(db, team):
    assert has_users(db)
    with pytest.raises(ValidationError):
        create_first_administrator(db, "admin2", "Second", "another-password")
    hashes = [r[0] for r in rows(db, "SELECT password_hash FROM users")]
    trail = " ".join(str(r) for r in rows(db, "SELECT old_value, new_value FROM audit_log"))
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert not any(pw in trail for pw in PW.values()) and "$argon2" not in trail
    assert [u.role for u in list_users(db)] == [Role.ADMINISTRATOR, Role.COORDINATOR, Role.INVESTIGATOR, Role.MONITOR]


@pytest.mark.parametrize("password", ["short", "", " leading-space-pw", "x" * 300, "tab\tinside-password"])
def test_bad_new_passwords_are_refused(db, team, password):
    with pytest.raises(ValidationError) as caught:
        create_user(db, team["admin"], "newuser", "New User", Role.COORDINATOR, password)
    assert "password" in caught.value.errors


@pytest.mark.parametrize("username", ["x", "' OR 1=1 --", "a" * 41, "robert'); DROP TABLE users;--"])
def test_bad_user_names_are_refused(db, team, username):
    with pytest.raises(ValidationError):
        create_user(db, team["admin"], username, "Name", Role.COORDINATOR, "long-enough-password")
    assert len(list_users(db)) == 4


def test_wrong_and_empty_passwords_and_lock_out(db, team):
    with pytest.raises(SignInFailed, match="Wrong user name or password"):
        authenticate(db, "nobody", "whatever-password")
    with pytest.raises(SignInFailed):
        authenticate(db, "coord", "")
    with pytest.raises(SignInFailed):
        authenticate(db, "coord", "' OR '1'='1")
    with pytest.raises(SignInFailed):
        authenticate(db, "coord", "x" * 10_000_000)
    for _ in range(MAX_FAILURES - 2):
        with pytest.raises(SignInFailed):
            authenticate(db, "coord", "wrong-password")
    with pytest.raises(SignInFailed, match="locked"):
        authenticate(db, "coord", "wrong-password")
    with pytest.raises(SignInFailed, match="locked"):
        authenticate(db, "coord", PW["coord"])
    unlock_user(db, team["admin"], "coord", "user called, identity checked")
    assert authenticate(db, "coord", PW["coord"]).role is Role.COORDINATOR
    assert "sign-in" in _audit_users(db)


def test_only_administrators_manage_users(db, team):
    for name in ("coord", "inv", "mon"):
        with pytest.raises(PermissionDenied):
            create_user(db, team[name], "sneaky", "Sneaky", Role.ADMINISTRATOR, "long-enough-password")
        with pytest.raises(PermissionDenied):
            reset_password(db, team[name], "admin", "long-enough-password", "takeover")


def test_every_audit_row_names_the_signed_in_user(db, team, visit_id):
    db.sign_in(team["inv"])
    record = get_subject(db, "LN-01")
    save_subject(db, dataclasses.replace(record.to_input(), weight_kg=61.0), user="os-login", reason="re-weighed")
    assert _audit_users(db)[-1] == "inv"
    assert "os-login" not in _audit_users(db)
    assert verify_audit_chain(db).ok


def test_a_monitor_cannot_write_clinical_data_even_through_the_storage_api(db, team, visit_id):
    db.sign_in(team["mon"])
    record = get_subject(db, "LN-01")
    with pytest.raises(PermissionDenied, match="monitor"):
        save_subject(db, dataclasses.replace(record.to_input(), weight_kg=99.0), user="mon", reason="test")
    with pytest.raises(PermissionDenied), db.write(team["mon"], "sneaky") as uow:
        uow.session.get(s.Visit, visit_id).weight_kg = 1.0
    with pytest.raises(PermissionDenied), db.write(team["admin"], "admins do not enter data") as uow:
        uow.session.get(s.Visit, visit_id).weight_kg = 1.0
    db.sign_out()
    assert get_subject(db, "LN-01").weight_kg == 58.5


def test_signature_needs_investigator_and_password_and_is_invalidated_by_a_change(db, team, visit_id):
    with pytest.raises(PermissionDenied):
        sign(db, team["coord"], PW["coord"], subject_id="LN-01", visit_id=visit_id, meaning=MEANINGS[0])
    with pytest.raises(SignInFailed):
        sign(db, team["inv"], "wrong-password", subject_id="LN-01", visit_id=visit_id, meaning=MEANINGS[0])
    assert any(t.visit_id == visit_id for t in to_sign(db))
    signature = sign(db, team["inv"], PW["inv"], subject_id="LN-01", visit_id=visit_id, meaning=MEANINGS[0])
    assert signature.signer_full_name == "Dr Kim Investigator" and signature.valid
    assert not any(t.visit_id == visit_id for t in to_sign(db))
    db.sign_in(team["coord"])
    with pytest.raises(ReasonRequired, match="is signed"), db.write("coord") as uow:
        visit = uow.session.get(s.Visit, visit_id)
        visit.labs.append(s.LabValue(key="hemoglobin_g_dl", canonical_value=11.0))
    assert valid_signature(db, "LN-01", visit_id) is not None
    with db.write("coord", "transcription error corrected") as uow:
        uow.session.get(s.Visit, visit_id).weight_kg = 58.0
    assert valid_signature(db, "LN-01", visit_id) is None
    history = signatures_of(db, "LN-01")
    assert len(history) == 1 and not history[0].valid
    assert history[0].invalidated_by == "coord" and history[0].invalidated_reason == "transcription error corrected"
    back = [t for t in to_sign(db) if t.visit_id == visit_id]
    assert back and back[0].previously_signed
    assert to_sign(db)[0] == back[0]  # re-sign items come first


def test_casebook_signature_is_invalidated_by_a_subject_level_change(db, team, visit_id):
    sign(db, team["inv"], PW["inv"], subject_id="LN-01", meaning=MEANINGS[0])
    db.sign_in(team["coord"])
    record = get_subject(db, "LN-01")
    save_subject(db, dataclasses.replace(record.to_input(), notes="추가 메모"), user="coord", reason="note added")
    assert valid_signature(db, "LN-01") is None


def test_locks_make_data_read_only_until_unlocked_with_a_reason(db, team, visit_id):
    with pytest.raises(PermissionDenied):
        lock(db, team["coord"], scope="database", reason="x")
    db.sign_in(team["admin"])
    with pytest.raises(ReasonRequired):
        lock(db, team["admin"], scope="visit", visit_id=visit_id, reason=" ")
    visit_lock = lock(db, team["admin"], scope="visit", visit_id=visit_id, reason="monitoring done")
    assert visit_lock.visit_code == "W4" and visit_lock.subject_id == "LN-01"
    db.sign_in(team["coord"])
    with pytest.raises(RecordLocked, match="W4"), db.write("coord", "fix") as uow:
        uow.session.get(s.Visit, visit_id).weight_kg = 50.0
    save_subject(db, subject_input(subject_id="LN-02", screening_number="S-002"), user="coord")
    db.sign_in(team["admin"])
    database_lock = lock(db, team["admin"], scope="database", reason="database lock for analysis")
    db.sign_in(team["coord"])
    with pytest.raises(RecordLocked, match="Whole database"):
        save_subject(db, subject_input(subject_id="LN-03", screening_number="S-003"), user="coord")
    db.sign_in(team["admin"])
    unlock(db, team["admin"], database_lock.lock_id, "query found after lock")
    unlock(db, team["admin"], visit_lock.lock_id, "correction needed")
    assert active_locks(db) == []
    db.sign_in(team["coord"])
    with db.write("coord", "fix") as uow:
        uow.session.get(s.Visit, visit_id).weight_kg = 50.0


def test_query_thread_and_roles(db, team, visit_id):
    with pytest.raises(PermissionDenied):
        raise_query(db, team["coord"], subject_id="LN-01", table="visits", record_id=visit_id, field="weight_kg",
                    label="W4 weight", text="?")
    query = raise_query(db, team["mon"], subject_id="LN-01", table="visits", record_id=visit_id, field="weight_kg",
                        label="W4 weight", text="Source says 58.0 kg; please check.")
    assert query.status == OPEN and [q.query_id for q in open_queries(db)] == [query.query_id]
    with pytest.raises(PermissionDenied):
        answer_query(db, team["mon"], query.query_id, "answering myself")
    answered = answer_query(db, team["coord"], query.query_id, "'; DROP TABLE visits; -- corrected")
    assert answered.status == ANSWERED and open_queries(db) == []
    with pytest.raises(PermissionDenied):
        close_query(db, team["coord"], query.query_id, "closing")
    closed = close_query(db, team["mon"], query.query_id, "Thank you.")
    assert closed.status == CLOSED
    assert [m.status for m in closed.messages] == [OPEN, ANSWERED, CLOSED]
    assert closed.messages[1].text.startswith("'; DROP TABLE")
    with pytest.raises(ValidationError):
        answer_query(db, team["coord"], query.query_id, "too late")
    with pytest.raises(ValidationError):
        raise_query(db, team["mon"], subject_id="LN-01", table="visits", record_id=visit_id, field="weight_kg",
                    label="x", text="y" * 10_000_000)


def test_sdv_mark_is_cleared_when_the_value_changes(db, team, visit_id):
    with pytest.raises(PermissionDenied):
        mark_verified(db, team["coord"], subject_id="LN-01", table="visits", record_id=visit_id, field="weight_kg",
                      value_text="57.8")
    mark_verified(db, team["mon"], subject_id="LN-01", table="visits", record_id=visit_id, field="weight_kg",
                  value_text="57.8")
    mark_verified(db, team["mon"], subject_id="LN-01", table="visits", record_id=visit_id, field="date",
                  value_text="2026-03-02")
    assert set(verified_fields(db, "LN-01")) == {("visits", visit_id, "weight_kg"), ("visits", visit_id, "date")}
    db.sign_in(team["coord"])
    with db.write("coord", "re-weighed") as uow:
        uow.session.get(s.Visit, visit_id).weight_kg = 58.1
    assert set(verified_fields(db, "LN-01")) == {("visits", visit_id, "date")}
    assert verify_audit_chain(db).ok
