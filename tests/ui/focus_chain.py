"""Counting a form's Tab stops the way a person meets them: press Tab from a start widget and note where the
focus lands until it comes back round (or reaches a widget seen before)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def tab_stops(qtbot, start: QWidget, limit: int = 1000) -> list[QWidget]:
    """Every widget Tab reaches from `start` (start included, once), in order, within `start`'s window."""
    window = start.window()
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    seen: list[QWidget] = [start]
    current = start
    for _ in range(limit):
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        current = QApplication.focusWidget()
        if current is None or current in seen or current.window() is not window:
            break
        seen.append(current)
    return seen
