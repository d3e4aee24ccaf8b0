"""Investigator-declared flares, hospitalisations, dialysis and transplant, and the death record (date and
cause, saved through the subject registry) on one tab of the subject page."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from endpoints import vocab
from models.database import Database
from models.subject_records import LogRow
from models.subjects import get_subject
from ui.logs.fields import (
    CHOICE,
    DATE,
    NOTE,
    YESNO,
    Column,
    FieldSpec,
    LogSpec,
    choice_label,
    date_text,
    tr,
    yes_no,
)
from ui.logs.record_editor import RecordEditor
from ui.logs.record_table import LogTable, connect_to_changes, open_record_editor

if TYPE_CHECKING:
    from ui.host import Host

EVENT_LABELS = {"severe_flare": "Severe flare", "renal_flare": "Renal flare", "hematologic_flare": "Haematologic flare"}
ORGAN_LABELS = {"renal": "Renal", "extrarenal": "Extrarenal"}
HOSPITAL_LABELS = {"renal": "Renal", "extrarenal": "Extrarenal", "other": "Other"}
RRT_LABELS = {"dialysis": "Dialysis", "transplant": "Kidney transplant"}


def _labeller(holder: list[LogSpec]) -> Callable[[str], Callable[[dict[str, Any]], str]]:
    """Column text of a choice field: its label in the spec that `holder` will hold."""
    return lambda name: (lambda v: choice_label(holder[0], name, v.get(name)))


def flare_spec() -> LogSpec:
    """Investigator-declared flares: type, onset, organ (severe flares), note."""
    fields = (
        FieldSpec("type", tr("Flare"), CHOICE, tuple((c, tr(EVENT_LABELS[c])) for c in vocab.EVENT_TYPES)),
        FieldSpec("date", tr("Onset"), DATE),
        FieldSpec("organ", tr("Renal or extrarenal (severe flare)"), CHOICE,
                  tuple((c, tr(ORGAN_LABELS[c])) for c in vocab.EVENT_ORGANS)),
        FieldSpec("note", tr("Note"), NOTE),
    )
    holder: list[LogSpec] = []
    label = _labeller(holder)
    spec = LogSpec(
        kind="events", title=tr("Investigator-declared flares"), row_name=tr("declared flare"),
        sections=((tr("Declared flare"), fields),),
        columns=(Column(tr("Flare"), label("type")), Column(tr("Onset"), lambda v: date_text(v.get("date"))),
                 Column(tr("Organ"), label("organ")), Column(tr("Note"), lambda v: v.get("note") or "")),
        describe=lambda v: tr("declared flare {0} on {1}").format(v.get("type") or "", date_text(v.get("date"))),
    )
    holder.append(spec)
    return spec


def hospitalisation_spec() -> LogSpec:
    """Hospitalisations: admission, discharge, for SLE activity, indication."""
    fields = (
        FieldSpec("admission", tr("Admission"), DATE),
        FieldSpec("discharge", tr("Discharge"), DATE, placeholder=tr("empty = still in hospital")),
        FieldSpec("for_sle_activity", tr("For SLE activity"), YESNO),
        FieldSpec("indication", tr("Indication"), CHOICE,
                  tuple((c, tr(HOSPITAL_LABELS[c])) for c in vocab.HOSPITALISATION_INDICATIONS)),
    )
    holder: list[LogSpec] = []
    label = _labeller(holder)
    spec = LogSpec(
        kind="hospitalisations", title=tr("Hospitalisations"), row_name=tr("hospitalisation"),
        sections=((tr("Hospitalisation"), fields),),
        columns=(Column(tr("Admission"), lambda v: date_text(v.get("admission"))),
                 Column(tr("Discharge"), lambda v: date_text(v.get("discharge"), tr("in hospital"))),
                 Column(tr("For SLE"), lambda v: yes_no(v.get("for_sle_activity"))),
                 Column(tr("Indication"), label("indication"))),
        describe=lambda v: tr("hospitalisation from {0}").format(date_text(v.get("admission"))),
    )
    holder.append(spec)
    return spec


def renal_replacement_spec() -> LogSpec:
    """Dialysis and transplant: type, start, stop, chronic."""
    fields = (
        FieldSpec("type", tr("Type"), CHOICE, tuple((c, tr(RRT_LABELS[c])) for c in vocab.RENAL_REPLACEMENT_TYPES)),
        FieldSpec("start", tr("Start"), DATE),
        FieldSpec("stop", tr("Stop"), DATE, placeholder=tr("empty = ongoing")),
        FieldSpec("chronic", tr("Chronic"), YESNO),
    )
    holder: list[LogSpec] = []
    label = _labeller(holder)
    spec = LogSpec(
        kind="renal_replacement", title=tr("Dialysis and transplant"), row_name=tr("dialysis or transplant"),
        sections=((tr("Renal replacement"), fields),),
        columns=(Column(tr("Type"), label("type")), Column(tr("Start"), lambda v: date_text(v.get("start"))),
                 Column(tr("Stop"), lambda v: date_text(v.get("stop"), tr("ongoing"))),
                 Column(tr("Chronic"), lambda v: yes_no(v.get("chronic")))),
        describe=lambda v: tr("{0} from {1}").format(v.get("type") or "", date_text(v.get("start"))),
    )
    holder.append(spec)
    return spec


def death_spec() -> LogSpec:
    """The death record: date and cause (both, or neither)."""
    fields = (FieldSpec("death_date", tr("Date of death"), DATE),
              FieldSpec("death_cause", tr("Cause of death"), NOTE, placeholder=tr("e.g. 패혈증 (sepsis); unknown")))
    return LogSpec(kind="death", title=tr("Death"), row_name=tr("death record"),
                   sections=((tr("Death"), fields),), columns=(), describe=lambda _v: tr("death record"))


class DeathBox(QGroupBox):
    """The subject's date and cause of death, and the button that opens their form."""

    def __init__(self, window: Host, subject_id: str, parent: QWidget | None = None) -> None:
        super().__init__(tr("Death"), parent)
        self.window_, self.subject_id = window, subject_id
        self.text = QLabel(self)
        self.text.setObjectName("deathText")
        self.text.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setObjectName("deathButton")
        self.button.clicked.connect(self.open_form)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        connect_to_changes(window.events, self._on_subject_change)
        self.refresh()

    def _on_subject_change(self, subject_id: str) -> None:
        if subject_id == self.subject_id:
            self.refresh()

    @staticmethod
    def row_of(db: Database, subject_id: str) -> LogRow:
        """The death record as a log row (keyed by the subject's record id)."""
        record = get_subject(db, subject_id)
        return LogRow(record.record_id, {"death_date": record.death_date, "death_cause": record.death_cause})

    def row(self) -> LogRow:
        return self.row_of(self.window_.db, self.subject_id)

    def refresh(self) -> None:
        values = self.row().values
        if values["death_date"] is None:
            self.text.setText(tr("No death recorded."))
            self.button.setText(tr("Record death…"))
        else:
            self.text.setText(tr("Died {0}. Cause: {1}").format(values["death_date"].isoformat(),
                                                                 values["death_cause"] or "—"))
            self.button.setText(tr("Correct death record…"))

    def open_form(self) -> RecordEditor:
        return open_record_editor(self.window_, self.subject_id, death_spec(), self.row())


class EventsTab(QWidget):
    """Declared flares, hospitalisations, dialysis/transplant and death of one subject."""

    def __init__(self, window: Host, subject_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flares = LogTable(window, subject_id, flare_spec(), self)
        self.hospitalisations = LogTable(window, subject_id, hospitalisation_spec(), self)
        self.renal = LogTable(window, subject_id, renal_replacement_spec(), self)
        self.death = DeathBox(window, subject_id, self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for table in (self.flares, self.hospitalisations, self.renal):
            splitter.addWidget(table)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.death)
