"""Visit-schedule arithmetic (endpoints.md §1.1, §1.2): target days, windows and due days.

Pure functions of the schedule in `ProtocolParams.visits`. A visit anchored on "D0" has its target at
`offset_days`; one anchored on "I2" at `i2_day + offset_days`, where `i2_day` is the study day of infusion 2
(actual when given and `anchor_post_i2_on_actual`, else the nominal W12 target, day 84). Date variants map
study days onto the calendar from a Day-0 date (the visit calendar reuses them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from endpoints.params import ProtocolParams


@dataclass(frozen=True)
class VisitWindow:
    """Target day and window [earliest, latest] of one visit, in study days."""

    code: str
    target: int
    earliest: int
    latest: int

    def contains(self, day: int) -> bool:
        return self.earliest <= day <= self.latest


@dataclass(frozen=True)
class DateWindow:
    """Target date and window [earliest, latest] of one visit, as calendar dates."""

    code: str
    target: date
    earliest: date
    latest: date

    def contains(self, when: date) -> bool:
        return self.earliest <= when <= self.latest


def nominal_i2_day(params: ProtocolParams) -> int:
    """Study day of infusion 2 when it has not been given: the W12 target (84 by default)."""
    return params.visit("W12").offset_days


def effective_i2_day(actual_i2_day: int | None, params: ProtocolParams) -> int:
    """I2 used for anchoring: the actual infusion-2 day when given and `anchor_post_i2_on_actual`, else nominal."""
    if actual_i2_day is not None and params.anchor_post_i2_on_actual:
        return actual_i2_day
    return nominal_i2_day(params)


def target_day(code: str, i2_day: int, params: ProtocolParams) -> int:
    """Target study day of a scheduled visit (KeyError for UNS or an unknown code)."""
    v = params.visit(code)
    return v.offset_days + (i2_day if v.anchor == "I2" else 0)


def visit_window(code: str, i2_day: int, params: ProtocolParams) -> VisitWindow:
    """Target day and window of a scheduled visit."""
    v = params.visit(code)
    target = v.offset_days + (i2_day if v.anchor == "I2" else 0)
    return VisitWindow(code, target, target + v.early, target + v.late)


def due_day(code: str, i2_day: int, params: ProtocolParams) -> int:
    """Last study day on which a missing result of this visit is still `pending` (§0): latest + grace days."""
    return visit_window(code, i2_day, params).latest + params.data_entry_grace_days


def day_to_date(day0: date, day: int) -> date:
    """Calendar date of a study day."""
    return day0 + timedelta(days=day)


def date_to_day(day0: date, when: date) -> int:
    """Study day of a calendar date (negative before Day 0)."""
    return (when - day0).days


def visit_date_window(code: str, day0: date, i2_day: int, params: ProtocolParams) -> DateWindow:
    """Target date and window of a scheduled visit as calendar dates."""
    w = visit_window(code, i2_day, params)
    return DateWindow(code, day_to_date(day0, w.target), day_to_date(day0, w.earliest), day_to_date(day0, w.latest))


def due_date(code: str, day0: date, i2_day: int, params: ProtocolParams) -> date:
    """Calendar date of `due_day`."""
    return day_to_date(day0, due_day(code, i2_day, params))
