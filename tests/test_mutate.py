"""The mutation script's mutants still fit the code: each snippet occurs exactly once in its file and each test
path exists (a mutant that no longer applies is reported "stale" by scripts/mutate.py, and fails here first)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.mutate import MUTANTS, ROOT, Mutant


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda m: m.name)
def test_the_mutant_applies_and_its_tests_exist(mutant: Mutant) -> None:
    assert (ROOT / mutant.path).read_text(encoding="utf-8").count(mutant.original) == 1
    assert mutant.original != mutant.replacement
    assert [t for t in mutant.tests if not (ROOT / t).exists()] == []


def test_mutants_have_distinct_names() -> None:
    assert len({m.name for m in MUTANTS}) == len(MUTANTS) >= 15
    assert Path(__file__).resolve().parents[1] == ROOT
