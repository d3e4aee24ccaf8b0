"""The form of one row of a subject log (a steroid row, a medication, an adverse event, a flare, a
hospitalisation, dialysis/transplant, the death record), in the visit form's look: sections of labelled
inputs, each with its message line (refused ✖ in red; unusual ⚠ in amber with its confirmation box).

Non-blocking dialog opening with the cursor in the first field; the edit checks run as the user types (a new
row lists what is still missing in its footer, and shows it beside the fields only once a save was refused);
for logs the endpoints read, the endpoint panel beside the form shows the subject's statuses with this row as
typed (a preview until saved). Saving goes through models.subject_records: a refused save keeps everything typed
and puts the cursor in the first refused field, a change to a saved row asks for a reason (showing what
changes), and every save is announced on DataEvents.log_saved. "Save and add another" saves a new row and
empties the form for the next one. Crash drafts keep the raw texts while typing and go once saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from endpoints import dossier as d
from endpoints.edit_checks import HARD, SOFT, Check
from endpoints.evaluate import evaluate_subject
from endpoints.record_checks import REQUIRED, check_record
from models.database import Database
from models.dossier_store import load_dossier
from models.subject_records import (
    TABLES,
    LogRow,
    clean_values,
    record_context,
    row_version,
    save_death,
    save_row,
)
from ui.drafts import Draft, DraftStore
from ui.entry.dialog import EntryDialog
from ui.entry.sections.base import FieldAnchor, FormSection
from ui.entry.sections.widgets import MessageLine, field_label, set_colours
from ui.events import DataEvents
from ui.logs.fields import CHECK, LogSpec, make_editor, raw_of, raw_to_values, set_raw_of, shown_text, value_to_raw
from ui.results.endpoint_panel import EndpointPanel
from ui.widgets.windows import fit_to_screen

LOG_DRAFT_PREFIX = "log/"
REFRESH_MS = 250
DOSSIER_ROWS: dict[str, tuple[str, type[Any]]] = {
    "steroids": ("steroids", d.SteroidRow),
    "medications": ("medications", d.Medication),
    "events": ("events", d.FlareEvent),
    "hospitalisations": ("hospitalisations", d.Hospitalisation),
    "renal_replacement": ("renal_replacement", d.RenalReplacement),
}


def draft_key(subject_id: str, kind: str, record_id: int | None) -> str:
    """Draft key of a saved row (by record id) or of the new row of one log."""
    return f"{LOG_DRAFT_PREFIX}{subject_id}/{kind}/{'new' if record_id is None else record_id}"


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def merged_dossier(saved: d.Dossier, kind: str, old: dict[str, Any] | None, new: dict[str, Any]) -> d.Dossier:
    """The saved dossier with this row as typed (replacing its saved version, if any)."""
    if kind == "death":
        return replace(saved, subject=replace(saved.subject, death_date=new.get("death_date")))
    attribute, cls = DOSSIER_ROWS[kind]
    rows = list(getattr(saved, attribute))
    if old is not None:
        previous = cls(**old)
        if previous in rows:
            rows.remove(previous)
    rows.append(cls(**new))
    return replace(saved, **{attribute: tuple(rows)})


class RecordEditor(EntryDialog):
    """The form of one row of one subject log, with the live endpoint panel when the log feeds endpoints."""

    def __init__(
        self,
        db: Database,
        user: str,
        drafts: DraftStore,
        events: DataEvents,
        subject_id: str,
        spec: LogSpec,
        row: LogRow | None,
        today: dt.date,
        draft: Draft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.drafts, self.events = db, user, drafts, events
        self.subject_id, self.spec, self.row, self.today = subject_id, spec, row, today
        self.record_id = row.record_id if row is not None and spec.kind != "death" else None
        self.version = row.row_version if self.record_id is not None else None  # what another PC's save is checked by
        self.context = record_context(db, subject_id, today, self.record_id)
        self.saved_dossier: d.Dossier | None = None
        self.checks: list[Check] = []
        self.missing: list[str] = []
        self.save_tried = False  # required fields left empty are shown in red only after a refused save
        self.ready = False  # no drafts or refreshes while the form is being filled from the row or draft
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.setObjectName("recordEditor")
        self._set_title()

        required = set(REQUIRED[spec.kind])
        self.editors: dict[str, QWidget] = {}
        self.message_lines: dict[str, MessageLine] = {}
        self.anchors: dict[str, FieldAnchor] = {}
        self.sections: list[FormSection] = []
        form = QWidget()
        form_layout = QVBoxLayout(form)
        for title, fields in spec.sections:
            section = FormSection(title)
            for f in fields:
                editor = make_editor(f)
                label = None if f.kind == CHECK else field_label(f.label, f.name in required)
                section.add_anchor(f.name, f.label, label, (editor,),
                                   section.add_widget_row(label, editor, message_name=f.name))
                self.editors[f.name] = editor
                self._connect(editor)
            self.message_lines.update(section.messages)
            self.anchors.update(section.anchors)
            self.sections.append(section)
            form_layout.addWidget(section)
        form_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(form)
        self.scroll.setWidgetResizable(True)

        self.panel: EndpointPanel | None = None
        body: QWidget = self.scroll
        if spec.affects_endpoints:
            self.panel = EndpointPanel()
            self.panel.setMinimumWidth(300)
            splitter = QSplitter(Qt.Orientation.Horizontal, self)
            splitter.addWidget(self.scroll)
            splitter.addWidget(self.panel)
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 2)
            body = splitter

        self.build_footer(body)
        self.add_another_button = QPushButton(self.tr("Save and &add another"))
        self.add_another_button.setObjectName("saveAddAnotherButton")
        self.add_another_button.setAutoDefault(False)
        self.add_another_button.setToolTip(self.tr("Save this row and start a new one in this form"))
        self.add_another_button.clicked.connect(self.save_and_add_another)
        self.add_another_button.setVisible(row is None and spec.kind != "death")
        self.button_row.insertWidget(self.button_row.indexOf(self.save_button), self.add_another_button)
        fit_to_screen(self, f"logEditor/{spec.kind}", QSize(1100 if self.panel is not None else 640, 640))

        self.initial_raw = self.raw_for(row)
        self.set_raw(self.initial_raw)
        if draft is not None:
            self.set_raw({k: v for k, v in draft.fields.items() if not k.startswith("_")})
        self._chain_focus()
        self.show_record_state(db, subject_id, None, form, self.scroll, visit_form=False)
        saved_id = row.record_id if row is not None else None
        place = spec.row_name if row is None or spec.kind == "death" else spec.describe(row.values)
        self.attach_notes(db, events, subject_id, self.table_name(), saved_id, self.anchors, place,
                          lambda key: self.initial_raw.get(key, ""))
        self.ready = True
        self.refresh_checks()
        QTimer.singleShot(0, self.refresh)

    # raw texts --------------------------------------------------------------------------------------------------

    def _connect(self, editor: QWidget) -> None:
        if isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(self._on_changed)
        elif isinstance(editor, QCheckBox):
            editor.toggled.connect(self._on_changed)
        elif isinstance(editor, (QLineEdit, QPlainTextEdit)):
            editor.textChanged.connect(self._on_changed)

    def _set_title(self) -> None:
        spec, row = self.spec, self.row
        what = spec.row_name if row is None or spec.kind == "death" else spec.describe(row.values)
        self.setWindowTitle(self.tr("{0} · {1}").format(self.subject_id, what if row is not None else
                                                         self.tr("new {0}").format(spec.row_name)))

    def table_name(self) -> str:
        """The SQL table of this log's rows (the death record is the subject's own row)."""
        return "subjects" if self.spec.kind == "death" else TABLES[self.spec.kind].__tablename__

    def raw_for(self, row: LogRow | None) -> dict[str, str]:
        """The raw texts of a saved row (all empty for a new one)."""
        return {f.name: value_to_raw(f, row.values.get(f.name) if row else None) for f in self.spec.fields()}

    def raw(self) -> dict[str, str]:
        return {name: raw_of(editor) for name, editor in self.editors.items()}

    def set_raw(self, raw: dict[str, str]) -> None:
        for name, text in raw.items():
            if name in self.editors:
                set_raw_of(self.editors[name], text)

    def has_changes(self) -> bool:
        return self.raw() != self.initial_raw

    def _chain_focus(self) -> None:
        """Tab order top to bottom as on paper; Enter moves on as Tab does."""
        chain: list[QWidget] = [*self.editors.values()]
        for name in self.editors:
            chain.insert(chain.index(self.editors[name]) + 1, self.message_lines[name].confirm)
        self.link_focus_chain(chain)
        next(iter(self.editors.values())).setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_changed(self) -> None:
        if not self.ready:
            return
        self._keep_draft()
        if any(line.level == "hard" for line in self.message_lines.values()):
            self.refresh_checks()  # a corrected value loses its red message at once
        self.refresh_timer.start()

    def _keep_draft(self) -> None:
        key = draft_key(self.subject_id, self.spec.kind, self.record_id)
        if self.has_changes():
            fields = {**self.raw(), "_subject": self.subject_id, "_kind": self.spec.kind,
                      "_record_id": "" if self.record_id is None else str(self.record_id)}
            title = self.tr("{0} of subject {1}").format(self.spec.row_name.capitalize(), self.subject_id)
            self.drafts.save(key, title, fields)
        else:
            self.drafts.discard(key)

    # live checks and preview ------------------------------------------------------------------------------------

    def current_values(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The typed values as on screen and the fields whose text does not read."""
        values, problems = raw_to_values(self.spec, self.raw())
        return clean_values(self.spec.kind, values), problems

    def refresh_checks(self) -> list[Check]:
        """Re-run the edit checks and show each finding beside its field."""
        values, problems = self.current_values()
        checks = [Check(name, HARD, message) for name, message in problems.items()]
        checks += [c for c in check_record(self.spec.kind, values, self.context) if c.field not in problems]
        by_field: dict[str, Check] = {}
        for check in checks:
            if check.field not in by_field or check.level == HARD:
                by_field[check.field] = check
        self.missing = [name for name in REQUIRED[self.spec.kind]
                        if name not in problems and _empty(values.get(name)) and name in self.editors]
        for name, line in self.message_lines.items():
            check = by_field.get(name)
            if check is None or (name in self.missing and not self.save_tried):
                line.clear()
            elif check.level == HARD:
                line.show_refused(check.message)
            else:
                line.show_unusual(check.message)
        self.checks = list(by_field.values())
        self._show_status()
        return self.checks

    def _show_status(self) -> None:
        if self.spec.kind == "death":
            parts = [self.tr("Death recorded") if self.row is not None and self.row.values.get("death_date")
                     else self.tr("No death recorded")]
        else:
            parts = [self.tr("Saved row") if self.record_id is not None else self.tr("New row, not saved yet")]
        if self.missing:
            parts.append(self.tr("missing: {0}").format(", ".join(self._label(n) for n in self.missing)))
        if self.has_changes():
            parts.append(self.tr("unsaved changes"))
        self.status.setText(" · ".join(parts))

    def refresh_panel(self) -> None:
        """The subject's endpoints from the saved data with this row as typed (preview), when it reads."""
        if self.panel is None:
            return
        try:
            if self.saved_dossier is None:
                self.saved_dossier = load_dossier(self.db, self.subject_id, self.today)
            values, _problems = self.current_values()
            preview = self.has_changes() and not any(c.level == HARD for c in self.checks)
            old = self.row.values if self.row is not None else None
            dossier = merged_dossier(self.saved_dossier, self.spec.kind, old, values) if preview \
                else self.saved_dossier
            results = evaluate_subject(dossier, self.db.config.params, self.today)
        except (ValueError, KeyError, TypeError, ArithmeticError) as exc:
            self.panel.set_message(self.tr("Endpoints cannot be computed from these values: {0}").format(exc))
            return
        self.panel.set_results(results, preview=preview)

    # saving -----------------------------------------------------------------------------------------------------

    def _label(self, name: str) -> str:
        return next((f.label for f in self.spec.fields() if f.name == name), name)

    def _focus_field(self, name: str, confirm: bool = False) -> None:
        """Bring a field into view with the cursor in it (or on its confirmation box)."""
        target = self.message_lines[name].confirm if confirm else self.editors[name]
        self.scroll.ensureWidgetVisible(target)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> bool:
        """Check, ask for a reason when saved data changes, save and close. Refused: everything typed stays as it
        is and the cursor goes to the first refused field."""
        if not self._save():
            return False
        self.done(QDialog.DialogCode.Accepted)
        return True

    def save_and_add_another(self) -> bool:
        """Save this new row, then empty the form for the next one (the cursor in its first field)."""
        if not self._save():
            return False
        self.row, self.record_id, self.version, self.saved_dossier = None, None, None, None
        self.context = record_context(self.db, self.subject_id, self.today, None)
        self.ready, self.save_tried = False, False
        self.initial_raw = self.raw_for(None)
        self.set_raw(self.initial_raw)
        for line in self.message_lines.values():
            line.clear()
        self.ready = True
        self._set_title()
        self.general.setText(self.tr("Saved. The form is empty for the next {0}.").format(self.spec.row_name))
        set_colours(self.general, "#1b7d2f", bold=False)
        self.general.show()
        self.refresh()
        self._focus_field(next(iter(self.editors)))
        return True

    def _save(self) -> bool:
        if self.read_only:
            self.refuse(self.tr("Not saved: {0}").format(self.banner.text()))
            return False
        self.save_tried = True
        checks = self.refresh_checks()
        hard = [c for c in checks if c.level == HARD]
        if hard:
            self.refuse(self.tr("Not saved: {0} value(s) refused — see the red messages.").format(len(hard)))
            self._focus_first(c.field for c in hard)
            return False
        unconfirmed = [c for c in checks if c.level == SOFT and not self.message_lines[c.field].confirmed()]
        if unconfirmed:
            self.refuse(self.tr("Not saved: confirm or correct the unusual value(s) in amber ({0}).")
                         .format(", ".join(self._label(c.field) for c in unconfirmed)))
            self._focus_first((c.field for c in unconfirmed), confirm=True)
            return False
        if not self.has_changes() and (self.record_id is not None or self.spec.kind == "death"):
            return True
        values, _problems = self.current_values()
        saved_before = self.record_id is not None or self.spec.kind == "death"
        reason = self._ask_reason() if saved_before else None
        if saved_before and reason is None:
            return False
        key = draft_key(self.subject_id, self.spec.kind, self.record_id)  # before a new row gets its id
        if not self.write_refusing(lambda why: self._write(values, why), reason, self._ask_reason,
                                   self.message_lines):
            return False
        self.drafts.discard(key)
        self.initial_raw = self.raw()
        self.events.log_saved.emit(self.subject_id)
        if self.spec.kind == "death":
            self.events.subject_saved.emit(self.subject_id)
        return True

    def _focus_first(self, names: Iterable[str], confirm: bool = False) -> None:
        """The cursor in the first of these fields in form order (see _focus_field)."""
        wanted = set(names)
        first = next((name for name in self.editors if name in wanted), None)
        if first is not None:
            self._focus_field(first, confirm)

    def _write(self, values: dict[str, Any], reason: str | None) -> None:
        if self.spec.kind == "death":
            save_death(self.db, self.subject_id, values["death_date"], values["death_cause"], user=self.user,
                       reason=reason, today=self.today)
            return
        self.record_id = save_row(self.db, self.subject_id, self.spec.kind, values, user=self.user, reason=reason,
                                  record_id=self.record_id, confirmed=True, today=self.today,
                                  expected_version=self.version)
        self.version = row_version(self.db, self.spec.kind, self.record_id)

    def _ask_reason(self) -> str | None:
        what = self.spec.row_name if self.row is None or self.spec.kind == "death" else \
            self.spec.describe(self.row.values)
        return self.ask_reason(self.tr("{0} of subject {1}").format(what, self.subject_id), self._changes())

    def _changes(self) -> list[tuple[str, str, str]]:
        """What changes, field by field: (label, saved text, typed text), choices by their label."""
        now = self.raw()
        return [(f.label, shown_text(f, self.initial_raw.get(f.name, "")), shown_text(f, now[f.name]))
                for f in self.spec.fields() if now[f.name] != self.initial_raw.get(f.name, "")]

    # leaving ----------------------------------------------------------------------------------------------------

    def unsaved_text(self) -> str:
        return self.tr("This {0} of {1} has changes that are not saved.").format(self.spec.row_name, self.subject_id)

    def discard_draft(self) -> None:
        self.drafts.discard(draft_key(self.subject_id, self.spec.kind, self.record_id))
