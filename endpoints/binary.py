"""Status resolution shared by the binary endpoints (endpoints.md §0).

An endpoint records what it found in a `Findings`: disqualifying facts (`fail`), satisfied components (`ok`)
and missing inputs (`missing`, with a cause). `resolve` turns them into a status in the order of §0:
not_met (any disqualifying fact, even with inputs missing) → met (nothing missing) → pending (`as_of` ≤ due
day, subject on study) → not_evaluable. With `nonresponder_imputation`, a not_evaluable caused by death,
withdrawal or a missing visit becomes not_met. `precheck` applies the population and "No Day 0" rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from endpoints.results import MET, NOT_APPLICABLE, NOT_EVALUABLE, NOT_MET, PENDING, POPULATION, EndpointResult
from endpoints.timeline import EvaluationContext

# Causes of a missing input. Only VISIT and OFF_STUDY are imputed as non-response.
VISIT = "visit"  # the governing visit was not done (or was rejected out of window)
OFF_STUDY = "off_study"  # a period could not be closed because the subject withdrew or died
VALUE = "value"  # a value is missing at a performed visit, or a baseline is missing
LOG = "log"  # the steroid log does not cover the period
IMPUTED_CAUSES = (VISIT, OFF_STUDY)


@lru_cache(maxsize=4096)  # the same values are written again and again
def num(value: float | int, places: int = 3) -> str:
    """A number as a coordinator reads it: at most `places` decimals, no trailing zeros."""
    text = f"{round(value, places):.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text.replace("-", "−")


def r6(value: float) -> float:
    """Round a computed difference, ratio or product to 6 decimals before comparing (§0)."""
    return round(value, 6)


def tenths(value: int) -> str:
    """PGA integer tenths as a decimal text (12 → '1.2')."""
    sign = "−" if value < 0 else ""
    return f"{sign}{abs(value) // 10}.{abs(value) % 10}"


@dataclass
class Findings:
    """What one binary endpoint found; see module docstring."""

    fails: list[str] = field(default_factory=list)
    oks: list[str] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def fail(self, text: str) -> None:
        self.fails.append(text)

    def ok(self, text: str) -> None:
        self.oks.append(text)

    def miss(self, text: str, cause: str) -> None:
        if all(text != known for known, _ in self.missing):
            self.missing.append((text, cause))


def precheck(ctx: EvaluationContext, endpoint_id: str) -> EndpointResult | None:
    """Population (not_applicable) and "No Day 0" (§0); None when the endpoint should be evaluated."""
    population = POPULATION[endpoint_id]
    subgroup = ctx.dossier.subject.subgroup
    if population != "all" and subgroup != population:
        return EndpointResult(
            NOT_APPLICABLE, f"Not applicable: endpoint is for {population} subjects only (subject is {subgroup})."
        )
    tl = ctx.timeline
    if tl.day0 is None:
        status, reason = tl.no_day0_outcome()
        return EndpointResult(status, reason[0].upper() + reason[1:] + ".")
    return None


def miss_visit(f: Findings, ctx: EvaluationContext, code: str, due_day: int) -> None:
    """Record the governing visit as missing ("not yet done" while it may still come)."""
    tl = ctx.timeline
    record = tl.visit_record(code)
    if tl.is_pending_window(due_day) and (record is None or not record.missed) and tl.out_of_window_visit(code) is None:
        f.miss(f"{code} visit not yet done", VISIT)
    else:
        f.miss(tl.missing_visit_text(code), VISIT)


def _sentence(parts: list[str]) -> str:
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "." if text else ""


def resolve(
    ctx: EvaluationContext, f: Findings, due_day: int, due_label: str, used: tuple[str, ...] = ("W24",),
) -> EndpointResult:
    """Apply the §0 status order to the findings.

    `due_label` names the governing visit (e.g. "W24"); out-of-window warnings are listed for the `used` visits.
    """
    tl = ctx.timeline
    details = dict(f.details)
    details["due_day"] = due_day
    details["due_date"] = tl.date_of(due_day)
    warnings = tl.window_warnings(used)
    if warnings:
        details["warnings"] = warnings
    if f.fails:
        return EndpointResult(NOT_MET, _sentence(f.fails + f.oks), details=details)
    if not f.missing:
        return EndpointResult(MET, _sentence(f.oks), details=details)
    missing = [text for text, _ in f.missing]
    details["missing"] = missing
    if tl.is_pending_window(due_day):
        tail = f"pending until the {due_label} due day {due_day} ({tl.date_of(due_day).isoformat()})"
        return EndpointResult(PENDING, _sentence(missing + [tail]), details=details)
    off = tl.off_study_text()
    parts = ([off] if off else []) + missing
    if ctx.params.nonresponder_imputation and any(cause in IMPUTED_CAUSES for _, cause in f.missing):
        details["imputed"] = True
        parts.append("counted as not met (nonresponder_imputation)")
        return EndpointResult(NOT_MET, _sentence(parts), details=details)
    return EndpointResult(NOT_EVALUABLE, _sentence(parts), details=details)
