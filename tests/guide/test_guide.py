"""The user guide: its sources in both languages, the screens it names, and the PDFs built from it (read back with
pypdf: every bookmark on its heading's page, every font embedded, the draft markers, the committed PDFs current)."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

import main
from guide.build import GUIDE_DIR, LANGUAGES, GuideError, build_guide, chapter_files, screens_named

ROOT = Path(__file__).resolve().parents[2]
SCREENS_TXT = GUIDE_DIR / "screens.txt"
GLOSSARY = ROOT / "resources" / "i18n" / "glossary.tsv"
HEADING = re.compile(r"^(#{1,3}) (.+)$", re.MULTILINE)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _outline(path: Path) -> list[tuple[int, str, int]]:
    """(level, title, 0-based page) of every bookmark, in document order."""
    reader = PdfReader(path)
    out: list[tuple[int, str, int]] = []

    def walk(items: list, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return out


def _headings(lang: str) -> list[tuple[int, str]]:
    """(level, numbered title) of every heading of the sources, as the builder numbers them."""
    out: list[tuple[int, str]] = []
    for chapter, path in enumerate(chapter_files(lang), start=1):
        section = sub = 0
        for marks, title in HEADING.findall(path.read_text(encoding="utf-8")):
            title = title.replace("`", "")
            if len(marks) == 1:
                out.append((0, f"{chapter} {title}"))
            elif len(marks) == 2:
                section, sub = section + 1, 0
                out.append((1, f"{chapter}.{section} {title}"))
            else:
                sub += 1
                out.append((2, f"{chapter}.{section}.{sub} {title}"))
    return out


@pytest.fixture(scope="module")
def tour(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A stand-in screen tour: one PNG per screen the guide names, listed in screens.json as the tour writes it."""
    folder = tmp_path_factory.mktemp("tour")
    screens = []
    for i, name in enumerate(screens_named("en")):
        Image.new("RGB", (1366, 768) if i % 2 else (640, 480), (200, 220, 240)).save(folder / f"{name}.png")
        screens.append({"name": name, "png": f"{name}.png", "window": [0, 0, 640, 480],
                        "available": [0, 0, 1366, 728], "save_visible": True})
    (folder / "screens.json").write_text(json.dumps({"size": [1366, 768], "screens": screens}), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(tour: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("guide")
    return {lang: build_guide(lang, out / f"user-guide-{lang}.pdf", tour_dir=tour).path for lang in LANGUAGES}


# sources ------------------------------------------------------------------------------------------------------


def test_both_languages_have_the_same_chapters_sections_and_screens() -> None:
    en, ko = _headings("en"), _headings("ko")
    assert [level for level, _ in en] == [level for level, _ in ko]
    assert [t.split()[0] for _, t in en] == [t.split()[0] for _, t in ko]
    assert screens_named("en") == screens_named("ko")


def test_screens_txt_lists_exactly_the_screens_the_guide_shows() -> None:
    listed = [line.strip() for line in SCREENS_TXT.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert listed == sorted(set(listed)), "keep guide/screens.txt sorted, one name a line"
    assert set(listed) == set(screens_named("en"))


# Screens the guide names whose tour steps are still being built (ui/shell/tour_steps.py gets them with the
# screen); the test fails once the tour has them, until they are taken out of here.
NOT_YET_IN_THE_TOUR: set[str] = set()


def _tour_names(tmp: Path) -> set[str]:
    """Screen names of the real tour over a fresh demo database (when `main.py screenshots` exists)."""
    db, out = tmp / "demo.sqlite3", tmp / "tour"
    run = [sys.executable, "main.py"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TRIALDESK_DATA_DIR": str(tmp / "data")}
    subprocess.run([*run, "demo", "--db", str(db)], cwd=ROOT, check=True, capture_output=True, env=env)
    subprocess.run([*run, "screenshots", "--db", str(db), "--out", str(out)], cwd=ROOT, check=True,
                   capture_output=True, env=env)
    index = json.loads((out / "screens.json").read_text(encoding="utf-8"))
    return {entry["name"] for entry in index["screens"] if (out / entry["png"]).is_file()}


def test_every_screen_the_guide_names_exists_in_the_tour(tmp_path: Path) -> None:
    """Against the tour's own screens.json once `main.py screenshots` exists; until then against guide/screens.txt,
    the list the tour must honour."""
    named = set(screens_named("en")) | set(screens_named("ko"))
    if "screenshots" in main.COMMANDS:
        available = _tour_names(tmp_path)
        assert not NOT_YET_IN_THE_TOUR & available, "in the tour now: take them out of NOT_YET_IN_THE_TOUR"
        available |= NOT_YET_IN_THE_TOUR
    else:
        available = {line.strip() for line in SCREENS_TXT.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert sorted(named - available) == []


def test_glossary_is_well_formed_and_the_korean_guide_uses_its_terms() -> None:
    with open(GLOSSARY, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    assert rows[0] == ["English", "Korean", "Note"]
    terms = rows[1:]
    assert all(len(row) == 3 and row[0] and row[1] for row in terms)
    english = [row[0].lower() for row in terms]
    assert len(english) == len(set(english)), "one row per English term"
    en_text = " ".join(p.read_text(encoding="utf-8") for p in chapter_files("en")).lower()
    ko_text = _flat(" ".join(p.read_text(encoding="utf-8") for p in chapter_files("ko")))
    unused = [(en, ko) for en, ko, _ in terms
              if re.search(rf"\b{re.escape(en.lower())}\b", en_text) and _flat(ko.split("(")[0]) not in ko_text]
    assert unused == [], "the English guide uses these terms, the Korean guide lacks their glossary translation"


# building -----------------------------------------------------------------------------------------------------


def test_a_missing_screenshot_fails_the_build_and_names_every_missing_screen(tmp_path: Path) -> None:
    with pytest.raises(GuideError) as caught:
        build_guide("en", tmp_path / "guide.pdf", tour_dir=tmp_path)
    message = str(caught.value)
    for name in screens_named("en"):
        assert name in message
    assert not (tmp_path / "guide.pdf").exists()
    assert list(tmp_path.iterdir()) == []


def test_a_draft_build_marks_each_missing_screenshot_visibly(tmp_path: Path, tour: Path) -> None:
    partial = tmp_path / "tour"
    partial.mkdir()
    (partial / "sign_in.png").write_bytes((tour / "sign_in.png").read_bytes())
    report = build_guide("ko", tmp_path / "draft.pdf", tour_dir=partial, draft=True)
    assert "sign_in" not in report.placeholders
    assert set(report.placeholders) == set(screens_named("ko")) - {"sign_in"}
    text = _flat(" ".join(page.extract_text() for page in PdfReader(report.path).pages))
    assert _flat("[screenshot: home]") in text
    assert _flat("[screenshot: sign_in]") not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_bookmark_lands_on_the_page_of_its_heading(built: dict[str, Path], lang: str) -> None:
    reader = PdfReader(built[lang])
    entries = _outline(built[lang])
    assert [(level, title) for level, title, _ in entries] == _headings(lang)
    for _level, title, page in entries:
        assert _flat(title) in _flat(reader.pages[page].extract_text()), f"{title!r} is not on page {page + 1}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_contents_list_every_chapter_and_section(built: dict[str, Path], lang: str) -> None:
    """Between the cover and chapter 1 (its page numbers come from the same layout pass as the bookmarks)."""
    reader = PdfReader(built[lang])
    first_chapter = min(page for level, _, page in _outline(built[lang]) if level == 0)
    contents = _flat(" ".join(reader.pages[i].extract_text() for i in range(1, first_chapter)))
    missing = [title for level, title, _ in _outline(built[lang]) if level <= 1 and _flat(title) not in contents]
    assert missing == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_screenshot_is_drawn_and_every_font_embedded(built: dict[str, Path], lang: str) -> None:
    reader = PdfReader(built[lang])
    images, fonts = 0, {}
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        for xobject in resources.get("/XObject", {}).values():
            images += xobject.get_object().get("/Subtype") == "/Image"
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts[str(font["/BaseFont"])] = descriptor is not None and "/FontFile2" in descriptor.get_object()
    assert images >= len(screens_named(lang))
    assert fonts and all(fonts.values()), f"fonts not embedded: {[name for name, ok in fonts.items() if not ok]}"
    if lang == "ko":
        assert "사구체여과율" in _flat(" ".join(page.extract_text() for page in reader.pages))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_bundled_pdf_was_built_from_the_current_sources(lang: str) -> None:
    """resources/guide holds the PDF the app opens: rebuilt (scripts/build-guide.sh) after every source change."""
    bundled = ROOT / "resources" / "guide" / f"user-guide-{lang}.pdf"
    assert bundled.is_file(), "run scripts/build-guide.sh"
    assert [(level, title) for level, title, _ in _outline(bundled)] == _headings(lang)
