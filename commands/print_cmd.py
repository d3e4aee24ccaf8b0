"""Print a subject summary, a binder of every subject, or blank paper CRFs to a PDF file.

    python main.py print --db FILE --subject ID --out FILE.pdf [--as-of YYYY-MM-DD]
    python main.py print --db FILE --all --out FILE.pdf [--as-of YYYY-MM-DD]
    python main.py print --db FILE --blank-crf --out FILE.pdf
    python main.py print --db FILE --schedule ID --out FILE.pdf [--as-of YYYY-MM-DD]
    ... [--lang ko|en]    the printout's language (default: Korean for --schedule, else English); with --lang ko
                          the messages are Korean too

The PDF is written to a temporary file beside --out and moved into place only when complete; temporary files a
killed earlier run left in that folder are removed first. The audit head is read once before printing, shown in
the footers of subject PDFs and binders, and appended to the anchor log (models.anchor) once the PDF is written.
A database on read-only media is read without writing. Bad input (a missing database, an unknown subject, an
unwritable folder) gets one line on standard error and exit status 2. Ctrl+C (SIGINT) or
SIGTERM stops the print with one line on standard error, leaves no temporary file, and exits with 130 or 143.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from commands.study_db import db_target

if TYPE_CHECKING:
    from models.anchor import AuditHead

EXIT_BAD_INPUT = 2
EXIT_SIGNAL = 128


class Stopped(KeyboardInterrupt):
    """SIGINT or SIGTERM arrived: unwinds the print like Ctrl+C, so every temporary file is removed on the way."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextmanager
def _stop_on_signals() -> Iterator[None]:
    def stop(signum: int, _frame: object) -> None:
        raise Stopped(signum)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=db_target, required=True, metavar="FILE|URL",
                        help="study database")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--subject", metavar="ID", help="one subject's summary, e.g. LN-01")
    what.add_argument("--all", action="store_true", help="a binder of every subject")
    what.add_argument("--blank-crf", action="store_true", help="blank paper forms for every visit")
    what.add_argument("--schedule", metavar="ID", help="one subject's one-page visit schedule sheet")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="the PDF to write")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="evaluation and data cut date (default: today)")
    parser.add_argument("--lang", choices=("ko", "en"),
                        help="language of the printout and the messages (default: the schedule sheet in Korean, "
                             "the others in English; messages in English)")


def _messages(args: argparse.Namespace) -> Callable[[str], str]:
    """The command's messages: English unless --lang ko."""
    from reports.texts import printed_texts

    return printed_texts(args.lang or "en")


def _fail(args: argparse.Namespace, message: str) -> int:
    tr = _messages(args)
    print(tr("error: {0}").format(message), file=sys.stderr)
    return EXIT_BAD_INPUT


def run(args: argparse.Namespace) -> int:
    try:
        with _stop_on_signals():
            return _run(args)
    except Stopped as stop:
        tr = _messages(args)
        print(tr("print stopped by {0}: nothing written to {1}").format(stop, args.out), file=sys.stderr)
        return EXIT_SIGNAL + stop.signum


def _run(args: argparse.Namespace) -> int:
    from commands.study_db import open_study
    from endpoints.dossier_json import DossierError, parse_date
    from models.errors import DatabaseError, SubjectNotFound

    tr = _messages(args)
    try:
        as_of = parse_date(args.as_of, "--as-of") if args.as_of else date.today()
    except DossierError as exc:
        return _fail(args, str(exc))
    out = args.out
    if not out.parent.is_dir():
        return _fail(args, tr("{0}: no such folder").format(out.parent))
    try:
        db = open_study(args.db, create=False)
    except DatabaseError as exc:
        return _fail(args, str(exc))
    from models.anchor import anchor_print
    from reports.source import read_audit_head

    try:
        head = read_audit_head(db)
        _print(args, db, out, as_of, head)
    except SubjectNotFound as exc:
        return _fail(args, f"{args.db}: {exc}")
    except OSError as exc:
        return _fail(args, tr("{0}: cannot be written ({1})").format(out, exc.strerror or exc))
    finally:
        db.close()
    anchor_print(db.path, head)  # a server's stand-in file on this computer
    print(out)
    return 0


def _print(args: argparse.Namespace, db, out: Path, as_of: date, head: AuditHead) -> None:
    from reports.binder import build_binder
    from reports.blank_crf import build_blank_crfs
    from reports.schedule_sheet import build_schedule_sheet
    from reports.source import build_subject_pdf
    from reports.texts import SCHEDULE_SHEET, default_print_language

    lang = args.lang or default_print_language(SCHEDULE_SHEET if args.schedule else "")
    if args.blank_crf:
        build_blank_crfs(out, db.config.params, db.config.study, lang=lang)
    elif args.schedule:
        build_schedule_sheet(out, db, args.schedule, today=as_of, lang=lang)
    elif args.all:
        build_binder(out, None, db, as_of=as_of, head=head, lang=lang,
                     progress=lambda done, total, message: print(f"{done}/{total} {message}", file=sys.stderr))
    else:
        build_subject_pdf(out, db, args.subject, as_of=as_of, head=head, lang=lang)
