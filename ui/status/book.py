"""The study's status ladder held for the screens: read once with the one aggregated read
(`models.status_store.load_status_facts`), then kept current one subject at a time from the change
notifications (a save re-reads only the saved subject). The visit grid, the operational view and the subject
list's status columns all show this one copy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal

from endpoints.visit_ladder import SubjectFacts, SubjectStatus, study_status
from models.database import Database
from models.status_store import load_status_facts
from ui.events import DataEvents


class StatusBook(QObject):
    """Every subject's facts and ladder as of today. `changed` carries the subject IDs re-read, or None when
    everything was."""

    changed = Signal(object)

    def __init__(self, db: Database, today: Callable[[], dt.date], events: DataEvents | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db, self.today = db, today
        self.facts: dict[str, SubjectFacts] = {}
        self.statuses: dict[str, SubjectStatus] = {}
        self.as_of: dt.date | None = None
        self.loaded = False
        if events is not None:
            for signal in (events.subject_saved, events.schedule_changed, events.visit_saved, events.log_saved,
                           events.queries_changed):
                signal.connect(self.refresh_subject)

    def load(self) -> None:
        """Read every subject (one aggregated read) and compute the ladder."""
        self.as_of = self.today()
        facts = load_status_facts(self.db)
        statuses = study_status(facts, self.as_of, self.db.config.params)
        self.facts = {f.subject_id: f for f in facts}
        self.statuses = {s.subject_id: s for s in statuses}
        self.loaded = True
        self.changed.emit(None)

    def ensure_loaded(self) -> None:
        if not self.loaded or self.as_of != self.today():
            self.load()

    def refresh_subject(self, subject_id: str) -> None:
        """Re-read one subject after a save (a subject deleted from the database drops out)."""
        self.refresh_subjects([subject_id])

    def refresh_subjects(self, subject_ids: Sequence[str]) -> None:
        if not self.loaded:
            return
        if self.as_of != self.today():
            self.load()
            return
        facts = load_status_facts(self.db, subject_ids)
        for subject_id in subject_ids:
            self.facts.pop(subject_id, None)
            self.statuses.pop(subject_id, None)
        for f, s in zip(facts, study_status(facts, self.as_of, self.db.config.params), strict=True):
            self.facts[f.subject_id], self.statuses[s.subject_id] = f, s
        self.changed.emit(list(subject_ids))

    def ordered(self) -> list[SubjectStatus]:
        """The subjects' ladders by subject ID."""
        return [self.statuses[k] for k in sorted(self.statuses)]
