"""Time `evaluate_subject` (all 15 endpoints) on complete 24-week subjects; prints ms per subject.

    .venv/bin/python bench/bench_endpoints.py [--subjects 200] [--repeat 5]

Subjects are the test builders' complete subject (12 scheduled visits through W24 plus 2 unscheduled, full
labs and forms, 20 steroid rows, 2 medications), alternately LN and LC. The figure is the median over repeats
of the mean time per subject; the goal (issue 3) is ≤ 5 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from endpoints.evaluate import evaluate_subject  # noqa: E402
from endpoints.params import ProtocolParams  # noqa: E402
from tests.endpoints.builders import complete_subject  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subjects", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    params = ProtocolParams()
    dossiers = [complete_subject("LN" if i % 2 == 0 else "LC") for i in range(args.subjects)]
    d0 = dossiers[0]
    print(f"subject: {len(d0.visits)} visits, {len(d0.steroids)} steroid rows, {len(d0.medications)} medications")
    evaluate_subject(d0, params)  # warm-up
    per_subject = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for d in dossiers:
            evaluate_subject(d, params)
        per_subject.append((time.perf_counter() - t0) / len(dossiers) * 1000)
    print(f"evaluate_subject, all 15 endpoints: median {statistics.median(per_subject):.2f} ms per subject "
          f"(min {min(per_subject):.2f}, max {max(per_subject):.2f}; {args.subjects} subjects × {args.repeat}); "
          "goal ≤ 5 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
