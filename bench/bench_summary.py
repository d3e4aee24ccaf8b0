"""Time the study summary (endpoints.md §5) over N synthetic subjects' results; prints the figures.

    .venv/bin/python bench/bench_summary.py [--subjects 1000] [--repeat 5] [--seed 1]

Two inputs, both seeded: (1) synthetic SubjectResults with a plausible mix of statuses, event and censoring
days, treatment-failure components and LC change cells; (2) the engine's results on N synthetic dossiers made
from the example dossiers (tests/data/dossiers) with every lab value jittered by ±15 %. The figure reported is
the median wall time of `summarize` + `summary_to_json` (the JSON the dashboard and `main.py summary` use); the
one-off import time of scipy/numpy and the engine time for the dossiers are printed apart.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

T0 = time.perf_counter()
from endpoints.summary import summarize, summary_to_json  # noqa: E402

IMPORT_S = time.perf_counter() - T0

from endpoints.dossier_json import dossier_from_json  # noqa: E402
from endpoints.evaluate import evaluate_subject  # noqa: E402
from endpoints.params import params_from_mapping  # noqa: E402
from endpoints.results import (  # noqa: E402
    BINARY_ENDPOINTS,
    CHANGE_ANALYTES,
    CHANGE_VISITS,
    POPULATION,
    TIME_TO_EVENT_ENDPOINTS,
    TREATMENT_FAILURE_COMPONENTS,
    ChangeCell,
    EndpointResult,
    SubjectResults,
)

BINARY_MIX = ("met", "met", "not_met", "not_met", "not_met", "not_evaluable", "pending")
NE_REASONS = ("W24 visit missing", "baseline UPCR missing", "withdrawn day 95", "steroid log incomplete")


def synthetic_subject(rng: random.Random, i: int) -> SubjectResults:
    subgroup = "LN" if i % 2 == 0 else "LC"
    endpoints: dict[str, EndpointResult] = {}
    for eid in BINARY_ENDPOINTS:
        if POPULATION[eid] not in ("all", subgroup):
            endpoints[eid] = EndpointResult("not_applicable", "other subgroup")
            continue
        status = rng.choice(BINARY_MIX)
        reason = rng.choice(NE_REASONS) if status == "not_evaluable" else f"{status}: values and thresholds"
        endpoints[eid] = EndpointResult(status, reason)
    for eid in TIME_TO_EVENT_ENDPOINTS:
        endpoints[eid] = tte(rng) if POPULATION[eid] in ("all", subgroup) else EndpointResult("not_applicable", "-")
    if subgroup == "LN":
        comps = {name: tte(rng) for name in TREATMENT_FAILURE_COMPONENTS}
        endpoints["ln_treatment_failure_components"] = EndpointResult("computed", "components", components=comps)
        endpoints["lc_hematology_change"] = EndpointResult("not_applicable", "LN subject")
    else:
        endpoints["ln_treatment_failure_components"] = EndpointResult("not_applicable", "LC subject")
        visits = {
            v: {a: change_cell(rng, a) for a in CHANGE_ANALYTES} for v in CHANGE_VISITS
        }
        endpoints["lc_hematology_change"] = EndpointResult("computed", "change table", visits=visits)
    return SubjectResults(f"{subgroup}-{i:04d}", subgroup, date(2026, 7, 1), date(2026, 1, 5), endpoints)


def tte(rng: random.Random) -> EndpointResult:
    roll = rng.random()
    if roll < 0.3:
        return EndpointResult("event", "event", day=rng.randint(1, 175))
    if roll < 0.9:
        return EndpointResult("censored", "censored", day=rng.choice((168, 168, 140, rng.randint(0, 175))))
    if roll < 0.97:
        return EndpointResult("pending", "follow-up ongoing", day=rng.randint(0, 168))
    return EndpointResult("not_evaluable", "infusion 1 was never given")


def change_cell(rng: random.Random, analyte: str) -> ChangeCell:
    if rng.random() < 0.1:
        return ChangeCell("not_evaluable", reason="missing")
    base = {"wbc_10e9_l": 3.0, "anc_10e9_l": 1.2, "platelets_10e9_l": 60.0, "hemoglobin_g_dl": 9.0}[analyte]
    baseline = round(base * rng.uniform(0.3, 1.5), 2)
    value = round(baseline * rng.uniform(0.6, 2.0), 2)
    change = round(value - baseline, 6)
    return ChangeCell("ok", baseline, value, change, round(100 * change / baseline, 6))


EXAMPLES = Path(__file__).resolve().parent.parent / "tests" / "data" / "dossiers"


def engine_subjects(rng: random.Random, n: int) -> tuple[list[SubjectResults], float]:
    """Engine results for n jittered copies of the example dossiers, and the engine's total time (s)."""
    examples = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.json"))]
    dossiers = []
    for i in range(n):
        obj = copy.deepcopy(rng.choice(examples))
        obj["subject"]["id"] = f"{obj['subject']['subgroup']}-{i:04d}"
        for v in obj.get("visits", []):
            for key, value in v.get("labs", {}).items():
                if isinstance(value, float | int) and not isinstance(value, bool):
                    v["labs"][key] = round(value * rng.uniform(0.85, 1.15), 2)
        params = params_from_mapping(obj["extensions"].get("params", {}))
        dossiers.append((dossier_from_json(obj), params))
    t = time.perf_counter()
    results = [evaluate_subject(d, p) for d, p in dossiers]
    return results, time.perf_counter() - t


def time_summary(subjects: list[SubjectResults], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        summary_to_json(summarize(subjects, as_of=date(2026, 7, 1)))
        times.append(time.perf_counter() - t)
    return times


def report(label: str, times: list[float]) -> None:
    print(f"{label}: median {statistics.median(times) * 1000:.1f} ms, min {min(times) * 1000:.1f} ms, "
          f"max {max(times) * 1000:.1f} ms over {len(times)} runs (goal ≤ 1000 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subjects", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"import endpoints.summary (numpy, scipy.stats): {IMPORT_S * 1000:.0f} ms (once per process)")
    synthetic = [synthetic_subject(rng, i) for i in range(args.subjects)]
    report(f"summary of {args.subjects} synthetic SubjectResults", time_summary(synthetic, args.repeat))
    engine, engine_s = engine_subjects(rng, args.subjects)
    print(f"engine on {args.subjects} jittered example dossiers: {engine_s * 1000:.0f} ms "
          f"({engine_s / args.subjects * 1000:.2f} ms per subject)")
    report(f"summary of those {args.subjects} engine results", time_summary(engine, args.repeat))


if __name__ == "__main__":
    main()
