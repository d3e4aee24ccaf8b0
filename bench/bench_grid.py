"""Time the visit grid on a large demo database; prints the figures.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_grid.py [--subjects 1000] [--repeat 5] [--db FILE]

Builds (once, cached under /tmp unless --db names a file) a seeded demo database of N subjects, then reports the
median of `--repeat` runs, wall and CPU time (the machine may be shared), of:
(1) first paint: the one aggregated read (`models.status_store.load_status_facts`) into the StatusBook, the rows
    handed to the grid's QAbstractTableModel, and the grid painted at 1366×768 — the ladder of each row painted is
    computed then (the rest when a filter, a sort or the operational view asks) (goal ≤ 300 ms);
(2) refresh after a save: one subject re-read (`StatusBook.refresh_subject`), its row replaced in the model and
    the grid repainted (goal ≤ 50 ms).
The model formats a cell only when it is painted, so the paint reads no database (no query per cell): the
number of SQL statements per first paint and per refresh is printed too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import event  # noqa: E402

from models.database import open_database  # noqa: E402
from models.demo import write_demo_database  # noqa: E402
from ui.fonts import apply_app_font, register_fonts  # noqa: E402
from ui.status.book import StatusBook  # noqa: E402
from ui.status.grid import VisitGrid  # noqa: E402

AS_OF = date(2026, 11, 25)


def _median(run: Callable[[], None], repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds of `repeat` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subjects", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    path = args.db or Path(f"/tmp/trialdesk_bench_status_{args.subjects}.sqlite3")
    if not path.exists():
        report = write_demo_database(path, n_subjects=args.subjects, seed=1, as_of=AS_OF)
        print(f"built {path} ({args.subjects} subjects) in {report.seconds:.1f} s")
    app = QApplication.instance() or QApplication([])
    apply_app_font(app, register_fonts())
    db = open_database(path, create=False)
    statements = [0]
    event.listen(db.engine, "before_cursor_execute", lambda *_a: statements.__setitem__(0, statements[0] + 1))
    try:
        book = StatusBook(db, lambda: AS_OF)
        grid = VisitGrid(book)
        grid.resize(1366, 700)
        grid.show()
        app.processEvents()

        def first_paint() -> None:
            book.load()
            grid.table.viewport().repaint()
            grid.table.verticalHeader().viewport().repaint()

        statements[0] = 0
        first_paint()
        first_statements = statements[0]
        paint_s = _median(first_paint, args.repeat)
        subject = book.ordered()[len(book.statuses) // 2].subject_id
        grid.select_cell(subject, 3)

        def refresh() -> None:
            book.refresh_subject(subject)
            grid.table.viewport().repaint()

        statements[0] = 0
        refresh()
        refresh_statements = statements[0]
        refresh_s = _median(refresh, args.repeat)
        statements[0] = 0
        grid.table.viewport().repaint()
        paint_statements = statements[0]
    finally:
        db.close()
    cells = grid.model.rowCount() * grid.model.columnCount()
    print(f"subjects {grid.model.rowCount()}, grid cells {cells} (median of {args.repeat}; wall / CPU)")
    print(f"first paint (aggregated read + ladder + model + paint): {paint_s[0] * 1000:.0f} / "
          f"{paint_s[1] * 1000:.0f} ms, {first_statements} SQL statements (goal <= 300 ms)")
    print(f"refresh after a save (one subject re-read + row + repaint): {refresh_s[0] * 1000:.1f} / "
          f"{refresh_s[1] * 1000:.1f} ms, {refresh_statements} SQL statements (goal <= 50 ms)")
    print(f"a repaint of the grid alone: {paint_statements} SQL statements")
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
