"""Editing saved registration data asks for a reason for change, which reaches the audit trail."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import Qt
from sqlalchemy import select

from models.database import open_database
from models.schema import AuditEntry
from models.subjects import get_subject, save_subject
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


def test_a_save_after_another_pc_saved_the_subject_is_refused_keeping_the_typing(qtbot, window: MainWindow,
                                                                                 db) -> None:
    add_subject(db)
    dialog = open_edit_dialog(qtbot, window)
    other_pc = open_database(db.path, create=False)  # a second connection to the same file, as another PC's
    try:
        theirs = replace(get_subject(other_pc, "LN-01").to_input(), weight_kg=70.0)
        save_subject(other_pc, theirs, user="ana", reason="re-weighed on the ward")
    finally:
        other_pc.close()
    type_into(qtbot, dialog, "weight_kg", "60,25")
    when_shown(ReasonDialog, lambda reason_dialog: (type_text(qtbot, reason_dialog.reason_edit, "re-weighed"),
                                                    reason_dialog.accept()))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    refusal = dialog.refusal.text()
    assert dialog.refusal.isVisibleTo(dialog)
    assert re.search(r"ana changed this subject record at \d{4}-\d\d-\d\d \d\d:\d\d \w+", refusal), refusal
    assert "nothing was saved" in refusal
    assert dialog.form.editors["weight_kg"].text() == "60,25"  # what was typed stays
    assert get_subject(db, "LN-01").weight_kg == 70.0  # the other PC's save stands
    assert [row[1] for row in weight_audit(db)] == ["70.0"]
