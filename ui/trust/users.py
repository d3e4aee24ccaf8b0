"""User management for administrators: the accounts (role, active, locked), a new account, unlock, deactivate,
another user's password reset, and the idle sign-out time (ui.trust.account_admin)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.errors import DatabaseError, ValidationError
from models.security import ROLE_LABELS, Action, Actor, PermissionDenied, Role
from models.users import (
    MAX_PASSWORD_LENGTH,
    UserInfo,
    create_user,
    list_users,
    set_active,
    set_role,
    unlock_user,
)
from ui.trust.account_admin import IdleTimeBox, ResetPasswordDialog
from ui.widgets.heading import section_heading


class UsersSection(QWidget):
    """Accounts table and a new-account form; every change needs the administrator role (checked in storage)."""

    def __init__(self, db: Database, session: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.session = db, session
        self.users: list[UserInfo] = []
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Printed name"), self.tr("Role"),
                                              self.tr("Active"), self.tr("Locked"), self.tr("Password")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.username = QLineEdit(self)
        self.username.setMaxLength(40)
        self.full_name = QLineEdit(self)
        self.full_name.setMaxLength(100)
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(self.tr(ROLE_LABELS[role]), role)
        self.role.setCurrentIndex(self.role.findData(Role.COORDINATOR))  # least rights unless chosen otherwise
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(MAX_PASSWORD_LENGTH + 1)
        self.create_button = QPushButton(self.tr("Create account"), self)
        self.create_button.clicked.connect(self.create)
        self.unlock_button = QPushButton(self.tr("Unlock selected"), self)
        self.unlock_button.clicked.connect(lambda: self._change(unlock_user, "unlocked by an administrator"))
        self.deactivate_button = QPushButton(self.tr("Deactivate selected"), self)
        self.deactivate_button.clicked.connect(
            lambda: self._change(lambda db, a, u, r: set_active(db, a, u, False, r), "deactivated by an administrator"))
        self.reactivate_button = QPushButton(self.tr("Reactivate selected"), self)
        self.reactivate_button.setObjectName("reactivateButton")
        self.reactivate_button.clicked.connect(
            lambda: self._change(lambda db, a, u, r: set_active(db, a, u, True, r), "reactivated by an administrator"))
        self.reset_button = QPushButton(self.tr("Reset password of selected..."), self)
        self.reset_button.setObjectName("resetPasswordButton")
        self.reset_button.clicked.connect(self.reset_selected)
        self.reset_dialog: ResetPasswordDialog | None = None
        self.new_role = QComboBox(self)
        self.new_role.setObjectName("newRole")
        for role in Role:
            self.new_role.addItem(self.tr(ROLE_LABELS[role]), role)
        self.role_button = QPushButton(self.tr("Give selected this role"), self)
        self.role_button.setObjectName("changeRoleButton")
        self.role_button.clicked.connect(self.change_role)
        self.idle_box = IdleTimeBox(db, session, self)
        self.message = QLabel("", self)
        self.message.setObjectName("usersMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Printed name"), self.full_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Initial password"), self.password)
        actions = QHBoxLayout()
        actions.addWidget(self.unlock_button)
        actions.addWidget(self.deactivate_button)
        actions.addWidget(self.reactivate_button)
        actions.addWidget(self.reset_button)
        actions.addStretch(1)
        actions.addWidget(self.new_role)
        actions.addWidget(self.role_button)
        layout = QVBoxLayout(self)
        layout.addWidget(section_heading(self.tr("Users"), self.tr("Accounts are never deleted (the audit trail names "
                                                                   "them); deactivate instead."), self))
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(QLabel(self.tr("<b>New account</b>"), self))
        layout.addLayout(form)
        layout.addWidget(self.create_button)
        layout.addWidget(self.message)
        layout.addWidget(self.idle_box)
        self.refresh()

    def _actor(self) -> Actor | None:
        return getattr(self.session, "actor", None)

    def refresh(self) -> None:
        self.users = list_users(self.db)
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            values = (user.username, user.full_name, self.tr(ROLE_LABELS[user.role]),
                      self.tr("yes") if user.active else self.tr("no"), self.tr("LOCKED") if user.locked else "",
                      self.tr("to be changed at next sign-in") if user.must_change_password else "")
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))
        for column in range(self.table.columnCount() - 1):  # the last one stretches (a full resize would fix it)
            self.table.resizeColumnToContents(column)
        actor = self._actor()
        allowed = actor is not None and actor.can(Action.MANAGE_USERS)
        for widget in (self.create_button, self.unlock_button, self.deactivate_button, self.reactivate_button,
                       self.reset_button, self.new_role, self.role_button, self.idle_box):
            widget.setEnabled(allowed)

    def create(self) -> None:
        actor = self._actor()
        if actor is None:
            return
        try:
            create_user(self.db, actor, self.username.text().strip(), self.full_name.text(), self.role.currentData(),
                        self.password.text(), temporary=True)
        except ValidationError as exc:
            self.message.setText("\n".join(exc.errors.values()))
            return
        except (PermissionDenied, DatabaseError) as exc:  # busy or full disk: said, what was typed kept
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("Account {0} created. At the first sign-in they replace this password with "
                                     "their own.").format(self.username.text().strip()))
        for edit in (self.username, self.full_name, self.password):
            edit.clear()
        self.refresh()

    def _change(self, change, reason: str) -> bool:  # noqa: ANN001 - a models.users change function
        """Apply `change` to the selected account; False (and why, under the form) if nothing changed."""
        rows = self.table.selectionModel().selectedRows()
        actor = self._actor()
        if not rows or actor is None:
            return False
        try:
            change(self.db, actor, self.users[rows[0].row()].username, reason)
        except (ValidationError, PermissionDenied, DatabaseError) as exc:
            self.message.setText("\n".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc))
            return False
        self.refresh()
        return True

    def change_role(self) -> None:
        """Give the selected account the role chosen beside the button (not one's own; audited with old and new)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.message.setText(self.tr("Select the account whose role is to change."))
            return
        user, role = self.users[rows[0].row()], self.new_role.currentData()
        if role == user.role:
            self.message.setText(self.tr("{0} already has this role.").format(user.username))
            return
        reason = f"role changed by an administrator: {ROLE_LABELS[user.role]} -> {ROLE_LABELS[role]}"
        if self._change(lambda db, a, u, r: set_role(db, a, u, role, r), reason):
            self.message.setText(self.tr("{0} is now {1}; it applies from their next sign-in.")
                                 .format(user.username, self.tr(ROLE_LABELS[role])))

    def reset_selected(self) -> ResetPasswordDialog | None:
        """Open the password reset for the selected account (non-blocking); not for one's own account."""
        rows = self.table.selectionModel().selectedRows()
        actor = self._actor()
        if not rows or actor is None:
            self.message.setText(self.tr("Select the account whose password is to be reset."))
            return None
        user = self.users[rows[0].row()]
        if user.username == actor.name:
            self.message.setText(self.tr("Change your own password with Account → Change password..."))
            return None
        dialog = ResetPasswordDialog(self.db, actor, user, self)
        dialog.finished.connect(lambda code: self._reset_finished(dialog, code))
        self.reset_dialog = dialog
        dialog.open()
        return dialog

    def _reset_finished(self, dialog: ResetPasswordDialog, code: int) -> None:
        if code == QDialog.DialogCode.Accepted:
            self.message.setText(self.tr("Password of {0} reset; they choose their own at the next sign-in.")
                                 .format(dialog.user.username))
            self.refresh()
        if self.reset_dialog is dialog:
            self.reset_dialog = None
        dialog.deleteLater()
