"""Print where every subject stands: the status ladder of each scheduled visit and log, and the operational view.

    python main.py status --db FILE [--as-of YYYY-MM-DD] [--format json|csv]

JSON: {"as_of", "grid": [{"subject", "visit", "status", "date", "due", "open_queries", "answered_queries"}],
"operations": {...}}; CSV: the grid rows with a header. The same functions as the screens: one aggregated read
(models.status_store), the ladder (endpoints.visit_ladder) and the operations (endpoints.operations).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys

from commands.study_db import db_target, missing_file

EXIT_BAD_INPUT = 2
GRID_FIELDS = ("subject", "visit", "status", "date", "due", "open_queries", "answered_queries")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=db_target, required=True, metavar="FILE|URL",
                        help="the study database")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="the date statuses are computed for (default: today)")
    parser.add_argument("--format", choices=("json", "csv"), default="json", help="output format (default json)")


def _error(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run(args: argparse.Namespace) -> int:
    from datetime import date

    from commands.study_db import open_study
    from endpoints.dossier_json import DossierError, parse_date
    from endpoints.operations import operations, operations_to_json
    from endpoints.visit_ladder import study_status
    from models.errors import DatabaseError
    from models.status_store import load_status_facts

    try:
        as_of = parse_date(args.as_of, "--as-of") if args.as_of else date.today()
    except DossierError as exc:
        return _error(str(exc))
    problem = missing_file(args.db)
    if problem is not None:
        return _error(problem)
    try:
        db = open_study(args.db, create=False)
    except DatabaseError as exc:
        return _error(str(exc).splitlines()[0])
    try:
        params = db.config.params
        facts = load_status_facts(db)
    finally:
        db.close()
    statuses = study_status(facts, as_of, params)
    grid = [{"subject": c.subject_id, "visit": c.column, "status": c.status,
             "date": c.date.isoformat() if c.date else None, "due": c.due.isoformat() if c.due else None,
             "open_queries": c.open_queries, "answered_queries": c.answered_queries}
            for s in statuses for c in s.cells]
    if args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=GRID_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(grid)
        return 0
    ops = operations_to_json(operations(statuses, facts, as_of, params))
    # One grid row a line, each encoded by json's C encoder (an indented dump of 18,000 rows is ten times slower).
    rows = ",\n  ".join(json.dumps(row, ensure_ascii=False) for row in grid)
    sys.stdout.write(f'{{"as_of": "{as_of.isoformat()}",\n "grid": [\n  {rows}\n ],\n "operations": '
                     f'{json.dumps(ops, ensure_ascii=False, indent=1)}\n}}\n')
    return 0
