"""CKD-EPI 2021 eGFR (endpoints.md §2.3)."""

from __future__ import annotations

from datetime import date

import pytest

from endpoints.egfr import age_completed_years, ckd_epi_2021, egfr_on


def test_spec_check_values() -> None:
    assert round(ckd_epi_2021(0.9, 35, "F"), 2) == 85.50
    assert round(ckd_epi_2021(1.4, 52, "M"), 2) == 60.47


def test_both_branches_of_kappa() -> None:
    # Below κ the α exponent applies, above it the −1.200 exponent.
    low = ckd_epi_2021(0.5, 40, "F")
    expected = 142 * (0.5 / 0.7) ** -0.241 * 0.9938**40 * 1.012
    assert low == pytest.approx(expected, rel=1e-12)
    high = ckd_epi_2021(2.0, 40, "M")
    assert high == pytest.approx(142 * (2.0 / 0.9) ** -1.2 * 0.9938**40, rel=1e-12)


def test_age_in_completed_years() -> None:
    birth = date(1990, 6, 15)
    assert age_completed_years(birth, date(2026, 6, 14)) == 35
    assert age_completed_years(birth, date(2026, 6, 15)) == 36
    assert age_completed_years(date(2000, 2, 29), date(2026, 2, 28)) == 25
    assert age_completed_years(date(2000, 2, 29), date(2026, 3, 1)) == 26


def test_egfr_uses_age_on_sample_date() -> None:
    birth = date(1990, 6, 15)
    before = egfr_on(1.0, "F", birth, date(2026, 6, 14))
    after = egfr_on(1.0, "F", birth, date(2026, 6, 15))
    assert before == ckd_epi_2021(1.0, 35, "F")
    assert after == ckd_epi_2021(1.0, 36, "F")
    assert after < before


def test_creatinine_must_be_positive() -> None:
    with pytest.raises(ValueError):
        ckd_epi_2021(0.0, 40, "F")
