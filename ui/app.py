"""Starts the TrialDesk window: Qt application, bundled fonts, error logging, database choice, main window."""

from __future__ import annotations

import importlib
import logging
import os
import sys
import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.errors import LOGGER_NAME, install_excepthook, setup_logging
from ui.fonts import apply_app_font, register_fonts

if TYPE_CHECKING:
    from models.database import Database

# Set to 1 by bench/bench_startup.py: print READY_MARKER once the main window is shown and quit.
EXIT_AFTER_SHOW_ENV = "TRIALDESK_EXIT_AFTER_SHOW"
READY_MARKER = "TRIALDESK_READY"
# After the window is up (and the background imports have had a head start): the dashboard's results load.
PREWARM_AFTER_MS = 3000


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with TrialDesk's name and the bundled Korean font as application font."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("TrialDesk")
    app.setApplicationDisplayName("TrialDesk")
    apply_app_font(app, register_fonts())
    return app


def run_app(db_path: Path | None, demo: bool) -> int:
    """Open the chosen database (demo, --db file, or the default one) in the main window; return the exit code."""
    app = create_application()
    install_excepthook(setup_logging())

    from ui.drafts import DraftStore
    from ui.shell.database_choice import DatabaseOpenError, choose_and_open, database_path
    from ui.shell.main_window import DEFERRED_MODULES, MainWindow
    from ui.shell.session import attach_session, hold_single_instance, offer_restore, sign_in_at_start

    instance_lock = hold_single_instance(database_path(db_path, demo))
    if instance_lock is None:
        return 2
    try:
        db = choose_and_open(db_path, demo, confirm_create=_confirm_create)
    except DatabaseOpenError as exc:
        if not offer_restore(exc):
            QMessageBox.critical(None, _tr("TrialDesk: cannot open the database"), str(exc))
        return 2
    if db is None:
        return 1
    db.instance_lock = instance_lock
    quick_exit = os.environ.get(EXIT_AFTER_SHOW_ENV) == "1"  # start-up benchmark: no one to sign in
    actor = None if quick_exit else sign_in_at_start(db, demo)
    if actor is None and not quick_exit:
        db.close()
        return 1
    window = MainWindow(db, demo=demo, drafts=DraftStore.for_database(db.path), user=actor)
    if actor is not None:
        attach_session(window, actor, demo)
    window.show()
    prewarm: list[threading.Thread] = []
    if quick_exit:
        QTimer.singleShot(0, lambda: _report_ready_and_quit(app))
    else:
        QTimer.singleShot(0, window.offer_drafts)
        QTimer.singleShot(0, lambda: import_in_background(DEFERRED_MODULES))
        QTimer.singleShot(PREWARM_AFTER_MS, lambda: prewarm.append(prewarm_study_results(window.db, window.today())))
    code = app.exec()
    for thread in prewarm:
        thread.join()
    db.close()
    return code


def import_in_background(module_names: tuple[str, ...]) -> threading.Thread:
    """Import the modules left out of start-up (matplotlib, scipy, pandas screens) while the user looks at the
    window, so the first subject page or dashboard opens without that pause. Failures are logged only: the
    same import runs again, in the foreground, when the screen is opened."""

    def work() -> None:
        for name in module_names:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 (logged; the foreground import will raise it properly)
                logging.getLogger(LOGGER_NAME).exception("Background import of %s failed", name)

    thread = threading.Thread(target=work, name="import-in-background", daemon=True)
    thread.start()
    return thread


def prewarm_study_results(db: Database, as_of: date) -> threading.Thread:
    """Load and evaluate every subject for the study dashboard in the background (reports.study_results's shared
    cache), so that opening the dashboard only summarises and draws; join before closing `db`."""

    def work() -> None:
        try:
            from reports.study_results import cache_for

            cache_for(db).compute(as_of)
        except Exception:  # noqa: BLE001 (logged; the dashboard computes when it is opened)
            logging.getLogger(LOGGER_NAME).exception("Background load of the study results failed")

    thread = threading.Thread(target=work, name="study-results-prewarm", daemon=True)
    thread.start()
    return thread


def _confirm_create(path: Path) -> bool:
    answer = QMessageBox.question(
        None,
        _tr("TrialDesk: new database"),
        _tr("There is no database at\n{0}\n\nCreate a new, empty study database there?").format(path),
    )
    return answer == QMessageBox.StandardButton.Yes


def _report_ready_and_quit(app: QApplication) -> None:
    print(READY_MARKER, flush=True)
    app.quit()


def _tr(text: str) -> str:
    return QCoreApplication.translate("app", text)
