from __future__ import annotations

import re
from pathlib import Path

import pytest

from endpoints.params import ProtocolParams
from reports.binder import build_binder, write_binder
from reports.document import BuildCancelled
from reports.subject_pdf import SubjectPrint, prepare_subject
from tests.reports.conftest import AS_OF, PRINTED, STUDY
from tests.reports.pdfcheck import database_head, font_names, outline, page_texts, printed_heads
from tests.reports.sample import HANGUL_AE, sample_dossier

IDS = ["LN-01", "LC-01", "LN-02"]


def _load(sid: str) -> SubjectPrint:
    return prepare_subject(sample_dossier(sid[:2], sid), ProtocolParams())


@pytest.fixture(scope="module")
def binder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[int, int, str]]]:
    out = tmp_path_factory.mktemp("binder") / "binder.pdf"
    calls: list[tuple[int, int, str]] = []
    write_binder(out, IDS, _load, STUDY, as_of=AS_OF, db_changed="2026-11-25 16:40 UTC", printed_on=PRINTED,
                 progress=lambda done, total, message: calls.append((done, total, message)))
    return out, calls


def test_each_subject_starts_on_an_odd_page_listed_in_the_contents(binder) -> None:
    path, _ = binder
    entries = outline(path)
    starts = {title.split()[0]: page for level, title, page in entries if level == 0 and title != "Contents"}
    assert list(starts) == IDS
    assert all(page % 2 == 1 for page in starts.values())
    contents = page_texts(path)[0]
    for sid, page in starts.items():
        assert re.search(rf"{sid} .*? {page}\b", contents), (sid, page)
    texts = page_texts(path)
    for sid, page in starts.items():
        assert f"Subject {sid}" in texts[page - 1] and f"{sid}: page 1 of" in texts[page - 1]


def test_blank_pages_are_labelled_and_belong_to_the_previous_subject(binder) -> None:
    path, _ = binder
    texts = page_texts(path)
    blanks = [i for i, t in enumerate(texts, start=1) if "intentionally left blank" in t]
    assert blanks, "three subjects of 13 pages need blank pages for odd starts"
    for page in blanks:
        assert page % 2 == 0


SECTIONS = ["Cover", "Infusion record", "Visit schedule", "Visit data", "Corticosteroids", "Concomitant medications",
            "Hospitalisations, dialysis, declared flares", "Adverse events", "Endpoints", "Plots",
            "Queries and source verification", "Audit trail", "Investigator signature"]  # from the spec


def test_bookmarks_per_subject_and_section_land_on_their_headings(binder) -> None:
    path, _ = binder
    entries = outline(path)
    texts = page_texts(path)
    assert [title for level, title, _ in entries if level == 0] == ["Contents", "LN-01 (LN)", "LC-01 (LC)",
                                                                     "LN-02 (LN)"]
    assert [title for level, title, _ in entries if level == 1] == SECTIONS * len(IDS)
    assert [p for _, _, p in entries] == sorted(p for _, _, p in entries)
    for level, title, page in entries:
        assert title in texts[page - 1], (level, title, page)


def test_binder_pages_labels_hangul_and_fonts(binder) -> None:
    from pypdf import PdfReader

    path, _ = binder
    texts = page_texts(path)
    contents = [t for t in texts if "Binder contents" in t]
    assert len(contents) == 2  # one page of contents and its blank back
    assert all(f"binder page {i}" in t for i, t in enumerate(texts, start=1) if i > len(contents))
    labels = PdfReader(path).page_labels
    assert labels[:3] == ["i", "ii", "LN-01-1"]
    assert {label.rsplit("-", 1)[0] for label in labels[2:]} == set(IDS)
    assert HANGUL_AE.replace(" ", "") in "".join(texts).replace(" ", "")
    assert {"NanumGothic", "NanumGothicBold"} <= font_names(path)


def test_progress_reaches_the_total_in_order(binder) -> None:
    _, calls = binder
    done = [d for d, _, _ in calls]
    assert done == sorted(done)
    assert calls[-1][0] == calls[-1][1] == 2 * len(IDS) + 1
    assert any(m.startswith("LC-01: Endpoints") for _, _, m in calls)


@pytest.mark.parametrize("after_checks", [0, 2, 20])
def test_cancelled_binder_leaves_no_file(tmp_path: Path, after_checks: int) -> None:
    out = tmp_path / "binder.pdf"
    checks = {"n": 0}

    def cancelled() -> bool:
        checks["n"] += 1
        return checks["n"] > after_checks

    with pytest.raises(BuildCancelled):
        write_binder(out, IDS, _load, STUDY, as_of=AS_OF, db_changed=None, cancelled=cancelled)
    assert list(tmp_path.iterdir()) == []


def test_failed_binder_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    out = tmp_path / "binder.pdf"
    out.write_bytes(b"previous binder")

    def load(sid: str) -> SubjectPrint:
        if sid == "LN-02":
            raise RuntimeError("disk unplugged")
        return _load(sid)

    with pytest.raises(RuntimeError):
        write_binder(out, IDS, load, STUDY, as_of=AS_OF, db_changed=None)
    assert list(tmp_path.iterdir()) == [out]
    assert out.read_bytes() == b"previous binder"


def test_binder_from_the_demo_database(demo_db, tmp_path: Path) -> None:
    out = build_binder(tmp_path / "b.pdf", ["LN-05", "LC-02"], demo_db, as_of=AS_OF, printed_on=PRINTED)
    starts = [(title, page) for level, title, page in outline(out) if level == 0]
    assert [t for t, _ in starts] == ["Contents", "LN-05 (LN)", "LC-02 (LC)"]
    assert all(page % 2 == 1 for _, page in starts)
    rows, last_hash = database_head(demo_db)
    heads = printed_heads(out)
    assert len(heads) > 20 and heads == [(rows, last_hash[:12])] * len(heads)  # contents, subjects, blank pages
