"""Save every screen of TrialDesk as PNG, opened offscreen at a given screen size over a copy of a database.

    python main.py screenshots --db FILE|postgresql://… --out DIR [--size 1366x768] [--role coordinator] [--lang en]

Signs in with the demo account of the role (models.demo_security), so FILE is a demo database (`main.py demo`).
The screen is WxH with a 40-px taskbar at its bottom, as on the site's Windows laptops. Writes DIR/NAME.png and
DIR/screens.json (see ui.shell.tour); the database itself is not changed (the tour works on a copy of a file; a
study on a server, e.g. one moved there by `migrate-to-server`, is shown as it is: the tour saves nothing).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path

from apppaths import DATA_DIR_ENV
from commands.study_db import db_target, missing_file, open_study

EXIT_BAD_INPUT = 2
EXIT_SCREENS_FAILED = 1
TASKBAR_PX = 40
ROLES = ("coordinator", "investigator", "monitor", "administrator")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=db_target, required=True, metavar="FILE",
                        help="demo database to show (a file, or a postgresql:// server address)")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the PNGs and screens.json")
    parser.add_argument("--size", default="1366x768", metavar="WxH", help="screen size (default 1366x768)")
    parser.add_argument("--role", default="coordinator", choices=ROLES, help="who signs in (default coordinator)")
    parser.add_argument("--lang", default="en", metavar="LANG", help="language of the screens (default en)")


def parse_size(text: str) -> tuple[int, int] | None:
    match = re.fullmatch(r"\s*(\d{3,5})\s*[xX×]\s*(\d{3,5})\s*", text)
    return (int(match.group(1)), int(match.group(2))) if match else None


def offscreen_platform(size: tuple[int, int], folder: Path) -> str:
    """The QT_QPA_PLATFORM value for an offscreen screen of `size` (the plugin reads its screens from a file)."""
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "tour", "x": 0, "y": 0, "width": size[0], "height": size[1],
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    return f"offscreen:configfile={config}"


def run(args: argparse.Namespace) -> int:
    size = parse_size(args.size)
    if size is None:
        print(f"error: --size {args.size!r}: give the screen as WIDTHxHEIGHT, e.g. 1366x768", file=sys.stderr)
        return EXIT_BAD_INPUT
    problem = missing_file(args.db)
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    with tempfile.TemporaryDirectory(prefix="trialdesk-tour-") as temp:
        work = Path(temp)
        # The tour's drafts, remembered window sizes and backups stay in the temporary folder.
        os.environ[DATA_DIR_ENV] = str(work / "data")
        os.environ["QT_QPA_PLATFORM"] = offscreen_platform(size, work)
        return _run_tour(args, size, work)


def _run_tour(args: argparse.Namespace, size: tuple[int, int], work: Path) -> int:
    from models.database import backup_copy, open_database
    from models.demo_security import DEMO_ACCOUNTS
    from models.errors import DatabaseError
    from models.users import SignInFailed, authenticate

    try:
        if isinstance(args.db, Path):
            copy = work / args.db.name
            backup_copy(args.db, copy)
            db = open_database(copy, create=False)
        else:
            db = open_study(args.db, create=False)
    except (DatabaseError, OSError) as exc:
        print(f"error: {args.db}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        account = next(a for a in DEMO_ACCOUNTS if a[2].value == args.role)
        try:
            actor = authenticate(db, account[0], account[3])
        except SignInFailed:
            print(f"error: {args.db}: the tour signs in with the demo account {account[0]!r}, which this database "
                  "does not have; make one with `main.py demo --db FILE`", file=sys.stderr)
            return EXIT_BAD_INPUT
        return _shoot(args, size, db, actor)
    finally:
        db.close()


def _shoot(args: argparse.Namespace, size: tuple[int, int], db, actor) -> int:  # noqa: ANN001
    from datetime import date

    from PySide6 import QtCore

    from ui.app import create_application, show_signed_in
    from ui.drafts import DraftStore
    from ui.shell.tour import load_language, run_tour, write_index
    from ui.shell.tour_steps import STEPS

    QtCore.qInstallMessageHandler(_quiet_offscreen)
    app = create_application()
    if not load_language(app, args.lang) and args.lang != "en":
        print(f"note: no {args.lang} translation yet: the screens are in English", file=sys.stderr)
    window = show_signed_in(db, actor, DraftStore(Path(os.environ[DATA_DIR_ENV]) / "drafts"), date.today(),
                            taskbar=TASKBAR_PX)
    try:
        tour = run_tour(window, db, actor, args.out, date.today(), STEPS, demo=True)
    finally:
        window.printing.shutdown()
        window.hide()
        window.deleteLater()
        app.processEvents()
    index = write_index(tour, size)
    print(f"{len(tour.shots)} screens at {size[0]}x{size[1]} as {args.role} in {args.out} ({index.name})")
    for name, trace in tour.failures.items():
        print(f"error: screen {name} failed: {trace.strip().splitlines()[-1]}", file=sys.stderr)
    return EXIT_SCREENS_FAILED if tour.failures else 0


def _quiet_offscreen(_kind: object, _context: object, message: str) -> None:
    """Qt's messages on stderr, but for the offscreen platform's note that windows have no size hints."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)
