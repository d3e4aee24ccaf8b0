"""Help → User guide: `resources/guide/user-guide-<language>.pdf`, opened in the system's PDF viewer.

The language is the UI's: a Korean translation of the app translates the marker "en" (context "TrialDesk language",
comment "language code of this translation") to "ko", so the guide follows whichever translation is loaded; without
one it is English.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl

from apppaths import resource_path

GUIDE_LANGUAGES = ("en", "ko")
DEFAULT_LANGUAGE = "en"

OpenUrl = Callable[[QUrl], bool]


def ui_language() -> str:
    """The language of the UI's loaded translation ("en" when none is loaded)."""
    # Written out (not through constants) so that pyside6-lupdate lists the marker; the comment keeps it apart.
    language = QCoreApplication.translate("TrialDesk language", "en", "language code of this translation")
    return language if language in GUIDE_LANGUAGES else DEFAULT_LANGUAGE


def guide_path(language: str) -> Path | None:
    """The bundled guide in `language`, else the English one; None when neither is bundled."""
    for lang in (language, DEFAULT_LANGUAGE):
        path = resource_path("guide", f"user-guide-{lang}.pdf")
        if path.is_file():
            return path
    return None
