"""The rules an imported dossier must pass: the same registration and form rules as typing it in, so an import
stores nothing the screen would refuse.

    problems = dossier_problems(session, dossier, registry, ae_details, today, record_id)   # {JSON path: message}

- the subject: every registration rule of models.subjects (ID pattern, age at consent, dates in order, weight
  range, text limits) and its uniqueness checks; a screening number and a withdrawal reason are only checked
  when the dossier carries them (the dossier format itself has no field for them);
- visits and infusions: the hard edit checks of the visit form (endpoints.edit_checks: weight, every lab value,
  a date in the future, before birth or before consent);
- steroid, medication, hospitalisation, dialysis, flare and adverse-event rows: the hard checks of their forms
  (endpoints.record_checks) on the values the dossier gives; a form's required field the format does not carry
  is not asked for.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from endpoints.dossier import Dossier
from endpoints.edit_checks import HARD, check_value, check_visit_date
from endpoints.record_checks import RecordContext, check_record
from models.subjects import SubjectInput, field_errors, uniqueness_errors

REGISTRY_PATH = '$.extensions["trialdesk.registry"]'
_REGISTRY_ONLY = ("screening_number", "withdrawal_reason", "notes", "death_cause")
_NOT_IN_FORMAT = {"screening_number", "withdrawal_reason"}
_LOGS = (("steroids", "steroids"), ("medications", "medications"), ("hospitalisations", "hospitalisations"),
         ("renal_replacement", "renal_replacement"), ("events", "events"), ("adverse_events", "adverse_events"))


def subject_input(d: Dossier, registry: dict[str, str | None], record_id: int | None) -> SubjectInput:
    """The registration form's input for the dossier's subject (registry fields from its extension)."""
    s = d.subject
    return SubjectInput(
        subject_id=s.id, screening_number=registry.get("screening_number"), subgroup=s.subgroup, sex=s.sex,
        birth_date=s.birth_date, consent_date=s.consent_date, status=s.status, initials=s.initials,
        weight_kg=s.weight_kg, withdrawal_date=s.withdrawal_date, withdrawal_reason=registry.get("withdrawal_reason"),
        death_date=s.death_date, notes=registry.get("notes"), record_id=record_id,
        death_cause=registry.get("death_cause"),
    )


def dossier_problems(session: Session, d: Dossier, registry: dict[str, str | None],
                     ae_details: list[dict[str, Any]], today: date, record_id: int | None) -> dict[str, str]:
    """Every rule the dossier breaks, by JSON path (empty when it can be stored)."""
    data = subject_input(d, registry, record_id)
    errors = {**field_errors(data, today)}
    for key, message in uniqueness_errors(session, data).items():
        errors.setdefault(key, message)
    problems: dict[str, str] = {}
    for key, message in errors.items():
        if key in _NOT_IN_FORMAT and getattr(data, key) is None:
            continue
        base = REGISTRY_PATH if key in _REGISTRY_ONLY else "$.subject"
        problems[f"{base}.{key}"] = message
    ctx = RecordContext(today=today, consent=d.subject.consent_date, birth=d.subject.birth_date,
                        death=d.subject.death_date)
    problems.update(_visit_problems(d, ctx))
    problems.update(_infusion_problems(d, ctx))
    problems.update(_log_problems(d, ae_details, ctx))
    return problems


def _date_problem(when: date | None, ctx: RecordContext) -> str | None:
    found = check_visit_date(when, today=ctx.today, consent=ctx.consent, birth=ctx.birth)
    return found.message if found is not None and found.level == HARD else None


def _value_problem(key: str, value: float | None) -> str | None:
    found = check_value(key, value)
    return found.message if found is not None and found.level == HARD else None


def _visit_problems(d: Dossier, ctx: RecordContext) -> Iterator[tuple[str, str]]:
    for i, visit in enumerate(d.visits):
        path = f"$.visits[{i}]"
        if not visit.missed and (problem := _date_problem(visit.date, ctx)):
            yield f"{path}.date", problem
        if (problem := _value_problem("weight_kg", visit.weight_kg)):
            yield f"{path}.weight_kg", problem
        for key, value in asdict(visit.labs).items():
            if key != "urine_casts" and (problem := _value_problem(key, value)):
                yield f"{path}.labs.{key}", problem


def _infusion_problems(d: Dossier, ctx: RecordContext) -> Iterator[tuple[str, str]]:
    for i, infusion in enumerate(d.infusions):
        path = f"$.infusions[{i}]"
        if (problem := _date_problem(infusion.date, ctx)):
            yield f"{path}.date", problem
        if (problem := _value_problem("weight_kg", infusion.weight_kg)):
            yield f"{path}.weight_kg", problem


def _log_problems(d: Dossier, ae_details: list[dict[str, Any]], ctx: RecordContext) -> Iterator[tuple[str, str]]:
    for key, kind in _LOGS:
        for i, row in enumerate(getattr(d, key)):
            values = asdict(row)
            criteria_known = True
            if kind == "adverse_events":
                details = ae_details[i] if i < len(ae_details) else {}
                values["action_taken"] = details.get("action_taken")
                criteria = details.get("sae_criteria")
                criteria_known = criteria is not None
                for name in criteria or ():
                    values[f"sae_{name}"] = True
            for check in check_record(kind, values, ctx):
                if check.level != HARD or values.get(check.field) is None:
                    continue  # soft findings, and form fields the dossier does not carry
                if check.field == "serious" and not criteria_known:
                    continue  # seriousness criteria travel only in the extension
                yield f"$.{key}[{i}].{check.field}", check.message
