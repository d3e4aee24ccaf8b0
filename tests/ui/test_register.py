"""Registering a subject by typing into the form, and refused saves that keep what was typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from models.subjects import get_subject, list_subjects
from tests.ui.conftest import activate, add_subject, type_text
from ui.shell.main_window import MainWindow
from ui.subjects.dialog import REGISTER_DRAFT_KEY, SubjectDialog


def open_register_dialog(qtbot, window: MainWindow) -> SubjectDialog:
    window.show_subject_list()
    qtbot.mouseClick(window.subjects.list_page.register_button, Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    return dialog


def type_into(qtbot, dialog: SubjectDialog, key: str, text: str) -> None:
    editor = dialog.form.editors[key]
    if isinstance(editor, QComboBox):
        index = editor.findData(text)
        assert index >= 0, (key, text)
        editor.setFocus()
        editor.setCurrentIndex(index)
        return
    assert isinstance(editor, (QLineEdit, QPlainTextEdit))
    editor.setFocus()
    if isinstance(editor, QLineEdit):
        editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)


def fill_valid(qtbot, dialog: SubjectDialog) -> None:
    for key, text in (
        ("screening_number", "S-010"), ("subject_id", "ln-03"), ("initials", "김민지"), ("subgroup", "LN"),
        ("sex", "F"), ("birth_date", "19900412"), ("weight_kg", "58,5"), ("consent_date", "2026-01-05"),
        ("notes", "한글 메모: 첫 방문"),
    ):
        type_into(qtbot, dialog, key, text)


def test_register_a_subject_by_typing(qtbot, window: MainWindow, db, drafts) -> None:
    dialog = open_register_dialog(qtbot, window)
    fill_valid(qtbot, dialog)
    assert dialog.form.editors["birth_date"].text() == "1990-04-12"  # 19900412 is shown back as ISO

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: not dialog.isVisible())
    record = get_subject(db, "LN-03")
    assert (record.screening_number, record.initials, record.weight_kg) == ("S-010", "김민지", 58.5)
    assert record.birth_date.isoformat() == "1990-04-12" and record.notes == "한글 메모: 첫 방문"
    assert [h.changed_by for h in record.history] == ["tester"]
    assert window.subjects.list_page.visible_subject_ids() == ["LN-03"]
    assert window.subjects.currentWidget() is window.subjects.subject_page
    assert window.subjects.subject_page.record.subject_id == "LN-03"
    assert drafts.load(REGISTER_DRAFT_KEY) is None


def test_refused_save_shows_messages_beside_fields_and_keeps_input(qtbot, window: MainWindow, db) -> None:
    add_subject(db, subject_id="LN-01", screening_number="S-001")
    dialog = open_register_dialog(qtbot, window)
    fill_valid(qtbot, dialog)
    type_into(qtbot, dialog, "subject_id", "LN-01")  # already used
    type_into(qtbot, dialog, "birth_date", "2015-02-03")  # under 18 at consent
    type_into(qtbot, dialog, "weight_kg", "300")
    type_into(qtbot, dialog, "status_date", "2026-13-45")  # not a date
    typed = dialog.form.raw_values()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    errors = dialog.form.errors()
    assert set(errors) == {"subject_id", "birth_date", "weight_kg", "status_date"}
    assert "already used" in errors["subject_id"]
    assert "25" in errors["weight_kg"] and "250" in errors["weight_kg"]
    assert "at least 18" in errors["birth_date"]
    assert "month 13 does not exist" in errors["status_date"]
    label = dialog.form.fields["weight_kg"].error_label
    assert label.isVisible() and label.text() == errors["weight_kg"]
    assert dialog.form.raw_values() == typed
    assert [row.subject_id for row in list_subjects(db)] == ["LN-01"]

    type_into(qtbot, dialog, "subject_id", "LN-02")
    type_into(qtbot, dialog, "birth_date", "1985-02-03")
    type_into(qtbot, dialog, "weight_kg", "61.2")
    type_into(qtbot, dialog, "status_date", "2026-02-01")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert get_subject(db, "LN-02").weight_kg == 61.2


def test_withdrawal_fields_appear_for_withdrawn_status_and_are_required(qtbot, window: MainWindow, db) -> None:
    dialog = open_register_dialog(qtbot, window)
    fill_valid(qtbot, dialog)
    reason_field = dialog.form.fields["withdrawal_reason"]
    assert not reason_field.isVisible()
    type_into(qtbot, dialog, "status", "withdrawn")
    assert reason_field.isVisible()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert set(dialog.form.errors()) == {"withdrawal_date", "withdrawal_reason"}

    type_into(qtbot, dialog, "withdrawal_date", "2026-03-01")
    type_into(qtbot, dialog, "withdrawal_reason", "동의 철회 (consent withdrawn)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    record = get_subject(db, "LN-03")
    assert record.status == "withdrawn" and record.withdrawal_date.isoformat() == "2026-03-01"
    assert record.history[-1].status_date.isoformat() == "2026-03-01"
