"""Change notifications: after a save, screens that show the changed data redraw (no polling)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataEvents(QObject):
    """One instance per open database; every write from the UI announces what it changed here."""

    subject_saved = Signal(str)  # subject ID as saved
    schedule_changed = Signal(str)  # subject ID whose infusions, visit dates or misses changed
    visit_saved = Signal(str)  # subject ID one of whose visit forms was saved
    log_saved = Signal(str)  # subject ID one of whose logs (steroids, medications, AEs, flares, death...) changed
    queries_changed = Signal(str)  # subject ID one of whose queries was raised, answered, closed or re-opened
