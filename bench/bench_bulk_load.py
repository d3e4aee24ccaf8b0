"""Time the dashboard's data path without Qt: the bulk `load_dossiers` and `evaluate_subject` on every subject.

    .venv/bin/python bench/bench_bulk_load.py --db FILE [--repeat 3] [--json OUT] [--profile load|engine]

Without --db a demo database of N subjects (--subjects, default 1000) is written to a temporary folder first.
Prints the median load time, the engine time (total and per subject; wall and process CPU time, with the cyclic
garbage collector running and paused as the dashboard pauses it) and the load average. --json writes every subject's
`evaluate_subject(...).to_json()` (sorted keys, one subject per line) so two versions of the code can be
diffed; --profile prints the top cProfile entries of one phase.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from endpoints.evaluate import evaluate_subject  # noqa: E402
from models.database import open_database  # noqa: E402
from models.demo import write_demo_database  # noqa: E402
from models.dossier_store import load_dossiers  # noqa: E402

AS_OF = date(2026, 11, 25)


def median_ms(seconds: list[float]) -> str:
    return f"{statistics.median(seconds) * 1000:.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--subjects", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="write every subject's results here, one JSON line each")
    parser.add_argument("--profile", choices=("load", "engine"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db
        if path is None:
            path = Path(folder) / "bench.sqlite3"
            write_demo_database(path, n_subjects=args.subjects, seed=1, as_of=AS_OF)
        db = open_database(path, create=False)
        params = db.config.params
        print(f"load average at start {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)")
        loads, engines, engines_cpu, paused, paused_cpu = [], [], [], [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            dossiers = load_dossiers(db, AS_OF)
            loads.append(time.perf_counter() - started)
            started, started_cpu = time.perf_counter(), time.process_time()
            results = [evaluate_subject(d, params, as_of=AS_OF) for d in dossiers]
            engines.append(time.perf_counter() - started)
            engines_cpu.append(time.process_time() - started_cpu)
            del results
            gc.disable()
            started, started_cpu = time.perf_counter(), time.process_time()
            results = [evaluate_subject(d, params, as_of=AS_OF) for d in dossiers]
            paused.append(time.perf_counter() - started)
            paused_cpu.append(time.process_time() - started_cpu)
            gc.enable()
        n = len(dossiers)
        print(f"{n} subjects: load_dossiers median {median_ms(loads)} (min {min(loads) * 1000:.0f})")
        print(f"  engine, collector running: median {median_ms(engines)} (CPU {median_ms(engines_cpu)}) "
              f"= {statistics.median(engines) / max(n, 1) * 1000:.2f} ms per subject")
        print(f"  engine, collector paused:  median {median_ms(paused)} (CPU {median_ms(paused_cpu)}) "
              f"= {statistics.median(paused) / max(n, 1) * 1000:.2f} ms per subject")
        print(f"load average at end {os.getloadavg()[0]:.2f}")
        if args.json:
            with args.json.open("w", encoding="utf-8") as out:
                for r in results:
                    out.write(json.dumps(r.to_json(), sort_keys=True, default=str) + "\n")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            if args.profile == "load":
                load_dossiers(db, AS_OF)
            else:
                for d in dossiers:
                    evaluate_subject(d, params, as_of=AS_OF)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
