"""Reading printed PDFs back with pypdf: text, outline, fonts."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader


def page_texts(path: Path) -> list[str]:
    """The text of every page, whitespace collapsed."""
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(path).pages]


def outline(path: Path) -> list[tuple[int, str, int]]:
    """(level, title, 1-based page) of every outline entry, in document order."""
    reader = PdfReader(path)
    out: list[tuple[int, str, int]] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return out


def font_names(path: Path) -> set[str]:
    """Base font names used on any page (subset prefixes removed)."""
    names: set[str] = set()
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


def printed_heads(path: Path) -> list[tuple[int, str] | None]:
    """Per page, the audit head its footer prints: (row count, 12 hex digits), None when it prints none."""
    found = [re.search(r"audit ([\d,]+) rows · ([0-9a-f]{12})\b", text) for text in page_texts(path)]
    return [(int(m.group(1).replace(",", "")), m.group(2)) if m else None for m in found]


def database_head(db) -> tuple[int, str]:
    """(audit row count, last audit row hash) of an open database, read through the storage API."""
    from sqlalchemy import func, select

    from models.schema import AuditEntry

    with db.read() as session:
        rows = session.scalar(select(func.count()).select_from(AuditEntry))
        last = session.scalar(select(AuditEntry.row_hash).order_by(AuditEntry.id.desc()).limit(1))
    return rows, last
