"""Data entry that never loses a keystroke (issue 13, items 3, 4, 5, 8, 9): Enter to the next value, one Tab stop
per value, the cursor in the first field, messages that name the problem and go once corrected, drafts only when
something is unsaved and only for who typed it, Save and add another, the reason dialog showing what changes, the
infusion weight with its source, and queries reachable from the keyboard beside a non-blocking form."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import select

from endpoints.dossier import Dossier, Infusion, Labs, SteroidRow, Subject, Visit
from models import schema as s
from models.dossier_store import REGISTRY_EXTENSION, import_dossier
from models.subject_records import list_rows
from models.visit_store import list_visits, load_visit
from tests.ui.conftest import activate, add_subject, type_text, when_shown
from tests.ui.focus_chain import tab_stops
from tests.ui.test_subject_logs import DAY0, PRED_ROW, log, open_editor
from tests.ui.test_subject_logs import type_in as type_in_log
from tests.ui.test_visit_editor import fill_w4, lab
from ui.drafts import DraftStore
from ui.entry.field_notes import FieldNotesDialog
from ui.entry.visit_editor import VisitEditor, open_visit_editor
from ui.logs.record_editor import RecordEditor
from ui.shell.main_window import MainWindow
from ui.widgets.reason_dialog import ReasonDialog

TODAY = date(2026, 6, 1)
SHOTS = Path("/tmp/shots")
SIDE_CONTROLS = ("unit_", "notDoneBox")


@pytest.fixture
def visit_subject(db) -> str:
    add_subject(db, status="enrolled")
    with db.write("setup") as uow:
        row = uow.session.scalars(select(s.Subject)).one()
        row.infusions.append(s.Infusion(number=1, date=date(2026, 2, 2), completion="full"))
    return "LN-01"


@pytest.fixture
def log_subject(db) -> str:
    """LN-01 with infusion 1, four visits and a prednisolone row (as the subject-log tests have it)."""
    visits = tuple(Visit(code, DAY0 + timedelta(days=day), labs=Labs(hemoglobin_g_dl=11.0, upcr_g_g=0.4))
                   for code, day in (("D0", 0), ("W4", 28), ("W8", 56), ("W12", 84)))
    import_dossier(db, Dossier(
        as_of=TODAY,
        subject=Subject("LN-01", "LN", "F", date(1990, 4, 2), "enrolled", consent_date=date(2025, 12, 20)),
        infusions=(Infusion(1, DAY0, DAY0, 58.0, 1.16e8, "full"),), visits=visits,
        steroids=(SteroidRow("prednisolone", "oral", 7.5, DAY0),),
        extensions={REGISTRY_EXTENSION: {"screening_number": "S-001"}}), user="setup")
    return "LN-01"


@pytest.fixture
def window(qtbot, db, drafts) -> Iterator[MainWindow]:
    main = MainWindow(db, drafts=drafts, user="tester", today=lambda: TODAY)
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    yield main
    for form in (*main.findChildren(VisitEditor), *main.findChildren(RecordEditor)):
        form.initial_raw = form.raw()
        form.close()
    main.close()
    main.deleteLater()


def new_visit(qtbot, window: MainWindow, subject: str, code: str = "W4",
              when: date = date(2026, 3, 2)) -> VisitEditor:
    editor = open_visit_editor(window, subject, code=code, when=when)
    qtbot.waitExposed(editor)
    activate(qtbot, editor)
    return editor


def typed_keys(qtbot, sequence: str) -> None:
    """Type into whatever has the focus, "⏎" pressing Enter, as a person does without looking at the screen."""
    for char in sequence:
        widget = QApplication.focusWidget()
        assert widget is not None
        if char == "⏎":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        else:
            qtbot.keyClicks(widget, char)


def save_visit(qtbot, editor: VisitEditor) -> None:
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)


# item 3: Enter and Tab -------------------------------------------------------------------------------------------

def test_enter_never_loses_a_value(qtbot, window, db, visit_subject) -> None:
    editor = new_visit(qtbot, window, visit_subject)
    editor.vitals.rows["weight_kg"].editor.setFocus()
    typed_keys(qtbot, "60⏎120⏎78⏎76⏎")
    assert QApplication.focusWidget() is editor.vitals.rows["temperature_c"].editor
    save_visit(qtbot, editor)
    [visit] = list_visits(db, visit_subject)
    saved = load_visit(db, visit.record_id)
    assert (saved.weight_kg, saved.systolic_bp_mmhg, saved.diastolic_bp_mmhg, saved.pulse_bpm) == (60, 120, 78, 76)


def test_one_tab_stop_per_value_on_a_complete_d0(qtbot, window, visit_subject) -> None:
    editor = new_visit(qtbot, window, visit_subject, "D0", date(2026, 2, 2))
    fill_w4(qtbot, editor)
    stops = tab_stops(qtbot, editor.header.date)
    names = [w.objectName() for w in stops]
    print(f"\nTab stops of a complete D0: {len(stops)}")  # 129 before issue 13
    assert not [n for n in names if n.startswith(SIDE_CONTROLS)]
    attributable = [row.not_attributable for section in editor.sections for row in section.rows.values()]
    assert not set(map(id, stops)) & set(map(id, attributable))
    assert names.index("field_hemoglobin_g_dl") + 1 == names.index("field_wbc_10e9_l")
    assert len(stops) <= 80


def test_a_rows_side_controls_answer_to_arrows_and_shortcuts(qtbot, window, visit_subject) -> None:
    editor = new_visit(qtbot, window, visit_subject)
    row = lab(editor, "hemoglobin_g_dl")
    row.editor.setFocus()
    qtbot.keyClicks(row.editor, "112")
    qtbot.keyClick(row.editor, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is row.unit
    qtbot.keyClick(row.unit, Qt.Key.Key_Down)  # arrow keys choose the unit
    assert row.unit.currentData() != "g/dL" and row.conversion.text().startswith("= ")
    qtbot.keyClick(row.unit, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is row.not_done.box
    qtbot.keyClick(row.not_done.box, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is row.not_attributable
    qtbot.keyClick(row.not_attributable, Qt.Key.Key_Return)  # Enter goes on to the next value
    assert QApplication.focusWidget() is lab(editor, "wbc_10e9_l").editor

    wbc = lab(editor, "wbc_10e9_l")
    qtbot.keyClick(wbc.editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert wbc.not_attributable.isChecked()
    qtbot.keyClick(wbc.editor, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert wbc.not_done.is_set() and QApplication.focusWidget() is wbc.not_done.reason
    qtbot.keyClicks(wbc.not_done.reason, "haemolysed")
    assert editor.raw()["wbc_10e9_l.nd"] == "ND:haemolysed"
    wbc.editor.setFocus()
    qtbot.keyClick(wbc.editor, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert wbc.unit.view().isVisible()  # the unit list is open under the keyboard
    wbc.unit.hidePopup()


# item 4: focus and messages --------------------------------------------------------------------------------------

def test_forms_open_in_their_first_field(qtbot, window, db, visit_subject) -> None:
    editor = new_visit(qtbot, window, visit_subject)
    assert editor.focusWidget() is editor.header.date
    registration = window.register_subject()
    qtbot.waitExposed(registration)
    assert registration.focusWidget() is next(iter(registration.form.editors.values()))
    weight = registration.form.editors["weight_kg"]
    weight.setFocus()
    qtbot.keyClicks(weight, "1988-13-05")  # a date typed into the weight box
    qtbot.mouseClick(registration.save_button, Qt.MouseButton.LeftButton)
    assert weight.text() == "1988-13-05" and "not a number" in registration.form.errors()["weight_kg"]
    registration.initial_values = registration.form.raw_values()
    registration.close()


def test_typed_text_stays_and_the_message_names_the_problem(qtbot, window, visit_subject) -> None:
    editor = new_visit(qtbot, window, visit_subject)
    weight = editor.vitals.rows["weight_kg"].editor
    weight.setFocus()
    qtbot.keyClicks(weight, "1988-13-05")
    date_edit = editor.header.date
    date_edit.setFocus()
    date_edit.selectAll()
    qtbot.keyClicks(date_edit, "2026-13-05")
    editor.refresh_checks()
    assert weight.text() == "1988-13-05" and date_edit.text() == "2026-13-05"
    assert "not a number" in editor.message_lines["weight_kg"].message
    assert "month 13 does not exist" in editor.message_lines["date"].message
    weight.selectAll()
    qtbot.keyClicks(weight, "58")
    assert editor.message_lines["weight_kg"].level is None  # gone at once, not at the next timer
    qtbot.keyClick(date_edit, Qt.Key.Key_End)
    for _ in range(5):
        qtbot.keyClick(date_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(date_edit, "03-02")
    assert editor.message_lines["date"].level is None


def test_refused_visit_save_puts_the_cursor_in_the_first_refused_field(qtbot, window, visit_subject) -> None:
    editor = new_visit(qtbot, window, visit_subject)
    lab(editor, "platelets_10e9_l").editor.setText("abc")
    editor.vitals.rows["pulse_bpm"].editor.setText("7x")
    save_visit(qtbot, editor)
    assert "Not saved" in editor.general.text()
    assert QApplication.focusWidget() is editor.vitals.rows["pulse_bpm"].editor


def test_a_new_log_row_opens_clean_and_lists_what_is_missing(qtbot, window, log_subject) -> None:
    editor = open_editor(qtbot, log(window, log_subject, "steroids").add_button)
    assert editor.focusWidget() is editor.editors["drug"]
    assert all(line.level is None for line in editor.message_lines.values())
    assert "missing: Drug, Route" in editor.status.text()
    type_in_log(qtbot, editor, "drug", "prednisolone")
    editor.refresh()
    assert "missing: Route" in editor.status.text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.message_lines["route"].level == "hard"
    assert editor.focusWidget() is editor.editors["route"]
    SHOTS.mkdir(exist_ok=True)
    editor.grab().save(str(SHOTS / "i13_log_row_refused.png"))


def confirm_unusual(qtbot, editor: RecordEditor) -> None:
    """Tick "checked against the source" beside every unusual value (e.g. a steroid row overlapping another)."""
    editor.refresh()
    for line in editor.message_lines.values():
        if line.level == "soft" and not line.confirmed():
            qtbot.mouseClick(line.confirm, Qt.MouseButton.LeftButton)


# item 5: drafts ------------------------------------------------------------------------------------------------

ROWS = {
    "steroids": PRED_ROW,
    "medications": {"name": "MMF", "agent_class": "mycophenolate", "start": "2026-04-02", "rescue": False,
                    "indication": "maintenance", "for_sle_activity": True, "investigational": False},
    "adverse_events": {"term": "두통", "onset": "20260301", "grade": 1, "serious": False,
                       "related_product": "unlikely", "related_infusion": "not_related",
                       "action_taken": "not_applicable", "outcome": "recovered"},
    "events": {"type": "renal_flare", "date": "2026-03-28"},
    "hospitalisations": {"admission": "2026-03-10", "discharge": "2026-03-14", "for_sle_activity": True,
                         "indication": "renal"},
    "renal_replacement": {"type": "dialysis", "start": "2026-04-01", "stop": "2026-04-03", "chronic": False},
}


@pytest.mark.parametrize("kind", list(ROWS))
def test_saving_a_new_row_leaves_no_draft(qtbot, window, db, drafts, log_subject, kind: str) -> None:
    before = len(list_rows(db, log_subject, kind))
    editor = open_editor(qtbot, log(window, log_subject, kind).add_button)
    for name, value in ROWS[kind].items():
        type_in_log(qtbot, editor, name, value)
    confirm_unusual(qtbot, editor)
    assert [d.key for d in drafts.all()] == [f"log/{log_subject}/{kind}/new"]
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert len(list_rows(db, log_subject, kind)) == before + 1
    assert drafts.all() == [] and list(drafts.folder.glob("*.json")) == []


def test_a_draft_is_offered_only_to_who_typed_it(qtbot, db, tmp_path: Path) -> None:
    folder = tmp_path / "shared-drafts"
    typed = DraftStore(folder, user="jkim")
    typed.save("register-subject", "Registration of a new subject", {"subject_id": "LN-09"})
    other = MainWindow(db, drafts=DraftStore(folder), user="mlee")
    other.show()
    shown: list[QWidget] = []
    when_shown(QMessageBox, shown.append, timeout_ms=500)
    other.offer_drafts()
    qtbot.wait(700)
    assert shown == [] and other.dialog is None
    assert [d.user for d in DraftStore(folder, user="jkim").all()] == ["jkim"]  # kept for its typist
    other.close()
    other.deleteLater()


# item 8: fewer retypes -------------------------------------------------------------------------------------------

def test_save_and_add_another(qtbot, window, db, drafts, log_subject) -> None:
    editor = open_editor(qtbot, log(window, log_subject, "steroids").add_button)
    for name, value in PRED_ROW.items():
        type_in_log(qtbot, editor, name, value)
    confirm_unusual(qtbot, editor)
    qtbot.mouseClick(editor.add_another_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.raw() == editor.raw_for(None)
    assert "Saved" in editor.general.text() and editor.focusWidget() is editor.editors["drug"]
    assert all(line.level is None for line in editor.message_lines.values())
    for name, value in {**PRED_ROW, "mg_per_dose": "5", "start": "2026-01-21", "stop": ""}.items():
        type_in_log(qtbot, editor, name, value)
    confirm_unusual(qtbot, editor)
    qtbot.mouseClick(editor.add_another_button, Qt.MouseButton.LeftButton)
    doses = sorted(r.values["mg_per_dose"] for r in list_rows(db, log_subject, "steroids"))
    assert doses == [5.0, 7.5, 10.0] and drafts.all() == []


def test_reason_dialog_shows_the_change_and_offers_standard_reasons(qtbot, window, db, visit_subject) -> None:
    editor = new_visit(qtbot, window, visit_subject)
    lab(editor, "hemoglobin_g_dl").editor.setText("10.8")
    save_visit(qtbot, editor)
    hb = lab(editor, "hemoglobin_g_dl").editor
    hb.selectAll()
    qtbot.keyClicks(hb, "11.2")
    seen: dict[str, str] = {}

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, ReasonDialog)
        seen["changes"] = dialog.changes.text()
        seen["choices"] = "|".join(dialog.choice.itemText(i) for i in range(dialog.choice.count()))
        dialog.grab().save(str(SHOTS / "i13_reason_dialog.png"))
        assert not dialog.ok_button.isEnabled()
        dialog.choice.setFocus()
        while dialog.choice.currentData() != "Corrected from the source document":
            qtbot.keyClick(dialog.choice, Qt.Key.Key_Down)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    SHOTS.mkdir(exist_ok=True)
    when_shown(ReasonDialog, answer)
    save_visit(qtbot, editor)
    qtbot.waitUntil(lambda: "changes" in seen)
    assert "Haemoglobin</b>: 10.8 g/dL → 11.2 g/dL" in seen["changes"]
    assert "Transcription error" in seen["choices"] and "Late result received" in seen["choices"]
    with db.read() as session:
        reasons = set(session.scalars(select(s.AuditEntry.reason).where(s.AuditEntry.table_name == "lab_values",
                                                                        s.AuditEntry.action == "update")))
    assert reasons == {"Corrected from the source document"}


def test_infusion_offers_the_latest_weight_with_its_source(qtbot, db, window) -> None:
    from endpoints.formatting import local_time
    from models.schedule_store import load_schedule
    from ui.schedule.infusion import InfusionDialog

    add_subject(db, weight_kg=58.5)
    with db.read() as session:
        entered = session.scalar(select(s.AuditEntry.at_utc).where(s.AuditEntry.table_name == "subjects"))
    registered = date.fromisoformat(local_time(entered)[:10])
    dialog = InfusionDialog(db, "tester", window.events, load_schedule(db, "LN-01", registered), 1, parent=window)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.editor("planned_date")
    dialog.editor("date").setText((registered + timedelta(days=3)).isoformat())
    assert "58.5 kg measured" in dialog.weight_hint.text() and "at registration" in dialog.weight_hint.text()
    assert dialog.editor("weight_kg").text() == "58.5"
    assert dialog.dose_label.text().startswith("1.17 × 10⁸ cells   (2.0 × 10⁶ cells/kg × 58.5 kg)")
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "i13_infusion_dialog.png"))
    dialog.editor("weight_kg").setText("1988-13-05")
    dialog.save()
    assert "not a number" in dialog.fields["weight_kg"].error()
    dialog.editor("weight_kg").setText("58.5")
    assert dialog.fields["weight_kg"].error() is None  # corrected: the message goes at once
    dialog.initial = dialog.raw_values()
    dialog.close()


# item 9: queries where the eye is ---------------------------------------------------------------------------------

def test_flag_and_ctrl_q_open_a_non_blocking_query_window_with_the_history(qtbot, window, db,
                                                                          visit_subject) -> None:
    editor = new_visit(qtbot, window, visit_subject)
    hb = lab(editor, "hemoglobin_g_dl").editor
    hb.setText("10.8")
    save_visit(qtbot, editor)
    when_shown(ReasonDialog, lambda d: (type_text(qtbot, d.reason_edit, "lab report re-read"),
                                        qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)))
    hb.setText("11.2")
    save_visit(qtbot, editor)
    qtbot.waitUntil(lambda: editor.entry.labs["hemoglobin_g_dl"].value_text == "11.2")

    activate(qtbot, editor)
    hb.setFocus()
    flag = editor.notes.flag.button
    qtbot.waitUntil(flag.isVisible)
    assert editor.notes.flag.key == "hemoglobin_g_dl"
    qtbot.keyClick(hb, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    dialog = editor.notes.dialog
    assert isinstance(dialog, FieldNotesDialog) and dialog.isVisible() and dialog.key == "hemoglobin_g_dl"
    assert QApplication.activeModalWidget() is None and not dialog.isModal()
    history = dialog.history.toPlainText()
    assert "10.8 → 11.2" in history and "lab report re-read" in history and "entered 10.8 g/dL" in history
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "i13_query_window.png"))

    activate(qtbot, editor)  # the form stays usable while the query window is open
    hb.setFocus()
    hb.selectAll()
    qtbot.keyClicks(hb, "11.4")
    assert hb.text() == "11.4" and dialog.isVisible()

    dialog.close()
    qtbot.mouseClick(flag, Qt.MouseButton.LeftButton)
    assert editor.notes.dialog is not None and editor.notes.dialog.isVisible()


def test_ctrl_q_on_a_new_form_says_queries_come_once_saved(qtbot, window, visit_subject) -> None:
    editor = new_visit(qtbot, window, visit_subject)
    editor.header.date.setFocus()
    qtbot.keyClick(editor.header.date, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert "save this form first" in editor.general.text()



def test_a_log_row_change_shows_labels_in_the_reason_dialog(qtbot, window, db, log_subject) -> None:
    table = log(window, log_subject, "steroids")
    table.table.selectRow(0)
    editor = open_editor(qtbot, table.edit_button)
    type_in_log(qtbot, editor, "mg_per_dose", "5")
    type_in_log(qtbot, editor, "route", "iv")
    seen: list[str] = []

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, ReasonDialog)
        seen.append(dialog.changes.text())
        type_text(qtbot, dialog.reason_edit, "prescription re-read")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_shown(ReasonDialog, answer)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert "Route</b>: Oral → IV" in seen[0] and "mg per dose</b>: 7.5 → 5" in seen[0]


def test_visit_changes_are_named_field_by_field(qtbot, window, visit_subject) -> None:
    editor = new_visit(qtbot, window, visit_subject)
    lab(editor, "hemoglobin_g_dl").editor.setText("10.8")
    save_visit(qtbot, editor)
    raw = {**editor.raw(), "sledai.nd": "ND:patient unwell", "pulse_bpm": "80", "hemoglobin_g_dl.unit": "g/L",
           "hemoglobin_g_dl": "108", "sledai.arthritis": "1"}
    editor.set_raw(raw)
    changes = editor.changes()
    assert ("Haemoglobin", "10.8 g/dL", "108 g/L") in changes and ("Pulse", "", "80 /min") in changes
    assert ("SLEDAI-2K not done", "", "not done: patient unwell") in changes
    assert ("SLEDAI-2K: Arthritis", "", "yes") in changes
