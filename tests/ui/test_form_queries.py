"""Queries and SDV beside the fields of the visit and log forms, the signature line, read-only forms (lock, role)
and storage refusals at save — clicking and typing through the real widgets on the demo database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from sqlalchemy import select

from models import schema as s
from models.demo_security import DEMO_ACCOUNTS
from models.queries import ANSWERED, OPEN, list_queries, verified_fields
from models.subject_records import list_rows
from models.subjects import get_subject
from models.users import authenticate
from models.visit_store import load_visit
from tests.ui.conftest import close_without_questions, lock_elsewhere, type_text, when_shown
from ui.entry.dialog import EntryDialog
from ui.entry.field_notes import FieldNotesDialog
from ui.entry.visit_editor import VisitEditor, draft_key, open_visit_editor
from ui.logs.record_editor import RecordEditor
from ui.logs.record_table import open_record_editor
from ui.logs.tabs import spec_for
from ui.shell.main_window import MainWindow
from ui.widgets.reason_dialog import ReasonDialog

SHOTS = Path("/tmp/shots")
PASSWORDS = {name: pw for name, _full, _role, pw in DEMO_ACCOUNTS}


@pytest.fixture
def window(qtbot, demo_window: MainWindow):
    yield demo_window
    for form in demo_window.findChildren(EntryDialog):
        form.initial_raw = form.raw()
    close_without_questions(demo_window)


def sign_in(db, name: str):
    actor = authenticate(db, name, PASSWORDS[name])
    db.sign_in(actor)
    return actor


def visits_of(db, subject_id: str) -> list[int]:
    with db.read() as session:
        return list(session.scalars(select(s.Visit.id).join(s.Subject).where(
            s.Subject.subject_id == subject_id, s.Visit.date.is_not(None)).order_by(s.Visit.date)))


def open_visit(qtbot, window: MainWindow, subject_id: str, visit_id: int) -> VisitEditor:
    editor = open_visit_editor(window, subject_id, record_id=visit_id)
    qtbot.waitExposed(editor)
    return editor


def marker_text(form: EntryDialog, key: str) -> str:
    """What the marker beside a field says ("" when there is none or it is hidden)."""
    assert form.notes is not None
    marker = form.notes.markers.get(key)
    if marker is None or marker.isHidden():
        return ""
    return " ".join(b.text() for b in (marker.query, marker.sdv) if not b.isHidden())


def right_click_menu(qtbot, widget: QWidget) -> None:
    """Right-click `widget` and choose "Queries and source verification…" in the menu that opens."""

    def choose(menu: QWidget) -> None:
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.objectName() == "fieldNotesAction")
        menu.close()
        action.trigger()

    when_shown(QMenu, choose)
    centre = widget.rect().center()
    QApplication.sendEvent(widget, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre,
                                                     widget.mapToGlobal(centre)))


def field_dialog(qtbot, form: EntryDialog) -> FieldNotesDialog:
    assert form.notes is not None
    qtbot.waitUntil(lambda: form.notes.dialog is not None and form.notes.dialog.isVisible())
    return form.notes.dialog


def click(qtbot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_monitor_reads_a_signed_visit_raises_a_query_and_marks_sdv(qtbot, window, demo_db) -> None:
    sign_in(demo_db, "monitor")
    visit_id = visits_of(demo_db, "LN-02")[1]  # signed, changed after (signature invalidated), weight query answered
    editor = open_visit(qtbot, window, "LN-02", visit_id)
    assert editor.read_only and not editor.save_button.isEnabled()
    assert editor.banner.text() == "Read-only: a monitor cannot change clinical data."
    assert "invalidated by a change on" in editor.signature_line.text()
    assert "back on the to-sign list" in editor.signature_line.text()
    assert marker_text(editor, "weight_kg") == "⚑ Answered"
    assert marker_text(editor, "hemoglobin_g_dl") == ""

    weight = editor.vitals.rows["weight_kg"].editor
    before = weight.text()
    assert weight.isReadOnly()
    weight.setFocus()
    type_text(qtbot, weight, "99")
    rash = editor.sledai.boxes["rash"]
    was = rash.isChecked()
    click(qtbot, rash)
    assert weight.text() == before and rash.isChecked() == was and not editor.has_changes()
    for key in (Qt.Key.Key_D, Qt.Key.Key_N):  # the row shortcuts change nothing either
        qtbot.keyClick(editor.hematology.rows["wbc_10e9_l"].editor, key, Qt.KeyboardModifier.ControlModifier)
    assert not editor.has_changes()

    row = editor.hematology.rows["hemoglobin_g_dl"]
    right_click_menu(qtbot, row.label)
    dialog = field_dialog(qtbot, editor)
    assert dialog.raise_button.isVisible() and dialog.verify_button.isVisible()
    assert not dialog.answer_button.isVisible()
    type_text(qtbot, dialog.reply, "원본 검사지의 헤모글로빈 값과 다릅니다 (differs from the lab report).")
    click(qtbot, dialog.raise_button)
    qtbot.waitUntil(lambda: marker_text(editor, "hemoglobin_g_dl") == "⚑ Query open")
    query = list_queries(demo_db, table="visits", record_id=visit_id)[0]
    assert (query.field, query.status, query.raised_by) == ("hemoglobin_g_dl", OPEN, "monitor")
    assert query.messages[0].text.startswith("원본 검사지의")
    assert "원본 검사지의" in dialog.thread.toPlainText()

    click(qtbot, dialog.verify_button)
    saved = editor.saved_value("hemoglobin_g_dl")
    mark = verified_fields(demo_db, "LN-02")[("visits", visit_id, "hemoglobin_g_dl")]
    assert mark.value_text == saved and mark.verified_by == "monitor" and saved.endswith(" g/L")
    assert "✓ SDV monitor " in marker_text(editor, "hemoglobin_g_dl")
    assert "⚑ Query open" in marker_text(editor, "hemoglobin_g_dl")
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "forms_field_dialog.png"))
    click(qtbot, dialog.findChild(QWidget, "doneButton"))
    editor.scroll.ensureWidgetVisible(row.editor)
    qtbot.wait(300)  # the endpoint panel fills right after opening
    editor.grab().save(str(SHOTS / "forms_visit_markers.png"))


def test_monitor_is_told_what_to_write_to_reopen_or_close_and_the_thread_keeps_it_all(qtbot, window, demo_db) -> None:
    sign_in(demo_db, "monitor")
    visit_id = visits_of(demo_db, "LN-02")[1]  # the demo's answered weight query
    editor = open_visit(qtbot, window, "LN-02", visit_id)
    click(qtbot, editor.notes.markers["weight_kg"].query)
    dialog = field_dialog(qtbot, editor)
    assert "answer" not in dialog.reply.placeholderText()  # a monitor cannot answer
    click(qtbot, dialog.reopen_button)  # nothing typed
    assert dialog.message.text() == "Write why the query is re-opened."
    click(qtbot, dialog.close_query_button)
    assert dialog.message.text() == "Write a closing note."
    type_text(qtbot, dialog.reply, "원본 재확인 요청: please send the scale log.")
    click(qtbot, dialog.reopen_button)
    qtbot.waitUntil(lambda: marker_text(editor, "weight_kg") == "⚑ Query open")
    type_text(qtbot, dialog.reply, "Closed: scale log seen, 확인 완료.")
    click(qtbot, dialog.close_query_button)
    qtbot.waitUntil(lambda: marker_text(editor, "weight_kg") == "⚑ Closed")
    query = list_queries(demo_db, table="visits", record_id=visit_id)[0]
    assert [m.status for m in query.messages] == [OPEN, ANSWERED, OPEN, "closed"]
    assert "확인했습니다" in dialog.thread.toPlainText() and "확인 완료" in dialog.thread.toPlainText()
    assert not dialog.reopen_button.isEnabled() and not dialog.close_query_button.isEnabled()


def test_coordinator_answers_an_open_query_beside_the_field(qtbot, window, demo_db) -> None:
    sign_in(demo_db, "coordinator")
    visit_id = visits_of(demo_db, "LN-03")[-1]  # the demo's open query on the visit date
    editor = open_visit(qtbot, window, "LN-03", visit_id)
    assert not editor.read_only and editor.banner.isHidden()
    assert marker_text(editor, "date") == "⚑ Query open"
    click(qtbot, editor.notes.markers["date"].query)
    dialog = field_dialog(qtbot, editor)
    click(qtbot, dialog.findChild(QWidget, "doneButton"))
    assert open_visit_editor(window, "LN-03", record_id=visit_id, field="date") is editor  # as the home screen does
    dialog = field_dialog(qtbot, editor)
    assert dialog.key == "date"
    assert dialog.answer_button.isVisible() and not dialog.raise_button.isVisible()
    assert not dialog.verify_button.isVisible()
    assert "outside its window" in dialog.thread.toPlainText()
    click(qtbot, dialog.answer_button)  # nothing typed: refused with a message
    assert dialog.message.text() == "Write the answer."
    type_text(qtbot, dialog.reply, "날짜 확인함: the patient came late (source checked).")
    click(qtbot, dialog.answer_button)
    qtbot.waitUntil(lambda: marker_text(editor, "date") == "⚑ Answered")
    query = list_queries(demo_db, table="visits", record_id=visit_id)[0]
    assert query.status == ANSWERED and query.messages[-1].author == "coordinator"
    dialog.grab().save(str(SHOTS / "forms_field_dialog_answered.png"))


def test_changing_a_verified_value_in_the_form_clears_its_mark(qtbot, window, demo_db) -> None:
    visit_id = visits_of(demo_db, "LN-01")[0]  # demo SDV marks on its date and weight
    sign_in(demo_db, "coordinator")
    editor = open_visit(qtbot, window, "LN-01", visit_id)
    assert marker_text(editor, "weight_kg").startswith("✓ SDV monitor ")
    assert marker_text(editor, "date").startswith("✓ SDV monitor ")
    weight = editor.vitals.rows["weight_kg"].editor
    weight.setFocus()
    weight.selectAll()
    type_text(qtbot, weight, "61.3")

    def give_reason(dialog: QWidget) -> None:
        warnings.append(dialog.note.text() if dialog.note.isVisible() else "")
        type_text(qtbot, dialog.reason_edit, "체중 재측정 (re-weighed)")
        click(qtbot, dialog.ok_button)

    warnings: list[str] = []

    when_shown(ReasonDialog, give_reason)
    click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: load_visit(demo_db, visit_id).weight_kg == 61.3)
    assert marker_text(editor, "weight_kg") == ""
    assert marker_text(editor, "date").startswith("✓ SDV monitor ")
    assert "invalidated by a change on" in editor.signature_line.text()  # the visit was signed
    assert warnings[0].startswith("Signed by Dr 김민수 (Demo Investigator), ")  # said before saving
    assert "Casebook signed by Dr 김민수" in warnings[0]
    assert warnings[0].endswith("Saving this change invalidates these signatures; they go back on the "
                                "investigator's to-sign list.")


def test_a_lock_from_elsewhere_refuses_the_save_and_keeps_what_was_typed(qtbot, window, demo_db) -> None:
    visit_id = visits_of(demo_db, "LC-01")[2]
    sign_in(demo_db, "coordinator")
    editor = open_visit(qtbot, window, "LC-01", visit_id)
    assert not editor.read_only
    saved_weight = load_visit(demo_db, visit_id).weight_kg
    lock_elsewhere(demo_db, scope="visit", visit_id=visit_id, reason="monitoring visit done")  # another window
    weight = editor.vitals.rows["weight_kg"].editor
    weight.setFocus()
    weight.selectAll()
    type_text(qtbot, weight, "63.9")
    audit_before = _audit_count(demo_db)

    def give_reason(dialog: QWidget) -> None:
        type_text(qtbot, dialog.reason_edit, "transcription error")
        click(qtbot, dialog.ok_button)

    when_shown(ReasonDialog, give_reason)
    click(qtbot, editor.save_button)
    qtbot.waitUntil(editor.general.isVisible)
    assert editor.general.text().startswith("Not saved: Visit ")
    assert "is locked (monitoring visit done; by admin)" in editor.general.text()
    assert "Traceback" not in editor.general.text()
    assert weight.text() == "63.9" and editor.has_changes()
    assert load_visit(demo_db, visit_id).weight_kg == saved_weight and _audit_count(demo_db) == audit_before
    assert window.drafts.load(draft_key("LC-01", editor.entry)) is not None


def _audit_count(db) -> int:
    with db.read() as session:
        return len(session.scalars(select(s.AuditEntry.id)).all())


def test_a_locked_visit_opens_read_only_with_the_reason(qtbot, window, demo_db) -> None:
    visit_id = visits_of(demo_db, "LN-04")[1]
    lock_elsewhere(demo_db, scope="visit", visit_id=visit_id, reason="database lock for the interim analysis")
    sign_in(demo_db, "coordinator")
    editor = open_visit(qtbot, window, "LN-04", visit_id)
    code = load_visit(demo_db, visit_id).code
    banner = editor.banner.text()
    assert banner.startswith(f"Locked: Visit {code} of LN-04 — database lock for the interim analysis (by admin, ")
    assert banner.endswith("An administrator can unlock it.")
    assert editor.read_only and not editor.save_button.isEnabled()
    assert editor.header.comment.isReadOnly() and not editor.sledai.apply_button.isEnabled()
    bilag = editor.bilag.grades["renal"]
    index = bilag.currentIndex()
    bilag.setFocus()
    qtbot.keyClick(bilag, Qt.Key.Key_Down)
    assert bilag.currentIndex() == index
    qtbot.wait(300)
    editor.grab().save(str(SHOTS / "forms_locked_visit.png"))
    assert editor.close()  # nothing to save: no question


def test_signed_visit_shows_who_signed_when_and_why(qtbot, window, demo_db) -> None:
    visit_id = visits_of(demo_db, "LN-01")[0]
    sign_in(demo_db, "investigator")
    editor = open_visit(qtbot, window, "LN-01", visit_id)
    lines = editor.signature_line.text().splitlines()
    assert lines[0].startswith("✔ Signed by Dr 김민수 (Demo Investigator), ")
    assert lines[0].endswith(", reviewed and approved")
    assert lines[1].startswith("✔ Casebook signed by Dr 김민수 (Demo Investigator), ")
    qtbot.wait(300)
    editor.grab().save(str(SHOTS / "forms_signed_visit.png"))


def test_log_row_form_queries_by_table_and_column(qtbot, window, demo_db) -> None:
    sign_in(demo_db, "monitor")
    spec = spec_for(window, "steroids")
    row = list_rows(demo_db, "LN-01", "steroids")[0]
    form = open_record_editor(window, "LN-01", spec, row)
    qtbot.waitExposed(form)
    assert isinstance(form, RecordEditor) and form.read_only
    right_click_menu(qtbot, form.editors["mg_per_dose"])
    dialog = field_dialog(qtbot, form)
    type_text(qtbot, dialog.reply, "Dose on the prescription is 7.5 mg.")
    click(qtbot, dialog.raise_button)
    qtbot.waitUntil(lambda: marker_text(form, "mg_per_dose") == "⚑ Query open")
    query = list_queries(demo_db, table="steroids", record_id=row.record_id)[0]
    assert (query.field, query.subject_id) == ("mg_per_dose", "LN-01")
    click(qtbot, dialog.findChild(QWidget, "doneButton"))
    qtbot.wait(300)
    form.grab().save(str(SHOTS / "forms_log_row_query.png"))
    form.close()

    new = open_record_editor(window, "LN-01", spec, None)
    qtbot.waitExposed(new)
    assert new.notes is None and "once this is saved" in new.status.toolTip()
    new.close()


def test_without_sign_in_the_form_is_editable_and_markers_read_only(qtbot, window, demo_db) -> None:
    demo_db.sign_out()
    visit_id = visits_of(demo_db, "LN-01")[0]
    editor = open_visit(qtbot, window, "LN-01", visit_id)
    assert not editor.read_only and editor.save_button.isEnabled() and editor.banner.isHidden()
    assert marker_text(editor, "weight_kg").startswith("✓ SDV monitor ")
    click(qtbot, editor.notes.markers["weight_kg"].sdv)
    dialog = field_dialog(qtbot, editor)
    assert not any(b.isVisible() for b in (dialog.raise_button, dialog.answer_button, dialog.verify_button))
    assert "Sign in" in dialog.message.text()


def test_sledai_and_bilag_fields_take_queries_and_marks_by_their_keys(qtbot, window, demo_db) -> None:
    sign_in(demo_db, "monitor")
    visit_id = visits_of(demo_db, "LN-05")[-1]
    editor = open_visit(qtbot, window, "LN-05", visit_id)
    right_click_menu(qtbot, editor.sledai.boxes["rash"])
    dialog = field_dialog(qtbot, editor)
    assert dialog.findChild(QWidget, "fieldTitle").text().endswith("SLEDAI-2K: Rash</b>")
    type_text(qtbot, dialog.reply, "Rash not in the clinic notes.")
    click(qtbot, dialog.raise_button)
    click(qtbot, dialog.verify_button)
    click(qtbot, dialog.findChild(QWidget, "doneButton"))
    right_click_menu(qtbot, editor.bilag.grades["renal"])
    dialog = field_dialog(qtbot, editor)
    click(qtbot, dialog.verify_button)
    click(qtbot, dialog.findChild(QWidget, "doneButton"))
    marks = verified_fields(demo_db, "LN-05")
    assert {("visits", visit_id, "sledai.rash"), ("visits", visit_id, "bilag.renal")} <= set(marks)
    assert marks[("visits", visit_id, "bilag.renal")].value_text == editor.saved_value("bilag.renal")
    assert marker_text(editor, "sledai.rash").startswith("⚑ Query open ✓ SDV monitor ")
    assert marker_text(editor, "bilag.renal").startswith("✓ SDV monitor ")
    editor.scroll.ensureWidgetVisible(editor.bilag)
    qtbot.wait(300)
    editor.grab().save(str(SHOTS / "forms_sledai_bilag_markers.png"))


def test_subject_dialog_refuses_a_save_on_a_lock_and_opens_read_only_once_locked(qtbot, window, demo_db) -> None:
    sign_in(demo_db, "coordinator")
    dialog = window.edit_subject("LN-04")
    qtbot.waitExposed(dialog)
    assert not dialog.read_only and dialog.banner.isHidden()
    lock_elsewhere(demo_db, scope="subject", subject_id="LN-04", reason="subject completed, data cleaned")
    notes = dialog.form.notes_field.editor
    notes.setFocus()
    type_text(qtbot, notes, " 추가 메모")
    typed = notes.toPlainText()

    def give_reason(reason_dialog: QWidget) -> None:
        type_text(qtbot, reason_dialog.reason_edit, "note added")
        click(qtbot, reason_dialog.ok_button)

    stored = get_subject(demo_db, "LN-04").notes
    when_shown(ReasonDialog, give_reason)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible() or dialog.refusal.isVisible())
    assert get_subject(demo_db, "LN-04").notes == stored, "the locked subject's notes were saved"
    assert shiboken6.isValid(dialog) and dialog.isVisible(), "the dialog closed as if the save had worked"
    assert dialog.refusal.text().startswith("Not saved: Subject LN-04 is locked (subject completed, data cleaned")
    assert dialog.isVisible() and notes.toPlainText() == typed
    assert window.drafts.load(dialog.draft_key) is not None
    dialog.initial_values = dialog.form.raw_values()
    dialog.reject()

    again = window.edit_subject("LN-04")
    qtbot.waitExposed(again)
    assert again.read_only and not again.save_button.isEnabled()
    assert again.banner.text().startswith("Locked: Subject LN-04 — subject completed, data cleaned (by admin, ")
    assert again.form.notes_field.editor.isReadOnly()
    again.reject()


def test_a_busy_database_refuses_the_save_plainly_and_the_next_save_works(qtbot, window, demo_db) -> None:
    visit_id = visits_of(demo_db, "LC-02")[1]
    sign_in(demo_db, "coordinator")
    editor = open_visit(qtbot, window, "LC-02", visit_id)
    comment = editor.header.comment
    comment.setFocus()
    type_text(qtbot, comment, "재검 예정 (retest planned)")

    def give_reason(dialog: QWidget) -> None:
        type_text(qtbot, dialog.reason_edit, "comment added")
        click(qtbot, dialog.ok_button)

    other = sqlite3.connect(demo_db.path, isolation_level=None)  # another program holds the write lock
    try:
        other.execute("BEGIN IMMEDIATE")
        when_shown(ReasonDialog, give_reason)
        click(qtbot, editor.save_button)  # waits for SQLite's busy timeout, then refuses
        qtbot.waitUntil(editor.general.isVisible, timeout=15_000)
        assert "is busy: another program is writing to it" in editor.general.text()
        assert editor.general.text().startswith("Not saved: ")
        assert "재검 예정 (retest planned)" in comment.toPlainText() and editor.has_changes()
    finally:
        other.execute("ROLLBACK")
        other.close()
    when_shown(ReasonDialog, give_reason)
    click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: "재검 예정 (retest planned)" in (load_visit(demo_db, visit_id).comment or ""))
    assert not editor.has_changes() and editor.general.text().startswith("Saved")


def test_log_row_form_refuses_a_save_on_a_database_lock(qtbot, window, demo_db) -> None:
    sign_in(demo_db, "coordinator")
    spec = spec_for(window, "steroids")
    row = list_rows(demo_db, "LN-02", "steroids")[0]
    form = open_record_editor(window, "LN-02", spec, row)
    qtbot.waitExposed(form)
    lock_elsewhere(demo_db, scope="database", reason="database lock for analysis")
    dose = form.editors["doses_per_day"]
    dose.setFocus()
    dose.selectAll()
    type_text(qtbot, dose, "2")

    def give_reason(dialog: QWidget) -> None:
        type_text(qtbot, dialog.reason_edit, "twice daily per chart")
        click(qtbot, dialog.ok_button)

    when_shown(ReasonDialog, give_reason)
    click(qtbot, form.save_button)
    qtbot.waitUntil(form.general.isVisible)
    assert form.general.text().startswith("Not saved: Whole database is locked (database lock for analysis")
    assert form.isVisible() and dose.text() == "2"
    assert list_rows(demo_db, "LN-02", "steroids")[0].values == row.values
