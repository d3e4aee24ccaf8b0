"""Handing the PC over: after signing out the user-name field is empty with the cursor in it, so the next person's
name is never taken for a password of the previous one; the sign-in window grows with its messages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt

from models.security import Role
from models.users import authenticate, create_first_administrator, create_user, user_info
from ui.shell.session import attach_session
from ui.shell.sign_in import SignInDialog


@pytest.fixture
def team(db):
    admin = create_first_administrator(db, "admin", "Park Admin", "admin-password-1")
    create_user(db, admin, "coord", "Lee Coordinator", Role.COORDINATOR, "coordinator-pass-1")
    create_user(db, admin, "inv", "Kim Investigator", Role.INVESTIGATOR, "investigator-pass-1")
    return admin


def test_sign_out_leaves_the_user_name_empty_with_the_cursor_in_it(qtbot, window, db, team) -> None:
    session = attach_session(window, authenticate(db, "coord", "coordinator-pass-1"))
    session.sign_out()
    dialog = session.sign_in_dialog
    qtbot.waitExposed(dialog)
    assert dialog.username.text() == ""
    qtbot.waitUntil(lambda: dialog.username.hasFocus())
    qtbot.keyClicks(dialog.username, "inv")  # the next person types where the cursor is
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.password, "investigator-pass-1")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not session.signed_out)
    assert session.actor.name == "inv"
    assert user_info(db, "coord").failed_attempts == 0
    session.idle_timer.stop()


def test_the_sign_in_window_grows_with_its_message(qtbot, db, team) -> None:
    dialog = SignInDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.say(" ".join(["The account is locked after too many wrong passwords; ask an administrator."] * 6))
    qtbot.wait(10)
    inside = QRect(0, 0, dialog.width(), dialog.height())
    message = dialog.message
    assert message.height() >= message.heightForWidth(message.width())
    assert inside.contains(message.geometry())
    assert inside.contains(dialog.ok_button.geometry().translated(dialog.ok_button.parentWidget().pos()))
