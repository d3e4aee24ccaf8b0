"""Typing through the subject logs as a coordinator would: adding rows, refused values with their message,
unusual values confirmed, changes with a reason, deleting, the unsaved-changes guard, crash drafts, death, and
a premedication row that leaves the primary endpoint alone while an SLE row changes it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QMessageBox, QPlainTextEdit, QWidget
from sqlalchemy import select

from endpoints.dossier import Dossier, Infusion, Labs, SteroidRow, Subject, Visit
from endpoints.evaluate import evaluate_subject
from endpoints.record_checks import FIELDS
from models import schema as s
from models.dossier_store import REGISTRY_EXTENSION, import_dossier, load_dossier
from models.subject_records import confirmations, list_rows
from models.subjects import get_subject
from tests.ui.conftest import type_text, when_shown
from ui.logs.record_editor import RecordEditor
from ui.logs.record_table import LogTable
from ui.logs.tabs import reopen_log_draft
from ui.shell.main_window import MainWindow
from ui.widgets.reason_dialog import ReasonDialog

TODAY = date(2026, 6, 1)
DAY0 = date(2026, 1, 5)
SHOTS = Path("/tmp/shots")


@pytest.fixture
def subject(db) -> str:
    """LN-01: infusion 1 on 2026-01-05, W4 and W12 performed, prednisolone 7.5 mg/day from Day 0."""
    visits = tuple(Visit(code, DAY0 + timedelta(days=day), labs=Labs(hemoglobin_g_dl=11.0, upcr_g_g=0.4))
                   for code, day in (("D0", 0), ("W4", 28), ("W8", 56), ("W12", 84)))
    dossier = Dossier(
        as_of=TODAY,
        subject=Subject("LN-01", "LN", "F", date(1990, 4, 2), "enrolled", consent_date=date(2025, 12, 20),
                        initials="김민지"),
        infusions=(Infusion(1, DAY0, DAY0, 58.0, 1.16e8, "full"),),
        visits=visits,
        steroids=(SteroidRow("prednisolone", "oral", 7.5, DAY0),),
        extensions={REGISTRY_EXTENSION: {"screening_number": "S-001"}},
    )
    import_dossier(db, dossier, user="setup")
    return "LN-01"


@pytest.fixture
def window(qtbot, db, drafts) -> Iterator[MainWindow]:
    main = MainWindow(db, drafts=drafts, user="tester", today=lambda: TODAY)
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    yield main
    for editor in main.findChildren(RecordEditor):  # forms a test left with changes: no question at teardown
        editor.initial_raw = editor.raw()
        editor.close()
    main.close()
    main.deleteLater()


def log(window: MainWindow, subject: str, kind: str) -> LogTable:
    window.open_subject(subject)
    page = window.subjects.subject_page
    tabs = page.log_tabs
    if kind in ("steroids", "medications", "adverse_events"):
        tab = tabs[kind]
        page.tabs.setCurrentWidget(tab)
        return tab.log if kind == "steroids" else tab
    events = tabs["events"]
    page.tabs.setCurrentWidget(events)
    return {"events": events.flares, "hospitalisations": events.hospitalisations,
            "renal_replacement": events.renal}[kind]


def open_editor(qtbot, button) -> RecordEditor:
    before = set(QApplication.topLevelWidgets())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [editor] = [w for w in QApplication.topLevelWidgets() if isinstance(w, RecordEditor) and w.isVisible()
                and w not in before]
    qtbot.waitExposed(editor)
    return editor


def type_in(qtbot, editor: RecordEditor, name: str, value: object) -> None:
    """Put a value into a field the way a person does: type text, arrow through a list, click a box."""
    widget = editor.editors[name]
    widget.setFocus()
    if isinstance(widget, QComboBox):
        target = widget.findData(value)
        assert target >= 0, (name, value)
        while widget.currentIndex() != target:
            qtbot.keyClick(widget, Qt.Key.Key_Down if widget.currentIndex() < target else Qt.Key.Key_Up)
    elif isinstance(widget, QCheckBox):
        if widget.isChecked() != value:
            qtbot.keyClick(widget, Qt.Key.Key_Space)
    else:
        assert isinstance(widget, (QLineEdit, QPlainTextEdit))
        if isinstance(widget, QLineEdit):
            widget.selectAll()
            qtbot.keyClick(widget, Qt.Key.Key_Delete)
        else:
            widget.clear()
        type_text(qtbot, widget, str(value))
        if isinstance(widget, QLineEdit):
            widget.editingFinished.emit()


def fill(qtbot, editor: RecordEditor, values: dict[str, object]) -> None:
    for name, value in values.items():
        type_in(qtbot, editor, name, value)
    editor.refresh()


def save(qtbot, editor: RecordEditor) -> None:
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)


def give_reason(qtbot, text: str):
    def action(dialog: QWidget) -> None:
        assert isinstance(dialog, ReasonDialog)
        type_text(qtbot, dialog.reason_edit, text)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return action


def click_button(text: str):
    def action(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        [button] = [b for b in box.buttons() if b.text() == text]
        button.click()
    return action


def message(editor: RecordEditor, name: str) -> str:
    line = editor.message_lines[name]
    return line.label.text() if line.isVisible() else ""


def audit(db, table: str) -> list[s.AuditEntry]:
    with db.read() as session:
        return list(session.scalars(select(s.AuditEntry).where(s.AuditEntry.table_name == table)
                                    .order_by(s.AuditEntry.id)))


PRED_ROW = {"drug": "prednisolone", "route": "oral", "mg_per_dose": "10", "doses_per_day": "1",
            "start": "20260110", "stop": "2026-01-20", "indication": "sle"}


def test_add_a_steroid_row_by_typing(qtbot, window, db, subject) -> None:
    table = log(window, subject, "steroids")
    editor = open_editor(qtbot, table.add_button)
    fill(qtbot, editor, {**PRED_ROW, "mg_per_dose": "12,5"})
    assert editor.editors["start"].text() == "2026-01-10"  # 20260110 shown back as ISO
    assert editor.panel is not None and editor.panel.preview
    assert "Overlaps the prednisolone row 2026-01-05 to ongoing: overlapping rows add up" in message(editor, "start")
    qtbot.mouseClick(editor.message_lines["start"].confirm, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.events.log_saved, timeout=2000) as saved:
        save(qtbot, editor)
    assert saved.args == ["LN-01"]
    qtbot.waitUntil(lambda: not editor.isVisible())
    rows = list_rows(db, subject, "steroids")
    assert [(r.values["mg_per_dose"], r.values["start"]) for r in rows] == [(7.5, DAY0), (12.5, date(2026, 1, 10))]
    qtbot.waitUntil(lambda: table.table.rowCount() == 2)
    cells = [table.table.item(1, c).text() for c in range(table.table.columnCount())]
    assert cells == ["Prednisolone", "Oral", "12.5", "1", "2026-01-10", "2026-01-20", "12.5", "Yes",
                     "SLE (incl. protocol taper)"]
    [insert] = [r for r in audit(db, "steroids") if r.user == "tester"]
    assert insert.action == "insert" and insert.reason is None


# kind: (what is typed or chosen in every field of the form, what the log holds afterwards)
EVERY_FIELD: dict[str, tuple[dict[str, object], dict[str, object]]] = {
    "steroids": (
        {"drug": "methylprednisolone", "route": "iv", "mg_per_dose": "500", "doses_per_day": "1",
         "start": "20260301", "stop": "2026-03-03", "indication": "flare_renal"},
        {"drug": "methylprednisolone", "route": "iv", "mg_per_dose": 500.0, "doses_per_day": 1.0,
         "start": date(2026, 3, 1), "stop": date(2026, 3, 3), "indication": "flare_renal"}),
    "medications": (
        {"name": "벨리무맙 (belimumab)", "agent_class": "biologic", "start": "2026-02-10", "stop": "2026-05-10",
         "rescue": True, "indication": "extrarenal", "for_sle_activity": True, "investigational": False},
        {"name": "벨리무맙 (belimumab)", "agent_class": "biologic", "start": date(2026, 2, 10),
         "stop": date(2026, 5, 10), "rescue": True, "indication": "extrarenal", "for_sle_activity": True,
         "investigational": False}),
    "adverse_events": (
        {"term": "대상포진 (herpes zoster)", "onset": "2026-03-05", "end": "2026-03-20", "grade": 3, "serious": True,
         "sae_hospitalisation": True, "sae_important_medical_event": True, "related_product": "possible",
         "related_infusion": "unlikely", "action_taken": "dose_not_changed", "outcome": "recovered_with_sequelae"},
        {"term": "대상포진 (herpes zoster)", "onset": date(2026, 3, 5), "end": date(2026, 3, 20), "grade": 3,
         "serious": True, "sae_death": False, "sae_life_threatening": False, "sae_hospitalisation": True,
         "sae_disability": False, "sae_congenital_anomaly": False, "sae_important_medical_event": True,
         "related_product": "possible", "related_infusion": "unlikely", "action_taken": "dose_not_changed",
         "outcome": "recovered_with_sequelae"}),
    "events": (
        {"type": "severe_flare", "date": "2026-04-01", "organ": "extrarenal", "note": "관절염 악화 (arthritis)"},
        {"type": "severe_flare", "date": date(2026, 4, 1), "organ": "extrarenal", "note": "관절염 악화 (arthritis)"}),
    "hospitalisations": (
        {"admission": "2026-04-02", "discharge": "2026-04-09", "for_sle_activity": True, "indication": "extrarenal"},
        {"admission": date(2026, 4, 2), "discharge": date(2026, 4, 9), "for_sle_activity": True,
         "indication": "extrarenal"}),
    "renal_replacement": (
        {"type": "dialysis", "start": "2026-04-03", "stop": "2026-04-06", "chronic": False},
        {"type": "dialysis", "start": date(2026, 4, 3), "stop": date(2026, 4, 6), "chronic": False}),
}


@pytest.mark.parametrize("kind", list(EVERY_FIELD))
def test_every_field_of_each_log_form_is_saved_as_typed(qtbot, window, db, subject, kind) -> None:
    typed, stored = EVERY_FIELD[kind]
    assert set(stored) == set(FIELDS[kind])  # the table covers every field of the form
    before = {r.record_id for r in list_rows(db, subject, kind)}
    editor = open_editor(qtbot, log(window, subject, kind).add_button)
    fill(qtbot, editor, typed)
    for line in editor.message_lines.values():  # unusual values (e.g. a 500 mg pulse) are confirmed as true
        if line.isVisible() and line.confirm.isVisible():
            qtbot.mouseClick(line.confirm, Qt.MouseButton.LeftButton)
    save(qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible())
    [row] = [r for r in list_rows(db, subject, kind) if r.record_id not in before]
    assert row.values == stored


def test_refused_values_show_beside_the_field_and_keep_what_was_typed(qtbot, window, db, subject) -> None:
    editor = open_editor(qtbot, log(window, subject, "steroids").add_button)
    fill(qtbot, editor, {**PRED_ROW, "mg_per_dose": "0", "stop": "2026-01-05", "doses_per_day": "7"})
    type_in(qtbot, editor, "start", "2026-13-40")
    editor.refresh()
    typed = editor.raw()
    save(qtbot, editor)

    assert editor.isVisible()
    assert "more than 0 mg" in message(editor, "mg_per_dose")
    assert "7 doses per day is impossible" in message(editor, "doses_per_day")
    assert "month 13 does not exist" in message(editor, "start")
    assert "Not saved: 3 value(s) refused" in editor.general.text()
    assert editor.raw() == typed
    SHOTS.mkdir(exist_ok=True)
    editor.grab().save(str(SHOTS / "h9_refused_steroid_row.png"))

    type_in(qtbot, editor, "start", "2026-01-01")
    editor.refresh()
    assert "cannot end (2026-01-05) before" not in message(editor, "stop")
    type_in(qtbot, editor, "start", "2026-01-10")
    editor.refresh()
    assert "cannot end (2026-01-05) before it starts (2026-01-10)" in message(editor, "stop")
    assert len(list_rows(db, subject, "steroids")) == 1


def test_unusual_dose_needs_the_confirmation_which_is_stored(qtbot, window, db, subject) -> None:
    editor = open_editor(qtbot, log(window, subject, "steroids").add_button)
    fill(qtbot, editor, {**PRED_ROW, "drug": "methylprednisolone", "mg_per_dose": "250", "stop": "2026-01-10"})
    assert "312.5 mg/day prednisone-equivalent is unusually high" in message(editor, "mg_per_dose")
    save(qtbot, editor)
    assert editor.isVisible() and "confirm or correct" in editor.general.text()

    qtbot.mouseClick(editor.message_lines["mg_per_dose"].confirm, Qt.MouseButton.LeftButton)
    save(qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible())
    [confirmation] = confirmations(db, subject)
    assert (confirmation.field, confirmation.value_text, confirmation.confirmed_by) == ("mg_per_dose", "250.0",
                                                                                        "tester")


def test_changing_a_row_asks_for_a_reason_and_deleting_too(qtbot, window, db, subject) -> None:
    table = log(window, subject, "steroids")
    table.table.selectRow(0)
    editor = open_editor(qtbot, table.edit_button)
    assert editor.editors["mg_per_dose"].text() == "7.5"
    type_in(qtbot, editor, "mg_per_dose", "5")
    when_shown(ReasonDialog, give_reason(qtbot, "원본 처방전 확인 (prescription re-read)"))
    save(qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible())
    [change] = [r for r in audit(db, "steroids") if r.action == "update"]
    assert (change.field, change.old_value, change.new_value, change.reason, change.user) == (
        "mg_per_dose", "7.5", "5.0", "원본 처방전 확인 (prescription re-read)", "tester")

    qtbot.waitUntil(lambda: table.table.item(0, 2).text() == "5")
    table.table.selectRow(0)
    when_shown(ReasonDialog, lambda dialog: dialog.reject())
    assert table.delete_selected() is False
    assert len(list_rows(db, subject, "steroids")) == 1
    when_shown(ReasonDialog, give_reason(qtbot, "entered twice"))
    assert table.delete_selected() is True
    assert list_rows(db, subject, "steroids") == []
    assert [r.reason for r in audit(db, "steroids") if r.action == "delete"] == ["entered twice"]


def test_leaving_with_unsaved_changes_asks_and_drafts_survive_a_crash(qtbot, window, db, drafts, subject) -> None:
    editor = open_editor(qtbot, log(window, subject, "adverse_events").add_button)
    type_in(qtbot, editor, "term", "두통")
    assert [d.key for d in drafts.all()] == ["log/LN-01/adverse_events/new"]

    when_shown(QMessageBox, click_button("Keep editing"))
    qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.editors["term"].text() == "두통"

    when_shown(QMessageBox, click_button("Keep editing"))
    window.close()  # closing the main window asks too
    assert window.isVisible() and editor.isVisible()

    # A crash: the draft is reopened in a new form with what was typed.
    draft = drafts.load("log/LN-01/adverse_events/new")
    assert draft is not None and draft.fields["term"] == "두통"
    reopen_log_draft(window, draft)
    reopened = [w for w in window.findChildren(RecordEditor) if w.isVisible() and w is not editor]
    assert [w.editors["term"].text() for w in reopened] == ["두통"]

    for form in (*reopened, editor):
        when_shown(QMessageBox, click_button("Discard changes"))
        qtbot.keyClick(form, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda form=form: not form.isVisible())
    assert drafts.all() == []


def test_adverse_event_with_hangul_and_sae_criteria(qtbot, window, db, subject) -> None:
    table = log(window, subject, "adverse_events")
    editor = open_editor(qtbot, table.add_button)
    fill(qtbot, editor, {"term": "폐렴 (pneumonia)", "onset": "20260301", "end": "2026-03-08", "grade": 3,
                         "serious": True, "related_product": "unlikely", "related_infusion": "not_related",
                         "action_taken": "not_applicable", "outcome": "recovered"})
    assert "at least one SAE criterion" in message(editor, "serious")
    type_in(qtbot, editor, "sae_hospitalisation", True)
    editor.refresh()
    assert message(editor, "serious") == ""
    type_in(qtbot, editor, "onset", "2025-12-01")
    editor.refresh()
    assert "before informed consent (2025-12-20)" in message(editor, "onset")
    type_in(qtbot, editor, "onset", "2026-03-01")
    save(qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible())
    [row] = list_rows(db, subject, "adverse_events")
    assert (row.values["term"], row.values["grade"], row.values["sae_hospitalisation"],
            row.values["sae_death"]) == ("폐렴 (pneumonia)", 3, True, False)
    qtbot.waitUntil(lambda: table.table.rowCount() == 1)
    assert table.table.item(0, 5).text() == "Hospitalisation (initial or prolonged)"


def test_medication_with_rescue_and_declared_flare(qtbot, window, db, subject) -> None:
    editor = open_editor(qtbot, log(window, subject, "medications").add_button)
    fill(qtbot, editor, {"name": "사이클로포스파마이드 IV 500 mg", "agent_class": "cyclophosphamide",
                         "start": "2026-04-02", "stop": "2026-04-02", "rescue": True, "indication": "renal",
                         "for_sle_activity": True, "investigational": False})
    save(qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible())
    [med] = list_rows(db, subject, "medications")
    assert med.values["rescue"] is True and med.values["indication"] == "renal"
    assert load_dossier(db, subject, TODAY).medications[0].name == "사이클로포스파마이드 IV 500 mg"

    editor = open_editor(qtbot, log(window, subject, "events").add_button)
    fill(qtbot, editor, {"type": "severe_flare", "date": "2026-03-28", "note": "신장 생검 예정"})
    save(qtbot, editor)
    assert editor.isVisible() and "renal or extrarenal" in message(editor, "organ")
    type_in(qtbot, editor, "organ", "renal")
    save(qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert [e.type for e in load_dossier(db, subject, TODAY).events] == ["severe_flare"]


def test_death_is_recorded_on_the_subject_with_a_reason(qtbot, window, db, subject) -> None:
    log(window, subject, "events")
    box = window.subjects.subject_page.log_tabs["events"].death
    assert box.text.text() == "No death recorded."
    editor = open_editor(qtbot, box.button)
    fill(qtbot, editor, {"death_date": "2026-05-20"})
    save(qtbot, editor)
    assert "cause of death" in message(editor, "death_cause")
    type_in(qtbot, editor, "death_cause", "패혈증 (sepsis)")
    when_shown(ReasonDialog, give_reason(qtbot, "병원 기록 (hospital record)"))
    save(qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible())
    record = get_subject(db, subject)
    assert (record.death_date, record.death_cause) == (date(2026, 5, 20), "패혈증 (sepsis)")
    assert {(r.field, r.reason) for r in audit(db, "subjects") if r.action == "update"} == {
        ("death_date", "병원 기록 (hospital record)"), ("death_cause", "병원 기록 (hospital record)")}
    page = window.subjects.subject_page
    qtbot.waitUntil(lambda: page.log_tabs["events"].death.text.text().startswith("Died 2026-05-20"))


def primary(db, subject: str) -> str:
    results = evaluate_subject(load_dossier(db, subject, TODAY), db.config.params, TODAY)
    return results.to_json()["endpoints"]["primary_steroid_taper"]["status"]


def test_premedication_row_leaves_the_primary_endpoint_while_an_sle_row_changes_it(qtbot, window, db,
                                                                                  subject) -> None:
    assert primary(db, subject) == "met"
    hydrocortisone = {"drug": "hydrocortisone", "route": "iv", "mg_per_dose": "100", "doses_per_day": "1",
                      "start": "2026-03-30", "stop": "2026-03-30", "indication": "premedication"}
    table = log(window, subject, "steroids")
    editor = open_editor(qtbot, table.add_button)
    fill(qtbot, editor, hydrocortisone)
    save(qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert primary(db, subject) == "met"
    qtbot.waitUntil(lambda: table.table.rowCount() == 2)
    assert table.table.item(1, 7).text() == "No (not for SLE)"

    editor = open_editor(qtbot, table.add_button)
    fill(qtbot, editor, {**hydrocortisone, "indication": "sle"})
    assert editor.panel is not None and editor.panel.preview  # the live preview already shows the effect
    assert editor.panel.results.endpoints["primary_steroid_taper"].status == "not_met"
    assert "Overlaps the hydrocortisone row 2026-03-30" in message(editor, "start")  # the premedication row
    qtbot.mouseClick(editor.message_lines["start"].confirm, Qt.MouseButton.LeftButton)
    save(qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert primary(db, subject) == "not_met"


def test_a_save_after_the_page_was_rebuilt_reaches_only_the_live_page(qtbot, window, db, subject) -> None:
    log(window, subject, "medications")
    old_page = window.subjects.subject_page
    table = log(window, subject, "medications")  # the page is built anew (as after a registration save)
    assert window.subjects.subject_page is not old_page
    qtbot.waitUntil(lambda: not old_page.isVisible())
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(old_page)  # its tables are gone: a save must not reach them
    editor = open_editor(qtbot, table.add_button)
    fill(qtbot, editor, {"name": "오메프라졸 20 mg", "agent_class": "other", "start": "2026-01-02",
                         "rescue": False, "indication": "other", "for_sle_activity": False, "investigational": False})
    save(qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible())
    qtbot.waitUntil(lambda: table.table.rowCount() == 1)


def test_keyboard_enter_moves_on_in_paper_order(qtbot, window, subject) -> None:
    editor = open_editor(qtbot, log(window, subject, "steroids").add_button)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    start = editor.editors["start"]
    start.setFocus()
    type_text(qtbot, start, "20260301")
    qtbot.keyClick(start, Qt.Key.Key_Return)
    assert start.text() == "2026-03-01"
    assert QApplication.focusWidget() is editor.editors["stop"]
    qtbot.keyClick(editor.editors["stop"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.editors["indication"]


def test_steroid_log_complete_through_is_confirmed_on_the_tab(qtbot, window, db, subject) -> None:
    log(window, subject, "steroids")
    tab = window.subjects.subject_page.log_tabs["steroids"]
    row = tab.complete_through
    type_in_line = row.date
    type_in_line.setFocus()
    type_text(qtbot, type_in_line, "20260701")
    qtbot.mouseClick(row.button, Qt.MouseButton.LeftButton)
    assert "in the future" in row.message.text() and type_in_line.text() == "2026-07-01"  # kept, shown as ISO
    type_in_line.selectAll()
    type_text(qtbot, type_in_line, "2026-05-15")
    with qtbot.waitSignal(window.events.log_saved, timeout=2000):
        qtbot.mouseClick(row.button, Qt.MouseButton.LeftButton)
    assert load_dossier(db, subject, TODAY).steroid_log_complete_through == date(2026, 5, 15)
    [change] = [r for r in audit(db, "subjects") if r.field == "steroid_log_complete_through"]
    assert change.reason == "Steroid log checked against the source and confirmed complete through 2026-05-15"

    type_in_line.selectAll()
    type_text(qtbot, type_in_line, "2026-05-01")  # moving it back asks for a reason
    when_shown(ReasonDialog, give_reason(qtbot, "W20 source not yet reviewed"))
    qtbot.mouseClick(row.button, Qt.MouseButton.LeftButton)
    assert load_dossier(db, subject, TODAY).steroid_log_complete_through == date(2026, 5, 1)
    assert "log not yet complete" in [t.get_text() for t in tab.canvas.figure.axes[0].get_legend().get_texts()]
