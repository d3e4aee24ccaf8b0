"""Demo data for the visit forms: what a visit form holds beyond the dossier (vital signs, comments in Korean or
English, "not done" with its reason, values typed in the other units a Korean hospital report uses, the entry
status, and the confirmations of unusual values). Runs after the dossiers are imported; deterministic for a seed.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from endpoints import units
from endpoints.params import ProtocolParams
from models.database import Database
from models.schema import SoftLimitConfirmation, Subject, Visit, VisitNotDone, utc_timestamp
from models.visit_store import COMPLETE, INCOMPLETE, check_visit, context_of, entry_of, value_text

DEMO_REASON = "Demo data: vital signs, comments and units as typed on the visit forms"
_COMMENTS = ("소변 검사 재확인 필요", "환자 컨디션 양호, 특이사항 없음", "Fasting sample; 공복 채혈",
             "보호자 동반 내원", "Lab report from 외부 병원 (outside hospital), transcribed")
# Lab key -> the other unit some demo subjects' reports use (conversions exact in decimal, so the canonical
# value of the dossier is unchanged).
_REPORT_UNITS = {"hemoglobin_g_dl": "g/L", "wbc_10e9_l": "/uL", "anc_10e9_l": "/uL", "lymphocytes_10e9_l": "/uL",
                 "platelets_10e9_l": "/uL", "albumin_g_dl": "g/L", "upcr_g_g": "mg/g", "proteinuria_g_24h": "mg/24 h"}


def _typed(key: str, canonical: float, code: str) -> str:
    factor = units.unit(key, code).factor
    return format((Decimal(repr(canonical)) * factor.denominator / factor.numerator).normalize(), "f")


def _fill_visit(rng: random.Random, visit: Visit, subgroup: str, other_units: bool) -> None:
    if other_units:
        for lab in visit.labs:
            code = _REPORT_UNITS.get(lab.key)
            if code is not None and lab.canonical_value is not None:
                lab.original_value, lab.original_unit = _typed(lab.key, lab.canonical_value, code), code
    if visit.code == "UNS":  # stand-alone lab results: no vital signs
        return
    base = 8 if subgroup == "LN" else 0
    visit.systolic_bp_mmhg = rng.randint(104, 132) + base
    visit.diastolic_bp_mmhg = rng.randint(64, 84) + base // 2
    visit.pulse_bpm = rng.randint(62, 94)
    if visit.code == "W1" and rng.random() < 0.2:
        visit.not_done.append(VisitNotDone(field="temperature_c", reason="체온계 고장 (thermometer out of order)"))
    else:
        visit.temperature_c = round(rng.uniform(36.2, 37.3), 1)
    if rng.random() < 0.25:
        visit.comment = rng.choice(_COMMENTS)


def add_visit_details(db: Database, as_of: date, seed: int, user: str) -> None:
    """Fill the visit-form fields of every demo visit, set each visit's entry status, and confirm (as the demo
    user) the unusual values and out-of-window dates the edit checks find, as a coordinator would.

    One audited transaction per subject keeps each flush (and the session's identity map) small.
    """
    params: ProtocolParams = db.config.params
    with db.read() as session:
        subject_ids = session.scalars(select(Subject.subject_id).order_by(Subject.id)).all()
    for subject_id in subject_ids:
        with db.write(user, DEMO_REASON) as uow:
            subject = uow.session.scalars(select(Subject).where(Subject.subject_id == subject_id).options(
                selectinload(Subject.infusions),
                selectinload(Subject.visits).options(selectinload(Visit.labs), selectinload(Visit.sledai),
                                                     selectinload(Visit.bilag), selectinload(Visit.not_done),
                                                     selectinload(Visit.confirmations)),
            )).one()
            _fill_subject(subject, random.Random(f"{seed}:visits:{subject_id}"), params, as_of, user,
                          utc_timestamp(db.clock()))


def _fill_subject(subject: Subject, rng: random.Random, params: ProtocolParams, as_of: date, user: str,
                  stamp: str) -> None:
    other_units = rng.random() < 0.4
    context = context_of(subject, params)
    for visit in subject.visits:
        if not visit.missed:
            _fill_visit(rng, visit, subject.subgroup, other_units)
        entry = entry_of(visit)
        findings = check_visit(entry, context, as_of)
        visit.entry_status = INCOMPLETE if findings.missing else COMPLETE
        for check in findings.soft.values():
            visit.confirmations.append(SoftLimitConfirmation(
                field=check.field, value_text=value_text(entry, check.field), message=check.message,
                confirmed_by=user, confirmed_at_utc=stamp))
