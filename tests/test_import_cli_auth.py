"""main.py import-dossier names its user: "cli:<login>" without accounts; with accounts it signs in (--user and
the password from a prompt or standard input), refuses wrong passwords, locked accounts and roles that may not
write clinical data (one line, exit 2, nothing imported), and the audit rows name the login."""

from __future__ import annotations

import getpass
import io
import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from endpoints.dossier_json import dossier_to_json
from main import main
from models.database import open_database
from models.security import Role
from models.users import MAX_FAILURES, create_first_administrator, create_user, reset_password, user_info
from tests.models.test_dossier_store import full_dossier

ROOT = Path(__file__).resolve().parents[1]
PW = {"admin": "admin-password-1", "coord": "coord-password-1", "mon": "monitor-pass-12"}


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    path = tmp_path / "LN-01.json"
    path.write_text(json.dumps(dossier_to_json(full_dossier()), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def study(tmp_path: Path) -> Path:
    """A study file with an administrator, a coordinator and a monitor."""
    path = tmp_path / "study.sqlite3"
    db = open_database(path)
    admin = create_first_administrator(db, "admin", "Park Admin", PW["admin"])
    create_user(db, admin, "coord", "Lee Coordinator", Role.COORDINATOR, PW["coord"])
    create_user(db, admin, "mon", "Choi Monitor", Role.MONITOR, PW["mon"])
    db.close()
    return path


def _import(db: Path, dossier: Path, *extra: str, stdin: str | None = None, monkeypatch=None) -> int:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(["import-dossier", "--db", str(db), str(dossier), *extra])


def _subject_users(db: Path) -> set[str]:
    with closing(sqlite3.connect(db)) as conn:
        return {r[0] for r in conn.execute("SELECT DISTINCT user FROM audit_log WHERE subject_id = 'LN-01'")}


def _subjects(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT COUNT(*) FROM subjects").fetchone()[0]


def _info(db: Path, username: str):
    database = open_database(db, create=False)
    try:
        return user_info(database, username)
    finally:
        database.close()


def test_without_accounts_the_audit_names_cli_and_the_login(tmp_path, dossier, capsys):
    fresh = tmp_path / "fresh.sqlite3"
    assert _import(fresh, dossier) == 0
    assert _subject_users(fresh) == {f"cli:{getpass.getuser()}"}
    other = tmp_path / "other.sqlite3"
    assert _import(other, dossier, "--user", "dm") == 0
    assert _subject_users(other) == {"cli:dm"}


def test_with_accounts_a_user_is_required(study, dossier, capsys):
    assert _import(study, dossier) == 2
    err = capsys.readouterr().err
    assert "has user accounts: give yours with --user LOGIN" in err and err.count("\n") == 1
    assert _subjects(study) == 0


def test_coordinator_with_the_right_password_imports_and_the_audit_names_the_login(study, dossier, capsys,
                                                                                   monkeypatch):
    assert _import(study, dossier, "--user", "coord", "--password-stdin", stdin=PW["coord"] + "\n",
                   monkeypatch=monkeypatch) == 0
    assert "imported subject LN-01" in capsys.readouterr().out
    assert _subject_users(study) == {"coord"}


def test_the_password_prompt_is_used_without_password_stdin(study, dossier, monkeypatch):
    prompts: list[str] = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt: prompts.append(prompt) or PW["coord"])
    assert _import(study, dossier, "--user", "coord") == 0
    assert prompts == ["Password for coord: "] and _subject_users(study) == {"coord"}


@pytest.mark.parametrize(("login", "password", "expected"), [
    ("coord", "wrong-password", "Wrong user name or password"),
    ("coord", "", "Wrong user name or password"),
    ("nobody", "whatever-pass", "Wrong user name or password"),
    ("mon", PW["mon"], "mon (monitor) may not enter data"),
    ("admin", PW["admin"], "admin (administrator) may not enter data"),
])
def test_refusals_are_one_line_exit_2_and_write_nothing(study, dossier, capsys, monkeypatch, login, password,
                                                        expected):
    assert _import(study, dossier, "--user", login, "--password-stdin", stdin=password + "\n",
                   monkeypatch=monkeypatch) == 2
    err = capsys.readouterr().err
    assert expected in err and err.count("\n") == 1 and "nothing was written" in err.lower()
    assert _subjects(study) == 0 and _subject_users(study) == set()


def test_wrong_passwords_count_towards_the_lock_out(study, dossier, capsys, monkeypatch):
    for _ in range(MAX_FAILURES):
        assert _import(study, dossier, "--user", "coord", "--password-stdin", stdin="wrong-password\n",
                       monkeypatch=monkeypatch) == 2
    assert _info(study, "coord").locked
    capsys.readouterr()
    assert _import(study, dossier, "--user", "coord", "--password-stdin", stdin=PW["coord"] + "\n",
                   monkeypatch=monkeypatch) == 2
    assert "locked" in capsys.readouterr().err and _subjects(study) == 0
    with closing(sqlite3.connect(study)) as conn:
        failures = conn.execute("SELECT COUNT(*) FROM audit_log WHERE reason = 'failed sign-in' "
                                "AND field = 'failed_attempts'").fetchone()[0]
    assert failures == MAX_FAILURES


def test_a_password_reset_by_the_administrator_must_be_changed_in_the_app_first(study, dossier, capsys,
                                                                                monkeypatch):
    db = open_database(study, create=False)
    from models.users import authenticate

    reset_password(db, authenticate(db, "admin", PW["admin"]), "coord", "temporary-pass-1", "forgotten")
    db.close()
    assert _import(study, dossier, "--user", "coord", "--password-stdin", stdin="temporary-pass-1\n",
                   monkeypatch=monkeypatch) == 2
    assert "reset by an administrator" in capsys.readouterr().err and _subjects(study) == 0


def test_in_a_real_process_with_the_password_on_standard_input(study, dossier):
    command = [sys.executable, "main.py", "import-dossier", "--db", str(study), str(dossier), "--user", "coord",
               "--password-stdin"]
    wrong = subprocess.run(command, cwd=ROOT, input=b"wrong-password\n", capture_output=True, check=False)
    assert wrong.returncode == 2 and wrong.stderr.decode().startswith("error: sign-in as coord refused")
    right = subprocess.run(command, cwd=ROOT, input=PW["coord"].encode() + b"\n", capture_output=True, check=False)
    assert right.returncode == 0, right.stderr
    assert _subject_users(study) == {"coord"}
