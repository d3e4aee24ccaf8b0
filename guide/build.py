"""The user guide's PDF builder: Markdown chapters of one language -> an A4 PDF with a cover, a table of contents,
numbered chapters and sections, PDF bookmarks and the screen tour's screenshots.

    python -m guide.build --tour DIR [--lang en|ko|all] [--out-dir resources/guide] [--draft]
    report = build_guide("ko", Path("user-guide-ko.pdf"), tour_dir=Path("tour"))

Sources: `guide/<lang>/NN-name.md`, one chapter per file in file-name order, `#` the chapter, `##` its sections,
`###` sub-sections; `guide/<lang>/meta.toml` holds the cover and the few words the builder prints itself.
A screenshot is a paragraph holding only `![caption](screen:NAME)`, NAME being a screen of the screen tour
(`main.py screenshots`, whose DIR/screens.json maps names to PNG files). A screenshot missing from the tour fails
the build, naming every missing screen, unless `draft` is set: then its place shows "[screenshot: NAME]".

Markdown is parsed by markdown-it-py (CommonMark and tables); the PDF is laid out by reportlab in the bundled
fonts (reports.fonts: Nanum Gothic for Hangul, DejaVu for the symbols it lacks), every font embedded. Bookmarks
are placed after each heading is laid out (`afterFlowable`), so each lands on the page where its heading stands.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from markdown_it import MarkdownIt
from markdown_it.token import Token
from PIL import Image as PILImage
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import NextPageTemplate
from reportlab.platypus.tableofcontents import TableOfContents

from reports.fonts import FONT, FONT_BOLD, para_text, register_fonts

GUIDE_DIR = Path(__file__).resolve().parent
LANGUAGES = ("en", "ko")
SCREEN_SCHEME = "screen:"
SCREEN_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
MONO = "DejaVuSansMono"
PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
FRAME_W = PAGE_W - 2 * MARGIN
SHOT_MAX_H = 105 * mm
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
NOTE_BG = colors.HexColor("#eef4fb")
HEAD_BG = colors.HexColor("#e4e7eb")
RULE = colors.HexColor("#9aa5b1")


class GuideError(Exception):
    """The guide cannot be built as asked (missing screenshots, a bad source); the message says what to do."""


@dataclass(frozen=True)
class BuildReport:
    """What one build wrote: the file, its pages and size, and the screens shown as draft markers."""

    path: Path
    pages: int
    size_bytes: int
    placeholders: tuple[str, ...]


# sources ------------------------------------------------------------------------------------------------------


def chapter_files(lang: str, source_dir: Path = GUIDE_DIR) -> list[Path]:
    """The chapter files of one language, in order."""
    files = sorted((source_dir / lang).glob("[0-9][0-9]-*.md"))
    if not files:
        raise GuideError(f"No chapters found in {source_dir / lang} (expected NN-name.md files).")
    return files


def load_meta(lang: str, source_dir: Path = GUIDE_DIR) -> dict[str, str]:
    """The cover texts and builder words of one language (meta.toml)."""
    with open(source_dir / lang / "meta.toml", "rb") as handle:
        return tomllib.load(handle)


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def screens_named(lang: str, source_dir: Path = GUIDE_DIR) -> list[str]:
    """Every screen name the guide of `lang` shows, in order of first appearance."""
    names: list[str] = []
    for path in chapter_files(lang, source_dir):
        for token in _parser().parse(path.read_text(encoding="utf-8")):
            for child in token.children or ():
                if child.type == "image" and str(child.attrs.get("src", "")).startswith(SCREEN_SCHEME):
                    name = str(child.attrs["src"])[len(SCREEN_SCHEME):]
                    if name not in names:
                        names.append(name)
    return names


def tour_screens(tour_dir: Path) -> dict[str, Path]:
    """Screen name -> PNG file of a screen-tour folder: from its screens.json, else from the PNG file names."""
    index = tour_dir / "screens.json"
    if index.is_file():
        data = json.loads(index.read_text(encoding="utf-8"))
        return {entry["name"]: tour_dir / entry["png"] for entry in data.get("screens", [])}
    return {path.stem: path for path in sorted(tour_dir.glob("*.png"))}


# styles -------------------------------------------------------------------------------------------------------


def _register_mono() -> None:
    if MONO not in pdfmetrics.getRegisteredFontNames():
        import matplotlib

        folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
        pdfmetrics.registerFont(TTFont(MONO, str(folder / "DejaVuSansMono.ttf")))


def _styles() -> dict[str, ParagraphStyle]:
    # Both languages wrap between words (Korean between eojeol, as Korean documents usually do).
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=15, textColor=INK, spaceAfter=5)
    return {
        "body": body,
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11.5, spaceAfter=0),
        "head_cell": ParagraphStyle("head_cell", parent=body, fontName=FONT_BOLD, fontSize=8.5, leading=11.5,
                                    spaceAfter=0),
        "code": ParagraphStyle("code", parent=body, fontName=MONO, fontSize=8.5, leading=11.5, spaceAfter=0),
        "caption": ParagraphStyle("caption", parent=body, fontSize=8.5, leading=11, textColor=MUTED,
                                  alignment=TA_CENTER, spaceBefore=2, spaceAfter=8),
        "h1": ParagraphStyle("h1", parent=body, fontName=FONT_BOLD, fontSize=20, leading=26, spaceAfter=12,
                             keepWithNext=True),
        "h2": ParagraphStyle("h2", parent=body, fontName=FONT_BOLD, fontSize=13.5, leading=18, spaceBefore=12,
                             spaceAfter=6, keepWithNext=True),
        "h3": ParagraphStyle("h3", parent=body, fontName=FONT_BOLD, fontSize=11, leading=15, spaceBefore=8,
                             spaceAfter=3, keepWithNext=True),
        "title": ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=26, leading=34,
                                alignment=TA_CENTER, spaceAfter=10),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=13, leading=19, alignment=TA_CENTER,
                                   textColor=MUTED, spaceAfter=6),
        "toc_title": ParagraphStyle("toc_title", parent=body, fontName=FONT_BOLD, fontSize=18, leading=24,
                                    spaceAfter=14),
        "toc0": ParagraphStyle("toc0", parent=body, fontName=FONT_BOLD, fontSize=10.5, leading=15,
                               leftIndent=8 * mm, firstLineIndent=-8 * mm, spaceBefore=5, spaceAfter=0),
        "toc1": ParagraphStyle("toc1", parent=body, fontSize=9.5, leading=13, leftIndent=16 * mm,
                               firstLineIndent=-8 * mm, spaceAfter=0),
    }


def _table_style(commands: list[tuple]) -> TableStyle:
    """A table style that names the body font: reportlab's tables otherwise select Helvetica (not embedded)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


# flowables ----------------------------------------------------------------------------------------------------


class Heading(Paragraph):
    """A numbered heading: a bookmark and outline entry at the place it is drawn, a TOC entry for levels 0-1."""

    def __init__(self, text: str, style: ParagraphStyle, level: int, key: str, plain: str) -> None:
        super().__init__(text, style)
        self.outline_level, self.outline_key, self.outline_title = level, key, plain


class GuideDoc(BaseDocTemplate):
    """A4 pages with the guide's title in the header and the page number in the footer."""

    def __init__(self, filename: str, header: str, footer: str, **kwargs: object) -> None:
        super().__init__(filename, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + 4 * mm,
                         bottomMargin=MARGIN, initialFontName=FONT, initialFontSize=10, **kwargs)
        self.header, self.footer = header, footer
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="cover", frames=[frame]),
                               PageTemplate(id="page", frames=[frame], onPage=self._furniture)])

    def _furniture(self, canv, doc) -> None:  # noqa: ANN001 - reportlab callback
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        top = PAGE_H - MARGIN + 1 * mm
        canv.line(MARGIN, top, PAGE_W - MARGIN, top)
        canv.setFillColor(MUTED)
        canv.setFont(FONT, 8)
        canv.drawString(MARGIN, top + 1.5 * mm, self.header)
        canv.drawRightString(PAGE_W - MARGIN, MARGIN - 8 * mm, self.footer.format(page=doc.page))
        canv.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        if isinstance(flowable, Heading):
            self.canv.bookmarkPage(flowable.outline_key)
            self.canv.addOutlineEntry(flowable.outline_title, flowable.outline_key, level=flowable.outline_level,
                                      closed=flowable.outline_level > 0)
            if flowable.outline_level <= 1:
                self.notify("TOCEntry", (flowable.outline_level, flowable.outline_title, self.page,
                                         flowable.outline_key))


def _screenshot(name: str, caption: str, png: Path | None, labels: dict[str, str],
                styles: dict[str, ParagraphStyle]) -> Flowable:
    """The screen's PNG scaled into the frame (or the draft marker), with its caption."""
    text = f"{para_text(caption)} <font color='#9aa5b1'>({escape(labels['screen'])}: {escape(name)})</font>"
    caption_para = Paragraph(text, styles["caption"])
    if png is None:
        box = Table([[Paragraph(f"<b>[screenshot: {escape(name)}]</b>", styles["caption"])]],
                    colWidths=[FRAME_W * 0.8], rowHeights=[30 * mm])
        box.setStyle(_table_style([("BOX", (0, 0), (-1, -1), 1, colors.HexColor("#c0392b")),
                                 ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fdecea")),
                                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        return KeepTogether([Spacer(1, 3 * mm), box, caption_para])
    with PILImage.open(png) as image:
        width_px, height_px = image.size
    # 96-dpi pixels at print size, shrunk to fit the frame and the height limit.
    scale = min(0.75, FRAME_W / width_px, SHOT_MAX_H / height_px)
    picture = Image(str(png), width=width_px * scale, height=height_px * scale)
    frame = Table([[picture]], colWidths=[width_px * scale + 2])
    frame.setStyle(_table_style([("BOX", (0, 0), (-1, -1), 0.5, RULE), ("LEFTPADDING", (0, 0), (-1, -1), 1),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 1), ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return KeepTogether([Spacer(1, 3 * mm), frame, caption_para])


# Markdown -> flowables ----------------------------------------------------------------------------------------


def _inline(token: Token) -> str:
    """Paragraph markup of one inline token."""
    out: list[str] = []
    for child in token.children or ():
        kind = child.type
        if kind == "text":
            if "**" in child.content or "__" in child.content:
                # CommonMark does not close emphasis after punctuation followed by a letter ("**저장(Save)**을"):
                # write "**저장**(Save)을".
                raise GuideError(f"Unclosed emphasis in {token.content[:80]!r}")
            out.append(para_text(child.content))
        elif kind in ("softbreak",):
            out.append(" ")
        elif kind == "hardbreak":
            out.append("<br/>")
        elif kind == "strong_open":
            out.append("<b>")
        elif kind == "strong_close":
            out.append("</b>")
        elif kind == "em_open":
            out.append("<font color='#3e4c59'>")
        elif kind == "em_close":
            out.append("</font>")
        elif kind == "code_inline":
            out.append(_code_text(child.content))
        elif kind in ("link_open", "link_close"):
            continue
        elif kind == "image":
            raise GuideError(f"An image must be a paragraph of its own: {child.content!r}")
        else:
            raise GuideError(f"Unsupported Markdown inline element {kind!r} in {token.content[:60]!r}")
    return "".join(out)


def _code_text(text: str) -> str:
    if text.isascii():
        return f"<font name='{MONO}' size='8.8' color='#1d3557'>{escape(text)}</font>"
    return f"<font color='#1d3557'>{para_text(text)}</font>"


def _plain(token: Token) -> str:
    return "".join(child.content for child in token.children or () if child.type in ("text", "code_inline"))


class _Converter:
    """Walks markdown-it's token stream of one chapter and builds its flowables."""

    def __init__(self, chapter: int, styles: dict[str, ParagraphStyle], screens: dict[str, Path],
                 draft: bool, labels: dict[str, str], source: Path) -> None:
        self.chapter, self.styles, self.screens, self.draft = chapter, styles, screens, draft
        self.labels, self.source = labels, source
        self.section = self.sub = 0
        self.placeholders: list[str] = []
        self.missing: list[str] = []

    def convert(self, tokens: list[Token]) -> list[Flowable]:
        flowables, end = self._blocks(tokens, 0, None)
        assert end == len(tokens)
        return flowables

    def _blocks(self, tokens: list[Token], i: int, close: str | None) -> tuple[list[Flowable], int]:
        out: list[Flowable] = []
        while i < len(tokens):
            token = tokens[i]
            if close is not None and token.type == close:
                return out, i + 1
            if token.type == "heading_open":
                out.append(self._heading(token.tag, tokens[i + 1]))
                i += 3
            elif token.type == "paragraph_open":
                out.append(self._paragraph(tokens[i + 1], self.styles["body"]))
                i += 3
            elif token.type in ("bullet_list_open", "ordered_list_open"):
                flowable, i = self._list(tokens, i)
                out.append(flowable)
            elif token.type == "table_open":
                flowable, i = self._table(tokens, i)
                out.append(flowable)
            elif token.type == "blockquote_open":
                inner, i = self._blocks(tokens, i + 1, "blockquote_close")
                out.append(self._note(inner))
            elif token.type in ("fence", "code_block"):
                out.append(self._code(token.content))
                i += 1
            elif token.type == "hr":
                out.append(Spacer(1, 4 * mm))
                i += 1
            else:
                raise GuideError(f"{self.source.name}: unsupported Markdown block {token.type!r} "
                                 f"(line {token.map[0] + 1 if token.map else '?'})")
        return out, i

    def _heading(self, tag: str, inline: Token) -> Flowable:
        plain = _plain(inline)
        if tag == "h1":
            number = f"{self.chapter}"
            level, style = 0, self.styles["h1"]
        elif tag == "h2":
            self.section, self.sub = self.section + 1, 0
            number, level, style = f"{self.chapter}.{self.section}", 1, self.styles["h2"]
        elif tag == "h3":
            self.sub += 1
            number, level, style = f"{self.chapter}.{self.section}.{self.sub}", 2, self.styles["h3"]
        else:
            raise GuideError(f"{self.source.name}: headings go three levels deep at most ({plain!r}).")
        key = f"h{number.replace('.', '_')}"
        text = f"{number}&nbsp;&nbsp;{_inline(inline)}"
        return Heading(text, style, level, key, f"{number} {plain}")

    def _paragraph(self, inline: Token, style: ParagraphStyle) -> Flowable:
        children = [c for c in inline.children or () if not (c.type == "text" and not c.content.strip())]
        if len(children) == 1 and children[0].type == "image":
            image = children[0]
            src = str(image.attrs.get("src", ""))
            if not src.startswith(SCREEN_SCHEME):
                raise GuideError(f"{self.source.name}: images come from the screen tour: use screen:NAME ({src}).")
            name = src[len(SCREEN_SCHEME):]
            if not SCREEN_NAME.match(name):
                raise GuideError(f"{self.source.name}: {name!r} is not a screen name (lower case, digits, _).")
            png = self.screens.get(name)
            if png is not None and not png.is_file():
                png = None
            if png is None:
                self.missing.append(name)
                self.placeholders.append(name)
            caption = "".join(c.content for c in image.children or ())
            return _screenshot(name, caption, png, self.labels, self.styles)
        return Paragraph(_inline(inline), style)

    def _list(self, tokens: list[Token], i: int) -> tuple[Flowable, int]:
        ordered = tokens[i].type == "ordered_list_open"
        close = "ordered_list_close" if ordered else "bullet_list_close"
        items: list[ListItem] = []
        i += 1
        while tokens[i].type != close:
            assert tokens[i].type == "list_item_open"
            content, i = self._blocks(tokens, i + 1, "list_item_close")
            items.append(ListItem(content))
        kwargs = {"bulletType": "1", "bulletFormat": "%s."} if ordered else {"bulletType": "bullet", "start": "•"}
        flowable = ListFlowable(items, bulletFontName=FONT, bulletFontSize=9.5, leftIndent=6 * mm,
                                bulletDedent=4.5 * mm, spaceAfter=4, **kwargs)
        return flowable, i + 1

    def _table(self, tokens: list[Token], i: int) -> tuple[Flowable, int]:
        rows: list[list[Paragraph]] = []
        texts: list[list[str]] = []
        header = True
        i += 1
        while tokens[i].type != "table_close":
            kind = tokens[i].type
            if kind == "tbody_open":
                header = False
            elif kind == "tr_open":
                rows.append([])
                texts.append([])
            elif kind in ("th_open", "td_open"):
                inline = tokens[i + 1]
                style = self.styles["head_cell" if header else "cell"]
                rows[-1].append(Paragraph(_inline(inline), style))
                texts[-1].append(inline.content)
                i += 2
            i += 1
        widths = _column_widths(texts)
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(_table_style([
            ("GRID", (0, 0), (-1, -1), 0.4, RULE), ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3), ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]))
        table.spaceBefore, table.spaceAfter = 3, 8
        return table, i + 1

    def _note(self, inner: list[Flowable]) -> Flowable:
        box = Table([[inner]], colWidths=[FRAME_W])
        box.setStyle(_table_style([("BACKGROUND", (0, 0), (-1, -1), NOTE_BG),
                                 ("LINEBEFORE", (0, 0), (0, -1), 2.5, colors.HexColor("#3d7cc9")),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                                 ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        box.spaceBefore, box.spaceAfter = 3, 8
        return box

    def _code(self, text: str) -> Flowable:
        lines = []
        for line in text.rstrip("\n").split("\n"):
            stripped = line.lstrip(" ")
            indent = "&nbsp;" * (len(line) - len(stripped))
            lines.append(indent + (escape(stripped) if stripped.isascii() else para_text(stripped)))
        box = Table([[Paragraph("<br/>".join(lines), self.styles["code"])]], colWidths=[FRAME_W])
        box.setStyle(_table_style([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f5f7fa")),
                                 ("BOX", (0, 0), (-1, -1), 0.4, RULE), ("LEFTPADDING", (0, 0), (-1, -1), 6),
                                 ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        box.spaceBefore, box.spaceAfter = 2, 8
        return box


def _column_widths(texts: list[list[str]]) -> list[float]:
    """Column widths in proportion to each column's longest cell (square root, so long prose gets its share)."""
    columns = max(len(row) for row in texts)
    weights = [max(len(row[c]) if c < len(row) else 0 for row in texts) ** 0.5 + 2 for c in range(columns)]
    total = sum(weights)
    return [FRAME_W * w / total for w in weights]


# the book -----------------------------------------------------------------------------------------------------


def _cover(meta: dict[str, str], styles: dict[str, ParagraphStyle], built: date) -> list[Flowable]:
    story: list[Flowable] = [Spacer(1, 55 * mm), Paragraph(para_text(meta["title"]), styles["title"]),
                             Paragraph(para_text(meta["subtitle"]), styles["subtitle"]), Spacer(1, 12 * mm)]
    for line in meta["cover_lines"]:
        story.append(Paragraph(para_text(line), styles["subtitle"]))
    story.append(Spacer(1, 30 * mm))
    story.append(Paragraph(para_text(meta["built"].format(date=built.isoformat())), styles["subtitle"]))
    return story


def build_guide(lang: str, out: Path, tour_dir: Path | None = None, draft: bool = False,
                source_dir: Path = GUIDE_DIR, built: date | None = None) -> BuildReport:
    """Build the guide of `lang` into `out` (written under a temporary name, moved into place when complete)."""
    register_fonts()
    _register_mono()
    meta = load_meta(lang, source_dir)
    styles = _styles()
    screens = tour_screens(tour_dir) if tour_dir is not None and tour_dir.is_dir() else {}
    labels = {"screen": meta["screen_label"]}

    chapters: list[Flowable] = []
    placeholders: list[str] = []
    missing: list[str] = []
    for number, path in enumerate(chapter_files(lang, source_dir), start=1):
        converter = _Converter(number, styles, screens, draft, labels, path)
        flowables = converter.convert(_parser().parse(path.read_text(encoding="utf-8")))
        if not flowables or not isinstance(flowables[0], Heading) or flowables[0].outline_level != 0:
            raise GuideError(f"{path.name} must start with its chapter title (# Title).")
        chapters += [PageBreak(), *flowables]
        placeholders += converter.placeholders
        missing += [name for name in converter.missing if name not in missing]
    if missing and not draft:
        where = tour_dir if tour_dir is not None else "(no tour folder given)"
        raise GuideError(f"{len(missing)} screenshot(s) missing from the screen tour {where}: {', '.join(missing)}. "
                         "Run `main.py screenshots --db DEMO --out DIR` and pass --tour DIR, or build with --draft.")

    toc = TableOfContents(levelStyles=[styles["toc0"], styles["toc1"]], dotsMinLevel=0,
                          tableStyle=_table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                                   ("TOPPADDING", (0, 0), (-1, -1), 0),
                                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    story: list[Flowable] = [*_cover(meta, styles, built or date.today()), NextPageTemplate("page"), PageBreak(),
                             Paragraph(para_text(meta["contents"]), styles["toc_title"]), toc, *chapters]
    out.parent.mkdir(parents=True, exist_ok=True)
    part = out.with_name(f".{out.name}.part")
    doc = GuideDoc(str(part), header=meta["title"], footer=meta["page"], title=meta["title"],
                   author="TrialDesk", subject=meta["subtitle"], lang="ko-KR" if lang == "ko" else "en-GB")
    try:
        doc.multiBuild(story)
        part.replace(out)
    finally:
        part.unlink(missing_ok=True)
    return BuildReport(out, doc.page, out.stat().st_size, tuple(placeholders))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide.build", description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=(*LANGUAGES, "all"), default="all")
    parser.add_argument("--tour", type=Path, help="screen-tour folder (main.py screenshots --out DIR)")
    parser.add_argument("--out-dir", type=Path, default=GUIDE_DIR.parent / "resources" / "guide")
    parser.add_argument("--draft", action="store_true", help='mark missing screenshots "[screenshot: NAME]"')
    args = parser.parse_args(argv)
    for lang in LANGUAGES if args.lang == "all" else (args.lang,):
        try:
            report = build_guide(lang, args.out_dir / f"user-guide-{lang}.pdf", args.tour, args.draft)
        except GuideError as exc:
            print(f"guide ({lang}): {exc}", file=sys.stderr)
            return 2
        note = f", {len(report.placeholders)} screenshot(s) as draft markers" if report.placeholders else ""
        print(f"{report.path}: {report.pages} pages, {report.size_bytes / 1024:.0f} KiB{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
