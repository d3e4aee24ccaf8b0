"""Administrator settings (idle sign-out time) and password changes on a real SQLite file: rules, audit, lock-out."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from models.audit_chain import verify_audit_chain
from models.database import open_database
from models.errors import ValidationError
from models.security import PermissionDenied, Role
from models.settings import DEFAULT_IDLE_MINUTES, idle_minutes, set_idle_minutes
from models.users import (
    MAX_FAILURES,
    SignInFailed,
    authenticate,
    change_own_password,
    create_first_administrator,
    create_user,
    list_users,
    must_change_password,
    reset_password,
)
from tests.db_rows import rows

ADMIN_PW, COORD_PW = "admin-password-1", "coord-password-1"


@pytest.fixture
def team(db):
    admin = create_first_administrator(db, "admin", "Park Admin", ADMIN_PW)
    create_user(db, admin, "coord", "Lee Coordinator", Role.COORDINATOR, COORD_PW)
    return {"admin": admin, "coord": authenticate(db, "coord", COORD_PW)}


def _trail(db, table: str) -> list[tuple]:
    return rows(db, "SELECT \"user\", action, field, old_value, new_value, reason FROM audit_log "
                "WHERE table_name = ? ORDER BY id", table)


def test_idle_minutes_default_set_audited_and_kept_after_reopening(db, team):
    assert idle_minutes(db) == DEFAULT_IDLE_MINUTES == 15
    set_idle_minutes(db, team["admin"], 30)
    set_idle_minutes(db, team["admin"], 30)  # unchanged: no second audit row
    set_idle_minutes(db, team["admin"], 1)
    assert idle_minutes(db) == 1
    rows = _trail(db, "settings")
    assert [r[:2] for r in rows] == [("admin", "insert"), ("admin", "update")]
    assert rows[1][2:5] == ("value", "30", "1")
    db.close()
    again = open_database(db.location, create=False)
    try:
        assert idle_minutes(again) == 1
        assert verify_audit_chain(again).ok
    finally:
        again.close()


@pytest.mark.parametrize("bad", [0, 241, -5, 2.5, True, "10"])
def test_idle_minutes_out_of_range_refused(db, team, bad):
    with pytest.raises(ValidationError, match="1 to 240"):
        set_idle_minutes(db, team["admin"], bad)
    assert idle_minutes(db) == 15 and _trail(db, "settings") == []


def test_only_administrators_set_the_idle_time(db, team):
    with pytest.raises(PermissionDenied):
        set_idle_minutes(db, team["coord"], 5)
    assert idle_minutes(db) == 15


@pytest.mark.sqlite_only  # writes behind TrialDesk through the file
def test_a_bad_stored_value_falls_back_to_the_default(db, team):
    set_idle_minutes(db, team["admin"], 20)
    with closing(sqlite3.connect(db.path)) as conn, conn:
        conn.execute("UPDATE settings SET value = 'soon'")
    assert idle_minutes(db) == 15


def test_change_own_password_checks_rules_first_then_the_current_password(db, team):
    coord = team["coord"]
    with pytest.raises(ValidationError) as short:
        change_own_password(db, coord, "not even checked", "short")
    assert "at least 10" in short.value.errors["new_password"]
    assert list_users(db)[1].failed_attempts == 0  # a bad new password costs no attempt
    with pytest.raises(SignInFailed, match="attempt"):
        change_own_password(db, coord, "wrong-password", "a-new-password-1")
    assert list_users(db)[1].failed_attempts == 1
    assert ("sign-in", "update", "failed_attempts", "0", "1", "failed sign-in") in _trail(db, "users")
    with pytest.raises(ValidationError, match="differ"):
        change_own_password(db, coord, COORD_PW, COORD_PW)
    change_own_password(db, coord, COORD_PW, "a-new-password-1")
    with pytest.raises(SignInFailed):
        authenticate(db, "coord", COORD_PW)
    assert authenticate(db, "coord", "a-new-password-1").name == "coord"
    changed = [r for r in _trail(db, "users") if r[5] == "password changed by its owner"]
    assert "password_hash" in {r[2] for r in changed}  # (the fixed test clock leaves the time unchanged)
    assert all(r[0] == "coord" for r in changed)
    assert next(r for r in changed if r[2] == "password_hash")[3:5] == ("(secret, not recorded)",) * 2
    everything = " ".join(str(r) for r in rows(db, "SELECT * FROM audit_log"))
    assert "a-new-password-1" not in everything and "$argon2" not in everything


def test_wrong_current_passwords_lock_the_account(db, team):
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(SignInFailed):
            change_own_password(db, team["coord"], "wrong-password", "a-new-password-1")
    with pytest.raises(SignInFailed, match="now locked"):
        change_own_password(db, team["coord"], "wrong-password", "a-new-password-1")
    with pytest.raises(SignInFailed, match="locked"):
        change_own_password(db, team["coord"], COORD_PW, "a-new-password-1")
    assert list_users(db)[1].locked


def test_reset_by_an_administrator_requires_a_change_at_the_next_sign_in(db, team):
    with pytest.raises(ValidationError, match="Account"):
        reset_password(db, team["admin"], "admin", "another-password-1", "forgot")
    with pytest.raises(ValidationError, match="at least"):
        reset_password(db, team["admin"], "coord", "short", "forgot")
    assert not must_change_password(db, "coord")
    info = reset_password(db, team["admin"], "coord", "temporary-pass-1", "forgotten, identity checked by phone")
    assert info.must_change_password and must_change_password(db, "coord")
    actor = authenticate(db, "coord", "temporary-pass-1")
    change_own_password(db, actor, "temporary-pass-1", "my-own-password-1")
    assert not must_change_password(db, "coord")
    rows = _trail(db, "users")
    assert ("admin", "update", "must_change_password", "false", "true", "forgotten, identity checked by phone") in rows
    assert ("coord", "update", "must_change_password", "true", "false", "password changed by its owner") in rows
