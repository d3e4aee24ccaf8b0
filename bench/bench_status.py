"""Time the status ladder on a large demo database; prints the figures.

    .venv/bin/python bench/bench_status.py [--subjects 1000] [--repeat 5] [--db FILE]

Builds (once, cached under /tmp unless --db names a file) a seeded demo database of N subjects, then reports the
median of `--repeat` runs of: (1) `main.py status --db FILE --as-of DATE` as a whole process (goal ≤ 1 s for
1,000 subjects), (2) the aggregated read `models.status_store.load_status_facts` in-process (the input of the
visit grid's first paint, goal ≤ 300 ms), (3) the pure ladder `study_status`, (4) `operations` on its result and
(5) one subject's read + ladder (the refresh of a grid row after a save, goal ≤ 50 ms).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from endpoints.operations import operations  # noqa: E402
from endpoints.visit_ladder import study_status  # noqa: E402
from models.database import open_database  # noqa: E402
from models.demo import write_demo_database  # noqa: E402
from models.status_store import load_status_facts  # noqa: E402

AS_OF = date(2026, 11, 25)


def _median_s(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


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
    command = [sys.executable, str(ROOT / "main.py"), "status", "--db", str(path), "--as-of", AS_OF.isoformat()]
    process_s = _median_s(lambda: subprocess.run(command, check=True, capture_output=True), args.repeat)
    db = open_database(path, create=False)
    try:
        params = db.config.params
        facts = load_status_facts(db)
        read_s = _median_s(lambda: load_status_facts(db), args.repeat)
        one = [facts[len(facts) // 2].subject_id]
        refresh_s = _median_s(lambda: study_status(load_status_facts(db, one), AS_OF, params), args.repeat)
    finally:
        db.close()
    statuses = study_status(facts, AS_OF, params)
    ladder_s = _median_s(lambda: study_status(facts, AS_OF, params), args.repeat)
    ops_s = _median_s(lambda: operations(statuses, facts, AS_OF, params), args.repeat)
    cells = sum(len(s.cells) for s in statuses)
    print(f"subjects {len(facts)}, grid cells {cells} (median of {args.repeat})")
    print(f"main.py status, whole process: {process_s * 1000:.0f} ms (goal <= 1000 ms)")
    print(f"aggregated read load_status_facts: {read_s * 1000:.0f} ms (grid first paint goal <= 300 ms)")
    print(f"ladder study_status: {ladder_s * 1000:.0f} ms; operations: {ops_s * 1000:.0f} ms")
    print(f"one subject's row after a save (read + ladder): {refresh_s * 1000:.1f} ms (refresh goal <= 50 ms)")
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
