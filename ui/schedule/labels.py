"""What the user sees for visit codes and visit statuses of the schedule."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from endpoints import visit_status as vs


def _tr(text: str) -> str:
    return QCoreApplication.translate("schedule", text)


def visit_label(code: str) -> str:
    names = {
        "SCR": _tr("Screening"), "D0": _tr("Day 0 — infusion 1"), "D3": _tr("Day 3"), "W1": _tr("Week 1"),
        "W4": _tr("Week 4"), "W8": _tr("Week 8"), "W12": _tr("Week 12 — infusion 2"),
        "W12D3": _tr("3 days after infusion 2"), "W13": _tr("1 week after infusion 2"), "W16": _tr("Week 16"),
        "W20": _tr("Week 20"), "W24": _tr("Week 24"), "Y1": _tr("Year 1 follow-up"), "Y3": _tr("Year 3 follow-up"),
        "Y5": _tr("Year 5 follow-up"),
    }
    return names.get(code, code)


def status_text(status: str, days_outside: int = 0) -> str:
    """The status in words; out-of-window visits say by how many days and on which side."""
    if status == vs.DONE_OUT_OF_WINDOW:
        if days_outside < 0:
            return _tr("Done, {0} d before window").format(-days_outside)
        return _tr("Done, {0} d after window").format(days_outside)
    names = {
        vs.UPCOMING: _tr("Upcoming"), vs.DUE: _tr("Due (window open)"), vs.OVERDUE: _tr("Overdue"),
        vs.DONE_IN_WINDOW: _tr("Done in window"), vs.MISSED: _tr("Missed"),
        vs.NOT_APPLICABLE: _tr("Not applicable"),
    }
    return names.get(status, status)


STATUS_COLOURS = {
    vs.UPCOMING: "#5f6b7a", vs.DUE: "#1f6fd1", vs.OVERDUE: "#c62828", vs.DONE_IN_WINDOW: "#2e7d32",
    vs.DONE_OUT_OF_WINDOW: "#e08a00", vs.MISSED: "#8e24aa", vs.NOT_APPLICABLE: "#9e9e9e",
}


def status_colour(status: str) -> QColor:
    return QColor(STATUS_COLOURS.get(status, "#000000"))
