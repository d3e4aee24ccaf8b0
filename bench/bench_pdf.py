"""Print benchmark: subject casebook PDF (goal ≤ 0.5 s) and binder of 100 subjects (goal ≤ 20 s, peak memory
≤ 250 MB and flat in the number of subjects), from a demo database.

Each time is also given as a ratio to a bare reportlab document with the same page count, made in the same run
(one paragraph per page, built-in Helvetica), so a slower or faster machine can be told apart from a slower or
faster TrialDesk. CPU seconds are printed beside wall seconds: on a shared machine the wall clock also counts
the time other programs held the processor, so the ratios are taken on CPU seconds. Plots are vector drawings
made at each print (no cache): a subject's "first" print in the process is timed apart from its reprints
("again", best of --repeat). Each binder runs in a fresh process (imports and font loading included in its
time, as for a user's first print), twice; its resident memory after the imports ("base MB") and its peak
(VmHWM: ru_maxrss would also count the parent's memory at the fork) are reported, for several subject counts to
show whether memory grows with them.

Run: .venv/bin/python bench/bench_pdf.py [--subjects 100] [--sample 5] [--repeat 2] [--binder-sizes 25,50,100]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

AS_OF = date(2026, 11, 25)


def bare_document(path: Path, pages: int) -> float:
    """CPU seconds to build a bare reportlab document of `pages` pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["Normal"]
    started = time.process_time()
    story = []
    for i in range(pages):
        story += [Paragraph(f"Page {i + 1}", style), PageBreak()]
    SimpleDocTemplate(str(path), pagesize=A4).build(story[:-1])
    return time.process_time() - started


def page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def peak_mb() -> float:
    """This program's peak resident memory in MB (Linux VmHWM, else ru_maxrss, which survives exec)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return next(int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmHWM:"))


def child_binder(db_path: str, n: int, out: str) -> None:
    """In a fresh process: print a binder of the first n subjects; print JSON figures on stdout."""
    from models.database import open_database
    from models.subjects import list_subjects
    from reports.binder import build_binder

    db = open_database(Path(db_path), create=False)
    ids = [row.subject_id for row in list_subjects(db)][:n]
    base = peak_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    build_binder(out, ids, db, as_of=AS_OF)
    figures = {"seconds": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "base_mb": base,
               "rss_mb": peak_mb()}
    db.close()
    print(json.dumps(figures))


def run_binder(db_path: Path, n: int, out: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child-binder", str(db_path), str(n), str(out)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subjects", type=int, default=100)
    parser.add_argument("--sample", type=int, default=5, help="subjects timed alone")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--binder-sizes", default="25,50,100")
    parser.add_argument("--child-binder", nargs=3, metavar=("DB", "N", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_binder:
        child_binder(args.child_binder[0], int(args.child_binder[1]), args.child_binder[2])
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["TRIALDESK_DATA_DIR"] = str(folder / "userdata")
        from models.database import open_database
        from models.demo import write_demo_database
        from models.subjects import list_subjects
        from reports.fonts import register_fonts
        from reports.source import build_subject_pdf

        started = time.perf_counter()
        write_demo_database(folder / "demo.sqlite", n_subjects=args.subjects, seed=1, as_of=AS_OF)
        print(f"demo database of {args.subjects} subjects: {time.perf_counter() - started:.1f} s")
        db = open_database(folder / "demo.sqlite", create=False)
        ids = [row.subject_id for row in list_subjects(db)]
        register_fonts()

        print(f"\nSubject casebook PDF (as of {AS_OF}), CPU s (wall s); goal ≤ 0.5 s")
        print(f"{'subject':8} {'pages':>5} {'first':>15} {'again':>15} {'bare CPU':>8} {'ratio again':>11}")
        colds, warms, ratios = [], [], []

        def timed() -> tuple[float, float]:
            wall, cpu = time.perf_counter(), time.process_time()
            build_subject_pdf(out, db, sid, as_of=AS_OF)
            return time.process_time() - cpu, time.perf_counter() - wall

        for sid in ids[:args.sample]:
            out = folder / f"{sid}.pdf"
            cold = timed()
            warm = min(timed() for _ in range(args.repeat))
            pages = page_count(out)
            bare = min(bare_document(folder / "bare.pdf", pages) for _ in range(args.repeat))
            colds.append(cold[0])
            warms.append(warm[0])
            ratios.append(warm[0] / bare)
            print(f"{sid:8} {pages:5d} {cold[0]:6.3f} ({cold[1]:6.3f}) {warm[0]:6.3f} ({warm[1]:6.3f}) {bare:8.3f} "
                  f"{warm[0] / bare:11.1f}")
        print(f"median CPU first {statistics.median(colds):.3f} s, again {statistics.median(warms):.3f} s; "
              f"ratio to bare (again) {statistics.median(ratios):.1f}×")
        db.close()

        print("\nBinder, each in a fresh process; goal ≤ 20 s for 100 subjects, peak memory ≤ 250 MB")
        print(f"{'subjects':>8} {'pages':>6} {'MB':>6} {'run':>3} {'wall s':>7} {'CPU s':>7} {'base MB':>7} "
              f"{'peak MB':>7} {'bare CPU':>8} {'ratio':>6}")
        for n in [int(x) for x in args.binder_sizes.split(",") if int(x) <= len(ids)]:
            out = folder / f"binder-{n}.pdf"
            for run in (1, 2):
                figures = run_binder(folder / "demo.sqlite", n, out)
                pages = page_count(out)
                bare = min(bare_document(folder / "bare.pdf", pages) for _ in range(3))
                print(f"{n:8d} {pages:6d} {out.stat().st_size / 2**20:6.1f} {run:3d} {figures['seconds']:7.2f} "
                      f"{figures['cpu']:7.2f} {figures['base_mb']:7.0f} {figures['rss_mb']:7.0f} {bare:8.2f} "
                      f"{figures['cpu'] / bare:6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
