"""Stored values as exchange text and back, one rule per data type (ODM, Dataset-JSON and CSV share it).

Floats are written as the shortest decimal that reads back to the same float, without an exponent
(`decimal_text(1e-05)` is "0.00001"); dates as YYYY-MM-DD; booleans as "true"/"false".
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any


class BadValue(ValueError):
    """A text that is not a value of its data type; the message names both."""


def decimal_text(value: float | int) -> str:
    """The shortest decimal text of a number that reads back exactly, never in exponent form."""
    text = format(Decimal(repr(float(value))), "f")
    return text[:-2] if text.endswith(".0") else text


def to_text(value: Any, data_type: str) -> str | None:
    """The exchange text of a stored value (None stays None)."""
    if value is None:
        return None
    if data_type == "boolean":
        return "true" if value else "false"
    if data_type == "date":
        return value.isoformat()
    if data_type == "float":
        return decimal_text(value)
    if data_type == "integer":
        return str(int(value))
    return str(value)


def from_text(text: str, data_type: str) -> Any:
    """The stored value of an exchange text; BadValue when the text does not fit the data type."""
    try:
        if data_type == "boolean":
            if text not in ("true", "false", "1", "0"):
                raise ValueError(text)
            return text in ("true", "1")
        if data_type == "date":
            return date.fromisoformat(text)
        if data_type == "float":
            number = Decimal(text)
            if not number.is_finite():
                raise ValueError(text)
            return float(number)
        if data_type == "integer":
            return int(text)
    except (ValueError, ArithmeticError):
        raise BadValue(f"{text!r} is not a {data_type}") from None
    return text
