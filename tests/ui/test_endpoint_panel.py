"""The subject's Endpoints tab on the demo database: statuses and reasons of known demo subjects, the other
subgroup's endpoints hidden, the drill-down on click, and a live recomputation after a visit is edited and
saved through its form (no manual refresh)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from models.database import Database
from models.visit_store import list_visits
from tests.ui.conftest import type_text, when_shown
from ui.entry.visit_editor import open_visit_editor
from ui.events import DataEvents
from ui.results.endpoint_detail import EndpointsTab, connect_subject_changes, day_ranges
from ui.shell.main_window import MainWindow
from ui.widgets.reason_dialog import ReasonDialog

AS_OF = date(2026, 11, 25)
SHOTS = Path("/tmp/shots")


def endpoints_tab(window: MainWindow, subject_id: str) -> EndpointsTab:
    window.open_subject(subject_id)
    page = window.subjects.subject_page
    assert page is not None
    page.tabs.setCurrentWidget(page.endpoints_tab)
    return page.endpoints_tab


def shown(tab: EndpointsTab, endpoint_id: str) -> tuple[str, str] | None:
    """(status text, reason) of a visible endpoint row; None when the row is hidden."""
    row = tab.panel.rows[endpoint_id]
    if row.status.isHidden():
        return None
    return row.status.text(), row.reason.toolTip() or row.reason.text()


def click(qtbot, tab: EndpointsTab, endpoint_id: str) -> str:
    qtbot.mouseClick(tab.panel.rows[endpoint_id].name, Qt.MouseButton.LeftButton)
    return tab.detail.text()


def test_ln_subject_statuses_reasons_and_hidden_lc_endpoints(qtbot, demo_window: MainWindow) -> None:
    tab = endpoints_tab(demo_window, "LN-02")
    status, reason = shown(tab, "ln_renal_response")
    assert status == "Not met"
    assert "UPCR 1.79 > 0.5 g/g at W24" in reason and "eGFR 111.4 ≥ 60" in reason
    assert shown(tab, "primary_steroid_taper")[0] == "Not met"
    assert shown(tab, "time_to_severe_sfi_flare")[0] == "Event (day 61)"
    assert shown(tab, "ln_time_to_renal_flare")[0] == "Event (day 110)"
    assert shown(tab, "ln_time_to_complete_remission")[0] == "Censored (day 169)"
    assert shown(tab, "sri4_w24")[0] == "Met"
    for lc_only in ("lc_hematologic_improvement", "time_to_hematologic_flare", "lc_hematology_change"):
        assert shown(tab, lc_only) is None
    assert tab.panel.rows["ln_renal_response"].icon.text() == "✖"  # never colour alone
    SHOTS.mkdir(exist_ok=True)
    tab.window().grab().save(str(SHOTS / "endpoint_panel_LN-02.png"))


def test_lc_subject_statuses_and_hidden_ln_endpoints(qtbot, demo_window: MainWindow) -> None:
    tab = endpoints_tab(demo_window, "LC-01")
    status, reason = shown(tab, "lc_hematologic_improvement")
    assert status == "Met"
    assert "Hgb 9.25 → 11.47 g/dL" in reason
    assert shown(tab, "time_to_hematologic_flare")[0] == "Censored (day 166)"
    for ln_only in ("ln_renal_response", "ln_time_to_renal_flare", "ln_treatment_failure_components"):
        assert shown(tab, ln_only) is None
    withdrawn = endpoints_tab(demo_window, "LC-03")
    assert shown(withdrawn, "sri4_w24") == ("Not evaluable", "Withdrawn day 76; W24 visit missing.")
    assert shown(withdrawn, "time_to_hematologic_flare")[0] == "Event (day 29)"
    tab = endpoints_tab(demo_window, "LC-01")
    tab.window().grab().save(str(SHOTS / "endpoint_panel_LC-01.png"))


def test_click_shows_what_drove_the_result(qtbot, demo_window: MainWindow) -> None:
    tab = endpoints_tab(demo_window, "LN-02")
    text = click(qtbot, tab, "ln_renal_response")
    assert "Renal response W24" in text and "Not met" in text
    assert "Value 1.79 · Unit g/g · Maximum 0.5" in text
    assert "Longest run above threshold (days): 58" in text
    assert "Period: W12 day 84 (2026-08-08) → W24 day 169 (2026-11-01)" in text
    assert "{" not in text  # readable, not raw JSON
    tab.window().grab().save(str(SHOTS / "endpoint_drilldown_LN-02_renal.png"))

    text = click(qtbot, tab, "primary_steroid_taper")
    assert "Days above threshold: 30–34, 61–70" in text

    text = click(qtbot, tab, "ln_treatment_failure_components")
    assert "Extrarenal severe flare" in text and "Event on study day 61" in text
    assert "Renal flare" in text and "Event on study day 110" in text

    tab = endpoints_tab(demo_window, "LC-03")
    text = click(qtbot, tab, "lc_hematology_change")
    assert "Change from baseline" in text and "W12 visit missing (withdrawn day 76)" in text
    assert "Hgb (g/dL)" in text
    tab.window().grab().save(str(SHOTS / "endpoint_drilldown_LC-03_change.png"))


def test_editing_a_visit_recomputes_the_panel_without_refresh(qtbot, demo_window: MainWindow,
                                                             demo_db: Database) -> None:
    tab = endpoints_tab(demo_window, "LN-01")
    assert shown(tab, "ln_renal_response")[0] == "Met"
    click(qtbot, tab, "ln_renal_response")
    w24 = next(v for v in list_visits(demo_db, "LN-01") if v.code == "W24")
    editor = open_visit_editor(demo_window, "LN-01", record_id=w24.record_id)
    qtbot.waitExposed(editor)
    upcr = editor.urine.rows["upcr_g_g"].editor
    assert isinstance(upcr, QLineEdit)
    assert editor.urine.rows["upcr_g_g"].unit.currentText() == "mg/g"  # as the demo typed it
    upcr.setFocus()
    upcr.selectAll()
    type_text(qtbot, upcr, "930")

    def give_reason(dialog: QWidget) -> None:
        assert isinstance(dialog, ReasonDialog)
        type_text(qtbot, dialog.reason_edit, "lab report re-read")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_shown(ReasonDialog, give_reason)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    # Same tab object: recomputed by the save's notification, not rebuilt or refreshed by hand.
    qtbot.waitUntil(lambda: shown(tab, "ln_renal_response")[0] == "Not met", timeout=5000)
    assert "UPCR 0.93 > 0.5 g/g at W24" in shown(tab, "ln_renal_response")[1]
    assert "UPCR 0.93" in tab.detail.text()  # the open drill-down follows


def test_day_ranges() -> None:
    assert day_ranges([]) == ""
    assert day_ranges([5]) == "5"
    assert day_ranges([3, 1, 2, 7, 9, 8, 12]) == "1–3, 7–9, 12"


def test_closed_subject_pages_stop_listening(qtbot, demo_window: MainWindow) -> None:
    first = endpoints_tab(demo_window, "LN-01")
    calls: list[str] = []
    first.refresh = lambda: calls.append("refresh")  # type: ignore[method-assign]
    demo_window.events.visit_saved.emit("LN-01")
    assert calls == ["refresh"]
    endpoints_tab(demo_window, "LN-02")  # the LN-01 page is deleted
    qtbot.waitUntil(lambda: not shiboken6.isValid(first), timeout=5000)
    demo_window.events.visit_saved.emit("LN-01")  # nothing is called on the deleted tab, nothing raises
    assert calls == ["refresh"]


def test_a_lambda_listener_of_a_deleted_widget_is_dropped(qtbot) -> None:
    events = DataEvents()
    label = QLabel()
    seen: list[str] = []
    connect_subject_changes(events, lambda sid: seen.append(label.text() + sid))
    before = events.receivers("2visit_saved(QString)")
    events.visit_saved.emit("LN-01")
    assert seen == ["LN-01"]
    shiboken6.delete(label)
    events.visit_saved.emit("LN-01")  # reaches the deleted label once: dropped, nothing raised
    events.subject_saved.emit("LN-01")
    assert seen == ["LN-01"]
    assert events.receivers("2visit_saved(QString)") == before - 1
