"""The administrator locks one visit through the Locks section's widgets; a coordinator's save of that visit is
refused by the storage layer until the administrator unlocks it with a reason; both are in the audit trail."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from models.audit_trail import AuditFilter, audit_rows
from models.demo_security import DEMO_ACCOUNTS
from models.errors import ReasonRequired
from models.locks import RecordLocked, active_locks
from models.users import authenticate
from models.visit_store import list_visits, load_visit, save_visit
from ui.shell.session import attach_session

from .conftest import DEMO_AS_OF, type_text

SHOTS = Path("/tmp/shots")
SUBJECT = "LC-01"


def _actor(db, username: str):
    return authenticate(db, username, next(pw for name, _, _, pw in DEMO_ACCOUNTS if name == username))


@pytest.fixture
def admin_locks(qtbot, demo_window, demo_db):
    session = attach_session(demo_window, _actor(demo_db, "admin"), demo=True)
    demo_window.show_section("locks")
    yield session, demo_window.sections["locks"]
    session.idle_timer.stop()
    session.backup_timer.stop()


def _choose(qtbot, combo, text: str) -> None:
    """Pick an entry as a person does: focus the list and type the start of its text."""
    combo.setFocus()
    qtbot.keyClicks(combo, text)


def _coordinator_saves(db, visit_id: int, comment: str) -> None:
    db.sign_in(_actor(db, "coordinator"))
    entry = load_visit(db, visit_id)
    save_visit(db, SUBJECT, dataclasses.replace(entry, comment=comment), user="coordinator",
               reason="comment added after the monitoring visit", today=DEMO_AS_OF)


def test_administrator_locks_and_unlocks_one_visit(qtbot, demo_db, admin_locks) -> None:
    session, locks = admin_locks
    w4 = next(v for v in list_visits(demo_db, SUBJECT) if v.code == "W4")
    w8 = next(v for v in list_visits(demo_db, SUBJECT) if v.code == "W8")
    assert not locks.visit_choice.isEnabled()  # "Whole database" first: no visit to choose
    _choose(qtbot, locks.subject_choice, SUBJECT)
    assert locks.subject_choice.currentData() == SUBJECT and locks.visit_choice.isEnabled()
    entries = [locks.visit_choice.itemText(i) for i in range(locks.visit_choice.count())]
    assert entries[0] == "Whole subject" and f"W4 {w4.date.isoformat()}" in entries
    _choose(qtbot, locks.visit_choice, "W4")
    assert locks.visit_choice.currentData() == w4.record_id
    qtbot.mouseClick(locks.lock_button, Qt.MouseButton.LeftButton)
    assert "reason is required" in locks.message.text() and active_locks(demo_db) == []
    locks.reason.setFocus()
    type_text(qtbot, locks.reason, "W4 source-verified; 모니터링 완료")
    qtbot.mouseClick(locks.lock_button, Qt.MouseButton.LeftButton)
    [held] = active_locks(demo_db)
    assert (held.scope, held.subject_id, held.visit_id) == ("visit", SUBJECT, w4.record_id)
    cells = [locks.table.item(0, c).text() for c in range(locks.table.columnCount())]
    assert cells[:4] == ["Visit", SUBJECT, f"W4 {w4.date.isoformat()}", "admin"]
    assert cells[5] == "W4 source-verified; 모니터링 완료"
    assert locks.reason.text() == "" and not locks.unlock_button.isEnabled()  # nothing selected yet
    SHOTS.mkdir(exist_ok=True)
    locks.window().grab().save(str(SHOTS / "home_locks_visit.png"))

    with pytest.raises(RecordLocked, match="Visit W4 of LC-01 is locked"):
        _coordinator_saves(demo_db, w4.record_id, "late note")
    _coordinator_saves(demo_db, w8.record_id, "W8 is not locked")  # the other visits stay open
    assert load_visit(demo_db, w8.record_id).comment == "W8 is not locked"
    assert load_visit(demo_db, w4.record_id).comment != "late note"

    demo_db.sign_in(session.actor)  # the administrator again
    locks.table.selectRow(0)
    assert locks.unlock_button.isEnabled()
    qtbot.mouseClick(locks.unlock_button, Qt.MouseButton.LeftButton)
    assert "reason is required" in locks.message.text() and len(active_locks(demo_db)) == 1
    locks.reason.setFocus()
    qtbot.keyClicks(locks.reason, "correction requested by the monitor")
    qtbot.mouseClick(locks.unlock_button, Qt.MouseButton.LeftButton)
    assert active_locks(demo_db) == [] and locks.table.rowCount() == 0

    _coordinator_saves(demo_db, w4.record_id, "late note")
    assert load_visit(demo_db, w4.record_id).comment == "late note"
    lock_rows = [r for r in audit_rows(demo_db, AuditFilter(subject_id=SUBJECT)) if r.table_name == "locks"]
    assert {(r.action, r.user, r.reason) for r in lock_rows} >= {
        ("insert", "admin", "W4 source-verified; 모니터링 완료"),
        ("update", "admin", "correction requested by the monitor")}
    saved = [r for r in audit_rows(demo_db, AuditFilter(subject_id=SUBJECT, field="comment"))
             if r.table_name == "visits" and r.record_id == w4.record_id]
    assert saved and saved[0].user == "coordinator" and saved[0].new_value == "late note"


def test_visit_lock_needs_a_reason_and_only_administrators_lock(qtbot, demo_db, admin_locks) -> None:
    session, locks = admin_locks
    _choose(qtbot, locks.subject_choice, "Whole")
    assert locks.subject_choice.currentData() == "database" and not locks.visit_choice.isEnabled()
    session._apply(_actor(demo_db, "coordinator"))
    locks.refresh()
    assert not locks.lock_button.isEnabled() and locks.lock_button.toolTip() == "Administrators only"
    with pytest.raises(ReasonRequired):
        from models.locks import lock

        lock(demo_db, _actor(demo_db, "admin"), scope="visit", visit_id=1, reason="  ")


def test_a_busy_database_refuses_the_lock_plainly_and_keeps_the_reason(qtbot, demo_db, admin_locks) -> None:
    import sqlite3

    session, locks = admin_locks
    _choose(qtbot, locks.subject_choice, SUBJECT)
    locks.reason.setFocus()
    type_text(qtbot, locks.reason, "database lock for the interim analysis")
    other = sqlite3.connect(demo_db.path, isolation_level=None)  # another program holds the write lock
    try:
        other.execute("BEGIN IMMEDIATE")
        qtbot.mouseClick(locks.lock_button, Qt.MouseButton.LeftButton)  # waits for SQLite's busy timeout
        assert "is busy" in locks.message.text() and active_locks(demo_db) == []
        assert locks.reason.text() == "database lock for the interim analysis"
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.mouseClick(locks.lock_button, Qt.MouseButton.LeftButton)
    [held] = active_locks(demo_db)
    assert (held.scope, held.subject_id) == ("subject", SUBJECT)
