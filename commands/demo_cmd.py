"""Write a database of synthetic demo subjects (seeded, deterministic) without opening a window.

    python main.py demo --db FILE [--subjects N] [--seed S] [--as-of YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, metavar="FILE", help="database to create (must not exist)")
    parser.add_argument("--subjects", type=int, default=10, metavar="N", help="number of subjects (default 10)")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="the date the demo data runs to (default: today)")


def run(args: argparse.Namespace) -> int:
    from endpoints.dossier_json import DossierError, parse_date
    from models.demo import write_demo_database
    from models.errors import DatabaseError, ImportRefused

    if args.subjects < 1:
        print("error: --subjects must be at least 1", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.db.exists() and args.db.stat().st_size > 0:
        print(f"error: {args.db} already exists; choose a new file", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        as_of = parse_date(args.as_of, "--as-of") if args.as_of else None
        report = write_demo_database(args.db, n_subjects=args.subjects, seed=args.seed, as_of=as_of)
    except (DossierError, DatabaseError, ImportRefused) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    size_mb = report.path.stat().st_size / 1e6
    print(f"wrote {report.subjects} demo subjects to {report.path} in {report.seconds:.2f} s ({size_mb:.1f} MB)")
    return 0
