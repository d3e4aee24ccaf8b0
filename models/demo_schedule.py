"""Demo data for the visit schedule: what an infusion record holds beyond the dossier (lot, times, vital signs,
reactions, partial infusions), comments on out-of-window visits, a declared missed visit and a rescheduled
infusion 2. Runs after the dossiers are imported; deterministic for a seed.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from endpoints.visit_status import OVERDUE, build_schedule, study_end
from models.database import Database
from models.schedule_store import InfusionInput, infusion_dates, load_schedule, save_infusion, visit_records
from models.schema import Subject, Visit

DEMO_REASON = "Demo data: infusion details and visit schedule annotations"
_WINDOW_COMMENTS = ("환자 사정으로 일정 변경 (subject's request)", "Public holiday (추석); clinic closed",
                    "독감으로 연기 (postponed: influenza)")
_REACTIONS = ("Grade 1 chills 30 min after start; 오한, resolved without treatment",
              "Grade 1 fever 37.9 °C at end of infusion; acetaminophen 500 mg")


def _fill_infusion(rng: random.Random, infusion, lot_serial: int) -> None:
    infusion.weight_date = infusion.date
    infusion.lot_number = f"CS20AT04-{infusion.date:%y%m}-{lot_serial:03d}"
    start = rng.choice(("09:00", "09:30", "10:00", "13:30", "14:00"))
    minutes = rng.randint(35, 75)
    hour, minute = int(start[:2]), int(start[3:]) + minutes
    infusion.start_time, infusion.end_time = start, f"{hour + minute // 60:02d}:{minute % 60:02d}"
    infusion.pre_systolic_bp_mmhg, infusion.pre_diastolic_bp_mmhg = rng.randint(102, 138), rng.randint(62, 88)
    infusion.pre_pulse_bpm, infusion.pre_temperature_c = rng.randint(62, 92), round(rng.uniform(36.2, 37.0), 1)
    reaction = rng.random() < 0.15
    infusion.post_systolic_bp_mmhg = infusion.pre_systolic_bp_mmhg + rng.randint(-8, 8)
    infusion.post_diastolic_bp_mmhg = infusion.pre_diastolic_bp_mmhg + rng.randint(-6, 6)
    infusion.post_pulse_bpm = infusion.pre_pulse_bpm + rng.randint(-4, 12)
    infusion.post_temperature_c = round(infusion.pre_temperature_c + (0.9 if reaction else rng.uniform(0, 0.4)), 1)
    infusion.reaction = reaction
    infusion.reaction_text = rng.choice(_REACTIONS) if reaction else None
    if reaction and rng.random() < 0.4:
        infusion.completion, infusion.fraction_given = "partial", 0.8


def add_schedule_details(db: Database, as_of: date, seed: int, user: str) -> None:
    """Annotate every demo subject's infusions and visits (one audited write), then reschedule one infusion 2."""
    params = db.config.params
    rescheduled: str | None = None
    with db.write(user, DEMO_REASON) as uow:
        subjects = uow.session.scalars(
            select(Subject).options(selectinload(Subject.infusions), selectinload(Subject.visits))
            .order_by(Subject.subject_id)).all()
        for serial, subject in enumerate(subjects, start=1):
            rng = random.Random(f"{seed}:schedule:{subject.subject_id}")
            for infusion in subject.infusions:
                if infusion.date is not None:
                    _fill_infusion(rng, infusion, serial)
            end = study_end(subject.status, subject.withdrawal_date, subject.death_date, subject.consent_date)
            calendar = build_schedule(infusion_dates(subject.infusions), visit_records(subject.visits), as_of, params,
                                      end)
            for visit in calendar:
                row = next((v for v in subject.visits if v.code == visit.code), None)
                if row is not None and row.date is not None and not visit.window.contains(row.date):
                    row.window_comment = rng.choice(_WINDOW_COMMENTS)
            if subject.status == "withdrawn":
                for visit in calendar:
                    if visit.status == OVERDUE:
                        subject.visits.append(Visit(code=visit.code, missed=True,
                                                    missed_reason="연락 두절 (no contact before withdrawal)"))
            second = next((i for i in subject.infusions if i.number == 2), None)
            if (rescheduled is None and second is not None and second.date is None and second.planned_date
                    and second.planned_date > as_of + timedelta(days=7)):
                rescheduled = subject.subject_id
    if rescheduled is not None:
        planned = load_schedule(db, rescheduled, as_of).infusion(2)
        assert planned is not None and planned.data.planned_date is not None
        moved = InfusionInput(rescheduled, 2, planned_date=planned.data.planned_date + timedelta(days=4))
        save_infusion(db, moved, user=user, reason="환자 요청: 가족 행사 (subject's request: family event)",
                      today=as_of)
