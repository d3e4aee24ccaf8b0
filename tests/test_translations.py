"""The Korean catalogue: current with the sources (pyside6-lupdate on a copy finds nothing unfinished or vanished),
compiled (the committed .qm is what pyside6-lrelease makes of the .ts), placeholders and accelerators kept, the
glossary's terms used; the Qt translator (with Qt's own Korean) and the per-user language setting."""

from __future__ import annotations

import csv
import re
import shutil
import sys
from pathlib import Path

import pytest

from translation import Catalog, read_qm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402  (scripts/translations.py)

TS = ROOT / translations.TS_FILE
QM = ROOT / translations.QM_FILE
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d+|%n")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def test_lupdate_over_a_copy_of_the_sources_finds_no_unfinished_or_vanished_message(tmp_path: Path) -> None:
    for folder in translations.SOURCE_DIRS:
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in translations.SOURCE_FILES:
        shutil.copy2(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "resources" / "i18n", tmp_path / "resources" / "i18n")
    translations.run_lupdate(tmp_path, drop_vanished=False)
    counts = translations.counts(tmp_path / translations.TS_FILE)
    assert (counts.unfinished, counts.vanished) == (0, 0), (
        f"{counts}: run scripts/update-translations.sh and translate the unfinished messages")
    assert counts.total > 1000
    assert (tmp_path / translations.DATA_LABELS_FILE).read_text(encoding="utf-8") == \
        (ROOT / translations.DATA_LABELS_FILE).read_text(encoding="utf-8"), "data_labels.py is stale"


def test_counts_see_unfinished_and_vanished_messages(tmp_path: Path) -> None:
    ts = tmp_path / "t.ts"
    ts.write_text(TS.read_text(encoding="utf-8").replace("<translation>", '<translation type="unfinished">', 1)
                  .replace("<translation>", '<translation type="vanished">', 1), encoding="utf-8")
    assert translations.counts(ts).unfinished == 1
    assert translations.counts(ts).vanished == 1


def test_committed_qm_is_the_compiled_ts(tmp_path: Path) -> None:
    translations.run_lrelease(ROOT, tmp_path / "fresh.qm")
    assert (tmp_path / "fresh.qm").read_bytes() == QM.read_bytes(), "run scripts/update-translations.sh"


def _ts_pairs() -> list[tuple[str, str]]:
    import xml.etree.ElementTree as ET

    pairs = []
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        forms = [form.text or "" for form in translation.findall("numerusform")] or [translation.text or ""]
        pairs += [(message.findtext("source") or "", form) for form in forms]
    return pairs


def test_every_message_keeps_its_placeholders_tags_accelerator_and_edge_spaces() -> None:
    problems = []
    for source, korean in _ts_pairs():
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(korean)):
            problems.append(("placeholders", source, korean))
        if sorted(TAG.findall(source)) != sorted(TAG.findall(korean)):
            problems.append(("tags", source, korean))
        if source.replace("&&", "").count("&") != korean.replace("&&", "").count("&"):
            problems.append(("accelerator", source, korean))
        if (source[:1] == " ") != (korean[:1] == " ") or (source[-1:] == " ") != (korean[-1:] == " "):
            problems.append(("edge space", source, korean))
        if not korean.strip() and source.strip():
            problems.append(("empty", source, korean))
    assert problems == []


def test_every_translation_is_korean_unless_the_text_is_a_name_or_code() -> None:
    """A translation identical to its English source is allowed only for texts without a word to translate
    (codes, units, clinical names kept as they are: SLEDAI-2K, UPCR, W24, {0} · {1})."""
    word = re.compile(r"[A-Za-z]{3,}")
    kept = {"SLEDAI", "BILAG", "UPCR", "eGFR", "CTCAE", "PGA", "LLDAS", "SFI", "SRI", "ANC", "Day", "mmHg",
            "CNS", "SLE", "cells", "iCalendar", "ics", "pdf", "PDF", "Python"}
    copied = [s for s, k in _ts_pairs() if s == k and set(word.findall(s)) - kept]
    assert copied == []


def _glossary() -> list[tuple[str, str, str]]:
    with (ROOT / "resources" / "i18n" / "glossary.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    assert rows[0] == ["English", "Korean", "Note"]
    return [(row[0], row[1], row[2] if len(row) > 2 else "") for row in rows[1:]]


def test_glossary_has_one_entry_per_english_term() -> None:
    english = [en.lower() for en, _, _ in _glossary()]
    assert len(english) == len(set(english))
    assert len(english) >= 123


def test_translations_use_the_glossary_terms() -> None:
    """A source text naming a glossary term (the longest term that matches wins; status words and UI section names
    only as the whole text) uses the glossary's Korean term, or the abbreviation the glossary keeps."""
    entries = sorted(_glossary(), key=lambda entry: -len(entry[0]))
    problems = []
    for source, korean in _ts_pairs():
        covered = source.lower()
        for en, ko, note in entries:
            whole_only = "status" in note or "UI section" in note or en.lower() in ("week n", "due")
            hit = covered.strip(" .") == en.lower() if whole_only else \
                re.search(r"\b" + re.escape(en.lower()) + r"\b", covered) is not None
            if not hit:
                continue
            covered = covered.replace(en.lower(), " ")
            accepted = {re.sub(r"\(.*?\)", "", ko).strip()} | set(re.findall(r"\((.*?)\)", ko))
            if en in ko:
                accepted.add(en)
            if not any(term and term in korean for term in accepted):
                problems.append((en, ko, source, korean))
    assert problems == []


def test_catalog_reads_the_compiled_file() -> None:
    messages = read_qm(QM.read_bytes())
    assert len(messages) == translations.counts(TS).total
    korean = Catalog.load("ko")
    assert korean.text("Adverse events") == "이상반응"
    assert korean.text("Proteinuria") == "단백뇨"
    assert korean.text("no such message") == "no such message"
    assert Catalog.load("en").text("Adverse events") == "Adverse events"
    with pytest.raises(ValueError):
        Catalog.load("fr")


def test_a_base_class_tr_call_is_translated_for_a_subclass(qapp) -> None:
    """PySide6 asks with the subclass's name; lupdate recorded the base class: the catalogue finds it anyway."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox, QWidget

    from ui.shell.i18n import install_translators

    class Base(QWidget):
        def title(self) -> str:
            return self.tr("Adverse events")

    class Sub(Base):
        pass

    try:
        install_translators(qapp, "ko")
        assert Sub().title() == "이상반응"
        # Texts TrialDesk does not translate fall through to Qt's own Korean, or stay as they are.
        assert QCoreApplication.translate("QLineEdit", "&Undo") == "실행 취소(&U)"
        assert QCoreApplication.translate("nowhere", "no such text") == "no such text"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "취소"  # Qt's own qtbase_ko.qm
    finally:
        install_translators(qapp, "en")
    assert Sub().title() == "Adverse events"


def test_language_per_user_first_from_the_pc_locale(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from ui.shell import i18n

    monkeypatch.setenv("TRIALDESK_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(i18n, "system_language", lambda: "ko")
    assert i18n.start_language() == "ko"
    assert i18n.start_language("en") == "en"
    i18n.save_language("kim", "en")
    i18n.save_language("lee", "ko")
    i18n.remember_signed_in("kim")
    assert i18n.start_language() == "en"
    i18n.remember_signed_in("lee")
    assert i18n.start_language() == "ko"
    monkeypatch.setattr(i18n, "system_language", lambda: "en")
    i18n.remember_signed_in("park")  # never chose: the PC's language
    assert i18n.start_language() == "en"
    with pytest.raises(ValueError):
        i18n.save_language("kim", "fr")
