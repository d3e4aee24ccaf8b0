"""Registers the bundled Korean font with Qt so Hangul never depends on the fonts installed on the PC."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from apppaths import resource_path

FONT_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf")
FALLBACK_FAMILY = "NanumGothic"
POINT_SIZE = 10


def register_fonts() -> list[str]:
    """Add the bundled fonts to Qt's font database; return the families they provide (missing files raise)."""
    families: list[str] = []
    for name in FONT_FILES:
        path = resource_path("fonts", name)
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise RuntimeError(f"Qt could not load the bundled font {path}")
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    return families


def apply_app_font(app: QApplication, families: list[str]) -> QFont:
    """Make the bundled Korean family the application font (it covers Latin and Hangul alike)."""
    font = QFont(app.font())
    font.setFamilies(families or [FALLBACK_FAMILY])
    font.setPointSize(POINT_SIZE)
    app.setFont(font)
    return font
