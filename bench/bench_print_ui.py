"""Printing from the app: a binder of every subject built by the Print menu's worker while the event loop runs.

    python main.py demo --db /tmp/demo.sqlite
    python bench/bench_print_ui.py --db /tmp/demo.sqlite [--out /tmp]

Prints the wall time of the binder (start to file opened), the number of progress updates shown, and how
responsive the window stayed: the gaps between ticks of a 20 ms timer in the GUI thread (median and worst)
while the worker was busy. Then the time from pressing Cancel (half-way) to the job being over.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=None, help="folder for the PDF (default: a temporary one)")
    args = parser.parse_args()
    os.environ.setdefault("TRIALDESK_DATA_DIR", tempfile.mkdtemp(prefix="bench-print-"))

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressBar

    from models.database import open_database
    from ui.app import create_application
    from ui.drafts import DraftStore
    from ui.shell.main_window import MainWindow

    app = create_application()
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-print-out-"))
    db = open_database(args.db, create=False)
    window = MainWindow(db, drafts=DraftStore(out / "drafts"), user="bench")
    window.show()
    printing = window.printing
    printing.ask_path = lambda _parent, _title, proposed: out / proposed.name
    printing.open_file = lambda _path: True

    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    updates: list[int] = []

    def run(cancel_at: float | None) -> tuple[float, float | None]:
        ticks.clear()
        updates.clear()
        start = time.perf_counter()
        cancelled_at = None
        timer.start(20)
        printing.print_binder(None)
        printing.progress.findChild(QProgressBar).valueChanged.connect(updates.append)
        while printing.busy:
            app.processEvents()
            dialog = printing.progress
            if cancel_at is not None and cancelled_at is None and dialog is not None and \
                    dialog.value() >= cancel_at * dialog.maximum():
                cancelled_at = time.perf_counter()
                dialog.cancel()
            time.sleep(0.002)
        timer.stop()
        return time.perf_counter() - start, (time.perf_counter() - cancelled_at) if cancelled_at else None

    subjects = len(window.subjects.list_page.visible_subject_ids())
    seconds, _ = run(None)
    gaps = [(b - a) * 1000 for a, b in zip(ticks, ticks[1:], strict=False)]
    print(f"binder of {subjects} subjects from the Print menu: {seconds:.2f} s, {len(updates)} progress updates")
    print(f"GUI timer (20 ms) while building: {len(ticks)} ticks, gap median {statistics.median(gaps):.0f} ms, "
          f"worst {max(gaps):.0f} ms")
    seconds, after_cancel = run(0.5)
    left = sorted(p.name for p in out.iterdir() if p.name.startswith(".") and p.suffix == ".part")
    print(f"cancel half-way: job over {after_cancel * 1000:.0f} ms after Cancel; temporary files left: {len(left)}")
    window.close()
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
