"""The study's status ladder held for the screens: every subject's facts read at once with the one aggregated read
(`models.status_store.load_status_facts`), each subject's ladder computed when first asked for (a grid or list
shows its visible rows first; a filter, a sort or the operational view asks for all), and kept current one
subject at a time from the change notifications (a save re-reads only the saved subject). The visit grid, the
operational view and the subject list's status columns all show this one copy."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator, Mapping, Sequence

from PySide6.QtCore import QObject, Signal

from endpoints.visit_ladder import SubjectFacts, SubjectStatus, subject_status
from models.database import Database
from models.status_store import load_status_facts
from ui.events import DataEvents

RELOAD_AFTER_S = 2.0  # a status screen shown later than this after the last whole read reads again


class Statuses(Mapping[str, SubjectStatus]):
    """Subject ID -> ladder, computed on first access and kept until the subject is re-read."""

    def __init__(self, book: StatusBook) -> None:
        self._book = book

    def __getitem__(self, subject_id: str) -> SubjectStatus:
        return self._book.status(subject_id)

    def __iter__(self) -> Iterator[str]:
        return iter(self._book.facts)

    def __len__(self) -> int:
        return len(self._book.facts)

    def __contains__(self, subject_id: object) -> bool:
        return subject_id in self._book.facts


class StatusBook(QObject):
    """Every subject's facts, and their ladders as of today. `changed` carries the subject IDs re-read, or None
    when everything was."""

    changed = Signal(object)

    def __init__(self, db: Database, today: Callable[[], dt.date], events: DataEvents | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db, self.today = db, today
        self.facts: dict[str, SubjectFacts] = {}
        self._statuses: dict[str, SubjectStatus] = {}
        self.statuses = Statuses(self)
        self.as_of: dt.date | None = None
        self.loaded = False
        self.loaded_at = 0.0  # time.monotonic() of the last whole read
        if events is not None:
            for signal in (events.subject_saved, events.schedule_changed, events.visit_saved, events.log_saved,
                           events.queries_changed):
                signal.connect(self.refresh_subject)

    def load(self) -> None:
        """Read every subject (one aggregated read); ladders are computed when asked for."""
        self.as_of = self.today()
        self.facts = {f.subject_id: f for f in load_status_facts(self.db)}
        self._statuses = {}
        self.loaded = True
        self.loaded_at = time.monotonic()
        self.changed.emit(None)

    def ensure_loaded(self) -> None:
        if not self.loaded or self.as_of != self.today():
            self.load()

    def reload_if_older(self, seconds: float) -> None:
        """Read everything again unless read in the last `seconds` (a section being shown: signatures, locks and
        source verification are done in screens that send no change notification)."""
        if not self.loaded or time.monotonic() - self.loaded_at > seconds or self.as_of != self.today():
            self.load()

    def status(self, subject_id: str) -> SubjectStatus:
        """The subject's ladder as of the book's date (KeyError for a subject not in the book)."""
        found = self._statuses.get(subject_id)
        if found is None:
            assert self.as_of is not None
            found = self._statuses[subject_id] = subject_status(self.facts[subject_id], self.as_of,
                                                                self.db.config.params)
        return found

    def refresh_subject(self, subject_id: str) -> None:
        """Re-read one subject after a save (a subject deleted from the database drops out)."""
        self.refresh_subjects([subject_id])

    def refresh_subjects(self, subject_ids: Sequence[str]) -> None:
        if not self.loaded:
            return
        if self.as_of != self.today():
            self.load()
            return
        for subject_id in subject_ids:
            self.facts.pop(subject_id, None)
            self._statuses.pop(subject_id, None)
        for f in load_status_facts(self.db, subject_ids):
            self.facts[f.subject_id] = f
        if any(s not in self.facts for s in subject_ids) or list(self.facts) != sorted(self.facts):
            self.facts = dict(sorted(self.facts.items()))
        self.changed.emit(list(subject_ids))

    def subject_ids(self) -> list[str]:
        """Every subject in the book, by subject ID."""
        return list(self.facts)

    def ordered(self) -> list[SubjectStatus]:
        """Every subject's ladder by subject ID (computes those not computed yet)."""
        return [self.status(k) for k in self.facts]
