"""The subject's Plots tab on the demo database: the print figures of reports.plots for the subject's subgroup,
with their thresholds, redrawn after a save, and saved as PNG."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import matplotlib.image as mpimg

from models.database import Database
from models.visit_store import LabEntry, list_visits, load_visit, save_visit
from ui.results.plots_tab import PlotsTab
from ui.shell.main_window import MainWindow

AS_OF = date(2026, 11, 25)
SHOTS = Path("/tmp/shots")


def plots_tab(qtbot, window: MainWindow, subject_id: str) -> PlotsTab:
    window.open_subject(subject_id)
    page = window.subjects.subject_page
    assert page is not None
    assert page.plots_tab.figures == []  # drawn when first shown
    page.tabs.setCurrentWidget(page.plots_tab)
    qtbot.waitUntil(lambda: bool(page.plots_tab.figures), timeout=10000)
    return page.plots_tab


def horizontal_levels(fig) -> set[float]:
    return {round(float(line.get_ydata()[0]), 3) for ax in fig.axes for line in ax.get_lines()
            if len(line.get_ydata()) == 2 and line.get_ydata()[0] == line.get_ydata()[1]}


def test_ln_subject_plots_with_thresholds(qtbot, demo_window: MainWindow) -> None:
    tab = plots_tab(qtbot, demo_window, "LN-02")
    assert [title for title, _fig in tab.figures] == ["Daily prednisone-equivalent dose", "Renal function",
                                                      "Disease activity"]
    dose, renal, _activity = (fig for _title, fig in tab.figures)
    assert 7.5 in horizontal_levels(dose)
    shaded = {patch.get_label() for patch in dose.axes[0].patches}
    assert {"W4–W12 (primary)", "W12–W24"} <= shaded
    assert {0.5, 60.0} <= horizontal_levels(renal)  # UPCR response and eGFR thresholds
    assert 1.79 in {round(float(y), 2) for line in renal.axes[0].get_lines() for y in line.get_ydata()}
    SHOTS.mkdir(exist_ok=True)
    qtbot.wait(200)
    demo_window.grab().save(str(SHOTS / "plots_tab_LN-02.png"))


def test_lc_subject_plots_haematology(qtbot, demo_window: MainWindow, tmp_path: Path) -> None:
    tab = plots_tab(qtbot, demo_window, "LC-01")
    assert [title for title, _fig in tab.figures] == ["Daily prednisone-equivalent dose", "Haematology",
                                                      "Disease activity"]
    haematology = tab.figures[1][1]
    assert len(haematology.axes) == 3
    assert {9.25, 10.75} <= horizontal_levels(haematology)  # Hgb baseline and baseline + 1.5
    written = tab.export(tmp_path / "png")
    assert [p.name for p in written] == ["LC-01_plot1.png", "LC-01_plot2.png", "LC-01_plot3.png"]
    for png, (_title, fig) in zip(written, tab.figures, strict=True):  # each figure, at 150 dpi
        width, height = fig.get_size_inches() * 150
        assert mpimg.imread(png).shape[:2] == (round(height), round(width))
    qtbot.wait(200)
    demo_window.grab().save(str(SHOTS / "plots_tab_LC-01.png"))


def test_plots_follow_a_save(qtbot, demo_window: MainWindow, demo_db: Database) -> None:
    tab = plots_tab(qtbot, demo_window, "LN-01")
    before = tab.figures
    w24 = next(v for v in list_visits(demo_db, "LN-01") if v.code == "W24")
    entry = load_visit(demo_db, w24.record_id)
    labs = {**entry.labs, "upcr_g_g": LabEntry(value_text="930", unit="mg/g")}
    save_visit(demo_db, "LN-01", dataclasses.replace(entry, labs=labs), user="tester", reason="re-read", today=AS_OF)
    demo_window.events.visit_saved.emit("LN-01")
    qtbot.waitUntil(lambda: tab.figures is not before, timeout=10000)
    renal = tab.figures[1][1]
    assert 0.93 in {round(float(y), 2) for line in renal.axes[0].get_lines() for y in line.get_ydata()}
