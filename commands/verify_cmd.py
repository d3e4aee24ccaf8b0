"""Verify a database: SQLite integrity, the audit trail's hash chain, the anchors kept outside the file, and the data
reconciled with the audit trail (models.verify); every finding in plain words.

    python main.py verify --db FILE|postgresql://user@host/db [--anchor FILE ...]

--anchor checks against an anchor kept elsewhere: the anchor log of another computer (audit-anchors.jsonl in its
TrialDesk data folder) or a backup's manifest. Exit 0 intact, 1 damaged or tampered, 2 no such file / not a
database. A file on read-only media is checked without writing and said to be read-only, not broken.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from commands.study_db import db_target

EXIT_BROKEN = 1
EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=db_target, required=True, metavar="FILE|URL",
                        help="database to check (opened read-only)")
    parser.add_argument("--anchor", type=Path, action="append", default=[], metavar="FILE",
                        help="also compare with the anchors in this file (an anchor log or a backup manifest)")


def run(args: argparse.Namespace) -> int:
    from commands.study_db import missing_file, with_server_password
    from models.errors import DatabaseError
    from models.verify import verify_database

    path: Path | str = args.db
    problem = missing_file(path)
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for anchor in args.anchor:
        if not anchor.is_file():
            print(f"error: {anchor}: no such anchor file", file=sys.stderr)
            return EXIT_BAD_INPUT
    try:
        report = with_server_password(str(path), lambda password: verify_database(path, args.anchor,
                                                                                   password=password))
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(f"error: an anchor file cannot be read ({exc.strerror or exc})", file=sys.stderr)
        return EXIT_BAD_INPUT
    verdict = "INTACT" if report.ok else "DAMAGED" if report.damaged else "TAMPERED"
    print(f"{verdict}{' (read-only)' if report.read_only else ''}: {path}")
    for line in report.lines:
        print(line)
    return 0 if report.ok else EXIT_BROKEN
