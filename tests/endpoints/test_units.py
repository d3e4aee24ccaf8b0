"""Lab unit conversions of endpoints.md §2.2: exact factors and round trips."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from endpoints import units, vocab


@pytest.mark.parametrize(("key", "value", "code", "canonical"), [
    ("creatinine_mg_dl", 88.4, "umol/L", 1.0),
    ("creatinine_mg_dl", 1.2, "mg/dL", 1.2),
    ("hemoglobin_g_dl", 105, "g/L", 10.5),
    ("platelets_10e9_l", 500, "/uL", 0.5),  # registry "500/mm³" = 0.5 ×10⁹/L
    ("wbc_10e9_l", 4.2, "10^3/uL", 4.2),
    ("upcr_g_g", 500, "mg/g", 0.5),
    ("upcr_g_g", 113.12, "mg/mmol", 1.0),
    ("proteinuria_g_24h", 1500, "mg/24 h", 1.5),
    ("albumin_g_dl", 35, "g/L", 3.5),
    ("c3_mg_dl", 0.9, "g/L", 90.0),
])
def test_known_conversions(key: str, value: float, code: str, canonical: float) -> None:
    assert units.to_canonical(key, value, code) == pytest.approx(canonical, rel=1e-12)


def test_decimal_input_is_exact() -> None:
    assert units.to_canonical("creatinine_mg_dl", Decimal("176.8"), "umol/L") == 2.0


def test_every_numeric_lab_has_its_canonical_unit_first() -> None:
    for key in vocab.NUMERIC_LAB_KEYS:
        assert units.canonical_unit(key).factor == 1


def test_unknown_unit_is_refused() -> None:
    with pytest.raises(ValueError, match="not a unit"):
        units.to_canonical("hemoglobin_g_dl", 10, "mmol/L")


@given(st.sampled_from([(k, u.code) for k in vocab.NUMERIC_LAB_KEYS for u in units.units_for(k)]),
       st.decimals(min_value=0, max_value=100000, places=3, allow_nan=False, allow_infinity=False))
def test_round_trip(key_unit: tuple[str, str], value: Decimal) -> None:
    key, code = key_unit
    canonical = units.to_canonical(key, value, code)
    assert units.from_canonical(key, canonical, code) == pytest.approx(float(value), rel=1e-12, abs=1e-12)
