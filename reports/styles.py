"""Paragraph and table styles shared by every printed document; every style names the Korean font."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from reports.fonts import FONT, FONT_BOLD, para_text, register_fonts, text_runs
from reports.textlines import TextCell, wrap_lines

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
RULE = colors.HexColor("#9aa5b1")
HEAD_BG = colors.HexColor("#e4e7eb")
ZEBRA = colors.HexColor("#f5f7fa")
FLAG_BG = colors.HexColor("#fde8e8")
CELL_SIZE = 8.5
CELL_LEADING = 10.5
CELL_PAD = 4
LONG_CELL = 600  # characters: a longer text in a narrow column prints whole, full width, under its table

# Status colours (never the only cue: the status word is always printed).
STATUS_BG = {
    "met": colors.HexColor("#d8f3dc"),
    "not_met": colors.HexColor("#fde2e1"),
    "pending": colors.HexColor("#fff3c4"),
    "not_evaluable": colors.HexColor("#e4e7eb"),
    "not_applicable": colors.white,
    "event": colors.HexColor("#fde2e1"),
    "censored": colors.HexColor("#e3f2fd"),
    "computed": colors.white,
}


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_centre: ParagraphStyle
    tiny_centre: ParagraphStyle
    head: ParagraphStyle
    toc1: ParagraphStyle
    toc2: ParagraphStyle


@functools.cache
def styles() -> Styles:
    """The paragraph styles (fonts registered on first use)."""
    register_fonts()

    def style(name: str, size: float, bold: bool = False, **kw) -> ParagraphStyle:
        kw.setdefault("leading", size * 1.25)
        kw.setdefault("textColor", INK)
        return ParagraphStyle(name, fontName=FONT_BOLD if bold else FONT, fontSize=size, **kw)

    return Styles(
        title=style("td-title", 20, True, leading=26, spaceAfter=6),
        subtitle=style("td-subtitle", 11, leading=15, textColor=MUTED, spaceAfter=4),
        h1=style("td-h1", 14, True, spaceBefore=4, spaceAfter=6),
        h2=style("td-h2", 11, True, spaceBefore=8, spaceAfter=4),
        h3=style("td-h3", 9.5, True, spaceBefore=4, spaceAfter=2),
        body=style("td-body", 9.5, spaceAfter=4),
        small=style("td-small", 8, textColor=MUTED),
        cell=style("td-cell", CELL_SIZE, leading=CELL_LEADING),
        cell_bold=style("td-cell-b", 8.5, True, leading=10.5),
        cell_right=style("td-cell-r", 8.5, leading=10.5, alignment=TA_RIGHT),
        cell_centre=style("td-cell-c", 8.5, leading=10.5, alignment=TA_CENTER),
        tiny_centre=style("td-tiny-c", 6.5, leading=8, alignment=TA_CENTER, textColor=MUTED),
        head=style("td-head", 8, True, leading=10, alignment=TA_LEFT),
        toc1=style("td-toc1", 11, True, leading=15, leftIndent=0, spaceBefore=4),
        toc2=style("td-toc2", 9, leading=12, leftIndent=8 * mm, textColor=MUTED),
    )


def p(text: object, style: ParagraphStyle | None = None) -> Paragraph:
    """A Paragraph of plain text (escaped, with glyph fallback)."""
    return Paragraph(para_text(text), style or styles().cell)


def pm(markup: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A Paragraph of trusted markup (callers escape any data with para_text)."""
    return Paragraph(markup, style or styles().cell)


def fast_cell(value: object, width: float, style: ParagraphStyle | None = None) -> object:
    """A table cell: plain text wrapped to the column here when it is all in the Korean font without fallback
    glyphs (much faster to lay out and draw than a Paragraph), else a wrapping Paragraph. Tables split rows
    across pages (splitInRow), so long text flows on and is never cut."""
    if hasattr(value, "wrapOn"):
        return value
    text = "" if value is None else str(value)
    st = style or styles().cell
    if st.fontName in (FONT, FONT_BOLD) and st.fontSize == CELL_SIZE and st.alignment == TA_LEFT:
        if st.fontName == FONT and all(not fb for fb, _ in text_runs(text)):
            lines = wrap_lines(text, width - 2 * CELL_PAD)
            if len(lines) <= 8:  # a longer text is a TextCell, which splits by lines across pages exactly
                return "\n".join(lines)
        return TextCell(text, CELL_SIZE, CELL_LEADING, bold=st.fontName == FONT_BOLD, color=st.textColor)
    return p(text, st)


def base_table_style(header_rows: int = 1, zebra: bool = True, nrows: int = 0) -> list[tuple]:
    """Grid, header shading and the Korean font for a data table."""
    cmds: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("BOX", (0, 0), (-1, -1), 0.5, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
    ]
    if header_rows:
        cmds += [
            ("FONTNAME", (0, 0), (-1, header_rows - 1), FONT_BOLD),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG),
        ]
    if zebra:
        for row in range(header_rows + 1, nrows, 2):
            cmds.append(("BACKGROUND", (0, row), (-1, row), ZEBRA))
    return cmds


def data_table(
    header: list[str], rows: list[list[object]], widths: list[float], extra: list[tuple] | None = None
) -> Flowable:
    """A data table: header row in bold, cells wrapped, repeated header on page breaks, rows split across pages.
    A long text in a narrow column (over LONG_CELL characters) shows its start in the cell and prints whole,
    at the full width, under the table (a Stack of the table and those texts)."""
    data: list[list[object]] = [[TextCell(h, 8, 10, bold=True, color=INK) for h in header]]
    narrow = sum(widths) / 2
    notes: list[Flowable] = []
    for row in rows:
        cells = list(row)
        for c, (value, w) in enumerate(zip(row, widths, strict=True)):
            if isinstance(value, str) and len(value) > LONG_CELL and w < narrow:
                n = len(notes) + 1
                cells[c] = f"{value[:60].rstrip()} … (whole text: note {n} under the table)"
                notes.append(TextCell(f"Note {n} — {header[c]}, row {len(data)}: {value}", CELL_SIZE, CELL_LEADING,
                                      color=INK, width=sum(widths)))
        data.append([fast_cell(c, w) for c, w in zip(cells, widths, strict=True)])
    table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(base_table_style(1, True, len(data)) + (extra or [])))
    return Stack([table, *notes]) if notes else table


class Stack(Flowable):
    """Flowables one under the other, laid out as one (they split apart across pages)."""

    def __init__(self, parts: list[Flowable], gap: float = 3) -> None:
        super().__init__()
        self.parts = parts
        self.gap = gap

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        sizes = [part.wrap(avail_w, avail_h) for part in self.parts]
        self.width = max(w for w, _ in sizes)
        self.height = sum(h for _, h in sizes) + self.gap * (len(self.parts) - 1)
        return self.width, self.height

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        out: list[Flowable] = []
        for part in self.parts:
            out += [part, Spacer(1, self.gap)]
        return out[:-1]

    def draw(self) -> None:
        y = self.height
        for part in self.parts:
            y -= part.height
            part.drawOn(self.canv, 0, y)
            y -= self.gap


def key_value_table(pairs: list[tuple[str, object]], widths: tuple[float, float]) -> Table:
    """Two-column label/value table without a header."""
    st = styles()
    data = [[fast_cell(k, widths[0], st.cell_bold), fast_cell(v, widths[1])] for k, v in pairs]
    table = Table(data, colWidths=list(widths), splitInRow=1)
    table.setStyle(
        TableStyle(
            base_table_style(0, False)
            + [("BACKGROUND", (0, 0), (0, -1), HEAD_BG), ("FONTNAME", (0, 0), (0, -1), FONT_BOLD)]
        )
    )
    return table
