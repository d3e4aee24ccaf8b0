"""The subject's schedule tab: the two infusions (plan / record), every visit with planned date, window, the date
of its visit form, its status and what moved at the last reschedule, each given infusion on its own line; record a
visit date or a miss; print the schedule sheet; export the planned visits to a calendar file. Dates come from
models.schedule_store, statuses from the status ladder (endpoints.visit_ladder: a visit is done only when its
visit form exists). While infusion 1 is given and the subject is still in screening, one click marks the subject
enrolled (audited). A target date on a weekend or a Korean public holiday is flagged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
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

from endpoints import visit_status as vs
from endpoints.formatting import format_cells
from endpoints.visit_ladder import INCOMPLETE, PERFORMED, Cell, SubjectStatus
from endpoints.visit_status import ScheduledVisit
from models.database import Database
from models.schedule_store import InfusionRecord, SaveResult, SubjectSchedule, load_schedule
from models.status_store import load_study_status
from ui.drafts import Draft, DraftStore
from ui.events import DataEvents
from ui.schedule.days import day_flag
from ui.schedule.enrol import EnrolOffer
from ui.schedule.infusion import InfusionDialog
from ui.schedule.labels import visit_label
from ui.schedule.visit_outcome import VisitOutcomeDialog
from ui.status.labels import status_colour, status_icon, status_word

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

        self.enrol_offer = EnrolOffer(db, user, events, subject_id, self)
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
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.open_row())
        self.rows: list[ScheduledVisit | int] = []  # a visit, or an infusion's number

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
        layout.addWidget(self.enrol_offer)
        layout.addWidget(self.moves_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        events.schedule_changed.connect(self._on_changed)
        self.refresh()

    # display -------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.schedule = load_schedule(self.db, self.subject_id, self.today)
        ladder = load_study_status(self.db, self.today, [self.subject_id])
        status: SubjectStatus | None = ladder[0] if ladder else None
        for number in (1, 2):
            record = self.schedule.infusion(number)
            self.infusion_labels[number].setText(self._infusion_text(record))
            given = record is not None and record.data.date is not None
            self.infusion_buttons[number].setText(
                self.tr("Edit infusion {0}...").format(number) if given else
                self.tr("Record / reschedule infusion {0}...").format(number) if record else
                self.tr("Plan infusion {0}...").format(number))
        self.infusion_buttons[2].setEnabled(self.schedule.infusion(1) is not None)
        self.enrol_offer.update_for(self.schedule, status)
        visits = self.schedule.visits
        self.rows = []
        for v in visits:
            number = {"D0": 1, "W12": 2}.get(v.code)
            record = self.schedule.infusion(number) if number else None
            if record is not None and record.data.date is not None:
                self.rows.append(number)
            self.rows.append(v)
        self.table.setRowCount(len(self.rows))
        for row, entry in enumerate(self.rows):
            if isinstance(entry, int):
                self._infusion_row(row, entry)
            else:
                self._visit_row(row, entry, status.cell(entry.code) if status is not None else None)
        self.visit_button.setEnabled(bool(visits))
        hint = self.tr("No schedule yet: plan infusion 1 (Day 0).")
        if not visits:
            self.output_label.setText(hint)
        elif self.output_label.text() == hint:
            self.output_label.clear()

    def _set_row(self, row: int, cells: tuple[str, ...]) -> list[QTableWidgetItem]:
        items = []
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            self.table.setItem(row, column, item)
            items.append(item)
        return items

    def _infusion_row(self, row: int, number: int) -> None:
        assert self.schedule is not None
        record = self.schedule.infusion(number)
        assert record is not None and record.data.date is not None
        d = record.data
        planned = d.planned_date.isoformat() if d.planned_date else ""
        completion = {"full": self.tr("Infusion given in full"), "partial": self.tr("Infusion given partially"),
                      "not_given": self.tr("Infusion not given")}.get(d.completion or "", self.tr("Infusion given"))
        items = self._set_row(row, (f"INF{number}", self.tr("Infusion {0}").format(number), planned, "",
                                    d.date.isoformat(), completion, "", ""))
        for item in items:
            item.setBackground(QColor("#eef4fb"))

    def _visit_row(self, row: int, v: ScheduledVisit, cell: Cell | None) -> None:
        comment = v.missed_reason or v.window_comment or ""
        flag = day_flag(v.target) if v.actual_date is None and v.status != vs.NOT_APPLICABLE else ""
        done_on = cell.date.isoformat() if cell is not None and cell.record_id is not None and cell.date else ""
        items = self._set_row(row, (
            v.code, visit_label(v.code), v.target.isoformat() + (f"  ⚑ {flag}" if flag else ""),
            f"{v.window.earliest.isoformat()} – {v.window.latest.isoformat()}", done_on,
            self._status_text(v, cell), v.previous_target.isoformat() if v.previous_target else "", comment))
        if flag:
            items[2].setToolTip(self.tr("The target date falls on {0}: check the site is open.").format(flag))
        if cell is not None:
            shown = INCOMPLETE if cell.record_id is None and cell.status in PERFORMED else cell.status
            items[5].setIcon(status_icon(shown))
            items[5].setForeground(status_colour(shown))
            items[5].setToolTip(cell.reason)
        if v.previous_target is not None:
            items[6].setToolTip(self.tr("Target before the last schedule change"))

    def _status_text(self, v: ScheduledVisit, cell: Cell | None) -> str:
        """The ladder's word; an infusion given without its visit form is not a visit done; out-of-window dates say
        by how many days and on which side."""
        if cell is None:
            return ""
        if cell.record_id is None and cell.status in PERFORMED:
            return self.tr("Visit form not entered")
        text = status_word(cell.status)
        if v.status == vs.DONE_OUT_OF_WINDOW and cell.record_id is not None:
            side = self.tr("{0} d before window") if v.days_outside < 0 else self.tr("{0} d after window")
            text += " · " + side.format(abs(v.days_outside))
        return text

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
        for row, v in enumerate(self.rows):
            if isinstance(v, ScheduledVisit) and v.code == code:
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

    def open_row(self) -> InfusionDialog | VisitOutcomeDialog | None:
        """A double-click: an infusion's line opens the infusion, a visit's line its date or miss."""
        row = self.table.currentRow()
        if 0 <= row < len(self.rows) and isinstance(self.rows[row], int):
            return self.open_infusion(self.rows[row])  # type: ignore[arg-type]
        return self.open_visit()

    def open_visit(self) -> VisitOutcomeDialog | None:
        row = self.table.currentRow()
        entry = self.rows[row] if 0 <= row < len(self.rows) else None
        if self.schedule is None or not isinstance(entry, ScheduledVisit):
            self.output_label.setText(self.tr("Select a visit first."))
            return None
        dialog = VisitOutcomeDialog(self.db, self.user, self.events, self.subject_id, entry, self.today, self)
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
