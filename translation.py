"""TrialDesk's Korean message catalogue without Qt: the compiled `resources/i18n/trialdesk_ko.qm` read as a table
from English source text to Korean, for the PDF builders, the command line and the Qt translator's context-free
lookup (ui.shell.i18n). One catalogue serves the screen, the printouts and the command line.

    catalog = Catalog.load("ko")
    catalog.text("Subject summary")          # "시험대상자 요약", or the English text when not translated
    Catalog.load("en").text("Subject summary")   # English: the text itself

The lookup is by source text (and disambiguation comment), not by Qt context: PySide6's `self.tr()` uses the
class of the object at run time (a subclass) while pyside6-lupdate records the class the call is written in, and
module-level helpers are recorded without a context. A source text translated differently in two contexts keeps
the translation of its first context in the file; `Catalog.conflicts()` lists such texts.

Any layer may import this module (standard library only).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from apppaths import resource_path

LANGUAGES = ("en", "ko")
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
# Block and field tags of the .qm format (qtbase/src/corelib/kernel/qtranslator.cpp).
_BLOCK_MESSAGES = 0x69
_TAG_END, _TAG_TRANSLATION, _TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT = 1, 3, 6, 7, 8
_TAG_OBSOLETE1 = 5


def qm_path(lang: str) -> Path:
    """The compiled catalogue of `lang` under resources/i18n/."""
    return resource_path("i18n", f"trialdesk_{lang}.qm")


@dataclass(frozen=True)
class Message:
    """One translated message of a .qm file."""

    context: str
    source: str
    comment: str
    translations: tuple[str, ...]


def read_qm(data: bytes) -> list[Message]:
    """The messages of a .qm file written by lrelease (which stores context, source and comment by default)."""
    if not data.startswith(QM_MAGIC):
        raise ValueError("not a Qt .qm file")
    offset, messages = len(QM_MAGIC), []
    while offset + 5 <= len(data):
        tag, length = data[offset], struct.unpack_from(">I", data, offset + 1)[0]
        block = data[offset + 5:offset + 5 + length]
        offset += 5 + length
        if tag == _BLOCK_MESSAGES:
            messages.extend(_read_messages(block))
    return messages


def _read_messages(block: bytes) -> list[Message]:
    messages, pos = [], 0
    context = source = comment = ""
    translations: list[str] = []
    while pos < len(block):
        tag = block[pos]
        pos += 1
        if tag == _TAG_END:
            messages.append(Message(context, source, comment, tuple(translations)))
            context = source = comment = ""
            translations = []
            continue
        if tag == _TAG_OBSOLETE1:
            pos += 4
            continue
        length = struct.unpack_from(">I", block, pos)[0]
        pos += 4
        if length == 0xFFFFFFFF:
            raw = b""
            length = 0
        else:
            raw = block[pos:pos + length]
        pos += length
        if tag == _TAG_TRANSLATION:
            translations.append(raw.decode("utf-16-be"))
        elif tag == _TAG_SOURCE:
            source = raw.decode("utf-8")
        elif tag == _TAG_CONTEXT:
            context = raw.decode("utf-8")
        elif tag == _TAG_COMMENT:
            comment = raw.decode("utf-8")
    return messages


@dataclass
class Catalog:
    """English source text (with its disambiguation comment) -> translation, for one language."""

    lang: str
    table: dict[tuple[str, str], str] = field(default_factory=dict)
    _conflicts: dict[str, set[str]] = field(default_factory=dict)

    @staticmethod
    def load(lang: str) -> Catalog:
        """The catalogue of `lang` ("en": empty, every text stays English); cached."""
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r} (expected one of {', '.join(LANGUAGES)})")
        return _load(lang)

    @staticmethod
    def from_messages(lang: str, messages: list[Message]) -> Catalog:
        catalog = Catalog(lang)
        for message in messages:
            if not message.translations or not message.translations[0]:
                continue
            key = (message.source, message.comment)
            known = catalog.table.setdefault(key, message.translations[0])
            if known != message.translations[0]:
                catalog._conflicts.setdefault(message.source, {known}).add(message.translations[0])
        return catalog

    def text(self, source: str, comment: str = "") -> str:
        """The translation of `source`, else `source` itself."""
        return self.table.get((source, comment)) or self.table.get((source, "")) or source

    def has(self, source: str, comment: str = "") -> bool:
        return (source, comment) in self.table

    def conflicts(self) -> dict[str, set[str]]:
        """Source texts translated differently in different contexts."""
        return dict(self._conflicts)


@cache
def _load(lang: str) -> Catalog:
    if lang == "en":
        return Catalog("en")
    return Catalog.from_messages(lang, read_qm(qm_path(lang).read_bytes()))
