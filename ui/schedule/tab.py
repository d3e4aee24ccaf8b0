"""The subject's schedule tab: the two infusions (plan / record), every visit with planned date, window, actual
date, status and what moved at the last reschedule; record a visit date or a miss; print the schedule sheet;
export the planned visits to a calendar file. Everything shown comes from models.schedule_store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from endpoints.formatting import format_cells
from models.database import Database
from models.schedule_store import InfusionRecord, SaveResult, SubjectSchedule, load_schedule
from ui.drafts import Draft, DraftStore
from ui.events import DataEvents
from ui.schedule.infusion import InfusionDialog
from ui.schedule.labels import status_colour, status_text, visit_label
from ui.schedule.visit_outcome import VisitOutcomeDialog

COLUMNS = ("Code", "Visit", "Target", "Window", "Done on", "Status", "Moved from", "Comment / reason")


class ScheduleTab(QWidget):
    """Reloads itself when `events.schedule_changed` names its subject."""

    def __init__(self, db: Database, user: str, events: DataEvents, subject_id: str, today: dt.date,
                 drafts: DraftStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user, self.events, self.subject_id, self.today = db, user, events, subject_id, today
        self.drafts = drafts
        self.dialog: InfusionDialog | VisitOutcomeDialog | None = None
        self.schedule: SubjectSchedule | None = None

        self.infusion_labels: dict[int, QLabel] = {}
        self.infusion_buttons: dict[int, QPushButton] = {}
        infusions = QHBoxLayout()
        for number in (1, 2):
            box = QGroupBox(self.tr("Infusion {0}").format(number), self)
            label = QLabel(box)
            label.setObjectName(f"infusion{number}Label")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            button = QPushButton(box)
            button.setObjectName(f"infusion{number}Button")
            button.clicked.connect(lambda _checked=False, n=number: self.open_infusion(n))
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(label, 1)
            box_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
            self.infusion_labels[number], self.infusion_buttons[number] = label, button
            infusions.addWidget(box, 1)

        self.moves_label = QLabel(self)
        self.moves_label.setObjectName("movesLabel")
        self.moves_label.setWordWrap(True)
        self.moves_label.setStyleSheet("background: #fff4e0; border: 1px solid #e0b060; padding: 4px;")
        self.moves_label.hide()

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("scheduleTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.open_visit())

        self.visit_button = QPushButton(self.tr("Record visit date or miss..."), self)
        self.visit_button.setObjectName("recordVisitButton")
        self.visit_button.clicked.connect(self.open_visit)
        self.print_button = QPushButton(self.tr("Print schedule sheet..."), self)
        self.print_button.setObjectName("printScheduleButton")
        self.print_button.clicked.connect(self.print_sheet)
        self.ics_button = QPushButton(self.tr("Export to calendar (.ics)..."), self)
        self.ics_button.setObjectName("exportIcsButton")
        self.ics_button.clicked.connect(self.export_ics)
        self.output_label = QLabel(self)
        self.output_label.setObjectName("outputLabel")
        self.output_label.setStyleSheet("color: #5f6b7a;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.visit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.output_label)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.ics_button)

        layout = QVBoxLayout(self)
        layout.addLayout(infusions)
        layout.addWidget(self.moves_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        events.schedule_changed.connect(self._on_changed)
        self.refresh()

    # display -------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.schedule = load_schedule(self.db, self.subject_id, self.today)
        for number in (1, 2):
            record = self.schedule.infusion(number)
            self.infusion_labels[number].setText(self._infusion_text(record))
            given = record is not None and record.data.date is not None
            self.infusion_buttons[number].setText(
                self.tr("Edit infusion {0}...").format(number) if given else
                self.tr("Record / reschedule infusion {0}...").format(number) if record else
                self.tr("Plan infusion {0}...").format(number))
        self.infusion_buttons[2].setEnabled(self.schedule.infusion(1) is not None)
        visits = self.schedule.visits
        self.table.setRowCount(len(visits))
        for row, v in enumerate(visits):
            comment = v.missed_reason or v.window_comment or ""
            cells = (v.code, visit_label(v.code), v.target.isoformat(),
                     f"{v.window.earliest.isoformat()} – {v.window.latest.isoformat()}",
                     v.actual_date.isoformat() if v.actual_date else "", status_text(v.status, v.days_outside),
                     v.previous_target.isoformat() if v.previous_target else "", comment)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 5:
                    item.setForeground(status_colour(v.status))
                if column == 6 and text:
                    item.setToolTip(self.tr("Target before the last schedule change"))
                self.table.setItem(row, column, item)
        self.visit_button.setEnabled(bool(visits))
        if not visits:
            self.output_label.setText(self.tr("No schedule yet: plan infusion 1 (Day 0)."))

    def _infusion_text(self, record: InfusionRecord | None) -> str:
        if record is None:
            return self.tr("Not planned.")
        d = record.data
        lines = [self.tr("Planned {0}").format(d.planned_date.isoformat() if d.planned_date else "—")]
        if d.date is not None:
            completion = {"full": self.tr("given in full"), "partial": self.tr("given partially"),
                          "not_given": self.tr("not given")}.get(d.completion or "", "")
            if d.completion == "partial" and d.fraction_given is not None:
                completion += f" ({d.fraction_given:.0%})"
            lines.append(self.tr("Given {0} · {1}").format(d.date.isoformat(), completion))
        assert self.schedule is not None
        moves = [c for c in self.schedule.changes if c.infusion_number == d.number and c.field == "planned"
                 and c.old_date is not None]
        if moves:
            last = moves[-1]
            lines.append(self.tr("Rescheduled from {0} by {1}: {2}").format(
                last.old_date.isoformat(), last.changed_by, last.reason or ""))
        if d.completion == "not_given" and d.not_given_reason:
            lines.append(self.tr("Why not given: {0}").format(d.not_given_reason))
        if record.dose_cells:
            lines.append(self.tr("{0:g} kg → {1}").format(d.weight_kg, format_cells(record.dose_cells)))
        details = [t for t in (d.lot_number and self.tr("lot {0}").format(d.lot_number),
                               d.start_time and d.end_time and f"{d.start_time}–{d.end_time}") if t]
        if details:
            lines.append(" · ".join(details))
        if d.reaction:
            lines.append(self.tr("Reaction: {0}").format(d.reaction_text or ""))
        return "\n".join(lines)

    def show_moves(self, result: SaveResult) -> None:
        if not result.moved:
            self.moves_label.hide()
            return
        parts = [f"{code} {old.isoformat()} → {new.isoformat()}" for code, old, new in result.moved]
        self.moves_label.setText(self.tr("The schedule moved: {0}").format("; ".join(parts)))
        self.moves_label.show()

    def select_visit(self, code: str) -> None:
        """Select the visit's row (from the home screen or the calendar)."""
        if self.schedule is None:
            return
        for row, v in enumerate(self.schedule.visits):
            if v.code == code:
                self.table.selectRow(row)
                self.table.scrollToItem(self.table.item(row, 0))
                self.table.setFocus()
                return

    def _on_changed(self, subject_id: str) -> None:
        if subject_id == self.subject_id:
            self.refresh()

    # actions -------------------------------------------------------------------------------------------------

    def open_infusion(self, number: int, draft: Draft | None = None) -> InfusionDialog:
        assert self.schedule is not None
        dialog = InfusionDialog(self.db, self.user, self.events, self.schedule, number, self.drafts, draft, self)
        dialog.accepted.connect(lambda: dialog.result_moves and self.show_moves(dialog.result_moves))
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_visit(self) -> VisitOutcomeDialog | None:
        row = self.table.currentRow()
        if self.schedule is None or row < 0:
            self.output_label.setText(self.tr("Select a visit first."))
            return None
        dialog = VisitOutcomeDialog(self.db, self.user, self.events, self.subject_id, self.schedule.visits[row],
                                    self.today, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def print_sheet(self, path: str | None = None) -> Path | None:
        from reports.schedule_sheet import build_schedule_sheet

        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save schedule sheet"),
                                                  f"{self.subject_id}-schedule.pdf", self.tr("PDF (*.pdf)"))
        if not path:
            return None
        out = build_schedule_sheet(path, self.db, self.subject_id, today=self.today)
        self.output_label.setText(self.tr("Saved {0}").format(out))
        return out

    def export_ics(self, path: str | None = None) -> Path | None:
        from reports.schedule_ics import export_ics

        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export planned visits"),
                                                  f"{self.subject_id}-visits.ics", self.tr("iCalendar (*.ics)"))
        if not path:
            return None
        out, count = export_ics(self.db, path, self.today, self.subject_id)
        self.output_label.setText(self.tr("{0} planned visits saved to {1}").format(count, out))
        return out
