"""TrialDesk entry point: the desktop app by default, or a command-line sub-command.

    python main.py [--db FILE | --demo]        open the app
    python main.py --self-test                 check the installation and exit
    python main.py COMMAND ...                 see `python main.py --help`
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

# Sub-command name -> module in commands/ with add_arguments(parser) and run(args) -> int.
COMMANDS: dict[str, str] = {
    "endpoints": "commands.endpoints_cmd",
    "export-dossier": "commands.export_dossier_cmd",
    "import-dossier": "commands.import_dossier_cmd",
    "demo": "commands.demo_cmd",
    "print": "commands.print_cmd",
    "export-ics": "commands.ics_cmd",
    "summary": "commands.summary_cmd",
    "verify": "commands.verify_cmd",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="TrialDesk", description="Case report tool for the CS20AT04 SLE trial.")
    parser.add_argument("--db", type=Path, help="open this database file instead of the default one")
    parser.add_argument("--demo", action="store_true", help="open the demo database (created with 10 subjects)")
    parser.add_argument("--self-test", action="store_true", help="check storage and the main window, then exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        module.add_arguments(sub.add_parser(name, help=module.__doc__.strip().splitlines()[0]))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command:
        return importlib.import_module(COMMANDS[args.command]).run(args)
    if args.self_test:
        from commands.self_test import run_self_test

        return run_self_test()
    # The storage layer (SQLAlchemy, the schema) before Qt: once PySide6 is imported, its import hook makes every
    # later import slower (~60 ms of start-up here; bench/bench_startup.py).
    importlib.import_module("models.database")
    from ui.app import run_app

    return run_app(db_path=args.db, demo=args.demo)


if __name__ == "__main__":
    sys.exit(main())
