"""Severe flares under the modified SELENA-SLEDAI Flare Index (endpoints.md §3.4, §8.9–§8.11).

`severe_flares(ctx)` finds every severe-flare trigger S1–S9 with its onset day on days 1 … min(H, as_of), adds the
investigator-declared severe flares, drops the triggers named in `sfi_excluded_sole_triggers` (they never count,
for onset or classification), and groups what remains by onset day into flares, each classed renal or extrarenal.

Visit criteria compare an assessment v with p = the most recent earlier assessment at which that variable was
recorded (baseline included); without such a p the change cannot be judged and the criterion does not fire
(the investigator's checkboxes still do). Steroid criteria S5/S6 run over days 1 … min(H, as_of, log
complete-through) against r = the last assessment day before d (0 if none).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from endpoints import sledai
from endpoints.steroids import exact, milli_to_decimal
from endpoints.timeline import DatedVisit, EvaluationContext, Timeline
from endpoints.tte import num
from endpoints.vocab import SFI_ORGANS

INVESTIGATOR = "investigator_declared"
_ORGAN_NAMES = {"cns": "CNS lupus", "vasculitis": "vasculitis", "nephritis": "nephritis", "myositis": "myositis"}


@dataclass(frozen=True)
class Trigger:
    """One severe-flare criterion met on an onset day. `key` is the §3.4 key (`organ_new_worse:<organ>` for S2)."""

    key: str
    day: int
    renal: bool
    text: str
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def criterion(self) -> str:
        return self.key.split(":", 1)[0]

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "day": self.day, "renal": self.renal, "text": self.text, **self.details}


@dataclass(frozen=True)
class Flare:
    """All counted triggers with the same onset day; renal when every counted trigger is renal."""

    day: int
    renal: bool
    triggers: tuple[Trigger, ...]
    excluded: tuple[Trigger, ...] = ()  # excluded sole triggers of the same day (shown, never counted)

    @property
    def kind(self) -> str:
        return "renal" if self.renal else "extrarenal"

    @property
    def text(self) -> str:
        """The first trigger's sentence, naming any further triggers of the day by key (details have them all)."""
        first, *more = self.triggers
        return first.text + (f"; also {', '.join(t.key for t in more)}" if more else "")

    def to_json(self) -> dict[str, Any]:
        return {
            "day": self.day, "kind": self.kind, "triggers": [t.to_json() for t in self.triggers],
            "excluded_triggers": [t.to_json() for t in self.excluded],
        }


@dataclass(frozen=True)
class SfiFlares:
    """The counted severe flares in day order, the triggers that did not count, and notes on what was not computable."""

    flares: tuple[Flare, ...]
    excluded: tuple[Trigger, ...]
    notes: tuple[str, ...]
    last_day: int  # triggers were sought on days 1 … last_day

    def to_json(self) -> dict[str, Any]:
        return {
            "flares": [f.to_json() for f in self.flares],
            "excluded_triggers": [t.to_json() for t in self.excluded],
            "notes": list(self.notes),
            "searched_days": [1, self.last_day],
        }


def has_baseline(tl: Timeline) -> bool:
    """Whether any value the visit criteria compare has a baseline (SLEDAI-2K, PGA, platelets, Hgb); without one
    and without an event the flare endpoints are not evaluable (§8.24)."""
    return (tl.baseline_sledai() is not None or tl.baseline_pga() is not None
            or tl.baseline_lab("platelets_10e9_l") is not None or tl.baseline_lab("hemoglobin_g_dl") is not None)


NO_BASELINE = "Not evaluable: no baseline SLEDAI-2K, PGA, platelets or Hgb to compare the severe-flare criteria with."


def severe_flares(ctx: EvaluationContext) -> SfiFlares:
    """The subject's severe flares under the modified SFI, in day order (found once per context)."""
    return ctx.shared(_find_severe_flares)


def _find_severe_flares(ctx: EvaluationContext) -> SfiFlares:
    tl = ctx.timeline
    assert tl.as_of_day is not None
    last = min(tl.horizon, tl.as_of_day)
    notes: list[str] = []
    triggers = list(_visit_triggers(ctx, last))
    triggers += _steroid_triggers(ctx, last, notes)
    triggers += _record_triggers(ctx, last)
    excluded_keys = set(ctx.params.sfi_excluded_sole_triggers)
    by_day: dict[int, list[Trigger]] = {}
    for t in triggers:
        by_day.setdefault(t.day, []).append(t)
    flares: list[Flare] = []
    excluded: list[Trigger] = []
    for day in sorted(by_day):
        counted = tuple(t for t in by_day[day] if t.criterion not in excluded_keys)
        dropped = tuple(t for t in by_day[day] if t.criterion in excluded_keys)
        excluded.extend(dropped)
        if counted:
            flares.append(Flare(day, all(t.renal for t in counted), counted, dropped))
    return SfiFlares(tuple(flares), tuple(excluded), tuple(notes), last)


# -- S1–S4, S9: visit criteria against the previous assessment with the variable --------------------------------


def _where(dv: DatedVisit) -> str:
    return f"{dv.code} (day {dv.day})"


def _visit_triggers(ctx: EvaluationContext, last: int) -> Iterator[Trigger]:
    tl = ctx.timeline
    need_hemolysis = ctx.params.sfi_hgb_requires_hemolysis
    prev: dict[str, tuple[float, DatedVisit]] = {}
    for dv in tl.assessments:
        if dv.day > last:
            break
        v = dv.visit
        values: dict[str, float | None] = {
            "sledai": sledai.score(v.sledai),
            "plt": v.labs.platelets_10e9_l,
            "hgb": v.labs.hemoglobin_g_dl,
            "pga": v.pga_tenths,
        }
        if dv.day >= 1:
            yield from _compare(dv, values, prev, need_hemolysis)
        for name, value in values.items():
            if value is not None:
                prev[name] = (value, dv)


def _compare(
    dv: DatedVisit, values: dict[str, float | None], prev: dict[str, tuple[float, DatedVisit]], need_hemolysis: bool,
) -> Iterator[Trigger]:
    v = dv.visit
    at = _where(dv)
    score, p = values["sledai"], prev.get("sledai")
    if score is not None and p is not None and score > 12 and p[0] <= 12:
        yield Trigger("sledai_gt12", dv.day, False, f"SLEDAI-2K {score} > 12 at {at}, previous {p[0]} ≤ 12 at "
                      f"{_where(p[1])}", {"value": score, "previous": p[0], "previous_day": p[1].day})
    for organ in SFI_ORGANS:
        if v.sfi.organ_new_worse.get(organ) is True:
            yield Trigger(f"organ_new_worse:{organ}", dv.day, organ == "nephritis",
                          f"new or worse {_ORGAN_NAMES[organ]} ticked on the SFI form at {at}")
    plt, p = values["plt"], prev.get("plt")
    if plt is not None and p is not None and plt < 60 and p[0] >= 60:
        yield Trigger("plt_lt60", dv.day, False, f"platelets {num(plt)} < 60 ×10⁹/L at {at}, previous {num(p[0])} ≥ 60 "
                      f"at {_where(p[1])}", {"value": plt, "previous": p[0], "previous_day": p[1].day})
    elif v.sfi.worse_thrombocytopenia is True:
        yield Trigger("plt_lt60", dv.day, False, f"worse thrombocytopenia ticked on the SFI form at {at}")
    hgb, p = values["hgb"], prev.get("hgb")
    if hgb is not None and p is not None and (v.lldas.hemolytic_anemia_active is True or not need_hemolysis):
        fall = round(p[0] - hgb, 6)
        facts = {"value": hgb, "previous": p[0], "previous_day": p[1].day, "fall": fall}
        label = "haemolytic anaemia ticked, " if need_hemolysis else ""
        if hgb < 7.0 and p[0] >= 7.0:
            yield Trigger("hemolytic_anemia", dv.day, False, f"{label}Hgb {num(hgb)} < 7.0 g/dL at {at}, previous "
                          f"{num(p[0])} ≥ 7.0 at {_where(p[1])}", facts)
        elif fall > 3.0:
            yield Trigger("hemolytic_anemia", dv.day, False, f"{label}Hgb fell {num(fall)} > 3.0 g/dL "
                          f"({num(p[0])} at {_where(p[1])} → {num(hgb)} at {at})", facts)
    pga, p = values["pga"], prev.get("pga")
    if pga is not None and p is not None and pga > 25 and p[0] <= 25:
        yield Trigger("pga_gt2_5", dv.day, False, f"PGA {pga / 10:.1f} > 2.5 at {at}, previous {p[0] / 10:.1f} ≤ 2.5 "
                      f"at {_where(p[1])}", {"value": pga / 10, "previous": p[0] / 10, "previous_day": p[1].day})


# -- S5, S6: steroid criteria over days ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _DoseDays:
    """D(d) (thousandths of a mg, None when not evaluable) and the IV/flare-row flag for days 0 … last."""

    milli: list[int | None]
    special: list[bool]


def _dose_days(ctx: EvaluationContext, last: int) -> _DoseDays:
    n = last + 1
    milli: list[int | None] = [0] * n
    special = [False] * n
    for seg in ctx.steroids.segments:
        a, b = max(seg.start, 0), min(seg.stop, last)
        if a > b:
            continue
        milli[a:b + 1] = [None if seg.unknown_drugs else seg.milli] * (b - a + 1)
        special[a:b + 1] = [seg.iv_or_flare] * (b - a + 1)
    return _DoseDays(milli, special)


def _steroid_triggers(ctx: EvaluationContext, last_onset: int, notes: list[str]) -> list[Trigger]:
    """S5/S6 onsets: days where the criterion holds and did not hold the day before (§8.11)."""
    tl = ctx.timeline
    table = ctx.steroids
    last = min(last_onset, table.complete_through_day)
    if last < 1:
        return []
    if last < last_onset:
        notes.append(f"steroid criteria S5/S6 sought on days 1–{last} only (steroid log complete through day "
                     f"{table.complete_through_day})")
    days = _dose_days(ctx, last)
    ref_day = _reference_days(tl, last)
    ref_dose = {r: table.dose_milli(r) for r in set(ref_day[1:])}
    span = max(1, ctx.params.sfi_steroid_min_days)
    weights = _WeightLimits(tl, notes)
    out: list[Trigger] = []
    held5 = held6 = False
    milli = days.milli
    for d in range(1, last + 1):
        dd, r = milli[d], ref_day[d]
        dr = ref_dose[r]
        if not dd or dr is None or dd <= dr:  # both criteria need D(d) > D(r) ≥ 0
            held5 = held6 = False
            continue
        s5 = None
        if dr and dd >= 2 * dr:
            window = _window(days, d, span, last)
            if window is not None and all(x >= 2 * dr for x in window):
                s5 = {"r": r, "dose_r": dr, "doses": window, "one_day": days.special[d]}
        s6 = _half_mg_kg(days, d, r, dr, span, last, weights)
        if s5 is not None and not held5:
            out.append(_steroid_trigger(ctx, "steroid_doubling", d, s5))
        if s6 is not None and not held6:
            out.append(_steroid_trigger(ctx, "pred_gt_half_mgkg", d, s6))
        held5, held6 = s5 is not None, s6 is not None
    return out


def _reference_days(tl: Timeline, last: int) -> list[int]:
    """r(d) for d = 0 … last: the last assessment day before d, 0 if none (index 0 unused)."""
    ref = [0] * (last + 1)
    adays = sorted({dv.day for dv in tl.assessments if dv.day < last})
    for k, a in enumerate(adays):
        lo = max(a + 1, 1)
        hi = adays[k + 1] if k + 1 < len(adays) else last  # r = a for d in a+1 … next assessment day
        if lo <= hi:
            ref[lo:hi + 1] = [a] * (hi - lo + 1)
    return ref


class _WeightLimits:
    """0.5 mg/kg of the §8.10 weight on a day, in whole thousandths of a mg (floor), looked up only when needed."""

    def __init__(self, tl: Timeline, notes: list[str]) -> None:
        self.tl = tl
        self.notes = notes
        self.warned = False
        known = [v.visit.weight_kg for v in tl.visits if v.visit.weight_kg is not None]
        if tl.dossier.subject.weight_kg is not None:
            known.append(tl.dossier.subject.weight_kg)
        # no dose at or below the limit of the lightest recorded weight can exceed any day's limit
        self.lowest = math.floor(exact(min(known)) * 500) if known else None

    def may_exceed(self, milli: int) -> bool:
        return self.lowest is None or milli > self.lowest

    def on(self, d: int) -> tuple[float, int] | None:
        weight = self.tl.weight_on(d)
        if weight is None:
            if not self.warned:
                self.warned = True
                self.notes.append(f"S6 not computable from day {d}: no weight recorded")
            return None
        # an integer dose (thousandths of a mg) exceeds w × 500 exactly when it exceeds floor(w × 500)
        return weight, math.floor(exact(weight) * 500)


def _window(days: _DoseDays, d: int, span: int, last: int) -> list[int] | None:
    """D(x) for x = d … d+span−1 (only day d on an IV/flare-row day); None if a day is beyond `last` or unknown."""
    n = 1 if days.special[d] else span
    if d + n - 1 > last:
        return None
    window = days.milli[d:d + n]
    return None if any(x is None for x in window) else window  # type: ignore[return-value]


def _half_mg_kg(
    days: _DoseDays, d: int, r: int, dr: int, span: int, last: int, weights: _WeightLimits,
) -> dict[str, Any] | None:
    """S6 on day d: D(d) > D(r) (checked by the caller) and D(x) > 0.5 mg/kg on each day of the window."""
    if not weights.may_exceed(days.milli[d] or 0):
        return None
    found = weights.on(d)
    if found is None:
        return None
    weight, limit = found
    window = _window(days, d, span, last)
    if window is None or any(x <= limit for x in window):
        return None
    return {"r": r, "dose_r": dr, "doses": window, "one_day": days.special[d], "weight_kg": weight}


def _mg(milli: int) -> str:
    return num(float(milli_to_decimal(milli)))


def _steroid_trigger(ctx: EvaluationContext, key: str, d: int, facts: dict[str, Any]) -> Trigger:
    table = ctx.steroids
    rows = table.rows_starting(d) or table.rows_covering(d)
    renal = bool(rows) and all(r.indication == "flare_renal" for r in rows)
    doses = facts["doses"]
    held = (f"on day {d} (IV or flare-indication row: one day suffices)" if facts["one_day"]
            else f"on days {d}–{d + len(doses) - 1}")
    dose_text = "/".join(_mg(x) for x in doses)
    ref = f"{_mg(facts['dose_r'])} mg on day {facts['r']} (last assessment before day {d})"
    if key == "steroid_doubling":
        text = f"prednisone-equivalent {dose_text} mg {held} ≥ 2 × {ref}"
    else:
        w = facts["weight_kg"]
        text = (f"prednisone-equivalent {dose_text} mg {held} > 0.5 mg/kg × {num(w)} kg = {num(w / 2)} mg, "
                f"raised from {ref}")
    details = {
        "reference_day": facts["r"], "reference_mg": float(milli_to_decimal(facts["dose_r"])),
        "doses_mg": [float(milli_to_decimal(x)) for x in doses], "one_day_exception": facts["one_day"],
        "indications": sorted({r.indication for r in rows}),
    }
    if "weight_kg" in facts:
        details["weight_kg"] = facts["weight_kg"]
    return Trigger(key, d, renal, text, details)


# -- S7, S8 and investigator-declared flares: records with a start day ------------------------------------------


def _record_triggers(ctx: EvaluationContext, last: int) -> list[Trigger]:
    tl = ctx.timeline
    out: list[Trigger] = []
    for h in tl.hospitalisations:
        day = tl.study_day(h.admission)
        if h.for_sle_activity is True and 1 <= day <= last:
            out.append(Trigger("hospitalisation", day, h.indication == "renal",
                               f"hospitalised for SLE activity on day {day} (indication {h.indication or 'not given'})",
                               {"admission": h.admission, "indication": h.indication}))
    agents = set(ctx.params.sfi_new_is_agents)
    assert tl.day0 is not None
    on_day0 = {m.agent_class for m in tl.medications
               if m.start <= tl.day0 and (m.stop is None or m.stop >= tl.day0)}
    for m in tl.medications:
        day = tl.study_day(m.start)
        if (m.agent_class in agents and m.for_sle_activity is True and 1 <= day <= last
                and m.agent_class not in on_day0):
            text = f"new {m.agent_class} ({m.name}) for SLE activity started day {day}, none taken on day 0"
            out.append(Trigger("new_immunosuppressant", day, m.indication == "renal", text,
                               {"agent_class": m.agent_class, "name": m.name, "indication": m.indication}))
    for e in tl.events:
        day = tl.study_day(e.date)
        if e.type == "severe_flare" and 1 <= day <= last:
            organ = e.organ or "organ not given"
            out.append(Trigger(INVESTIGATOR, day, e.organ == "renal",
                               f"investigator-declared severe flare ({organ}) with onset day {day}",
                               {"organ": e.organ, "note": e.note}))
    return out
