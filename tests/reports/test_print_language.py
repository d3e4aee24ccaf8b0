"""Printouts in Korean or English: the summary, binder and blank CRFs follow `lang` (English by default), their
Korean section titles and page furniture are read back from the PDF with pypdf, Hangul comes from the embedded
Nanum Gothic; `main.py print` speaks Korean only with --lang ko."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from reports.blank_crf import build_blank_crfs
from reports.source import build_subject_pdf
from reports.texts import default_print_language, printing_in, tr
from tests.reports.conftest import AS_OF, PRINTED, STUDY
from tests.reports.pdfcheck import page_texts

ROOT = Path(__file__).resolve().parents[2]
KOREAN_SECTIONS = ("투여 기록", "방문 일정표", "방문 데이터", "코르티코스테로이드", "병용약물", "이상반응", "평가변수",
                   "감사 추적", "연구자 서명")


def _fonts(path: Path) -> set[str]:
    names = set()
    for page in PdfReader(path).pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_summary_in_korean_has_korean_section_titles_and_furniture(demo_db, tmp_path) -> None:
    out = build_subject_pdf(tmp_path / "ko.pdf", demo_db, "LN-02", as_of=AS_OF, printed_on=PRINTED, lang="ko")
    text = "\n".join(page_texts(out))
    missing = [title for title in KOREAN_SECTIONS if title not in text]
    assert missing == []
    assert "시험대상자 증례기록서: LN-02 (LN)" in text
    assert "인쇄일 2026-11-25" in text and "쪽 중 1쪽" in text
    assert "Page 1 of" not in text and "Visit data" not in text
    assert any("NanumGothic" in name for name in _fonts(out))
    assert re.search(r"감사 추적 [\d,]+행 · [0-9a-f]{12}", text) and not re.search(r"audit [\d,]+ rows ·", text)


def test_summary_is_english_unless_asked(demo_db, tmp_path) -> None:
    out = build_subject_pdf(tmp_path / "en.pdf", demo_db, "LN-02", as_of=AS_OF, printed_on=PRINTED)
    text = "\n".join(page_texts(out))
    assert "Visit data" in text and "Page 1 of" in text and "방문 데이터" not in text
    assert default_print_language("summary") == "en" and default_print_language("schedule") == "ko"


def test_blank_crfs_in_korean(tmp_path, demo_db) -> None:
    out = build_blank_crfs(tmp_path / "crf.pdf", demo_db.config.params, STUDY, visit_codes=("SCR",),
                           printed_on=PRINTED, log_forms_too=False, lang="ko")
    text = page_texts(out)[0]
    assert "SCR — 스크리닝" in text and "활력징후 및 체중" in text and "방문일 (YYYY-MM-DD)" in text


def test_blank_crf_option_words_in_korean(tmp_path, demo_db) -> None:
    """Tick-box and scale words, table headers and the log forms' legends print in Korean (codes stay codes)."""
    out = build_blank_crfs(tmp_path / "crf.pdf", demo_db.config.params, STUDY, visit_codes=("D0",),
                           printed_on=PRINTED, lang="ko")
    text = " ".join(page_texts(out))
    for korean in ("경도", "중등도", "중증", "A 중증", "E 침범 없음", "투여 전", "작성자(이름)", "용량 변경 없음",
                   "후유증을 동반한 회복", "관련 가능성 높음", "중대성 기준", "코르티코스테로이드 기록",
                   "이상반응 · 시험대상자 ID", "활동성 용혈빈혈"):
        assert korean in text, korean
    for english in ("mild", "moderate", "A severe", "Domain", "Pre-infusion", "Completed by", "dose not changed",
                    "recovered", "Serious criteria", "Causality: infusion", "Stop empty", "Subject ID"):
        assert english not in text, english


def test_print_command_messages_are_english_unless_lang_ko(demo_db_path, tmp_path) -> None:
    def fail(*lang: str) -> str:
        done = subprocess.run([sys.executable, "main.py", "print", "--db", str(demo_db_path), "--subject", "LN-01",
                               "--out", str(tmp_path / "missing" / "x.pdf"), *lang], cwd=ROOT, capture_output=True,
                              text=True, check=False)
        assert done.returncode == 2
        return done.stderr

    assert fail().startswith("error: ") and "no such folder" in fail()
    assert fail("--lang", "ko").startswith("오류: ") and "그런 폴더가 없습니다" in fail("--lang", "ko")


def test_tr_follows_the_print_running_in_this_thread() -> None:
    assert tr("Visit data") == "Visit data"
    with printing_in("ko"):
        assert tr("Visit data") == "방문 데이터"
        with printing_in("en"):
            assert tr("Visit data") == "Visit data"
    assert tr("Visit data") == "Visit data"


# What the casebook's notes under data tables, its queries section and its audit trail printed in English before
# they went through the catalogue (stored data and vocabulary codes aside); none of it may stay in Korean.
CASEBOOK_ENGLISH = (": query open", ": query answered", "(raised by", "thread under Queries", "source-verified by",
                    "Raised by", "When (", "Source-data verification", "Locks", "Never locked", "User (role)",
                    "Form / field", "Old → new", "audit rows, in time order", "created:", "deleted:", "(empty)",
                    "same reason", "Subject registry", "Infusions and schedule", "Logs and events", "Visit form",
                    "Status history", "Signatures and locks", "(monitor)", "(coordinator)",
                    "investigator (investigator)", "weight kg", "original value", "planned date", "(answered)",
                    "(open)", "record 14")


def test_casebook_notes_queries_and_audit_trail_in_korean(demo_db, tmp_path) -> None:
    """LN-01 has source-verified values and queries on a lab value and an adverse event; LN-02 an answered query,
    an open one and an invalidated signature: their notes, queries section and audit trail print in Korean."""
    for sid in ("LN-01", "LN-02"):
        out = build_subject_pdf(tmp_path / f"{sid}.pdf", demo_db, sid, as_of=AS_OF, printed_on=PRINTED, lang="ko")
        text = " ".join(page_texts(out))
        left = [english for english in CASEBOOK_ENGLISH if english in text]
        assert left == [], (sid, left)
        for korean in ("쿼리 및 원자료 검증", "사용자(역할)", "양식 / 항목", "이전 → 새", "생성: ", "(빈 값)",
                       "(모니터요원)", "시험대상자 등록 정보", "투여 및 일정", "방문 양식"):
            assert korean in text, (sid, korean)
    ln01 = " ".join(page_texts(tmp_path / "LN-01.pdf"))
    assert re.search(r"✓ 체중 = 66.3: 원자료 검증\(monitor, \d{4}-\d\d-\d\d \d\d:\d\d", ln01)
    assert "쿼리 미해결 (제기: monitor" in ln01 and "잠긴 적 없음." in ln01
    ln02 = " ".join(page_texts(tmp_path / "LN-02.pdf"))
    assert "Q1 — D0 weight (kg) (답변됨)" in ln02 and "쿼리 답변됨 (제기: monitor" in ln02
    assert "coordinator (연구코디네이터) 답변됨" in ln02
