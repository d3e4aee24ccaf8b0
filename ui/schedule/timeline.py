"""The subject's visit timeline (matplotlib, reports.schedule_figure) as a tab; redrawn on schedule changes."""

from __future__ import annotations

import datetime as dt

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from models.database import Database
from models.schedule_store import load_schedule
from reports.schedule_figure import timeline_figure
from ui.events import DataEvents


class TimelineTab(QWidget):
    def __init__(self, db: Database, events: DataEvents, subject_id: str, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.subject_id, self.today = db, subject_id, today
        self.long_term = QCheckBox(self.tr("Include the 1-, 3- and 5-year follow-ups"), self)
        self.long_term.setObjectName("longTermCheck")
        self.long_term.toggled.connect(self.refresh)
        self.canvas: FigureCanvasQTAgg | None = None
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.long_term)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(top)
        events.schedule_changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, subject_id: str) -> None:
        if subject_id == self.subject_id:
            self.refresh()

    def refresh(self) -> None:
        figure = timeline_figure(load_schedule(self.db, self.subject_id, self.today), self.long_term.isChecked())
        canvas = FigureCanvasQTAgg(figure)
        canvas.setObjectName("timelineCanvas")
        if self.canvas is not None:
            self.layout_.replaceWidget(self.canvas, canvas)
            self.canvas.deleteLater()
        else:
            self.layout_.addWidget(canvas, 1)
        self.canvas = canvas
