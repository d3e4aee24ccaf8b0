"""Register a subject or edit one: the form, saving through the audited registry API, drafts while typing.
Read-only (banner saying why) when the subject or database is locked or the signed-in role cannot change
clinical data; a storage refusal at save (lock, role, disk full, database busy) is shown under the form."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.errors import ReasonRequired, ValidationError
from models.subjects import SubjectRecord, save_subject, validate_subject
from ui.drafts import Draft, DraftStore
from ui.entry.dialog import STORAGE_REFUSALS, make_inputs_read_only, read_only_reasons, style_banner
from ui.events import DataEvents
from ui.subjects.form import SubjectForm
from ui.subjects.section import EDIT_DRAFT_PREFIX, REGISTER_DRAFT_KEY
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.windows import fit_to_screen


def draft_key(record: SubjectRecord | None) -> str:
    """The draft key of the registration form (new subject) or of one subject's edit form."""
    return REGISTER_DRAFT_KEY if record is None else f"{EDIT_DRAFT_PREFIX}{record.record_id}"


class SubjectDialog(QDialog):
    """Non-blocking dialog (use `open()`); emits `accepted` once the subject is saved (`saved_record`)."""

    def __init__(
        self,
        db: Database,
        user: str,
        drafts: DraftStore,
        events: DataEvents,
        record: SubjectRecord | None = None,
        draft: Draft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.drafts, self.events, self.record = db, user, drafts, events, record
        self.saved_record: SubjectRecord | None = None
        self.draft_key = draft_key(record)
        if record is None:
            self.setWindowTitle(self.tr("Register subject"))
            self.draft_title = self.tr("Registration of a new subject")
        else:
            self.setWindowTitle(self.tr("Edit subject {0}").format(record.subject_id))
            self.draft_title = self.tr("Changes to subject {0}").format(record.subject_id)

        self.form = SubjectForm()
        if record is not None:
            self.form.load_record(record)
        self.initial_values = self.form.raw_values()
        if draft is not None:
            self.form.set_raw_values(draft.fields)

        scroll = QScrollArea(self)
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
        style_banner(self.banner)
        self.banner.hide()
        self.refusal = QLabel()
        self.refusal.setObjectName("generalMessage")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")
        self.refusal.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.refusal)
        layout.addWidget(self.buttons)
        fit_to_screen(self, "subjectDialog", QSize(760, 600))
        self.form.changed.connect(self._keep_draft)
        reasons = read_only_reasons(db, record.subject_id if record is not None else None)
        self.read_only = bool(reasons)
        if reasons:
            self.banner.setText("\n".join(reasons))
            self.banner.show()
            self.save_button.setEnabled(False)
            make_inputs_read_only(self.form, scroll, self)
        next(iter(self.form.editors.values())).setFocus()  # the cursor in the first field

    def has_changes(self) -> bool:
        return self.form.raw_values() != self.initial_values

    def _keep_draft(self) -> None:
        if self.has_changes():
            self.drafts.save(self.draft_key, self.draft_title, self.form.raw_values())
        else:
            self.drafts.discard(self.draft_key)

    def save(self) -> None:
        """Validate, ask for a reason when saved data changes, save; on refusal show each message by its field."""
        if self.read_only:
            return
        if self.record is not None and not self.has_changes():
            self.drafts.discard(self.draft_key)
            self.done(QDialog.DialogCode.Rejected)
            return
        data, unreadable = self.form.build_input(self.record.to_input() if self.record else None)
        errors = dict(unreadable)
        for key, message in validate_subject(self.db, data).items():
            errors.setdefault(key, message)
        if errors:
            self.form.show_errors(errors)
            return
        reason = None
        if self.record is not None:
            reason = self._ask_reason()
            if reason is None:
                return
        try:
            try:
                record = save_subject(self.db, data, user=self.user, reason=reason)
            except ReasonRequired:
                reason = self._ask_reason()
                if reason is None:
                    return
                record = save_subject(self.db, data, user=self.user, reason=reason)
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            return
        except STORAGE_REFUSALS as exc:  # what was typed and its draft stay
            self.refusal.setText(self.tr("Not saved: {0}").format(str(exc).strip() or type(exc).__name__))
            self.refusal.show()
            return
        self.refusal.hide()
        self.form.show_errors({})
        self.drafts.discard(self.draft_key)
        self.saved_record = record
        self.events.subject_saved.emit(record.subject_id)
        self.accept()

    def _ask_reason(self) -> str | None:
        assert self.record is not None
        dialog = ReasonDialog(self.tr("registration of subject {0}").format(self.record.subject_id), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason()

    def reject(self) -> None:
        """Cancel: if something was typed, ask before throwing it away (a read-only form keeps its draft)."""
        if self.read_only:
            super().reject()
            return
        if self.has_changes():
            answer = QMessageBox.question(
                self,
                self.tr("Discard changes?"),
                self.tr("What you typed has not been saved. Discard it?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.drafts.discard(self.draft_key)
        super().reject()
