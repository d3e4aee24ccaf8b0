"""Demo data for the subject logs beyond the dossier: each adverse event's action taken and SAE criteria, and
one LN non-responder whose renal flare led to a hospitalisation for SLE activity with cyclophosphamide rescue
(so the demo always shows a rescue row and an SLE hospitalisation). Runs after the dossiers are imported;
deterministic; written through the audited unit of work as the demo user."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from endpoints.record_checks import SAE_CRITERIA
from models.database import Database
from models.schema import AdverseEvent, Hospitalisation, Medication, Subject

DEMO_REASON = "Demo data: adverse-event action taken and SAE criteria, rescue after a renal flare"
RESCUE_NAME = "사이클로포스파마이드 (cyclophosphamide) IV 500 mg"


def _fill_adverse_event(ae: AdverseEvent, infusion_dates: list[date]) -> None:
    near_infusion = ae.onset is not None and any(0 <= (ae.onset - day).days <= 2 for day in infusion_dates)
    ae.action_taken = "dose_not_changed" if near_infusion else "not_applicable"
    for criterion in SAE_CRITERIA:
        setattr(ae, criterion, False)
    if ae.serious:
        ae.sae_hospitalisation = True


def _rescue_after_flare(subject: Subject, as_of: date) -> None:
    flare = next((e for e in subject.events if e.type == "renal_flare"), None)
    if flare is None:
        return
    admission = flare.date + timedelta(days=2)
    discharge = admission + timedelta(days=6)
    if discharge > as_of:
        return
    subject.hospitalisations.append(Hospitalisation(admission=admission, discharge=discharge, for_sle_activity=True,
                                                    indication="renal"))
    if not any(m.rescue for m in subject.medications):
        subject.medications.append(Medication(
            name=RESCUE_NAME, agent_class="cyclophosphamide", start=admission + timedelta(days=1),
            stop=admission + timedelta(days=1), rescue=True, indication="renal", for_sle_activity=True,
            investigational=False))


def add_log_details(db: Database, as_of: date, user: str) -> None:
    """Fill AE action taken and SAE criteria for every demo subject; give the first LN subject with a renal
    flare its hospitalisation and rescue therapy."""
    with db.write(user, DEMO_REASON) as uow:
        subjects = uow.session.scalars(select(Subject).order_by(Subject.subject_id).options(
            selectinload(Subject.infusions), selectinload(Subject.adverse_events), selectinload(Subject.events),
            selectinload(Subject.medications), selectinload(Subject.hospitalisations),
        )).all()
        for subject in subjects:
            infusion_dates = [i.date for i in subject.infusions if i.date is not None]
            for ae in subject.adverse_events:
                _fill_adverse_event(ae, infusion_dates)
        flared = next((s for s in subjects if s.subgroup == "LN" and any(e.type == "renal_flare" for e in s.events)),
                      None)
        if flared is not None:
            _rescue_after_flare(flared, as_of)
