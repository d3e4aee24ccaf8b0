"""Fonts for print and plots: the bundled Nanum Gothic (Hangul) with DejaVu Sans as the glyph fallback.

reportlab: `register_fonts()` registers NanumGothic / NanumGothic-Bold as one family (so `<b>` works) and
DejaVu Sans (shipped inside matplotlib, so always present) for the few symbols Nanum lacks (☐ ✓ ⁹ − µ …).
Nanum Gothic's superscript digits ¹ ² ³ are drawn at a quarter of the em (specks in print: "×10³/µL" read as
"×10/µL"), so those always come from DejaVu Sans, like ⁹ and µ, which Nanum lacks. `para_text()` escapes text
for a Paragraph and wraps runs of glyphs Nanum lacks in the fallback font; `draw_text()` does the same for text
drawn straight on a canvas. A character neither font has prints as "?".

matplotlib: `setup_matplotlib()` adds both font files and sets the family list once (per-glyph fallback),
with `axes.unicode_minus = False` because Nanum has no U+2212.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
from pathlib import Path
from xml.sax.saxutils import escape

from apppaths import resource_path

FONT = "NanumGothic"
FONT_BOLD = "NanumGothic-Bold"
FALLBACK = "DejaVuSans"
FALLBACK_BOLD = "DejaVuSans-Bold"
PREFER_FALLBACK = frozenset(map(ord, "¹²³"))  # Nanum has them, undersized


def _nanum_paths() -> tuple[Path, Path]:
    return resource_path("fonts", "NanumGothic.ttf"), resource_path("fonts", "NanumGothicBold.ttf")


def _dejavu_paths() -> tuple[Path, Path]:
    """matplotlib's DejaVu Sans files, found without importing matplotlib (print does not need it)."""
    spec = importlib.util.find_spec("matplotlib")
    folder = Path(spec.origin).parent / "mpl-data" if spec is not None and spec.origin else None
    if folder is None or not folder.is_dir():
        import matplotlib

        folder = Path(matplotlib.get_data_path())
    folder = folder / "fonts" / "ttf"
    return folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"


@functools.cache
def register_fonts() -> None:
    """Register the print fonts with reportlab (idempotent)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = _nanum_paths()
    pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(bold)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    fb_regular, fb_bold = _dejavu_paths()
    pdfmetrics.registerFont(TTFont(FALLBACK, str(fb_regular)))
    pdfmetrics.registerFont(TTFont(FALLBACK_BOLD, str(fb_bold)))
    pdfmetrics.registerFontFamily(
        FALLBACK, normal=FALLBACK, bold=FALLBACK_BOLD, italic=FALLBACK, boldItalic=FALLBACK_BOLD
    )


@functools.cache
def _coverage() -> tuple[frozenset[int], frozenset[int]]:
    """Code points of Nanum Gothic and of DejaVu Sans (from the fonts reportlab has loaded)."""
    from reportlab.pdfbase.pdfmetrics import getFont

    register_fonts()
    return frozenset(getFont(FONT).face.charToGlyph), frozenset(getFont(FALLBACK).face.charToGlyph)


@functools.cache
def _nanum_only() -> frozenset[str]:
    """The characters printed in Nanum Gothic (a text made only of these is one run)."""
    nanum, _ = _coverage()
    return frozenset(chr(code) for code in nanum - PREFER_FALLBACK) | {"\n", "\t"}


def text_runs(text: str) -> list[tuple[bool, str]]:
    """Split text into runs: (uses_fallback_font, chars). Characters neither font has become "?"."""
    if _nanum_only().issuperset(text):
        return [(False, text)] if text else []
    nanum, dejavu = _coverage()
    runs: list[tuple[bool, str]] = []
    for ch in text:
        code = ord(ch)
        if (code in nanum and code not in PREFER_FALLBACK) or ch in "\n\t":
            fallback = False
        elif code in dejavu:
            fallback = True
        else:
            fallback, ch = False, "?"
        if runs and runs[-1][0] == fallback:
            runs[-1] = (fallback, runs[-1][1] + ch)
        else:
            runs.append((fallback, ch))
    return runs


def para_text(text: object) -> str:
    """Escape a value for Paragraph markup, switching to the fallback font for glyphs Nanum lacks."""
    if text is None:
        return ""
    parts = []
    for fallback, chunk in text_runs(str(text)):
        esc = escape(chunk).replace("\n", "<br/>")
        parts.append(f'<font name="{FALLBACK}">{esc}</font>' if fallback else esc)
    return "".join(parts)


def text_pieces(text: str, size: float, bold: bool = False) -> list[tuple[str, str, float]]:
    """(font name, chars, width in points) of each run of `text`, for drawing it piece by piece."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return [(_face(fallback, bold), chunk, stringWidth(chunk, _face(fallback, bold), size))
            for fallback, chunk in text_runs(text)]


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of `text` drawn with draw_text."""
    return sum(width for _, _, width in text_pieces(text, size, bold))


def draw_text(canvas, x: float, y: float, text: str, size: float, bold: bool = False, align: str = "left") -> None:
    """Draw one line on a reportlab canvas with glyph fallback (one text object: the runs read as one word);
    align is left, right or centre."""
    if align != "left":
        width = text_width(text, size, bold)
        x -= width if align == "right" else width / 2
    obj = canvas.beginText(x, y)
    for fallback, chunk in text_runs(text):
        obj.setFont(_face(fallback, bold), size)
        obj.textOut(chunk)
    canvas.drawText(obj)


def _face(fallback: bool, bold: bool) -> str:
    if fallback:
        return FALLBACK_BOLD if bold else FALLBACK
    return FONT_BOLD if bold else FONT


@functools.cache
def setup_matplotlib() -> None:
    """Make matplotlib draw Hangul with Nanum Gothic (DejaVu Sans for the rest); idempotent."""
    import matplotlib
    from matplotlib import font_manager

    # Nanum Gothic Bold declares weight 600: "bold" (700) then uses it, after a warning at every draw.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    for path in (*_nanum_paths(), *_dejavu_paths()):
        font_manager.fontManager.addfont(str(path))
    matplotlib.rcParams["font.family"] = ["NanumGothic", "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
