from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from endpoints.evaluate import evaluate_subject
from endpoints.params import ProtocolParams
from models.casebook_store import CasebookRecords, VisitRecord
from reports.extras import RegistryExtras
from reports.labels import ENDPOINT_NAMES
from reports.source import build_subject_pdf
from reports.subject_pdf import prepare_subject, write_subject_pdf
from tests.reports.conftest import AS_OF, PRINTED, STUDY
from tests.reports.pdfcheck import database_head, font_names, outline, page_texts, printed_heads
from tests.reports.sample import HANGUL_AE, HANGUL_MED, HANGUL_NOTE, sample_dossier

CHANGED = "2026-11-25 16:40 UTC"
HEAD = "audit 2,901 rows · 3fa2b4c1d9e0"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def ln_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sp = prepare_subject(sample_dossier("LN", "LN-01"), ProtocolParams(),
                         extras=RegistryExtras("S-0007", None, None, "메모: 오전 방문 선호"))
    out = tmp_path_factory.mktemp("pdf") / "LN-01.pdf"
    write_subject_pdf(out, sp, STUDY, db_changed=CHANGED, printed_on=PRINTED, audit_head=HEAD)
    return out


def test_every_page_has_header_footer_and_page_x_of_y(ln_pdf: Path) -> None:
    texts = page_texts(ln_pdf)
    n = len(texts)
    assert n >= 8
    for i, text in enumerate(texts, start=1):
        assert f"Page {i} of {n}" in text
        assert "CS20AT04 phase IIa" in text and "Subject LN-01 · enrolled" in text
        assert STUDY["site"] in text
        assert f"Data cut: as of 2026-07-24 · database last changed {CHANGED}" in text
        assert f"Printed {PRINTED.isoformat()} · {HEAD}" in text
        assert text.count("database last changed") == 1  # in the header; the footer gives the audit head
    assert texts[-1].rstrip().endswith(f"Page {n} of {n}")


def test_hangul_prints_and_the_korean_font_is_embedded(ln_pdf: Path) -> None:
    text = _squash(" ".join(page_texts(ln_pdf)))
    for hangul in (HANGUL_MED, HANGUL_AE, HANGUL_NOTE, "메모:오전방문선호"):
        assert _squash(hangul) in text
    assert {"NanumGothic", "NanumGothicBold"} <= font_names(ln_pdf)


# The casebook's bookmarks for the sample subject (every visit to W24 and two unscheduled visits), written from
# the spec (subject -> section -> visit -> form), not from the code's own list of sections.
VISIT = ["Laboratory", "Clinical assessments"]
EXPECTED_OUTLINE = [
    (0, "LN-01 (LN)"), (1, "Cover"), (1, "Infusion record"), (1, "Visit schedule"), (1, "Visit data"),
    *[entry for visit in ("SCR — Screening", "D0 — Day 0 — infusion 1", "D3 — Day 3", "W1 — Week 1", "W4 — Week 4",
                          "W8 — Week 8", "W12 — Week 12 — infusion 2", "W12D3 — 3 days after infusion 2",
                          "W13 — 1 week after infusion 2", "UNS — Unscheduled", "W16 — Week 16", "UNS — Unscheduled",
                          "W20 — Week 20", "W24 — Week 24")
      for entry in [(2, visit), (3, VISIT[0]), (3, VISIT[1])]],
    (1, "Corticosteroids"), (1, "Concomitant medications"), (1, "Hospitalisations, dialysis, declared flares"),
    (1, "Adverse events"), (1, "Endpoints"), (1, "Plots"), (1, "Queries and source verification"),
    (2, "Source-data verification"), (2, "Locks"), (1, "Audit trail"), (1, "Investigator signature"),
]


def test_every_bookmark_lands_on_the_page_of_its_heading(ln_pdf: Path) -> None:
    entries = outline(ln_pdf)
    texts = page_texts(ln_pdf)
    assert [(level, title) for level, title, _ in entries] == EXPECTED_OUTLINE
    for level, title, page in entries:
        assert title in texts[page - 1], (level, title, page)
    pages = [page for _, _, page in entries]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == len(texts)


def test_page_labels_name_the_subject(ln_pdf: Path) -> None:
    from pypdf import PdfReader

    labels = PdfReader(ln_pdf).page_labels
    assert labels == [f"LN-01-{i}" for i in range(1, len(labels) + 1)]


def test_endpoint_table_shows_the_engine_status_and_reason(ln_pdf: Path) -> None:
    results = evaluate_subject(sample_dossier("LN", "LN-01"), ProtocolParams())
    text = " ".join(page_texts(ln_pdf))
    squashed = _squash(text)
    page = next(t for t in page_texts(ln_pdf) if "Reason (endpoint engine)" in t)
    for eid in ("primary_steroid_taper", "steroid_le7_5_by_w12_maintained_w24", "ln_renal_response"):
        assert _squash(results.endpoints[eid].reason) in squashed
        assert _squash(ENDPOINT_NAMES[eid]) in _squash(page)
    assert results.endpoints["steroid_le7_5_by_w12_maintained_w24"].status == "not_met"
    assert "NOT MET" in page
    assert "Haematologic improvement" not in text  # the LC endpoint is not listed for an LN subject


def test_dates_are_iso_only(ln_pdf: Path) -> None:
    text = " ".join(page_texts(ln_pdf))
    assert "2026-01-05" in text  # day 0
    assert not re.search(r"\b(\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}[/.]\d{1,2}[/.]\d{1,2})\b", text)
    assert len(re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text)) > 100


def test_visit_tables_flag_out_of_range_labs(ln_pdf: Path) -> None:
    texts = page_texts(ln_pdf)
    visits = next(t for t in texts if "SCR — Screening · " in t)
    assert "SCR — Screening · 2025-12-22 · day -14" in visits
    assert "UPCR 2 g/g ≤ 0.2 H" in visits
    assert "eGFR (CKD-EPI 2021, computed) 85.5" in visits


def test_subject_without_day0_prints(tmp_path: Path) -> None:
    d = sample_dossier()
    no_day0 = replace(d, infusions=tuple(replace(i, date=None, completion=None) for i in d.infusions))
    out = tmp_path / "x.pdf"
    write_subject_pdf(out, prepare_subject(no_day0, ProtocolParams()), STUDY, db_changed=None, printed_on=PRINTED)
    text = " ".join(page_texts(out))
    assert "Targets count from the planned date of infusion 1 (2026-01-05)" in text
    assert "PENDING" in text and "database last changed unknown" in text


def test_from_the_demo_database(demo_db, tmp_path: Path) -> None:
    out = build_subject_pdf(tmp_path / "LC-01.pdf", demo_db, "LC-01", as_of=AS_OF, printed_on=PRINTED)
    texts = page_texts(out)
    assert f"Page {len(texts)} of {len(texts)}" in texts[-1]
    rows, last_hash = database_head(demo_db)
    assert rows > 1000 and printed_heads(out) == [(rows, last_hash[:12])] * len(texts)
    assert re.search(r"database last changed \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", texts[0])
    assert re.search(r"[\uac00-\ud7a3]", " ".join(texts))  # the demo's Korean text
    assert re.search(r"Vital signs BP \d+/\d+ mmHg", " ".join(texts))  # from the visit store
    assert list(tmp_path.iterdir()) == [out]


def test_long_text_is_printed_whole_and_odd_glyphs_still_print(tmp_path: Path) -> None:
    d = sample_dossier()
    long_outcome = " ".join(f"w{i:05d}" for i in range(3400))[:20_000]  # 20,000 characters, every word distinct
    long_term = "매우 긴 이상사례 용어 " * 400
    aes = d.adverse_events + (replace(d.adverse_events[0], term="AE 🧬 ☑", outcome=long_outcome),
                              replace(d.adverse_events[0], term=long_term))
    notes = "".join(f"메모{i:05d} " for i in range(2500))[:20_000]
    sp = prepare_subject(replace(d, adverse_events=aes), ProtocolParams(), extras=RegistryExtras(notes=notes))
    out = tmp_path / "big.pdf"
    write_subject_pdf(out, sp, STUDY, db_changed=None, printed_on=PRINTED)
    text = " ".join(page_texts(out))
    assert "AE ? ☑" in text  # a glyph in neither font prints as "?"
    # Each long text flows on over pages (between page headers and repeated table headers), whole and in order.
    assert "(whole text: note 1 under the table)" in text  # the narrow column shows its start
    note = text[text.index("Note 1 — Outcome, action, row"):]
    assert re.findall(r"w\d{5}", note) == re.findall(r"w\d{5}", long_outcome)
    assert re.findall(r"메모\d{5}", text) == re.findall(r"메모\d{5}", notes)
    assert text[text.index("Note 2 — Term, row"):].count("이상사례") == 400  # words wrap whole, across pages
    assert "cut in print" not in text


def test_records_after_the_as_of_date_are_not_printed(tmp_path: Path) -> None:
    from tests.endpoints.builders import on

    sp = prepare_subject(sample_dossier(), ProtocolParams(), as_of=on(100))
    out = tmp_path / "cut.pdf"
    write_subject_pdf(out, sp, STUDY, db_changed=None, printed_on=PRINTED)
    text = " ".join(page_texts(out))
    assert "Upper respiratory infection" in text  # AE onset day 45
    assert "Pneumonia" not in text and "IVIG" not in text  # onset day 150, started day 140
    assert "W16 — Week 16" not in text  # visit on day 112
    assert "2026-04-15 (study day 100)" in text


def test_schedule_statuses_come_from_the_visit_calendar(tmp_path: Path) -> None:
    from endpoints.dossier import Visit
    from tests.endpoints.builders import on

    d = sample_dossier()
    visits = tuple(v for v in d.visits if v.code not in ("W8", "W20"))
    visits += (Visit("W8", on(70)), Visit("W20", missed=True, reason="환자 입원"))
    sp = prepare_subject(replace(d, visits=visits), ProtocolParams(), as_of=on(200))
    out = tmp_path / "s.pdf"
    write_subject_pdf(out, sp, STUDY, db_changed=None, printed_on=PRINTED)
    page = next(t for t in page_texts(out) if "Visit schedule" in t)
    assert "W8 Week 8 2026-03-02 2026-02-23 – 2026-03-09 2026-03-16 (70) OUT OF WINDOW (7 d late)" in page
    assert "W20 Week 20 2026-05-25 2026-05-18 – 2026-06-01 — missed: 환자 입원" in page
    assert "Y1 Year 1 safety follow-up 2027-01-05" in page and "upcoming" in page


def test_visit_form_extras_print_beside_the_visit(tmp_path: Path) -> None:
    from models.casebook_store import LabAsTyped
    from tests.endpoints.builders import on

    w4 = VisitRecord(7, "W4", on(28), False, None, "환자 일정 (subject's schedule)", "incomplete", 118, 76, 70, 36.6,
                     "공복 채혈, 오전 9시", {"wbc_10e9_l": LabAsTyped("5810", "/uL", 5.81, None, False)},
                     {"wbc_10e9_l": 70}, (("c4_mg_dl", "시약 부족"),))
    extras = RegistryExtras(records=CasebookRecords(visits={7: w4}))
    sp = prepare_subject(sample_dossier(), ProtocolParams(), extras=extras)
    out = tmp_path / "v.pdf"
    write_subject_pdf(out, sp, STUDY, db_changed=None, printed_on=PRINTED)
    text = " ".join(page_texts(out))
    w4 = text[text.index("W4 — Week 4 ·"):text.index("W8 — Week 8 ·")]
    assert "Entry INCOMPLETE (required fields missing)" in w4 and "[entry INCOMPLETE]" in w4
    assert "Vital signs BP 118/76 mmHg, pulse 70/min, 36.6 °C" in w4
    assert "Not done C4: 시약 부족" in w4 and "Comment 공복 채혈, 오전 9시" in w4
    assert "Out of window: reason 환자 일정 (subject's schedule)" in w4
    assert "WBC 5810 /µL (/mm³)" in w4  # as entered, beside the canonical value


def test_adverse_event_action_and_sae_criteria(tmp_path: Path) -> None:
    d = sample_dossier()
    details = [{}, {"action_taken": "dose_not_changed"}, {"action_taken": "infusion_interrupted",
                                                          "sae_criteria": ["hospitalisation"]}]
    d = replace(d, extensions={"trialdesk.adverse_events": details})
    out = tmp_path / "ae.pdf"
    write_subject_pdf(out, prepare_subject(d, ProtocolParams()), STUDY, db_changed=None, printed_on=PRINTED)
    text = " ".join(page_texts(out))
    assert "SERIOUS (hospitalisation)" in text
    assert "recovering; action: infusion interrupted" in text and "recovered; action: dose not changed" in text
