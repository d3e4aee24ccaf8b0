"""One way in: writes reach SQLite only through the audited flush, as the signed-in user; sign-in attempts are
checked and counted atomically across processes; one instance per real file; read-only media."""

from __future__ import annotations

import dataclasses
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select, text

from main import main
from models import schema as s
from models.database import open_database
from models.errors import DatabaseError
from models.instance_lock import DatabaseInUse
from models.security import Actor, PermissionDenied, Role
from models.subjects import get_subject, save_subject
from models.users import MAX_FAILURES, SignInFailed, authenticate, create_first_administrator, create_user

from .conftest import subject_input

pytestmark = pytest.mark.sqlite_only  # about the SQLite file itself (the server: test_server_storage.py)

REPO = Path(__file__).resolve().parents[2]
PW = {"admin": "admin-password-1", "coord": "coord-password-1", "mon": "monitor-pass-1"}


@pytest.fixture
def team(db):
    admin = create_first_administrator(db, "admin", "Park Admin", PW["admin"])
    create_user(db, admin, "coord", "Lee Coordinator", Role.COORDINATOR, PW["coord"])
    create_user(db, admin, "mon", "Choi Monitor", Role.MONITOR, PW["mon"])
    actors = {name: authenticate(db, name, pw) for name, pw in PW.items()}
    db.sign_in(actors["coord"])
    save_subject(db, subject_input(), user="coord")
    return actors


def _weight(db) -> float:
    with closing(sqlite3.connect(db.path)) as conn:
        return conn.execute("SELECT weight_kg FROM subjects").fetchone()[0]


def _audit_rows(db) -> int:
    with closing(sqlite3.connect(db.path)) as conn:
        return conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]


# the connection-level guard

def test_raw_sql_through_the_sessions_connection_is_refused_by_sqlite(db, team):
    before = _audit_rows(db)
    with pytest.raises(DatabaseError, match="did not go through TrialDesk's audited save"), \
            db.write("coord", "raw") as uow:
        uow.session.connection().exec_driver_sql("UPDATE subjects SET weight_kg = 99")
    with pytest.raises(DatabaseError, match="did not go through"), db.write("coord", "raw") as uow:
        uow.session.connection().execute(text("DELETE FROM signatures"))
    assert _weight(db) == 58.5 and _audit_rows(db) == before


def test_raw_sql_on_any_engine_connection_or_read_session_is_refused(db, team):
    with pytest.raises(Exception, match="not authorized"), db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE subjects SET weight_kg = 99")
    with pytest.raises(Exception, match="not authorized"), db.read() as session:
        session.connection().exec_driver_sql("INSERT INTO users (username) VALUES ('x')")
    for sql in ("DROP TRIGGER audit_log_no_update", "PRAGMA foreign_keys=OFF", "ATTACH ':memory:' AS other",
                "CREATE TABLE sneaky (x)"):
        with pytest.raises(Exception, match="not authorized"), db.engine.connect() as conn:
            conn.exec_driver_sql(sql)
    assert _weight(db) == 58.5


def test_a_statement_cached_during_the_audited_flush_is_refused_outside_it(db, team):
    record = get_subject(db, "LN-01")
    save_subject(db, dataclasses.replace(record.to_input(), weight_kg=60.0), user="coord", reason="re-weighed")
    same_sql = "UPDATE subjects SET weight_kg=? WHERE subjects.id = ?"  # the ORM's own statement, now cached
    with pytest.raises(DatabaseError, match="did not go through"), db.write("coord", "raw") as uow:
        uow.session.connection().exec_driver_sql(same_sql, (1.0, record.record_id))
    assert _weight(db) == 60.0


# the acting user

def test_a_caller_supplied_actor_cannot_override_the_signed_in_user(db, team):
    db.sign_in(team["mon"])
    with pytest.raises(PermissionDenied, match="monitor"), db.write(team["coord"], "pretend") as uow:
        uow.session.scalars(select(s.Subject)).one().weight_kg = 70.0
    forged = Actor(name="admin", role=Role.ADMINISTRATOR, user_id=1, system=True)
    with pytest.raises(PermissionDenied):
        db.sign_in(forged)
    with pytest.raises(PermissionDenied, match="monitor"), db.write(forged, "pretend") as uow:
        uow.session.scalars(select(s.Subject)).one().weight_kg = 70.0
    assert _weight(db) == 58.5


def test_a_forged_actor_is_refused_even_with_nobody_signed_in(db, team):
    db.sign_out()
    forged = Actor(name="coord", role=Role.COORDINATOR, user_id=2)
    with pytest.raises(PermissionDenied, match="not signed in"), db.write(forged, "pretend") as uow:
        uow.session.scalars(select(s.Subject)).one().weight_kg = 70.0
    assert _weight(db) == 58.5


def test_after_sign_out_nothing_is_written_on_a_database_with_accounts(db, team):
    db.sign_out()
    record = get_subject(db, "LN-01")
    for name in ("coord", "admin", "anybody"):
        with pytest.raises(PermissionDenied, match="Nobody is signed in"):
            save_subject(db, dataclasses.replace(record.to_input(), weight_kg=70.0), user=name, reason="x")
    assert _weight(db) == 58.5


# sign-in attempts from parallel processes

_ATTEMPTS = textwrap.dedent("""
    import sys
    from models.database import open_database
    from models.users import SignInFailed, authenticate
    db = open_database(sys.argv[1], create=False)
    for _ in range(2):
        try:
            authenticate(db, "coord", "wrong-password-x")
        except SignInFailed as exc:
            print(exc, flush=True)
    db.close()
""")


def test_parallel_wrong_passwords_are_checked_at_most_the_limit(db, team):
    db.close()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    procs = [subprocess.Popen([sys.executable, "-c", _ATTEMPTS, str(db.path)], cwd=REPO, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(6)]
    outputs = [p.communicate(timeout=120) for p in procs]
    lines = [line for out, _ in outputs for line in out.splitlines()]
    assert all(not err for _, err in outputs), outputs
    checked = [line for line in lines if line.startswith("Wrong")]
    assert len(lines) == 12 and len(checked) == MAX_FAILURES, lines
    with closing(sqlite3.connect(db.path)) as conn:
        assert conn.execute("SELECT failed_attempts, locked FROM users WHERE username = 'coord'").fetchone() \
            == (MAX_FAILURES, 1)


# one instance per real file

def test_a_symlink_or_a_hard_link_to_an_open_database_is_refused(db, tmp_path):
    db.close()
    first = open_database(db.path, create=False, single_instance=True)
    try:
        link = tmp_path / "link.sqlite3"
        link.symlink_to(db.path)
        hard = tmp_path / "elsewhere" / "hard.sqlite3"
        hard.parent.mkdir()
        os.link(db.path, hard)
        for other in (link, hard):
            with pytest.raises(DatabaseInUse):
                open_database(other, create=False, single_instance=True)
    finally:
        first.close()
    open_database(hard, create=False, single_instance=True).close()


def test_the_command_line_writer_waits_for_the_lock_with_a_message(db, tmp_path, monkeypatch, capsys):
    import commands.cli_auth as cli_auth

    db.close()
    monkeypatch.setattr(cli_auth, "LOCK_WAIT_S", 0.5)
    dossier = REPO / "tests" / "data" / "dossiers"
    example = sorted(dossier.glob("*.json"))[0]
    holder = open_database(db.path, create=False, single_instance=True)
    try:
        assert main(["import-dossier", "--db", str(db.path), str(example)]) == 2
    finally:
        holder.close()
    err = capsys.readouterr().err
    assert "waiting up to 0.5 s" in err and "already open in another TrialDesk window" in err
    assert len(err.strip().splitlines()) == 2


def test_a_folder_as_db_is_one_line(tmp_path, capsys):
    for command in (["import-dossier", "--db", str(tmp_path), str(tmp_path / "x.json")],
                    ["export-dossier", "--db", str(tmp_path), "--subject", "LN-01"],
                    ["summary", "--db", str(tmp_path)], ["verify", "--db", str(tmp_path)],
                    ["print", "--db", str(tmp_path), "--all", "--out", str(tmp_path / "x.pdf")]):
        (tmp_path / "x.json").write_text("{}", encoding="utf-8")
        assert main(command) == 2, command
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and "folder" in err or "no such" in err, (command, err)


# read-only media

@pytest.fixture
def read_only_mount(tmp_path):
    mount_point = tmp_path / "media"
    mount_point.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(mount_point)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here to make read-only media ({result.stderr.strip()}); needs root")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_a_wal_database_on_read_only_media_opens_read_only(team, db, read_only_mount, capsys):
    db.close()
    with closing(sqlite3.connect(db.path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    copy = read_only_mount / "study.sqlite3"
    shutil.copyfile(db.path, copy)
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], check=True)
    assert not os.access(read_only_mount, os.W_OK)

    ro = open_database(copy, create=False, single_instance=True)  # as the app opens it: no lock file possible
    try:
        assert ro.read_only and get_subject(ro, "LN-01").weight_kg == 58.5
        with pytest.raises(SignInFailed, match="Wrong"):
            authenticate(ro, "coord", "wrong-password")  # checked; nothing can be counted on read-only media
        ro.sign_in(authenticate(ro, "coord", PW["coord"]))
        with pytest.raises(DatabaseError, match="read-only"):
            save_subject(ro, subject_input(subject_id="LN-02", screening_number="S-2"), user="coord")
    finally:
        ro.close()
    assert main(["verify", "--db", str(copy)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("INTACT (read-only)") and "BROKEN" not in out
    assert main(["export-dossier", "--db", str(copy), "--subject", "LN-01"]) == 0
    assert '"LN-01"' in capsys.readouterr().out
    assert main(["summary", "--db", str(copy), "--as-of", "2026-06-01"]) == 0
    assert main(["print", "--db", str(copy), "--subject", "LN-01", "--out",
                 str(db.path.parent / "ln01.pdf"), "--as-of", "2026-06-01"]) == 0
    assert sorted(p.name for p in read_only_mount.iterdir()) == ["study.sqlite3"]
