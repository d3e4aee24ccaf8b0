from __future__ import annotations

from reports.fonts import FALLBACK, para_text, text_runs


def test_hangul_and_latin_stay_in_nanum() -> None:
    assert text_runs("두통 headache 7.5 mg ≤ ≥") == [(False, "두통 headache 7.5 mg ≤ ≥")]


def test_missing_glyphs_switch_to_the_fallback_font() -> None:
    assert para_text("☐ yes ×10⁹/L") == f'<font name="{FALLBACK}">☐</font> yes ×10<font name="{FALLBACK}">⁹</font>/L'


def test_glyph_in_neither_font_prints_as_question_mark() -> None:
    assert text_runs("a\U0001f9ecb") == [(False, "a?b")]


def test_markup_characters_are_escaped() -> None:
    assert para_text("<b> & 환자") == "&lt;b&gt; &amp; 환자"
