"""How long `verify` takes on a 1,000-subject database (goal: <= 5 s), phase by phase.

    python bench/bench_verify.py [--db FILE] [--subjects 1000]

Without --db it writes a demo database of --subjects subjects into a temporary folder first (minutes for 1,000).
Prints the audit row count and the seconds (wall clock, and this process's CPU time: on a shared machine the CPU
time is what an idle laptop would take) of: SQLite quick_check, the hash chain, the anchor check, the
reconciliation of the data with the replayed trail, the whole `verify_database`, and `main.py verify` in a fresh
process (start-up included).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TRIALDESK_DATA_DIR", tempfile.mkdtemp(prefix="bench-verify-"))


def _timed(label: str, fn: object) -> object:
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()  # type: ignore[operator]
    print(f"{label:<34} {time.perf_counter() - start:6.2f} s  (CPU {time.process_time() - cpu:5.2f} s)")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--subjects", type=int, default=1000)
    args = parser.parse_args()

    from models.anchor import anchor_log_path, anchors_for, check_anchors, head_of, read_anchors
    from models.audit_chain import verify_audit_connection
    from models.database import open_database
    from models.integrity import quick_check
    from models.readonly import open_readonly
    from models.reconcile import reconcile
    from models.verify import verify_database

    path = args.db
    if path is None:
        from models.demo import write_demo_database

        path = Path(tempfile.mkdtemp(prefix="bench-verify-db-")) / "demo.sqlite3"
        _timed(f"demo database, {args.subjects} subjects", lambda: write_demo_database(path, args.subjects))
    open_database(path, create=False).close()  # anchored, as after a day's work
    with closing(open_readonly(path)) as conn:
        head = head_of(conn)
    print(f"{path}: {head.rows:,} audit rows, {path.stat().st_size / 1e6:.1f} MB")
    _timed("quick_check", lambda: quick_check(path))
    with closing(open_readonly(path)) as conn:
        _timed("hash chain", lambda: verify_audit_connection(conn))
        anchors = anchors_for(path, head, read_anchors(anchor_log_path()))
        _timed("anchors", lambda: check_anchors(head, anchors, lambda i: conn.execute(
            "SELECT row_hash FROM audit_log WHERE id = ?", (i,)).fetchone()[0]))
        differences = _timed("reconciliation", lambda: reconcile(conn))
    report = _timed("verify_database (all of it)", lambda: verify_database(path))
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "main.py", "verify", "--db", str(path)], cwd=ROOT, capture_output=True,
                          text=True)
    print(f"{'main.py verify (fresh process)':<34} {time.perf_counter() - start:6.2f} s (exit {done.returncode})")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"verdict: {'intact' if report.ok else 'NOT intact'}; differences: {len(differences)}")


if __name__ == "__main__":
    main()
