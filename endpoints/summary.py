"""Study-level summaries over many subjects' endpoint results (endpoints.md §5).

Pure functions of a list of `SubjectResults`:
- binary endpoints: responders / n (n = met + not_met) with the exact Clopper–Pearson 95 % CI, and the counts
  not evaluable (reasons tallied), pending and not applicable apart; per subgroup and, for endpoints of both
  subgroups, overall; `sledai_reduction_ge4_w24` also restricted to baseline SLEDAI-2K ≥ 4 (§8.20);
- time-to-event endpoints and each LN treatment-failure component: Kaplan–Meier (scipy.stats.ecdf over
  CensoredData) with S(t) at days 28, 84, 168 (1 − S(t) for complete remission), the median if reached, and the
  step table (day, at risk, events, censored, survival) from which a curve with censoring marks and a
  numbers-at-risk row are drawn; provisional when any subject is still pending;
- the LC haematology change table: per visit × analyte n, mean, SD (n − 1), median, min, max of the change
  and the median % change.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from statistics import fmean, median, stdev
from typing import Any

import numpy as np
from scipy import stats

from endpoints import vocab
from endpoints.results import (
    BINARY_ENDPOINTS,
    CENSORED,
    CHANGE_ANALYTES,
    CHANGE_VISITS,
    COMPUTED,
    EVENT,
    MET,
    NOT_APPLICABLE,
    NOT_EVALUABLE,
    NOT_MET,
    OK,
    PENDING,
    POPULATION,
    TIME_TO_EVENT_ENDPOINTS,
    TREATMENT_FAILURE_COMPONENTS,
    EndpointResult,
    SubjectResults,
)

LANDMARK_DAYS = (28, 84, 168)
AT_RISK_DAYS = (0, 28, 56, 84, 112, 140, 168)
CUMULATIVE_ENDPOINTS = ("ln_time_to_complete_remission",)  # reported as 1 − S(t): the proportion in remission
SRI4_ID = "sri4_w24"
RESTRICTED_SLEDAI_ID = "sledai_reduction_ge4_w24_baseline_ge4"
ALL = "all"


@dataclass(frozen=True)
class Proportion:
    """One binary endpoint in one group (a subgroup or "all")."""

    endpoint: str
    group: str
    responders: int
    n: int  # met + not_met
    proportion: float | None
    ci_low: float | None
    ci_high: float | None
    not_evaluable: int
    not_evaluable_reasons: dict[str, int]
    pending: int
    not_applicable: int


@dataclass(frozen=True)
class KMStep:
    """One distinct time of the Kaplan–Meier table; `survival` is S just after `day`."""

    day: int
    at_risk: int
    events: int
    censored: int
    survival: float


@dataclass(frozen=True)
class KaplanMeier:
    """Kaplan–Meier estimate of one time-to-event endpoint (or treatment-failure component) in one group."""

    endpoint: str
    group: str
    n: int  # subjects in the estimate: event, censored, or pending with a provisional censoring day
    events: int
    censored: int  # censored, plus pending with a provisional censoring day
    pending: int  # all pending results; those without a day (no Day 0 yet) are not in the estimate
    not_evaluable: int
    not_applicable: int
    provisional: bool
    cumulative: bool  # at_days hold 1 − S(t)
    at_days: dict[int, float | None]  # None beyond the last observed day
    median_day: float | None
    steps: tuple[KMStep, ...]
    censor_days: tuple[int, ...]
    at_risk_at: dict[int, int]


@dataclass(frozen=True)
class ChangeStats:
    """The change from baseline of one analyte at one visit over LC subjects (§5)."""

    visit: str
    analyte: str
    n: int
    mean: float | None
    sd: float | None  # n − 1 denominator; None for n < 2
    median: float | None
    min: float | None
    max: float | None
    median_pct_change: float | None
    n_pct: int
    pending: int
    not_evaluable: int


@dataclass(frozen=True)
class StudySummary:
    as_of: date | None
    n_subjects: int
    subjects_by_subgroup: dict[str, int]
    nonresponder_imputation: bool
    provisional: bool
    proportions: dict[str, dict[str, Proportion]] = field(default_factory=dict)  # endpoint -> group -> value
    kaplan_meier: dict[str, dict[str, KaplanMeier]] = field(default_factory=dict)
    components: dict[str, dict[str, KaplanMeier]] = field(default_factory=dict)  # LN treatment-failure parts
    hematology_change: dict[str, dict[str, ChangeStats]] = field(default_factory=dict)  # visit -> analyte


def _groups(endpoint_population: str) -> tuple[str, ...]:
    if endpoint_population == ALL:
        return (*vocab.SUBGROUPS, ALL)
    return (endpoint_population,)


def _in_group(subject: SubjectResults, group: str) -> bool:
    return group == ALL or subject.subgroup == group


# ---------------------------------------------------------------------------------------------------------------
# Proportions


@lru_cache(maxsize=1024)
def exact_ci(k: int, n: int) -> tuple[float, float]:
    """The exact Clopper–Pearson 95 % CI of k / n (n > 0), cached: ~2 ms each, and most counts recur at the next
    refresh."""
    ci = stats.binomtest(k, n).proportion_ci(0.95, method="exact")
    return float(ci.low), float(ci.high)


def proportion(endpoint: str, group: str, results: Iterable[EndpointResult]) -> Proportion:
    """Responders / (met + not_met) with the exact Clopper–Pearson 95 % CI (none when n = 0)."""
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    for r in results:
        counts[r.status] += 1
        if r.status == NOT_EVALUABLE:
            reasons[r.reason] += 1
    k, n = counts[MET], counts[MET] + counts[NOT_MET]
    low = high = prop = None
    if n:
        prop = k / n
        low, high = exact_ci(k, n)
    return Proportion(
        endpoint=endpoint, group=group, responders=k, n=n, proportion=prop, ci_low=low, ci_high=high,
        not_evaluable=counts[NOT_EVALUABLE], not_evaluable_reasons=dict(reasons.most_common()),
        pending=counts[PENDING], not_applicable=counts[NOT_APPLICABLE],
    )


def proportions(subjects: Sequence[SubjectResults]) -> dict[str, dict[str, Proportion]]:
    """Every binary endpoint per group, plus `sledai_reduction_ge4_w24` among subjects with baseline ≥ 4 (§8.20)."""
    out: dict[str, dict[str, Proportion]] = {}
    for eid in BINARY_ENDPOINTS:
        out[eid] = {
            g: proportion(eid, g, (s.endpoints[eid] for s in subjects if _in_group(s, g) and eid in s.endpoints))
            for g in _groups(POPULATION[eid])
        }
    base = "sledai_reduction_ge4_w24"
    out[RESTRICTED_SLEDAI_ID] = {
        g: proportion(RESTRICTED_SLEDAI_ID, g, (
            s.endpoints[base] for s in subjects if _in_group(s, g) and base in s.endpoints and _baseline_ge4(s)
        ))
        for g in _groups(ALL)
    }
    return out


def _baseline_ge4(subject: SubjectResults) -> bool:
    """Whether the subject belongs to the baseline SLEDAI-2K ≥ 4 population.

    The baseline score comes from the endpoint's details (``details["sledai"]["baseline"]``); without it, from
    `sri4_w24`, whose population is exactly baseline ≥ 4. A missing baseline keeps the subject in, as SRI-4 does.
    """
    details = subject.endpoints["sledai_reduction_ge4_w24"].details.get("sledai")
    if isinstance(details, dict) and isinstance(details.get("baseline"), int):
        return details["baseline"] >= 4
    sri4 = subject.endpoints.get(SRI4_ID)
    return sri4 is None or sri4.status != NOT_APPLICABLE


# ---------------------------------------------------------------------------------------------------------------
# Kaplan–Meier


def kaplan_meier(endpoint: str, group: str, results: Iterable[EndpointResult], cumulative: bool = False) -> KaplanMeier:
    """Kaplan–Meier over event / censored / pending results (pending = provisional censoring at its day)."""
    counts: Counter[str] = Counter()
    event_days: list[int] = []
    censor_days: list[int] = []
    for r in results:
        counts[r.status] += 1
        if r.day is None:
            continue
        if r.status == EVENT:
            event_days.append(r.day)
        elif r.status in (CENSORED, PENDING):
            censor_days.append(r.day)
    n = len(event_days) + len(censor_days)
    at_days: dict[int, float | None] = dict.fromkeys(LANDMARK_DAYS)
    steps: tuple[KMStep, ...] = ()
    median_day: float | None = None
    if n:
        fit = stats.ecdf(stats.CensoredData(uncensored=event_days, right=censor_days)).sf
        times = np.asarray(fit.quantiles, dtype=float)
        surv = np.asarray(fit.probabilities, dtype=float)
        steps = _step_table(times, surv, np.asarray(event_days), np.asarray(censor_days))
        last = times[-1]
        values = fit.evaluate(np.asarray(LANDMARK_DAYS, dtype=float))
        at_days = {
            d: (None if d > last else _clean(1.0 - v if cumulative else v))
            for d, v in zip(LANDMARK_DAYS, values, strict=True)
        }
        reached = [s.day for s in steps if s.events and s.survival <= 0.5 + 1e-12]
        median_day = float(reached[0]) if reached else None
    all_days = np.asarray(event_days + censor_days)
    return KaplanMeier(
        endpoint=endpoint, group=group, n=n, events=len(event_days), censored=len(censor_days),
        pending=counts[PENDING], not_evaluable=counts[NOT_EVALUABLE], not_applicable=counts[NOT_APPLICABLE],
        provisional=counts[PENDING] > 0, cumulative=cumulative, at_days=at_days, median_day=median_day,
        steps=steps, censor_days=tuple(sorted(censor_days)),
        at_risk_at={d: int((all_days >= d).sum()) for d in AT_RISK_DAYS},
    )


def _clean(value: float) -> float:
    return round(float(value), 12)


def _step_table(times: np.ndarray, surv: np.ndarray, events: np.ndarray, censored: np.ndarray) -> tuple[KMStep, ...]:
    all_days = np.sort(np.concatenate([events, censored]))
    at_risk = len(all_days) - np.searchsorted(all_days, times, side="left")
    ev = _count_at(np.sort(events), times)
    ce = _count_at(np.sort(censored), times)
    return tuple(
        KMStep(day=int(t), at_risk=int(a), events=int(e), censored=int(c), survival=_clean(s))
        for t, a, e, c, s in zip(times, at_risk, ev, ce, surv, strict=True)
    )


def _count_at(sorted_days: np.ndarray, times: np.ndarray) -> np.ndarray:
    return np.searchsorted(sorted_days, times, side="right") - np.searchsorted(sorted_days, times, side="left")


def _component(subject: SubjectResults, name: str) -> EndpointResult | None:
    composite = subject.endpoints.get("ln_treatment_failure_components")
    if composite is None:
        return None
    if composite.components and name in composite.components:
        return composite.components[name]
    if composite.status == COMPUTED:
        return None
    # No Day 0 or other subgroup: every component shares the composite's status (§0).
    return EndpointResult(status=composite.status, reason=composite.reason)


def kaplan_meiers(subjects: Sequence[SubjectResults]) -> dict[str, dict[str, KaplanMeier]]:
    """Kaplan–Meier of every time-to-event endpoint per group."""
    return {
        eid: {
            g: kaplan_meier(eid, g, (s.endpoints[eid] for s in subjects if _in_group(s, g) and eid in s.endpoints),
                            cumulative=eid in CUMULATIVE_ENDPOINTS)
            for g in _groups(POPULATION[eid])
        }
        for eid in TIME_TO_EVENT_ENDPOINTS
    }


def component_kaplan_meiers(subjects: Sequence[SubjectResults]) -> dict[str, dict[str, KaplanMeier]]:
    """Kaplan–Meier of each LN treatment-failure component (population LN)."""
    group = POPULATION["ln_treatment_failure_components"]
    out: dict[str, dict[str, KaplanMeier]] = {}
    for name in TREATMENT_FAILURE_COMPONENTS:
        results = (_component(s, name) for s in subjects if _in_group(s, group))
        out[name] = {group: kaplan_meier(name, group, (r for r in results if r is not None))}
    return out


# ---------------------------------------------------------------------------------------------------------------
# LC haematology change


def hematology_change(subjects: Sequence[SubjectResults]) -> dict[str, dict[str, ChangeStats]]:
    """Per visit (registry visits first, then any supplementary ones) and analyte: statistics of the change."""
    cells: dict[str, dict[str, list]] = {}
    for s in subjects:
        r = s.endpoints.get("lc_hematology_change")
        if r is None or r.visits is None:
            continue
        for code, by_analyte in r.visits.items():
            for analyte, cell in by_analyte.items():
                cells.setdefault(code, {}).setdefault(analyte, []).append(cell)
    order = {code: i for i, code in enumerate(CHANGE_VISITS + vocab.SCHEDULED_VISIT_CODES)}
    out: dict[str, dict[str, ChangeStats]] = {}
    for code in sorted(set(cells) | set(CHANGE_VISITS), key=lambda c: order.get(c, len(order))):
        by_analyte = cells.get(code, {})
        analytes = list(CHANGE_ANALYTES) + [a for a in by_analyte if a not in CHANGE_ANALYTES]
        out[code] = {a: _change_stats(code, a, by_analyte.get(a, [])) for a in analytes}
    return out


def _change_stats(visit: str, analyte: str, cells: list) -> ChangeStats:
    changes = [c.change for c in cells if c.status == OK and c.change is not None]
    pcts = [c.pct_change for c in cells if c.status == OK and c.pct_change is not None]
    statuses = Counter(c.status for c in cells)
    return ChangeStats(
        visit=visit, analyte=analyte, n=len(changes),
        mean=fmean(changes) if changes else None,
        sd=stdev(changes) if len(changes) > 1 else None,
        median=median(changes) if changes else None,
        min=min(changes) if changes else None,
        max=max(changes) if changes else None,
        median_pct_change=median(pcts) if pcts else None,
        n_pct=len(pcts),
        pending=statuses[PENDING],
        not_evaluable=statuses[NOT_EVALUABLE],
    )


# ---------------------------------------------------------------------------------------------------------------
# Whole study


def summarize(
    subjects: Sequence[SubjectResults], *, nonresponder_imputation: bool = False, as_of: date | None = None
) -> StudySummary:
    """The study summary of §5 over the given subjects' results.

    `nonresponder_imputation` records the parameter the results were computed with: the engine already turns
    the imputable not_evaluable results into not_met (§0), so they are counted where the engine put them.
    """
    km = kaplan_meiers(subjects)
    comps = component_kaplan_meiers(subjects)
    provisional = any(k.provisional for by_group in (*km.values(), *comps.values()) for k in by_group.values())
    return StudySummary(
        as_of=as_of,
        n_subjects=len(subjects),
        subjects_by_subgroup={g: sum(1 for s in subjects if s.subgroup == g) for g in vocab.SUBGROUPS},
        nonresponder_imputation=nonresponder_imputation,
        provisional=provisional,
        proportions=proportions(subjects),
        kaplan_meier=km,
        components=comps,
        hematology_change=hematology_change(subjects),
    )


def summary_to_json(summary: StudySummary, digits: int = 6) -> dict[str, Any]:
    """The summary as JSON-ready values (floats rounded to `digits`), for `main.py summary`."""

    def num(value: float | None) -> float | None:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        return round(float(value), digits)

    def prop_json(p: Proportion) -> dict[str, Any]:
        return {
            "responders": p.responders, "n": p.n, "proportion": num(p.proportion),
            "ci_low": num(p.ci_low), "ci_high": num(p.ci_high), "not_evaluable": p.not_evaluable,
            "not_evaluable_reasons": p.not_evaluable_reasons, "pending": p.pending,
            "not_applicable": p.not_applicable,
        }

    def km_json(k: KaplanMeier) -> dict[str, Any]:
        return {
            "n": k.n, "events": k.events, "censored": k.censored, "pending": k.pending,
            "not_evaluable": k.not_evaluable, "not_applicable": k.not_applicable, "provisional": k.provisional,
            "estimate": "1 - S(t)" if k.cumulative else "S(t)",
            "at_days": {str(d): num(v) for d, v in k.at_days.items()},
            "median_day": num(k.median_day),
            "steps": [
                {"day": s.day, "at_risk": s.at_risk, "events": s.events, "censored": s.censored,
                 "survival": num(s.survival)}
                for s in k.steps
            ],
            "censor_days": list(k.censor_days),
            "at_risk_at": {str(d): v for d, v in k.at_risk_at.items()},
        }

    def change_json(c: ChangeStats) -> dict[str, Any]:
        return {
            "n": c.n, "mean": num(c.mean), "sd": num(c.sd), "median": num(c.median), "min": num(c.min),
            "max": num(c.max), "median_pct_change": num(c.median_pct_change), "n_pct": c.n_pct,
            "pending": c.pending, "not_evaluable": c.not_evaluable,
        }

    return {
        "as_of": summary.as_of.isoformat() if summary.as_of else None,
        "n_subjects": summary.n_subjects,
        "subjects_by_subgroup": summary.subjects_by_subgroup,
        "nonresponder_imputation": summary.nonresponder_imputation,
        "provisional": summary.provisional,
        "proportions": {e: {g: prop_json(p) for g, p in by.items()} for e, by in summary.proportions.items()},
        "kaplan_meier": {e: {g: km_json(k) for g, k in by.items()} for e, by in summary.kaplan_meier.items()},
        "treatment_failure_components": {
            e: {g: km_json(k) for g, k in by.items()} for e, by in summary.components.items()
        },
        "lc_hematology_change": {
            v: {a: change_json(c) for a, c in by.items()} for v, by in summary.hematology_change.items()
        },
    }
