"""Visit-schedule arithmetic (endpoints.md §1.2)."""

from __future__ import annotations

from datetime import date

import pytest

from endpoints import schedule
from endpoints.params import ProtocolParams
from tests.endpoints.builders import with_params

P = ProtocolParams()


@pytest.mark.parametrize(
    ("code", "target", "earliest", "latest"),
    [
        ("SCR", -1, -28, -1),
        ("D0", 0, 0, 0),
        ("D3", 3, 2, 4),
        ("W1", 7, 5, 9),
        ("W4", 28, 21, 35),
        ("W8", 56, 49, 63),
        ("W12", 84, 77, 91),
        ("W12D3", 87, 86, 88),
        ("W13", 91, 89, 93),
        ("W16", 112, 105, 119),
        ("W20", 140, 133, 147),
        ("W24", 168, 161, 175),
        ("Y1", 365, 335, 395),
        ("Y3", 1095, 1065, 1125),
        ("Y5", 1825, 1795, 1855),
    ],
)
def test_nominal_windows(code: str, target: int, earliest: int, latest: int) -> None:
    assert schedule.visit_window(code, 84, P) == schedule.VisitWindow(code, target, earliest, latest)


def test_post_i2_visits_follow_actual_i2() -> None:
    assert schedule.target_day("W24", 90, P) == 174
    assert schedule.target_day("W12D3", 90, P) == 93
    assert schedule.target_day("W12", 90, P) == 84  # W12 itself is anchored on Day 0
    assert schedule.target_day("Y1", 90, P) == 365


def test_effective_i2_day() -> None:
    assert schedule.effective_i2_day(90, P) == 90
    assert schedule.effective_i2_day(None, P) == 84
    assert schedule.effective_i2_day(90, with_params(anchor_post_i2_on_actual=False)) == 84
    assert schedule.nominal_i2_day(P) == 84


def test_due_day_adds_grace() -> None:
    assert schedule.due_day("W24", 84, P) == 175
    assert schedule.due_day("W24", 84, with_params(data_entry_grace_days=14)) == 189


def test_window_contains_edges() -> None:
    w = schedule.visit_window("W4", 84, P)
    assert w.contains(21) and w.contains(35)
    assert not w.contains(20) and not w.contains(36)


def test_unscheduled_has_no_window() -> None:
    with pytest.raises(KeyError):
        schedule.visit_window("UNS", 84, P)


def test_date_variants() -> None:
    day0 = date(2026, 1, 5)
    w = schedule.visit_date_window("W24", day0, 84, P)
    assert w == schedule.DateWindow("W24", date(2026, 6, 22), date(2026, 6, 15), date(2026, 6, 29))
    assert w.contains(date(2026, 6, 29)) and not w.contains(date(2026, 6, 30))
    assert schedule.due_date("W24", day0, 84, with_params(data_entry_grace_days=1)) == date(2026, 6, 30)
    assert schedule.date_to_day(day0, date(2026, 1, 1)) == -4
    assert schedule.day_to_date(day0, -4) == date(2026, 1, 1)
