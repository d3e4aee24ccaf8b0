"""Sign-in, first administrator, idle sign-out that keeps unsaved input, audit viewer and backups, by clicking
and typing through the real widgets."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from models.audit_trail import AuditFilter, audit_rows
from models.backup import list_backups
from models.demo_security import DEMO_ACCOUNTS
from models.security import Role
from models.subjects import get_subject
from models.users import authenticate, create_first_administrator, create_user
from ui.shell.session import attach_session
from ui.shell.sign_in import FirstAdministratorDialog, SignInDialog
from ui.trust.audit_viewer import AuditViewer

from .conftest import add_subject, lock_elsewhere
from .test_register import fill_valid, open_register_dialog

SHOTS = Path("/tmp/shots")
PW = "coordinator-pass-1"


@pytest.fixture
def team(db):
    admin = create_first_administrator(db, "admin", "Park Admin", "admin-password-1")
    create_user(db, admin, "coord", "Lee Coordinator", Role.COORDINATOR, PW)
    create_user(db, admin, "mon", "Choi Monitor", Role.MONITOR, "monitor-pass-12")
    return admin


def _sign_in(qtbot, dialog: SignInDialog, username: str, password: str) -> None:
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, username)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_sign_in_refuses_wrong_empty_and_sql_looking_passwords_then_accepts(qtbot, db, team) -> None:
    dialog = SignInDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    for password in ("wrong-password", "", "' OR '1'='1' --"):
        _sign_in(qtbot, dialog, "coord", password)
        assert dialog.actor is None and dialog.isVisible()
        assert "Wrong user name or password" in dialog.message.text()
        assert dialog.password.text() == ""
    dialog.password.setText("x" * 10_000_000)  # a 10 MB paste is cut by the field, refused, no crash
    dialog.try_sign_in()
    assert dialog.actor is None
    _sign_in(qtbot, dialog, "coord", PW)
    assert dialog.actor is not None and dialog.actor.role is Role.COORDINATOR
    assert dialog.findChild(QLabel, "demoAccounts") is None


def test_demo_accounts_are_listed_only_when_given(qtbot, db, team) -> None:
    dialog = SignInDialog(db, DEMO_ACCOUNTS)
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.findChild(QLabel, "demoAccounts")
    assert box is not None and "demo-coord-2026" in box.text()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "h11_sign_in_demo.png"))


def test_first_administrator_dialog(qtbot, db) -> None:
    dialog = FirstAdministratorDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.full_name, "Park Admin")
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.repeat, "short")
    dialog.try_create()
    assert "at least 10 characters" in dialog.message.text() and dialog.actor is None
    dialog.repeat.setText("different-password")
    dialog.try_create()
    assert "differ" in dialog.message.text()
    dialog.password.setText("a-long-password")
    dialog.repeat.setText("a-long-password")
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "h11_first_admin.png"))
    dialog.try_create()
    assert dialog.actor is not None and dialog.actor.role is Role.ADMINISTRATOR


def test_idle_sign_out_keeps_unsaved_input_and_returns_to_it(qtbot, window, db, team) -> None:
    from models.users import authenticate

    session = attach_session(window, authenticate(db, "coord", PW), idle_minutes=1)  # signed out below, once typed
    dialog = open_register_dialog(qtbot, window)
    fill_valid(qtbot, dialog)
    typed = dialog.form.raw_values()
    session.idle_timer.setInterval(300)
    session.idle_timer.start()
    qtbot.waitUntil(lambda: session.signed_out, timeout=5000)
    assert not dialog.isVisible() and db.signed_in is None
    assert not window.centralWidget().isVisible()
    sign_in = session.sign_in_dialog
    assert sign_in.username.text() == ""
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "h11_idle_signed_out.png"))
    _sign_in(qtbot, sign_in, "coord", "wrong-password")
    assert session.signed_out and "Wrong" in sign_in.message.text()
    _sign_in(qtbot, sign_in, "coord", PW)
    qtbot.waitUntil(lambda: dialog.isVisible())
    assert dialog.form.raw_values() == typed
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [h.changed_by for h in get_subject(db, "LN-03").history] == ["coord"]
    assert {r.user for r in audit_rows(db, AuditFilter(subject_id="LN-03"))} == {"coord"}
    session.idle_timer.stop()


def test_audit_viewer_filters_exports_and_verifies(qtbot, db, team, tmp_path) -> None:
    db.sign_in(authenticate(db, "coord", PW))
    add_subject(db)
    add_subject(db, subject_id="LC-01", screening_number="S-002", subgroup="LC", initials="이서연")
    viewer = AuditViewer(db)
    qtbot.addWidget(viewer)
    viewer.resize(1100, 500)
    viewer.show()
    assert viewer.model.rowCount() >= 6
    viewer.subject.setEditText("LC-01")
    viewer.refresh()
    assert {r.subject_id for r in viewer.model.rows} == {"LC-01"}
    out = tmp_path / "audit.csv"
    assert viewer.export_to(out) == viewer.model.rowCount()
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["subject_id"] == "LC-01" and "이서연" in rows[-1]["new_value"]
    viewer.subject.setEditText("")
    viewer.user.setEditText("admin")
    viewer.field.setText("'; DROP TABLE audit_log; --")
    viewer.refresh()
    assert viewer.model.rowCount() == 0
    viewer.field.setText("")
    viewer.refresh()
    qtbot.mouseClick(viewer.verify_button, Qt.MouseButton.LeftButton)
    assert "intact" in viewer.status.text()
    SHOTS.mkdir(exist_ok=True)
    viewer.grab().save(str(SHOTS / "h11_audit_viewer.png"))


def test_backup_section_backs_up_and_only_administrators_restore(qtbot, window, db, team) -> None:
    from models.users import authenticate

    session = attach_session(window, authenticate(db, "coord", PW))
    panel = window.sections["backups"]
    assert str(db.path.parent / "backups") in panel.location.text()
    assert not panel.restore_button.isEnabled() and not panel.keep.isEnabled()
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.rowCount() >= 1)
    assert list_backups(db.path)
    session._apply(authenticate(db, "admin", "admin-password-1"))
    panel.refresh()
    assert panel.restore_button.isEnabled()
    window.show_section("backups")
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "h11_backups.png"))
    session.idle_timer.stop()


@pytest.fixture
def demo_db(tmp_path):
    from models.database import open_database
    from models.demo import write_demo_database

    path = tmp_path / "demo.sqlite3"
    write_demo_database(path, n_subjects=10, seed=1, status_examples=False)
    database = open_database(path, create=False)
    yield database
    database.close()


def _demo_window(qtbot, demo_db, tmp_path, username: str):
    from models.users import authenticate
    from ui.drafts import DraftStore
    from ui.shell.main_window import MainWindow

    password = next(pw for name, _, _, pw in DEMO_ACCOUNTS if name == username)
    actor = authenticate(demo_db, username, password)
    window = MainWindow(demo_db, demo=True, drafts=DraftStore(tmp_path / "drafts"), user=actor)
    session = attach_session(window, actor, demo=True)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    return window, session, password


def test_investigator_signs_from_the_to_sign_list(qtbot, demo_db, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.trust.signatures import SignDialog

    asked: list[str] = []  # LN-02 D0 has an answered query: signing asks first
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **_k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)

    window, session, password = _demo_window(qtbot, demo_db, tmp_path, "investigator")
    section = window.sections["signatures"]
    window.show_section("signatures")
    first = section.items[0]
    assert first.subject_id == "LN-02" and first.previously_signed  # changed after signing: on top
    section.table.selectRow(0)
    assert "INVALIDATED" in section.history.text() and "transcription error" in section.history.text()
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "h11_to_sign_list.png"))
    dialog = section.sign_selected()
    assert isinstance(dialog, SignDialog)
    qtbot.keyClicks(dialog.password, "wrong-password")
    dialog.try_sign()
    assert dialog.isVisible() and "Wrong" in dialog.message.text()
    qtbot.keyClicks(dialog.password, password)
    dialog.grab().save(str(SHOTS / "h11_sign_dialog.png"))
    dialog.try_sign()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert asked and "1 answered" in asked[-1]
    assert all(not (i.subject_id == first.subject_id and i.visit_id == first.visit_id) for i in section.items)
    assert "Electronically signed by Dr 김민수" in section.history.text()
    window.grab().save(str(SHOTS / "h11_signed_visit.png"))
    session.idle_timer.stop()
    window.close()


def test_sign_dialog_asks_only_for_the_password_and_says_so(qtbot, demo_db, tmp_path) -> None:
    from models.signatures import valid_signature
    from models.users import MAX_FAILURES

    window, session, password = _demo_window(qtbot, demo_db, tmp_path, "investigator")
    section = window.sections["signatures"]
    window.show_section("signatures")
    row = next(r for r, i in enumerate(section.items) if i.visit_id is not None and not i.previously_signed)
    item = section.items[row]
    section.table.selectRow(row)
    dialog = section.sign_selected()
    dialog.try_sign()  # nothing typed: not counted as a failed attempt
    assert dialog.message.text() == "Enter your password to sign."
    qtbot.keyClicks(dialog.password, "wrong-password")
    dialog.try_sign()
    assert dialog.message.text() == f"Wrong password. {MAX_FAILURES - 1} attempt(s) left before the account is locked."
    lock_elsewhere(demo_db, scope="database", reason="database lock")  # signing locked data is allowed
    demo_db.sign_in(session.actor)
    qtbot.keyClicks(dialog.password, password)
    dialog.try_sign()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert valid_signature(demo_db, item.subject_id, item.visit_id) is not None
    session.idle_timer.stop()
    window.close()


def test_monitor_and_coordinator_work_a_query_thread(qtbot, demo_db, tmp_path) -> None:
    from models.queries import raise_query
    from models.users import authenticate

    window, session, _ = _demo_window(qtbot, demo_db, tmp_path, "monitor")
    section = window.sections["queries"]
    window.show_section("queries")
    assert section.queries[0].status == "open"
    assert not section.answer_button.isEnabled()
    nav_row = list(window.sections).index("queries")
    assert window.nav.item(nav_row).text() == "Queries" and window.counts.count("queries") == 4
    guidance = section.findChild(QLabel, "queryGuidance")
    assert guidance is not None and "⚑" in guidance.text()
    visit_id = section.queries[0].record_id
    new = raise_query(demo_db, session.actor, subject_id="LN-03", table="visits", record_id=visit_id, field="date",
                      label="", text="Please confirm the visit date against the clinic note. 확인 부탁드립니다.")
    window.events.queries_changed.emit("LN-03")  # what the form's query dialog announces
    assert window.counts.count("queries") == 5
    section.refresh(select_id=new.query_id)
    assert section.selected().query_id == new.query_id
    assert "Visit date" in section.thread.text() and "확인 부탁드립니다" in section.thread.text()
    session._apply(authenticate(demo_db, "coordinator", "demo-coord-2026"))
    section.refresh(select_id=new.query_id)
    assert section.answer_button.isEnabled() and not section.close_button.isEnabled()
    section.reply.setPlainText("'; DROP TABLE queries; -- (date checked, it is right)")
    with qtbot.waitSignal(window.events.queries_changed):
        qtbot.mouseClick(section.answer_button, Qt.MouseButton.LeftButton)
    assert section.selected().status == "answered"
    session._apply(authenticate(demo_db, "monitor", "demo-monitor-2026"))
    section.refresh(select_id=new.query_id)
    section.reply.setPlainText("Thank you, closed.")
    qtbot.mouseClick(section.close_button, Qt.MouseButton.LeftButton)
    assert section.selected().status == "closed"
    assert [m.status for m in section.selected().messages] == ["open", "answered", "closed"]
    answered = next(i for i, q in enumerate(section.queries) if q.subject_id == "LN-02" and q.status == "answered")
    section.table.selectRow(answered)
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "h11_query_thread.png"))
    session.idle_timer.stop()
    window.close()


def test_queries_section_busy_database_keeps_the_answer_and_says_why(qtbot, demo_db, tmp_path) -> None:
    import sqlite3

    window, session, _ = _demo_window(qtbot, demo_db, tmp_path, "coordinator")
    section = window.sections["queries"]
    window.show_section("queries")
    row = next(i for i, q in enumerate(section.queries) if q.status == "open")
    section.table.selectRow(row)
    assert section.reply.placeholderText() == "Your answer"  # a coordinator cannot close or re-open
    section.reply.setPlainText("원본 확인함: value is right.")
    other = sqlite3.connect(demo_db.path, isolation_level=None)  # another program holds the write lock
    try:
        other.execute("BEGIN IMMEDIATE")
        qtbot.mouseClick(section.answer_button, Qt.MouseButton.LeftButton)  # waits for the busy timeout
        assert "is busy" in section.findChild(QLabel, "queryMessage").text()
        assert section.reply.toPlainText() == "원본 확인함: value is right."
    finally:
        other.execute("ROLLBACK")
        other.close()
    query_id = section.selected().query_id
    qtbot.mouseClick(section.answer_button, Qt.MouseButton.LeftButton)
    assert next(q for q in section.queries if q.query_id == query_id).status == "answered"
    session.idle_timer.stop()
    window.close()


def test_administrator_locks_a_subject_and_the_coordinator_cannot_change_it(qtbot, demo_db, tmp_path) -> None:
    from models.locks import RecordLocked
    from models.subjects import save_subject
    from models.users import authenticate

    window, session, _ = _demo_window(qtbot, demo_db, tmp_path, "admin")
    locks = window.sections["locks"]
    users = window.sections["users"]
    assert [u.username for u in users.users] == ["admin", "coordinator", "investigator", "monitor"]
    locks.subject_choice.setCurrentIndex(locks.subject_choice.findData("LN-01"))
    locks.lock_button.click()
    assert "reason is required" in locks.message.text() and locks.locks == []
    qtbot.keyClicks(locks.reason, "monitoring of LN-01 complete")
    locks.lock_button.click()
    assert [info.label for info in locks.locks] == ["Subject LN-01"]
    window.show_section("locks")
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "h11_locks.png"))
    demo_db.sign_in(authenticate(demo_db, "coordinator", "demo-coord-2026"))
    record = get_subject(demo_db, "LN-01")
    with pytest.raises(RecordLocked):
        save_subject(demo_db, dataclasses.replace(record.to_input(), notes="late note"), user="x", reason="late")
    session._apply(authenticate(demo_db, "admin", "demo-admin-2026"))
    locks.table.selectRow(0)
    qtbot.keyClicks(locks.reason, "correction requested by the monitor")
    locks.unlock_button.click()
    assert locks.locks == []
    session.idle_timer.stop()
    window.close()


def test_sign_in_with_the_database_busy_says_so_and_keeps_the_password(qtbot, db, team) -> None:
    import sqlite3

    dialog = SignInDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    other = sqlite3.connect(db.path, isolation_level=None)  # another program holds the write lock
    try:
        other.execute("BEGIN IMMEDIATE")
        _sign_in(qtbot, dialog, "coord", "wrong-password")  # the failure counter cannot be written
        assert dialog.actor is None and dialog.isVisible()
        assert "Not signed in" in dialog.message.text() and "busy" in dialog.message.text()
        assert dialog.password.text() == "wrong-password"
    finally:
        other.execute("ROLLBACK")
        other.close()
    dialog.password.clear()
    _sign_in(qtbot, dialog, "coord", PW)
    assert dialog.actor is not None
