"""Plain text laid out without Paragraph markup: `wrap_lines` (greedy word wrap to a width) and `TextCell`, a
table cell of pre-wrapped lines drawn with glyph fallback (reports.fonts.draw_text) — much cheaper to lay out
than a Paragraph, for the many short cells of data tables. A TextCell splits between lines, so a table row
split across pages (splitInRow) carries the rest of a long text to the next page.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import Flowable

from reports.fonts import FONT, FONT_BOLD, draw_text


def wrap_lines(text: str, room: float, font: str = FONT, size: float = 8.5) -> list[str]:
    """Greedy word wrap of `text` into lines no wider than `room` points (a word wider than a line is broken
    between characters); line breaks in the text are kept."""
    width = getFont(font).stringWidth
    if "\n" not in text and not text.startswith(" ") and width(text, size) <= room:
        return [text]
    out: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            candidate = f"{line} {word}" if line else word
            if width(candidate, size) <= room:
                line = candidate
                continue
            if line:
                out.append(line)
            line = ""
            for ch in word:
                if line and width(line + ch, size) > room:
                    out.append(line)
                    line = ""
                line += ch
        out.append(line)
    return out


class TextCell(Flowable):
    """Lines of text in one font size (bold or not), wrapped to the width given at layout."""

    def __init__(self, text: str, size: float, leading: float, bold: bool = False,
                 lines: list[str] | None = None, color: object = None, width: float | None = None) -> None:
        super().__init__()
        self.fixed_width = width  # wrap to this width whatever is offered (a cell spanning several columns)
        self.color = color
        self.text = text
        self.size = size
        self.leading = leading
        self.bold = bold
        self.lines = lines
        self._room = -1.0

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        avail_w = self.fixed_width or avail_w
        if self.lines is None or (self._room != avail_w and self.text):
            self.lines = wrap_lines(self.text, avail_w, FONT_BOLD if self.bold else FONT, self.size)
            self._room = avail_w
        self.width, self.height = avail_w, len(self.lines) * self.leading
        return self.width, self.height

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        self.wrap(avail_w, avail_h)
        fit = int(avail_h // self.leading)
        if fit < 1 or fit >= len(self.lines or []):
            return []
        lines = self.lines or []
        return [TextCell("", self.size, self.leading, self.bold, lines[:fit], self.color, self.fixed_width),
                TextCell("", self.size, self.leading, self.bold, lines[fit:], self.color, self.fixed_width)]

    def draw(self) -> None:
        if self.color is not None:
            self.canv.setFillColor(self.color)
        y = self.height - self.size
        for line in self.lines or []:
            if line:
                draw_text(self.canv, 0, y, line, self.size, bold=self.bold)
            y -= self.leading
