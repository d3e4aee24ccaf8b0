"""`lldas_w24` (endpoints.md §3.5, §8.12, §8.13): all five LLDAS criteria at the W24 visit.

1. SLEDAI-2K ≤ `lldas_sledai_max` with no renal, CNS, cardiopulmonary, vasculitis or fever descriptor, haemolytic
   anaemia = no, GI activity = no (unanswered GI checkbox: BILAG GI grade D/E inactive, A/B/C active).
2. No descriptor ticked that was not ticked at the latest earlier visit with a complete SLEDAI-2K (§8.23 order: a
   UNS on the W24 day comes before W24), and
   `new_non_sledai_activity` ≠ yes (unanswered = no).
3. PGA ≤ `lldas_pga_max_tenths`.
4. D(W24 day) ≤ `lldas_pred_max` mg pred-eq.
5. `maintenance_is_standard_tolerated` = yes and no medication marked investigational active on the W24 day
   (the study product is disregarded: it is never listed as a medication).
"""

from __future__ import annotations

from endpoints import sledai
from endpoints.binary import LOG, VALUE, Findings, miss_visit, num, precheck, resolve, tenths
from endpoints.results import EndpointResult
from endpoints.steroids import milli_to_decimal
from endpoints.timeline import EvaluationContext, ScheduledVisit

ID = "lldas_w24"


def _criterion1(ctx: EvaluationContext, f: Findings, w24: ScheduledVisit) -> None:
    v, limit = w24.visit, ctx.params.lldas_sledai_max
    answers = v.sledai
    organ = sledai.lldas_excluded_ticked(answers)
    total = sledai.score(answers)
    partial = sledai.partial_sum(answers)
    f.details["sledai_w24"] = total if total is not None else {"partial_sum": partial}
    if organ:
        f.fail(f"criterion 1: organ activity ticked at W24 ({', '.join(organ)})")
    if partial > limit:
        label = "SLEDAI-2K" if total is not None else "SLEDAI-2K partial sum"
        f.fail(f"criterion 1: {label} {partial} > {limit}")
    elif total is None:
        gaps = len(sledai.unanswered(answers))
        f.miss(f"criterion 1: W24 SLEDAI-2K incomplete ({gaps} descriptors unanswered)", VALUE)
    elif not organ:
        f.ok(f"criterion 1: SLEDAI-2K {total} ≤ {limit} without organ activity")
    hemolytic = v.lldas.hemolytic_anemia_active
    if hemolytic is True:
        f.fail("criterion 1: haemolytic anaemia active")
    elif hemolytic is None:
        f.miss("criterion 1: haemolytic anaemia question unanswered", VALUE)
    gi = v.lldas.gi_activity_active
    grade = v.bilag.get("gastrointestinal")
    if gi is None and grade is not None:
        gi = grade in ("A", "B", "C")
        f.details["gi_from_bilag"] = grade
    if gi is True:
        f.fail("criterion 1: GI activity" + (f" (BILAG GI {grade})" if v.lldas.gi_activity_active is None else ""))
    elif gi is None:
        f.miss("criterion 1: GI activity unanswered and no BILAG GI grade", VALUE)


def _criterion2(ctx: EvaluationContext, f: Findings, w24: ScheduledVisit) -> None:
    v = w24.visit
    prev = ctx.timeline.previous_visit(w24.dated, lambda x: sledai.is_complete(x.sledai))
    if v.lldas.new_non_sledai_activity is True:
        f.fail("criterion 2: new non-SLEDAI lupus activity")
    if prev is None:
        f.miss("criterion 2: no earlier complete SLEDAI-2K to compare with", VALUE)
        return
    f.details["previous_sledai_visit"] = {"visit": prev.code, "day": prev.day, "date": prev.date}
    new = sledai.newly_ticked(v.sledai, prev.visit.sledai)
    if new:
        f.fail(f"criterion 2: new descriptor(s) since {prev.code} day {prev.day}: {', '.join(new)}")
    elif not sledai.is_complete(v.sledai):
        f.miss("criterion 2: W24 SLEDAI-2K incomplete", VALUE)
    elif v.lldas.new_non_sledai_activity is not True:
        f.ok(f"criterion 2: no new activity since {prev.code} day {prev.day}")


def _criterion3(ctx: EvaluationContext, f: Findings, w24: ScheduledVisit) -> None:
    pga, limit = w24.visit.pga_tenths, ctx.params.lldas_pga_max_tenths
    if pga is None:
        f.miss("criterion 3: PGA missing at W24", VALUE)
        return
    f.details["pga_w24"] = pga / 10
    (f.ok if pga <= limit else f.fail)(f"criterion 3: PGA {tenths(pga)} {'≤' if pga <= limit else '>'} {tenths(limit)}")


def _criterion4(ctx: EvaluationContext, f: Findings, w24: ScheduledVisit) -> None:
    table, limit = ctx.steroids, ctx.params.lldas_pred_max
    state = table.at_most(w24.day, limit)
    known = float(milli_to_decimal(table.known_milli(w24.day)))
    f.details["pred_eq_mg_w24"] = known if state is not None else None
    if state is None:
        f.miss(f"criterion 4: steroid dose on the W24 day not evaluable (log complete through "
               f"{ctx.timeline.complete_through.isoformat()}, or unknown drug)", LOG)
    else:
        cmp = "≤" if state else ">"
        (f.ok if state else f.fail)(f"criterion 4: {num(known)} mg pred-eq {cmp} {num(limit)} on day {w24.day}")


def _criterion5(ctx: EvaluationContext, f: Findings, w24: ScheduledVisit) -> None:
    answer = w24.visit.lldas.maintenance_is_standard_tolerated
    active = [
        m.name for m in ctx.timeline.medications
        if m.investigational and m.start <= w24.date and (m.stop is None or m.stop >= w24.date)
    ]
    if active:
        f.fail(f"criterion 5: investigational drug active on the W24 day ({', '.join(active)})")
    if answer is False:
        f.fail("criterion 5: maintenance not standard or not well tolerated")
    elif answer is None:
        f.miss("criterion 5: maintenance question unanswered", VALUE)
    elif not active:
        f.ok("criterion 5: standard, well-tolerated maintenance")


def evaluate_lldas(ctx: EvaluationContext) -> EndpointResult:
    """`lldas_w24` (all subjects)."""
    pre = precheck(ctx, ID)
    if pre is not None:
        return pre
    tl = ctx.timeline
    due = tl.due_day("W24")
    f = Findings()
    w24 = tl.scheduled("W24")
    if w24 is None:
        miss_visit(f, ctx, "W24", due)
        return resolve(ctx, f, due, "W24")
    f.details["w24"] = {"day": w24.day, "date": w24.date}
    for criterion in (_criterion1, _criterion2, _criterion3, _criterion4, _criterion5):
        criterion(ctx, f, w24)
    if not f.fails and not f.missing:
        f.oks = [f"all five LLDAS criteria at W24 ({w24.date.isoformat()})"] + f.oks
    else:
        f.oks = []
    return resolve(ctx, f, due, "W24")
