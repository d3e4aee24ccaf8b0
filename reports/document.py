"""The printed page: A4 portrait frame, header and footer on every page, bookmarks, odd-page starts, cancellation.

Header and footer are drawn after layout (a canvas that keeps every page until save), so each page can say
"Page X of Y" and, in a binder, which subject it belongs to and that subject's own page count; bookmarks and
table-of-contents page numbers are added at the same time, so one layout pass suffices. Flowables defined
here steer the layout: `Anchor` (bookmark + outline entry, and the label and group of the pages that
follow), `PageSlot` (the page number of an anchor), `OddPageBreak` (next content starts on an odd page; a
blank, labelled page is inserted), `Checkpoint` (calls the progress callback and raises `BuildCancelled`
when the cancel callable says so).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import ActionFlowable, BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, tables

from reports.fonts import FONT, draw_text, register_fonts
from reports.styles import MUTED, RULE
from reports.texts import tr

rl_config.useA85 = 0  # binary (Flate only) streams: a quarter smaller and faster than ASCII85 text
tables.CellStyle.fontname = FONT  # a table cell without a FONTNAME style: Nanum, never the base-14 Helvetica
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

    protocol: short protocol name; title: document kind ("Subject casebook", "Subject binder", "Blank CRF");
    printed_on: print date; db_changed: the database's last-change time as shown (None: left out, for forms
    that print no data); group_pages: also print the page's group (subject or form) and its page within it;
    site: the site's name; as_of: the data cut date (None: no data printed). The data cut (as-of date and last
    change) stands in the header of every page; each page group also gets PDF page labels ("LN-01-3").
    page_offset: for one part of a binder (reports.pdf_stream), the binder pages before this document: the
    footer then says "binder page N" instead of "Page X of Y". audit_head: the audit trail's head as printed
    (reports.source.printed_head, "" for none), in the footer; the footer gives the last-change time only where the
    header does not (no as-of date).
    """

    protocol: str
    title: str
    printed_on: date
    db_changed: str | None
    group_pages: bool = False
    site: str = ""
    as_of: date | None = None
    page_offset: int | None = None
    audit_head: str = ""


def format_db_changed(value: datetime | date | str | None) -> str | None:
    """Show a last-change time as YYYY-MM-DD HH:MM (a date alone as YYYY-MM-DD)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def _canvas_class(furniture: Furniture, page_numbers: dict[str, int]) -> type[Canvas]:
    class FurnitureCanvas(Canvas):
        """Keeps every page until save, then adds what needs the final page numbers: header and footer,
        bookmarks and outline entries (recorded by `Anchor`), and page numbers in `PageSlot`s."""

        def __init__(self, *args, **kwargs) -> None:
            kwargs["initialFontName"] = FONT  # never the base-14 Helvetica reportlab starts with
            super().__init__(*args, **kwargs)
            self._td_pages: list[dict] = []
            self._td_label: str | None = None
            self._td_group: str | None = None
            self._td_blank = False
            self._td_marks: list[tuple[str, str, int, float]] = []
            self._td_slots: list[tuple[str, float, float, float]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._td_pages.append(dict(self.__dict__))
            self._td_blank = False
            self._td_marks = []
            self._td_slots = []
            self._startPage()

        def save(self) -> None:
            pages = self._td_pages
            total = len(pages)
            page_of = dict(page_numbers)
            page_of.update({key: n for n, st in enumerate(pages, start=1) for key, *_ in st["_td_marks"]})
            groups = [state["_td_group"] for state in pages]
            run_index: list[tuple[int, int]] = []
            start = 0
            for i in range(total + 1):
                if i == total or groups[i] != groups[start]:
                    run_index += [(j - start + 1, i - start) for j in range(start, i)]
                    start = i
            for number, state in enumerate(pages, start=1):
                if number == 1 or groups[number - 1] != groups[number - 2]:
                    self.addPageLabel(number - 1, "D", 1, f"{groups[number - 1]}-" if groups[number - 1] else None)
                self.__dict__.update(state)
                for key, title, level, top in state["_td_marks"]:
                    self.bookmarkPage(key, fit="XYZ", left=0, top=top)
                    self.addOutlineEntry(title, key, level=level, closed=level > 0)
                for key, x_right, y, size in state["_td_slots"]:
                    draw_text(self, x_right, y, str(page_of.get(key, "?")), size, align="right")
                _draw_furniture(self, furniture, number, total, state["_td_label"], state["_td_group"],
                                run_index[number - 1])
                if state["_td_blank"]:
                    draw_text(self, PAGE_W / 2, PAGE_H / 2, tr("This page is intentionally left blank."), 10,
                              align="centre")
                Canvas.showPage(self)
            if page_of:
                self.showOutline()
            Canvas.save(self)

    return FurnitureCanvas


def _draw_furniture(canv: Canvas, f: Furniture, number: int, total: int, label: str | None, group: str | None,
                    group_page: tuple[int, int]) -> None:
    canv.saveState()
    canv.setFillColor(MUTED)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    top = PAGE_H - 10 * mm
    draw_text(canv, MARGIN_X, top, f.protocol, 8.5, bold=True)
    draw_text(canv, PAGE_W / 2, top, f.title, 8.5, align="centre")
    if label:
        draw_text(canv, PAGE_W - MARGIN_X, top, label, 8.5, bold=True, align="right")
    second = top - 3.8 * mm
    if f.site:
        draw_text(canv, MARGIN_X, second, f.site, 7)
    if f.as_of is not None:
        cut = tr("Data cut: as of {0} · database last changed {1}").format(f.as_of.isoformat(),
                                                                          f.db_changed or tr("unknown"))
        draw_text(canv, PAGE_W - MARGIN_X, second, cut, 7, align="right")
    canv.line(MARGIN_X, second - 2 * mm, PAGE_W - MARGIN_X, second - 2 * mm)
    bottom = 10 * mm
    canv.line(MARGIN_X, bottom + 4 * mm, PAGE_W - MARGIN_X, bottom + 4 * mm)
    left = tr("Printed {0}").format(f.printed_on.isoformat())
    if f.db_changed is not None and f.as_of is None:
        left += tr(" · database last changed {0}").format(f.db_changed)
    if f.audit_head:
        left += f" · {f.audit_head}"
    draw_text(canv, MARGIN_X, bottom, left, 7.5)
    right = tr("Page {0} of {1}").format(number, total) if f.page_offset is None \
        else tr("binder page {0}").format(f.page_offset + number)
    if f.group_pages and group:
        right = tr("{0}: page {1} of {2} · {3}").format(group, group_page[0], group_page[1], right)
    draw_text(canv, PAGE_W - MARGIN_X, bottom, right, 7.5, bold=True, align="right")
    canv.restoreState()


class TrialDoc(BaseDocTemplate):
    """A4 portrait document with one full-width frame and the layout actions below."""

    def __init__(self, filename: str, furniture: Furniture, cancelled: Cancelled | None = None,
                 progress: Progress | None = None, page_numbers: dict[str, int] | None = None, **kw) -> None:
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
        self.page_numbers = page_numbers or {}  # page numbers of anchors in other documents, for PageSlots
        self.cancelled = cancelled
        self.progress = progress
        # Checkpoints report progress_base + step of progress_total (0: no progress reports).
        self.progress_base = 0
        self.progress_total = 0

    def build_story(self, story: list[Flowable]) -> int:
        """Lay out and write the story in one pass (page numbers are filled in when the file is saved); returns
        the number of pages."""
        self.build(story, canvasmaker=_canvas_class(self.furniture, self.page_numbers))
        return len(self.canv._td_pages)

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

    def handle_checkpoint(self, step: int, message: str) -> None:
        """Report progress and stop when cancelled (between subjects and sections)."""
        if self.cancelled is not None and self.cancelled():
            raise BuildCancelled(message)
        if self.progress is not None and self.progress_total:
            self.progress(min(self.progress_base + step, self.progress_total), self.progress_total, message)


class OddPageBreak(ActionFlowable):
    """Start what follows on an odd page (a new sheet in a duplex-printed binder)."""

    def __init__(self) -> None:
        super().__init__(("oddPageBreak",))


class Checkpoint(ActionFlowable):
    """Progress report and cancellation point: `step` units of the layout are done."""

    def __init__(self, step: int, message: str) -> None:
        super().__init__(("checkpoint", step, message))


class Anchor(Flowable):
    """Zero-size marker: a PDF bookmark and outline entry at this point, and from here on the header's
    right-hand label and the page group (a subject, a form) counted in the footer."""

    def __init__(self, key: str, title: str, level: int, label: str | None = None,
                 group: str | None = None) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.level = level
        self.label = label
        self.group = group

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        if self.label is not None:
            canv._td_label = self.label
        if self.group is not None:
            canv._td_group = self.group
        _, top = canv.absolutePosition(0, 0)
        canv._td_marks.append((self.key, self.title, self.level, top + 14))


class Heading(Paragraph):
    """A heading paragraph that is also a bookmark and outline entry: the mark is recorded where the heading is
    drawn, so it lands on the heading's page whatever moves it (KeepTogether, a page break). `label` and
    `group` start a new header label and page group, as `Anchor` does."""

    def __init__(self, text: str, style, key: str, title: str, level: int, label: str | None = None,
                 group: str | None = None) -> None:
        super().__init__(text, style)
        self.key = key
        self.title = title
        self.level = level
        self.label = label
        self.group = group

    def draw(self) -> None:
        canv = self.canv
        if self.label is not None:
            canv._td_label = self.label
        if self.group is not None:
            canv._td_group = self.group
        _, top = canv.absolutePosition(0, self.height)
        canv._td_marks.append((self.key, self.title, self.level, top + 4))
        super().draw()


class PageSlot(Flowable):
    """The page number of the Anchor `key`, right-aligned; written when the document is saved."""

    def __init__(self, key: str, size: float = 10) -> None:
        super().__init__()
        self.key = key
        self.size = size

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        return avail_w, self.size * 1.2

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(self.width, self.size * 0.25)
        self.canv._td_slots.append((self.key, x, y, self.size))


TEMP_MARK = ".trialdesk-"  # in every temporary file name: `.{target}.trialdesk-XXXX.part`


def _try_lock(fd: int) -> bool:
    """Take an exclusive lock on an open file without waiting (POSIX); False when another process holds it."""
    if sys.platform == "win32":
        return True  # an open file cannot be deleted on Windows: unlink fails for a file still being written
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete temporary files a killed print left in `folder` (not those a running print holds); returns them."""
    removed = []
    for path in folder.glob(f".*{TEMP_MARK}*.part"):
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            if not _try_lock(fd):
                continue
            if sys.platform == "win32":
                os.close(fd)
                fd = -1
            path.unlink()
            removed.append(path)
        except OSError:
            continue
        finally:
            if fd >= 0:
                os.close(fd)
    return removed


def write_atomically(out_path: str | os.PathLike[str], write: Callable[[str], None]) -> Path:
    """Run write(temp_path) on a temporary file beside out_path, then move it into place.

    Temporary files of earlier killed runs in that folder are removed first. The temporary file is locked while
    it is written (so another print does not take it for stale). A failed or cancelled write (an exception,
    KeyboardInterrupt, or SIGTERM turned into one by the caller) leaves neither the temporary file nor a partial
    out_path. On Windows, replacing a PDF that is open in a viewer fails with PermissionError (an OSError); the
    old file is then kept.
    """
    target = Path(out_path)
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_temporaries(folder)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}{TEMP_MARK}", suffix=".part", dir=folder)
    try:
        try:
            _try_lock(fd)
            write(temp)
        finally:
            os.close(fd)
        os.chmod(temp, 0o644)  # mkstemp makes the file private; a printout is an ordinary document
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target
