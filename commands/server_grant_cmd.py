"""Give the server account TrialDesk signs in with its rights: the study tables, but never changing the audit trail.

    python main.py server-grant --db postgresql://owner@host/database --role trialdesk_app

Run as the database's owner, after the tables exist (the first opening by the owner, or migrate-to-server). The
role must exist (CREATE ROLE trialdesk_app LOGIN PASSWORD '…' in psql). It gets SELECT, INSERT, UPDATE and
DELETE on the study tables, only SELECT and INSERT on audit_log, only SELECT on alembic_version. Exit 0 done,
2 refused (the server's reason in one line).
"""

from __future__ import annotations

import argparse
import sys

EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, metavar="URL", help="the server database, as its owner")
    parser.add_argument("--role", required=True, metavar="NAME", help="the application's server role")


def run(args: argparse.Namespace) -> int:
    from commands.study_db import with_server_password
    from models.errors import DatabaseError
    from models.server import is_server_url
    from models.server_copy import grant_application_role

    if not is_server_url(args.db):
        print(f"error: --db {args.db!r} is not a server address (postgresql://user@host/database)", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        lines = with_server_password(args.db, lambda password: grant_application_role(args.db, args.role, password))
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for line in lines:
        print(line)
    return 0
