"""Account menu (change own password, sign out), an administrator's password reset with the forced change at the
next sign-in, and the idle sign-out time setting, by clicking and typing through the real widgets."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox

from models.security import Role
from models.settings import idle_minutes
from models.users import (
    MAX_FAILURES,
    SignInFailed,
    authenticate,
    create_first_administrator,
    create_user,
    must_change_password,
    user_info,
)
from ui.shell.main_window import MainWindow
from ui.shell.session import attach_session
from ui.shell.sign_in import SignInDialog
from ui.trust.account import ChangePasswordDialog
from ui.trust.account_admin import ResetPasswordDialog

from .conftest import close_without_questions, when_shown
from .test_register import fill_valid, open_register_dialog

SHOTS = Path("/tmp/shots")
ADMIN_PW, COORD_PW = "admin-password-1", "coordinator-pass-1"


@pytest.fixture
def team(db):
    admin = create_first_administrator(db, "admin", "Park Admin", ADMIN_PW)
    create_user(db, admin, "coord", "Lee Coordinator", Role.COORDINATOR, COORD_PW)
    create_user(db, admin, "inv", "김민수", Role.INVESTIGATOR, "investigator-pw-1")
    return admin


def _trail(db, table: str = "users") -> list[tuple]:
    with closing(sqlite3.connect(db.path)) as conn:
        return list(conn.execute("SELECT user, field, old_value, new_value, reason FROM audit_log "
                                 "WHERE table_name = ? ORDER BY id", (table,)))


def _choose(qtbot, window: MainWindow, action_name: str) -> None:
    """Open Account in the menu bar and click one of its entries."""
    menu: QMenu = window.account_menu.menu
    bar = window.menuBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible)
    action = getattr(window.account_menu, action_name)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible())


def _type(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def _click_ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_account_menu_shows_the_user_and_is_disabled_while_signed_out(qtbot, window, db, team) -> None:
    session = attach_session(window, authenticate(db, "coord", COORD_PW))
    menu = window.account_menu.menu
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "Signed in as Lee Coordinator (coord)", "&Change password...", "&Sign out"]
    bar = window.menuBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible)
    SHOTS.mkdir(exist_ok=True)
    menu.grab().save(str(SHOTS / "account_menu.png"))
    bar.grab().save(str(SHOTS / "account_menu_bar.png"))
    menu.hide()
    session.sign_out()
    assert not window.menuBar().isEnabled() and session.signed_out
    session.sign_in_dialog.reject()
    session.idle_timer.stop()


def test_change_own_password_refusals_by_field_then_success(qtbot, window, db, team) -> None:
    session = attach_session(window, authenticate(db, "coord", COORD_PW))
    _choose(qtbot, window, "change_password_action")
    dialog = window.account_menu.dialog
    assert isinstance(dialog, ChangePasswordDialog)
    qtbot.waitExposed(dialog)
    _type(qtbot, dialog.current, "wrong-password")
    _type(qtbot, dialog.new, "short")
    _type(qtbot, dialog.repeat, "shorter")
    _click_ok(qtbot, dialog)
    assert "at least 10 characters" in dialog.new_error.text() and dialog.new_error.isVisible()
    assert "differ" in dialog.repeat_error.text()
    assert not dialog.current_error.isVisible()  # the current password is not even tried: no attempt spent
    assert user_info(db, "coord").failed_attempts == 0
    _type(qtbot, dialog.new, "my-new-password-1")
    _type(qtbot, dialog.repeat, "my-new-password-1")
    _click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.current_error.text() == (
        f"The current password is wrong. {MAX_FAILURES - 1} attempt(s) left before the account is locked.")
    assert not dialog.new_error.isVisible() and not dialog.repeat_error.isVisible()
    # nothing typed is lost on refusal
    assert (dialog.current.text(), dialog.new.text(), dialog.repeat.text()) == (
        "wrong-password", "my-new-password-1", "my-new-password-1")
    assert dialog.current.hasSelectedText()  # retyping replaces the wrong one
    assert ("sign-in", "failed_attempts", "0", "1", "failed sign-in") in _trail(db)
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "account_change_password_refused.png"))
    qtbot.keyClicks(dialog.current, COORD_PW)
    qtbot.keyClick(dialog.current, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.statusBar().currentMessage() == "Password changed."
    with pytest.raises(SignInFailed):
        authenticate(db, "coord", COORD_PW)
    assert authenticate(db, "coord", "my-new-password-1").name == "coord"
    changed = [row for row in _trail(db) if row[4] == "password changed by its owner"]
    assert ("coord", "password_hash", "(secret, not recorded)", "(secret, not recorded)",
            "password changed by its owner") in changed
    session.idle_timer.stop()


def test_wrong_current_passwords_lock_the_account_and_sign_out_keeping_the_form(qtbot, window, db, team) -> None:
    session = attach_session(window, authenticate(db, "coord", COORD_PW))
    form = open_register_dialog(qtbot, window)
    fill_valid(qtbot, form)
    typed = form.form.raw_values()
    dialog = window.account_menu.change_password()
    qtbot.waitExposed(dialog)
    _type(qtbot, dialog.new, "my-new-password-1")
    _type(qtbot, dialog.repeat, "my-new-password-1")
    for _ in range(MAX_FAILURES):
        _type(qtbot, dialog.current, "wrong-password")
        _click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: session.signed_out)
    assert user_info(db, "coord").locked and db.signed_in is None
    assert not form.isVisible() and form.form.raw_values() == typed
    assert "locked" in session.sign_in_dialog.findChild(QLabel, "signInHeading").text()
    sign_in = session.sign_in_dialog
    assert sign_in.username.text() == ""  # the next person types their own name
    _type(qtbot, sign_in.username, "coord")
    _type(qtbot, sign_in.password, COORD_PW)
    sign_in.try_sign_in()
    assert session.signed_out and "locked" in sign_in.message.text()
    sign_in.reject()  # Cancel closes the window; the form's draft stays for the next start
    session.idle_timer.stop()


def test_sign_out_from_the_menu_and_back_in(qtbot, window, db, team) -> None:
    session = attach_session(window, authenticate(db, "coord", COORD_PW))
    _choose(qtbot, window, "sign_out_action")
    assert session.signed_out and db.signed_in is None
    assert not window.centralWidget().isVisible() and not window.menuBar().isEnabled()
    sign_in = session.sign_in_dialog
    assert sign_in.username.text() == ""
    assert sign_in.findChild(QLabel, "signInHeading").text().startswith("Signed out. Unsaved input is kept")
    SHOTS.mkdir(exist_ok=True)
    sign_in.grab().save(str(SHOTS / "account_signed_out.png"))
    qtbot.keyClicks(sign_in.username, "coord")
    qtbot.keyClicks(sign_in.password, COORD_PW)
    qtbot.keyClick(sign_in.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not session.signed_out)
    assert db.signed_in.name == "coord" and window.menuBar().isEnabled() and window.centralWidget().isVisible()
    assert session.idle_timer.isActive()
    session.idle_timer.stop()


def test_after_sign_out_a_draft_is_offered_only_to_who_typed_it(qtbot, window, db, team) -> None:
    session = attach_session(window, authenticate(db, "coord", COORD_PW))
    form = open_register_dialog(qtbot, window)
    fill_valid(qtbot, form)
    typed = form.form.raw_values()
    session.sign_out()  # what Account → Sign out does (a form open: the idle path, the same code)
    assert not form.isVisible()
    offered: list[str] = []

    def reopen(box: QMessageBox) -> None:
        offered.append(box.text())
        next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()

    sign_in = session.sign_in_dialog  # another person: nothing of coord's is offered
    _type(qtbot, sign_in.username, "inv")
    _type(qtbot, sign_in.password, "investigator-pw-1")
    when_shown(QMessageBox, reopen, timeout_ms=1000)
    qtbot.keyClick(sign_in.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: db.signed_in is not None and db.signed_in.name == "inv")
    qtbot.wait(1200)
    assert offered == [] and window.dialog is None and window.user == "inv"

    session.sign_out()  # coord comes back: the draft is offered with what was typed
    sign_in = session.sign_in_dialog
    sign_in.username.clear()
    _type(qtbot, sign_in.username, "coord")
    _type(qtbot, sign_in.password, COORD_PW)
    when_shown(QMessageBox, reopen)
    qtbot.keyClick(sign_in.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(offered) and window.dialog is not None and window.dialog.isVisible(), timeout=5000)
    assert "Registration of a new subject" in offered[0]
    assert window.dialog is not form and window.dialog.form.raw_values() == typed
    assert db.signed_in.name == "coord" and window.user == "coord"
    session.idle_timer.stop()


def test_administrator_sets_the_idle_time_and_it_applies_now_and_at_start(qtbot, window, db, team, drafts) -> None:
    session = attach_session(window, team)
    assert session.idle_timer.interval() == 15 * 60_000
    window.show_section("users")
    box = window.sections["users"].idle_box
    assert box.minutes.value() == 15
    box.minutes.lineEdit().selectAll()
    qtbot.keyClicks(box.minutes.lineEdit(), "1")
    qtbot.mouseClick(box.apply_button, Qt.MouseButton.LeftButton)
    assert session.idle_timer.interval() == 60_000 and session.idle_timer.isActive()
    assert idle_minutes(db) == 1 and "after 1 min without" in box.message.text()
    assert _trail(db, "settings")[0][0] == "admin"
    box.minutes.lineEdit().selectAll()
    qtbot.keyClicks(box.minutes.lineEdit(), "999")  # beyond the range: the spin box keeps at most 240
    assert box.minutes.value() <= 240
    box.minutes.setValue(1)
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "account_idle_time_setting.png"))
    session.idle_timer.stop()
    again = MainWindow(db, drafts=drafts, user=authenticate(db, "coord", COORD_PW))
    later = attach_session(again, authenticate(db, "coord", COORD_PW))  # the next start reads the stored setting
    assert later.idle_timer.interval() == 60_000
    assert "users" not in again.sections  # coordinators have no Users section (no setting either)
    later.idle_timer.stop()
    close_without_questions(again)


def test_a_new_account_is_a_coordinator_unless_another_role_is_chosen(qtbot, window, db, team) -> None:
    session = attach_session(window, team)
    section = window.sections["users"]
    window.show_section("users")
    assert section.role.currentData() == Role.COORDINATOR  # never an administrator by an overlooked default
    qtbot.keyClicks(section.username, "nurse")
    section.full_name.setText("정수진")
    qtbot.keyClicks(section.password, "nurse-password-1")
    qtbot.mouseClick(section.create_button, Qt.MouseButton.LeftButton)
    assert user_info(db, "nurse").role == Role.COORDINATOR
    # the administrator knows this password: the nurse replaces it with their own at the first sign-in
    assert must_change_password(db, "nurse") and "first sign-in" in section.message.text()
    session.idle_timer.stop()


def test_a_busy_database_refuses_a_new_account_plainly_and_keeps_the_form(qtbot, window, db, team) -> None:
    session = attach_session(window, team)
    section = window.sections["users"]
    window.show_section("users")
    qtbot.keyClicks(section.username, "nurse")
    qtbot.keyClicks(section.full_name, "Jung Nurse")
    qtbot.keyClicks(section.password, "nurse-password-1")
    other = sqlite3.connect(db.path, isolation_level=None)  # another program holds the write lock
    try:
        other.execute("BEGIN IMMEDIATE")
        qtbot.mouseClick(section.create_button, Qt.MouseButton.LeftButton)  # waits for SQLite's busy timeout
        assert "is busy" in section.message.text() and user_info(db, "nurse") is None
        assert (section.username.text(), section.password.text()) == ("nurse", "nurse-password-1")
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.mouseClick(section.create_button, Qt.MouseButton.LeftButton)
    assert user_info(db, "nurse") is not None
    session.idle_timer.stop()


def test_a_busy_database_refuses_reset_idle_time_and_password_change_plainly(qtbot, window, db, team) -> None:
    session = attach_session(window, team)
    section = window.sections["users"]
    window.show_section("users")
    section.table.selectRow([u.username for u in section.users].index("coord"))
    reset = section.reset_selected()
    qtbot.waitExposed(reset)
    _type(qtbot, reset.password, "temporary-pass-1")
    _type(qtbot, reset.repeat, "temporary-pass-1")
    _type(qtbot, reset.reason, "forgotten")
    other = sqlite3.connect(db.path, isolation_level=None)  # another program holds the write lock
    try:
        other.execute("BEGIN IMMEDIATE")
        _click_ok(qtbot, reset)  # each write waits for SQLite's busy timeout, then is refused
        assert "is busy" in reset.reason_error.text() and reset.isVisible()
        assert reset.password.text() == "temporary-pass-1" and not must_change_password(db, "coord")
        reset.reject()
        section.idle_box.minutes.setValue(5)
        qtbot.mouseClick(section.idle_box.apply_button, Qt.MouseButton.LeftButton)
        assert "is busy" in section.idle_box.message.text() and idle_minutes(db) == 15
        _choose(qtbot, window, "change_password_action")
        change = window.account_menu.dialog
        qtbot.waitExposed(change)
        _type(qtbot, change.current, ADMIN_PW)
        _type(qtbot, change.new, "admin-password-2")
        _type(qtbot, change.repeat, "admin-password-2")
        _click_ok(qtbot, change)
        assert "is busy" in change.repeat_error.text() and change.isVisible()
    finally:
        other.execute("ROLLBACK")
        other.close()
    _click_ok(qtbot, change)
    qtbot.waitUntil(lambda: not change.isVisible())
    assert authenticate(db, "admin", "admin-password-2").name == "admin"
    session.idle_timer.stop()


def test_a_deactivated_account_can_be_reactivated(qtbot, window, db, team) -> None:
    session = attach_session(window, team)
    section = window.sections["users"]
    window.show_section("users")
    section.table.selectRow([u.username for u in section.users].index("coord"))
    qtbot.mouseClick(section.deactivate_button, Qt.MouseButton.LeftButton)
    assert not user_info(db, "coord").active
    with pytest.raises(SignInFailed, match="deactivated"):
        authenticate(db, "coord", COORD_PW)
    section.table.selectRow([u.username for u in section.users].index("coord"))
    qtbot.mouseClick(section.reactivate_button, Qt.MouseButton.LeftButton)  # a slip is not final
    assert user_info(db, "coord").active and authenticate(db, "coord", COORD_PW).name == "coord"
    assert [r for r in _trail(db) if r[1] == "active"][-2:] == [
        ("admin", "active", "true", "false", "deactivated by an administrator"),
        ("admin", "active", "false", "true", "reactivated by an administrator")]
    session.idle_timer.stop()


def test_reset_password_refusals_then_forced_change_at_sign_in(qtbot, window, db, team) -> None:
    session = attach_session(window, team)
    section = window.sections["users"]
    window.show_section("users")
    row = [u.username for u in section.users].index("admin")
    section.table.selectRow(row)
    assert section.reset_selected() is None and "Account → Change password" in section.message.text()
    section.table.selectRow([u.username for u in section.users].index("coord"))
    qtbot.mouseClick(section.reset_button, Qt.MouseButton.LeftButton)
    dialog = section.reset_dialog
    assert isinstance(dialog, ResetPasswordDialog)
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.repeat, "temporary-pass-1")
    _click_ok(qtbot, dialog)
    assert "at least 10" in dialog.password_error.text() and "differ" in dialog.repeat_error.text()
    assert "reason is required" in dialog.reason_error.text()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "account_reset_password_refused.png"))
    _type(qtbot, dialog.password, "temporary-pass-1")
    qtbot.keyClicks(dialog.reason, "forgotten; identity checked in person")
    _click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert must_change_password(db, "coord") and "reset" in section.message.text()
    assert section.table.item(section.users.index(user_info(db, "coord")), 5).text() == "to be changed at next sign-in"
    session.idle_timer.stop()

    sign_in = SignInDialog(db)
    qtbot.addWidget(sign_in)
    sign_in.show()

    def cancel(change: ChangePasswordDialog) -> None:
        change.reject()

    when_shown(ChangePasswordDialog, cancel)
    qtbot.keyClicks(sign_in.username, "coord")
    qtbot.keyClicks(sign_in.password, "temporary-pass-1")
    qtbot.keyClick(sign_in.password, Qt.Key.Key_Return)
    assert sign_in.actor is None and "choose your own" in sign_in.message.text()
    shown: list[str] = []

    def choose(change: ChangePasswordDialog) -> None:
        assert not change.current.isVisible()
        qtbot.keyClicks(change.new, "temporary-pass-1")
        qtbot.keyClicks(change.repeat, "temporary-pass-1")
        change.try_change()  # the administrator's password may not be kept
        shown.append(change.new_error.text())
        change.grab().save(str(SHOTS / "account_forced_change.png"))
        _type(qtbot, change.new, "coords-own-pass-1")
        _type(qtbot, change.repeat, "coords-own-pass-1")
        _click_ok(qtbot, change)

    when_shown(ChangePasswordDialog, choose)
    qtbot.keyClicks(sign_in.password, "temporary-pass-1")
    qtbot.keyClick(sign_in.password, Qt.Key.Key_Return)
    assert shown == ["The new password must differ from the current one."]
    assert sign_in.actor is not None and sign_in.actor.name == "coord"
    assert not must_change_password(db, "coord")
    assert authenticate(db, "coord", "coords-own-pass-1").name == "coord"


def _sign_out_and_in(qtbot, window, session, username: str, password: str) -> None:
    _choose(qtbot, window, "sign_out_action")
    sign_in = session.sign_in_dialog
    _type(qtbot, sign_in.username, username)
    _type(qtbot, sign_in.password, password)
    qtbot.keyClick(sign_in.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not session.signed_out)


def test_administrator_sections_follow_the_user_who_signs_in(qtbot, window, db, team) -> None:
    session = attach_session(window, authenticate(db, "coord", COORD_PW))
    assert "users" not in window.sections
    _sign_out_and_in(qtbot, window, session, "admin", ADMIN_PW)
    assert {"users", "locks"} <= set(window.sections)
    bar, menu = window.menuBar(), window.account_menu.menu
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible)
    assert window.account_menu.who_action.text() == "Signed in as Park Admin (admin)"
    menu.hide()
    window.show_section("users")
    users_row = list(window.sections).index("users")
    assert window.sections["users"].reset_button.isEnabled()
    _sign_out_and_in(qtbot, window, session, "coord", COORD_PW)
    assert window.nav.item(users_row).isHidden() and window.nav.currentRow() != users_row
    assert not window.sections["users"].reset_button.isEnabled()
    assert not window.sections["users"].idle_box.isEnabled()
    _sign_out_and_in(qtbot, window, session, "admin", ADMIN_PW)
    assert not window.nav.item(users_row).isHidden() and window.sections["users"].reset_button.isEnabled()
    session.idle_timer.stop()


def test_administrator_changes_another_users_role_but_not_their_own(qtbot, window, db, team) -> None:
    from models.audit_trail import AuditFilter, audit_rows

    session = attach_session(window, team)
    section = window.sections["users"]
    window.show_section("users")
    section.table.selectRow(next(i for i, u in enumerate(section.users) if u.username == "coord"))
    section.new_role.setCurrentIndex(section.new_role.findData(Role.INVESTIGATOR))
    qtbot.mouseClick(section.role_button, Qt.MouseButton.LeftButton)
    assert user_info(db, "coord").role == Role.INVESTIGATOR and "now Investigator" in section.message.text()
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "account_users_role_changed.png"))
    rows = audit_rows(db, AuditFilter(user="admin", field="role"))
    assert any("Coordinator -> Investigator" in (row.reason or "") for row in rows)
    section.table.selectRow(next(i for i, u in enumerate(section.users) if u.username == "admin"))
    section.new_role.setCurrentIndex(section.new_role.findData(Role.MONITOR))
    qtbot.mouseClick(section.role_button, Qt.MouseButton.LeftButton)
    assert user_info(db, "admin").role == Role.ADMINISTRATOR and "own role" in section.message.text()
    session.idle_timer.stop()
