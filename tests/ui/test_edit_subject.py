"""Editing saved registration data asks for a reason for change, which reaches the audit trail."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from models.schema import AuditEntry
from models.subjects import get_subject
from tests.ui.conftest import activate, add_subject, type_text, when_shown
from tests.ui.test_register import type_into
from ui.shell.main_window import MainWindow
from ui.subjects.dialog import SubjectDialog
from ui.widgets.reason_dialog import ReasonDialog


def open_edit_dialog(qtbot, window: MainWindow) -> SubjectDialog:
    window.open_subject("LN-01")
    page = window.subjects.subject_page
    qtbot.mouseClick(page.registration.edit_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert dialog is not None and dialog.record is not None
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    return dialog


def weight_audit(db) -> list[tuple[str | None, str | None, str | None, str]]:
    query = select(AuditEntry.old_value, AuditEntry.new_value, AuditEntry.reason, AuditEntry.user).where(
        AuditEntry.action == "update", AuditEntry.field == "weight_kg"
    )
    with db.read() as session:
        return [tuple(row) for row in session.execute(query)]


def test_edit_asks_for_a_reason_and_audits_it(qtbot, window: MainWindow, db) -> None:
    add_subject(db)
    dialog = open_edit_dialog(qtbot, window)
    assert dialog.form.editors["initials"].text() == "김민지"
    type_into(qtbot, dialog, "weight_kg", "60,25")
    seen: list[bool] = []

    def give_reason(reason_dialog: ReasonDialog) -> None:
        seen.append(reason_dialog.ok_button.isEnabled())  # nothing typed yet: OK is disabled
        type_text(qtbot, reason_dialog.reason_edit, "체중 재측정 (re-weighed)")
        qtbot.mouseClick(reason_dialog.ok_button, Qt.MouseButton.LeftButton)

    when_shown(ReasonDialog, give_reason)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert seen == [False]
    assert get_subject(db, "LN-01").weight_kg == 60.25
    assert weight_audit(db) == [("58.5", "60.25", "체중 재측정 (re-weighed)", "tester")]
    weight = window.subjects.subject_page.registration.findChild(type(dialog.form.general_error), "weightValue")
    assert weight.text() == "60.25 kg"


def test_cancelled_reason_saves_nothing_and_keeps_the_form(qtbot, window: MainWindow, db) -> None:
    add_subject(db)
    dialog = open_edit_dialog(qtbot, window)
    type_into(qtbot, dialog, "weight_kg", "61")
    when_shown(ReasonDialog, lambda reason_dialog: reason_dialog.reject())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.form.editors["weight_kg"].text() == "61"
    assert get_subject(db, "LN-01").weight_kg == 58.5
    assert weight_audit(db) == []


def test_saving_without_changes_closes_without_asking(qtbot, window: MainWindow, db) -> None:
    add_subject(db)
    dialog = open_edit_dialog(qtbot, window)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert weight_audit(db) == []
