"""The printouts' texts in English or Korean: every builder takes `lang`, and the section builders print through
`tr`, which reads the language of the print running in this thread (`printing_in`).

    with printing_in("ko"):
        tr("Visit schedule — {0}").format(subject_id)     # "방문 일정표 — LN-01"

The Korean is the application's one catalogue (translation.Catalog over resources/i18n/trialdesk_ko.qm), so the
screen and the paper use the same words; pyside6-lupdate reads the `tr("...")` calls of reports/ as it reads ui/
(scripts/translations.py). The schedule sheet goes home with the patient and is printed in Korean unless asked
otherwise; the summary, binder and blank CRFs are printed in English unless asked otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from translation import LANGUAGES, Catalog

PRINT_LANGUAGES = LANGUAGES
SCHEDULE_SHEET = "schedule"
_language: ContextVar[str] = ContextVar("print_language", default="en")


@contextmanager
def printing_in(lang: str) -> Iterator[None]:
    """Print in `lang` inside the block (in this thread; a print job's worker thread sets its own)."""
    token = _language.set(Catalog.load(lang).lang)
    try:
        yield
    finally:
        _language.reset(token)


def tr(text: str) -> str:
    """`text` in the language of the print running in this thread (English outside `printing_in`)."""
    return Catalog.load(_language.get()).text(text)


def print_lang() -> str:
    """The language of the print running in this thread."""
    return _language.get()


def printed_texts(lang: str) -> Callable[[str], str]:
    """English source text -> the text printed in `lang` (the source itself for English or a missing message)."""
    return Catalog.load(lang).text


def default_print_language(kind: str) -> str:
    """The language of a printout when none is chosen: Korean for the schedule sheet, else English."""
    return "ko" if kind == SCHEDULE_SHEET else "en"
