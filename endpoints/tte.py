"""Time-to-event bookkeeping shared by the TTE endpoints (endpoints.md §4.2, §8.2, §8.4).

An endpoint collects candidate onsets (`Onset`: a study day and the sentence that explains it); `decide` keeps
those on days 1 … min(H, as_of), returns the earliest as the event, and otherwise censors at the last
assessment on or before min(H, as_of, withdrawal, death) (day 0 if none), `pending` while as_of < H and the
subject is still on study. Events after withdrawal still count (§8.4); death without the event censors at the
last assessment.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from endpoints.results import CENSORED, EVENT, NOT_APPLICABLE, NOT_EVALUABLE, PENDING, POPULATION, EndpointResult
from endpoints.timeline import Timeline


@lru_cache(maxsize=4096)  # the same values are written again and again
def num(value: float) -> str:
    """A value as a coordinator reads it: at most 3 decimals, no trailing zeros."""
    text = f"{round(value, 3):.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def r6(value: float) -> float:
    """Round a computed difference, ratio or product to 6 decimals before comparing (§0)."""
    return round(value, 6)


@dataclass(frozen=True)
class Onset:
    """One candidate event: its study day, a clause naming the deciding values, and drill-down facts."""

    day: int
    text: str
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FollowUp:
    """What a TTE endpoint needs to know about a subject's follow-up, in study days."""

    day0: date
    horizon: int
    as_of_day: int
    withdrawal_day: int | None  # only when dated ≤ as_of
    death_day: int | None  # only when dated ≤ as_of
    assessment_days: tuple[int, ...]  # sorted ascending; every assessment of §8.1
    on_study: bool = True  # neither withdrawn (dated or not) nor dead as of as_of
    assessment_codes: tuple[str, ...] = ()  # visit code of each assessment day, for reasons

    @classmethod
    def from_timeline(cls, tl: Timeline) -> FollowUp:
        """The follow-up facts of a timeline that has a Day 0."""
        assert tl.day0 is not None and tl.as_of_day is not None, "no Day 0"
        return cls(tl.day0, tl.horizon, tl.as_of_day, tl.withdrawal_day, tl.death_day,
                   tuple(dv.day for dv in tl.assessments), tl.on_study, tuple(dv.code for dv in tl.assessments))

    @property
    def last_onset_day(self) -> int:
        """Onsets count on days 1 … this day (min(H, as_of))."""
        return min(self.horizon, self.as_of_day)

    def counts(self, day: int) -> bool:
        return 1 <= day <= self.last_onset_day

    def date_of(self, day: int) -> date:
        return self.day0 + timedelta(days=day)

    @property
    def censor_cutoff(self) -> int:
        return min(d for d in (self.horizon, self.as_of_day, self.withdrawal_day, self.death_day) if d is not None)

    @property
    def censor_day(self) -> int:
        """max(0, the last assessment day on or before min(H, as_of, withdrawal, death)) (§8.2)."""
        i = bisect_right(self.assessment_days, self.censor_cutoff)
        return max(0, self.assessment_days[i - 1]) if i else 0

    @property
    def is_pending(self) -> bool:
        """Follow-up still running: as_of before H and the subject on study."""
        return self.as_of_day < self.horizon and self.on_study

    def to_json(self) -> dict[str, Any]:
        return {
            "day0": self.day0.isoformat(),
            "horizon_day": self.horizon,
            "as_of_day": self.as_of_day,
            "withdrawal_day": self.withdrawal_day,
            "death_day": self.death_day,
            "censor_cutoff_day": self.censor_cutoff,
        }


def _censor_clause(follow: FollowUp) -> str:
    """'day 140, the last assessment (W20) on or before day 150 (withdrawn day 150)'."""
    day = follow.censor_day
    i = bisect_right(follow.assessment_days, follow.censor_cutoff)
    if i:
        code = f" ({follow.assessment_codes[i - 1]})" if follow.assessment_codes else ""
        where = f"day {day}, the last assessment{code} on or before day {follow.censor_cutoff}"
    else:
        where = f"day 0: no assessment on or before day {follow.censor_cutoff}"
    causes = []
    if follow.withdrawal_day is not None:
        causes.append(f"withdrawn day {follow.withdrawal_day}")
    elif not follow.on_study and follow.death_day is None:
        causes.append("withdrawn")
    if follow.death_day is not None:
        causes.append(f"died day {follow.death_day}")
    return where + (f" ({', '.join(causes)})" if causes else "")


def decide(follow: FollowUp, onsets: Iterable[Onset], what: str, details: dict[str, Any] | None = None,
           note: str = "") -> EndpointResult:
    """Event at the earliest counting onset; else censored (or pending) at the censoring day.

    `what` names the event in the reason ("renal flare"); `details` is merged into the result's details;
    `note` (a clause) is added to a censoring reason, e.g. which choice or missing value mattered.
    """
    found = sorted(onsets, key=lambda o: o.day)
    counted = [o for o in found if follow.counts(o.day)]
    out: dict[str, Any] = {"follow_up": follow.to_json()}
    out.update(details or {})
    out["candidates"] = [
        {"day": o.day, "date": follow.date_of(o.day), "counted": follow.counts(o.day), "text": o.text, **o.details}
        for o in found
    ]
    if counted:
        first = counted[0]
        out["event_day"] = first.day
        out["event_date"] = follow.date_of(first.day)
        return EndpointResult(EVENT, f"{_cap(what)} on day {first.day}: {first.text}.", first.day, out)
    day = follow.censor_day
    out["censor_day"] = day
    ignored = [o for o in found if not follow.counts(o.day)]
    tail = ""
    if ignored:
        tail = f"; {len(ignored)} onset(s) outside days 1–{follow.last_onset_day} ignored"
    if note:
        tail += f"; {note}"
    if follow.is_pending:
        out["provisional"] = True
        reason = (f"No {what} so far (days 1–{follow.last_onset_day}, follow-up to H = day {follow.horizon}); "
                  f"provisional censoring at {_censor_clause(follow)}{tail}.")
        return EndpointResult(PENDING, reason, day, out)
    reason = f"No {what} on days 1–{follow.last_onset_day}; censored at {_censor_clause(follow)}{tail}."
    return EndpointResult(CENSORED, reason, day, out)


def not_evaluable(reason: str, details: dict[str, Any] | None = None) -> EndpointResult:
    return EndpointResult(NOT_EVALUABLE, reason, None, dict(details or {}))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def gate(endpoint_id: str, tl: Timeline) -> EndpointResult | None:
    """The result when the endpoint cannot run: subject outside its population, or no Day 0 (§0); else None."""
    population = POPULATION[endpoint_id]
    if population != "all" and tl.dossier.subject.subgroup != population:
        return EndpointResult(NOT_APPLICABLE, f"Not applicable: endpoint is for {population} subjects only.")
    if tl.day0 is None:
        status, why = tl.no_day0_outcome()
        return EndpointResult(status, _cap(why) + ".")
    return None
