"""pytest-qt: the schedule screens used as a coordinator would — record an infusion and see the schedule move,
reschedule with a reason, bad input beside its field with nothing lost, an out-of-window visit date that needs a
comment, the home screen and the calendar one click away from the visit."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from models.database import open_database
from models.schedule_store import InfusionInput, load_schedule, save_infusion
from models.subjects import SubjectInput, save_subject
from ui.drafts import DraftStore
from ui.schedule.feature import open_subject_visit, reopen_infusion_draft
from ui.shell.main_window import MainWindow
from ui.widgets.reason_dialog import ReasonDialog

CONSENT = date(2026, 1, 5)
D0 = date(2026, 2, 2)
TODAY = date(2026, 5, 11)  # day 98: infusion 2 (planned day 84) not yet recorded


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TRIALDESK_DATA_DIR", str(tmp_path / "userdata"))
    database = open_database(tmp_path / "study.sqlite3")
    save_subject(database, SubjectInput("LN-01", "S-001", "LN", "F", date(1990, 4, 2), CONSENT, "enrolled",
                                        initials="김민"), user="setup", today=TODAY)
    yield database
    database.close()


@pytest.fixture
def given_first(db):
    save_infusion(db, InfusionInput("LN-01", 1, planned_date=D0, date=D0, weight_kg=58.0, weight_date=D0,
                                    completion="full"), user="setup", today=TODAY)
    save_infusion(db, InfusionInput("LN-01", 2, planned_date=D0 + timedelta(days=84)), user="setup", today=TODAY)


@pytest.fixture
def window(qtbot, db, tmp_path: Path) -> MainWindow:
    main = MainWindow(db, drafts=DraftStore(tmp_path / "drafts"), user="tester", today=lambda: TODAY)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def type_into(qtbot, editor: QLineEdit, text: str) -> None:
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)


def row_of(tab, code: str) -> int:
    return next(r for r in range(tab.table.rowCount()) if tab.table.item(r, 0).text() == code)


def answer_reason(text: str, timeout_ms: int = 5000) -> None:
    """Type `text` into the reason dialog once it shows (it is modal)."""
    waited = [0]

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ReasonDialog) and widget.isVisible():
                widget.reason_edit.setPlainText(text)
                widget.ok_button.click()
                return
        waited[0] += 20
        if waited[0] < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def test_home_is_the_first_section_and_opens_the_overdue_visit(qtbot, given_first, window) -> None:
    assert window.stack.currentWidget() is window.home
    overdue = window.home.overdue_table
    codes = [overdue.item(r, 2).text().split(" ")[0] for r in range(overdue.rowCount())]
    assert {"SCR", "D3", "W1", "W4", "W8"} <= set(codes)  # nothing recorded but infusion 1
    row = codes.index("W4")
    rect = overdue.visualItemRect(overdue.item(row, 0))
    qtbot.mouseClick(overdue.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.subjects.subject_page
    assert window.stack.currentWidget() is window.subjects and page.tabs.currentWidget() is page.schedule_tab
    assert page.schedule_tab.table.item(page.schedule_tab.table.currentRow(), 0).text() == "W4"


def test_record_infusion_2_and_the_post_infusion_visits_move(qtbot, given_first, window, db) -> None:
    tab = open_subject_visit(window, "LN-01", "W16")
    old_target = D0 + timedelta(days=84 + 28)
    assert tab.table.item(row_of(tab, "W16"), 2).text().startswith(old_target.isoformat())
    qtbot.mouseClick(tab.infusion_buttons[2], Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert "Proposed: 2026-04-27" in dialog.proposal_label.text()  # Week 12 after infusion 1
    given = D0 + timedelta(days=88)
    type_into(qtbot, dialog.editor("date"), given.isoformat())
    assert "No weight" in dialog.weight_hint.text()  # the only weight is 88 days old
    assert dialog.editor("weight_kg").text() == ""
    type_into(qtbot, dialog.editor("weight_kg"), "57,5")
    assert dialog.dose_label.text().startswith("1.15 × 10⁸ cells")
    type_into(qtbot, dialog.editor("weight_date"), given.strftime("%Y%m%d"))
    type_into(qtbot, dialog.editor("lot_number"), "CS-2605-B")
    type_into(qtbot, dialog.editor("start_time"), "0930")
    type_into(qtbot, dialog.editor("end_time"), "10:15")
    for name, value in (("pre_systolic_bp_mmhg", "118"), ("pre_pulse_bpm", "72"), ("post_temperature_c", "36,9")):
        type_into(qtbot, dialog.editor(name), value)
    dialog.editor("completion").setCurrentIndex(dialog.editor("completion").findData("full"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), {k: f.error() for k, f in dialog.fields.items() if f.error()}
    new_target = given + timedelta(days=28)
    row = row_of(tab, "W16")
    assert tab.table.item(row, 2).text().startswith(new_target.isoformat())
    assert tab.table.item(row, 6).text() == old_target.isoformat()  # moved from
    assert tab.moves_label.isVisible() and f"W16 {old_target.isoformat()} → {new_target.isoformat()}" in \
        tab.moves_label.text()
    assert "1.15 × 10⁸ cells" in tab.infusion_labels[2].text() and "CS-2605-B" in tab.infusion_labels[2].text()
    stored = load_schedule(db, "LN-01", TODAY).infusion(2).data
    assert (stored.start_time, stored.end_time, stored.post_temperature_c) == ("09:30", "10:15", 36.9)


def test_reschedule_asks_for_a_reason(qtbot, given_first, window, db) -> None:
    tab = open_subject_visit(window, "LN-01", "W13")
    qtbot.mouseClick(tab.infusion_buttons[2], Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    later = D0 + timedelta(days=90)
    type_into(qtbot, dialog.editor("planned_date"), later.isoformat())
    answer_reason("환자 요청 (subject's request)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert tab.table.item(row_of(tab, "W13"), 2).text().startswith((later + timedelta(days=7)).isoformat())
    assert "Rescheduled from 2026-04-27 by tester: 환자 요청" in tab.infusion_labels[2].text()
    assert load_schedule(db, "LN-01", TODAY).changes[-1].reason == "환자 요청 (subject's request)"


def test_bad_infusion_input_shows_messages_beside_fields_and_keeps_everything(qtbot, window, db) -> None:
    tab = open_subject_visit(window, "LN-01", "SCR")
    qtbot.mouseClick(tab.infusion_buttons[1], Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    typed = {"planned_date": "2026-01-02", "date": "2026-01-02", "weight_kg": "500", "weight_date": "2026-01-02",
             "start_time": "10:30", "end_time": "09:45", "lot_number": "LOT-7"}
    for name, text in typed.items():
        type_into(qtbot, dialog.editor(name), text)
    dialog.editor("completion").setCurrentIndex(dialog.editor("completion").findData("partial"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    errors = {name: dialog.fields[name].error() for name in ("planned_date", "date", "weight_kg", "end_time",
                                                               "fraction_given")}
    assert "informed consent" in errors["planned_date"] and "informed consent" in errors["date"]
    assert "500 kg" in errors["weight_kg"]
    assert "before the start time" in errors["end_time"]
    assert "fraction" in errors["fraction_given"]
    assert dialog.fields["weight_kg"].error_label.isVisible()
    assert {name: dialog.editor(name).text() for name in typed} == typed  # nothing typed is lost
    type_into(qtbot, dialog.editor("weight_kg"), "0")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "0 kg" in dialog.fields["weight_kg"].error()
    assert load_schedule(db, "LN-01", TODAY).infusions == ()


def test_infusion_2_before_infusion_1_is_refused_beside_the_field(qtbot, given_first, window) -> None:
    tab = open_subject_visit(window, "LN-01", "W12")
    qtbot.mouseClick(tab.infusion_buttons[2], Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    type_into(qtbot, dialog.editor("planned_date"), (D0 - timedelta(days=1)).isoformat())
    answer_reason("test")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.fields["planned_date"].error() is not None)
    assert "after infusion 1" in dialog.fields["planned_date"].error() and dialog.isVisible()


def test_out_of_window_visit_date_needs_a_comment(qtbot, given_first, window, db) -> None:
    tab = open_subject_visit(window, "LN-01", "W4")
    qtbot.mouseClick(tab.visit_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    late = D0 + timedelta(days=38)
    type_into(qtbot, dialog.date_edit, late.isoformat())
    assert dialog.window_warning.isVisible() and "3 day(s) after" in dialog.window_warning.text()
    assert dialog.comment_field.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "say why" in dialog.comment_field.error()
    assert dialog.date_edit.text() == late.isoformat()
    dialog.comment_edit.setPlainText("독감으로 연기 (flu)")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    row = row_of(tab, "W4")
    assert tab.table.item(row, 5).text() == "Incomplete · 3 d after window"  # a date, no values yet
    assert tab.table.item(row, 7).text() == "독감으로 연기 (flu)"
    assert not any(window.home.overdue_table.item(r, 2).text().startswith("W4 ")
                   for r in range(window.home.overdue_table.rowCount()))


def test_visit_before_consent_is_refused(qtbot, given_first, window) -> None:
    tab = open_subject_visit(window, "LN-01", "SCR")
    qtbot.mouseClick(tab.visit_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    type_into(qtbot, dialog.date_edit, "2026-01-02")
    dialog.comment_edit.setPlainText("x")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "informed consent" in dialog.date_field.error()


def test_calendar_lists_the_day_and_opens_the_subject(qtbot, given_first, window) -> None:
    window.show_section("calendar")
    month = window.calendar
    w16 = D0 + timedelta(days=112)  # 2026-05-25, same month as TODAY
    month.select_day(w16)
    assert month.day_list.count() == 1 and "LN-01" in month.day_list.item(0).text()
    assert "W16" in month.grid.currentItem().text()
    rect = month.day_list.visualItemRect(month.day_list.item(0))
    qtbot.mouseClick(month.day_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.subjects.subject_page
    assert page.tabs.currentWidget() is page.schedule_tab
    assert page.schedule_tab.table.item(page.schedule_tab.table.currentRow(), 0).text() == "W16"
    qtbot.mouseClick(month.next_button, Qt.MouseButton.LeftButton)
    assert month.title.text() == "2026-06"


def test_unsaved_infusion_input_survives_a_crash_as_a_draft(qtbot, given_first, db, tmp_path) -> None:
    drafts = DraftStore(tmp_path / "drafts")
    first = MainWindow(db, drafts=drafts, user="tester", today=lambda: TODAY)
    qtbot.addWidget(first)
    tab = open_subject_visit(first, "LN-01", "W12")
    qtbot.mouseClick(tab.infusion_buttons[2], Qt.MouseButton.LeftButton)
    type_into(qtbot, tab.dialog.editor("lot_number"), "LOT-77")
    type_into(qtbot, tab.dialog.editor("weight_kg"), "61,2")
    draft = drafts.load("infusion/LN-01/2")
    assert draft is not None and draft.fields["weight_kg"] == "61,2"
    second = MainWindow(db, drafts=drafts, user="tester", today=lambda: TODAY)  # after the crash
    qtbot.addWidget(second)
    dialog = reopen_infusion_draft(second, draft)
    assert dialog.editor("weight_kg").text() == "61,2" and dialog.editor("lot_number").text() == "LOT-77"
    assert dialog.editor("planned_date").text() == (D0 + timedelta(days=84)).isoformat()


def test_ics_and_schedule_sheet_from_the_app(qtbot, given_first, window, tmp_path) -> None:
    from icalendar import Calendar
    from pypdf import PdfReader

    all_path = window.calendar.export_ics(str(tmp_path / "all.ics"))
    events = Calendar.from_ical(all_path.read_bytes()).walk("VEVENT")
    assert {str(e["uid"]) for e in events} >= {"LN-01-W16@trialdesk", "LN-01-W4@trialdesk"}
    tab = open_subject_visit(window, "LN-01", "W16")
    one = tab.export_ics(str(tmp_path / "one.ics"))
    assert len(Calendar.from_ical(one.read_bytes()).walk("VEVENT")) == len(events)
    sheet = tab.print_sheet(str(tmp_path / "sheet.pdf"))
    assert len(PdfReader(sheet).pages) == 1 and "Saved" in tab.output_label.text()


def test_the_latest_weight_within_7_days_is_used_for_the_dose(qtbot, given_first, window) -> None:
    tab = open_subject_visit(window, "LN-01", "W12")
    qtbot.mouseClick(tab.infusion_buttons[2], Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    type_into(qtbot, dialog.editor("date"), (D0 + timedelta(days=7)).isoformat())
    assert dialog.editor("weight_kg").text() == "58" and dialog.editor("weight_date").text() == D0.isoformat()
    assert dialog.dose_label.text().startswith("1.16 × 10⁸ cells")
    type_into(qtbot, dialog.editor("date"), (D0 + timedelta(days=8)).isoformat())
    assert "No weight in the 7 days" in dialog.weight_hint.text()
    dialog.editor("completion").setCurrentIndex(dialog.editor("completion").findData("full"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "8 days old" in dialog.fields["weight_date"].error()
