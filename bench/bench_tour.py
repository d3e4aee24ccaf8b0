"""The screen tour as the site's pre-stop check runs it: a 3-subject demo, then `main.py screenshots` at 1366x768
(limit: 30 s). Prints the wall and CPU seconds of each tour run, the machine's load and how many screens fit.

    .venv/bin/python bench/bench_tour.py [--runs 3] [--subjects 3] [--size 1366x768] [--role coordinator]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--subjects", type=int, default=3)
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--role", default="coordinator")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    with tempfile.TemporaryDirectory() as temp:
        db = Path(temp) / "d.db"
        subprocess.run([sys.executable, "main.py", "demo", "--db", str(db), "--subjects", str(args.subjects)],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        for run in range(args.runs):
            out = Path(temp) / f"tour{run}"
            start, cpu = time.perf_counter(), children_cpu()
            result = subprocess.run([sys.executable, "main.py", "screenshots", "--db", str(db), "--out", str(out),
                                     "--size", args.size, "--role", args.role], cwd=ROOT, env=env,
                                    capture_output=True, text=True)
            wall, used = time.perf_counter() - start, children_cpu() - cpu
            screens = json.loads((out / "screens.json").read_text())["screens"] if result.returncode == 0 else []
            fitting = sum(1 for s in screens if s["save_visible"])
            print(f"run {run + 1}: {wall:5.1f} s wall, {used:4.1f} s CPU, exit {result.returncode}, "
                  f"{len(screens)} screens, {fitting} with Save visible")
    return 0


if __name__ == "__main__":
    sys.exit(main())
