"""Time `python main.py endpoints DOSSIER.json` as a whole process, next to `python -c pass`; prints medians.

    .venv/bin/python bench/bench_cli.py [--runs 15] [--dossier tests/data/dossiers/lc_improvement_met.json]

Also times one process over the whole example folder (JSON Lines), to show the per-dossier cost once the
interpreter and the engine are loaded.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DOSSIER = ROOT / "tests" / "data" / "dossiers" / "lc_improvement_met.json"
FOLDER = ROOT / "tests" / "data" / "dossiers"


def timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - t
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode(errors='replace').strip()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--dossier", type=Path, default=DEFAULT_DOSSIER)
    args = parser.parse_args()
    py = sys.executable
    commands = {
        "python -c pass": [py, "-c", "pass"],
        f"main.py endpoints {args.dossier.name}": [py, "main.py", "endpoints", str(args.dossier)],
    }
    folder_files = sorted(FOLDER.glob("*.json"))
    folder_cmd = [py, "main.py", "endpoints", str(FOLDER)]
    for cmd in commands.values():  # warm the file cache and .pyc files
        timed(cmd)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):  # interleaved, so both see the same machine load
        for name, cmd in commands.items():
            samples[name].append(timed(cmd))
    folder = [timed(folder_cmd) for _ in range(max(3, args.runs // 5))]
    base = statistics.median(samples["python -c pass"])
    print(f"{args.runs} interleaved runs each, medians (min-max):")
    for name, values in samples.items():
        med = statistics.median(values)
        print(f"  {name:<50} {med * 1000:7.1f} ms ({min(values) * 1000:.1f}-{max(values) * 1000:.1f})"
              f"  = {med / base:.1f}x python -c pass")
    med_folder = statistics.median(folder)
    one = statistics.median(samples[f"main.py endpoints {args.dossier.name}"])
    print(f"  main.py endpoints FOLDER ({len(folder_files)} dossiers, JSON Lines)  {med_folder * 1000:7.1f} ms"
          f"  -> {(med_folder - one) / max(len(folder_files) - 1, 1) * 1000:.2f} ms per additional dossier")


if __name__ == "__main__":
    main()
