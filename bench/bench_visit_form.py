"""Opening a visit form and saving it on a 1,000-subject database (issue 5 targets: open ≤ 150 ms, save ≤ 50 ms).

    python bench/bench_visit_form.py [--db FILE] [--subjects 1000] [--repeat 20]

Without --db a demo database is written first (`python main.py demo --db FILE --subjects N`). "Open" is building
the editor for a saved W24 visit (visit, subject context and taken codes loaded, every section filled) and
showing it; the endpoint panel is filled right after (its own figure: saved dossier loaded and evaluated).
"Save" is save_visit of one changed value with a reason (edit checks, audited write), as the Save button does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p90 = ordered[max(int(len(ordered) * 0.9) - 1, 0)]
    return (f"median {statistics.median(ordered) * 1000:6.1f} ms   p90 {p90 * 1000:6.1f} ms"
            f"   max {ordered[-1] * 1000:6.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--subjects", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    as_of = dt.date(2026, 11, 25)
    workdir = Path(tempfile.mkdtemp(prefix="bench_visit_"))
    db_path = args.db
    if db_path is None:
        db_path = workdir / "bench.sqlite"
        started = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--db", str(db_path), "--subjects",
                        str(args.subjects), "--as-of", as_of.isoformat()], check=True, cwd=ROOT)
        print(f"demo database: {time.perf_counter() - started:.1f} s")

    from PySide6.QtWidgets import QApplication

    from models.database import open_database
    from models.visit_store import list_visits, load_visit, save_visit
    from ui.drafts import DraftStore
    from ui.entry.visit_editor import VisitEditor
    from ui.events import DataEvents
    from ui.fonts import apply_app_font, register_fonts

    app = QApplication([])
    apply_app_font(app, register_fonts())
    db = open_database(db_path, create=False)
    drafts = DraftStore(workdir / "drafts")
    events = DataEvents()
    with db.read() as session:
        from sqlalchemy import func, select

        from models.schema import Subject, Visit
        n_subjects = session.scalar(select(func.count(Subject.id)))
        n_visits = session.scalar(select(func.count(Visit.id)))
    print(f"database: {db_path} ({n_subjects} subjects, {n_visits} visits, {db_path.stat().st_size / 1e6:.0f} MB)")
    with db.read() as session:
        subject_ids = session.scalars(select(Subject.subject_id).order_by(Subject.id)).all()
    targets = []
    for subject_id in subject_ids[::7]:
        visits = [v for v in list_visits(db, subject_id) if v.code == "W24" and not v.missed]
        if visits:
            targets.append((subject_id, visits[0].record_id))
        if len(targets) == args.repeat:
            break

    opens, panels = [], []
    for subject_id, record_id in targets:
        started = time.perf_counter()
        editor = VisitEditor(db, "bench", drafts, events, subject_id, load_visit(db, record_id), as_of)
        editor.show()
        app.processEvents()
        opens.append(time.perf_counter() - started)
        started = time.perf_counter()
        editor.refresh_panel()
        panels.append(time.perf_counter() - started)
        editor.initial_raw = editor.raw()
        editor.close()
        editor.deleteLater()
        app.processEvents()

    saves = []
    for index, (subject_id, record_id) in enumerate(targets):
        entry = load_visit(db, record_id)
        changed = replace(entry, weight_kg=round((entry.weight_kg or 60.0) + 0.1 * (index % 3 + 1), 1))
        started = time.perf_counter()
        save_visit(db, subject_id, changed, user="bench", reason="benchmark: weight re-read", today=as_of)
        saves.append(time.perf_counter() - started)
    db.close()
    print(f"open visit form (W24, {len(opens)} subjects):  {_ms(opens)}   target ≤ 150 ms")
    print(f"endpoint panel after open (load + evaluate): {_ms(panels)}")
    print(f"save visit (one change, reason, audited):    {_ms(saves)}   target ≤ 50 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
