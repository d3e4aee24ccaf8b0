"""A plain-text table for long listings (the audit trail): each cell's text is wrapped once into lines, and rows
are drawn as text lines and rules, several times faster than a platypus Table of the same rows.

It looks like `styles.data_table` (bold shaded header repeated on every page, zebra rows, rules below rows) and
splits between rows and inside a row (a long cell flows on to the next page, line by line: nothing is cut).
Text runs that Nanum Gothic lacks are drawn in the fallback font (reports.fonts.draw_text).
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from reports.fonts import FONT, FONT_BOLD, draw_text, text_runs
from reports.styles import CELL_LEADING, CELL_PAD, CELL_SIZE, HEAD_BG, INK, RULE, ZEBRA
from reports.textlines import wrap_lines

V_PAD = 2.5


class LineTable(Flowable):
    """header: column titles; rows: cell texts; widths: column widths in points."""

    def __init__(self, header: list[str], rows: list[list[str]], widths: list[float], *,
                 _wrapped: tuple[list[list[str]], list[list[list[str]]], int] | None = None) -> None:
        super().__init__()
        self.widths = widths
        self.width = sum(widths)
        if _wrapped is None:
            head = [wrap_lines(text, w - 2 * CELL_PAD, FONT_BOLD) for text, w in zip(header, widths, strict=True)]
            body = [[wrap_lines(text, w - 2 * CELL_PAD) for text, w in zip(row, widths, strict=True)] for row in rows]
            self.head, self.body, self.first_index = head, body, 0
        else:
            self.head, self.body, self.first_index = _wrapped
        self.height = self._rows_height([self.head] + self.body)

    @staticmethod
    def _row_height(cells: list[list[str]]) -> float:
        return max(len(lines) for lines in cells) * CELL_LEADING + 2 * V_PAD

    def _rows_height(self, rows: list[list[list[str]]]) -> float:
        return sum(self._row_height(cells) for cells in rows)

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        room = avail_h - self._row_height(self.head)
        taken: list[list[list[str]]] = []
        for i, cells in enumerate(self.body):
            need = self._row_height(cells)
            if need <= room:
                taken.append(cells)
                room -= need
                continue
            lines = int((room - 2 * V_PAD) // CELL_LEADING)
            rest = self.body[i + 1:]
            if lines >= 2:  # split inside the row: its first lines here, the rest on the next page
                taken.append([c[:lines] for c in cells])
                rest = [[c[lines:] or [""] for c in cells]] + rest
            else:
                rest = [cells] + rest
            if not taken:
                return []
            index = self.first_index + len(taken) - (1 if lines >= 2 else 0)
            return [LineTable([], [], self.widths, _wrapped=(self.head, taken, self.first_index)),
                    LineTable([], [], self.widths, _wrapped=(self.head, rest, index))]
        return [self]

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        y = self.height
        for n, cells in enumerate([self.head] + self.body):
            h = self._row_height(cells)
            y -= h
            index = self.first_index + n - 1
            fill = HEAD_BG if n == 0 else ZEBRA if index % 2 == 1 else None
            if fill is not None:
                canv.setFillColor(fill)
                canv.rect(0, y, self.width, h, stroke=0, fill=1)
            canv.setFillColor(INK)
            text = canv.beginText()
            text.setFont(FONT_BOLD if n == 0 else FONT, CELL_SIZE)
            x = 0.0
            for lines, w in zip(cells, self.widths, strict=True):
                base = y + h - V_PAD - CELL_SIZE
                for line in lines:
                    if line and all(not fallback for fallback, _ in text_runs(line)):
                        text.setTextOrigin(x + CELL_PAD, base)
                        text.textOut(line)
                    elif line:
                        draw_text(canv, x + CELL_PAD, base, line, CELL_SIZE, bold=n == 0)
                    base -= CELL_LEADING
                x += w
            canv.drawText(text)
            canv.setStrokeColor(RULE)
            canv.setLineWidth(0.25)
            canv.line(0, y, self.width, y)
        canv.setLineWidth(0.5)
        canv.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        canv.restoreState()
