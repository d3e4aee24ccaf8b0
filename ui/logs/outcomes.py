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
    LogSpec,
    choice_label,
    date_text,
    log_column,
    log_field,
    log_title,
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
    kind = "events"
    fields = (
        log_field(kind, "type", CHOICE, tuple((c, tr(EVENT_LABELS[c])) for c in vocab.EVENT_TYPES)),
        log_field(kind, "date", DATE),
        log_field(kind, "organ", CHOICE, tuple((c, tr(ORGAN_LABELS[c])) for c in vocab.EVENT_ORGANS)),
        log_field(kind, "note", NOTE),
    )
    holder: list[LogSpec] = []
    label = _labeller(holder)
    spec = LogSpec(
        kind=kind, title=log_title(kind), row_name=tr("declared flare"),
        sections=((tr("Declared flare"), fields),),
        columns=(log_column(kind, "type", label("type")), log_column(kind, "date", lambda v: date_text(v.get("date"))),
                 log_column(kind, "organ", label("organ")), log_column(kind, "note", lambda v: v.get("note") or "")),
        describe=lambda v: tr("declared flare {0} on {1}").format(v.get("type") or "", date_text(v.get("date"))),
    )
    holder.append(spec)
    return spec


def hospitalisation_spec() -> LogSpec:
    """Hospitalisations: admission, discharge, for SLE activity, indication."""
    kind = "hospitalisations"
    fields = (
        log_field(kind, "admission", DATE),
        log_field(kind, "discharge", DATE, placeholder=tr("empty = still in hospital")),
        log_field(kind, "for_sle_activity", YESNO),
        log_field(kind, "indication", CHOICE,
                  tuple((c, tr(HOSPITAL_LABELS[c])) for c in vocab.HOSPITALISATION_INDICATIONS)),
    )
    holder: list[LogSpec] = []
    label = _labeller(holder)
    spec = LogSpec(
        kind=kind, title=log_title(kind), row_name=tr("hospitalisation"),
        sections=((tr("Hospitalisation"), fields),),
        columns=(log_column(kind, "admission", lambda v: date_text(v.get("admission"))),
                 log_column(kind, "discharge", lambda v: date_text(v.get("discharge"), tr("in hospital"))),
                 log_column(kind, "for_sle_activity", lambda v: yes_no(v.get("for_sle_activity"))),
                 log_column(kind, "indication", label("indication"))),
        describe=lambda v: tr("hospitalisation from {0}").format(date_text(v.get("admission"))),
    )
    holder.append(spec)
    return spec


def renal_replacement_spec() -> LogSpec:
    """Dialysis and transplant: type, start, stop, chronic."""
    kind = "renal_replacement"
    fields = (
        log_field(kind, "type", CHOICE, tuple((c, tr(RRT_LABELS[c])) for c in vocab.RENAL_REPLACEMENT_TYPES)),
        log_field(kind, "start", DATE),
        log_field(kind, "stop", DATE, placeholder=tr("empty = ongoing")),
        log_field(kind, "chronic", YESNO),
    )
    holder: list[LogSpec] = []
    label = _labeller(holder)
    spec = LogSpec(
        kind=kind, title=log_title(kind), row_name=tr("dialysis or transplant"),
        sections=((tr("Renal replacement"), fields),),
        columns=(log_column(kind, "type", label("type")),
                 log_column(kind, "start", lambda v: date_text(v.get("start"))),
                 log_column(kind, "stop", lambda v: date_text(v.get("stop"), tr("ongoing"))),
                 log_column(kind, "chronic", lambda v: yes_no(v.get("chronic")))),
        describe=lambda v: tr("{0} from {1}").format(v.get("type") or "", date_text(v.get("start"))),
    )
    holder.append(spec)
    return spec


def death_spec() -> LogSpec:
    """The death record: date and cause (both, or neither)."""
    fields = (log_field("death", "death_date", DATE),
              log_field("death", "death_cause", NOTE, placeholder=tr("e.g. 패혈증 (sepsis); unknown")))
    return LogSpec(kind="death", title=log_title("death"), row_name=tr("death record"),
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
