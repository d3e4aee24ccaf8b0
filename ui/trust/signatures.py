"""Electronic signatures on screen: the investigator's to-sign list (filtered by subject and visit, with the open
and answered queries of each item), the visit opened read-only for review before signing, the signing dialog
(meaning + password re-entered; a warning and a question when queries are still open or answered) and the
manifestation of each signature (printed name, local date-time, meaning; invalidated ones kept as history)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.errors import DatabaseError, ValidationError
from models.queries import ANSWERED, OPEN, QueryInfo, list_queries
from models.security import Action, Actor, PermissionDenied
from models.signatures import MEANINGS, SignatureInfo, ToSign, manifestation, sign, signatures_of, to_sign
from models.users import MAX_FAILURES, SignInFailed, user_info
from ui.trust.account import password_edit
from ui.widgets.heading import section_heading
from ui.widgets.rows_view import RowsView

if TYPE_CHECKING:
    from ui.entry.visit_editor import VisitEditor

ALL = ""
CASEBOOK = "casebook"
WARNING_COLOUR = "#8a5a00"


def item_queries(item: ToSign, queries: list[QueryInfo]) -> list[QueryInfo]:
    """The open and answered queries an item's signature covers: the visit's, or all of the subject's for the
    casebook."""
    return [q for q in queries if q.subject_id == item.subject_id and q.status in (OPEN, ANSWERED)
            and (item.visit_id is None or (q.table_name == "visits" and q.record_id == item.visit_id))]


def query_counts(queries: list[QueryInfo]) -> tuple[int, int]:
    """(open, answered) among `queries`."""
    return sum(q.status == OPEN for q in queries), sum(q.status == ANSWERED for q in queries)


class SignDialog(QDialog):
    """Sign one item: choose the meaning and re-enter the password; wrong passwords keep the dialog open."""

    def __init__(self, db: Database, actor: Actor, item: ToSign, parent: QWidget | None = None,
                 queries: list[QueryInfo] | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.item = db, actor, item
        self.queries = queries if queries is not None else item_queries(item, list_queries(db,
                                                                                           subject_id=item.subject_id))
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
        self.warning = QLabel(self._warning_text(), self)
        self.warning.setObjectName("signatureQueryWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;")
        self.warning.setVisible(bool(self.queries))
        form = QFormLayout()
        form.addRow(self.tr("Meaning"), self.meaning)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   parent=self)
        self.sign_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_button.setText(self.tr("Sign"))
        buttons.accepted.connect(self.try_sign)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def try_sign(self) -> None:
        """Sign; a missing or wrong password (only the password is asked here: never "user name or password") or
        a storage refusal is said under the fields and the dialog stays open."""
        if not self.password.text():
            self.message.setText(self.tr("Enter your password to sign."))
            return
        if self.queries and not self._sign_despite_queries():
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

    def _warning_text(self) -> str:
        open_, answered = query_counts(self.queries)
        if not self.queries:
            return ""
        fields = ", ".join(sorted({q.label or q.field for q in self.queries}))
        counts = [text.format(n) for n, text in ((open_, self.tr("{0} open")),
                                                 (answered, self.tr("{0} answered but not closed"))) if n]
        return self.tr("Queries not settled: {0} ({1}). Signing now signs the data as it is.").format(
            self.tr(" and ").join(counts), fields)

    def _sign_despite_queries(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Sign with queries not closed?"),
            self.tr("{0}\n\nSign anyway?").format(self._warning_text()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _wrong_password(self, refusal: str) -> str:
        info = user_info(self.db, self.actor.name)
        if info is None or info.locked or not info.active:
            return refusal
        return self.tr("Wrong password. {0} attempt(s) left before the account is locked.").format(
            MAX_FAILURES - info.failed_attempts)


class SignaturesSection(QWidget):
    """The to-sign list (changed-after-signing first), filtered by subject and visit, with each item's open and
    answered queries; the selected visit opens read-only for review, and signing opens that review first; below,
    the selected subject's signatures with history."""

    def __init__(self, db: Database, session: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.session, self.host = db, session, parent
        self.all_items: list[ToSign] = []
        self.items: list[ToSign] = []
        self.queries: list[QueryInfo] = []
        self.subject_filter = QComboBox(self)
        self.subject_filter.setObjectName("toSignSubject")
        self.visit_filter = QComboBox(self)
        self.visit_filter.setObjectName("toSignVisit")
        for combo in (self.subject_filter, self.visit_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._show_items)
        self.with_queries = QCheckBox(self.tr("Only items with queries not closed"), self)
        self.with_queries.setObjectName("toSignWithQueries")
        self.with_queries.toggled.connect(self._show_items)
        self.table = RowsView([self.tr("Subject"), self.tr("Item"), self.tr("Visit date"), self.tr("Open queries"),
                               self.tr("Answered queries"), self.tr("Why")], stretch=(5,), parent=self)
        self.table.setObjectName("toSignTable")
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.row_activated.connect(lambda _row: self.review_selected())
        self.review_button = QPushButton(self.tr("Review visit (read-only)"), self)
        self.review_button.setObjectName("reviewButton")
        self.review_button.clicked.connect(self.review_selected)
        self.sign_button = QPushButton(self.tr("Sign selected..."), self)
        self.sign_button.setObjectName("signButton")
        self.sign_button.clicked.connect(self.sign_selected)
        self.history = QLabel("", self)
        self.history.setObjectName("signatureHistory")
        self.history.setWordWrap(True)
        self.history.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.history.setStyleSheet("QLabel { background: white; border: 1px solid #ccc; padding: 8px; }")
        heading = section_heading(self.tr("To sign"), self.tr("Visits with data and casebooks without a signature "
                                                              "in force; items changed after signing come first."),
                                  self)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Subject"), self))
        filters.addWidget(self.subject_filter)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Visit"), self))
        filters.addWidget(self.visit_filter)
        filters.addSpacing(12)
        filters.addWidget(self.with_queries)
        filters.addStretch(1)
        filters.addWidget(self.review_button)
        filters.addWidget(self.sign_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(filters)
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel(self.tr("<b>Signatures of the selected subject</b>"), self))
        layout.addWidget(self.history, 2)
        self.refresh()

    def _actor(self) -> Actor | None:
        return getattr(self.session, "actor", None)

    def refresh(self) -> None:
        """Reload the items and the queries; keep the filters where they are."""
        self.all_items = to_sign(self.db)
        self.queries = list_queries(self.db, statuses=(OPEN, ANSWERED))
        self._fill_filter(self.subject_filter, self.tr("All subjects"),
                          [(s, s) for s in dict.fromkeys(i.subject_id for i in self.all_items)])
        codes = dict.fromkeys(i.visit_code for i in self.all_items if i.visit_code)
        self._fill_filter(self.visit_filter, self.tr("All visits"),
                          [(c, c) for c in codes] + [(self.tr("Casebook"), CASEBOOK)])
        self._show_items()

    @staticmethod
    def _fill_filter(combo: QComboBox, everything: str, choices: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, ALL)
        for text, data in choices:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _wanted(self, item: ToSign) -> bool:
        subject, visit = self.subject_filter.currentData() or ALL, self.visit_filter.currentData() or ALL
        if subject != ALL and item.subject_id != subject:
            return False
        if visit == CASEBOOK and item.visit_id is not None:
            return False
        if visit not in (ALL, CASEBOOK) and item.visit_code != visit:
            return False
        return not self.with_queries.isChecked() or bool(item_queries(item, self.queries))

    def _show_items(self) -> None:
        self.items = [item for item in self.all_items if self._wanted(item)]
        rows = []
        for item in self.items:
            what = self.tr("Visit {0}").format(item.visit_code) if item.visit_id is not None else self.tr("Casebook")
            why = self.tr("Changed after signing: sign again") if item.previously_signed else self.tr("Not signed")
            open_, answered = query_counts(item_queries(item, self.queries))
            rows.append((item.subject_id, what, item.visit_date or "", str(open_) if open_ else "",
                         str(answered) if answered else "", why))
        self.table.rows_model.set_rows(rows, bold={r for r, item in enumerate(self.items) if item.previously_signed})
        self._update_buttons()

    def _update_buttons(self) -> None:
        actor = self._actor()
        allowed = actor is not None and actor.can(Action.SIGN)
        item = self.selected()
        self.sign_button.setEnabled(allowed and item is not None)
        self.sign_button.setToolTip("" if allowed else self.tr("Investigators only"))
        self.review_button.setEnabled(item is not None and item.visit_id is not None)

    def selected(self) -> ToSign | None:
        row = self.table.selected_row()
        return self.items[row] if row is not None and row < len(self.items) else None

    def show_subject(self, subject_id: str) -> None:
        self.history.setText(self._history_text(subject_id))

    def _history_text(self, subject_id: str) -> str:
        signatures = signatures_of(self.db, subject_id)
        if not signatures:
            return self.tr("{0}: no signatures yet.").format(subject_id)
        return "\n\n".join(f"{s.item}:\n{manifestation(s)}" for s in reversed(signatures))

    def _selection_changed(self) -> None:
        item = self.selected()
        if item is not None:
            self.show_subject(item.subject_id)
        self._update_buttons()

    def review_selected(self) -> VisitEditor | None:
        """Open the selected visit's form read-only (nothing can be typed into it from here)."""
        item = self.selected()
        if item is None or item.visit_id is None or self.host is None:
            return None
        from ui.entry.visit_editor import open_visit_editor

        editor = open_visit_editor(self.host, item.subject_id, record_id=item.visit_id)
        if not editor.read_only:
            editor.make_read_only(self.tr("Opened from the To-sign list for review: read-only. Close it and open "
                                          "the visit from the subject's page to change data."),
                                  editor.scroll.widget(), editor.scroll)
        return editor

    def sign_selected(self) -> SignDialog | None:
        """Sign the selected item: a visit is opened read-only first and the signing dialog comes over it."""
        item, actor = self.selected(), self._actor()
        if item is None or actor is None or not actor.can(Action.SIGN):
            return None
        review = self.review_selected()
        dialog = SignDialog(self.db, actor, item, review or self, item_queries(item, self.queries))
        dialog.accepted.connect(lambda: self._signed(item, review))
        dialog.open()
        return dialog

    def _signed(self, item: ToSign, review: QWidget | None) -> None:
        if review is not None:
            review.close()
        self.refresh()
        self.show_subject(item.subject_id)
        refresh_counts = getattr(self.host, "refresh_counts", None)
        if refresh_counts is not None:
            refresh_counts()
