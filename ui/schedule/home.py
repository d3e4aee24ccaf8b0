"""The home screen, "what needs doing": visits due this week and overdue visits across all subjects.

One aggregated read (models.schedule_store.due_and_overdue); one click (or Enter) opens the subject's
schedule at that visit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from models.database import Database
from models.schedule_store import CalendarEntry, due_and_overdue
from ui.schedule.labels import status_colour, status_text, visit_label


class VisitListTable(QTableWidget):
    """Read-only rows of (subject, visit); `visit_activated` carries the subject ID and visit code."""

    visit_activated = Signal(str, str)

    def __init__(self, overdue: bool, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.overdue = overdue
        last = self.tr("Overdue by") if overdue else self.tr("Status")
        self.setHorizontalHeaderLabels([self.tr("Subject"), self.tr("Initials"), self.tr("Visit"),
                                        self.tr("Target"), self.tr("Window"), last])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((80, 70, 190, 95, 190)):
            self.setColumnWidth(column, width)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.cellClicked.connect(lambda row, _col: self._activate(row))

    def set_entries(self, entries: list[CalendarEntry], today: dt.date) -> None:
        self.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            v = entry.visit
            days_late = (today - v.window.latest).days
            last = self.tr("{0} d").format(days_late) if self.overdue else status_text(v.status)
            cells = (entry.subject_id, entry.initials or "", f"{v.code} · {visit_label(v.code)}",
                     v.target.isoformat(), f"{v.window.earliest.isoformat()} – {v.window.latest.isoformat()}", last)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, (entry.subject_id, v.code))
                if column == 5:
                    item.setForeground(status_colour(v.status))
                self.setItem(row, column, item)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001 - Qt signature
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self._activate(self.currentRow())
            return
        super().keyPressEvent(event)

    def _activate(self, row: int) -> None:
        item = self.item(row, 0)
        if item is not None:
            subject_id, code = item.data(Qt.ItemDataRole.UserRole)
            self.visit_activated.emit(subject_id, code)


class HomeSection(QWidget):
    """First section of the main window; panels added after sign-in (`add_panel`) go above the visit lists."""

    visit_activated = Signal(str, str)
    refresh_requested = Signal()  # shown (again) or Refresh pressed: the added panels re-read what they show

    def __init__(self, db: Database, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.today = db, today
        self.title = QLabel(self.tr("What needs doing"), self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setWeight(QFont.Weight.Bold)
        self.title.setFont(font)
        self.date_label = QLabel(self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.due_table = VisitListTable(False, self)
        self.due_table.setObjectName("dueTable")
        self.overdue_table = VisitListTable(True, self)
        self.overdue_table.setObjectName("overdueTable")
        self.due_box = QGroupBox(self)
        self.overdue_box = QGroupBox(self)
        for box, table in ((self.due_box, self.due_table), (self.overdue_box, self.overdue_table)):
            QVBoxLayout(box).addWidget(table)
            table.visit_activated.connect(self.visit_activated)
        hint = QLabel(self.tr("Click a visit (or press Enter) to open it in the subject's schedule."), self)
        hint.setStyleSheet("color: #5f6b7a;")
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.date_label, 1)
        header.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        self.panels: list[QWidget] = []
        layout.addWidget(self.overdue_box, 1)
        layout.addWidget(self.due_box, 1)
        layout.addWidget(hint)

    def add_panel(self, panel: QWidget, stretch: int = 1) -> None:
        """Add a panel above the visit lists (after those added before it)."""
        self.layout().insertWidget(1 + len(self.panels), panel, stretch)
        self.panels.append(panel)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh_requested.emit()

    def refresh(self) -> None:
        """Re-read the lists (one aggregated query)."""
        today = self.today()
        due, overdue = due_and_overdue(self.db, today)
        self.date_label.setText(self.tr("Today {0}").format(today.isoformat()))
        self.due_box.setTitle(self.tr("Due in the next 7 days ({0})").format(len(due)))
        self.overdue_box.setTitle(self.tr("Overdue ({0})").format(len(overdue)))
        self.due_table.set_entries(due, today)
        self.overdue_table.set_entries(overdue, today)
