"""LN time to complete remission (endpoints.md §4.2, §8.20).

The event is the first post-baseline assessment (days 1 … min(H, as_of)) with all three, from that one assessment:
serum creatinine < `cr_scr_max_umol` µmol/L; proteinuria < `cr_prot_max` (the 24-h collection when done, else UPCR
when `cr_allow_upcr`); inactive sediment (the `sediment_inactive` checkbox when answered, else computed from
RBC/WBC per hpf and a recorded casts list without cellular casts). A missing component means that assessment
cannot qualify.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from endpoints.params import ProtocolParams
from endpoints.results import EndpointResult
from endpoints.timeline import DatedVisit, EvaluationContext
from endpoints.tte import FollowUp, Onset, decide, gate, num, r6
from endpoints.vocab import CELLULAR_CASTS

UMOL_PER_MG_DL = 88.4


@dataclass(frozen=True)
class Component:
    """One remission component at one assessment: met (True/False) or not available (None), and why."""

    met: bool | None
    text: str


def _creatinine(dv: DatedVisit, pr: ProtocolParams) -> Component:
    scr = dv.visit.labs.creatinine_mg_dl
    if scr is None:
        return Component(None, "creatinine missing")
    umol = r6(scr * UMOL_PER_MG_DL)
    ok = umol < pr.cr_scr_max_umol
    return Component(ok, f"creatinine {num(umol)} µmol/L {'<' if ok else '≥'} {num(pr.cr_scr_max_umol)}")


def _proteinuria(dv: DatedVisit, pr: ProtocolParams) -> Component:
    labs = dv.visit.labs
    if labs.proteinuria_g_24h is not None:
        value, label = labs.proteinuria_g_24h, "24-h protein {} g/24 h"
    elif labs.upcr_g_g is not None and pr.cr_allow_upcr:
        value, label = labs.upcr_g_g, "UPCR {} g/g (no 24-h collection; cr_allow_upcr)"
    else:
        return Component(None, "24-h protein missing" + (" and UPCR missing" if pr.cr_allow_upcr else ""))
    ok = value < pr.cr_prot_max
    return Component(ok, f"{label.format(num(value))} {'<' if ok else '≥'} {num(pr.cr_prot_max)}")


def _sediment(dv: DatedVisit, pr: ProtocolParams) -> Component:
    v = dv.visit
    if v.sediment_inactive is not None:
        return Component(v.sediment_inactive, f"sediment judged {'inactive' if v.sediment_inactive else 'active'}")
    labs = v.labs
    missing = [name for name, value in (("urine RBC", labs.urine_rbc_hpf), ("urine WBC", labs.urine_wbc_hpf),
                                        ("casts", labs.urine_casts)) if value is None]
    if missing:
        return Component(None, f"sediment not computable ({', '.join(missing)} missing)")
    assert labs.urine_rbc_hpf is not None and labs.urine_wbc_hpf is not None and labs.urine_casts is not None
    cellular = [c for c in labs.urine_casts if c in CELLULAR_CASTS]
    rbc_ok = labs.urine_rbc_hpf < pr.cr_rbc_max
    wbc_ok = labs.urine_wbc_hpf < pr.cr_wbc_max
    ok = rbc_ok and wbc_ok and not cellular
    text = (f"RBC {num(labs.urine_rbc_hpf)} {'<' if rbc_ok else '≥'} {num(pr.cr_rbc_max)}/hpf, "
            f"WBC {num(labs.urine_wbc_hpf)} {'<' if wbc_ok else '≥'} {num(pr.cr_wbc_max)}/hpf, "
            + (f"cellular casts ({', '.join(cellular)})" if cellular else "no cellular casts"))
    return Component(ok, text)


def _assess(dv: DatedVisit, pr: ProtocolParams) -> dict[str, Any]:
    parts = {"creatinine": _creatinine(dv, pr), "proteinuria": _proteinuria(dv, pr), "sediment": _sediment(dv, pr)}
    return {
        "day": dv.day, "date": dv.date, "visit": dv.code,
        "qualifies": all(c.met is True for c in parts.values()),
        **{k: {"met": c.met, "text": c.text} for k, c in parts.items()},
    }


def _summary(row: dict[str, Any]) -> str:
    return ", ".join(row[k]["text"] for k in ("creatinine", "proteinuria", "sediment"))


def evaluate_complete_remission(ctx: EvaluationContext) -> EndpointResult:
    """LN: first post-baseline assessment in complete remission (creatinine, proteinuria, sediment), §4.2."""
    tl = ctx.timeline
    blocked = gate("ln_time_to_complete_remission", tl)
    if blocked is not None:
        return blocked
    follow = FollowUp.from_timeline(tl)
    rows = [_assess(dv, ctx.params) for dv in tl.assessments if 1 <= dv.day <= follow.last_onset_day]
    onsets = [Onset(r["day"], f"{r['visit']} on day {r['day']}: {_summary(r)}") for r in rows if r["qualifies"]]
    note = f"latest assessment {rows[-1]['visit']} (day {rows[-1]['day']}): {_summary(rows[-1])}" if rows else ""
    details = {"assessments": rows, "cr_allow_upcr": ctx.params.cr_allow_upcr}
    return decide(follow, onsets[:1], "complete remission", details, note)
