"""The Account menu of a signed-in window (change own password, sign out) and the change-password dialog.

    install_account_menu(window, session)      # by ui.shell.session.attach_session, once someone is signed in
    dialog = ChangePasswordDialog(db, actor)   # also shown at sign-in after an administrator's reset (forced)
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.errors import DatabaseError, ValidationError
from models.security import Actor
from models.users import (
    MAX_FAILURES,
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    SignInFailed,
    change_own_password,
    password_problem,
    user_info,
)

ERROR_STYLE = "color: #b00020;"


def password_edit(parent: QWidget, name: str) -> QLineEdit:
    """A masked password field that lets one character too many through, so the length rule can say so."""
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(MAX_PASSWORD_LENGTH + 1)
    return edit


def error_label(parent: QWidget, name: str) -> QLabel:
    """A red message shown under one field (hidden while empty)."""
    label = QLabel("", parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setVisible(False)
    return label


def show_error(label: QLabel, text: str) -> None:
    """Show `text` under its field (hide the label if empty) and let the dialog grow so nothing is cut off."""
    label.setText(text)
    label.setVisible(bool(text))
    fit_height(label.window())


def fit_height(dialog: QWidget) -> None:
    """Grow `dialog` to the height its wrapped labels need at its current width (Qt does not do so by itself)."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    needed = layout.totalHeightForWidth(dialog.width()) if layout.hasHeightForWidth() else layout.sizeHint().height()
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)


class ChangePasswordDialog(QDialog):
    """Current password, new password, repeat; each refusal is shown under its field and nothing typed is cleared.

    A wrong current password counts as a failed sign-in (models.users); if it locks the account, `locked_out` is
    set and the dialog closes (the caller signs the session out). `forced`: after an administrator's reset, at
    sign-in, with the current password already given (its row is hidden).
    """

    def __init__(self, db: Database, actor: Actor, forced: bool = False, current: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.locked_out = False
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("TrialDesk — change password"))
        self.setMinimumWidth(520)
        rules = self.tr("The new password needs at least {0} characters, must differ from the current one and may "
                        "not start or end with a space.").format(MIN_PASSWORD_LENGTH)
        if forced:
            intro = self.tr("An administrator has set a new password for {0} ({1}). Choose your own password "
                            "before you continue.").format(actor.display_name, actor.name)
        else:
            intro = self.tr("Change the password of {0} ({1}).").format(actor.display_name, actor.name)
        heading = QLabel(f"{intro} {rules}", self)
        heading.setObjectName("changePasswordIntro")
        heading.setWordWrap(True)
        self.current = password_edit(self, "currentPassword")
        self.current.setText(current)
        self.new = password_edit(self, "newPassword")
        self.repeat = password_edit(self, "repeatPassword")
        self.current_error = error_label(self, "currentPasswordError")
        self.new_error = error_label(self, "newPasswordError")
        self.repeat_error = error_label(self, "repeatPasswordError")
        form = QFormLayout()
        if not forced:
            form.addRow(self.tr("Current password"), self.current)
            form.addRow("", self.current_error)
        else:
            self.current.setVisible(False)
        form.addRow(self.tr("New password"), self.new)
        form.addRow("", self.new_error)
        form.addRow(self.tr("Repeat new password"), self.repeat)
        form.addRow("", self.repeat_error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   parent=self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Change password"))
        buttons.accepted.connect(self.try_change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        (self.new if forced else self.current).setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        fit_height(self)

    def try_change(self) -> None:
        """Check the new password, then the current one (counted); accept on success, else say why by field."""
        for label in (self.current_error, self.new_error, self.repeat_error):
            show_error(label, "")
        new = self.new.text()
        problem = password_problem(new)
        if problem:
            show_error(self.new_error, self.tr(problem))
        if new != self.repeat.text():
            show_error(self.repeat_error, self.tr("The two new passwords differ."))
        if problem or new != self.repeat.text():
            (self.new if problem else self.repeat).setFocus()
            return
        try:
            change_own_password(self.db, self.actor, self.current.text(), new)
        except ValidationError as exc:
            show_error(self.new_error, self.tr(exc.errors.get("new_password", str(exc))))
            self.new.setFocus()
            return
        except SignInFailed as exc:
            self._wrong_current(str(exc))
            return
        except DatabaseError as exc:  # busy or full disk: said, what was typed kept
            show_error(self.repeat_error, str(exc))
            return
        self.accept()

    def _wrong_current(self, refusal: str) -> None:
        info = user_info(self.db, self.actor.name)
        if info is None or info.locked or not info.active:
            self.locked_out = True
            show_error(self.current_error, refusal)
            self.reject()
            return
        show_error(self.current_error, self.tr("The current password is wrong. {0} attempt(s) left before the "
                                               "account is locked.").format(MAX_FAILURES - info.failed_attempts))
        self.current.selectAll()
        self.current.setFocus()


class AccountMenu(QObject):
    """Account → (signed-in user), Change password..., Sign out, for the window's session."""

    def __init__(self, window: QMainWindow, session: object) -> None:
        super().__init__(window)
        self.window, self.session = window, session
        self.dialog: ChangePasswordDialog | None = None
        self.menu = window.menuBar().addMenu(self.tr("&Account"))
        self.menu.setObjectName("accountMenu")
        self.who_action = QAction("", self)
        self.who_action.setEnabled(False)
        self.change_password_action = QAction(self.tr("&Change password..."), self)
        self.change_password_action.triggered.connect(self.change_password)
        self.sign_out_action = QAction(self.tr("&Sign out"), self)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.menu.addAction(self.who_action)
        self.menu.addSeparator()
        self.menu.addAction(self.change_password_action)
        self.menu.addAction(self.sign_out_action)
        self.menu.aboutToShow.connect(self.update_who)
        self.update_who()

    def update_who(self) -> None:
        actor = self.session.actor
        self.who_action.setText(self.tr("Signed in as {0} ({1})").format(actor.display_name, actor.name))

    def change_password(self) -> ChangePasswordDialog:
        """Open the change-password dialog for the signed-in user (non-blocking)."""
        dialog = ChangePasswordDialog(self.window.db, self.session.actor, parent=self.window)
        dialog.finished.connect(lambda code: self._finished(dialog, code))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _finished(self, dialog: ChangePasswordDialog, code: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if code == QDialog.DialogCode.Accepted:
            self.window.statusBar().showMessage(self.tr("Password changed."), 10_000)
        elif dialog.locked_out:
            self.session.sign_out(self.tr("{0}\nYou were signed out. Unsaved input is kept for when this account "
                                          "is unlocked, or is offered to the next user as a draft.")
                                  .format(dialog.current_error.text()))
        dialog.deleteLater()

    def sign_out(self) -> None:
        self.session.sign_out()


def install_account_menu(window: QMainWindow, session: object) -> AccountMenu:
    """Add the Account menu to a signed-in window (kept as `window.account_menu`)."""
    window.account_menu = AccountMenu(window, session)
    return window.account_menu
