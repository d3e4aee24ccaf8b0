"""Export planned visits (all subjects, or one) to an iCalendar file for a desktop calendar.

    python main.py export-ics --db FILE [--subject ID] --out FILE.ics [--today YYYY-MM-DD]

One all-day event per visit not yet done (upcoming, due or overdue) on its target date, with the window in
the description. A missing database or an unknown subject gets one line on standard error and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from commands.study_db import db_target

EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=db_target, required=True, metavar="FILE|URL",
                        help="study database")
    parser.add_argument("--subject", metavar="ID", help="only this subject (default: every subject)")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.ics", help="calendar file to write")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="date the statuses are computed for (default: today)")


def run(args: argparse.Namespace) -> int:
    from commands.study_db import open_study
    from models.errors import DatabaseError, SubjectNotFound
    from reports.schedule_ics import export_ics

    try:
        today = date.fromisoformat(args.today) if args.today else date.today()
    except ValueError:
        print(f"error: --today {args.today!r} is not a date (YYYY-MM-DD)", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        db = open_study(args.db, create=False)
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        path, count = export_ics(db, args.out, today, args.subject)
    except SubjectNotFound as exc:
        print(f"error: {args.db}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        db.close()
    print(f"wrote {count} planned visits to {path}")
    return 0
