"""Record that a scheduled visit took place (its date) or was missed (with why). A date outside the window is
accepted only with a comment: the warning appears as soon as the date is typed. Saves through
models.schedule_store (audited); changing a saved date or a miss asks for a reason."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from endpoints.visit_status import ScheduledVisit
from models.database import Database
from models.errors import DatabaseError, ReasonRequired, ValidationError
from models.schedule_store import declare_missed, record_visit_date, visit_version
from models.security import PermissionDenied
from ui.events import DataEvents
from ui.schedule.labels import visit_label
from ui.widgets.inputs import DateLineEdit, FieldWithError
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.windows import fit_to_screen


class VisitOutcomeDialog(QDialog):
    """Non-blocking (use `open()`)."""

    def __init__(self, db: Database, user: str, events: DataEvents, subject_id: str, visit: ScheduledVisit,
                 today, parent: QWidget | None = None) -> None:  # noqa: ANN001 - a datetime.date
        super().__init__(parent)
        self.db, self.user, self.events, self.subject_id, self.visit, self.today = (
            db, user, events, subject_id, visit, today)
        self.version = visit_version(db, subject_id, visit.code)  # what another PC's save is checked by
        self.setWindowTitle(self.tr("{0} — {1} {2}").format(subject_id, visit.code, visit_label(visit.code)))
        w = visit.window
        intro = QLabel(self.tr("Target {0}; window {1} – {2}.").format(
            w.target.isoformat(), w.earliest.isoformat(), w.latest.isoformat()), self)
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("outcomeCombo")
        self.outcome.addItem(self.tr("Visit done"), "done")
        self.outcome.addItem(self.tr("Visit missed"), "missed")
        self.date_edit = DateLineEdit(self)
        self.date_edit.setObjectName("visitDateEdit")
        self.date_field = FieldWithError(self.date_edit, self)
        self.window_warning = QLabel(self)
        self.window_warning.setObjectName("windowWarning")
        self.window_warning.setStyleSheet("color: #b05a00;")
        self.window_warning.setWordWrap(True)
        self.comment_edit = QPlainTextEdit(self)
        self.comment_edit.setObjectName("windowCommentEdit")
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setMaximumHeight(70)
        self.comment_field = FieldWithError(self.comment_edit, self)
        self.missed_edit = QPlainTextEdit(self)
        self.missed_edit.setObjectName("missedReasonEdit")
        self.missed_edit.setTabChangesFocus(True)
        self.missed_edit.setMaximumHeight(70)
        self.missed_field = FieldWithError(self.missed_edit, self)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Outcome"), self.outcome)
        self.form.addRow(self.tr("Visit date"), self.date_field)
        self.form.addRow("", self.window_warning)
        self.form.addRow(self.tr("Why outside the window"), self.comment_field)
        self.form.addRow(self.tr("Why missed"), self.missed_field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   parent=self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveVisitButton")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        fit_to_screen(self, "visitOutcome", QSize(520, 320))
        if visit.actual_date is not None:
            self.date_edit.set_date(visit.actual_date)
            self.comment_edit.setPlainText(visit.window_comment or "")
        elif visit.missed_reason:
            self.outcome.setCurrentIndex(1)
            self.missed_edit.setPlainText(visit.missed_reason)
        self.outcome.currentIndexChanged.connect(self._update)
        self.date_edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        done = self.outcome.currentData() == "done"
        for field in (self.date_field, self.comment_field, self.window_warning):
            field.setVisible(done)
            label = self.form.labelForField(field)
            if label is not None:
                label.setVisible(done)
        self.missed_field.setVisible(not done)
        self.form.labelForField(self.missed_field).setVisible(not done)
        try:
            when = self.date_edit.date_value()
        except ValueError:
            when = None
        w = self.visit.window
        if done and when is not None and not w.contains(when):
            days = (when - w.earliest).days if when < w.earliest else (when - w.latest).days
            side = self.tr("before") if days < 0 else self.tr("after")
            self.window_warning.setText(self.tr("Warning: {0} is {1} day(s) {2} the window. The date is accepted "
                                                "only with a comment saying why.").format(when.isoformat(),
                                                                                         abs(days), side))
            self.window_warning.show()
        else:
            self.window_warning.setText("")
            self.window_warning.hide()
        self.comment_field.setVisible(done and bool(self.window_warning.text()))
        self.form.labelForField(self.comment_field).setVisible(done and bool(self.window_warning.text()))

    def _show(self, errors: dict[str, str]) -> None:
        self.date_field.set_error(errors.get("date") or errors.get("code"))
        self.comment_field.set_error(errors.get("window_comment"))
        self.missed_field.set_error(errors.get("missed_reason"))

    def _write(self, reason: str | None) -> None:
        if self.outcome.currentData() == "done":
            record_visit_date(self.db, self.subject_id, self.visit.code, self.date_edit.date_value(),
                              window_comment=self.comment_edit.toPlainText(), user=self.user, reason=reason,
                              today=self.today, expected_version=self.version)
        else:
            declare_missed(self.db, self.subject_id, self.visit.code, self.missed_edit.toPlainText(),
                           user=self.user, reason=reason, today=self.today, expected_version=self.version)

    def save(self) -> None:
        """Save; a refusal is shown beside its field and everything typed stays."""
        try:
            self.date_edit.date_value()
        except ValueError:
            self._show({"date": self.tr("Not a date: type 2026-03-05 or 20260305.")})
            return
        try:
            try:
                self._write(None)
            except ReasonRequired:
                dialog = ReasonDialog(self.tr("visit {0} of subject {1}").format(self.visit.code, self.subject_id),
                                      self)
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return
                self._write(dialog.reason())
        except ValidationError as exc:
            self._show(exc.errors)
            return
        except (PermissionDenied, DatabaseError) as exc:  # another PC saved the visit meanwhile, a lock: typing stays
            QMessageBox.warning(self, self.windowTitle(), str(exc))  # the refusal says nothing was saved
            return
        self._show({})
        self.events.schedule_changed.emit(self.subject_id)
        self.accept()
