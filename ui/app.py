"""Starts TrialDesk: Qt application, bundled fonts, error logging; the main window's frame is painted first, then
(on the next turns of the event loop) the database is chosen and opened, the user signs in, and the window fills."""

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
from ui.features import DEFERRED_MODULES
from ui.fonts import apply_app_font, register_fonts
from ui.shell.i18n import install_language_menu, install_translators, remember_signed_in, start_language

if TYPE_CHECKING:
    from models.database import Database
    from models.security import Actor
    from ui.drafts import DraftStore
    from ui.shell.main_window import MainWindow

# Set to 1 by bench/bench_startup.py: print PAINTED_MARKER once the frame is painted, READY_MARKER once the window
# is usable (database open, subject list filled, the event loop run), then quit.
EXIT_AFTER_SHOW_ENV = "TRIALDESK_EXIT_AFTER_SHOW"
PAINTED_MARKER = "TRIALDESK_PAINTED"
READY_MARKER = "TRIALDESK_READY"
# After the window is up (and the background imports have had a head start): the dashboard's results load.
PREWARM_AFTER_MS = 3000


def create_application(argv: list[str] | None = None, lang: str = "en") -> QApplication:
    """The QApplication with TrialDesk's name, the bundled Korean font as application font and the translation
    into `lang` (ko or en)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("TrialDesk")
    app.setApplicationDisplayName("TrialDesk")
    apply_app_font(app, register_fonts())
    install_translators(app, lang)
    return app


def run_app(db_path: Path | None, demo: bool, lang: str | None = None) -> int:
    """Show the main window's frame, then open the chosen database (demo, --db file, or the default one) in it;
    return the exit code. `lang`: the language for this run (default: the user's setting, else the PC's)."""
    app = create_application(lang=start_language(lang))
    install_excepthook(setup_logging())
    from ui.shell.main_window import MainWindow

    window = MainWindow(demo=demo)
    install_language_menu(window)
    window.show()
    start = Start(app, window, db_path, demo, quick_exit=os.environ.get(EXIT_AFTER_SHOW_ENV) == "1")
    QTimer.singleShot(0, start.painted)
    code = app.exec()
    for thread in start.prewarm:
        thread.join()
    if start.db is not None:
        start.db.close()
    return code


class Start:
    """The steps after the frame is shown, each on its own turn of the event loop: open the database (with the
    one-instance lock, the new-database question and the restore offer), sign in (the first administrator on a
    new database), fill the window, then offer back crash drafts and warm up what later screens need."""

    def __init__(self, app: QApplication, window: MainWindow, db_path: Path | None, demo: bool,
                 quick_exit: bool) -> None:
        self.app, self.window, self.db_path, self.demo = app, window, db_path, demo
        self.quick_exit = quick_exit  # start-up benchmark: no one to sign in
        self.db: Database | None = None
        self.prewarm: list[threading.Thread] = []

    def painted(self) -> None:
        self.window.repaint()
        if self.quick_exit:
            print(PAINTED_MARKER, flush=True)
        QTimer.singleShot(0, self.open_study)

    def _ask_server_password(self, question: str) -> str | None:
        """The server's password typed into a masked prompt (its module is loaded for a server study only)."""
        from ui.shell.server_connect import ask_server_password

        return ask_server_password(self.window, question)

    def open_study(self) -> None:
        from models.address import is_server_url
        from ui.drafts import DraftStore
        from ui.shell.database_choice import DatabaseOpenError, choose_and_open, database_path
        from ui.shell.session import attach_session, hold_single_instance, offer_restore, sign_in_at_start

        server = not self.demo and is_server_url(self.db_path)  # several PCs share a server: no instance lock
        instance_lock = None if server else hold_single_instance(database_path(self.db_path, self.demo))
        if instance_lock is None and not server:
            self._quit(2)
            return
        try:
            db = choose_and_open(self.db_path, self.demo, confirm_create=self._confirm_create,
                                 ask_password=self._ask_server_password)
        except DatabaseOpenError as exc:
            if not offer_restore(exc):
                QMessageBox.critical(self.window, _tr("TrialDesk: cannot open the database"), str(exc))
            self._quit(2)
            return
        if db is None:
            self._quit(1)
            return
        self.db = db
        db.instance_lock = instance_lock
        actor = None if self.quick_exit else sign_in_at_start(db, self.demo, parent=self.window)
        if actor is None and not self.quick_exit:
            self._quit(1)
            return
        self.window.attach(db, drafts=DraftStore.for_database(db.path), user=actor)
        if actor is not None:
            remember_signed_in(actor.name)
            attach_session(self.window, actor, self.demo)
        if self.quick_exit:
            QTimer.singleShot(0, self._report_ready_and_quit)
            return
        QTimer.singleShot(0, self.window.offer_drafts)
        QTimer.singleShot(0, lambda: import_in_background(DEFERRED_MODULES))
        QTimer.singleShot(PREWARM_AFTER_MS, lambda: self.prewarm.append(prewarm_study_results(db, self.window.today())))

    def _confirm_create(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self.window,
            _tr("TrialDesk: new database"),
            _tr("There is no database at\n{0}\n\nCreate a new, empty study database there?").format(path),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _quit(self, code: int) -> None:
        self.window.hide()
        self.app.exit(code)

    def _report_ready_and_quit(self) -> None:
        print(READY_MARKER, flush=True)
        self.app.quit()


def show_signed_in(db: Database, actor: Actor, drafts: DraftStore, today: date, taskbar: int = 0) -> MainWindow:
    """The main window over `db`, signed in as `actor` (with its session), shown on a screen whose bottom
    `taskbar` pixels are taken; maximised, it covers exactly the available area, as on Windows."""
    from ui.shell.main_window import MainWindow
    from ui.shell.session import attach_session
    from ui.widgets.windows import available_area, frame_margins, reserve_bottom

    reserve_bottom(taskbar)
    window = MainWindow(db, demo=True, drafts=drafts, user=actor, today=lambda: today)
    attach_session(window, actor, demo=True)
    window.show()
    QApplication.processEvents()
    if window.isMaximized():  # the offscreen platform maximises over the taskbar: cover the available area only
        window.setGeometry(available_area(window).marginsRemoved(frame_margins(window)))
        QApplication.processEvents()
    return window


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
    """Load and evaluate every subject for the study dashboard in the background (reports.study_results' shared
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


def _tr(text: str) -> str:
    return QCoreApplication.translate("app", text)
