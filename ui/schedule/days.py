"""Which days the site is closed: weekends and Korean public holidays (the `holidays` package, offline, with the
holiday names in English or Korean). The calendar shades them; the schedule flags a target date on one."""

from __future__ import annotations

import datetime as dt
from functools import cache

from holidays.countries.south_korea import SouthKorea  # imported by name so the build bundles it
from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("schedule", text)


@cache
def korean_holidays(year: int, language: str = "en_US") -> dict[dt.date, str]:
    """The Korean public holidays of a year (substitute holidays included), date -> name."""
    return dict(SouthKorea(years=year, language=language).items())


def holiday_name(day: dt.date, language: str = "en_US") -> str | None:
    return korean_holidays(day.year, language).get(day)


def is_weekend(day: dt.date) -> bool:
    return day.weekday() >= 5


def day_flag(day: dt.date, language: str = "en_US") -> str:
    """"" for a working day; otherwise what makes it a closed day ("Saturday", "Sunday", or the holiday's name)."""
    name = holiday_name(day, language)
    if name:
        return name
    if is_weekend(day):
        return _tr("Saturday") if day.weekday() == 5 else _tr("Sunday")
    return ""
