"""Export the study's data for the sponsor: CDISC ODM 1.3.2 XML, or analysis tables (CSV, XLSX, SAS XPT, Dataset-JSON).

    python main.py export --db FILE --format odm --out FILE.xml [--subject ID ...] [--metadata-only]
    python main.py export --db FILE --format csv|xlsx|xpt|dataset-json --out FOLDER [--subject ID ...] [--as-of DATE]

ODM holds the metadata (the forms' definitions), the users, the site and the signature meanings, then every
subject's data with audit records, signatures and queries (exchange.odm_export). The table formats write one
file per form, the derived scores, the endpoint results and a data dictionary into FOLDER (xlsx: one workbook);
--metadata-only writes only the ODM metadata or the data dictionary. Every file is written under a temporary
name and moved into place when complete. Bad input gets one line on standard error and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from commands.study_db import db_target

EXIT_BAD_INPUT = 2
FORMATS = ("odm", "csv", "xlsx", "xpt", "dataset-json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=db_target, required=True, metavar="FILE|URL",
                        help="the study database")
    parser.add_argument("--format", required=True, choices=FORMATS, help="odm (one XML file) or a table format")
    parser.add_argument("--out", type=Path, required=True, metavar="PATH",
                        help="the ODM file, or the folder for the tables (created if missing)")
    parser.add_argument("--subject", nargs="+", metavar="ID", help="only these subjects (default: all)")
    parser.add_argument("--metadata-only", action="store_true",
                        help="only the metadata (ODM) or the data dictionary (tables)")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD",
                        help="evaluation date of scores and endpoints (default: today)")


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run(args: argparse.Namespace) -> int:
    from datetime import date

    from commands.study_db import open_study
    from endpoints.dossier_json import DossierError, parse_date
    from models.errors import DatabaseError

    try:
        as_of = parse_date(args.as_of, "--as-of") if args.as_of else date.today()
        db = open_study(args.db, create=False)
    except (DossierError, DatabaseError) as exc:
        return _fail(str(exc))
    try:
        return _export(db, args, as_of)
    except OSError as exc:
        return _fail(f"{args.out}: cannot be written ({exc.strerror or exc}); nothing was exported")
    finally:
        db.close()


def _export(db, args: argparse.Namespace, as_of) -> int:  # noqa: ANN001 - Database, date
    from exchange.dataset_files import write_datasets
    from exchange.datasets import build_datasets, dictionary
    from exchange.odm_export import export_odm
    from models.exchange_store import subject_ids

    known = subject_ids(db)
    wanted = args.subject
    if wanted:
        unknown = sorted(set(wanted) - set(known))
        if unknown:
            return _fail(f"{args.db}: no subject {', '.join(unknown)}; nothing was exported")
    if args.format == "odm":
        if args.out.is_dir():
            return _fail(f"{args.out} is a folder; give the ODM file's name")
        summary = export_odm(db, args.out, subject_ids=wanted, metadata_only=args.metadata_only)
        what = "metadata" if args.metadata_only else f"{summary.subjects} subjects, {summary.item_data} values"
        print(f"wrote {args.out} (CDISC ODM 1.3.2: {what})")
        return 0
    if args.out.exists() and not args.out.is_dir():
        return _fail(f"{args.out} is a file; the tables need a folder")
    if args.metadata_only:
        tables = build_datasets(db, as_of, [])
        tables = [dictionary(tables[:-1])]
    else:
        tables = build_datasets(db, as_of, wanted)
    paths = write_datasets(tables, args.out, args.format, source=db.config.study)
    rows = sum(len(t.rows) for t in tables)
    print(f"wrote {len(paths)} {args.format} file(s) to {args.out} ({len(tables)} tables, {rows} rows)")
    return 0
