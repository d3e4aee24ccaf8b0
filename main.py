"""TrialDesk entry point: the desktop app by default, or a command-line sub-command.

    python main.py [--db FILE | --demo]        open the app
    python main.py --self-test                 check the installation and exit
    python main.py COMMAND ...                 see `python main.py --help`
"""

from __future__ import annotations

import argparse
import importlib
import sys

from commands.study_db import db_target

# Sub-command name -> module in commands/ with add_arguments(parser) and run(args) -> int.
COMMANDS: dict[str, str] = {
    "endpoints": "commands.endpoints_cmd",
    "export-dossier": "commands.export_dossier_cmd",
    "import-dossier": "commands.import_dossier_cmd",
    "demo": "commands.demo_cmd",
    "print": "commands.print_cmd",
    "screenshots": "commands.screenshots_cmd",
    "export-ics": "commands.ics_cmd",
    "summary": "commands.summary_cmd",
    "status": "commands.status_cmd",
    "verify": "commands.verify_cmd",
    "export": "commands.export_cmd",
    "import": "commands.import_cmd",
    "import-labs": "commands.import_labs_cmd",
    "migrate-to-server": "commands.migrate_server_cmd",
    "server-grant": "commands.server_grant_cmd",
}


def build_parser(commands: tuple[str, ...] = tuple(COMMANDS)) -> argparse.ArgumentParser:
    """The argument parser with the sub-commands `commands` (each module is imported to add its arguments)."""
    parser = argparse.ArgumentParser(prog="TrialDesk", description="Case report tool for the CS20AT04 SLE trial.")
    parser.add_argument("--db", type=db_target, metavar="FILE|URL",
                        help="open this database file (or postgresql://user@host/database) instead of the default")
    parser.add_argument("--demo", action="store_true", help="open the demo database (created with 10 subjects)")
    parser.add_argument("--self-test", action="store_true", help="check storage and the main window, then exit")
    parser.add_argument("--lang", choices=("ko", "en"),
                        help="language of the window for this run (default: the user's choice, else the PC's)")
    if commands:
        sub = parser.add_subparsers(dest="command", metavar="COMMAND")
        for name in commands:
            module = importlib.import_module(COMMANDS[name])
            summary = module.__doc__.strip().splitlines()[0].replace("%", "%%")  # argparse formats help with %
            module.add_arguments(sub.add_parser(name, help=summary))
    return parser


def commands_needed(argv: list[str]) -> tuple[str, ...]:
    """The sub-commands whose modules must be imported to parse `argv`: the one named, all of them for --help or
    an argument the app does not know (so that argparse lists them), none to open the app."""
    named = next((token for token in argv if token in COMMANDS), None)
    if named is not None:
        return (named,)
    if "-h" in argv or "--help" in argv or build_parser(()).parse_known_args(argv)[1]:
        return tuple(COMMANDS)
    return ()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(commands_needed(argv)).parse_args(argv)
    if getattr(args, "command", None):
        return _run_command(args)
    if args.self_test:
        from commands.self_test import run_self_test

        return run_self_test()
    # Qt first and nothing of the storage layer: the window's frame paints before SQLAlchemy is imported and the
    # database opened (bench/bench_startup.py).
    from ui.app import run_app

    return run_app(db_path=args.db, demo=args.demo, lang=args.lang)


def _run_command(args: argparse.Namespace) -> int:
    """Run a sub-command; Ctrl+C (SIGINT) or SIGTERM ends it with one line and exit status 130 (an open write
    transaction is rolled back, so nothing half-written is kept)."""
    import signal
    import threading

    def _interrupt(_signum: int, _frame: object) -> None:
        gate = sys.modules.get("models.write_gate")  # models.write_gate: tell an interrupt from a refused write
        if gate is not None:
            gate.interrupt_requested = True
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _interrupt)
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        return importlib.import_module(COMMANDS[args.command]).run(args)
    except KeyboardInterrupt:
        print(f"{args.command}: interrupted; stopped without finishing (nothing half-written was kept)",
              file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
