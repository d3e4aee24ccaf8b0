"""Every lock scope (database, subject, visit) against every kind of write (forms, logs, schedule, dossier, ODM
and laboratory imports), through the storage and exchange APIs themselves: a write the lock covers is refused with
RecordLocked and leaves the file exactly as it was (no row, no audit row); a write it does not cover goes through."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from exchange.lab_import import NEW, LabRow, apply_labs, preview_labs
from exchange.lab_mapping import load_mapping
from exchange.odm_import import import_odm
from models.database import Database
from models.dossier_store import import_dossier, load_dossier
from models.exchange_store import iter_subject_rows
from models.locks import RecordLocked, lock
from models.schedule_store import InfusionInput, record_visit_date, save_infusion
from models.security import Role
from models.subject_records import delete_row, list_rows, save_row
from models.subjects import get_subject, save_subject
from models.users import authenticate, create_first_administrator, create_user
from models.visit_store import list_visits, load_visit, save_visit
from tests.db_rows import dump
from tests.models.conftest import TODAY, subject_input
from tests.models.test_visit_store import full_w4

LAB_MAPPING = Path(__file__).resolve().parents[1] / "data" / "labs" / "hanyang-lab.toml"
PW = {"admin": "admin-password-1", "coord": "coord-password-1"}
D0 = date(2026, 2, 2)
STEROID = {"drug": "prednisolone", "route": "oral", "mg_per_dose": 10.0, "doses_per_day": 1.0,
           "start": date(2026, 2, 1), "stop": None, "indication": "sle"}
MEDICATION = {"name": "hydroxychloroquine", "agent_class": "antimalarial", "start": date(2026, 1, 10), "stop": None,
              "rescue": False, "indication": "maintenance", "for_sle_activity": True, "investigational": False}
WHY = "correction from source"


def _enrol(db: Database, subject_id: str, screening: str) -> None:
    save_subject(db, subject_input(subject_id=subject_id, screening_number=screening, status="enrolled"),
                 user="coord", today=TODAY)
    save_infusion(db, InfusionInput(subject_id, 1, planned_date=D0, date=D0, weight_kg=58.0, weight_date=D0,
                                    completion="full"), user="coord", today=TODAY)
    save_visit(db, subject_id, full_w4(), user="coord", reason=None, today=TODAY)
    save_row(db, subject_id, "steroids", STEROID, user="coord", today=TODAY, confirmed=True)


@pytest.fixture
def study(db: Database) -> Database:
    _enrol(db, "LN-01", "S-001")
    _enrol(db, "LN-02", "S-002")
    admin = create_first_administrator(db, "admin", "Park Admin", PW["admin"])
    create_user(db, admin, "coord", "Lee Coordinator", Role.COORDINATOR, PW["coord"])
    db.sign_in(authenticate(db, "coord", PW["coord"]))  # the writes under test run as the coordinator
    return db


def _w4(db: Database, subject_id: str) -> int:
    return next(v.record_id for v in list_visits(db, subject_id) if v.code == "W4")


def _steroid(db: Database, subject_id: str) -> int:
    return list_rows(db, subject_id, "steroids")[0].record_id


def visit_save(db: Database, sid: str) -> None:
    entry = load_visit(db, _w4(db, sid))
    save_visit(db, sid, replace(entry, weight_kg=58.4), user="coord", reason=WHY, today=TODAY)


def visit_add(db: Database, sid: str) -> None:
    save_visit(db, sid, full_w4(code="UNS", date=date(2026, 3, 20)), user="coord", reason=None, today=TODAY)


def log_row_add(db: Database, sid: str) -> None:
    save_row(db, sid, "medications", MEDICATION, user="coord", today=TODAY, confirmed=True)


def log_row_edit(db: Database, sid: str) -> None:
    save_row(db, sid, "steroids", {**STEROID, "mg_per_dose": 7.5}, user="coord", reason=WHY,
             record_id=_steroid(db, sid), today=TODAY, confirmed=True)


def log_row_delete(db: Database, sid: str) -> None:
    delete_row(db, sid, "steroids", _steroid(db, sid), user="coord", reason=WHY)


def subject_edit(db: Database, sid: str) -> None:
    data = replace(get_subject(db, sid).to_input(), notes="전화 연락처 변경")
    save_subject(db, data, user="coord", reason=WHY, today=TODAY)


def infusion_plan(db: Database, sid: str) -> None:
    save_infusion(db, InfusionInput(sid, 2, planned_date=D0 + timedelta(days=84)), user="coord", today=TODAY)


def visit_date(db: Database, sid: str) -> None:
    record_visit_date(db, sid, "W4", date(2026, 3, 3), window_comment=None, user="coord", reason=WHY, today=TODAY)


def dossier_import(db: Database, sid: str) -> None:
    import_dossier(db, load_dossier(db, sid, TODAY), user="coord", replace_reason=WHY, today=TODAY)


def odm_import(db: Database, sid: str) -> None:
    [rows] = next(iter_subject_rows(db, [sid]))
    import_odm(db, [rows], user="coord", reason=WHY, replace=True)


def lab_import(db: Database, sid: str) -> None:
    mapping = load_mapping(LAB_MAPPING)
    preview = preview_labs(db, [LabRow(2, sid, "2026-03-02", "24시간 요단백", "900", "mg/day")], mapping)
    assert [row.fate for row in preview.rows] == [NEW]  # a value W4 does not hold yet
    assert apply_labs(db, preview, {}, user="coord", reason=WHY) == 1


# Each write of subject `sid`, and whether it writes the subject's W4 visit (what a visit lock covers).
WRITES: dict[str, tuple[Callable[[Database, str], None], bool]] = {
    "visit save": (visit_save, True),
    "visit add": (visit_add, False),
    "log-row add": (log_row_add, False),
    "log-row edit": (log_row_edit, False),
    "log-row delete": (log_row_delete, False),
    "subject edit": (subject_edit, False),
    "infusion plan": (infusion_plan, False),
    "visit date": (visit_date, True),
    "dossier import (replace)": (dossier_import, True),
    "ODM import (replace)": (odm_import, True),
    "lab import": (lab_import, True),
}
SCOPES = ("database", "subject", "visit")


def _lock(db: Database, scope: str, subject_id: str) -> None:
    """The administrator locks, then the coordinator is signed in again."""
    coordinator, admin = db.signed_in, authenticate(db, "admin", PW["admin"])
    db.sign_in(admin)
    lock(db, admin, scope=scope, reason="monitoring visit done", subject_id=subject_id,
         visit_id=_w4(db, subject_id) if scope == "visit" else None)
    db.sign_in(coordinator)


def _dump(db: Database) -> dict[str, list[tuple]]:
    """Every row of every table (the audit trail included), for "nothing was written"."""
    return dump(db)


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("kind", list(WRITES))
def test_a_lock_refuses_the_writes_it_covers_and_nothing_is_written(study, scope, kind):
    write, touches_w4 = WRITES[kind]
    _lock(study, scope, "LN-01")
    before = _dump(study)
    if scope in ("database", "subject") or touches_w4:
        with pytest.raises(RecordLocked, match="is locked"):
            write(study, "LN-01")
        assert _dump(study) == before
    else:
        write(study, "LN-01")
        assert _dump(study)["audit_log"] != before["audit_log"]


@pytest.mark.parametrize("scope", ("subject", "visit"))
@pytest.mark.parametrize("kind", list(WRITES))
def test_a_lock_of_another_subject_or_visit_refuses_nothing(study, scope, kind):
    write, _ = WRITES[kind]
    _lock(study, scope, "LN-02")
    before = _dump(study)
    write(study, "LN-01")
    assert _dump(study)["audit_log"] != before["audit_log"]
