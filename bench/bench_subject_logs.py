"""Time the subject logs on a 1,000-subject demo database: opening a row's form (edit checks and, for the
steroid log, the live endpoint panel), saving a row through the audited path, and reloading a log's table.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_subject_logs.py [--subjects 1000] [--n 50] [--db FILE]

`--db` benchmarks on a copy of an existing demo database (`python main.py demo --db FILE --subjects 1000`)
instead of generating one, which takes minutes on a busy machine.

Prints the median and 90th percentile of each. Goals (issue 5, as for the visit form): open ≤ 150 ms, save ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from models.database import backup_copy, open_database  # noqa: E402
from models.demo import write_demo_database  # noqa: E402
from models.subject_records import list_rows, save_row  # noqa: E402
from models.subjects import list_subjects  # noqa: E402
from ui.drafts import DraftStore  # noqa: E402
from ui.events import DataEvents  # noqa: E402
from ui.logs.adverse_events import adverse_event_spec  # noqa: E402
from ui.logs.record_editor import RecordEditor  # noqa: E402
from ui.logs.steroids import steroid_spec  # noqa: E402

TODAY = date(2026, 11, 25)


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    return f"median {statistics.median(samples) * 1000:7.2f} ms   p90 {p90 * 1000:7.2f} ms   (n={len(samples)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subjects", type=int, default=1000)
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--db", type=Path, help="copy this demo database instead of generating one")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        if args.db is not None:
            backup_copy(args.db, path)
        else:
            write_demo_database(path, n_subjects=args.subjects, seed=1, as_of=TODAY)
        db = open_database(path, create=False)
        drafts, events = DraftStore(Path(tmp) / "drafts"), DataEvents()
        subjects = [row.subject_id for row in list_subjects(db, status="completed")][:5]
        ae_spec, steroid = adverse_event_spec(), steroid_spec(db.config.params)
        timings: dict[str, list[float]] = {"open AE form": [], "open steroid form + endpoint panel": [],
                                           "save a new steroid row": [], "edit a steroid row (reason)": [],
                                           "reload a steroid log table": []}
        for i in range(args.n):
            sid = subjects[i % len(subjects)]
            rows = list_rows(db, sid, "adverse_events")
            started = time.perf_counter()
            editor = RecordEditor(db, "bench", drafts, events, sid, ae_spec, rows[0] if rows else None, TODAY)
            editor.refresh()
            timings["open AE form"].append(time.perf_counter() - started)
            editor.deleteLater()
            steroid_rows = list_rows(db, sid, "steroids")
            started = time.perf_counter()
            editor = RecordEditor(db, "bench", drafts, events, sid, steroid, steroid_rows[0], TODAY)
            editor.refresh()
            timings["open steroid form + endpoint panel"].append(time.perf_counter() - started)
            editor.deleteLater()
            app.processEvents()
            values = {"drug": "prednisolone", "route": "oral", "mg_per_dose": 5.0, "doses_per_day": 1.0,
                      "start": TODAY - timedelta(days=30), "stop": TODAY - timedelta(days=20), "indication": "sle"}
            started = time.perf_counter()
            record_id = save_row(db, sid, "steroids", values, user="bench", confirmed=True, today=TODAY)
            timings["save a new steroid row"].append(time.perf_counter() - started)
            started = time.perf_counter()
            save_row(db, sid, "steroids", {**values, "mg_per_dose": 2.5}, user="bench", reason="bench",
                     record_id=record_id, confirmed=True, today=TODAY)
            timings["edit a steroid row (reason)"].append(time.perf_counter() - started)
            started = time.perf_counter()
            list_rows(db, sid, "steroids")
            timings["reload a steroid log table"].append(time.perf_counter() - started)
        print(f"subject logs on a {len(list_subjects(db))}-subject database ({path.stat().st_size / 1e6:.1f} MB)")
        for name, samples in timings.items():
            print(f"  {name:38s} {_ms(samples)}")
        db.close()


if __name__ == "__main__":
    main()
