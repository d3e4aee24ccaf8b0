"""The signed-in session of the main window: sign-in at start, idle sign-out that keeps unsaved forms, backups
while open and on quit, and the security sections (audit trail, signatures, queries, backups, users).

    lock = hold_single_instance(path)                  # None (user told) if another TrialDesk has it open
    actor = sign_in_at_start(db, demo)                 # first administrator for a new database, else sign-in
    session = attach_session(window, actor, demo)      # after MainWindow(db, user=actor.name)

The idle sign-out time is the administrators' setting stored in the database (models.settings), read at every
start and applied at once when changed (`Session.set_idle_minutes`). Account → Sign out takes the same path as
the idle sign-out (forms hidden and kept; another user signing in gets only their own drafts offered).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox, QWidget

from models.backup import BackupError, backup_if_due, make_backup, restore_backup
from models.database import Database
from models.demo_security import DEMO_ACCOUNTS
from models.errors import DatabaseError
from models.instance_lock import InstanceLock
from models.integrity import DatabaseDamaged
from models.security import ROLE_LABELS, Action, Actor
from models.settings import idle_minutes as stored_idle_minutes
from models.users import has_users
from ui.shell.sign_in import FirstAdministratorDialog, SignInDialog

BACKUP_CHECK_MS = 30 * 60 * 1000
ADMIN_SECTIONS = ("users", "locks")
SECURITY_SECTIONS = ("signatures", "queries", "audit", "backups", *ADMIN_SECTIONS)
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}


def sign_in_at_start(db: Database, demo: bool, parent: QWidget | None = None) -> Actor | None:
    """Ask for the first administrator (new database) or a sign-in; None if the user cancelled."""
    dialog: FirstAdministratorDialog | SignInDialog
    if not has_users(db):
        dialog = FirstAdministratorDialog(db, parent)
    else:
        dialog = SignInDialog(db, DEMO_ACCOUNTS if demo else (), parent=parent)
    return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None


class Session(QObject):
    """Keeps `window` signed in as one user; signs out after `idle_minutes` (default: the stored setting) without
    keyboard or mouse input."""

    def __init__(self, window: QMainWindow, actor: Actor, demo: bool = False,
                 idle_minutes: float | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.db: Database = window.db
        self.demo = demo
        self.actor = actor
        self.hidden_forms: list[QWidget] = []
        self.sign_in_dialog: SignInDialog | None = None
        self.last_backup_error: str | None = None
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(int((idle_minutes or stored_idle_minutes(self.db)) * 60_000))
        self.idle_timer.timeout.connect(self.sign_out_idle)
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.backup_if_due)
        self._apply(actor)
        QApplication.instance().installEventFilter(self)
        QApplication.instance().aboutToQuit.connect(self.backup_on_close)
        self.idle_timer.start()
        self.backup_timer.start()
        QTimer.singleShot(0, self.backup_if_due)

    def _apply(self, actor: Actor) -> None:
        self.actor = actor
        self.db.sign_in(actor)
        self.window.set_user(actor.name, f"{actor.display_name} ({_tr(ROLE_LABELS[actor.role])})")

    def set_idle_minutes(self, minutes: float) -> None:
        """Use a new idle sign-out time from now on (the timer restarts with it unless signed out)."""
        self.idle_timer.setInterval(int(minutes * 60_000))
        if self.sign_in_dialog is None:
            self.idle_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _ACTIVITY and self.sign_in_dialog is None:
            self.idle_timer.start()
        return False

    @property
    def signed_out(self) -> bool:
        return self.sign_in_dialog is not None

    def sign_out_idle(self) -> None:
        """Signed out by the idle timer: see `sign_out`."""
        minutes = round(self.idle_timer.interval() / 60_000)
        self.sign_out(self.tr("Signed out after {0} min without activity. Unsaved input is kept: "
                              "sign in again to return to it.").format(minutes))

    def sign_out(self, intro: str = "") -> None:
        """Hide every open form (its content stays, and its crash draft too), sign out, ask for a sign-in with the
        user name empty (the next person types theirs: never counted against the previous user). The same user
        gets the forms back; another user gets only their own drafts offered (these stay on disk for the user who
        typed them); Cancel closes the window."""
        if self.sign_in_dialog is not None:
            return
        self.idle_timer.stop()
        self.hidden_forms = [w for w in QApplication.topLevelWidgets()
                             if isinstance(w, QDialog) and w.isVisible() and self._opened_from_window(w)]
        for form in self.hidden_forms:
            form.hide()
        self.window.centralWidget().setVisible(False)
        self.window.menuBar().setEnabled(False)
        self.db.sign_out()
        self.window.set_user(self.actor.name, self.tr("signed out"))
        dialog = SignInDialog(self.db, DEMO_ACCOUNTS if self.demo else (),
                              intro=intro or self.tr("Signed out. Unsaved input is kept: sign in again to return "
                                                     "to it (it waits for you if someone else signs in)."),
                              parent=self.window)
        dialog.setObjectName("idleSignIn")
        dialog.accepted.connect(lambda: self._signed_in_again(dialog))
        dialog.rejected.connect(self.window.close)
        self.sign_in_dialog = dialog
        dialog.open()

    def _opened_from_window(self, widget: QWidget) -> bool:
        """Whether the window is among the widget's parents (a form opened from it, not another program's)."""
        parent = widget.parentWidget()
        while parent is not None and parent is not self.window:
            parent = parent.parentWidget()
        return parent is self.window

    def _signed_in_again(self, dialog: SignInDialog) -> None:
        same_user = dialog.actor is not None and dialog.actor.name == self.actor.name
        self.sign_in_dialog = None
        self._apply(dialog.actor)
        self.window.centralWidget().setVisible(True)
        self.window.menuBar().setEnabled(True)
        forms, self.hidden_forms = self.hidden_forms, []
        if same_user:
            for form in forms:
                form.show()
        else:
            for form in forms:  # another person: the forms go, their drafts stay for who typed them
                form.deleteLater()
            self._follow_role()
            offer = getattr(self.window, "offer_drafts", None)
            if offer is not None:
                QTimer.singleShot(0, offer)
        self.idle_timer.start()
        dialog.deleteLater()

    def _follow_role(self) -> None:
        """Another user signed in: the administrator sections are shown only to administrators (added if the
        window was opened by someone else), and the security sections refresh their buttons for the new role."""
        admin = self.actor.can(Action.MANAGE_USERS)
        if admin and not all(key in self.window.sections for key in ADMIN_SECTIONS):
            add_admin_sections(self.window, self)
        keys = list(self.window.sections)
        for key in ADMIN_SECTIONS:
            if key in keys:
                row = keys.index(key)
                self.window.nav.item(row).setHidden(not admin)
                if not admin and self.window.nav.currentRow() == row:
                    self.window.nav.setCurrentRow(0)
        for key in SECURITY_SECTIONS:
            refresh = getattr(self.window.sections.get(key), "refresh", None)
            if refresh is not None:
                refresh()

    def backup_if_due(self) -> None:
        """At most one backup per interval while the database is open (failures are shown, never fatal); a study
        on a server is backed up by the server (pg_dump), not copied here."""
        if self.db.is_server:
            return
        try:
            backup_if_due(self.db.path, datetime.now(UTC))
            self.last_backup_error = None
        except BackupError as exc:
            self.last_backup_error = str(exc)
            self.window.statusBar().showMessage(str(exc), 15_000)

    def backup_on_close(self) -> None:
        if self.db.is_server:
            return
        try:
            make_backup(self.db.path, datetime.now(UTC))
        except BackupError as exc:
            self.last_backup_error = str(exc)


def attach_session(window: QMainWindow, actor: Actor, demo: bool = False,
                   idle_minutes: float | None = None) -> Session:
    """Sign `window` in as `actor`, add the Account menu and the security sections."""
    from ui.trust.account import install_account_menu
    from ui.trust.audit_viewer import AuditViewer
    from ui.trust.backup_panel import BackupPanel
    from ui.trust.home_panels import attach_home_panels
    from ui.trust.queries import QueriesSection
    from ui.trust.signatures import SignaturesSection

    session = Session(window, actor, demo, idle_minutes)
    window.session = session
    install_account_menu(window, session)
    window.add_section("signatures", window.tr("To sign"), SignaturesSection(window.db, session, window))
    window.add_section("queries", window.tr("Queries"), QueriesSection(window.db, session, window))
    window.add_section("audit", window.tr("Audit trail"), AuditViewer(window.db, window))
    window.add_section("backups", window.tr("Backups"), BackupPanel(window.db, session, window))
    if actor.can(Action.MANAGE_USERS):
        add_admin_sections(window, session)
    attach_home_panels(window, session)
    window.refresh_counts()
    return session


def add_admin_sections(window: QMainWindow, session: Session) -> None:
    """The administrators' sections: users (with password reset and the idle sign-out time) and locks."""
    from ui.trust.locks import LocksSection
    from ui.trust.users import UsersSection

    if "users" not in window.sections:
        window.add_section("users", window.tr("Users"), UsersSection(window.db, session, window))
    if "locks" not in window.sections:
        window.add_section("locks", window.tr("Locks"), LocksSection(window.db, session, window))


def _tr(text: str) -> str:
    return QCoreApplication.translate("session", text)


def hold_single_instance(path: Path) -> InstanceLock | None:
    """The lock that keeps a second TrialDesk off this database, or None after telling the user it is in use."""
    lock = InstanceLock(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except OSError as exc:
        QMessageBox.critical(None, _tr("TrialDesk: cannot open the database"), f"{path.parent}: {exc.strerror}")
        return None
    except DatabaseError as exc:
        QMessageBox.critical(None, _tr("TrialDesk: database in use"), str(exc))
        return None
    return lock


def offer_restore(exc: BaseException) -> bool:
    """For a damaged database with a good backup: offer to restore it (the damaged file is kept aside).
    Returns whether the user was asked (then no further message is needed)."""
    damaged = exc.__cause__ if isinstance(exc.__cause__, DatabaseDamaged) else None
    if damaged is None or damaged.backup is None:
        return False
    answer = QMessageBox.question(
        None, _tr("TrialDesk: damaged database"),
        _tr("{0}\n\nRestore that backup now? The damaged file is kept aside next to it, renamed.").format(damaged))
    if answer != QMessageBox.StandardButton.Yes:
        return True
    try:
        aside = restore_backup(damaged.path, damaged.backup, datetime.now(UTC))
    except BackupError as restore_error:
        QMessageBox.critical(None, _tr("TrialDesk: restore failed"), str(restore_error))
        return True
    QMessageBox.information(None, _tr("TrialDesk: backup restored"),
                            _tr("Restored. The damaged file was kept as\n{0}\nStart TrialDesk again.").format(aside))
    return True

