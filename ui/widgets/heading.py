"""A section's heading, the same in every section: its title as the home screen shows it (1.4 × the font, bold)
and, below, one grey line saying what the section holds."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

NOTE_COLOUR = "#5f6b7a"
TITLE_SCALE = 1.4


def section_heading(title: str, note: str = "", parent: QWidget | None = None) -> QWidget:
    """The heading widget: `title` large and bold, `note` (if any) word-wrapped in grey under it."""
    heading = QWidget(parent)
    heading.setObjectName("sectionHeading")
    label = QLabel(title, heading)
    label.setObjectName("sectionTitle")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * TITLE_SCALE)
    font.setWeight(QFont.Weight.Bold)
    label.setFont(font)
    layout = QVBoxLayout(heading)
    layout.setContentsMargins(0, 0, 0, 4)
    layout.setSpacing(2)
    layout.addWidget(label)
    if note:
        text = QLabel(note, heading)
        text.setObjectName("sectionNote")
        text.setWordWrap(True)
        text.setStyleSheet(f"color: {NOTE_COLOUR};")
        layout.addWidget(text)
    return heading
