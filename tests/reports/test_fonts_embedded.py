"""Every printed PDF embeds every font it uses (no base-14 font referenced), and ² ³ ⁹ µ come from a font that
draws them at full size (Nanum Gothic's ² and ³ are a quarter-em specks)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from endpoints.params import ProtocolParams
from reports.blank_crf import build_blank_crfs
from reports.fonts import _dejavu_paths, _nanum_paths
from reports.source import build_subject_pdf
from tests.reports.conftest import AS_OF, PRINTED, STUDY

BASE_14 = {"Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
           "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic",
           "Times-BoldItalic", "Symbol", "ZapfDingbats"}
SMALL_GLYPHS = {"²": 0.35, "³": 0.35, "⁹": 0.35, "µ": 0.5}  # least glyph height, in em, to read at 8.5 pt


@pytest.fixture(scope="module")
def pdfs(demo_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from models.database import open_database
    from reports.binder import build_binder
    from reports.schedule_sheet import build_schedule_sheet

    folder = tmp_path_factory.mktemp("fonts")
    db = open_database(demo_db_path, create=False)
    try:
        return {
            "subject": build_subject_pdf(folder / "s.pdf", db, "LN-01", as_of=AS_OF, printed_on=PRINTED),
            "binder": build_binder(folder / "b.pdf", ["LC-01", "LN-05"], db, as_of=AS_OF, printed_on=PRINTED),
            "schedule": build_schedule_sheet(folder / "sched.pdf", db, "LN-04", today=AS_OF),
            "crf": build_blank_crfs(folder / "crf.pdf", ProtocolParams(), STUDY, printed_on=PRINTED),
        }
    finally:
        db.close()


def _fonts(resources) -> list:
    """Every font dictionary reachable from a page's resources (form XObjects included)."""
    resources = resources.get_object() if resources is not None else {}
    found = [ref.get_object() for ref in resources.get("/Font", {}).get_object().values()] \
        if "/Font" in resources else []
    for ref in resources.get("/XObject", {}).get_object().values() if "/XObject" in resources else ():
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Form":
            found += _fonts(xobject.get("/Resources"))
    return found


@pytest.mark.parametrize("kind", ["subject", "binder", "schedule", "crf"])
def test_no_base14_font_and_every_font_embedded(pdfs: dict[str, Path], kind: str) -> None:
    fonts = [font for page in PdfReader(pdfs[kind]).pages for font in _fonts(page.get("/Resources"))]
    assert fonts
    for font in fonts:
        name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
        assert name not in BASE_14, (kind, name)
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = descendant["/FontDescriptor"].get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), (kind, name)


@cache
def _font_file(base_font: str) -> TTFont:
    nanum, nanum_bold = _nanum_paths()
    dejavu, dejavu_bold = _dejavu_paths()
    files = {"NanumGothic": nanum, "NanumGothicBold": nanum_bold, "DejaVuSans": dejavu,
             "DejaVuSans-Bold": dejavu_bold}
    return TTFont(files[base_font.lstrip("/").split("+")[-1]])


def _glyph_height_em(font: TTFont, char: str) -> float:
    name = font.getBestCmap().get(ord(char))
    if name is None:
        return 0.0
    glyph = font["glyf"][name]
    return (glyph.yMax - glyph.yMin) / font["head"].unitsPerEm if glyph.numberOfContours else 0.0


def test_superscripts_and_micro_come_from_a_font_that_draws_them_full_size(pdfs: dict[str, Path]) -> None:
    seen: dict[str, set[str]] = {char: set() for char in SMALL_GLYPHS}

    for page in [page for kind in ("subject", "crf") for page in PdfReader(pdfs[kind]).pages]:
        def visit(text: str, _cm, tm, font, size) -> None:
            for char in SMALL_GLYPHS:
                if char in text and font is not None:
                    seen[char].add(str(font["/BaseFont"]))
                    assert size * abs(tm[3] or 1) >= 6, (char, size)  # printed at text size, not shrunk

        page.extract_text(visitor_text=visit)
    for char, least in SMALL_GLYPHS.items():
        assert seen[char], f"{char} not printed"
        for base_font in seen[char]:
            assert _glyph_height_em(_font_file(base_font), char) >= least, (char, base_font)


def test_nanum_would_fail_the_glyph_check() -> None:
    """The check above can fail: Nanum Gothic has ² and ³, but at a quarter of the em."""
    nanum = _font_file("NanumGothic")
    assert 0 < _glyph_height_em(nanum, "²") < SMALL_GLYPHS["²"]
    assert _glyph_height_em(nanum, "µ") == 0.0
