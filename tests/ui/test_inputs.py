"""Reading typed dates and decimals (the form's parsing; acceptability is decided in models/)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ui.widgets.inputs import parse_date_text, parse_decimal_text


@pytest.mark.parametrize("text", ["2026-03-05", "20260305", "2026.03.05", "2026/3/5", " 2026-03-05 "])
def test_dates_in_the_accepted_forms(text: str) -> None:
    assert parse_date_text(text) == date(2026, 3, 5)


@pytest.mark.parametrize("text", ["2026-02-30", "05/03/2026", "2026035", "today", "2026-03-05x"])
def test_text_that_is_not_a_date(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date_text(text)


def test_empty_date_and_number_are_none() -> None:
    assert parse_date_text("  ") is None and parse_decimal_text("") is None


@pytest.mark.parametrize(("text", "value"), [("58.5", "58.5"), ("58,5", "58.5"), ("60", "60"), (",5", "0.5")])
def test_decimal_comma_or_point(text: str, value: str) -> None:
    assert parse_decimal_text(text) == Decimal(value)


@pytest.mark.parametrize("text", ["1,234.5", "5..1", "abc", "1e3", "--2"])
def test_text_that_is_not_a_number(text: str) -> None:
    with pytest.raises(ValueError):
        parse_decimal_text(text)
