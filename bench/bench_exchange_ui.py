"""File → Export and File → Import labs in the app, over a demo database; prints the figures.

    python main.py demo --db /tmp/demo.sqlite --subjects 1000
    python bench/bench_exchange_ui.py --db /tmp/demo.sqlite [--lab-rows 5000]

Export: the CSV tables of every subject written by the dialog's worker while the event loop runs: wall time, and
how responsive the window stayed (gaps between ticks of a 20 ms timer in the GUI thread, median and worst).
Import labs: a laboratory export of N rows (bench_exchange.lab_file) previewed in the dialog (file read, every
row's fate, the table filled and its columns sized), against the bare exchange.lab_import preview.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

AS_OF = date(2026, 11, 25)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--lab-rows", type=int, default=5000)
    args = parser.parse_args()
    os.environ.setdefault("TRIALDESK_DATA_DIR", tempfile.mkdtemp(prefix="bench-exchange-ui-"))

    from bench_exchange import MAPPING, lab_file
    from PySide6.QtCore import QTimer

    from exchange.lab_import import preview_labs, read_lab_file
    from exchange.lab_mapping import load_mapping
    from models.database import open_database
    from ui.app import create_application
    from ui.drafts import DraftStore
    from ui.exchange.feature import ExchangeActions
    from ui.shell.main_window import MainWindow

    app = create_application()
    out = Path(tempfile.mkdtemp(prefix="bench-exchange-ui-out-"))
    db = open_database(args.db, create=False)
    window = MainWindow(db, drafts=DraftStore(out / "drafts"), user="bench", today=lambda: AS_OF)
    window.resize(1366, 768)
    window.show()
    actions = window.findChild(ExchangeActions)

    dialog = actions.open_export()
    dialog.set_format("csv")
    dialog.target_edit.setText(str(out / "tables"))
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    done: list[object] = []
    dialog.finished_export.connect(done.append)
    started = time.perf_counter()
    timer.start(20)
    dialog.start()
    while not done:
        app.processEvents()
        time.sleep(0.002)
    timer.stop()
    gaps = [(b - a) * 1000 for a, b in zip(ticks, ticks[1:], strict=False)]
    result = done[0]
    print(f"export CSV from the dialog: {result.subjects} subjects, {len(result.paths)} files in "
          f"{time.perf_counter() - started:.1f} s; GUI timer gaps median {statistics.median(gaps):.0f} ms, "
          f"worst {max(gaps):.0f} ms ({len(gaps)} ticks)")
    dialog.close()

    lab_file(args.db, args.lab_rows, out / "labs.csv")
    mapping = load_mapping(MAPPING)
    started = time.perf_counter()
    preview = preview_labs(db, read_lab_file(out / "labs.csv", mapping), mapping)
    bare = time.perf_counter() - started
    labs = actions.open_import_labs()
    labs.lab_edit.setText(str(out / "labs.csv"))
    labs.mapping_edit.setText(str(MAPPING))
    started = time.perf_counter()
    assert labs.load_preview()
    app.processEvents()
    shown = time.perf_counter() - started
    print(f"lab import preview of {len(preview.rows)} rows: {bare:.2f} s bare, {shown:.2f} s in the dialog "
          f"(table filled, columns sized); {len(labs.model.undecided())} rows wait for a choice")
    labs.close()
    window.close()
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
