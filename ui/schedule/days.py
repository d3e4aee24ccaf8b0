"""Which days the site is closed: weekends and Korean public holidays (the `holidays` package, offline, with the
holiday names in Korean when the screens are in Korean, else in English). The calendar shades them; the schedule
flags a target date on one."""

from __future__ import annotations

import datetime as dt
from functools import cache

from holidays.countries.south_korea import SouthKorea  # imported by name so the build bundles it
from PySide6.QtCore import QCoreApplication, QLocale


def _tr(text: str) -> str:
    return QCoreApplication.translate("schedule", text)


def holiday_language() -> str:
    """The `holidays` package's language of the screens' language (QLocale's default, set with the translators):
    "ko" for Korean, else "en_US"."""
    return "ko" if QLocale().language() == QLocale.Language.Korean else "en_US"


@cache
def _holidays(year: int, language: str) -> dict[dt.date, str]:
    return dict(SouthKorea(years=year, language=language).items())


def korean_holidays(year: int, language: str | None = None) -> dict[dt.date, str]:
    """The Korean public holidays of a year (substitute holidays included), date -> name in `language` (default:
    the screens' language)."""
    return _holidays(year, language or holiday_language())


def holiday_name(day: dt.date, language: str | None = None) -> str | None:
    return korean_holidays(day.year, language).get(day)


def is_weekend(day: dt.date) -> bool:
    return day.weekday() >= 5


def day_flag(day: dt.date, language: str | None = None) -> str:
    """"" for a working day; otherwise what makes it a closed day ("Saturday", "Sunday", or the holiday's name)."""
    name = holiday_name(day, language)
    if name:
        return name
    if is_weekend(day):
        return _tr("Saturday") if day.weekday() == 5 else _tr("Sunday")
    return ""
