"""Typing a visit through its form as a coordinator would: every section, refused values with their message,
unusual values confirmed, the unsaved-changes guard, the reason for change, Enter moving on, crash drafts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QPlainTextEdit, QWidget
from sqlalchemy import select

from endpoints import units, vocab
from endpoints.dossier import LldasForm, SfiForm
from models import schema as s
from models.visit_store import (
    COMPLETE,
    INCOMPLETE,
    LabEntry,
    VisitEntry,
    confirmations_for_monitor,
    list_visits,
    load_visit,
)
from tests.ui.conftest import add_subject, type_text, when_shown
from ui.entry.visit_editor import VisitEditor, open_visit_editor
from ui.shell.main_window import MainWindow
from ui.widgets.reason_dialog import ReasonDialog

TODAY = date(2026, 6, 1)
SHOTS = Path("/tmp/shots")


@pytest.fixture
def subject(db) -> str:
    add_subject(db, status="enrolled")
    with db.write("setup") as uow:
        row = uow.session.scalars(select(s.Subject)).one()
        row.infusions.append(s.Infusion(number=1, date=date(2026, 2, 2), completion="full"))
    return "LN-01"


def close_without_asking(main: MainWindow) -> None:
    """Teardown: close the window and its editors without the unsaved-changes question (a modal question would
    block the run). Not registered with qtbot.addWidget, which would close it before this runs."""
    for editor in main.findChildren(VisitEditor):
        editor.initial_raw = editor.raw()
    main.close()
    main.deleteLater()


@pytest.fixture
def window(qtbot, db, drafts) -> Iterator[MainWindow]:
    main = MainWindow(db, drafts=drafts, user="tester", today=lambda: TODAY)
    main.show()
    qtbot.waitExposed(main)
    yield main
    close_without_asking(main)


def new_w4(qtbot, window: MainWindow, subject: str) -> VisitEditor:
    editor = open_visit_editor(window, subject, code="W4", when=date(2026, 3, 2))
    qtbot.waitExposed(editor)
    return editor


def type_in(qtbot, widget: QWidget, text: str, enter: bool = False) -> None:
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.selectAll()
    type_text(qtbot, widget, text)
    if enter:
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def tick(qtbot, box: QWidget) -> None:
    """Toggle a check box from the keyboard (focus, Space)."""
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def choose(qtbot, combo: QComboBox, data: object) -> None:
    """Pick an item with the keyboard: focus, then arrow keys until the item is current."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0, data
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


def lab(editor: VisitEditor, key: str):
    for section in (editor.hematology, editor.chemistry, editor.urine, editor.immunology):
        if key in section.rows:
            return section.rows[key]
    raise KeyError(key)


W4_VITALS = {"weight_kg": "57,8", "systolic_bp_mmhg": "124", "diastolic_bp_mmhg": "78", "pulse_bpm": "72",
             "temperature_c": "36.6"}
# key: (text typed, unit chosen or None for the canonical one); every lab of the form
W4_LABS = {
    "hemoglobin_g_dl": ("112", "g/L"), "wbc_10e9_l": ("5400", "/uL"), "anc_10e9_l": ("3,1", None),
    "lymphocytes_10e9_l": ("1.2", None), "platelets_10e9_l": ("210", "10^3/uL"),
    "creatinine_mg_dl": ("79,56", "umol/L"), "albumin_g_dl": ("3.4", None), "upcr_g_g": ("850", "mg/g"),
    "proteinuria_g_24h": ("0.9", None), "urine_rbc_hpf": ("12", None), "urine_wbc_hpf": ("3", None),
    "c3_mg_dl": ("0.62", "g/L"), "c4_mg_dl": ("8", None), "anti_dsdna_iu_ml": ("120", None),
}
W4_SLEDAI = {"proteinuria", "hematuria", "low_complement", "increased_dna_binding", "arthritis"}
W4_SAVED = VisitEntry(
    code="W4", date=date(2026, 3, 2), weight_kg=57.8, systolic_bp_mmhg=124, diastolic_bp_mmhg=78, pulse_bpm=72,
    temperature_c=36.6,
    labs={key: LabEntry(text.replace(",", "."), unit or units.canonical_unit(key).code)
          for key, (text, unit) in W4_LABS.items()},
    urine_casts=("granular",), sledai={k: k in W4_SLEDAI for k in vocab.SLEDAI_KEYS}, pga_tenths=12,
    bilag={d: "C" if d == "renal" else "E" for d in vocab.BILAG_DOMAINS},
    sfi=SfiForm({organ: False for organ in vocab.SFI_ORGANS}, False), lldas=LldasForm(False, False, False, True),
    sediment_inactive=False, comment="소변 검사 재확인 필요",
)


def fill_w4(qtbot, editor: VisitEditor) -> None:
    """Every section of a Week 4 visit, in paper order, as typed from the source documents."""
    for name, text in W4_VITALS.items():
        type_in(qtbot, editor.vitals.rows[name].editor, text, enter=True)
    for key, (text, unit) in W4_LABS.items():
        row = lab(editor, key)
        type_in(qtbot, row.editor, text)
        if unit is not None:
            choose(qtbot, row.unit, unit)
    qtbot.mouseClick(editor.urine.casts["granular"], Qt.MouseButton.LeftButton)
    editor.refresh_checks()
    qtbot.mouseClick(editor.sledai.apply_button, Qt.MouseButton.LeftButton)  # lab-derived, confirmed below
    tick(qtbot, editor.sledai.boxes["arthritis"])
    tick(qtbot, editor.sledai.assessed)
    type_in(qtbot, editor.pga.value, "1,2")
    for domain in vocab.BILAG_DOMAINS:
        choose(qtbot, editor.bilag.grades[domain], "C" if domain == "renal" else "E")
    for key in ("sfi.cns", "sfi.vasculitis", "sfi.nephritis", "sfi.myositis", "sfi.worse_thrombocytopenia",
                "lldas.hemolytic_anemia_active", "sediment_inactive", "lldas.gi_activity_active",
                "lldas.new_non_sledai_activity"):
        section = editor.flare if key in editor.flare.answers else editor.lldas
        choose(qtbot, section.answers[key], False)
    choose(qtbot, editor.lldas.answers["lldas.maintenance_is_standard_tolerated"], True)
    type_in(qtbot, editor.header.comment, "소변 검사 재확인 필요")


def save(qtbot, editor: VisitEditor) -> None:
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)


def test_typing_every_section_saves_a_complete_visit(qtbot, window, db, subject) -> None:
    editor = new_w4(qtbot, window, subject)
    fill_w4(qtbot, editor)
    chem = editor.chemistry
    assert chem.creatinine.conversion.text() == "= 0.9 mg/dL"
    assert chem.egfr.text().startswith("85.5 mL/min/1.73 m²")  # endpoints.md §2.3 check value: F, 35 y, Scr 0.9
    assert lab(editor, "hemoglobin_g_dl").conversion.text() == "= 11.2 g/dL"
    assert editor.pga.slider.value() == 12
    editor.refresh()
    # proposed from labs: proteinuria 4 (UPCR 0.85), haematuria 4 (RBC 12), low complement 2 (C3 62 mg/dL),
    # DNA binding 2 (120 IU/mL); ticked by hand: arthritis 4
    assert editor.sledai.total.text() == "SLEDAI-2K total: 16"
    assert editor.panel.preview and editor.panel.banner.text().startswith("PREVIEW")
    SHOTS.mkdir(exist_ok=True)

    save(qtbot, editor)

    [visit] = list_visits(db, subject)
    assert visit.entry_status == COMPLETE
    saved = replace(load_visit(db, visit.record_id), record_id=None, entry_status=None)  # read from the file
    assert asdict(replace(saved, row_version=None)) == asdict(W4_SAVED)  # every value typed, in every section
    assert not editor.has_changes() and not editor.panel.preview


def test_refused_value_shows_its_message_and_keeps_everything_typed(qtbot, window, db, subject) -> None:
    editor = new_w4(qtbot, window, subject)
    type_in(qtbot, editor.vitals.rows["weight_kg"].editor, "58")
    type_in(qtbot, lab(editor, "hemoglobin_g_dl").editor, "40")
    type_in(qtbot, lab(editor, "platelets_10e9_l").editor, "-5")

    save(qtbot, editor)

    message = lab(editor, "hemoglobin_g_dl").message
    assert message.isVisible() and "40 g/dL is impossible" in message.label.text()
    assert lab(editor, "platelets_10e9_l").message.label.text() == "✖ Platelets cannot be negative."
    assert editor.general.text().startswith("Not saved: 2 value(s) refused")
    assert lab(editor, "hemoglobin_g_dl").editor.text() == "40"
    assert editor.vitals.rows["weight_kg"].editor.text() == "58"
    assert list_visits(db, subject) == []
    SHOTS.mkdir(exist_ok=True)
    editor.scroll.ensureWidgetVisible(message)
    QApplication.processEvents()
    editor.grab().save(str(SHOTS / "visit_refused_value.png"))

    type_in(qtbot, lab(editor, "hemoglobin_g_dl").editor, "11.2")
    type_in(qtbot, lab(editor, "platelets_10e9_l").editor, "250")
    save(qtbot, editor)
    assert [v.entry_status for v in list_visits(db, subject)] == [INCOMPLETE]  # saved as an incomplete draft


def test_visit_before_consent_is_refused_beside_the_date(qtbot, window, subject) -> None:
    editor = new_w4(qtbot, window, subject)
    type_in(qtbot, editor.header.date, "20260101", enter=True)
    assert editor.header.date.text() == "2026-01-01"
    save(qtbot, editor)
    assert "before informed consent (2026-01-05)" in editor.message_lines["date"].label.text()


def test_unusual_value_needs_a_recorded_confirmation(qtbot, window, db, subject) -> None:
    editor = new_w4(qtbot, window, subject)
    type_in(qtbot, lab(editor, "hemoglobin_g_dl").editor, "19,5")
    save(qtbot, editor)
    line = lab(editor, "hemoglobin_g_dl").message
    assert "unusually high" in line.label.text() and line.confirm.isVisible()
    assert "confirm or correct" in editor.general.text() and list_visits(db, subject) == []

    qtbot.mouseClick(line.confirm, Qt.MouseButton.LeftButton)
    save(qtbot, editor)

    [(sid, code, confirmation)] = confirmations_for_monitor(db, subject)
    assert (sid, code, confirmation.field, confirmation.value_text, confirmation.confirmed_by) == (
        "LN-01", "W4", "hemoglobin_g_dl", "19.5 g/dL", "tester")
    editor.refresh_checks()
    assert "(confirmed by tester" in line.label.text() and line.confirm.isChecked()


def _click_button(text: str):
    def action(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        [button] = [b for b in box.buttons() if b.text() == text]
        button.click()
    return action


def test_leaving_with_unsaved_changes_asks(qtbot, window, drafts, subject) -> None:
    editor = new_w4(qtbot, window, subject)
    type_in(qtbot, editor.vitals.rows["weight_kg"].editor, "58")
    assert [d.key for d in drafts.all()] == ["visit/LN-01/new/W4/2026-03-02"]

    when_shown(QMessageBox, _click_button("Keep editing"))
    qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.vitals.rows["weight_kg"].editor.text() == "58"

    when_shown(QMessageBox, _click_button("Keep editing"))
    window.close()  # closing the main window asks too
    assert window.isVisible() and editor.isVisible()

    when_shown(QMessageBox, _click_button("Discard changes"))
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert drafts.all() == []


def test_changing_a_saved_visit_asks_for_a_reason_that_is_audited(qtbot, window, db, subject) -> None:
    editor = new_w4(qtbot, window, subject)
    fill_w4(qtbot, editor)
    save(qtbot, editor)
    record_id = list_visits(db, subject)[0].record_id
    type_in(qtbot, editor.vitals.rows["weight_kg"].editor, "58.2")

    def give_reason(dialog: QWidget) -> None:
        assert isinstance(dialog, ReasonDialog)
        type_text(qtbot, dialog.reason_edit, "원본 문서 재확인 (source re-read)")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_shown(ReasonDialog, give_reason)
    save(qtbot, editor)

    assert load_visit(db, record_id).weight_kg == 58.2
    with db.read() as session:
        row = session.scalars(select(s.AuditEntry).where(s.AuditEntry.field == "weight_kg")).one()
    assert (row.old_value, row.new_value, row.reason, row.user) == ("57.8", "58.2", "원본 문서 재확인 (source re-read)",
                                                                    "tester")


def test_cancelled_reason_saves_nothing_and_keeps_the_change(qtbot, window, db, subject) -> None:
    editor = new_w4(qtbot, window, subject)
    fill_w4(qtbot, editor)
    save(qtbot, editor)
    type_in(qtbot, editor.vitals.rows["weight_kg"].editor, "60")
    when_shown(ReasonDialog, lambda dialog: dialog.reject())
    save(qtbot, editor)
    assert load_visit(db, list_visits(db, subject)[0].record_id).weight_kg == 57.8
    assert editor.vitals.rows["weight_kg"].editor.text() == "60" and editor.has_changes()


def test_enter_moves_on_and_tab_follows_the_paper_order(qtbot, window, subject) -> None:
    editor = new_w4(qtbot, window, subject)
    weight = editor.vitals.rows["weight_kg"].editor
    type_in(qtbot, weight, "58", enter=True)
    assert editor.focusWidget() is editor.vitals.rows["systolic_bp_mmhg"].editor
    visible = [w for w in editor.focus_chain if w.isVisibleTo(editor) and w.isEnabled()]
    order = [w for w in visible if isinstance(w, (QLineEdit, QPlainTextEdit)) and w.objectName().startswith("field_")]
    names = [w.objectName().removeprefix("field_") for w in order]
    assert names[:4] == ["date", "comment", "weight_kg", "systolic_bp_mmhg"]
    assert names.index("hemoglobin_g_dl") < names.index("creatinine_mg_dl") < names.index("upcr_g_g") \
        < names.index("c3_mg_dl") < names.index("pga")
    editor.header.date.setFocus()
    qtbot.keyClick(editor.header.date, Qt.Key.Key_Tab)
    assert editor.focusWidget() is editor.header.missed


def test_missed_visit_with_reason(qtbot, window, db, subject) -> None:
    editor = new_w4(qtbot, window, subject)
    tick(qtbot, editor.header.missed)
    assert not editor.vitals.isEnabled()
    type_in(qtbot, editor.header.missed_reason, "환자 입원 (admitted elsewhere)")
    save(qtbot, editor)
    [visit] = list_visits(db, subject)
    assert visit.missed and load_visit(db, visit.record_id).missed_reason == "환자 입원 (admitted elsewhere)"


def test_not_done_is_an_answer_distinct_from_empty(qtbot, window, db, subject) -> None:
    editor = new_w4(qtbot, window, subject)
    fill_w4(qtbot, editor)
    row = editor.vitals.rows["temperature_c"]
    row.editor.clear()
    editor.refresh_checks()
    assert "Temperature" in editor.status.text()  # empty: a required field is missing
    tick(qtbot, row.not_done.box)
    type_text(qtbot, row.not_done.reason, "체온계 고장")
    editor.refresh_checks()
    assert "Temperature" not in editor.status.text()
    save(qtbot, editor)
    saved = load_visit(db, list_visits(db, subject)[0].record_id)
    assert saved.not_done == {"temperature_c": "체온계 고장"} and saved.entry_status == COMPLETE


def test_crash_draft_is_offered_and_reopens_what_was_typed(qtbot, db, drafts, subject) -> None:
    first = MainWindow(db, drafts=drafts, user="tester", today=lambda: TODAY)
    editor = new_w4(qtbot, first, subject)
    type_in(qtbot, lab(editor, "hemoglobin_g_dl").editor, "10,4")
    assert len(drafts.all()) == 1
    editor.hide()  # the process dies: nothing is closed or saved

    second = MainWindow(db, drafts=drafts, user="tester", today=lambda: TODAY)
    second.show()

    def reopen(box: QWidget) -> None:
        [button] = [b for b in box.buttons() if b.text() == "Reopen"]
        button.click()

    when_shown(QMessageBox, reopen)
    second.offer_drafts()
    [reopened] = [e for e in second.findChildren(VisitEditor) if e.isVisible()]
    assert lab(reopened, "hemoglobin_g_dl").editor.text() == "10,4" and reopened.entry.code == "W4"
    assert reopened.has_changes()
    close_without_asking(first)
    close_without_asking(second)


def test_visits_tab_lists_and_opens_visits(qtbot, window, db, subject) -> None:
    window.open_subject(subject)
    page = window.subjects.subject_page
    from ui.entry.visit_list import VisitsTab

    tab = page.findChild(VisitsTab)
    editor = new_w4(qtbot, window, subject)
    fill_w4(qtbot, editor)
    save(qtbot, editor)
    assert tab.table.rowCount() == 15  # every scheduled visit, entered or not
    row = next(r for r, (cell, _visit) in enumerate(tab.rows) if cell is not None and cell.column == "W4")
    assert tab.table.item(row, 5).text() == "✔ complete"
    tab.table.selectRow(row)
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert [e for e in window.findChildren(VisitEditor) if e.isVisible()] == [editor]  # already open: raised
