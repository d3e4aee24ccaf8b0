"""Synthetic, deterministic demo subjects for the whole trial, written through the audited import path.

`synthetic_dossier` invents one subject at a given stage of the trial (screening, after infusion 1, mid-taper,
after infusion 2, completed, withdrawn) as of a date: screening, infusions, every visit due so far with labs in
canonical units, SLEDAI-2K, PGA, BILAG, SFI and LLDAS answers, a prednisolone taper from 30 mg/day, other
medications (with occasional rescue), adverse events, and Korean text in notes, AE terms and drug names.
Quirks add what a coordinator must see: an overdue visit, an out-of-window visit, missing Week 24 labs, a
steroid excursion, a Day 3 visit declared missed. The same seed gives the same data.
"""

from __future__ import annotations

import os
import random
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from endpoints import vocab
from endpoints.dossier import (
    AdverseEvent,
    Dossier,
    FlareEvent,
    Hospitalisation,
    Infusion,
    Labs,
    LldasForm,
    Medication,
    SfiForm,
    SteroidRow,
    Subject,
    Visit,
)
from endpoints.params import ProtocolParams
from endpoints.schedule import visit_window
from models.database import open_database
from models.demo_logs import add_log_details
from models.demo_schedule import add_schedule_details
from models.demo_security import add_demo_security
from models.demo_status import add_demo_status
from models.demo_visits import add_visit_details
from models.dossier_store import REGISTRY_EXTENSION, import_dossier
from models.errors import DatabaseError

STAGES = ("screening", "post_infusion_1", "mid_taper", "post_infusion_2", "completed", "withdrawn")
QUIRKS = ("overdue", "out_of_window", "missing_w24_labs", "steroid_excursion", "missed")
DEMO_USER = "demo-generator"

# Study day of the evaluation date for each stage (ranges are inclusive).
_STAGE_DAYS = {
    "post_infusion_1": (5, 20), "mid_taper": (38, 60), "post_infusion_2": (92, 108), "completed": (185, 260),
    "withdrawn": (60, 150),
}
_FULL_LAB_VISITS = ("SCR", "D0", "W4", "W8", "W12", "W16", "W20", "W24", "Y1")
_IMMUNOLOGY_VISITS = ("SCR", "D0", "W12", "W24", "Y1")
_ASSESSMENT_VISITS = ("SCR", "D0", "W4", "W8", "W12", "W16", "W20", "W24", "Y1")
_FAMILY = "김이박최정강조윤장임한오서신권황안송류홍"
_GIVEN = "민서지현수영은하준도예윤우진성아"
_NOTES = (
    "외래 추적 관찰 중. 특이사항 없음.", "Prefers morning visits; 보호자 동반 내원.", "통역 필요 없음.",
    "Lives 2 h from the site; reimburse travel.", None, None,
)
_WITHDRAWAL_REASONS = ("동의 철회 (consent withdrawn)", "Moved abroad; 이사로 인한 추적 불가", "Adverse event (폐렴)")


@dataclass(frozen=True)
class DemoPlan:
    """What one demo subject should show."""

    subject_id: str
    subgroup: str
    stage: str
    responder: bool
    quirks: frozenset[str] = frozenset()


def default_plans(n_subjects: int, rng: random.Random) -> list[DemoPlan]:
    """The first ten cover every stage and quirk (5 LN, 5 LC); further subjects are drawn at random."""
    showcase = [
        ("LN", "completed", True, ()), ("LN", "completed", False, ("steroid_excursion",)),
        ("LN", "post_infusion_2", True, ("out_of_window",)), ("LN", "mid_taper", True, ("overdue", "missed")),
        ("LN", "screening", False, ()),
        ("LC", "completed", True, ()), ("LC", "completed", True, ("missing_w24_labs",)),
        ("LC", "withdrawn", False, ()), ("LC", "post_infusion_2", False, ()), ("LC", "post_infusion_1", True, ()),
    ]
    per_group = (n_subjects + 1) // 2
    width = max(2, len(str(per_group)))
    counters = {"LN": 0, "LC": 0}
    plans = []
    for i in range(n_subjects):
        if i < len(showcase):
            subgroup, stage, responder, quirks = showcase[i]
        else:
            subgroup = "LN" if i % 2 == 0 else "LC"
            stage = rng.choices(STAGES, weights=(1, 1, 2, 2, 5, 1))[0]
            responder = rng.random() < 0.55
            quirks = tuple(q for q in QUIRKS if rng.random() < 0.06)
        counters[subgroup] += 1
        plans.append(DemoPlan(f"{subgroup}-{counters[subgroup]:0{width}d}", subgroup, stage, responder,
                              frozenset(quirks)))
    return plans


def _round(value: float, digits: int = 2) -> float:
    return round(value, digits)


class _Course:
    """Lab trajectory of one subject: baseline values moving towards targets over 24 weeks."""

    def __init__(self, rng: random.Random, subgroup: str, responder: bool) -> None:
        self.rng = rng
        u = rng.uniform
        if subgroup == "LN":
            base = {"hemoglobin_g_dl": u(10.0, 12.0), "wbc_10e9_l": u(4.0, 7.5), "anc_10e9_l": u(2.5, 4.8),
                    "lymphocytes_10e9_l": u(0.9, 1.8), "platelets_10e9_l": u(150, 290), "creatinine_mg_dl": u(0.7, 1.3),
                    "albumin_g_dl": u(2.6, 3.3), "upcr_g_g": u(1.2, 4.0), "urine_rbc_hpf": u(10, 40),
                    "urine_wbc_hpf": u(6, 20), "c3_mg_dl": u(45, 80), "c4_mg_dl": u(5, 12),
                    "anti_dsdna_iu_ml": u(80, 400)}
            goal = {"upcr_g_g": u(0.12, 0.42), "urine_rbc_hpf": u(0, 4), "urine_wbc_hpf": u(0, 4),
                    "albumin_g_dl": u(3.6, 4.2), "c3_mg_dl": u(100, 125), "c4_mg_dl": u(16, 24),
                    "anti_dsdna_iu_ml": u(5, 22)}
            if not responder:
                goal.update(upcr_g_g=u(0.9, 2.0), urine_rbc_hpf=u(6, 15), c3_mg_dl=u(60, 85))
        else:
            base = {"hemoglobin_g_dl": u(7.8, 9.6), "wbc_10e9_l": u(2.2, 3.4), "anc_10e9_l": u(0.9, 1.8),
                    "lymphocytes_10e9_l": u(0.5, 1.1), "platelets_10e9_l": u(25, 85), "creatinine_mg_dl": u(0.6, 0.9),
                    "albumin_g_dl": u(3.4, 4.0), "upcr_g_g": u(0.05, 0.2), "urine_rbc_hpf": u(0, 3),
                    "urine_wbc_hpf": u(0, 3), "c3_mg_dl": u(55, 85), "c4_mg_dl": u(6, 14),
                    "anti_dsdna_iu_ml": u(40, 250)}
            goal = {"hemoglobin_g_dl": base["hemoglobin_g_dl"] + u(1.8, 3.0),
                    "wbc_10e9_l": base["wbc_10e9_l"] + u(1.0, 2.5), "anc_10e9_l": base["anc_10e9_l"] + u(0.7, 1.5),
                    "platelets_10e9_l": base["platelets_10e9_l"] + u(45, 110), "c3_mg_dl": u(100, 125),
                    "c4_mg_dl": u(16, 24), "anti_dsdna_iu_ml": u(5, 22)}
            if not responder:
                goal.update(hemoglobin_g_dl=base["hemoglobin_g_dl"] + u(-0.3, 0.8),
                            platelets_10e9_l=base["platelets_10e9_l"] + u(-10, 12),
                            anc_10e9_l=base["anc_10e9_l"] + u(-0.2, 0.3))
        self.base = base
        self.goal = goal

    def value(self, key: str, day: int) -> float:
        progress = min(1.0, max(0.0, day / 150))
        start = self.base[key]
        value = start + (self.goal.get(key, start) - start) * progress
        value *= self.rng.uniform(0.94, 1.06)
        digits = 0 if key in ("platelets_10e9_l", "urine_rbc_hpf", "urine_wbc_hpf", "anti_dsdna_iu_ml") else 2
        return _round(max(value, 0.0), digits)

    def labs(self, code: str, day: int, subgroup: str) -> Labs:
        hematology = {k: self.value(k, day) for k in
                      ("hemoglobin_g_dl", "wbc_10e9_l", "anc_10e9_l", "lymphocytes_10e9_l", "platelets_10e9_l")}
        # The differential fits in the WBC (monocytes and others ≥ 0.2): the visit form's edit checks require it.
        hematology["wbc_10e9_l"] = max(hematology["wbc_10e9_l"],
                                       _round(hematology["anc_10e9_l"] + hematology["lymphocytes_10e9_l"] + 0.2))
        if code not in _FULL_LAB_VISITS:
            return Labs(**hematology)
        chemistry = {k: self.value(k, day) for k in
                     ("creatinine_mg_dl", "albumin_g_dl", "upcr_g_g", "urine_rbc_hpf", "urine_wbc_hpf")}
        casts: tuple[str, ...] = ()
        if subgroup == "LN" and chemistry["urine_rbc_hpf"] > 5:
            casts = ("rbc", "granular") if self.rng.random() < 0.5 else ("granular",)
        extra: dict[str, float] = {}
        if subgroup == "LN" and code in ("SCR", "W24") and self.rng.random() < 0.4:
            extra["proteinuria_g_24h"] = _round(chemistry["upcr_g_g"] * self.rng.uniform(0.9, 1.1))
        if code in _IMMUNOLOGY_VISITS:
            extra.update({k: self.value(k, day) for k in ("c3_mg_dl", "c4_mg_dl", "anti_dsdna_iu_ml")})
        return Labs(**hematology, **chemistry, urine_casts=casts, **extra)


def _clinical_course(rng: random.Random, responder: bool) -> dict[str, int]:
    """Clinical SLEDAI features present at baseline → the study day each resolves (never: a large number)."""
    never = 10_000
    course = {}
    for feature in ("rash", "arthritis", "alopecia", "mucosal_ulcers"):
        if rng.random() < 0.5:
            course[feature] = rng.randint(20, 110) if responder or rng.random() < 0.5 else never
    return course


def _sledai(labs: Labs, clinical: tuple[str, ...]) -> dict[str, bool]:
    def below(value: float | None, limit: float) -> bool:
        return value is not None and value < limit

    derived = {
        "proteinuria": labs.upcr_g_g is not None and labs.upcr_g_g > 0.5,
        "hematuria": labs.urine_rbc_hpf is not None and labs.urine_rbc_hpf > 5,
        "pyuria": labs.urine_wbc_hpf is not None and labs.urine_wbc_hpf > 5,
        "urinary_casts": bool(labs.urine_casts and set(labs.urine_casts) & set(vocab.CELLULAR_CASTS)),
        "low_complement": below(labs.c3_mg_dl, 90) or below(labs.c4_mg_dl, 10),
        "increased_dna_binding": labs.anti_dsdna_iu_ml is not None and labs.anti_dsdna_iu_ml > 30,
        "thrombocytopenia": below(labs.platelets_10e9_l, 100),
        "leukopenia": below(labs.wbc_10e9_l, 3.0),
    }
    return {key: derived.get(key, key in clinical) for key in vocab.SLEDAI_KEYS}


def _bilag(subgroup: str, activity: float) -> dict[str, str]:
    grades = {domain: "E" for domain in vocab.BILAG_DOMAINS}
    grade = "A" if activity > 0.75 else "B" if activity > 0.45 else "C" if activity > 0.2 else "D"
    grades["renal" if subgroup == "LN" else "haematological"] = grade
    grades["mucocutaneous"] = "C" if activity > 0.5 else "D"
    grades["musculoskeletal"] = "C" if activity > 0.6 else "E"
    return grades


def _taper(rng: random.Random, start: date, day0: date, excursion: bool, responder: bool) -> list[SteroidRow]:
    """Prednisolone 30 mg/day from `start`, tapering to 7.5 mg/day: before the W4 visit for a responder, in
    weeks 5-8 for a non-responder (so the primary endpoint is met or not). Every step lasts at least one day:
    an early responder's 15 mg step ends two days before 7.5 mg is reached."""
    reach = rng.randint(18, 24) if responder else rng.randint(33, 52)
    plan = [(30.0, 6), (20.0, 13), (15.0, min(20, reach - 2)), (10.0, reach - 1), (7.5, 111)]
    rows: list[SteroidRow] = []
    first = start
    for mg, last_day in plan:
        last = day0 + timedelta(days=last_day)
        rows.append(SteroidRow("prednisolone", "oral", mg, first, last))
        first = last + timedelta(days=1)
    rows.append(SteroidRow("prednisolone", "oral", 5.0 if responder else 10.0, first, None))
    if excursion:
        burst = day0 + timedelta(days=rng.randint(58, 68))
        rows.append(SteroidRow("prednisolone", "oral", 12.5, burst, burst + timedelta(days=9),
                               indication="flare_extrarenal"))
    return rows


def _clip(rows: list[SteroidRow], until: date) -> list[SteroidRow]:
    """Rows started by `until`; a row running past it is ongoing (no stop yet)."""
    out = []
    for row in rows:
        if row.start > until:
            continue
        if row.stop is None or row.stop >= until:
            row = SteroidRow(row.drug, row.route, row.mg_per_dose, row.start, None, row.doses_per_day, row.indication)
        out.append(row)
    return out


def synthetic_dossier(
    rng: random.Random,
    subject_id: str,
    subgroup: str,
    stage: str,
    as_of: date,
    *,
    responder: bool | None = None,
    quirks: frozenset[str] | set[str] = frozenset(),
    screening_number: str | None = None,
    params: ProtocolParams | None = None,
) -> Dossier:
    """One synthetic subject at `stage` of the trial as of `as_of` (see the module docstring)."""
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r} (known: {', '.join(STAGES)})")
    params = params or ProtocolParams()
    responder = rng.random() < 0.55 if responder is None else responder
    sex = "F" if rng.random() < 0.9 else "M"
    day_now = -rng.randint(3, 15) if stage == "screening" else rng.randint(*_STAGE_DAYS[stage])
    day0 = as_of - timedelta(days=day_now)
    consent = day0 - timedelta(days=rng.randint(16, 26))
    birth = consent - timedelta(days=rng.randint(20 * 365 + 10, 58 * 365))
    weight = _round(rng.uniform(44, 78), 1)
    withdrawal = as_of - timedelta(days=rng.randint(1, 20)) if stage == "withdrawn" else None
    last_day = withdrawal or as_of
    status = {"screening": "screening", "completed": "completed", "withdrawn": "withdrawn"}.get(stage, "enrolled")

    i2_actual = 84 + rng.randint(-3, 3)
    i2_date = day0 + timedelta(days=i2_actual)
    i2_given = stage != "screening" and i2_date <= last_day
    if stage == "screening":
        infusions = [Infusion(1, planned_date=day0)]
    else:
        infusions = [Infusion(1, day0, day0, weight, 2.0e6 * weight, "full")]
        if i2_given:
            infusions.append(Infusion(2, day0 + timedelta(days=84), i2_date, weight, 2.0e6 * weight, "full"))
        elif stage != "withdrawn":
            infusions.append(Infusion(2, planned_date=day0 + timedelta(days=84)))
    i2_day = i2_actual if i2_given else 84
    last_study_day = (last_day - day0).days

    course = _Course(rng, subgroup, responder)
    clinical = _clinical_course(rng, responder)
    due: list[tuple[str, int]] = []
    for visit_def in params.visits:
        window = visit_window(visit_def.code, i2_day, params)
        if day0 + timedelta(days=window.earliest) > last_day:
            continue
        jitter = 0 if window.earliest == window.latest else rng.randint(max(window.earliest - window.target, -2),
                                                                       min(window.latest - window.target, 2))
        if visit_def.code == "W12" and i2_given:  # the W12 assessment is made before infusion 2
            jitter = i2_actual - window.target
        if visit_def.code == "SCR":  # screening starts just after consent
            jitter = (consent - day0).days + min(rng.randint(0, 2), (as_of - consent).days) - window.target
        due.append((visit_def.code, window.target + jitter))
    if "out_of_window" in quirks:
        candidates = [i for i, (code, _) in enumerate(due) if code in ("W4", "W8", "W16", "W20")]
        if candidates:
            i = candidates[-1]
            code = due[i][0]
            due[i] = (code, visit_window(code, i2_day, params).latest + rng.randint(2, 5))
    overdue_code = None
    if "overdue" in quirks:
        closed = [code for code, _ in due
                  if code not in ("SCR", "D0") and day0 + timedelta(days=visit_window(code, i2_day, params).latest)
                  < last_day]
        overdue_code = closed[-1] if closed else None

    missed_code = next((code for code, _ in due if code == "D3"), None) if "missed" in quirks else None
    visits = []
    for code, day in due:
        when = day0 + timedelta(days=day)
        if when > last_day or code == overdue_code:
            continue
        if code == missed_code:
            visits.append(Visit(code, missed=True, reason="환자 독감으로 내원 못함 (subject had influenza)"))
            continue
        visits.append(_visit(rng, course, code, day, when, subgroup, responder, clinical, weight, quirks))
    if stage != "screening" and rng.random() < 0.3 and last_study_day > 20:
        uns_day = rng.randint(10, min(last_study_day, 150) - 1)
        visits.append(Visit("UNS", day0 + timedelta(days=uns_day),
                            labs=Labs(**{k: course.value(k, uns_day) for k in ("hemoglobin_g_dl", "platelets_10e9_l",
                                                                               "wbc_10e9_l")})))
    visits.sort(key=lambda v: (v.date or as_of))

    taper_start = consent + timedelta(days=rng.randint(0, 5))
    steroids = _clip(_taper(rng, taper_start, day0, "steroid_excursion" in quirks, responder), last_day)
    for infusion in infusions:
        if infusion.date is not None:
            steroids.append(SteroidRow("methylprednisolone", "iv", 40.0, infusion.date, infusion.date,
                                       indication="premedication"))
    medications = _medications(rng, subgroup, responder, consent, day0, last_day)
    adverse_events, hospitalisations = _adverse_events(rng, day0, last_day) if stage != "screening" else ([], [])
    events = ()
    if subgroup == "LN" and not responder and last_study_day > 120:
        events = (FlareEvent("renal_flare", day0 + timedelta(days=rng.randint(100, 120)), note="UPCR 재상승"),)

    initials = rng.choice(_FAMILY) + rng.choice(_GIVEN) if rng.random() < 0.6 else \
        "".join(rng.choice("ABCDEGHJKLMNPSWY") for _ in range(2))
    registry = {"screening_number": screening_number, "notes": rng.choice(_NOTES),
                "withdrawal_reason": rng.choice(_WITHDRAWAL_REASONS) if withdrawal else None}
    return Dossier(
        as_of=as_of,
        subject=Subject(id=subject_id, subgroup=subgroup, sex=sex, birth_date=birth, status=status,
                        consent_date=consent, withdrawal_date=withdrawal, initials=initials, weight_kg=weight),
        infusions=tuple(infusions),
        visits=tuple(visits),
        steroids=tuple(steroids),
        medications=tuple(medications),
        hospitalisations=tuple(hospitalisations),
        events=events,
        adverse_events=tuple(adverse_events),
        extensions={REGISTRY_EXTENSION: {k: v for k, v in registry.items() if v is not None}},
    )


def _visit(
    rng: random.Random, course: _Course, code: str, day: int, when: date, subgroup: str, responder: bool,
    clinical: dict[str, int], weight: float, quirks: frozenset[str] | set[str],
) -> Visit:
    labs = course.labs(code, day, subgroup)
    if code == "W24" and "missing_w24_labs" in quirks:
        labs = Labs()
    activity = max(0.05, 1.0 - (min(day, 150) / 150) * (0.85 if responder else 0.35))
    assessed = code in _ASSESSMENT_VISITS
    still_clinical = tuple(feature for feature, resolved_day in clinical.items() if day < resolved_day)
    post_baseline = day > 0
    return Visit(
        code=code, date=when, weight_kg=_round(weight + rng.uniform(-1.5, 1.5), 1),
        labs=labs,
        labs_not_attributable=("hemoglobin_g_dl",) if subgroup == "LN" and day > 0 and rng.random() < 0.05 else (),
        sledai=_sledai(labs, still_clinical) if assessed and labs != Labs() else {},
        pga_tenths=int(round(activity * 25)) if assessed else None,
        bilag=_bilag(subgroup, activity) if assessed else {},
        sfi=SfiForm({organ: organ == "nephritis" and subgroup == "LN" and not responder and day > 100
                     for organ in vocab.SFI_ORGANS}, worse_thrombocytopenia=False) if post_baseline and assessed
        else SfiForm(),
        lldas=LldasForm(False, False, not responder and rng.random() < 0.3, True) if assessed else LldasForm(),
        sediment_inactive=(responder and day >= 112) if subgroup == "LN" and code in _FULL_LAB_VISITS else None,
    )


def _medications(
    rng: random.Random, subgroup: str, responder: bool, consent: date, day0: date, last_day: date
) -> list[Medication]:
    before = consent - timedelta(days=rng.randint(200, 900))
    meds = [Medication("하이드록시클로로퀸 (hydroxychloroquine) 200 mg", "antimalarial", before, rescue=False,
                       indication="maintenance", for_sle_activity=True, investigational=False)]
    if subgroup == "LN":
        meds.append(Medication("마이코페놀레이트 모페틸 (mycophenolate mofetil) 1 g bid", "mycophenolate",
                               before + timedelta(days=30), rescue=False, indication="maintenance",
                               for_sle_activity=True, investigational=False))
    elif rng.random() < 0.5:
        meds.append(Medication("아자티오프린 (azathioprine) 50 mg", "azathioprine", before, rescue=False,
                               indication="maintenance", for_sle_activity=True, investigational=False))
    meds.append(Medication("오메프라졸 (omeprazole) 20 mg", "other", consent, rescue=False, indication="other",
                           for_sle_activity=False, investigational=False))
    rescue_day = day0 + timedelta(days=rng.randint(110, 140))
    if not responder and rescue_day <= last_day and rng.random() < 0.6:
        if subgroup == "LN":
            meds.append(Medication("사이클로포스파마이드 (cyclophosphamide) IV 500 mg", "cyclophosphamide", rescue_day,
                                   rescue_day, rescue=True, indication="renal", for_sle_activity=True,
                                   investigational=False))
        else:
            meds.append(Medication("면역글로불린 (IVIG) 0.4 g/kg", "ivig", rescue_day,
                                   rescue_day + timedelta(days=4), rescue=True, indication="haematologic",
                                   for_sle_activity=True, investigational=False))
    return meds


def _adverse_events(
    rng: random.Random, day0: date, last_day: date
) -> tuple[list[AdverseEvent], list[Hospitalisation]]:
    events = [AdverseEvent("두통 (headache)", day0, day0 + timedelta(days=1), 1, False, "unlikely", "possible",
                           "recovered")]
    if rng.random() < 0.5:
        events.append(AdverseEvent("발열 (fever)", day0 + timedelta(days=1), day0 + timedelta(days=2), 1, False,
                                   "possible", "probable", "recovered"))
    hospitalisations = []
    urti = day0 + timedelta(days=rng.randint(20, 90))
    if urti <= last_day and rng.random() < 0.5:
        events.append(AdverseEvent("상기도 감염 (upper respiratory tract infection)", urti,
                                   urti + timedelta(days=6) if urti + timedelta(days=6) <= last_day else None, 2,
                                   False, "unlikely", "not_related",
                                   "recovered" if urti + timedelta(days=6) <= last_day else "recovering"))
    pneumonia = day0 + timedelta(days=rng.randint(40, 120))
    if pneumonia + timedelta(days=8) <= last_day and rng.random() < 0.15:
        discharge = pneumonia + timedelta(days=7)
        events.append(AdverseEvent("폐렴 (pneumonia)", pneumonia, discharge, 3, True, "unlikely", "not_related",
                                   "recovered"))
        hospitalisations.append(Hospitalisation(pneumonia, discharge, for_sle_activity=False, indication="other"))
    return events, hospitalisations


@dataclass(frozen=True)
class DemoReport:
    """What write_demo_database made, and how long it took."""

    path: Path
    subjects: int
    seconds: float


def write_demo_database(
    path: Path, n_subjects: int = 10, seed: int = 1, as_of: date | None = None, user: str = DEMO_USER,
    status_examples: bool = True,
) -> DemoReport:
    """Create a new database with `n_subjects` synthetic subjects, each imported through the audited path.

    The file is built under a temporary name and moved into place when complete, so an interrupted run never
    leaves a half-filled demo database. Subject k's data depends only on (seed, k, as_of), not on how many
    subjects are made. `status_examples` adds a source-verified visit, a locked visit and back-dated queries
    (models.demo_status). Refuses (DatabaseError) to overwrite an existing file.
    """
    started = time.perf_counter()
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise DatabaseError(f"{path} already exists; the demo generator only creates new files.")
    as_of = as_of or date.today()
    building = path.with_name(f".{path.name}.building")
    for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        leftover.unlink(missing_ok=True)
    db = open_database(building)
    try:
        params = db.config.params
        for index, plan in enumerate(default_plans(n_subjects, random.Random(f"{seed}:plans"))):
            rng = random.Random(f"{seed}:{plan.subject_id}")
            dossier = synthetic_dossier(rng, plan.subject_id, plan.subgroup, plan.stage, as_of,
                                        responder=plan.responder, quirks=plan.quirks,
                                        screening_number=f"S-{index + 1:04d}", params=params)
            import_dossier(db, dossier, user=user, today=as_of)
        add_schedule_details(db, as_of, seed, user)
        add_visit_details(db, as_of, seed, user)
        add_log_details(db, as_of, user)
        add_demo_security(db)
        if status_examples:
            add_demo_status(db, as_of)
    finally:
        db.close()
    os.replace(building, path)
    return DemoReport(path, n_subjects, time.perf_counter() - started)
