"""Several PCs on one study: optimistic concurrency between two processes (on a file and on a server), and what a
PostgreSQL server must refuse (writes outside the audited save, any change of the audit trail, the application
role's missing rights), its hash chain under racing writers, verify on the server and migrate-to-server."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from main import main
from models.concurrency import EditConflict
from models.database import open_database
from models.subject_records import delete_row, list_rows, save_row
from models.subjects import save_subject
from models.verify import verify_database
from models.visit_store import load_visit, new_visit, save_visit
from tests.db_rows import rows
from tests.pg_fixtures import BACKENDS, admin, with_database

from .conftest import TODAY, subject_input

REPO = Path(__file__).resolve().parents[2]
STEROID = {"drug": "prednisolone", "route": "oral", "mg_per_dose": 10.0, "doses_per_day": 1.0,
           "start": date(2026, 2, 1), "stop": None, "indication": "sle"}


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in another Python process (another PC), from the repository, with `args` in sys.argv."""
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], cwd=REPO, capture_output=True,
                          text=True, timeout=300, check=False)


def _study(location: str) -> str:
    db = open_database(location)
    save_subject(db, subject_input(), user="nurse")
    save_subject(db, subject_input(subject_id="LN-02", screening_number="S-002"), user="nurse")
    db.close()
    return location


OTHER_PC_SAVES_VISIT = """
    import sys
    from datetime import date
    from dataclasses import replace
    from models.database import open_database
    from models.visit_store import load_visit, save_visit
    db = open_database(sys.argv[1])
    entry = load_visit(db, int(sys.argv[2]))
    save_visit(db, sys.argv[3], replace(entry, weight_kg=61.0), user="ana", reason="scale recalibrated",
               today=date(2026, 6, 1))
    db.close()
"""


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_second_save_of_one_visit_from_two_processes_is_refused_naming_who_and_when(backend, study_target):
    location = _study(study_target())
    db = open_database(location)
    visit_id = save_visit(db, "LN-01", new_visit("W4", date(2026, 3, 2)), user="nurse", reason=None, today=TODAY)
    other_id = save_visit(db, "LN-02", new_visit("W4", date(2026, 3, 3)), user="nurse", reason=None, today=TODAY)
    mine = load_visit(db, visit_id)  # this PC opens the visit
    done = _run(OTHER_PC_SAVES_VISIT, location, str(visit_id), "LN-01")  # another PC saves it meanwhile
    assert done.returncode == 0, done.stderr
    typed = mine.__class__(**{**mine.__dict__, "weight_kg": 59.5})
    with pytest.raises(EditConflict, match=r"ana changed this visit at \d{4}-\d\d-\d\d \d\d:\d\d \w+") as refused:
        save_visit(db, "LN-01", typed, user="nurse", reason="typo", today=TODAY)
    assert "nothing was saved" in str(refused.value) and "What you typed is still here" in str(refused.value)
    assert load_visit(db, visit_id).weight_kg == 61.0  # the other PC's change stands
    assert typed.weight_kg == 59.5  # what was typed is untouched
    # a different record saves without waiting or refusing
    other = load_visit(db, other_id)
    done = _run(OTHER_PC_SAVES_VISIT, location, str(visit_id), "LN-01")
    assert done.returncode == 0, done.stderr
    save_visit(db, "LN-02", other.__class__(**{**other.__dict__, "weight_kg": 55.0}), user="nurse", reason="x",
               today=TODAY)
    assert load_visit(db, other_id).weight_kg == 55.0
    db.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_stale_log_row_edit_or_delete_is_refused(backend, study_target):
    db = open_database(_study(study_target()))
    record = save_row(db, "LN-01", "steroids", STEROID, user="nurse", today=TODAY, confirmed=True)
    seen = list_rows(db, "LN-01", "steroids")[0]
    save_row(db, "LN-01", "steroids", {**STEROID, "mg_per_dose": 7.5}, user="ana", reason="taper", record_id=record,
             today=TODAY, confirmed=True, expected_version=seen.row_version)
    with pytest.raises(EditConflict, match="ana changed this steroid row"):
        save_row(db, "LN-01", "steroids", {**STEROID, "mg_per_dose": 5.0}, user="nurse", reason="taper",
                 record_id=record, today=TODAY, confirmed=True, expected_version=seen.row_version)
    with pytest.raises(EditConflict, match="ana changed"):
        delete_row(db, "LN-01", "steroids", record, user="nurse", reason="twice", expected_version=seen.row_version)
    assert list_rows(db, "LN-01", "steroids")[0].values["mg_per_dose"] == 7.5
    db.close()


@pytest.fixture
def server(pg_databases) -> str:
    return _study(pg_databases.empty())


@pytest.mark.postgres
def test_writes_outside_the_audited_save_are_refused_by_the_server(server):
    db = open_database(server)
    with db.engine.connect() as conn, pytest.raises(Exception, match="not authorized"):
        conn.execute(text("UPDATE subjects SET initials = 'XX'"))
    with db.read() as session, pytest.raises(Exception, match="not authorized"):
        session.connection().execute(text("DELETE FROM steroids"))
    assert rows(db, "SELECT initials FROM subjects ORDER BY id")[0] == ("김민",)
    db.close()


@pytest.mark.postgres
@pytest.mark.parametrize("statement", ["UPDATE audit_log SET reason = 'x'", "DELETE FROM audit_log",
                                       "TRUNCATE audit_log"])
def test_the_audit_trail_is_append_only_even_for_the_owner_with_the_gate_open(server, statement):
    db = open_database(server)
    with db.engine.connect() as conn, pytest.raises(Exception, match="append-only"):
        conn.execute(text("SELECT set_config('trialdesk.gate', 'open', true)"))
        conn.execute(text(statement))
    assert verify_database(server).ok
    db.close()


@pytest.mark.postgres
def test_the_application_role_cannot_change_the_audit_trail_but_runs_the_app(server, capsys):
    role = "td_app_test"
    admin(f"DO $$ BEGIN CREATE ROLE {role} LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
    assert main(["server-grant", "--db", server, "--role", role]) == 0
    as_app = with_database(server.replace("postgresql://postgres@", f"postgresql://{role}@"),
                           server.rsplit("/", 1)[-1])
    db = open_database(as_app)
    save_row(db, "LN-01", "steroids", STEROID, user="nurse", today=TODAY, confirmed=True)
    with db.engine.connect() as conn:
        conn.execute(text("SELECT set_config('trialdesk.gate', 'open', true)"))
        with pytest.raises(Exception, match="permission denied"):
            conn.execute(text("DELETE FROM audit_log"))
    db.close()
    assert verify_database(server).ok


RACER = """
    import sys
    from datetime import date
    from models.database import open_database
    from models.subject_records import save_row
    db = open_database(sys.argv[1])
    steroid = {"drug": "prednisolone", "route": "oral", "mg_per_dose": 10.0, "doses_per_day": 1.0,
               "start": date(2026, 2, 1), "stop": None, "indication": "sle"}
    record = save_row(db, sys.argv[2], "steroids", steroid, user=sys.argv[2], today=date(2026, 6, 1), confirmed=True)
    for n in range(int(sys.argv[3])):
        save_row(db, sys.argv[2], "steroids", {**steroid, "mg_per_dose": 10.0 + n + 1}, user=sys.argv[2],
                 reason="dose", record_id=record, today=date(2026, 6, 1), confirmed=True)
    db.close()
"""


@pytest.mark.postgres
def test_two_processes_writing_at_once_keep_one_unbroken_chain_and_every_update(server):
    saves = 25
    racers = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(RACER), server, subject, str(saves)], cwd=REPO,
                               stderr=subprocess.PIPE, text=True) for subject in ("LN-01", "LN-02")]
    for racer in racers:
        assert racer.wait(timeout=300) == 0, racer.stderr.read()
    report = verify_database(server)
    assert report.ok, report.lines
    db = open_database(server)
    assert sorted(r.values["mg_per_dose"] for s in ("LN-01", "LN-02") for r in list_rows(db, s, "steroids")) == \
        [10.0 + saves] * 2
    updates = rows(db, "SELECT count(*) FROM audit_log WHERE table_name = 'steroids' AND action = 'update'")[0][0]
    assert updates == 2 * saves
    db.close()


@pytest.mark.postgres
def test_verify_on_the_server_names_data_changed_behind_trialdesk(server, capsys):
    assert main(["verify", "--db", server]) == 0
    assert "INTACT" in capsys.readouterr().out
    db = open_database(server)
    with db.engine.begin() as conn:
        conn.execute(text("SELECT set_config('trialdesk.gate', 'open', true)"))
        conn.execute(text("UPDATE subjects SET initials = 'ZZ' WHERE subject_id = 'LN-02'"))
    db.close()
    assert main(["verify", "--db", server]) == 1
    out = capsys.readouterr().out
    assert "TAMPERED" in out and "subjects record 2, initials" in out and "'ZZ'" in out


@pytest.mark.postgres
def test_migrate_to_server_moves_every_row_and_the_same_chain(tmp_path, pg_databases, capsys):
    from models.locks import lock
    from models.queries import raise_query
    from models.security import Role
    from models.users import authenticate, create_first_administrator, create_user

    path = tmp_path / "laptop.sqlite3"
    db = open_database(path)
    save_subject(db, subject_input(), user="nurse")
    record = save_row(db, "LN-01", "steroids", STEROID, user="nurse", today=TODAY, confirmed=True)
    delete_row(db, "LN-01", "steroids", record, user="nurse", reason="entered twice")
    save_row(db, "LN-01", "steroids", STEROID, user="nurse", today=TODAY, confirmed=True)
    visit = save_visit(db, "LN-01", new_visit("W4", date(2026, 3, 2)), user="nurse", reason=None, today=TODAY)
    create_first_administrator(db, "admin", "Park Admin", "admin-password-1")
    administrator = authenticate(db, "admin", "admin-password-1")
    db.sign_in(administrator)
    create_user(db, administrator, "mon", "Choi Monitor", Role.MONITOR, "monitor-password-1")
    create_user(db, administrator, "coord", "Lee Coordinator", Role.COORDINATOR, "coord-password-1")
    monitor = authenticate(db, "mon", "monitor-password-1")
    db.sign_in(monitor)
    raise_query(db, monitor, subject_id="LN-01", table="visits", record_id=visit, field="weight_kg",
                label="Weight", text="Source says 58 kg?")
    db.sign_in(administrator)
    lock(db, administrator, scope="visit", reason="monitored", subject_id="LN-01", visit_id=visit)
    db.close()
    server = pg_databases.empty()
    assert main(["migrate-to-server", "--db", str(path), "--to", server]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert out.startswith("MOVED") and "ends where the file's does" in out and "exactly the file's rows" in out
    assert verify_database(server).ok
    moved = open_database(server)
    assert rows(moved, "SELECT count(*) FROM queries")[0][0] == 1
    assert rows(moved, "SELECT count(*) FROM locks")[0][0] == 1
    # the deleted steroid row's id is not given out again on the server either
    moved.sign_in(authenticate(moved, "coord", "coord-password-1"))
    new_id = save_row(moved, "LN-01", "steroids", STEROID, user="coord", today=TODAY, confirmed=True)
    assert new_id > record + 1
    moved.close()
    assert main(["migrate-to-server", "--db", str(path), "--to", server]) == 2
    assert "already holds a study" in capsys.readouterr().err
