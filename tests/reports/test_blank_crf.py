from __future__ import annotations

from pathlib import Path

from endpoints import vocab
from endpoints.params import ProtocolParams
from reports.blank_crf import build_blank_crfs
from reports.labels import BILAG_NAMES, SLEDAI_NAMES
from tests.reports.conftest import PRINTED, STUDY
from tests.reports.pdfcheck import font_names, outline, page_texts


def test_one_form_per_visit_with_every_instrument(tmp_path: Path) -> None:
    out = build_blank_crfs(tmp_path / "crf.pdf", ProtocolParams(), STUDY, printed_on=PRINTED)
    entries = outline(out)
    assert [title.split()[0] for _, title, _ in entries] == list(vocab.VISIT_CODES)
    texts = page_texts(out)
    n = len(texts)
    assert texts[-1].rstrip().endswith(f"Page {n} of {n}")
    first = [page for _, _, page in entries]
    w4 = " ".join(texts[first[4] - 1:first[5] - 1])
    assert "Target: 28 days after infusion 1 (Day 0); window -7 / +7 days." in w4
    for name in list(SLEDAI_NAMES.values()) + list(BILAG_NAMES.values()):
        assert name in w4
    assert w4.count("☐") > 24 * 2 + 9 * 5
    assert "Total score" in w4 and "PGA" in w4 and "Adverse event term" in w4 and "Investigator (name)" in w4
    assert "☐ mg/dL ☐ µmol/L" in w4  # creatinine unit choices, as on screen (endpoints.units)
    assert "☐ ×10⁹/L ☐ ×10³/µL ☐ /µL (/mm³)" in w4
    assert w4.index("Haematology") < w4.index("Chemistry") < w4.index("Urine") < w4.index("Immunology")
    assert "Vital signs and weight" in w4 and "Not done: reason" in w4
    assert "database last changed" not in w4
    assert {"NanumGothic", "DejaVuSans"} <= font_names(out)


def test_selected_visits_and_infusion_block(tmp_path: Path) -> None:
    out = build_blank_crfs(tmp_path / "crf.pdf", ProtocolParams(), STUDY, visit_codes=["W12", "W24"])
    texts = page_texts(out)
    assert [t for _, t, _ in outline(out)] == ["W12 — Week 12 — infusion 2", "W24 — Week 24"]
    joined = " ".join(texts)
    assert "Infusion 2 (the visit's assessments are taken before the dose)" in joined
    assert "Pre-infusion BP ____/____ mmHg" in joined and "Post-infusion" in joined
    assert "Target: 84 days after infusion 2" in " ".join(texts)
