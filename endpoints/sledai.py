"""SLEDAI-2K scoring (endpoints.md §3.1) and the descriptor groups LLDAS uses (§3.5)."""

from __future__ import annotations

import operator
from collections.abc import Mapping
from itertools import compress, repeat

from endpoints.vocab import SLEDAI_KEYS, SLEDAI_LLDAS_EXCLUDED, SLEDAI_WEIGHTS

_WEIGHTS_IN_KEY_ORDER = tuple(SLEDAI_WEIGHTS[k] for k in SLEDAI_KEYS)


def is_complete(answers: Mapping[str, bool | None]) -> bool:
    """True when all 24 descriptors are answered (yes or no)."""
    return len(answers) >= len(SLEDAI_KEYS) and None not in map(answers.get, SLEDAI_KEYS)


def score(answers: Mapping[str, bool | None]) -> int | None:
    """SLEDAI-2K total (0–105); None if any of the 24 descriptors is unanswered."""
    if not is_complete(answers):
        return None
    return partial_sum(answers)


def partial_sum(answers: Mapping[str, bool | None]) -> int:
    """Sum of the weights of the descriptors ticked so far: a lower bound of the total."""
    answered_yes = map(operator.is_, map(answers.get, SLEDAI_KEYS), repeat(True))
    return sum(compress(_WEIGHTS_IN_KEY_ORDER, answered_yes))


def ticked(answers: Mapping[str, bool | None]) -> tuple[str, ...]:
    """Descriptors answered yes, in form order."""
    return tuple(k for k in SLEDAI_KEYS if answers.get(k) is True)


def unanswered(answers: Mapping[str, bool | None]) -> tuple[str, ...]:
    """Descriptors not answered, in form order."""
    return tuple(k for k in SLEDAI_KEYS if answers.get(k) is None)


def lldas_excluded_ticked(answers: Mapping[str, bool | None]) -> tuple[str, ...]:
    """Ticked descriptors of the renal, CNS, cardiopulmonary, vasculitis or fever groups (LLDAS criterion 1)."""
    return tuple(k for k in SLEDAI_KEYS if k in SLEDAI_LLDAS_EXCLUDED and answers.get(k) is True)


def newly_ticked(current: Mapping[str, bool | None], previous: Mapping[str, bool | None]) -> tuple[str, ...]:
    """Descriptors ticked now that were not ticked at the previous assessment (LLDAS criterion 2)."""
    return tuple(k for k in SLEDAI_KEYS if current.get(k) is True and previous.get(k) is not True)
