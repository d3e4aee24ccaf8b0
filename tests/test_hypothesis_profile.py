"""Hypothesis runs derandomized in CI (the same examples every run) and keeps failing examples locally."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

IN_CI = os.environ.get("CI", "").lower() in ("true", "1")


def test_the_profile_follows_the_ci_variable():
    assert settings.default.derandomize is IN_CI
    assert (settings.default.database is None) is IN_CI


drawn: list[int] = []


@settings(max_examples=5)
@given(st.integers())
def _draw(value: int) -> None:
    drawn.append(value)


@pytest.mark.skipif(not IN_CI, reason="local runs draw new examples on purpose")
def test_ci_draws_the_same_examples_on_every_run():
    _draw()
    first = list(drawn)
    drawn.clear()
    _draw()
    assert drawn == first
