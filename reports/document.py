"""The printed page: A4 portrait frame, header and footer on every page, bookmarks, odd-page starts, cancellation.

Header and footer are drawn after layout (a canvas that keeps every page until save), so each page can say
"Page X of Y" and, in a binder, which subject it belongs to and that subject's own page count. Flowables
defined here steer the layout: `Anchor` (bookmark + outline entry + TOC entry, and the subject a page
belongs to), `OddPageBreak` (next content starts on an odd page; a blank page is inserted and labelled),
`Checkpoint` (calls the progress callback and raises `BuildCancelled` when the cancel callable says so).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import ActionFlowable, BaseDocTemplate, Flowable, Frame, PageTemplate

from reports.fonts import draw_text, register_fonts
from reports.styles import MUTED, RULE

PAGE_W, PAGE_H = A4
MARGIN_X = 15 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 18 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


class BuildCancelled(Exception):
    """The user cancelled a long print job; no file was left behind."""


@dataclass(frozen=True)
class Furniture:
    """What the header and footer of every page say.

    protocol: short protocol name; title: document kind ("Subject summary", "Subject binder", "Blank CRF");
    printed_on: print date; db_changed: the database's last-change time as shown (None: left out, for forms
    that print no data); group_pages: also print the page's group (subject or form) and its page within it.
    """

    protocol: str
    title: str
    printed_on: date
    db_changed: str | None
    group_pages: bool = False


def format_db_changed(value: datetime | date | str | None) -> str | None:
    """Show a last-change time as YYYY-MM-DD HH:MM (a date alone as YYYY-MM-DD)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def _canvas_class(furniture: Furniture) -> type[Canvas]:
    class FurnitureCanvas(Canvas):
        """Keeps every page until save, then draws header and footer knowing the page count."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._td_pages: list[dict] = []
            self._td_label: str | None = None
            self._td_group: str | None = None
            self._td_blank = False

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._td_pages.append(dict(self.__dict__))
            self._td_blank = False
            self._startPage()

        def save(self) -> None:
            pages = self._td_pages
            total = len(pages)
            groups = [state["_td_group"] for state in pages]
            run_index: list[tuple[int, int]] = []
            start = 0
            for i in range(total + 1):
                if i == total or groups[i] != groups[start]:
                    run_index += [(j - start + 1, i - start) for j in range(start, i)]
                    start = i
            for number, state in enumerate(pages, start=1):
                self.__dict__.update(state)
                _draw_furniture(self, furniture, number, total, state["_td_label"], state["_td_group"],
                                run_index[number - 1])
                if state["_td_blank"]:
                    draw_text(self, PAGE_W / 2, PAGE_H / 2, "This page is intentionally left blank.", 10,
                              align="centre")
                Canvas.showPage(self)
            Canvas.save(self)

    return FurnitureCanvas


def _draw_furniture(canv: Canvas, f: Furniture, number: int, total: int, label: str | None, group: str | None,
                    group_page: tuple[int, int]) -> None:
    canv.saveState()
    canv.setFillColor(MUTED)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    top = PAGE_H - 12 * mm
    draw_text(canv, MARGIN_X, top, f.protocol, 8.5, bold=True)
    draw_text(canv, PAGE_W / 2, top, f.title, 8.5, align="centre")
    if label:
        draw_text(canv, PAGE_W - MARGIN_X, top, label, 8.5, bold=True, align="right")
    canv.line(MARGIN_X, top - 2.5 * mm, PAGE_W - MARGIN_X, top - 2.5 * mm)
    bottom = 10 * mm
    canv.line(MARGIN_X, bottom + 4 * mm, PAGE_W - MARGIN_X, bottom + 4 * mm)
    left = f"Printed {f.printed_on.isoformat()}"
    if f.db_changed is not None:
        left += f" · database last changed {f.db_changed}"
    draw_text(canv, MARGIN_X, bottom, left, 7.5)
    right = f"Page {number} of {total}"
    if f.group_pages and group:
        right = f"{group}: page {group_page[0]} of {group_page[1]} · {right}"
    draw_text(canv, PAGE_W - MARGIN_X, bottom, right, 7.5, bold=True, align="right")
    canv.restoreState()


class TrialDoc(BaseDocTemplate):
    """A4 portrait document with one full-width frame and the layout actions below."""

    def __init__(self, filename: str, furniture: Furniture, cancelled: Cancelled | None = None,
                 progress: Progress | None = None, **kw) -> None:
        register_fonts()
        super().__init__(
            filename, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, title=f"{furniture.protocol} — {furniture.title}",
            author="TrialDesk", creator="TrialDesk", **kw,
        )
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self.furniture = furniture
        self.cancelled = cancelled
        self.progress = progress
        self.passes = 0

    def build_story(self, story: list[Flowable], multi_pass: bool = False) -> None:
        """Lay out and write the story (several passes when it holds a table of contents)."""
        maker = _canvas_class(self.furniture)
        if multi_pass:
            self.multiBuild(story, canvasmaker=maker)
        else:
            self.build(story, canvasmaker=maker)

    def beforeDocument(self) -> None:  # noqa: N802 (reportlab's name)
        self.passes += 1

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        entry = getattr(flowable, "toc_entry", None)
        if entry is not None:
            level, text, key = entry
            self.notify("TOCEntry", (level, text, self.page, key))

    def handle_oddPageBreak(self) -> None:  # noqa: N802 (ActionFlowable dispatch name)
        """End the current page (if it has content) and leave one blank page if the next would be even."""
        if self._curPageFlowableCount:
            self.handle_pageBreak()
            next_page = self.page + 1
        else:
            next_page = self.page
        if next_page % 2 == 0:
            self.clean_hanging()
            self.canv._td_blank = True
            self.handle_pageBreak()

    def handle_checkpoint(self, done: int, total: int, message: str) -> None:
        """Report progress and stop when cancelled (between subjects and sections)."""
        if self.cancelled is not None and self.cancelled():
            raise BuildCancelled(message)
        if self.progress is not None:
            self.progress(done, total, message)


class OddPageBreak(ActionFlowable):
    """Start what follows on an odd page (a new sheet in a duplex-printed binder)."""

    def __init__(self) -> None:
        super().__init__(("oddPageBreak",))


class Checkpoint(ActionFlowable):
    """Progress report and cancellation point: calls the document's callbacks when reached."""

    def __init__(self, done: int, total: int, message: str) -> None:
        super().__init__(("checkpoint", done, total, message))


class Anchor(Flowable):
    """Zero-size marker: PDF bookmark and outline entry, optional TOC entry, and from here on the header's
    right-hand label and the page group (a subject, a form) counted in the footer."""

    def __init__(self, key: str, title: str, level: int, label: str | None = None, group: str | None = None,
                 toc_level: int | None = None, toc_text: str | None = None) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.level = level
        self.label = label
        self.group = group
        self.toc_entry = (toc_level, toc_text or title, key) if toc_level is not None else None

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        if self.label is not None:
            canv._td_label = self.label
        if self.group is not None:
            canv._td_group = self.group
        canv.bookmarkPage(self.key)
        canv.addOutlineEntry(self.title, self.key, level=self.level, closed=self.level > 0)


def write_atomically(out_path: str | os.PathLike[str], write: Callable[[str], None]) -> Path:
    """Run write(temp_path) on a temporary file beside out_path, then move it into place.

    A failed or cancelled write leaves neither the temporary file nor a partial out_path.
    """
    target = Path(out_path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    os.close(fd)
    try:
        write(temp)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target
