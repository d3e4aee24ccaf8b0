"""Electronic signatures on screen: the investigator's to-sign list, the signing dialog (meaning + password
re-entered) and the manifestation of each signature (printed name, local date-time, meaning; invalidated ones
kept as history)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.errors import DatabaseError, ValidationError
from models.security import Action, Actor, PermissionDenied
from models.signatures import MEANINGS, SignatureInfo, ToSign, manifestation, sign, signatures_of, to_sign
from models.users import MAX_FAILURES, SignInFailed, user_info
from ui.trust.account import password_edit
from ui.widgets.rows_view import RowsView


class SignDialog(QDialog):
    """Sign one item: choose the meaning and re-enter the password; wrong passwords keep the dialog open."""

    def __init__(self, db: Database, actor: Actor, item: ToSign, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.item = db, actor, item
        self.signature: SignatureInfo | None = None
        self.setWindowTitle(self.tr("Electronic signature"))
        self.setMinimumWidth(480)
        what = self.tr("visit {0} of {1}").format(item.visit_code, item.subject_id) if item.visit_id is not None \
            else self.tr("the whole casebook of {0}").format(item.subject_id)
        intro = QLabel(self.tr("You are signing {0} as {1}. Your signature is the legally binding equivalent of "
                               "your handwritten signature.").format(what, actor.display_name), self)
        intro.setWordWrap(True)
        self.meaning = QComboBox(self)
        self.meaning.setObjectName("signatureMeaning")
        self.meaning.addItems(MEANINGS)
        self.password = password_edit(self, "signaturePassword")
        self.message = QLabel("", self)
        self.message.setObjectName("signatureMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Meaning"), self.meaning)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   parent=self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign"))
        buttons.accepted.connect(self.try_sign)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def try_sign(self) -> None:
        """Sign; a missing or wrong password (only the password is asked here: never "user name or password") or
        a storage refusal is said under the fields and the dialog stays open."""
        if not self.password.text():
            self.message.setText(self.tr("Enter your password to sign."))
            return
        try:
            self.signature = sign(self.db, self.actor, self.password.text(), subject_id=self.item.subject_id,
                                  visit_id=self.item.visit_id, meaning=self.meaning.currentText())
        except SignInFailed as exc:
            self.message.setText(self._wrong_password(str(exc)))
            self.password.clear()
            return
        except ValidationError as exc:
            self.message.setText("; ".join(exc.errors.values()))
            return
        except (PermissionDenied, DatabaseError) as exc:
            self.message.setText(self.tr("Not signed: {0}").format(str(exc).strip() or type(exc).__name__))
            return
        self.accept()

    def _wrong_password(self, refusal: str) -> str:
        info = user_info(self.db, self.actor.name)
        if info is None or info.locked or not info.active:
            return refusal
        return self.tr("Wrong password. {0} attempt(s) left before the account is locked.").format(
            MAX_FAILURES - info.failed_attempts)


class SignaturesSection(QWidget):
    """The to-sign list (changed-after-signing first) and the selected subject's signatures with history."""

    def __init__(self, db: Database, session: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.session = db, session
        self.items: list[ToSign] = []
        self.table = RowsView([self.tr("Subject"), self.tr("Item"), self.tr("Visit date"), self.tr("Why")],
                              stretch=(3,), parent=self)
        self.table.setObjectName("toSignTable")
        self.table.selectionModel().selectionChanged.connect(self._show_history)
        self.table.row_activated.connect(lambda _row: self.sign_selected())
        self.sign_button = QPushButton(self.tr("Sign selected..."), self)
        self.sign_button.setObjectName("signButton")
        self.sign_button.clicked.connect(self.sign_selected)
        self.history = QLabel("", self)
        self.history.setObjectName("signatureHistory")
        self.history.setWordWrap(True)
        self.history.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.history.setStyleSheet("QLabel { background: white; border: 1px solid #ccc; padding: 8px; }")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("<b>To sign</b> — visits with data and casebooks without a signature in force; "
                                     "items changed after signing come first."), self), 1)
        top.addWidget(self.sign_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel(self.tr("<b>Signatures of the selected subject</b>"), self))
        layout.addWidget(self.history, 2)
        self.refresh()

    def _actor(self) -> Actor | None:
        return getattr(self.session, "actor", None)

    def refresh(self) -> None:
        self.items = to_sign(self.db)
        rows = []
        for item in self.items:
            what = self.tr("Visit {0}").format(item.visit_code) if item.visit_id is not None else self.tr("Casebook")
            why = self.tr("Changed after signing: sign again") if item.previously_signed else self.tr("Not signed")
            rows.append((item.subject_id, what, item.visit_date or "", why))
        self.table.rows_model.set_rows(rows, bold={r for r, item in enumerate(self.items) if item.previously_signed})
        actor = self._actor()
        allowed = actor is not None and actor.can(Action.SIGN)
        self.sign_button.setEnabled(allowed)
        self.sign_button.setToolTip("" if allowed else self.tr("Investigators only"))

    def selected(self) -> ToSign | None:
        row = self.table.selected_row()
        return self.items[row] if row is not None else None

    def show_subject(self, subject_id: str) -> None:
        self.history.setText(self._history_text(subject_id))

    def _history_text(self, subject_id: str) -> str:
        signatures = signatures_of(self.db, subject_id)
        if not signatures:
            return self.tr("{0}: no signatures yet.").format(subject_id)
        return "\n\n".join(f"{s.item}:\n{manifestation(s)}" for s in reversed(signatures))

    def _show_history(self) -> None:
        item = self.selected()
        if item is not None:
            self.show_subject(item.subject_id)

    def sign_selected(self) -> SignDialog | None:
        item, actor = self.selected(), self._actor()
        if item is None or actor is None or not actor.can(Action.SIGN):
            return None
        dialog = SignDialog(self.db, actor, item, self)
        dialog.accepted.connect(lambda: (self.refresh(), self.show_subject(item.subject_id)))
        dialog.open()
        return dialog
