"""The visit editor: one visit's case-report form in paper-CRF order, edit checks beside each field, crash drafts
while typing, and the subject's endpoints recomputed live beside the form (a preview until saved).

Non-blocking dialog (`open_visit_editor`); leaving it with unsaved changes asks first. Saving goes through
models.visit_store (refused values keep everything typed; changes to saved data ask for a reason).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from endpoints import edit_checks
from endpoints.dossier import Dossier
from endpoints.evaluate import evaluate_subject
from endpoints.formatting import local_time
from endpoints.lab_descriptors import propose
from models.database import Database
from models.dossier_store import load_dossier
from models.visit_store import (
    COMPLETE,
    Confirmation,
    Findings,
    LabEntry,
    VisitEntry,
    check_visit,
    load_visit,
    new_visit,
    save_visit,
    taken_codes,
    to_dossier_visit,
    to_labs,
    value_text,
    visit_context,
    visit_subject_id,
)
from ui.drafts import Draft, DraftStore
from ui.entry.dialog import EntryDialog
from ui.entry.sections.assessments import BilagSection, FlareSection, LldasSection, PgaSection
from ui.entry.sections.base import FieldAnchor, FormSection, align_value_columns
from ui.entry.sections.entry_raw import entry_to_raw, raw_to_entry
from ui.entry.sections.header import HeaderSection
from ui.entry.sections.labs import HEMATOLOGY, IMMUNOLOGY, ChemistrySection, LabSection, UrineSection
from ui.entry.sections.sledai import SledaiSection
from ui.entry.sections.texts import field_name, visit_name
from ui.entry.sections.vitals import VitalsSection
from ui.entry.sections.widgets import ROW_KEYS_HELP, MessageLine, set_colours
from ui.events import DataEvents
from ui.results.endpoint_panel import EndpointPanel
from ui.widgets.windows import fit_to_screen

if TYPE_CHECKING:
    from ui.host import Host

VISIT_DRAFT_PREFIX = "visit/"
REFRESH_MS = 250


def draft_key(subject_id: str, entry: VisitEntry) -> str:
    """Draft key of a saved visit (by record id) or of a new one (by code and date)."""
    if entry.record_id is not None:
        return f"{VISIT_DRAFT_PREFIX}{subject_id}/{entry.record_id}"
    return f"{VISIT_DRAFT_PREFIX}{subject_id}/new/{entry.code}/{entry.date.isoformat() if entry.date else ''}"


def merged_dossier(saved: Dossier, base: VisitEntry, entry: VisitEntry) -> Dossier:
    """The saved dossier with this visit as on screen (replacing its saved version, if any)."""
    visits = list(saved.visits)
    if base.record_id is not None:
        for index, visit in enumerate(visits):
            if visit.code == base.code and visit.date == base.date:
                del visits[index]
                break
    visits.append(to_dossier_visit(entry))
    visits.sort(key=lambda v: (v.date is None, v.date or dt.date.min))
    return replace(saved, visits=tuple(visits))


class VisitEditor(EntryDialog):
    """The form of one visit of one subject, with the live endpoint panel on the right."""

    def __init__(
        self,
        db: Database,
        user: str,
        drafts: DraftStore,
        events: DataEvents,
        subject_id: str,
        entry: VisitEntry,
        today: dt.date,
        draft: Draft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.user, self.drafts, self.events = db, user, drafts, events
        self.subject_id, self.entry, self.today = subject_id, entry, today
        self.context = visit_context(db, subject_id)
        self.taken = taken_codes(db, subject_id, entry.record_id)
        self.saved_dossier: Dossier | None = None
        self.findings: Findings | None = None
        self.setObjectName("visitEditor")
        self.setWindowTitle(self.tr("{0} · visit {1} — {2}").format(subject_id, entry.code, visit_name(entry.code)))

        self.header = HeaderSection(entry.code)
        self.vitals = VitalsSection()
        self.hematology = LabSection(self.tr("Haematology"), HEMATOLOGY)
        self.chemistry = ChemistrySection()
        self.urine = UrineSection()
        self.immunology = LabSection(self.tr("Immunology"), IMMUNOLOGY)
        self.sledai = SledaiSection()
        self.pga = PgaSection()
        self.bilag = BilagSection()
        self.flare = FlareSection()
        self.lldas = LldasSection()
        self.sections: list[FormSection] = [
            self.header, self.vitals, self.hematology, self.chemistry, self.urine, self.immunology, self.sledai,
            self.pga, self.bilag, self.flare, self.lldas,
        ]
        self.clinical = self.sections[1:]
        align_value_columns(self.sections)
        self.message_lines: dict[str, MessageLine] = {}
        for section in self.sections:
            self.message_lines.update(section.messages)
        self.chemistry.set_subject(self.context.sex, self.context.birth_date, self._typed_date)

        form = QWidget()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(form)  # before the sections go in: setWidget on a full form costs a layout pass
        form_layout = QVBoxLayout(form)
        keys = QLabel(self.tr(ROW_KEYS_HELP))
        keys.setObjectName("keysHint")
        keys.setWordWrap(True)
        set_colours(keys, "#5f6b7a")
        form_layout.addWidget(keys)
        for section in self.sections:
            form_layout.addWidget(section)
        form_layout.addStretch(1)
        self.panel = EndpointPanel()
        self.panel.setMinimumWidth(300)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.scroll)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.build_footer(splitter)
        fit_to_screen(self, "visitEditor", QSize(1280, 860))

        required = set(edit_checks.required_fields(entry.code))
        for section in self.sections:
            section.set_required(required)
        self.initial_raw = entry_to_raw(entry)
        self.set_raw(self.initial_raw)
        if draft is not None:
            self.set_raw({k: v for k, v in draft.fields.items() if not k.startswith("_")})
        self._chain_focus()
        self.anchors: dict[str, FieldAnchor] = {}
        for section in self.sections:
            self.anchors.update(section.anchors)
        self.show_record_state(db, subject_id, entry.record_id, form, self.scroll, visit_form=True)
        self.attach_notes(db, events, subject_id, "visits", entry.record_id, self.anchors, entry.code,
                          self.saved_value)

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        for section in self.sections:
            section.changed.connect(self._on_changed)
        self.header.date.textChanged.connect(self.chemistry.update_egfr)
        self.header.missed.toggled.connect(self._missed_toggled)
        self._missed_toggled(self.header.missed.isChecked())
        self.refresh_checks()
        self.header.date.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, self.refresh)

    # raw texts --------------------------------------------------------------------------------------------------

    def raw(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for section in self.sections:
            out.update(section.raw())
        return out

    def set_raw(self, raw: dict[str, str]) -> None:
        for section in self.sections:
            section.set_raw(raw)

    def has_changes(self) -> bool:
        return self.raw() != self.initial_raw

    def saved_value(self, key: str) -> str:
        """A field's saved value as an SDV mark records it ("11.2 g/dL", "present", "not done: <reason>")."""
        not_done = self.initial_raw.get(f"{key}.nd", "")
        if not_done.startswith("ND:"):
            return self.tr("not done: {0}").format(not_done[3:])
        lab = self.entry.labs.get(key, LabEntry())
        if lab.value_text is not None:
            return value_text(self.entry, key)
        text = self.initial_raw.get(key, "")
        if key.startswith("sledai."):
            if text == "1":
                return self.tr("present")
            return self.tr("absent") if self.initial_raw.get("sledai.assessed") == "1" else ""
        if key == "missed":
            return self.tr("yes") if text == "1" else self.tr("no")
        return text

    def _typed_date(self) -> dt.date | None:
        try:
            return self.header.date.date_value()
        except ValueError:
            return None

    def _chain_focus(self) -> None:
        """Tab order top to bottom as on the paper CRF; Enter moves on as Tab does."""
        fields: list[QWidget] = []
        for section in self.sections:
            fields += section.focus_widgets()
        self.focus_chain = self.link_focus_chain(fields)

    def _missed_toggled(self, missed: bool) -> None:
        for section in self.clinical:
            section.setEnabled(not missed)

    # live checks and preview ------------------------------------------------------------------------------------

    def _on_changed(self) -> None:
        self._keep_draft()
        if any(line.level == "hard" for line in self.message_lines.values()):
            self.refresh_checks()  # a corrected value loses its red message at once
        self.refresh_timer.start()

    def _keep_draft(self) -> None:
        key = draft_key(self.subject_id, self.entry)
        if self.has_changes():
            fields = {**self.raw(), "_subject": self.subject_id, "_code": self.entry.code,
                      "_date": self.entry.date.isoformat() if self.entry.date else "",
                      "_record_id": "" if self.entry.record_id is None else str(self.entry.record_id)}
            self.drafts.save(key, self.tr("Visit {0} of subject {1}").format(self.entry.code, self.subject_id), fields)
        else:
            self.drafts.discard(key)

    def current_entry(self) -> tuple[VisitEntry, dict[str, str]]:
        """The entry as on screen (with the confirmations ticked) and the fields whose text does not read."""
        entry, problems = raw_to_entry(self.raw(), self.entry)
        confirmed = list(self.entry.confirmations)
        known = {(c.field, c.value_text) for c in confirmed}
        for name, line in self.message_lines.items():
            if line.confirmed() and (name, value_text(entry, name)) not in known:
                confirmed.append(Confirmation(name, value_text(entry, name), line.message))
        return replace(entry, confirmations=tuple(confirmed)), problems

    def refresh_checks(self) -> Findings:
        """Re-run the edit checks and show each finding beside its field; update the completeness line."""
        entry, problems = self.current_entry()
        findings = check_visit(entry, self.context, self.today, self.taken)
        hard = {**findings.hard, **problems}
        saved = {(c.field, c.value_text): c for c in self.entry.confirmations}
        for name, line in self.message_lines.items():
            if name in hard:
                line.show_refused(hard[name])
            elif name in findings.soft:
                check = findings.soft[name]
                previous = saved.get((name, value_text(entry, name)))
                note = "" if previous is None or previous.confirmed_by is None else self.tr(
                    " (confirmed by {0}, {1})").format(previous.confirmed_by, local_time(previous.confirmed_at_utc))
                line.show_unusual(check.message, confirmed=previous is not None, note=note)
            else:
                line.clear()
        self.findings = replace(findings, hard=hard)
        self.sledai.set_proposals(propose(to_labs(entry)))
        self._show_status(self.findings)
        return self.findings

    def _show_status(self, findings: Findings) -> None:
        saved = self.entry.record_id is not None
        parts = []
        if self.entry.entry_status is None and saved:
            parts.append(self.tr("Saved (imported)"))
        elif saved:
            parts.append(self.tr("Saved: complete") if self.entry.entry_status == COMPLETE
                         else self.tr("Saved: INCOMPLETE"))
        else:
            parts.append(self.tr("New visit, not saved yet"))
        if findings.missing:
            names = ", ".join(field_name(n) for n in findings.missing)
            parts.append(self.tr("missing (required or not done): {0}").format(names))
        if self.has_changes():
            parts.append(self.tr("unsaved changes"))
        self.status.setText(" · ".join(parts))

    def refresh_panel(self) -> None:
        """Recompute the subject's endpoints from the saved dossier with this visit as typed (preview)."""
        try:
            if self.saved_dossier is None:
                self.saved_dossier = load_dossier(self.db, self.subject_id, self.today)
            entry, _problems = self.current_entry()
            preview = self.has_changes() or self.entry.record_id is None
            dossier = merged_dossier(self.saved_dossier, self.entry, entry) if preview else self.saved_dossier
            results = evaluate_subject(dossier, self.db.config.params, self.today)
        except (ValueError, KeyError, ArithmeticError) as exc:
            self.panel.set_message(self.tr("Endpoints cannot be computed from these values: {0}").format(exc))
            return
        self.panel.set_results(results, preview=preview)

    # saving -----------------------------------------------------------------------------------------------------

    def _focus_first(self, names: set[str], confirm: bool = False) -> None:
        """Bring the first of these fields (in form order) into view and put the cursor in it (on its confirmation
        box when `confirm`)."""
        for name, line in self.message_lines.items():
            if name in names:
                anchor = self.anchors.get(name)
                inputs = [w for w in (anchor.inputs if anchor else ()) if w.isEnabled() and w.isVisible()]
                target = line.confirm if confirm else (inputs[0] if inputs else None)
                self.scroll.ensureWidgetVisible(target or line)
                if target is not None:
                    target.setFocus(Qt.FocusReason.OtherFocusReason)
                break

    def save(self) -> bool:
        """Check, ask for a reason when saved data changes, save. Refused: everything typed stays as it is."""
        if self.read_only:
            self.refuse(self.tr("Not saved: {0}").format(self.banner.text()))
            return False
        findings = self.refresh_checks()
        if findings.hard:
            self.refuse(self.tr("Not saved: {0} value(s) refused — see the red messages.").format(len(findings.hard)))
            self._focus_first(set(findings.hard))
            return False
        entry, _problems = self.current_entry()
        unconfirmed = findings.unconfirmed(entry)
        if unconfirmed:
            self.refuse(self.tr("Not saved: confirm or correct the unusual value(s) in amber ({0}).")
                         .format(", ".join(field_name(c.field) for c in unconfirmed)))
            self._focus_first({c.field for c in unconfirmed}, confirm=True)
            return False
        if self.entry.record_id is not None and not self.has_changes():
            self.general.hide()
            return True
        reason = None
        if self.entry.record_id is not None:
            reason = self._ask_reason()
            if reason is None:
                return False
        saved: list[int] = []

        def write(why: str | None) -> None:
            saved.append(save_visit(self.db, self.subject_id, entry, user=self.user, reason=why, today=self.today))

        if not self.write_refusing(write, reason, self._ask_reason, self.message_lines):
            return False
        record_id = saved[-1]
        self.drafts.discard(draft_key(self.subject_id, self.entry))
        self.entry = load_visit(self.db, record_id)
        self.initial_raw = entry_to_raw(self.entry)
        self.set_raw(self.initial_raw)
        self.taken = taken_codes(self.db, self.subject_id, record_id)
        self.saved_dossier = None
        self.show_signatures(self.db, self.subject_id, record_id, visit_form=True)
        if self.notes is None:
            self.attach_notes(self.db, self.events, self.subject_id, "visits", record_id, self.anchors,
                              self.entry.code, self.saved_value)
        else:
            self.notes.load()  # a changed value has lost its SDV mark
        self.general.setText(self.tr("Saved ({0}).").format(
            self.tr("complete") if self.entry.entry_status == COMPLETE else self.tr("incomplete: saved as a draft")))
        set_colours(self.general, "#1b7d2f", bold=False)
        self.general.show()
        self.events.visit_saved.emit(self.subject_id)
        self.events.schedule_changed.emit(self.subject_id)
        self.refresh()
        return True

    def _ask_reason(self) -> str | None:
        return self.ask_reason(self.tr("visit {0} of subject {1}").format(self.entry.code, self.subject_id),
                               self.changes())

    def changes(self) -> list[tuple[str, str, str]]:
        """What changes against the saved visit, in form order: (field, saved text, typed text), a value with its
        unit ("Haemoglobin", "10.8 g/dL", "11.2 g/dL")."""
        before, now = self.initial_raw, self.raw()
        rows = {name: row for section in self.sections for name, row in section.rows.items()}
        out: list[tuple[str, str, str]] = []
        done: set[str] = set()
        for key in now:
            name = key.split(".")[0] if key.split(".")[0] in rows else key
            if name in done:
                continue
            done.add(name)
            if name in rows:
                old, new = rows[name].shown(before), rows[name].shown(now)
            else:
                old, new = self._shown(key, before), self._shown(key, now)
            if old != new:
                out.append((self._title(name), old, new))
        return out

    def _title(self, key: str) -> str:
        """How the reason dialog names a raw key ("SLEDAI-2K: Arthritis", "BILAG-2004 not done")."""
        anchor = self.anchors.get(key)
        if anchor is not None:
            return anchor.title
        if key == "sledai.assessed":
            return self.tr("SLEDAI-2K: all descriptors assessed")
        if key.endswith(".nd"):
            return self.tr("{0} not done").format(field_name(key[:-3]))
        if key.endswith(".na"):
            return self.tr("{0}: not attributable to SLE").format(field_name(key[:-3]))
        return field_name(key)

    def _shown(self, key: str, raw: dict[str, str]) -> str:
        text = raw.get(key, "")
        if key.endswith(".nd"):
            return self.tr("not done: {0}").format(text[3:]) if text.startswith("ND:") else ""
        if key.startswith("sledai.") or key in ("missed", "urine_casts.na"):
            return self.tr("yes") if text == "1" else ""
        return text

    # leaving ----------------------------------------------------------------------------------------------------

    def unsaved_text(self) -> str:
        return self.tr("Visit {0} of {1} has changes that are not saved.").format(self.entry.code, self.subject_id)

    def discard_draft(self) -> None:
        self.drafts.discard(draft_key(self.subject_id, self.entry))


def open_visit_editor(
    window: Host,
    subject_id: str,
    record_id: int | None = None,
    code: str | None = None,
    when: dt.date | None = None,
    draft: Draft | None = None,
    field: str | None = None,
) -> VisitEditor:
    """Open (non-blocking) the editor of a saved visit (`record_id`) or of a new one (`code`, `when`); with `field`
    (a visit-form key, as queries name it) that field is brought into view and its queries opened."""
    for editor in window.findChildren(VisitEditor):
        if editor.isVisible() and editor.subject_id == subject_id and record_id is not None \
                and editor.entry.record_id == record_id:
            editor.raise_()
            editor.activateWindow()
            if field is not None:
                editor.show_field(field)
            return editor
    entry = load_visit(window.db, record_id) if record_id is not None else new_visit(code or "UNS", when)
    editor = VisitEditor(window.db, window.user, window.drafts, window.events, subject_id, entry, window.today(),
                         draft=draft, parent=window)
    editor.setWindowFlag(Qt.WindowType.Window, True)
    editor.finished.connect(editor.deleteLater)
    editor.show()
    if field is not None:
        editor.show_field(field)
    return editor


def reopen_visit_draft(window: Host, draft: Draft) -> None:
    """Draft handler: reopen the visit form left unsaved by a crash, with what was typed."""
    fields = draft.fields
    record = fields.get("_record_id", "")
    try:
        if record:
            subject_id = visit_subject_id(window.db, int(record))
            open_visit_editor(window, subject_id, record_id=int(record), draft=draft)
        else:
            subject_id = fields["_subject"]
            when = dt.date.fromisoformat(fields["_date"]) if fields.get("_date") else None
            open_visit_editor(window, subject_id, code=fields["_code"], when=when, draft=draft)
    except (LookupError, ValueError):  # the visit or subject is gone, or the draft is damaged
        window.drafts.discard(draft.key)


def close_visit_editors(window: QWidget) -> bool:
    """Ask every open visit editor to close (each asks about unsaved changes); False if one stays open."""
    return all(editor.close() for editor in window.findChildren(VisitEditor) if editor.isVisible())
