"""How numbers and times are written for people, the same on screen, in PDFs and on the schedule sheet: plain
numbers without noise, signed changes and negatives with the typographic minus (−), cell counts in scientific
notation with superscript powers (`1.25 × 10⁸ cells`), stored UTC timestamps in the computer's local time with
its zone."""

from __future__ import annotations

from datetime import UTC, datetime

MINUS = "−"
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def format_number(value: float, digits: int = 3) -> str:
    """A number for display: up to `digits` decimals, no trailing zeros, "−" for negatives (`-0.04` → `0` at 1)."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    if text in ("-0", "", "0"):
        return "0"
    return text.replace("-", MINUS)


def signed(n: float) -> str:
    """A change with its sign: `+3`, `−6`, `0`, `+1.5`."""
    text = format_number(abs(n))
    return "0" if text == "0" else ("+" if n > 0 else MINUS) + text


def power_of_ten(value: float, significant: int = 3) -> str:
    """`1.25 × 10⁸` (mantissa to `significant` figures, the exponent in superscript digits)."""
    mantissa, exponent = f"{value:.{significant - 1}e}".split("e")
    return f"{mantissa.replace('-', MINUS)} × 10{str(int(exponent)).translate(_SUPERSCRIPT)}"


def format_cells(cells: float) -> str:
    """A cell count as shown and printed, e.g. `1.16 × 10⁸ cells` (three significant figures)."""
    if cells <= 0:
        return "0 cells"
    return f"{power_of_ten(cells)} cells"


def format_cells_per_kg(cells_per_kg: float) -> str:
    """The dose rate, e.g. `2.0 × 10⁶ cells/kg`."""
    return f"{power_of_ten(cells_per_kg, 2)} cells/kg"


def local_time(at_utc: str | None) -> str:
    """A stored UTC timestamp in the computer's local time zone, to the minute, with the zone's name
    (`2026-03-05 18:30 KST`); "" for none."""
    if not at_utc:
        return ""
    moment = datetime.fromisoformat(at_utc.replace("Z", "+00:00"))
    moment = (moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)).astimezone()
    return moment.strftime("%Y-%m-%d %H:%M ") + (moment.tzname() or "")
