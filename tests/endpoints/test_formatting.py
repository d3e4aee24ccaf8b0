"""How numbers and times are written for people (one formatter for screens, PDFs and the schedule sheet)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from endpoints.formatting import format_cells, format_cells_per_kg, format_number, local_time, signed


@pytest.mark.parametrize(("cells", "text"), [
    (1.25e8, "1.25 × 10⁸ cells"), (1.16e8, "1.16 × 10⁸ cells"), (9.99e7, "9.99 × 10⁷ cells"),
    (2.0e6 * 49.99, "1.00 × 10⁸ cells"), (3.4e10, "3.40 × 10¹⁰ cells"), (0, "0 cells"),
])
def test_cell_counts_in_scientific_notation_with_superscript_powers(cells: float, text: str) -> None:
    assert format_cells(cells) == text


def test_dose_rate() -> None:
    assert format_cells_per_kg(2.0e6) == "2.0 × 10⁶ cells/kg"


@pytest.mark.parametrize(("value", "digits", "text"), [
    (0.9, 3, "0.9"), (85.49, 1, "85.5"), (-1.5, 3, "−1.5"), (-0.04, 1, "0"), (12.0, 3, "12"),
])
def test_numbers_without_noise_and_with_the_typographic_minus(value: float, digits: int, text: str) -> None:
    assert format_number(value, digits) == text


def test_signed_changes() -> None:
    assert [signed(3), signed(-6), signed(0), signed(1.5)] == ["+3", "−6", "0", "+1.5"]


def test_stored_utc_shown_in_local_time_with_its_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "Asia/Seoul")
    time.tzset()
    try:
        assert local_time("2026-03-05T09:30:00Z") == "2026-03-05 18:30 KST"
        assert local_time("2026-03-05T09:30:00") == "2026-03-05 18:30 KST"  # stored naive = UTC
        assert local_time(datetime(2026, 3, 5, 23, 59, tzinfo=UTC).isoformat()) == "2026-03-06 08:59 KST"
        assert local_time(None) == ""
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
