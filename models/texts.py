"""What the storage layer says to people (a save refused because another PC saved first) in the language of the
screen: the window sets it (`speak`), the command line keeps English. The Korean is the application's one catalogue
(translation.Catalog), and pyside6-lupdate reads the `_tr("...")` calls of models/ as it reads ui/.

    speak("ko")
    tr("{0} changed this {1} at {2}")      # in Korean
"""

from __future__ import annotations

from translation import Catalog

_spoken = {"lang": "en"}


def speak(lang: str) -> None:
    """Say the storage layer's messages in `lang` from now on (the window's language)."""
    _spoken["lang"] = Catalog.load(lang).lang


def tr(text: str) -> str:
    """`text` in the language set by `speak` (English until then)."""
    return Catalog.load(_spoken["lang"]).text(text)
