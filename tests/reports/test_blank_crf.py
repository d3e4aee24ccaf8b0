from __future__ import annotations

from pathlib import Path

from endpoints import vocab
from endpoints.params import ProtocolParams
from reports.blank_crf import build_blank_crfs
from reports.form_labels import LOG_FIELDS, log_header
from reports.labels import BILAG_NAMES, SLEDAI_NAMES
from tests.reports.conftest import PRINTED, STUDY
from tests.reports.pdfcheck import font_names, outline, page_texts


def test_one_form_per_visit_with_every_instrument(tmp_path: Path) -> None:
    out = build_blank_crfs(tmp_path / "crf.pdf", ProtocolParams(), STUDY, printed_on=PRINTED)
    entries = outline(out)[:len(vocab.VISIT_CODES)]
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
    assert "Total score" in w4 and "PGA" in w4 and "Investigator (name)" in w4
    assert "☐ mg/dL ☐ µmol/L" in w4  # creatinine unit choices, as on screen (endpoints.units)
    assert "☐ ×10⁹/L ☐ ×10³/µL ☐ /µL (/mm³)" in w4
    assert w4.index("Haematology") < w4.index("Chemistry") < w4.index("Urine") < w4.index("Immunology")
    assert "Vital signs and weight" in w4 and "Not done: reason" in w4
    assert "database last changed" not in w4
    assert {"NanumGothic", "DejaVuSans"} <= font_names(out)


def test_selected_visits_and_infusion_block(tmp_path: Path) -> None:
    out = build_blank_crfs(tmp_path / "crf.pdf", ProtocolParams(), STUDY, visit_codes=["W12", "W24"],
                           log_forms_too=False)
    texts = page_texts(out)
    assert [t for _, t, _ in outline(out)] == ["W12 — Week 12 — infusion 2", "W24 — Week 24"]
    joined = " ".join(texts)
    assert "Infusion 2 (the visit's assessments are taken before the dose)" in joined
    assert "Pre-infusion BP ____/____ mmHg" in joined and "Post-infusion" in joined
    assert "Target: 84 days after infusion 2" in " ".join(texts)


LOG_FORMS = ["Concomitant medications", "Corticosteroid log", "Adverse events", "Hospitalisations",
             "Dialysis and transplant", "Declared flares", "Withdrawal / end of study", "Death"]  # issue 15


def _forms(out: Path) -> dict[str, str]:
    """The text of each form (from its bookmark's page to the next bookmark's), by bookmark title."""
    texts = page_texts(out)
    entries = outline(out)
    bounds = [page for _, _, page in entries] + [len(texts) + 1]
    return {title: " ".join(texts[bounds[i] - 1:max(bounds[i + 1] - 1, bounds[i])])
            for i, (_, title, _) in enumerate(entries)}


def test_d3_and_w24_forms_ask_what_the_protocol_asks_at_each(tmp_path: Path) -> None:
    out = build_blank_crfs(tmp_path / "crf.pdf", ProtocolParams(), STUDY, visit_codes=["D3", "W4", "W24"],
                           log_forms_too=False)
    forms = _forms(out)
    d3, w4, w24 = forms["D3 — Day 3"], forms["W4 — Week 4"], forms["W24 — Week 24"]
    assert d3 != w24
    not_required = "Not required at this visit"
    for block in ("Chemistry", "Urine", "Immunology", "SLEDAI-2K", "PGA and BILAG-2004",
                  "Flare (SFI), sediment and LLDAS"):
        assert f"{block} {not_required}" in d3, block
    assert "Haemoglobin" in d3 and "Weight ______ kg" in d3 and "Seizure" not in d3 and "Creatinine" not in d3
    assert not_required not in w24
    assert "Seizure" in w24 and "C3" in w24 and "Creatinine" in w24 and "Renal" in w24
    assert w4.count(not_required) == 1 and f"Immunology {not_required}" in w4  # C3/C4/anti-dsDNA not asked at W4


def test_the_blank_form_follows_the_visit_forms_required_fields(tmp_path: Path, monkeypatch) -> None:
    from endpoints import edit_checks

    original = edit_checks.required_fields
    monkeypatch.setattr(edit_checks, "required_fields",
                        lambda code: original(code) + (("sledai",) if code == "D3" else ()))
    out = build_blank_crfs(tmp_path / "crf.pdf", ProtocolParams(), STUDY, visit_codes=["D3"], log_forms_too=False)
    d3 = _forms(out)["D3 — Day 3"]
    assert "Seizure" in d3 and "SLEDAI-2K Not required" not in d3
    assert "Chemistry Not required at this visit" in d3


def test_screening_adds_demographics_consent_and_eligibility(tmp_path: Path) -> None:
    out = build_blank_crfs(tmp_path / "crf.pdf", ProtocolParams(), STUDY, visit_codes=["SCR", "W1"],
                           log_forms_too=False)
    forms = _forms(out)
    scr, w1 = forms["SCR — Screening"], forms["W1 — Week 1"]
    for block in ("Demographics", "Informed consent", "Consent form version", "Eligibility",
                  "All inclusion criteria met", "Birth date"):
        assert block in scr and block not in w1


def test_log_forms_print_once_with_their_fields(tmp_path: Path) -> None:
    out = build_blank_crfs(tmp_path / "crf.pdf", ProtocolParams(), STUDY, printed_on=PRINTED)
    forms = _forms(out)
    assert list(forms)[len(vocab.VISIT_CODES):] == LOG_FORMS
    texts = page_texts(out)
    for _, title, page in outline(out):
        assert title in texts[page - 1]
    ae = forms["Adverse events"]
    assert "Related: product Related: infusion" in ae  # as the log tables on screen head them
    assert all(f" {n} " in ae for n in range(1, 11)) and ae.count("Serious criteria") == 10
    assert "☐ death ☐ life-threatening ☐ hospitalisation ☐ disability ☐ congenital anomaly" in ae
    assert "Outcome: ☐ recovered" in ae and "Action: ☐ dose not changed" in ae
    for title, kind in (("Corticosteroid log", "steroids"), ("Concomitant medications", "medications"),
                        ("Hospitalisations", "hospitalisations"), ("Dialysis and transplant", "renal_replacement"),
                        ("Declared flares", "events")):
        assert all(log_header(kind, field) in forms[title] for field in LOG_FIELDS[kind]), title
    assert "Date of death" in forms["Death"] and "Cause of death" in forms["Death"]
    assert "Reason (withdrawal: who decided and why)" in forms["Withdrawal / end of study"]
    visits = " ".join(forms[title] for title in list(forms)[:len(vocab.VISIT_CODES)])
    assert "Related: product" not in visits  # the logs are not repeated on every visit form
