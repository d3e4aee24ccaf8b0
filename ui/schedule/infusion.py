"""Plan or record one infusion: planned date (infusion 2 proposed at Week 12 of infusion 1), the weight used
(the latest measured within the protocol's `infusion_weight_max_age_days`, at registration, a visit or an earlier
infusion, named with its source; else a new one), the dose shown live, lot, times, vital signs before and after,
reactions and completion. Opens with the cursor in its first field; refusals are shown beside each field (and
go as soon as the field is edited), nothing typed is lost; moving a saved date asks for a reason. Saves through
models.schedule_store (audited)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from endpoints.formatting import format_cells, format_cells_per_kg
from endpoints.visit_status import dose_cells, proposed_infusion2_date, weight_for_infusion
from models.database import Database
from models.errors import DatabaseError, ReasonRequired, ValidationError
from models.schedule_store import InfusionInput, SaveResult, SubjectSchedule, recorded_weights, save_infusion
from models.security import PermissionDenied
from reports.form_labels import FORM_FIELDS, INFUSION_TIMES, INFUSION_VITALS
from ui.drafts import Draft, DraftStore
from ui.events import DataEvents
from ui.widgets.inputs import DateLineEdit, DecimalLineEdit, FieldWithError
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.windows import fit_to_screen

INFUSION_FIELDS = FORM_FIELDS["infusion"]
VITALS = tuple(INFUSION_VITALS.items())
INFUSION_DRAFT_PREFIX = "infusion/"
INTEGER_FIELDS = {f"{when}_{name}" for when in ("pre", "post") for name, _ in VITALS if name != "temperature_c"}


def normalise_time(text: str) -> str:
    """`0930` → `09:30`; anything else unchanged (stripped)."""
    text = text.strip()
    return f"{text[:2]}:{text[2:]}" if len(text) == 4 and text.isdigit() else text


class TimeLineEdit(QLineEdit):
    """A clock time typed as HH:MM (or HHMM, normalised); every keystroke kept, the save names a wrong time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("HH:MM")
        self.editingFinished.connect(self._normalise)

    def _normalise(self) -> None:
        if normalise_time(self.text()) != self.text():
            self.setText(normalise_time(self.text()))


class InfusionDialog(QDialog):
    """Non-blocking (use `open()`); `result_moves` holds the visits that moved once saved."""

    def __init__(self, db: Database, user: str, events: DataEvents, schedule: SubjectSchedule, number: int,
                 drafts: DraftStore | None = None, draft: Draft | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user, self.events, self.schedule, self.number = db, user, events, schedule, number
        self.drafts = drafts
        self.draft_key = f"{INFUSION_DRAFT_PREFIX}{schedule.subject_id}/{number}"
        self.params = db.config.params
        self.result_moves: SaveResult | None = None
        self.record = schedule.infusion(number)
        self.setWindowTitle(self.tr("Infusion {0} — {1}").format(number, schedule.subject_id))
        self.weights = recorded_weights(db, schedule.subject_id)
        self.latest_source = ""
        self.fields: dict[str, FieldWithError] = {}

        form = QWidget(self)
        layout = QVBoxLayout(form)
        layout.addWidget(self._dates_box())
        layout.addWidget(self._dose_box())
        layout.addWidget(self._vitals_box())
        layout.addWidget(self._outcome_box())
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(form)
        scroll.setWidgetResizable(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, parent=self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveInfusionButton")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.form_error = QLabel(self)
        self.form_error.setObjectName("formError")
        self.form_error.setStyleSheet("color: #b00020;")
        self.form_error.setWordWrap(True)
        self.form_error.hide()
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.form_error)
        outer.addWidget(self.buttons)
        fit_to_screen(self, "infusionDialog", QSize(720, 760))
        self._load()
        self.initial = self.raw_values()
        if draft is not None:
            self.set_raw_values(draft.fields)
        self._update_dependent()
        for wrapped in self.fields.values():
            editor = wrapped.editor
            signal = (editor.toggled if isinstance(editor, QCheckBox) else editor.currentIndexChanged
                      if isinstance(editor, QComboBox) else editor.textChanged)
            signal.connect(self._keep_draft)
            signal.connect(lambda *_args, wrapped=wrapped: wrapped.set_error(None))  # corrected: the error goes
        first = next((n for n in ("planned_date", "date") if not self.editor(n).text()), "planned_date")
        self.editor(first).setFocus()  # the first field still to fill

    # building ------------------------------------------------------------------------------------------------

    def _field(self, name: str, editor: QWidget) -> FieldWithError:
        editor.setObjectName(name)
        wrapped = FieldWithError(editor, self)
        self.fields[name] = wrapped
        return wrapped

    def editor(self, name: str) -> QWidget:
        return self.fields[name].editor

    def label(self, name: str) -> str:
        """A field's label (reports.form_labels), translated."""
        return self.tr(INFUSION_FIELDS[name])

    def _dates_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Dates"), self)
        form = QFormLayout(box)
        form.addRow(self.label("planned_date"), self._field("planned_date", DateLineEdit()))
        self.proposal_label = QLabel(self)
        self.proposal_label.setObjectName("proposalLabel")
        self.proposal_label.setStyleSheet("color: #5f6b7a;")
        form.addRow("", self.proposal_label)
        form.addRow(self.label("date"), self._field("date", DateLineEdit()))
        times = QHBoxLayout()
        times.addWidget(QLabel(self.label("start_time")))
        times.addWidget(self._field("start_time", TimeLineEdit()))
        times.addWidget(QLabel(self.label("end_time")))
        times.addWidget(self._field("end_time", TimeLineEdit()))
        form.addRow(self.label("times"), times)
        form.addRow(self.label("lot_number"), self._field("lot_number", QLineEdit()))
        return box

    def _dose_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Weight and dose"), self)
        form = QFormLayout(box)
        self.weight_hint = QLabel(self)
        self.weight_hint.setObjectName("weightHint")
        self.weight_hint.setWordWrap(True)
        self.use_weight_button = QPushButton(self.tr("Use this weight"), self)
        self.use_weight_button.setObjectName("useWeightButton")
        self.use_weight_button.clicked.connect(self._use_latest_weight)
        form.addRow(self.tr("Latest weight"), self.weight_hint)
        form.addRow("", self.use_weight_button)
        form.addRow(self.label("weight_kg"), self._field("weight_kg", DecimalLineEdit()))
        form.addRow(self.label("weight_date"), self._field("weight_date", DateLineEdit()))
        self.dose_label = QLabel(self)
        self.dose_label.setObjectName("doseLabel")
        font = self.dose_label.font()
        font.setBold(True)
        self.dose_label.setFont(font)
        form.addRow(self.label("dose_cells"), self.dose_label)
        return box

    def _vitals_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Vital signs"), self)
        grid = QGridLayout(box)
        grid.addWidget(QLabel(self.tr(INFUSION_TIMES["pre_"])), 0, 1)
        grid.addWidget(QLabel(self.tr(INFUSION_TIMES["post_"])), 0, 2)
        for row, (name, label) in enumerate(VITALS, start=1):
            grid.addWidget(QLabel(self.tr(label)), row, 0)
            grid.addWidget(self._field(f"pre_{name}", DecimalLineEdit()), row, 1)
            grid.addWidget(self._field(f"post_{name}", DecimalLineEdit()), row, 2)
        return box

    def _outcome_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Reactions and completion"), self)
        form = QFormLayout(box)
        reaction = QCheckBox(self.label("reaction"))
        form.addRow("", self._field("reaction", reaction))
        text = QPlainTextEdit()
        text.setTabChangesFocus(True)
        text.setMaximumHeight(60)
        form.addRow(self.label("reaction_text"), self._field("reaction_text", text))
        completion = QComboBox()
        for code, label in (("", self.tr("— (planned, not yet given)")), ("full", self.tr("Given in full")),
                            ("partial", self.tr("Given partially")), ("not_given", self.tr("Not given"))):
            completion.addItem(label, code)
        form.addRow(self.label("completion"), self._field("completion", completion))
        form.addRow(self.label("fraction_given"), self._field("fraction_given", DecimalLineEdit()))
        reason = QPlainTextEdit()
        reason.setTabChangesFocus(True)
        reason.setMaximumHeight(60)
        form.addRow(self.label("not_given_reason"), self._field("not_given_reason", reason))
        self.outcome_form = form
        reaction.toggled.connect(self._update_dependent)
        completion.currentIndexChanged.connect(self._update_dependent)
        for name in ("weight_kg", "planned_date", "date"):
            self.editor(name).textChanged.connect(self._update_dependent)
        return box

    # values --------------------------------------------------------------------------------------------------

    def raw_values(self) -> dict[str, object]:
        """Everything as typed (for the unsaved-changes check)."""
        out: dict[str, object] = {}
        for name, wrapped in self.fields.items():
            editor = wrapped.editor
            if isinstance(editor, QCheckBox):
                out[name] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                out[name] = editor.currentData()
            elif isinstance(editor, QPlainTextEdit):
                out[name] = editor.toPlainText()
            else:
                out[name] = editor.text()
        return out

    def set_raw_values(self, values: dict[str, object]) -> None:
        """Put back what was typed (a crash draft)."""
        for name, value in values.items():
            editor = self.fields[name].editor if name in self.fields else None
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value or "")))
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(str(value or ""))
            elif editor is not None:
                editor.setText(str(value or ""))

    def _keep_draft(self) -> None:
        if self.drafts is None:
            return
        if self.has_changes():
            title = self.tr("Infusion {0} of subject {1}").format(self.number, self.schedule.subject_id)
            self.drafts.save(self.draft_key, title, self.raw_values())  # type: ignore[arg-type]
        else:
            self.drafts.discard(self.draft_key)

    def _load(self) -> None:
        if self.record is None:
            if self.number == 2:
                first = self.schedule.infusion(1)
                if first is not None and first.data.date is not None:
                    self.editor("planned_date").set_date(proposed_infusion2_date(first.data.date, self.params))
            return
        d = self.record.data
        for name in ("planned_date", "date", "weight_date"):
            self.editor(name).set_date(getattr(d, name))
        for name in ("start_time", "end_time", "lot_number"):
            self.editor(name).setText(getattr(d, name) or "")
        for name in ("weight_kg", "fraction_given", *(f"{w}_{v}" for w in ("pre", "post") for v, _ in VITALS)):
            value = getattr(d, name)
            self.editor(name).setText("" if value is None else f"{value:g}")
        self.editor("reaction").setChecked(bool(d.reaction))
        self.editor("reaction_text").setPlainText(d.reaction_text or "")
        self.editor("not_given_reason").setPlainText(d.not_given_reason or "")
        combo = self.editor("completion")
        combo.setCurrentIndex(max(0, combo.findData(d.completion or "")))

    def _date(self, name: str) -> dt.date | None:
        try:
            return self.editor(name).date_value()
        except ValueError:
            return None

    def _update_dependent(self) -> None:
        completion = self.editor("completion").currentData()
        self.fields["fraction_given"].setVisible(completion == "partial")
        self.outcome_form.labelForField(self.fields["fraction_given"]).setVisible(completion == "partial")
        self.fields["not_given_reason"].setVisible(completion == "not_given")
        self.outcome_form.labelForField(self.fields["not_given_reason"]).setVisible(completion == "not_given")
        reaction = self.editor("reaction").isChecked()
        self.fields["reaction_text"].setVisible(reaction)
        self.outcome_form.labelForField(self.fields["reaction_text"]).setVisible(reaction)
        first = self.schedule.infusion(1)
        if self.number == 2 and first is not None and first.data.date is not None:
            proposed = proposed_infusion2_date(first.data.date, self.params)
            self.proposal_label.setText(self.tr("Proposed: {0} (Week 12 after infusion 1 on {1})")
                                        .format(proposed.isoformat(), first.data.date.isoformat()))
        else:
            self.proposal_label.setText("")
        when = self._date("date") or self._date("planned_date")
        self.latest = weight_for_infusion([(w.date, w.weight_kg) for w in self.weights], when, self.params) \
            if when else None
        self.latest_source = next((w.source for w in self.weights if self.latest == (w.date, w.weight_kg)), "")
        days = self.params.infusion_weight_max_age_days
        if when is None:
            self.weight_hint.setText(self.tr("Enter the infusion date to look up the latest weight."))
        elif self.latest is None:
            self.weight_hint.setText(self.tr("No weight in the {0} days before {1}: measure the subject and enter "
                                             "the new weight below.").format(days, when.isoformat()))
            self.weight_hint.setStyleSheet("color: #b05a00;")
        else:
            self.weight_hint.setText(self.tr("{0:g} kg measured {1} at {2} (within {3} days)")
                                     .format(self.latest[1], self.latest[0].isoformat(),
                                             self.tr(self.latest_source), days))
            self.weight_hint.setStyleSheet("")
        self.use_weight_button.setEnabled(self.latest is not None)
        if (self.latest is not None and self._date("date") is not None and not self.editor("weight_kg").text()
                and not self.editor("weight_date").text()):
            self._use_latest_weight()
        try:
            weight = self.editor("weight_kg").decimal_value()
        except ValueError:
            weight = None
        if weight is not None and weight > 0:
            cells = dose_cells(float(weight), self.params)
            self.dose_label.setText(self.tr("{0}   ({1} × {2:g} kg)").format(
                format_cells(cells), format_cells_per_kg(self.params.dose_cells_per_kg), float(weight)))
        else:
            self.dose_label.setText(self.tr("— (enter the weight)"))

    def _use_latest_weight(self) -> None:
        if self.latest is not None:
            self.editor("weight_kg").setText(f"{self.latest[1]:g}")
            self.editor("weight_date").set_date(self.latest[0])

    def build_input(self) -> tuple[InfusionInput, dict[str, str]]:
        """The typed values and a message for each field that cannot be read."""
        errors: dict[str, str] = {}
        values: dict[str, object] = {}
        for name in ("planned_date", "date", "weight_date"):
            try:
                values[name] = self.editor(name).date_value()
            except ValueError as exc:
                errors[name] = str(exc)
        numeric = ("weight_kg", "fraction_given", *(f"{w}_{v}" for w in ("pre", "post") for v, _ in VITALS))
        for name in numeric:
            try:
                number = self.editor(name).decimal_value()
            except ValueError as exc:
                errors[name] = str(exc)
                continue
            if number is None:
                values[name] = None
            elif name in INTEGER_FIELDS:
                if number != number.to_integral_value():
                    errors[name] = self.tr("Enter a whole number.")
                values[name] = int(number)
            else:
                values[name] = float(number)
        for name in ("start_time", "end_time"):
            values[name] = normalise_time(self.editor(name).text()) or None
        values["lot_number"] = self.editor("lot_number").text().strip() or None
        values["reaction"] = self.editor("reaction").isChecked()
        values["reaction_text"] = self.editor("reaction_text").toPlainText()
        values["completion"] = self.editor("completion").currentData() or None
        values["not_given_reason"] = self.editor("not_given_reason").toPlainText()
        values["row_version"] = self.record.data.row_version if self.record is not None else 0  # what it showed
        return InfusionInput(self.schedule.subject_id, self.number, **values), errors  # type: ignore[arg-type]

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, wrapped in self.fields.items():
            wrapped.set_error(errors.get(name))
        other = [m for k, m in errors.items() if k not in self.fields]
        self.form_error.setText("\n".join(other))
        self.form_error.setVisible(bool(other))
        if errors:
            first = next((self.fields[k] for k in self.fields if k in errors), None)
            if first is not None:
                first.editor.setFocus()

    # saving --------------------------------------------------------------------------------------------------

    def has_changes(self) -> bool:
        return self.raw_values() != self.initial

    def _moves_saved_date(self, data: InfusionInput) -> bool:
        if self.record is None:
            return False
        old = self.record.data
        names = ("planned_date", "date")
        return any(getattr(old, n) is not None and getattr(old, n) != getattr(data, n) for n in names)

    def changes(self) -> list[tuple[str, str, str]]:
        """What changes against the saved infusion: (field, saved text, typed text) for each text field."""
        labels = {"planned_date": self.label("planned_date"), "date": self.label("date"),
                  "weight_kg": self.label("weight_kg"), "weight_date": self.label("weight_date"),
                  "lot_number": self.label("lot_number")}
        now = self.raw_values()
        return [(label, str(self.initial.get(name) or ""), str(now.get(name) or "")) for name, label in labels.items()
                if (self.initial.get(name) or "") != (now.get(name) or "")]

    def ask_reason(self) -> str | None:
        """The reason for change (None when cancelled), showing what changes."""
        dialog = ReasonDialog(self.tr("infusion {0} of subject {1}").format(self.number, self.schedule.subject_id),
                              self, changes=self.changes(), reasons=self.params.change_reasons)
        dialog.setObjectName("infusionReasonDialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason()

    def save(self) -> None:
        """Validate and save; refusals appear beside their fields and the dialog stays open with everything typed."""
        data, unreadable = self.build_input()
        if unreadable:
            self.show_errors(unreadable)
            return
        today = self.schedule.today
        reason = None
        if self._moves_saved_date(data):
            reason = self.ask_reason()
            if reason is None:
                return
        try:
            try:
                result = save_infusion(self.db, data, user=self.user, reason=reason, today=today)
            except ReasonRequired:
                reason = self.ask_reason()
                if reason is None:
                    return
                result = save_infusion(self.db, data, user=self.user, reason=reason, today=today)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except (PermissionDenied, DatabaseError) as exc:  # another PC saved it meanwhile, a lock: the typing stays
            self.show_errors({"storage": str(exc).strip() or type(exc).__name__})  # it says nothing was saved
            return
        self.show_errors({})
        if self.drafts is not None:
            self.drafts.discard(self.draft_key)
        self.result_moves = result
        self.events.schedule_changed.emit(self.schedule.subject_id)
        self.accept()

    def reject(self) -> None:
        if self.has_changes():
            answer = QMessageBox.question(self, self.tr("Discard changes?"),
                                          self.tr("What you typed has not been saved. Discard it?"),
                                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                                          QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        if self.drafts is not None:
            self.drafts.discard(self.draft_key)
        super().reject()
