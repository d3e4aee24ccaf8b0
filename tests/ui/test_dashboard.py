"""The study dashboard on the demo database: its numbers equal the engine's study summary, the grid opens a
subject's Endpoints tab, a save reloads only that subject, and tables/figures export."""

from __future__ import annotations

import dataclasses
import gc
from datetime import date
from pathlib import Path

import matplotlib.image as mpimg
import openpyxl
import pandas as pd
import pytest
from PySide6.QtCore import Qt

from endpoints.evaluate import evaluate_subject
from endpoints.summary import summarize, summary_to_json
from models.database import Database
from models.dossier_store import load_dossier, subject_change_marks
from models.visit_store import LabEntry, list_visits, load_visit, save_visit
from reports.study_results import cache_for
from ui.app import prewarm_study_results
from ui.events import DataEvents
from ui.results.dashboard import StudyDashboard
from ui.results.dashboard_figures import curve, value_at
from ui.results.dashboard_models import change_rows, km_rows, proportion_rows
from ui.shell.main_window import MainWindow

AS_OF = date(2026, 11, 25)
SUBJECTS = ("LC-01", "LC-02", "LC-03", "LC-04", "LC-05", "LN-01", "LN-02", "LN-03", "LN-04", "LN-05")
SHOTS = Path("/tmp/shots")


def open_dashboard(qtbot, window: MainWindow) -> StudyDashboard:
    window.show_section("dashboard")
    dashboard = window.sections["dashboard"]  # built by then, also where sections are built on first use
    assert isinstance(dashboard, StudyDashboard)
    qtbot.waitUntil(lambda: dashboard.results is not None and not dashboard.stale, timeout=10000)
    return dashboard


def engine_summary(db: Database):
    """The summary computed independently: one subject at a time through the engine."""
    results = [evaluate_subject(load_dossier(db, sid, AS_OF), db.config.params, as_of=AS_OF) for sid in SUBJECTS]
    return summarize(results, as_of=AS_OF)


def model_rows(model) -> list[tuple[str, ...]]:
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_dashboard_numbers_equal_the_engine_summary(qtbot, demo_window: MainWindow, demo_db: Database) -> None:
    dashboard = open_dashboard(qtbot, demo_window)
    expected = engine_summary(demo_db)
    assert summary_to_json(dashboard.results.summary) == summary_to_json(expected)
    assert model_rows(dashboard.proportions) == proportion_rows(expected)[0]
    assert model_rows(dashboard.km) == km_rows(expected)
    assert model_rows(dashboard.change) == change_rows(expected)
    renal = next(row for row in model_rows(dashboard.proportions) if row[0] == "Renal response W24")
    assert renal == ("Renal response W24", "LN", "1 / 2", "50.0 %", "1.3 – 98.7 %", "0", "3", "0")
    primary = [row for row in model_rows(dashboard.proportions) if row[0].startswith("Primary")]
    assert [row[1] for row in primary] == ["LN", "LC", "Overall"]
    assert [row[2] for row in primary] == ["2 / 3", "2 / 4", "4 / 7"]
    assert [row[0] for row in model_rows(dashboard.change)][:3] == ["D3", "D3", "D3"]
    assert {row[1] for row in model_rows(dashboard.change)} == {"WBC (×10⁹/L)", "Platelets (×10⁹/L)", "Hgb (g/dL)"}
    grid = model_rows(dashboard.grid)
    assert [row[0] for row in grid] == list(SUBJECTS)
    ln02 = grid[SUBJECTS.index("LN-02")]
    assert "✖ Not met" in ln02 and "● Event d61" in ln02
    SHOTS.mkdir(exist_ok=True)
    for index in range(dashboard.tabs.count()):
        dashboard.tabs.setCurrentIndex(index)
        qtbot.wait(300)  # let the layout settle before the picture
        demo_window.grab().save(str(SHOTS / f"dashboard_tab{index}.png"))


def test_km_curves_come_from_the_summary_step_tables(qtbot, demo_window: MainWindow) -> None:
    dashboard = open_dashboard(qtbot, demo_window)
    assert dashboard.figures == {}  # drawn when their tab is shown
    dashboard.tabs.setCurrentWidget(dashboard.km_tab)
    fig = dashboard.figures["km_endpoints"]
    km = dashboard.results.summary.kaplan_meier["time_to_severe_sfi_flare"]
    ax = fig.axes[0]
    lines = {line.get_label(): line for line in ax.get_lines()}
    ln_line = next(line for label, line in lines.items() if label.startswith("LN:"))
    days, values = curve(km["LN"])
    assert list(ln_line.get_xdata())[: len(days)] == days
    assert list(ln_line.get_ydata())[: len(values)] == values
    marks = [line for line in ax.get_lines() if line.get_marker() == "+" and line.get_color() == ln_line.get_color()]
    assert len(marks) == 1
    assert list(marks[0].get_xdata()) == list(km["LN"].censor_days)
    assert list(marks[0].get_ydata()) == [value_at(days, values, d) for d in km["LN"].censor_days]
    at_risk = [t.get_text() for t in ax.texts]
    assert "At risk" in at_risk and str(km["LN"].at_risk_at[0]) in at_risk


def test_grid_click_opens_the_subjects_endpoint_panel(qtbot, demo_window: MainWindow) -> None:
    dashboard = open_dashboard(qtbot, demo_window)
    dashboard.tabs.setCurrentWidget(dashboard.grid_view)
    row = SUBJECTS.index("LN-02")
    view = dashboard.grid_view
    cell = view.visualRect(view.model().index(row, 3)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    page = demo_window.subjects.subject_page
    assert page is not None and page.record.subject_id == "LN-02"
    assert page.tabs.currentWidget() is page.endpoints_tab
    assert page.endpoints_tab.panel.rows["ln_renal_response"].status.text() == "Not met"


def test_a_save_reloads_only_that_subject(qtbot, demo_window: MainWindow, demo_db: Database) -> None:
    dashboard = open_dashboard(qtbot, demo_window)
    assert dashboard.results.reloaded == len(SUBJECTS)
    marks = subject_change_marks(demo_db)
    w24 = next(v for v in list_visits(demo_db, "LN-01") if v.code == "W24")
    entry = load_visit(demo_db, w24.record_id)
    labs = {**entry.labs, "upcr_g_g": LabEntry(value_text="930", unit="mg/g")}
    save_visit(demo_db, "LN-01", dataclasses.replace(entry, labs=labs), user="tester", reason="re-read", today=AS_OF)
    changed = subject_change_marks(demo_db)
    assert [sid for sid in SUBJECTS if changed[sid] != marks[sid]] == ["LN-01"]
    demo_window.events.visit_saved.emit("LN-01")  # what the visit form announces after its save
    qtbot.waitUntil(lambda: not dashboard.stale, timeout=10000)
    assert dashboard.results.reloaded == 1
    renal = next(row for row in model_rows(dashboard.proportions) if row[0] == "Renal response W24")
    assert renal[2:4] == ("0 / 2", "0.0 %")
    assert summary_to_json(dashboard.results.summary) == summary_to_json(engine_summary(demo_db))


def test_exports(qtbot, demo_window: MainWindow, tmp_path: Path) -> None:
    dashboard = open_dashboard(qtbot, demo_window)
    summary = dashboard.results.summary
    (xlsx,) = dashboard.export_tables(tmp_path / "dash.xlsx")
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["binary_endpoints", "time_to_event", "km_steps", "lc_hematology_change", "subjects"]
    binary = pd.read_excel(xlsx, sheet_name="binary_endpoints")
    renal = binary[(binary.endpoint == "ln_renal_response") & (binary.group == "LN")].iloc[0]
    p = summary.proportions["ln_renal_response"]["LN"]
    assert (renal.responders, renal.evaluable, renal.pending) == (p.responders, p.n, p.pending)
    assert renal.ci_low == pytest.approx(p.ci_low) and renal.ci_high == pytest.approx(p.ci_high)
    steps = pd.read_excel(xlsx, sheet_name="km_steps")
    flare = steps[(steps.endpoint == "time_to_severe_sfi_flare") & (steps.group == "LN")]
    assert list(flare.day) == [s.day for s in summary.kaplan_meier["time_to_severe_sfi_flare"]["LN"].steps]
    csvs = dashboard.export_tables(tmp_path / "dash.csv")
    assert [p.name for p in csvs] == ["dash_binary_endpoints.csv", "dash_time_to_event.csv", "dash_km_steps.csv",
                                      "dash_lc_hematology_change.csv", "dash_subjects.csv"]
    subjects = pd.read_csv(tmp_path / "dash_subjects.csv")
    assert list(subjects.subject_id) == list(SUBJECTS)
    pngs = dashboard.export_figures(tmp_path / "figures")
    assert [p.name for p in pngs] == ["km_endpoints.png", "km_treatment_failure.png", "forest_binary_endpoints.png"]
    figures = {**dashboard.figures, "forest_binary_endpoints": dashboard.forest}
    for png, name in zip(pngs, ("km_endpoints", "km_treatment_failure", "forest_binary_endpoints"), strict=True):
        width, height = figures[name].get_size_inches() * 150  # each figure, at 150 dpi
        assert mpimg.imread(png).shape[:2] == (round(height), round(width))


def test_prewarmed_dashboard_opens_from_the_cache(qtbot, demo_db: Database) -> None:
    dashboard = StudyDashboard(demo_db, DataEvents(), lambda: AS_OF)
    qtbot.addWidget(dashboard)
    dashboard.prewarm()
    dashboard.wait_prewarm()
    dashboard.show()
    qtbot.waitUntil(lambda: dashboard.results is not None and not dashboard.stale, timeout=10000)
    assert dashboard.results.reloaded == 0
    assert len(dashboard.results.subjects) == len(SUBJECTS)


def test_start_up_prewarm_fills_the_shared_cache(demo_db: Database) -> None:
    prewarm_study_results(demo_db, AS_OF).join()
    results = cache_for(demo_db).compute(AS_OF)
    assert results.reloaded == 0 and len(results.subjects) == len(SUBJECTS)


def test_computing_the_results_leaves_the_garbage_collector_running(demo_db: Database) -> None:
    cache = cache_for(demo_db)
    cache.clear()
    assert gc.isenabled()
    assert cache.compute(AS_OF).reloaded == len(SUBJECTS)  # the collector is paused while computing
    assert gc.isenabled()


def test_nothing_changed_reuses_the_summary(demo_db: Database) -> None:
    cache = cache_for(demo_db)
    cache.clear()
    first = cache.compute(AS_OF)
    again = cache.compute(AS_OF)
    assert again.reloaded == 0 and again.subjects is first.subjects and again.summary is first.summary
    assert cache.compute(date(2026, 11, 26)).summary is not first.summary  # another as-of date: computed anew
