"""Import subjects from a CDISC ODM 1.3.2 file written by TrialDesk, in one audited transaction.

    python main.py import --db FILE --format odm FILE.xml [--reason TEXT] [--replace] [--user LOGIN [--password-stdin]]

All subjects of the file or none: a subject that already exists is refused unless --replace (which needs a
--reason, recorded in the audit trail); a file with a DTD or entities, an unknown form or item, or a value that
does not fit its item is refused, naming the place. A database with user accounts needs --user LOGIN and that
account's password (commands.cli_auth), with the right to enter data. Bad input: one line on standard error,
exit status 2, nothing written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from commands.study_db import db_target

EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=db_target, required=True, metavar="FILE|URL",
                        help="study database (created if new)")
    parser.add_argument("--format", required=True, choices=("odm",), help="the file's format")
    parser.add_argument("file", type=Path, metavar="FILE.xml", help="the ODM file")
    parser.add_argument("--replace", action="store_true", help="replace subjects that already exist")
    parser.add_argument("--reason", help="reason recorded in the audit trail (required with --replace)")
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
    from exchange.odm_import import OdmRefused, import_odm, read_odm
    from models.errors import DatabaseError, ImportRefused, ReasonRequired, StudyConfigError
    from models.security import Actor, PermissionDenied

    reason = (args.reason or "").strip() or None
    if args.replace and reason is None:
        return _fail("--replace needs a --reason (it is recorded in the audit trail)")
    if not args.file.is_file():
        return _fail(f"{args.file}: no such file")
    try:
        subjects = read_odm(args.file)
    except OdmRefused as exc:
        return _fail(f"{exc} Nothing was imported.")
    try:
        db = open_study(args.db)
    except (DatabaseError, StudyConfigError) as exc:
        return _fail(str(exc))
    try:
        writer = cli_writer(db, args.user, args.password_stdin)
        if isinstance(writer, Actor):
            db.sign_in(writer)
        ids = import_odm(db, subjects, user=writer, reason=reason, replace=args.replace)
    except CliRefused as exc:
        return _fail(str(exc))
    except (ImportRefused, PermissionDenied, ReasonRequired, DatabaseError) as exc:
        return _fail(f"{args.file}: {exc}")
    finally:
        db.close()
    print(f"imported {len(ids)} subject(s) from {args.file} into {args.db}")
    return 0
