"""Time the study dashboard and the subject's endpoint panel on a synthetic study; prints the figures.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_dashboard.py [--subjects 1000] [--db FILE] [--repeat 5]

Without --db a demo database of N subjects is written to a temporary folder first (about 17 s for 1,000). A study
with accounts (a demo study) is signed in to as the demo coordinator, whose password the demo publishes.
Figures (wall time, median of --repeat unless said otherwise; the machine is shared, so the process CPU time of
the cold runs and the load average are printed too):
- dashboard cold (results cache and cached confidence intervals emptied first): a new dashboard filled and every
  tab rendered: change marks, ONE bulk load of every dossier, the engine on each, the study summary, the four
  tables and both Kaplan–Meier figures;
- dashboard cold, first tab: the same recomputation, then only the tab it opens on (binary endpoints) rendered;
- dashboard after a save: one visit of one subject saved through the audited path, the dashboard recomputed
  (only that subject is reloaded and evaluated) and redrawn;
- dashboard after the prewarm: `prewarm_study` (background thread, as at start-up) finished, then the
  dashboard opened: its first tab, and every tab with both figures;
- panel refresh after a save: the visit save's notification -> the subject's Endpoints tab recomputed
  (load_dossier + evaluate_subject) and shown; the save itself is timed apart.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from commands.study_db import db_target  # noqa: E402
from endpoints.summary import exact_ci  # noqa: E402
from models.database import Database, open_database  # noqa: E402
from models.demo import write_demo_database  # noqa: E402
from models.demo_security import DEMO_ACCOUNTS  # noqa: E402
from models.locks import active_locks, lock_for  # noqa: E402
from models.users import authenticate, has_users  # noqa: E402
from models.visit_store import LabEntry, list_visits, load_visit, save_visit  # noqa: E402
from reports.study_results import cache_for  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.events import DataEvents  # noqa: E402
from ui.results.dashboard import StudyDashboard  # noqa: E402
from ui.results.endpoint_detail import EndpointsTab  # noqa: E402

AS_OF = date(2026, 11, 25)


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def timed(measure: Callable[[], float]) -> tuple[float, float]:
    """(wall seconds as `measure` reports them, process CPU seconds of the whole call)."""
    started = time.process_time()
    wall = measure()
    return wall, time.process_time() - started


def show_dashboard(app: QApplication, dashboard: StudyDashboard, refresh: bool = True) -> float:
    """Recompute (unless `refresh` is False), then render every tab once, Kaplan–Meier figures included; seconds."""
    started = time.perf_counter()
    if refresh:
        dashboard.refresh()
    for index in range(dashboard.tabs.count()):
        dashboard.tabs.setCurrentIndex(index)
        dashboard.grab()
    dashboard.tabs.setCurrentIndex(0)
    settle(app)
    return time.perf_counter() - started


def first_screen(app: QApplication, dashboard: StudyDashboard) -> float:
    """Recompute and render the tab the dashboard opens on (binary endpoints); seconds."""
    started = time.perf_counter()
    dashboard.refresh()
    dashboard.grab()
    settle(app)
    return time.perf_counter() - started


def new_dashboard(app: QApplication, db: Database, events: DataEvents) -> StudyDashboard:
    dashboard = StudyDashboard(db, events, lambda: AS_OF)
    dashboard.resize(1300, 850)
    dashboard.stale = False  # the bench refreshes explicitly
    dashboard.show()
    settle(app)
    return dashboard


def close(app: QApplication, dashboard: StudyDashboard) -> None:
    dashboard.close()
    dashboard.deleteLater()
    settle(app)


def empty_caches(db: Database) -> None:
    """As in a new session: no study results, no exact confidence intervals computed yet."""
    cache_for(db).clear()
    exact_ci.cache_clear()


def sign_in_coordinator(db: Database) -> None:
    """On a study with accounts (every demo study), sign in as the demo coordinator, as a user of the app is
    before saving; the bench's one save per repeat then runs as that account."""
    if has_users(db):
        login, _, _, password = DEMO_ACCOUNTS[1]
        db.sign_in(authenticate(db, login, password))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--subjects", type=int, default=1000)
    parser.add_argument("--db", type=db_target,
                        help="an existing study (file or postgresql:// address; not modified except one visit)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = create_application(["bench"])

    with tempfile.TemporaryDirectory() as folder:
        path = args.db
        if path is None:
            path = Path(folder) / "bench.sqlite3"
            started = time.perf_counter()
            write_demo_database(path, n_subjects=args.subjects, seed=1, as_of=AS_OF)
            print(f"demo database: {args.subjects} subjects written in {time.perf_counter() - started:.1f} s")
        db = open_database(path, create=False)
        sign_in_coordinator(db)
        events = DataEvents()

        print(f"load average at start {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)")
        cold, cold_cpu, parts, cold_first, cold_first_cpu, prewarmed_first, prewarmed_all = [], [], [], [], [], [], []
        for _ in range(args.repeat):
            empty_caches(db)
            dashboard = new_dashboard(app, db, events)
            wall, cpu = timed(lambda d=dashboard: show_dashboard(app, d))
            cold.append(wall)
            cold_cpu.append(cpu)
            parts.append(dashboard.results.seconds)
            close(app, dashboard)
            empty_caches(db)
            dashboard = new_dashboard(app, db, events)
            wall, cpu = timed(lambda d=dashboard: first_screen(app, d))
            cold_first.append(wall)
            cold_first_cpu.append(cpu)
            close(app, dashboard)
            empty_caches(db)
            dashboard = new_dashboard(app, db, events)
            dashboard.prewarm()
            dashboard.wait_prewarm()
            prewarmed_first.append(first_screen(app, dashboard))
            prewarmed_all.append(prewarmed_first[-1] + show_dashboard(app, dashboard, refresh=False))
            assert dashboard.results.reloaded == 0
            close(app, dashboard)
        n = len(dashboard.results.subjects)
        print(f"dashboard cold (no prewarm), {n} subjects, every tab and figure rendered: median "
              f"{ms(statistics.median(cold))} (min {ms(min(cold))}, max {ms(max(cold))}; target <= 1000 ms); "
              f"CPU median {ms(statistics.median(cold_cpu))}")
        for key in ("marks", "load", "evaluate", "summary"):
            print(f"  {key:9s} {ms(statistics.median(p[key] for p in parts))}")
        engine = statistics.median(p["marks"] + p["load"] + p["evaluate"] + p["summary"] for p in parts)
        print(f"  tables, figures and rendering {ms(statistics.median(cold) - engine)}")
        print(f"dashboard cold (no prewarm), first tab only: median {ms(statistics.median(cold_first))} "
              f"(min {ms(min(cold_first))}, max {ms(max(cold_first))}); "
              f"CPU median {ms(statistics.median(cold_first_cpu))}")
        print(f"dashboard opened after the background prewarm: first tab {ms(statistics.median(prewarmed_first))}, "
              f"every tab and figure {ms(statistics.median(prewarmed_all))} (max {ms(max(prewarmed_all))})")

        dashboard = new_dashboard(app, db, events)
        show_dashboard(app, dashboard)
        locks = active_locks(db)
        subject_id, visit = next(
            (s.subject_id, v) for s in dashboard.results.subjects for v in list_visits(db, s.subject_id)
            if v.code == "D0" and lock_for(locks, s.subject_id, v.record_id) is None)  # the demo locks some
        tab = EndpointsTab(db, events, subject_id, lambda: AS_OF)
        tab.resize(1200, 800)
        tab.show()
        settle(app)
        warm, panel, saves = [], [], []
        for i in range(args.repeat):
            entry = load_visit(db, visit.record_id)
            labs = {**entry.labs, "hemoglobin_g_dl": LabEntry(value_text=f"{9.0 + 0.1 * (i % 5):.1f}", unit="g/dL")}
            started = time.perf_counter()
            save_visit(db, subject_id, dataclasses.replace(entry, labs=labs), user="bench", reason="bench",
                       today=AS_OF)
            saves.append(time.perf_counter() - started)
            started = time.perf_counter()
            events.visit_saved.emit(subject_id)  # the tab recomputes in its slot (dashboard hidden here: stale)
            tab.repaint()
            panel.append(time.perf_counter() - started)
            warm.append(show_dashboard(app, dashboard))
            assert dashboard.results.reloaded == 1
        print(f"dashboard after a save (1 subject reloaded): median {ms(statistics.median(warm))} "
              f"(max {ms(max(warm))})")
        print(f"panel refresh after a save: median {ms(statistics.median(panel))} (max {ms(max(panel))}; "
              f"target <= 50 ms); the audited visit save itself: median {ms(statistics.median(saves))}")
        tab.close()
        dashboard.close()
        db.close()
        print(f"load average at end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
