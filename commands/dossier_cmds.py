"""Export a subject's dossier from a study database, or import one into it (export-dossier, import-dossier).

    python main.py export-dossier --db FILE --subject ID [--out FILE] [--as-of YYYY-MM-DD]
    python main.py import-dossier --db FILE DOSSIER.json [--replace --reason TEXT] [--user LOGIN [--password-stdin]]

Export writes the dossier JSON (UTF-8) to standard output or --out; a database on read-only media is read
without writing. Import is one audited transaction: all or nothing; a subject ID that exists is refused unless
--replace is given with a --reason. The dossier is read as strictly as `endpoints` reads it (NaN, Infinity,
repeated keys, huge numbers, deep nesting, invalid UTF-8 refused) and must pass every registration and form
rule (models.dossier_rules). Import takes the database's single-instance lock, waiting for a TrialDesk window
that holds it (commands.cli_auth). Bad input (a missing database, a folder, an unknown subject, a malformed
dossier, a refused import) gets one line on standard error, naming the JSON path, and exit status 2.

A database with user accounts needs `--user LOGIN` and that account's password (asked for, or the first line of
standard input with --password-stdin); the role must be allowed to enter clinical data. A wrong password (counted
towards the lock-out), a locked or deactivated account or a role that may not write: one line, exit 2, nothing
imported. The audit trail then names the login; without accounts it names "cli:<login>" (commands.cli_auth).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from commands.study_db import db_target

EXIT_BAD_INPUT = 2


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=db_target, required=True, metavar="FILE|URL",
                        help="study database")
    parser.add_argument("--subject", required=True, metavar="ID", help="subject ID, e.g. LN-01")
    parser.add_argument("--out", type=Path, metavar="FILE", help="write here instead of standard output")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="the dossier's evaluation date (default: today)")


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=db_target, required=True, metavar="FILE|URL",
                        help="study database (created if new)")
    parser.add_argument("dossier", type=Path, metavar="DOSSIER.json", help="the dossier to import")
    parser.add_argument("--replace", action="store_true",
                        help="replace the subject's record if the ID exists (details the dossier format does not "
                             "carry, such as visit vital signs, are not kept; the audit trail keeps them)")
    parser.add_argument("--reason", help="reason for replacing (required with --replace; audited)")
    parser.add_argument("--user", default=None, metavar="LOGIN",
                        help="your user account, required when the database has accounts (its password is asked "
                             "for); without accounts the audit trail records cli:LOGIN (default: cli:<login name>)")
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the password from the first line of standard input instead of asking")


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run_export(args: argparse.Namespace) -> int:
    from commands.study_db import open_study
    from endpoints.dossier_json import DossierError, dossier_to_json, parse_date
    from models.dossier_store import load_dossier
    from models.errors import DatabaseError, SubjectNotFound

    try:
        as_of = parse_date(args.as_of, "--as-of") if args.as_of else date.today()
        db = open_study(args.db, create=False)
    except (DossierError, DatabaseError) as exc:
        return _fail(str(exc))
    try:
        dossier = load_dossier(db, args.subject, as_of)
    except SubjectNotFound as exc:
        return _fail(f"{args.db}: {exc}")
    finally:
        db.close()
    try:
        text = json.dumps(dossier_to_json(dossier), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
        text.encode("utf-8")
    except (ValueError, UnicodeEncodeError):
        return _fail(f"{args.db}: subject {args.subject} holds a value JSON cannot carry (NaN, Infinity or an "
                     "unencodable text, written by an older version); nothing was exported")
    if args.out:
        try:
            args.out.write_text(text, encoding="utf-8")
        except OSError as exc:
            return _fail(f"{args.out}: cannot be written ({exc.strerror or exc})")
    else:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    return 0


def run_import(args: argparse.Namespace) -> int:
    from commands.cli_auth import CliRefused, cli_writer, open_for_writing
    from endpoints.dossier_json import DossierError, dossier_from_json, json_from_text
    from models.dossier_store import import_dossier
    from models.errors import DatabaseError, ImportRefused, StudyConfigError
    from models.security import Actor, PermissionDenied

    reason = (args.reason or "").strip() or None
    if args.replace and reason is None:
        return _fail("--replace needs a --reason (it is recorded in the audit trail)")
    if reason is not None and not args.replace:
        return _fail("--reason is only used with --replace")
    try:
        raw = args.dossier.read_bytes()
    except OSError as exc:
        return _fail(f"{args.dossier}: cannot be read ({exc.strerror or exc})")
    try:
        dossier = dossier_from_json(json_from_text(raw.decode("utf-8")))
    except UnicodeDecodeError as exc:
        return _fail(f"{args.dossier}: $: not UTF-8 text (byte {exc.start})")
    except DossierError as exc:
        return _fail(f"{args.dossier}: {exc}")
    try:
        db = open_for_writing(args.db)
    except (DatabaseError, StudyConfigError) as exc:
        return _fail(str(exc))
    try:
        writer = cli_writer(db, args.user, args.password_stdin)
        if isinstance(writer, Actor):
            db.sign_in(writer)
        name = writer.name if isinstance(writer, Actor) else writer
        record_id = import_dossier(db, dossier, user=name, replace_reason=reason)
    except CliRefused as exc:
        return _fail(str(exc))
    except (ImportRefused, PermissionDenied, DatabaseError) as exc:
        return _fail(f"{args.dossier}: {exc}")
    finally:
        db.close()
    print(f"imported subject {dossier.subject.id} (record {record_id}) into {args.db}")
    return 0
