"""The subject PDF shows the electronic signatures (printed name, date and time, meaning), invalidated ones marked."""

from __future__ import annotations

from reports.source import load_subject_print
from reports.subject_pdf import write_subject_pdf

from .conftest import AS_OF, PRINTED
from .pdfcheck import page_texts


def test_subject_pdf_prints_signature_manifestations(demo_db, tmp_path) -> None:
    out = write_subject_pdf(tmp_path / "LN-02.pdf", load_subject_print(demo_db, "LN-02", AS_OF),
                            {"protocol": "CS20AT04"}, db_changed=None, printed_on=PRINTED)
    text = " ".join(page_texts(out))
    assert "Electronic signatures recorded in TrialDesk" in text
    assert "Electronically signed by Dr 김민수 (Demo Investigator) (investigator)" in text
    assert "meaning: reviewed and approved" in text
    assert "INVALIDATED" in text and "transcription error" in text


def test_subject_pdf_without_signatures_keeps_only_the_wet_ink_lines(demo_db, tmp_path) -> None:
    out = write_subject_pdf(tmp_path / "LC-03.pdf", load_subject_print(demo_db, "LC-03", AS_OF),
                            {"protocol": "CS20AT04"}, db_changed=None, printed_on=PRINTED)
    text = " ".join(page_texts(out))
    assert "Electronic signatures recorded" not in text and "Investigator name" in text
