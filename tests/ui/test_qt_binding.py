"""The pinned Qt binding must not leak references to None: PySide6 6.12.0 on Python 3.11 dropped one reference to
None on every call returning nothing (QLabel.setText, QTableWidget.setItem, ...), and a long session then aborted
with "Fatal Python error: none_dealloc". requirements.txt pins 6.11.3; this test fails on a binding that leaks."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem


def test_void_calls_keep_none_references(qtbot) -> None:
    label = QLabel()
    table = QTableWidget(1, 1)
    qtbot.addWidget(label)
    qtbot.addWidget(table)
    before = sys.getrefcount(None)
    for index in range(2_000):
        label.setText(str(index))
        table.setItem(0, 0, QTableWidgetItem(str(index)))
        table.setRowCount(1)
    assert sys.getrefcount(None) - before > -100
