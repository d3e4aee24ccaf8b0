"""The offer that follows infusion 1: once infusion 1 is given (Day 0 = enrolment, as the status ladder reads it)
while the subject is still in screening, a line above the schedule offers, in one click, to mark the subject
enrolled as of the infusion date (an audited status change with its reason). It disappears as soon as it no longer
applies."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from endpoints.visit_ladder import SubjectStatus
from models.database import Database
from models.errors import DatabaseError, ReasonRequired, ValidationError
from models.schedule_store import SubjectSchedule
from models.security import PermissionDenied
from models.subjects import get_subject, save_subject
from ui.events import DataEvents

SCREENING, ENROLLED = "screening", "enrolled"


class EnrolOffer(QWidget):
    """Shown only while infusion 1 is given and the subject's status is still screening."""

    def __init__(self, db: Database, user: str, events: DataEvents, subject_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrolOffer")
        self.db, self.user, self.events, self.subject_id = db, user, events, subject_id
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#enrolOffer { background: #e8f5e9; border: 1px solid #81c784; }")
        self.label = QLabel(self)
        self.label.setObjectName("enrolOfferLabel")
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Mark enrolled"), self)
        self.button.setObjectName("enrolButton")
        self.button.clicked.connect(self.enrol)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.day0 = None
        self.hide()

    def update_for(self, schedule: SubjectSchedule, status: SubjectStatus | None) -> None:
        """Show or hide the offer from the facts: infusion 1 given (the ladder's `enrolled`), subject screening."""
        first = schedule.infusion(1)
        applies = (status is not None and status.enrolled and schedule.status == SCREENING
                   and first is not None and first.data.date is not None)
        self.day0 = first.data.date if applies and first is not None else None
        if applies:
            self.label.setText(self.tr("Infusion 1 was given on {0}, but {1} is still in screening. Mark the "
                                       "subject enrolled as of that day?").format(self.day0.isoformat(),
                                                                                  self.subject_id))
        self.setVisible(applies)

    def enrol(self) -> None:
        """Change the subject's status from screening to enrolled (audited, dated Day 0)."""
        if self.day0 is None:
            return
        record = get_subject(self.db, self.subject_id)
        reason = self.tr("Infusion 1 given on {0}").format(self.day0.isoformat())
        data = replace(record.to_input(), status=ENROLLED, status_date=self.day0, status_reason=reason)
        try:
            save_subject(self.db, data, user=self.user, reason=reason)
        except (ValidationError, ReasonRequired, PermissionDenied, DatabaseError) as exc:
            self.label.setText(self.tr("Not marked enrolled: {0}").format(str(exc).strip() or type(exc).__name__))
            return
        self.hide()
        self.events.schedule_changed.emit(self.subject_id)
        self.events.subject_saved.emit(self.subject_id)
