"""The screen tour (`main.py screenshots`) over a 3-subject demo at the site's screen sizes: every screen is there,
and every window lies inside the screen's available area (a 40-px taskbar below) with its Save/OK visible."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.conftest import DEMO_AS_OF

ROOT = Path(__file__).resolve().parents[2]
# Screens the issue asks for by name, and those the user guide shows (guide/screens.txt) but other work builds.
REQUIRED = {
    "sign_in", "home", "subject_list", "subject_page_registration", "subject_page_schedule", "subject_page_timeline",
    "subject_page_visits", "subject_page_steroids", "subject_page_medications", "subject_page_adverse_events",
    "subject_page_flares_outcomes", "subject_page_endpoints", "subject_page_plots", "register_subject",
    "edit_subject", "infusion_dialog", "visit_editor_new", "visit_editor_saved", "log_steroid", "log_medication",
    "log_adverse_event", "log_flare", "log_hospitalisation", "log_renal_replacement", "reason_for_change",
    "query_dialog", "sign_dialog", "calendar", "dashboard_binary", "dashboard_time_to_event", "dashboard_lc_change",
    "dashboard_grid", "audit_viewer", "users", "locks", "backups", "print_progress",
}
NOT_YET_BUILT: set[str] = set()  # guide screens whose steps are still being built


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from models.demo import write_demo_database

    path = tmp_path_factory.mktemp("tour") / "demo3.sqlite3"
    write_demo_database(path, n_subjects=3, seed=1, as_of=DEMO_AS_OF)
    return path


def run_tour(db: Path, out: Path, size: str, role: str = "coordinator") -> dict:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    result = subprocess.run([sys.executable, "main.py", "screenshots", "--db", str(db), "--out", str(out),
                             "--size", size, "--role", role], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads((out / "screens.json").read_text(encoding="utf-8"))


def inside(window: list[int], area: list[int]) -> bool:
    x, y, w, h = window
    ax, ay, aw, ah = area
    return x >= ax and y >= ay and x + w <= ax + aw and y + h <= ay + ah


@pytest.mark.parametrize("size", ["1366x768", "1280x720"])
def test_every_window_fits_the_laptop_screen(small_demo: Path, tmp_path: Path, size: str) -> None:
    index = run_tour(small_demo, tmp_path / "tour", size)
    width, height = (int(n) for n in size.split("x"))
    assert index["size"] == [width, height]
    names = [s["name"] for s in index["screens"]]
    assert len(names) == len(set(names))
    assert set(names) >= REQUIRED
    guide = set((ROOT / "guide" / "screens.txt").read_text().split())
    assert guide - NOT_YET_BUILT <= set(names)
    assert not NOT_YET_BUILT & set(names), "in the tour now: take them out of NOT_YET_BUILT"
    for screen in index["screens"]:
        assert screen["available"] == [0, 0, width, height - 40], screen
        assert inside(screen["window"], screen["available"]), screen
        assert screen["save_visible"], screen
        assert (tmp_path / "tour" / screen["png"]).stat().st_size > 1000


def test_the_tour_refuses_a_database_without_demo_accounts(db, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    result = subprocess.run([sys.executable, "main.py", "screenshots", "--db", str(db.path), "--out",
                             str(tmp_path / "out"), "--size", "1366x768"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 2
    assert "demo account" in result.stderr and "Traceback" not in result.stderr
