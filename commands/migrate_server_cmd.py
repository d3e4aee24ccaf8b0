"""Move a study from a database file to an empty PostgreSQL database, with every audit row, and compare the two.

    python main.py migrate-to-server --db FILE.sqlite3 --to postgresql://owner@host/database

Run it with the server account that owns the database (it creates the tables); then give the application's
account its rights with `server-grant`. The file is not changed (an older schema is migrated after a backup, as
the app does). Exit 0 when the server holds exactly the file's study (every table compared row for row, the
audit chain intact and ending at the file's last hash), 1 when they differ, 2 when nothing could be moved.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_DIFFERENT = 1
EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, metavar="FILE", help="the study database file to move")
    parser.add_argument("--to", required=True, metavar="URL",
                        help="the empty server database, postgresql://user@host/database (password: PGPASSWORD, "
                             "~/.pgpass or a prompt)")


def run(args: argparse.Namespace) -> int:
    from commands.study_db import missing_file, with_server_password
    from models.errors import DatabaseError
    from models.server import ServerTarget, is_server_url
    from models.server_copy import copy_to_server

    problem = missing_file(args.db)
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not is_server_url(args.to):
        print(f"error: --to {args.to!r} is not a server address (postgresql://user@host/database)", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        report = with_server_password(args.to, lambda password: copy_to_server(args.db, args.to, password))
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"{'MOVED' if report.ok else 'DIFFERENT'}: {report.rows:,} rows ({report.audit_rows:,} audit rows) from "
          f"{args.db} to {ServerTarget.parse(args.to).shown}")
    for line in report.lines:
        print(line)
    return 0 if report.ok else EXIT_DIFFERENT
