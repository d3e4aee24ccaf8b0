"""Terse builders of Dossier values for endpoint tests, in study days from a fixed Day 0.

Keep these stable: other test modules import them. Every date argument is a study day (int) relative to DAY0.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from endpoints.dossier import (
    Dossier,
    FlareEvent,
    Hospitalisation,
    Infusion,
    Labs,
    LldasForm,
    Medication,
    RenalReplacement,
    SfiForm,
    SteroidRow,
    Subject,
    Visit,
)
from endpoints.params import ProtocolParams
from endpoints.timeline import EvaluationContext, build_context
from endpoints.vocab import BILAG_DOMAINS, SLEDAI_KEYS, SLEDAI_WEIGHTS

DAY0 = date(2026, 1, 5)
BIRTH = date(1990, 6, 15)


def on(day: int) -> date:
    """The calendar date of a study day."""
    return DAY0 + timedelta(days=day)


def sledai_answers(*ticked: str, unanswered: tuple[str, ...] = ()) -> dict[str, bool]:
    """All 24 descriptors answered: `ticked` yes, the rest no, `unanswered` left out."""
    for k in ticked + unanswered:
        assert k in SLEDAI_KEYS, k
    return {k: k in ticked for k in SLEDAI_KEYS if k not in unanswered}


def sledai_scoring(total: int) -> dict[str, bool]:
    """A complete SLEDAI-2K form with the given total, using non-organ descriptors where possible."""
    order = ("arthritis", "rash", "alopecia", "mucosal_ulcers", "low_complement", "increased_dna_binding",
             "thrombocytopenia", "leukopenia", "myositis", "vasculitis", "seizure", "psychosis")
    picked: list[str] = []
    remaining = total
    for k in order:
        if SLEDAI_WEIGHTS[k] <= remaining:
            picked.append(k)
            remaining -= SLEDAI_WEIGHTS[k]
    assert remaining == 0, f"cannot build SLEDAI total {total}"
    return sledai_answers(*picked)


def bilag_grades(default: str = "E", **domains: str) -> dict[str, str]:
    """All nine BILAG-2004 domains graded `default` except those given."""
    for k in domains:
        assert k in BILAG_DOMAINS, k
    return {k: domains.get(k, default) for k in BILAG_DOMAINS}


def visit(
    code: str,
    day: int,
    *,
    weight: float | None = None,
    sledai: dict[str, bool] | None = None,
    pga: float | None = None,
    bilag: dict[str, str] | None = None,
    sfi: SfiForm | None = None,
    lldas: LldasForm | None = None,
    sediment_inactive: bool | None = None,
    not_attributable: tuple[str, ...] = (),
    **labs: Any,
) -> Visit:
    """A performed visit on a study day; lab values as keyword arguments (canonical keys)."""
    if "urine_casts" in labs and labs["urine_casts"] is not None:
        labs["urine_casts"] = tuple(labs["urine_casts"])
    return Visit(
        code=code,
        date=on(day),
        weight_kg=weight,
        labs=Labs(**labs),
        labs_not_attributable=tuple(not_attributable),
        sledai=dict(sledai or {}),
        pga_tenths=None if pga is None else round(pga * 10),
        bilag=dict(bilag or {}),
        sfi=sfi or SfiForm(),
        lldas=lldas or LldasForm(),
        sediment_inactive=sediment_inactive,
    )


def missed(code: str, reason: str | None = None) -> Visit:
    """A visit declared missed."""
    return Visit(code=code, missed=True, reason=reason)


def lldas_form(
    hemolytic: bool | None = False, gi: bool | None = False, new_activity: bool | None = False,
    maintenance_ok: bool | None = True,
) -> LldasForm:
    """An LLDAS form, by default answered for a subject in LLDAS."""
    return LldasForm(hemolytic, gi, new_activity, maintenance_ok)


def steroid(
    drug: str,
    mg: float,
    first: int,
    last: int | None = None,
    *,
    route: str = "oral",
    doses_per_day: float = 1.0,
    indication: str = "sle",
) -> SteroidRow:
    """A steroid log row from study day `first` to `last` (inclusive; None = ongoing)."""
    return SteroidRow(drug, route, mg, on(first), None if last is None else on(last), doses_per_day, indication)


def pred(mg: float, first: int, last: int | None = None, **kw: Any) -> SteroidRow:
    """A prednisone row."""
    return steroid("prednisone", mg, first, last, **kw)


def medication(
    agent_class: str,
    start: int,
    stop: int | None = None,
    *,
    name: str | None = None,
    rescue: bool | None = None,
    indication: str | None = None,
    for_sle_activity: bool | None = None,
    investigational: bool | None = None,
) -> Medication:
    return Medication(
        name or agent_class, agent_class, on(start), None if stop is None else on(stop), rescue, indication,
        for_sle_activity, investigational,
    )


def rescue(day: int, agent_class: str = "ivig", indication: str = "haematologic") -> Medication:
    """A rescue-therapy record starting on a study day."""
    return medication(agent_class, day, day, rescue=True, indication=indication, for_sle_activity=True)


def hospitalisation(day: int, *, for_sle: bool = True, indication: str = "extrarenal") -> Hospitalisation:
    return Hospitalisation(on(day), on(day + 3), for_sle, indication)


def dialysis(start: int, stop: int | None = None, chronic: bool | None = None) -> RenalReplacement:
    return RenalReplacement("dialysis", on(start), None if stop is None else on(stop), chronic)


def event(kind: str, day: int, organ: str | None = None) -> FlareEvent:
    return FlareEvent(kind, on(day), organ)


def infusions(i2_day: int | None = 84, *, i1_given: bool = True, i2_completion: str = "full") -> tuple[Infusion, ...]:
    """Infusion 1 on Day 0 (if given) and infusion 2 on `i2_day` (None = only planned)."""
    out = [Infusion(1, planned_date=DAY0, date=DAY0 if i1_given else None, completion="full" if i1_given else None)]
    if i2_day is not None:
        out.append(Infusion(2, planned_date=on(84), date=on(i2_day), completion=i2_completion))
    else:
        out.append(Infusion(2, planned_date=on(84)))
    return tuple(out)


def dossier(
    subgroup: str = "LN",
    *,
    as_of_day: int = 200,
    visits: tuple[Visit, ...] | list[Visit] = (),
    steroids: tuple[SteroidRow, ...] | list[SteroidRow] = (),
    medications: tuple[Medication, ...] | list[Medication] = (),
    hospitalisations: tuple[Hospitalisation, ...] | list[Hospitalisation] = (),
    renal_replacement: tuple[RenalReplacement, ...] | list[RenalReplacement] = (),
    events: tuple[FlareEvent, ...] | list[FlareEvent] = (),
    i2_day: int | None = 84,
    i1_given: bool = True,
    i2_completion: str = "full",
    sex: str = "F",
    birth_date: date = BIRTH,
    status: str = "enrolled",
    withdrawal_day: int | None = None,
    death_day: int | None = None,
    weight_kg: float | None = 60.0,
    complete_through_day: int | None = None,
    subject_id: str = "S-01",
) -> Dossier:
    """A dossier with Day 0 = DAY0 (when infusion 1 is given); days are study days."""
    subj = Subject(
        id=subject_id,
        subgroup=subgroup,
        sex=sex,
        birth_date=birth_date,
        status=status,
        consent_date=on(-30),
        withdrawal_date=None if withdrawal_day is None else on(withdrawal_day),
        death_date=None if death_day is None else on(death_day),
        weight_kg=weight_kg,
    )
    return Dossier(
        as_of=on(as_of_day),
        subject=subj,
        steroid_log_complete_through=None if complete_through_day is None else on(complete_through_day),
        infusions=infusions(i2_day, i1_given=i1_given, i2_completion=i2_completion),
        visits=tuple(visits),
        steroids=tuple(steroids),
        medications=tuple(medications),
        hospitalisations=tuple(hospitalisations),
        renal_replacement=tuple(renal_replacement),
        events=tuple(events),
    )


def ctx(d: Dossier, params: ProtocolParams | None = None, as_of_day: int | None = None) -> EvaluationContext:
    """The evaluation context of a dossier (default parameters; `as_of_day` overrides the dossier's as_of)."""
    return build_context(d, params or ProtocolParams(), None if as_of_day is None else on(as_of_day))


def with_params(**changes: Any) -> ProtocolParams:
    """Default parameters with some changed."""
    return replace(ProtocolParams(), **changes)


SCHEDULED_DAYS = {
    "SCR": -14, "D0": 0, "D3": 3, "W1": 7, "W4": 28, "W8": 56, "W12": 84, "W12D3": 87, "W13": 91, "W16": 112,
    "W20": 140, "W24": 168,
}


def complete_subject(subgroup: str = "LN", *, as_of_day: int = 200) -> Dossier:
    """A subject with every visit through W24 done (nominal days), full labs and forms, and a ~20-row taper.

    Responder-like values: UPCR falls, creatinine stable, SLEDAI 10 → 4, PGA 1.5 → 0.5, BILAG improves,
    prednisone tapered from 30 mg to 5 mg by day 28 (nothing above 7.5 mg after day 27).
    """
    visits = []
    for code, day in SCHEDULED_DAYS.items():
        baseline = day <= 0
        visits.append(
            visit(
                code, day, weight=60.0,
                sledai=sledai_scoring(10) if baseline else sledai_scoring(4),
                pga=1.5 if baseline else 0.5,
                bilag=bilag_grades("D", renal="B") if baseline else bilag_grades("D"),
                lldas=lldas_form(),
                sfi=SfiForm({"cns": False, "vasculitis": False, "nephritis": False, "myositis": False}, False),
                hemoglobin_g_dl=9.0 if baseline else 10.8, wbc_10e9_l=3.5, anc_10e9_l=1.2 if baseline else 2.0,
                platelets_10e9_l=40.0 if baseline else 90.0, creatinine_mg_dl=0.9, upcr_g_g=2.0 if baseline else 0.4,
                proteinuria_g_24h=None, urine_rbc_hpf=3.0, urine_wbc_hpf=2.0, urine_casts=(),
                c3_mg_dl=80.0, c4_mg_dl=15.0, anti_dsdna_iu_ml=30.0,
            )
        )
    visits.append(visit("UNS", 100, upcr_g_g=0.3, creatinine_mg_dl=0.85))
    visits.append(visit("UNS", 130, hemoglobin_g_dl=11.0, platelets_10e9_l=95.0))
    doses = [30, 25, 20, 17.5, 15, 12.5, 10]
    rows = [pred(mg, -30 + 4 * i, -27 + 4 * i) for i, mg in enumerate(doses)]  # days -30 ... -3
    rows.append(pred(10, -2, 20))
    rows.append(pred(7.5, 21, 27))
    rows.append(pred(5, 28, 83))
    rows.append(pred(5, 84, None))
    rows.append(steroid("hydrocortisone", 100, 0, 0, route="iv", indication="premedication"))
    rows.append(steroid("hydrocortisone", 100, 84, 84, route="iv", indication="premedication"))
    rows.append(steroid("betamethasone", 0.05, 10, 40, route="topical"))
    rows.append(steroid("triamcinolone", 40, 60, 60, route="intra_articular"))
    rows += [steroid("methylprednisolone", 1, 30 + 10 * i, 33 + 10 * i) for i in range(5)]
    meds = [
        medication("mycophenolate", -400, None, indication="maintenance", for_sle_activity=True),
        medication("antimalarial", -800, None, indication="maintenance"),
    ]
    return dossier(subgroup, as_of_day=as_of_day, visits=visits, steroids=rows, medications=meds)
