"""Month calendar across subjects: each day lists the visits planned (target of open visits) or done on it, each
visit with its own status icon and colour; weekends shaded, Korean public holidays marked, a legend; a day's
visits are listed below, and one click opens the subject's schedule at that visit."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.schedule_store import CalendarEntry, visits_between
from ui.schedule.calendar_day import DAY_ROLE, DayCell, DayDelegate, calendar_legend, visit_icon
from ui.schedule.days import holiday_name
from ui.schedule.labels import status_colour, status_text, visit_label
from ui.widgets.heading import section_heading

MAX_LINES = 4


class MonthCalendar(QWidget):
    """The month grid (Monday first) and the list of the selected day's visits."""

    visit_activated = Signal(str, str)

    def __init__(self, db: Database, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.today = db, today
        first = today().replace(day=1)
        self.month = first
        self.by_day: dict[dt.date, list[CalendarEntry]] = {}
        self.title = QLabel(self)
        self.title.setObjectName("monthTitle")
        font = self.title.font()
        font.setWeight(QFont.Weight.Bold)
        self.title.setFont(font)
        self.prev_button = QPushButton(self.tr("◀ Previous"), self)
        self.prev_button.setObjectName("prevMonthButton")
        self.next_button = QPushButton(self.tr("Next ▶"), self)
        self.next_button.setObjectName("nextMonthButton")
        self.today_button = QPushButton(self.tr("This month"), self)
        self.ics_button = QPushButton(self.tr("Export all to calendar (.ics)..."), self)
        self.ics_button.setObjectName("exportAllIcsButton")
        self.ics_button.clicked.connect(lambda: self.export_ics())
        self.prev_button.clicked.connect(lambda: self.show_month(self._shift(-1)))
        self.next_button.clicked.connect(lambda: self.show_month(self._shift(1)))
        self.today_button.clicked.connect(lambda: self.show_month(self.today().replace(day=1)))
        self.grid = QTableWidget(6, 7, self)
        self.grid.setObjectName("monthGrid")
        days = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"),
                self.tr("Sun")]
        self.grid.setHorizontalHeaderLabels(days)
        self.grid.verticalHeader().hide()
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setWordWrap(True)
        self.grid.setItemDelegate(DayDelegate(self.grid))
        self.grid.currentCellChanged.connect(lambda r, c, _r, _c: self._show_day(r, c))
        self.day_label = QLabel(self)
        self.day_list = QListWidget(self)
        self.day_list.setObjectName("dayList")
        self.day_list.setMaximumHeight(150)
        self.day_list.itemActivated.connect(self._activate)
        self.day_list.itemClicked.connect(self._activate)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.prev_button)
        header.addWidget(self.today_button)
        header.addWidget(self.next_button)
        header.addSpacing(12)
        header.addWidget(self.ics_button)
        legend = calendar_legend(self)
        layout = QVBoxLayout(self)
        layout.addWidget(section_heading(self.tr("Calendar"), self.tr(
            "The visits planned or done on each day, for every subject; weekends and Korean public holidays are "
            "shaded."), self))
        layout.addLayout(header)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.day_label)
        layout.addWidget(self.day_list)
        layout.addWidget(legend)

    def _shift(self, months: int) -> dt.date:
        index = self.month.year * 12 + self.month.month - 1 + months
        return dt.date(index // 12, index % 12 + 1, 1)

    def _cell_date(self, row: int, column: int) -> dt.date:
        start = self.month - dt.timedelta(days=self.month.weekday())
        return start + dt.timedelta(days=row * 7 + column)

    def refresh(self) -> None:
        self.show_month(self.month)

    def show_month(self, first: dt.date) -> None:
        """Show the month starting at `first` (one aggregated read for the six weeks shown)."""
        self.month = first
        self.title.setText(first.strftime("%Y-%m"))
        start, end = self._cell_date(0, 0), self._cell_date(5, 6)
        by_day: dict[dt.date, list[CalendarEntry]] = defaultdict(list)
        for entry in visits_between(self.db, start, end, self.today()):
            by_day[entry.visit.actual_date or entry.visit.target].append(entry)
        self.by_day = dict(by_day)
        today = self.today()
        for row in range(6):
            for column in range(7):
                day = self._cell_date(row, column)
                entries = self.by_day.get(day, [])
                lines = [f"{e.subject_id} {e.visit.code}" for e in entries[:MAX_LINES]]
                if len(entries) > MAX_LINES:
                    lines.append(self.tr("+{0} more").format(len(entries) - MAX_LINES))
                holiday = holiday_name(day)
                item = QTableWidgetItem("\n".join([f"{day.day} {holiday}" if holiday else str(day.day), *lines]))
                item.setData(DAY_ROLE, DayCell(
                    day, day.month == first.month, day == today, holiday,
                    tuple((f"{e.subject_id} {e.visit.code}", e.visit.status) for e in entries[:MAX_LINES]),
                    max(0, len(entries) - MAX_LINES)))
                item.setToolTip("\n".join(f"{e.subject_id} {e.visit.code} {visit_label(e.visit.code)} — "
                                          f"{status_text(e.visit.status, e.visit.days_outside)}" for e in entries))
                self.grid.setItem(row, column, item)
        self._show_day(self.grid.currentRow(), self.grid.currentColumn())

    def select_day(self, day: dt.date) -> None:
        offset = (day - self._cell_date(0, 0)).days
        if 0 <= offset < 42:
            self.grid.setCurrentCell(offset // 7, offset % 7)

    def _show_day(self, row: int, column: int) -> None:
        self.day_list.clear()
        if row < 0 or column < 0:
            self.day_label.setText(self.tr("Select a day to list its visits."))
            return
        day = self._cell_date(row, column)
        entries = self.by_day.get(day, [])
        holiday = holiday_name(day)
        self.day_label.setText(self.tr("{0}{1}: {2} visit(s)").format(
            day.isoformat(), f" · {holiday}" if holiday else "", len(entries)))
        for e in entries:
            item = QListWidgetItem(f"{e.subject_id}  {e.initials or ''}  ·  {e.visit.code} {visit_label(e.visit.code)}"
                                   f"  ·  {status_text(e.visit.status, e.visit.days_outside)}")
            item.setForeground(status_colour(e.visit.status))
            item.setIcon(visit_icon(e.visit.status))
            item.setData(Qt.ItemDataRole.UserRole, (e.subject_id, e.visit.code))
            self.day_list.addItem(item)

    def export_ics(self, path: str | None = None) -> Path | None:
        """Write every subject's planned visits to an .ics file (asks where unless `path` is given)."""
        from reports.schedule_ics import export_ics

        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export planned visits of all subjects"),
                                                  "trialdesk-visits.ics", self.tr("iCalendar (*.ics)"))
        if not path:
            return None
        out, count = export_ics(self.db, path, self.today())
        self.day_label.setText(self.tr("{0} planned visits saved to {1}").format(count, out))
        return out

    def _activate(self, item: QListWidgetItem) -> None:
        subject_id, code = item.data(Qt.ItemDataRole.UserRole)
        self.visit_activated.emit(subject_id, code)
