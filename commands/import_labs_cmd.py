"""Import laboratory results from a hospital laboratory export (CSV or XLSX) through a mapping file.

    python main.py import-labs --db FILE LABS.csv|LABS.xlsx --mapping MAP.toml [--dry-run] [--reason TEXT]
                               [--overwrite LINE ...] [--new-visit LINE ...] [--user LOGIN [--password-stdin]]

Prints each row's fate (new value, same as entered, conflict, no visit, unknown test, unknown unit, implausible,
duplicate, unreadable, unknown subject) and the counts; --dry-run stops there. Otherwise the new values are written
in one audited transaction with the --reason given (required), with the conflicts named by --overwrite (their row
numbers in the file) and the no-visit rows named by --new-visit (put into a new unscheduled visit on the collection
date). A conflict is never overwritten unless its row is named. A database with user accounts needs --user LOGIN
and its password (commands.cli_auth). Bad input: one line on standard error, exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from commands.study_db import db_target

EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=db_target, required=True, metavar="FILE|URL",
                        help="the study database")
    parser.add_argument("labs", type=Path, metavar="LABS.csv|LABS.xlsx", help="the laboratory export")
    parser.add_argument("--mapping", type=Path, required=True, metavar="MAP.toml", help="the laboratory's mapping")
    parser.add_argument("--dry-run", action="store_true", help="only show what would be imported")
    parser.add_argument("--reason", help="reason recorded in the audit trail, e.g. the report's number (required "
                                         "unless --dry-run)")
    parser.add_argument("--overwrite", nargs="+", type=int, default=[], metavar="LINE",
                        help="row numbers of conflicts whose file value replaces the entered one")
    parser.add_argument("--new-visit", nargs="+", type=int, default=[], metavar="LINE",
                        help="row numbers without a visit to put into a new unscheduled visit")
    parser.add_argument("--user", default=None, metavar="LOGIN",
                        help="your user account, required when the database has accounts (its password is asked for)")
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the password from the first line of standard input instead of asking")


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run(args: argparse.Namespace) -> int:
    from commands.cli_auth import CliRefused, cli_writer
    from commands.study_db import open_study
    from exchange.lab_import import FATES, LabFileError, preview_labs, read_lab_file
    from exchange.lab_mapping import MappingError, load_mapping
    from models.errors import DatabaseError
    from models.security import Actor

    if not args.dry_run and not (args.reason or "").strip():
        return _fail("importing lab results needs a --reason (recorded in the audit trail); or use --dry-run")
    try:
        mapping = load_mapping(args.mapping)
        rows = read_lab_file(args.labs, mapping)
        db = open_study(args.db, create=False)
    except (MappingError, LabFileError, DatabaseError) as exc:
        return _fail(str(exc))
    try:
        writer = None if args.dry_run else cli_writer(db, args.user, args.password_stdin)
        if isinstance(writer, Actor):
            db.sign_in(writer)
        preview = preview_labs(db, rows, mapping)
        for row in preview.rows:
            r = row.row
            print(f"row {r.line}: {r.subject} {r.collected} {r.test} {r.value} {r.unit} -> {FATES[row.fate]}: "
                  f"{row.message}")
        counts = ", ".join(f"{FATES[fate]} {n}" for fate, n in preview.counts().items() if n)
        print(f"{len(preview.rows)} rows: {counts}")
        if args.dry_run:
            return 0
        return _apply(db, preview, args, writer)
    except CliRefused as exc:
        return _fail(str(exc))
    finally:
        db.close()


def _apply(db, preview, args: argparse.Namespace, writer) -> int:  # noqa: ANN001 - Database, LabPreview, Actor|str
    from exchange.lab_import import CONFLICT, NEW_VISIT, NO_VISIT, OVERWRITE, apply_labs
    from models.errors import DatabaseError, ReasonRequired
    from models.security import PermissionDenied

    fates = {row.line: row.fate for row in preview.rows}
    for line, wanted, option in [(n, CONFLICT, "--overwrite") for n in args.overwrite] + [
            (n, NO_VISIT, "--new-visit") for n in args.new_visit]:
        if fates.get(line) != wanted:
            return _fail(f"{option} {line}: row {line} is not a {wanted.replace('_', ' ')} row; nothing was written")
    choices = {line: OVERWRITE for line in args.overwrite} | {line: NEW_VISIT for line in args.new_visit}
    try:
        written = apply_labs(db, preview, choices, user=writer, reason=args.reason)
    except ReasonRequired as exc:
        return _fail(f"{exc} Give it with --reason; nothing was written.")
    except (PermissionDenied, DatabaseError) as exc:
        return _fail(f"{exc}; nothing was written")
    print(f"wrote {written} lab value(s) into {args.db}")
    return 0
