"""Print benchmark: subject PDF (goal ≤ 1 s) and 10-subject binder (goal ≤ 10 s) from the demo database.

Each figure is also given as a ratio to a bare reportlab document with the same page count, made in the same
run (one paragraph per page, built-in Helvetica), so a slower or faster machine can be told apart from a
slower or faster TrialDesk. Run: .venv/bin/python bench/bench_pdf.py [--subjects 10] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

AS_OF = date(2026, 11, 25)


def bare_document(path: Path, pages: int) -> float:
    """Seconds to build a bare reportlab document of `pages` pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["Normal"]
    started = time.perf_counter()
    story = []
    for i in range(pages):
        story += [Paragraph(f"Page {i + 1}", style), PageBreak()]
    SimpleDocTemplate(str(path), pagesize=A4).build(story[:-1])
    return time.perf_counter() - started


def page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subjects", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from models.database import open_database
    from models.demo import write_demo_database
    from models.subjects import list_subjects
    from reports.binder import build_binder
    from reports.fonts import register_fonts, setup_matplotlib
    from reports.source import build_subject_pdf, load_subject_print

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_demo_database(folder / "demo.sqlite", n_subjects=args.subjects, seed=1, as_of=AS_OF)
        db = open_database(folder / "demo.sqlite", create=False)
        ids = [row.subject_id for row in list_subjects(db)]

        started = time.perf_counter()
        register_fonts()
        setup_matplotlib()
        print(f"one-time font registration (reportlab + matplotlib): {time.perf_counter() - started:.3f} s")

        print(f"\nSubject PDF (as of {AS_OF}), best of {args.repeat} per subject; goal ≤ 1 s")
        print(f"{'subject':8} {'pages':>5} {'prepare s':>9} {'total s':>8} {'bare s':>7} {'ratio':>6}")
        totals, ratios = [], []
        for sid in ids:
            out = folder / f"{sid}.pdf"
            best = prep = float("inf")
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                load_subject_print(db, sid, AS_OF)
                prep = min(prep, time.perf_counter() - t0)
                t0 = time.perf_counter()
                build_subject_pdf(out, db, sid, as_of=AS_OF)
                best = min(best, time.perf_counter() - t0)
            pages = page_count(out)
            bare = min(bare_document(folder / "bare.pdf", pages) for _ in range(args.repeat))
            totals.append(best)
            ratios.append(best / bare)
            print(f"{sid:8} {pages:5d} {prep:9.3f} {best:8.3f} {bare:7.3f} {best / bare:6.1f}")
        print(f"median {statistics.median(totals):.3f} s, max {max(totals):.3f} s; "
              f"ratio to bare median {statistics.median(ratios):.1f}×")

        print(f"\nBinder of {len(ids)} subjects, best of {args.repeat}; goal ≤ 10 s")
        out = folder / "binder.pdf"
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            build_binder(out, ids, db, as_of=AS_OF)
            best = min(best, time.perf_counter() - t0)
        pages = page_count(out)
        bare = min(bare_document(folder / "bare.pdf", pages) for _ in range(args.repeat))
        size_kb = out.stat().st_size / 1024
        print(f"{pages} pages, {size_kb:.0f} KB: {best:.3f} s; bare reportlab {bare:.3f} s; ratio {best / bare:.1f}×")
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
