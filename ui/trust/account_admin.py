"""Administrator pieces of the Users section: another user's password reset, and the idle sign-out time."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.errors import DatabaseError, ValidationError
from models.security import Actor, PermissionDenied
from models.settings import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES, idle_minutes, set_idle_minutes
from models.users import MIN_PASSWORD_LENGTH, UserInfo, password_problem, reset_password
from ui.trust.account import error_label, fit_height, password_edit, show_error


class ResetPasswordDialog(QDialog):
    """An administrator sets a new password for another account (typed twice, with a reason); its owner must
    choose their own at the next sign-in. Refusals are shown under their field; nothing typed is cleared."""

    def __init__(self, db: Database, actor: Actor, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.user = db, actor, user
        self.setObjectName("resetPasswordDialog")
        self.setWindowTitle(self.tr("TrialDesk — reset password"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr("New password for {0} ({1}). Tell it to them in person; they must choose their own "
                               "at the next sign-in. At least {2} characters. The account is unlocked too.")
                       .format(user.full_name, user.username, MIN_PASSWORD_LENGTH), self)
        intro.setWordWrap(True)
        self.password = password_edit(self, "resetPassword")
        self.repeat = password_edit(self, "resetRepeat")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("resetReason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("e.g. password forgotten, identity checked in person"))
        self.password_error = error_label(self, "resetPasswordError")
        self.repeat_error = error_label(self, "resetRepeatError")
        self.reason_error = error_label(self, "resetReasonError")
        form = QFormLayout()
        form.addRow(self.tr("New password"), self.password)
        form.addRow("", self.password_error)
        form.addRow(self.tr("Repeat new password"), self.repeat)
        form.addRow("", self.repeat_error)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow("", self.reason_error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   parent=self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Reset password"))
        buttons.accepted.connect(self.try_reset)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.password.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        fit_height(self)

    def try_reset(self) -> None:
        for label in (self.password_error, self.repeat_error, self.reason_error):
            show_error(label, "")
        problem = password_problem(self.password.text())
        if problem:
            show_error(self.password_error, self.tr(problem))
        if self.password.text() != self.repeat.text():
            show_error(self.repeat_error, self.tr("The two passwords differ."))
        if not self.reason.text().strip():
            show_error(self.reason_error, self.tr("A reason is required (it is kept in the audit trail)."))
        if self.password_error.text() or self.repeat_error.text() or self.reason_error.text():
            return
        try:
            reset_password(self.db, self.actor, self.user.username, self.password.text(), self.reason.text().strip())
        except ValidationError as exc:
            show_error(self.password_error, "\n".join(exc.errors.values()))
            return
        except (PermissionDenied, DatabaseError) as exc:  # busy or full disk: said, what was typed kept
            show_error(self.reason_error, str(exc))
            return
        self.accept()


class IdleTimeBox(QGroupBox):
    """The idle sign-out time (minutes) for every user of this database: stored, audited, applied at once."""

    def __init__(self, db: Database, session: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Idle sign-out"))
        self.setObjectName("idleTimeBox")
        self.db, self.session = db, session
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("idleMinutes")
        self.minutes.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(idle_minutes(db))
        self.minutes.setMinimumWidth(130)
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setObjectName("applyIdleMinutes")
        self.apply_button.clicked.connect(self.apply)
        self.message = QLabel("", self)
        self.message.setObjectName("idleMessage")
        self.message.setWordWrap(True)
        note = QLabel(self.tr("Without keyboard or mouse input for this long, TrialDesk signs its user out; unsaved "
                              "input is kept. From {0} to {1} minutes (default 15); applies to this session now and "
                              "to every start.").format(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES), self)
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Sign out after"), self))
        row.addWidget(self.minutes)
        row.addWidget(self.apply_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def apply(self) -> None:
        actor = getattr(self.session, "actor", None)
        if actor is None:
            return
        minutes = self.minutes.value()
        try:
            set_idle_minutes(self.db, actor, minutes)
        except (ValidationError, PermissionDenied, DatabaseError) as exc:
            self.message.setText("\n".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc))
            return
        setter = getattr(self.session, "set_idle_minutes", None)
        if setter is not None:
            setter(minutes)
        self.message.setText(self.tr("Saved: users are signed out after {0} min without activity.")
                             .format(minutes))
