"""The main window: its sections in a stack with a navigation list, the menus, the database and its study
configuration in the status bar, and a banner over it all when the database is open read-only.

The frame (navigation with every section, menus, an empty list saying the study is opening) is built and shown
before the database is opened: this module imports neither SQLAlchemy nor any feature at import time.
`attach(db)` then installs the features (`ui.features`) over the open database, each taking its section's place.
"""

from __future__ import annotations

import datetime as dt
import getpass
import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.drafts import Draft, DraftStore
from ui.events import DataEvents
from ui.shell.navigation import NavigationCounts, set_icon, style_navigation
from ui.shell.read_only_banner import ReadOnlyBanner
from ui.widgets.windows import fit_to_screen, remember_geometry, set_window_user

if TYPE_CHECKING:
    from models.database import Database
    from models.security import Actor
    from ui.printing.actions import PrintActions
    from ui.results.dashboard import StudyDashboard
    from ui.schedule.calendar import MonthCalendar
    from ui.schedule.home import HomeSection
    from ui.subjects.dialog import SubjectDialog
    from ui.subjects.section import SubjectsSection

def current_user() -> str:
    """The name written into the audit trail until sign-in exists: the operating-system login name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


# The sections the window has once a study is open, in navigation order: the frame lists them before the database
# is open, and each feature's section takes the place of its stand-in (administrator sections follow sign-in).
SECTIONS = (
    ("home", "What needs doing"),
    ("subjects", "Subjects"),
    ("visit_grid", "Visit grid"),
    ("calendar", "Calendar"),
    ("dashboard", "Study dashboard"),
    ("operations", "Study operations"),
)
OPENING_OBJECT_NAME = "openingStudy"
MAIN_WINDOW_KEY = "main"
MAIN_WINDOW_SIZE = QSize(1280, 800)
MAXIMISE_BELOW = QSize(1600, 900)  # the main window opens maximised on smaller screens
NAVIGATION_WIDTH = 210


class MainWindow(QMainWindow):
    """TrialDesk's window. Without `db` it is the frame alone, showing that the study is opening; `attach(db)`
    fills it. With `db` it is attached at once."""

    def __init__(
        self,
        db: Database | None = None,
        demo: bool = False,
        drafts: DraftStore | None = None,
        user: str | Actor | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.demo, self.today = demo, today
        self.db: Database = None  # type: ignore[assignment]  # set by attach()
        self.actor: Actor | None = None
        self.user = self.user_shown = ""
        self.events = DataEvents(self)
        self.dialog: SubjectDialog | None = None
        # Draft key prefix -> how to reopen that form; features register theirs with add_draft_handler.
        self.draft_handlers: dict[str, Callable[[Draft], None]] = {}
        self.home: HomeSection
        self.subjects: SubjectsSection
        self.printing: PrintActions

        self.setWindowTitle("TrialDesk — DEMO" if demo else "TrialDesk")
        fit_to_screen(self, MAIN_WINDOW_KEY, MAIN_WINDOW_SIZE, maximise_below=MAXIMISE_BELOW)
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(NAVIGATION_WIDTH)
        style_navigation(self.nav)
        self.counts: NavigationCounts | None = None
        self.stack = QStackedWidget(self)
        self.sections: dict[str, QWidget] = {}
        self.read_only_banner = ReadOnlyBanner(self)
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.addWidget(self.read_only_banner)
        layout = QHBoxLayout()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)
        self._section_builders: dict[str, Callable[[], object]] = {}
        self.nav.currentRowChanged.connect(self._show_row)
        for key, title in SECTIONS:
            self.add_section(key, self.tr(title), self._opening_stand_in())
        self._build_menus()
        self._build_status_bar()
        if db is not None:
            self.attach(db, drafts, user)

    def attach(self, db: Database, drafts: DraftStore | None = None, user: str | Actor | None = None) -> None:
        """Show the open database: install the features (their sections take the stand-ins' places), fill the
        subject list. An Actor signs the database in (every write runs as that user, models.security); a plain
        name is for tests and the self-test (no sign-in: coordinator rights under that name)."""
        from models.security import Actor
        from ui.features import install_features

        self.db = db
        self.read_only_banner.setVisible(db.read_only)
        self.drafts = drafts or DraftStore.for_database(db.path)
        self.actor = user if isinstance(user, Actor) else None
        if self.actor is not None:
            db.sign_in(self.actor)
        self.user = self.actor.name if self.actor is not None else (user or current_user())
        self.user_shown = self.drafts.user = self.user
        self._fit_for(self.user)
        title = f"TrialDesk — {db.name}"
        self.setWindowTitle(f"{title} — DEMO" if self.demo else title)
        install_features(self)
        self.counts = NavigationCounts(self)
        self.register_action.setEnabled(True)
        self.db_label.setText(self._status_text())
        self.db_label.setToolTip(self.tr("Database file: {0}\nConfiguration stored in this database (from {1})")
                                 .format(db.location, db.config.source))

    def _opening_stand_in(self) -> QListWidget:
        stand_in = QListWidget(self)
        stand_in.setObjectName(OPENING_OBJECT_NAME)
        item = QListWidgetItem(self.tr("Opening the study…"), stand_in)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        return stand_in

    # structure -----------------------------------------------------------------------------------------------

    def add_section(self, key: str, title: str, widget: QWidget) -> None:
        """Add a top-level section; the navigation list appears once there is more than one.

        For a key that already has a stand-in (the frame's, or `add_lazy_section`'s), the widget takes its place.
        """
        stand_in = self.sections.get(key)
        if stand_in is not None:
            index = self.stack.indexOf(stand_in)
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self.sections[key] = widget
            self.nav.item(index).setText(title)
            set_icon(self.nav, index, key)
            if self.nav.currentRow() == index:
                self.stack.setCurrentIndex(index)
            return
        self.sections[key] = widget
        self.stack.addWidget(widget)
        self.nav.addItem(title)
        set_icon(self.nav, self.nav.count() - 1, key)
        self.nav.setVisible(self.nav.count() > 1)
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

    def add_lazy_section(self, key: str, title: str, build: Callable[[], object]) -> None:
        """Declare a section whose widget is built (by `build`, which calls add_section) when first shown."""
        self._section_builders[key] = build
        self.add_section(key, title, QWidget(self))
        if self.stack.currentWidget() is self.sections[key]:
            self.section(key)

    def section(self, key: str) -> QWidget:
        """The section's widget, built now if it was declared lazily."""
        build = self._section_builders.pop(key, None)
        if build is not None:
            build()
        return self.sections[key]

    def refresh_counts(self) -> None:
        """Recount the navigation's numbers now (to sign, open queries, overdue)."""
        if self.counts is not None:
            self.counts.recount()

    def show_section(self, key: str) -> None:
        self.nav.setCurrentRow(list(self.sections).index(key))

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.sections):
            self.section(list(self.sections)[row])
        self.stack.setCurrentIndex(row)

    @property
    def calendar(self) -> MonthCalendar:
        """The month calendar section (built on first use)."""
        return self.section("calendar")  # type: ignore[return-value]

    @property
    def dashboard(self) -> StudyDashboard:
        """The study dashboard section (built on first use)."""
        return self.section("dashboard")  # type: ignore[return-value]

    def add_draft_handler(self, key_prefix: str, reopen: Callable[[Draft], None]) -> None:
        """Declare how drafts whose key starts with `key_prefix` are reopened at start-up."""
        self.draft_handlers[key_prefix] = reopen

    def connect_to_server(self) -> bool:
        """Ask for a study server's address; once this window's forms are closed, start TrialDesk on it and close
        this window."""
        from ui.shell.server_connect import ServerConnectDialog, open_in_new_window

        address = ServerConnectDialog.ask(self)
        if address is None or not self.close_forms():  # a form kept open: this window stays, nothing starts
            return False
        if not open_in_new_window(address):
            QMessageBox.warning(self, self.tr("TrialDesk: study server"),
                                self.tr("TrialDesk could not be started on the server study."))
            return False
        self.close()
        return True

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        self.server_action = QAction(self.tr("Connect to a study &server…"), self)
        self.server_action.setObjectName("connectServer")
        self.server_action.triggered.connect(self.connect_to_server)
        file_menu.addAction(self.server_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        subject_menu = self.menuBar().addMenu(self.tr("&Subjects"))
        self.register_action = QAction(self.tr("&Register subject..."), self)
        self.register_action.setShortcut(QKeySequence.StandardKey.New)
        self.register_action.triggered.connect(self.register_subject)
        self.register_action.setEnabled(False)
        subject_menu.addAction(self.register_action)
        list_action = QAction(self.tr("&Subject list"), self)
        list_action.triggered.connect(self.show_subject_list)
        subject_menu.addAction(list_action)

    def _status_text(self) -> str:
        return self.tr("User: {0}   ·   Database: {1}   ·   Study configuration: {2}").format(
            self.user_shown, self.db.name, self.db.config.label
        )

    def set_user(self, name: str, shown: str | None = None) -> None:
        """The signed-in user changed (e.g. signed in again after the idle sign-out): forms opened from now on
        and the status bar use `name` (`shown`: the text for the status bar, default the name)."""
        if name != self.user:
            self._fit_for(name)
        self.user, self.user_shown = name, shown or name
        self.drafts.user = name
        self.db_label.setText(self._status_text())

    def _fit_for(self, user: str) -> None:
        """Windows opened from now on, this one included, take the size and state `user` left them in (the
        previous user's are kept for them)."""
        if self.user and self.isVisible():
            remember_geometry(self, MAIN_WINDOW_KEY)
        set_window_user(user)
        fit_to_screen(self, MAIN_WINDOW_KEY, MAIN_WINDOW_SIZE, maximise_below=MAXIMISE_BELOW)

    def _build_status_bar(self) -> None:
        self.db_label = QLabel(self.tr("Opening the study…"), self)
        self.db_label.setObjectName("databaseLabel")
        self.statusBar().addWidget(self.db_label, 1)
        if self.demo:
            badge = QLabel(self.tr(" DEMO DATA "), self)
            badge.setObjectName("demoBadge")
            badge.setStyleSheet("background: #f5c518; color: black; font-weight: bold; padding: 1px 6px;")
            self.statusBar().addPermanentWidget(badge)

    # subjects ------------------------------------------------------------------------------------------------

    def refresh_subjects(self) -> None:
        from models.subjects import list_subjects

        self.subjects.list_page.set_rows(list_subjects(self.db))

    def show_subject_list(self) -> None:
        self.show_section("subjects")
        subjects = getattr(self, "subjects", None)  # None while the study is opening
        if subjects is not None:
            subjects.show_list()

    def open_subject(self, subject_id: str) -> None:
        """Show the subject's page with the tabs the features contribute."""
        from models.subjects import get_subject
        from ui.features import add_subject_tabs
        from ui.subjects.page import SubjectPage

        record = get_subject(self.db, subject_id)
        page = SubjectPage(record, self.today(), self)
        page.back_requested.connect(self.show_subject_list)
        page.edit_requested.connect(lambda: self.edit_subject(record.subject_id))
        page.print_requested.connect(lambda: self.printing.print_subject(record.subject_id))
        add_subject_tabs(self, page)
        self.show_section("subjects")
        self.subjects.show_subject(page)

    def register_subject(self) -> SubjectDialog:
        """Open the registration form (non-blocking)."""
        from ui.subjects.dialog import SubjectDialog

        return self._open_dialog(SubjectDialog(self.db, self.user, self.drafts, self.events, parent=self))

    def edit_subject(self, subject_id: str, draft: Draft | None = None) -> SubjectDialog:
        """Open the subject's registration data for editing (non-blocking)."""
        from models.subjects import get_subject
        from ui.subjects.dialog import SubjectDialog

        record = get_subject(self.db, subject_id)
        dialog = SubjectDialog(self.db, self.user, self.drafts, self.events, record=record, draft=draft, parent=self)
        return self._open_dialog(dialog)

    def _open_dialog(self, dialog: SubjectDialog) -> SubjectDialog:
        self.dialog = dialog
        dialog.finished.connect(lambda _code: self._forget_dialog(dialog))
        dialog.destroyed.connect(lambda *_args: self._dialog_destroyed(dialog))  # e.g. another user signed in
        dialog.open()
        return dialog

    def _dialog_destroyed(self, dialog: SubjectDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _forget_dialog(self, dialog: SubjectDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def on_subject_saved(self, subject_id: str) -> None:
        self.refresh_subjects()
        self.open_subject(subject_id)

    # drafts --------------------------------------------------------------------------------------------------

    def offer_drafts(self) -> None:
        """At start: offer back every unsaved form left by a crash (reopen it, or discard it)."""
        from endpoints.formatting import local_time

        drafts = self.drafts.all()
        if drafts:
            self._load_deferred_draft_handlers()
        for draft in drafts:
            reopen = next((h for prefix, h in self.draft_handlers.items() if draft.key.startswith(prefix)), None)
            if reopen is None:
                continue
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved input found"),
                              self.tr("{0} was not saved (last typed {1}).\nReopen it to finish and save?")
                              .format(draft.title, local_time(draft.saved_at_utc)), parent=self)
            reopen_button = box.addButton(self.tr("Reopen"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
            box.setObjectName("draftOfferBox")
            box.exec()
            if box.clickedButton() is reopen_button:
                reopen(draft)
                return
            self.drafts.discard(draft.key)

    def _load_deferred_draft_handlers(self) -> None:
        from ui.features import DEFERRED_DRAFT_HANDLERS

        for module_name, prefix_name, reopen_name in DEFERRED_DRAFT_HANDLERS:
            module = importlib.import_module(module_name)
            reopen = getattr(module, reopen_name)
            self.add_draft_handler(getattr(module, prefix_name), lambda draft, reopen=reopen: reopen(self, draft))

    def reopen_subject_draft(self, draft: Draft) -> None:
        """Draft handler of the registration form (a new subject, or the edit of a saved one)."""
        from models.errors import SubjectNotFound
        from models.subjects import get_subject
        from ui.subjects.dialog import EDIT_DRAFT_PREFIX, REGISTER_DRAFT_KEY, SubjectDialog

        if draft.key == REGISTER_DRAFT_KEY:
            self._open_dialog(SubjectDialog(self.db, self.user, self.drafts, self.events, draft=draft, parent=self))
            return
        try:
            record = get_subject(self.db, int(draft.key.removeprefix(EDIT_DRAFT_PREFIX)))
        except (SubjectNotFound, ValueError):
            self.drafts.discard(draft.key)
            return
        self.open_subject(record.subject_id)
        self.edit_subject(record.subject_id, draft=draft)

    def close_forms(self) -> bool:
        """Close every open form and dialog, each asking before it throws typed input away; False when one stays."""
        visit_editor, subject_logs = sys.modules.get("ui.entry.visit_editor"), sys.modules.get("ui.logs.tabs")
        if (visit_editor is not None and not visit_editor.close_visit_editors(self)) or (
            subject_logs is not None and not subject_logs.close_record_editors(self)
        ):
            return False
        dialog = self.dialog
        if dialog is not None and dialog.isVisible():
            dialog.reject()  # asks before throwing typed input away; finishing it clears self.dialog
            if dialog.isVisible():
                return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.close_forms():
            event.ignore()
            return
        super().closeEvent(event)
