"""Export a subject's dossier from a study database, or import one into it (export-dossier, import-dossier).

    python main.py export-dossier --db FILE --subject ID [--out FILE] [--as-of YYYY-MM-DD]
    python main.py import-dossier --db FILE DOSSIER.json [--replace --reason TEXT] [--user NAME]

Export writes the dossier JSON (UTF-8) to standard output or --out. Import is one audited transaction: all or
nothing; a subject ID that exists is refused unless --replace is given with a --reason. Bad input (a missing
database, an unknown subject, a malformed dossier, a refused import) gets one line on standard error and
exit status 2.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from datetime import date
from pathlib import Path

EXIT_BAD_INPUT = 2


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, metavar="FILE", help="study database")
    parser.add_argument("--subject", required=True, metavar="ID", help="subject ID, e.g. LN-01")
    parser.add_argument("--out", type=Path, metavar="FILE", help="write here instead of standard output")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="the dossier's evaluation date (default: today)")


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, metavar="FILE", help="study database (created if new)")
    parser.add_argument("dossier", type=Path, metavar="DOSSIER.json", help="the dossier to import")
    parser.add_argument("--replace", action="store_true",
                        help="replace the subject's record if the ID exists (details the dossier format does not "
                             "carry, such as visit vital signs, are not kept; the audit trail keeps them)")
    parser.add_argument("--reason", help="reason for replacing (required with --replace; audited)")
    parser.add_argument("--user", default=None, help="name recorded in the audit trail (default: login name)")


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run_export(args: argparse.Namespace) -> int:
    from endpoints.dossier_json import DossierError, dossier_to_json, parse_date
    from models.database import open_database
    from models.dossier_store import load_dossier
    from models.errors import DatabaseError, SubjectNotFound

    try:
        as_of = parse_date(args.as_of, "--as-of") if args.as_of else date.today()
        db = open_database(args.db, create=False)
    except (DossierError, DatabaseError) as exc:
        return _fail(str(exc))
    try:
        dossier = load_dossier(db, args.subject, as_of)
    except SubjectNotFound as exc:
        return _fail(f"{args.db}: {exc}")
    finally:
        db.close()
    text = json.dumps(dossier_to_json(dossier), ensure_ascii=False, indent=2) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    return 0


def run_import(args: argparse.Namespace) -> int:
    from endpoints.dossier_json import DossierError, dossier_from_json
    from models.database import open_database
    from models.dossier_store import import_dossier
    from models.errors import DatabaseError, ImportRefused, StudyConfigError

    reason = (args.reason or "").strip() or None
    if args.replace and reason is None:
        return _fail("--replace needs a --reason (it is recorded in the audit trail)")
    if reason is not None and not args.replace:
        return _fail("--reason is only used with --replace")
    try:
        obj = json.loads(args.dossier.read_text(encoding="utf-8"))
    except OSError as exc:
        return _fail(f"{args.dossier}: cannot be read ({exc.strerror or exc})")
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return _fail(f"{args.dossier}: not valid UTF-8 JSON ({exc})")
    try:
        dossier = dossier_from_json(obj)
    except DossierError as exc:
        return _fail(f"{args.dossier}: {exc}")
    try:
        db = open_database(args.db)
    except (DatabaseError, StudyConfigError) as exc:
        return _fail(str(exc))
    try:
        record_id = import_dossier(db, dossier, user=args.user or getpass.getuser(), replace_reason=reason)
    except ImportRefused as exc:
        return _fail(f"{args.dossier}: {exc}")
    finally:
        db.close()
    print(f"imported subject {dossier.subject.id} (record {record_id}) into {args.db}")
    return 0
