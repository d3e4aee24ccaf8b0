"""SLEDAI-2K scoring and LLDAS descriptor groups (endpoints.md §3.1, §3.5)."""

from __future__ import annotations

from endpoints import sledai
from endpoints.vocab import SLEDAI_KEYS
from tests.endpoints.builders import sledai_answers, sledai_scoring


def test_weights_sum_to_105() -> None:
    assert sledai.score({k: True for k in SLEDAI_KEYS}) == 105
    assert sledai.score(sledai_answers()) == 0


def test_score_of_ticked_descriptors() -> None:
    assert sledai.score(sledai_answers("seizure", "arthritis", "rash", "fever")) == 8 + 4 + 2 + 1


def test_one_unanswered_descriptor_makes_score_missing() -> None:
    answers = sledai_answers("arthritis", unanswered=("leukopenia",))
    assert sledai.score(answers) is None
    assert not sledai.is_complete(answers)
    assert sledai.partial_sum(answers) == 4
    assert sledai.unanswered(answers) == ("leukopenia",)


def test_none_counts_as_unanswered() -> None:
    answers = dict(sledai_answers())
    answers["fever"] = None  # type: ignore[assignment]
    assert sledai.score(answers) is None


def test_lldas_groups() -> None:
    answers = sledai_answers("hematuria", "rash", "pleurisy", "fever", "cva", "vasculitis", "arthritis")
    assert sledai.lldas_excluded_ticked(answers) == ("cva", "vasculitis", "hematuria", "pleurisy", "fever")
    assert sledai.lldas_excluded_ticked(sledai_answers("rash", "arthritis", "low_complement")) == ()


def test_newly_ticked() -> None:
    prev = sledai_answers("rash")
    assert sledai.newly_ticked(sledai_answers("rash", "alopecia"), prev) == ("alopecia",)
    assert sledai.newly_ticked(sledai_answers(), prev) == ()


def test_builder_totals() -> None:
    for total in (0, 2, 4, 6, 10, 12, 20):
        assert sledai.score(sledai_scoring(total)) == total
