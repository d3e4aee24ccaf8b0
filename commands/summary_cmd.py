"""Print the study summary of a database as JSON: binary endpoints with exact 95 % CIs, Kaplan–Meier steps.

    python main.py summary --db FILE [--as-of YYYY-MM-DD]

Per binary endpoint and group (LN, LC, all): responders, n (evaluable), not evaluable (with reasons),
pending, not applicable, proportion and Clopper–Pearson bounds; per time-to-event endpoint (and LN
treatment-failure component): the Kaplan–Meier step table and landmarks; the LC haematology change. The same
numbers as the study dashboard: one bulk load, the engine, `endpoints.summary.summary_to_json`.
"""

from __future__ import annotations

import argparse
import json
import sys

from commands.study_db import db_target, missing_file

EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=db_target, required=True, metavar="FILE|URL",
                        help="the study database")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="evaluation date (default: today)")


def run(args: argparse.Namespace) -> int:
    from datetime import date

    from commands.study_db import open_study
    from endpoints.dossier_json import DossierError, parse_date
    from endpoints.evaluate import evaluate_subject
    from endpoints.summary import summarize, summary_to_json
    from models.dossier_store import load_dossiers
    from models.errors import DatabaseError

    try:
        as_of = parse_date(args.as_of, "--as-of") if args.as_of else date.today()
    except DossierError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    problem = missing_file(args.db)
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        db = open_study(args.db, create=False)
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        params = db.config.params
        results = [evaluate_subject(d, params, as_of=as_of) for d in load_dossiers(db, as_of)]
    finally:
        db.close()
    summary = summarize(results, nonresponder_imputation=params.nonresponder_imputation, as_of=as_of)
    json.dump(summary_to_json(summary), sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0
