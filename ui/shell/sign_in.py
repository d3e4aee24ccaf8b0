"""Sign-in: the dialog that asks for user name and password (and the first administrator of a new database).

The demo database's accounts and passwords are listed on the sign-in screen (and only there, only for it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.errors import DatabaseError, ValidationError
from models.security import ROLE_LABELS, Actor, Role
from models.users import (
    MIN_PASSWORD_LENGTH,
    SignInFailed,
    authenticate,
    create_first_administrator,
    must_change_password,
)
from ui.trust.account import ChangePasswordDialog, fit_height
from ui.trust.account import password_edit as _password_edit

MAX_NAME = 100



class SignInDialog(QDialog):
    """User name and password; `actor` is set when the sign-in succeeded. Wrong input keeps the dialog open."""

    def __init__(self, db: Database, demo_accounts: tuple[tuple[str, str, Role, str], ...] = (),
                 username: str = "", intro: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("TrialDesk — sign in"))
        self.setMinimumWidth(460)
        heading = QLabel(intro or self.tr("Sign in to {0}").format(db.name), self)
        heading.setWordWrap(True)
        heading.setObjectName("signInHeading")
        self.username = QLineEdit(username, self)
        self.username.setObjectName("usernameEdit")
        self.username.setMaxLength(40)
        self.password = _password_edit(self, "passwordEdit")
        self.message = QLabel("", self)
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   parent=self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Sign in"))
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        if demo_accounts:
            layout.addWidget(self._demo_box(demo_accounts))
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def say(self, text: str) -> None:
        """Show `text` under the fields; the window grows (never shrinks) to show all of it."""
        self.message.setText(text)
        fit_height(self)

    def _demo_box(self, accounts: tuple[tuple[str, str, Role, str], ...]) -> QLabel:
        rows = "".join(f"<tr><td>{self.tr(ROLE_LABELS[role])}</td><td><b>{name}</b></td><td><code>{pw}</code></td></tr>"
                       for name, _full, role, pw in accounts)
        box = QLabel(self.tr("<b>Demo database</b> — these demo accounts exist only here:") +
                     f"<table cellspacing='6'>{rows}</table>", self)
        box.setObjectName("demoAccounts")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setStyleSheet("background: #fff6cc; border: 1px solid #e0c050; padding: 6px;")
        return box

    def try_sign_in(self) -> None:
        """Check the password; on success accept, else say why and keep what was typed in the user name. After an
        administrator's reset the user must choose a new password first (the sign-in fails if they cancel)."""
        try:
            actor = authenticate(self.db, self.username.text(), self.password.text())
            forced = must_change_password(self.db, actor.name)
        except SignInFailed as exc:
            self.say(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        except DatabaseError as exc:  # busy or full: nothing was decided, try again
            self.say(self.tr("Not signed in: {0}").format(exc))
            return
        if forced:
            change = ChangePasswordDialog(self.db, actor, forced=True, current=self.password.text(), parent=self)
            accepted = change.exec() == QDialog.DialogCode.Accepted
            change.deleteLater()
            if not accepted:
                self.say(self.tr("Your password was set by an administrator: choose your own to sign in."))
                self.password.clear()
                self.password.setFocus()
                return
        self.actor = actor
        self.accept()


class FirstAdministratorDialog(QDialog):
    """A new database has no accounts: create the administrator (user name, printed name, password twice)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("TrialDesk — first administrator"))
        self.setMinimumWidth(500)
        intro = QLabel(self.tr("This study database has no user accounts yet. Create the administrator account: "
                               "it manages users, locks and backups (it does not enter clinical data). "
                               "Passwords need at least {0} characters.").format(MIN_PASSWORD_LENGTH), self)
        intro.setWordWrap(True)
        self.username = QLineEdit(self)
        self.username.setObjectName("adminUsername")
        self.username.setMaxLength(40)
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("adminFullName")
        self.full_name.setMaxLength(MAX_NAME)
        self.password = _password_edit(self, "adminPassword")
        self.repeat = _password_edit(self, "adminRepeat")
        self.message = QLabel("", self)
        self.message.setObjectName("firstAdminMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Printed name"), self.full_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   parent=self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create administrator"))
        buttons.accepted.connect(self.try_create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def try_create(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ."))
            fit_height(self)
            return
        try:
            self.actor = create_first_administrator(self.db, self.username.text().strip(), self.full_name.text(),
                                                    self.password.text())
        except ValidationError as exc:
            self.message.setText("\n".join(exc.errors.values()))
            fit_height(self)
            return
        self.accept()
