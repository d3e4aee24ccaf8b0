"""Verify a database: SQLite integrity, the audit trail's hash chain, the anchors kept outside the file, and the data
reconciled with the audit trail (models.verify); every finding in plain words.

    python main.py verify --db FILE [--anchor FILE ...]

--anchor checks against an anchor kept elsewhere: the anchor log of another computer (audit-anchors.jsonl in its
TrialDesk data folder) or a backup's manifest. Exit 0 intact, 1 damaged or tampered, 2 no such file / not a
database. A file on read-only media is checked without writing and said to be read-only, not broken.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_BROKEN = 1
EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, metavar="FILE", help="database to check (opened read-only)")
    parser.add_argument("--anchor", type=Path, action="append", default=[], metavar="FILE",
                        help="also compare with the anchors in this file (an anchor log or a backup manifest)")


def run(args: argparse.Namespace) -> int:
    from models.verify import verify_database

    path: Path = args.db
    if path.is_dir():
        print(f"error: {path} is a folder, not a database file", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not path.is_file():
        print(f"error: {path}: no such database file", file=sys.stderr)
        return EXIT_BAD_INPUT
    for anchor in args.anchor:
        if not anchor.is_file():
            print(f"error: {anchor}: no such anchor file", file=sys.stderr)
            return EXIT_BAD_INPUT
    try:
        report = verify_database(path, args.anchor)
    except OSError as exc:
        print(f"error: an anchor file cannot be read ({exc.strerror or exc})", file=sys.stderr)
        return EXIT_BAD_INPUT
    verdict = "INTACT" if report.ok else "DAMAGED" if report.damaged else "TAMPERED"
    print(f"{verdict}{' (read-only)' if report.read_only else ''}: {path}")
    for line in report.lines:
        print(line)
    return 0 if report.ok else EXIT_BROKEN
