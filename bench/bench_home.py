"""Home screen "what needs doing" on a large database: the aggregated read and the screen opening.

    python main.py demo --db /tmp/home1000.sqlite --subjects 1000
    python bench/bench_home.py --db /tmp/home1000.sqlite [--repeat 5]

Prints the median and worst time of (a) due_and_overdue (one SQL statement + the calendar arithmetic for every
subject), (b) building the HomeSection and filling both tables, offscreen, and (c) the month calendar.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--today", default=None, help="YYYY-MM-DD (default: today)")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from models.database import open_database
    from models.schedule_store import due_and_overdue
    from ui.schedule.calendar import MonthCalendar
    from ui.schedule.home import HomeSection

    today = date.fromisoformat(args.today) if args.today else date.today()
    app = QApplication.instance() or QApplication([])
    db = open_database(args.db, create=False)
    try:
        with db.read() as session:
            subjects = session.connection().exec_driver_sql("SELECT count(*) FROM subjects").scalar()
        query_times, open_times, month_times = [], [], []
        due = overdue = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            due, overdue = due_and_overdue(db, today)
            query_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            home = HomeSection(db, lambda: today)
            home.refresh()
            home.resize(1100, 700)
            home.show()
            app.processEvents()
            open_times.append(time.perf_counter() - started)
            home.close()
            home.deleteLater()
            started = time.perf_counter()
            month = MonthCalendar(db, lambda: today)
            month.refresh()
            month.resize(1100, 700)
            month.show()
            app.processEvents()
            month_times.append(time.perf_counter() - started)
            month.close()
            month.deleteLater()
            app.processEvents()
    finally:
        db.close()
    print(f"{subjects} subjects, today {today}: {len(due)} visits due in 7 days, {len(overdue)} overdue")
    print(f"due_and_overdue (1 SQL statement + calendars): median {statistics.median(query_times) * 1000:.0f} ms, "
          f"worst {max(query_times) * 1000:.0f} ms")
    print(f"home screen open (read + tables + first paint): median {statistics.median(open_times) * 1000:.0f} ms, "
          f"worst {max(open_times) * 1000:.0f} ms (target <= 200 ms)")
    print(f"month calendar open (6 weeks, all subjects): median {statistics.median(month_times) * 1000:.0f} ms, "
          f"worst {max(month_times) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
