"""Verify a database: SQLite integrity (quick_check) and the audit trail's hash chain; report the first broken link.

    python main.py verify --db FILE        exit 0 intact, 1 damaged or tampered, 2 no such file / not a database
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_BROKEN = 1
EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, metavar="FILE", help="database to check (opened read-only)")


def run(args: argparse.Namespace) -> int:
    from models.audit_chain import verify_audit_file
    from models.integrity import quick_check

    path: Path = args.db
    if not path.is_file():
        print(f"error: {path}: no such database file", file=sys.stderr)
        return EXIT_BAD_INPUT
    problem = quick_check(path)
    if problem is not None:
        print(f"DAMAGED: {problem}")
        return EXIT_BROKEN
    report = verify_audit_file(path)
    if report.ok:
        print(report.message)
        return 0
    print(f"BROKEN: {report.message}")
    return EXIT_BROKEN
