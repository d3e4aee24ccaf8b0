"""Edit checks of the subject-level logs: steroid rows, medications, adverse events, declared flares,
hospitalisations, dialysis/transplant and death (the visit form's checks are in endpoints.edit_checks).

`check_record(kind, values, ctx)` returns every finding for one row as `edit_checks.Check` values: HARD refuses
the save, SOFT needs a confirmation that is recorded. `values` maps the stored field names (the columns of the
log's table) to typed values; None is an empty field. Messages are plain sentences shown beside the field.

Choices where the spec is silent: a date in the future or before birth is impossible everywhere; an adverse
event, a declared flare and a death before informed consent are refused (before consent they are medical
history), while a medication, steroid row, hospitalisation or dialysis that ended before consent only warns
(prior treatment may be recorded). Dose limits: mg per dose must be above 0 and at most 2000 mg; more than
100 mg/day prednisone-equivalent (1250 mg/day for an IV pulse, i.e. methylprednisolone 1 g) is unusual.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from endpoints import vocab
from endpoints.dossier import SteroidRow
from endpoints.edit_checks import HARD, SOFT, Check
from endpoints.params import ProtocolParams
from endpoints.steroids import row_daily_pred_eq

KINDS = ("steroids", "medications", "adverse_events", "events", "hospitalisations", "renal_replacement", "death")

AE_GRADES = (1, 2, 3, 4, 5)
AE_ACTIONS = ("dose_not_changed", "infusion_rate_reduced", "infusion_interrupted", "product_withdrawn",
              "not_applicable", "unknown")
AE_OUTCOMES = ("recovered", "recovering", "not_recovered", "recovered_with_sequelae", "fatal", "unknown")
SAE_CRITERIA = ("sae_death", "sae_life_threatening", "sae_hospitalisation", "sae_disability",
                "sae_congenital_anomaly", "sae_important_medical_event")

MAX_MG_PER_DOSE = 2000.0
MAX_DOSES_PER_DAY = 6.0
USUAL_DOSES_PER_DAY = (0.5, 1.0, 2.0, 3.0, 4.0)
SOFT_DAILY_MG = 100
SOFT_DAILY_MG_IV = 1250
MAX_TEXT = 200
MAX_NOTE = 2000
SOFT_STAY_DAYS = 180


@dataclass(frozen=True)
class RecordContext:
    """What the checks compare against: today, the subject's key dates and the protocol parameters."""

    today: date
    consent: date | None = None
    birth: date | None = None
    death: date | None = None
    params: ProtocolParams = field(default_factory=ProtocolParams)
    steroids: tuple[SteroidRow, ...] = ()  # the subject's other saved steroid rows (for the overlap check)


# Field order per kind: the order of the paper form, used for messages and required marks.
FIELDS: dict[str, tuple[str, ...]] = {
    "steroids": ("drug", "route", "mg_per_dose", "doses_per_day", "start", "stop", "indication"),
    "medications": ("name", "agent_class", "start", "stop", "rescue", "indication", "for_sle_activity",
                    "investigational"),
    "adverse_events": ("term", "onset", "end", "grade", "serious", *SAE_CRITERIA, "related_product",
                       "related_infusion", "action_taken", "outcome"),
    "events": ("type", "date", "organ", "note"),
    "hospitalisations": ("admission", "discharge", "for_sle_activity", "indication"),
    "renal_replacement": ("type", "start", "stop", "chronic"),
    "death": ("death_date", "death_cause"),
}

REQUIRED: dict[str, tuple[str, ...]] = {
    "steroids": ("drug", "route", "mg_per_dose", "doses_per_day", "start", "indication"),
    "medications": ("name", "agent_class", "start", "rescue", "indication", "for_sle_activity", "investigational"),
    "adverse_events": ("term", "onset", "grade", "serious", "related_product", "related_infusion", "action_taken",
                       "outcome"),
    "events": ("type", "date"),
    "hospitalisations": ("admission", "for_sle_activity", "indication"),
    "renal_replacement": ("type", "start", "chronic"),
    "death": (),
}

CHOICES: dict[str, dict[str, tuple[Any, ...]]] = {
    "steroids": {"drug": vocab.STEROID_DRUGS, "route": vocab.STEROID_ROUTES, "indication": vocab.STEROID_INDICATIONS},
    "medications": {"agent_class": vocab.AGENT_CLASSES, "indication": vocab.MEDICATION_INDICATIONS},
    "adverse_events": {"grade": AE_GRADES, "related_product": vocab.AE_RELATEDNESS,
                       "related_infusion": vocab.AE_RELATEDNESS, "action_taken": AE_ACTIONS, "outcome": AE_OUTCOMES},
    "events": {"type": vocab.EVENT_TYPES, "organ": vocab.EVENT_ORGANS},
    "hospitalisations": {"indication": vocab.HOSPITALISATION_INDICATIONS},
    "renal_replacement": {"type": vocab.RENAL_REPLACEMENT_TYPES},
    "death": {},
}

# (start field, stop field, what the row is called) per kind.
PERIODS: dict[str, tuple[str, str, str]] = {
    "steroids": ("start", "stop", "steroid row"),
    "medications": ("start", "stop", "medication"),
    "adverse_events": ("onset", "end", "adverse event"),
    "hospitalisations": ("admission", "discharge", "hospitalisation"),
    "renal_replacement": ("start", "stop", "dialysis or transplant"),
}
# Date fields that may not be before informed consent (HARD); other date fields only warn when a whole
# period lies before consent.
NOT_BEFORE_CONSENT = {"adverse_events": ("onset",), "events": ("date",), "death": ("death_date",)}

_REQUIRED_MESSAGE = {
    "drug": "Choose the drug.", "route": "Choose the route.", "mg_per_dose": "Enter the dose in mg.",
    "doses_per_day": "Enter the doses per day (0.5 for alternate days).", "indication": "Choose the indication.",
    "name": "Enter the medication's name.", "agent_class": "Choose the agent class.",
    "rescue": "Answer whether this is rescue therapy.", "for_sle_activity": "Answer whether it is for SLE activity.",
    "investigational": "Answer whether it is an investigational product.", "term": "Enter the adverse event term.",
    "onset": "Enter the onset date.", "grade": "Choose the CTCAE grade (1-5).",
    "serious": "Answer whether the event is serious.", "related_product": "Choose the relatedness to the product.",
    "related_infusion": "Choose the relatedness to the infusion.", "action_taken": "Choose the action taken.",
    "outcome": "Choose the outcome.", "type": "Choose the type.", "date": "Enter the onset date.",
    "admission": "Enter the admission date.", "chronic": "Answer whether it is chronic.",
    "start": "Enter the start date.",
}


def _iso(value: date) -> str:
    return value.isoformat()


def _date_checks(kind: str, values: Mapping[str, Any], ctx: RecordContext) -> list[Check]:
    found: list[Check] = []
    for key in FIELDS[kind]:
        when = values.get(key)
        if not isinstance(when, date):
            continue
        if when > ctx.today:
            found.append(Check(key, HARD, f"{_iso(when)} is in the future."))
        elif ctx.birth is not None and when < ctx.birth:
            found.append(Check(key, HARD, f"{_iso(when)} is before the date of birth ({_iso(ctx.birth)})."))
        elif ctx.consent is not None and when < ctx.consent and key in NOT_BEFORE_CONSENT.get(kind, ()):
            found.append(Check(key, HARD, f"{_iso(when)} is before informed consent ({_iso(ctx.consent)})."))
    if kind in PERIODS:
        first_key, last_key, what = PERIODS[kind]
        first, last = values.get(first_key), values.get(last_key)
        refused = {c.field for c in found}
        if first is not None and last is not None and last < first and last_key not in refused:
            found.append(Check(last_key, HARD, f"The {what} cannot end ({_iso(last)}) before it starts "
                                               f"({_iso(first)})."))
        elif last is not None and ctx.consent is not None and last < ctx.consent and last_key not in refused:
            found.append(Check(last_key, SOFT, f"This {what} ended before informed consent ({_iso(ctx.consent)}): "
                                               f"check that it belongs in the study record."))
    if kind not in ("death", "events") and ctx.death is not None:
        first_key = PERIODS[kind][0]
        first = values.get(first_key)
        if first is not None and first > ctx.death and not any(c.field == first_key for c in found):
            found.append(Check(first_key, HARD, f"{_iso(first)} is after the subject's death ({_iso(ctx.death)})."))
    return found


def missing_required(kind: str, values: Mapping[str, Any]) -> tuple[str, ...]:
    """The required fields (`REQUIRED`) of one row of a log that are empty."""
    return tuple(key for key in REQUIRED[kind]
                 if values.get(key) is None or (isinstance(values.get(key), str) and not values[key].strip()))


def _basic_checks(kind: str, values: Mapping[str, Any]) -> list[Check]:
    found = [Check(key, HARD, _REQUIRED_MESSAGE.get(key, "Required.")) for key in missing_required(kind, values)]
    for key, allowed in CHOICES[kind].items():
        value = values.get(key)
        if value is not None and value not in allowed:
            found.append(Check(key, HARD, f"{value} is not one of the allowed values."))
    for key in ("name", "term"):
        text = values.get(key)
        if isinstance(text, str) and len(text) > MAX_TEXT:
            found.append(Check(key, HARD, f"At most {MAX_TEXT} characters."))
    for key in ("note", "death_cause"):
        text = values.get(key)
        if isinstance(text, str) and len(text) > MAX_NOTE:
            found.append(Check(key, HARD, f"At most {MAX_NOTE} characters."))
    return found


def _overlap_check(values: Mapping[str, Any], others: tuple[SteroidRow, ...]) -> Check | None:
    """SOFT: the same drug by the same route already covers some of these days (rows add up, §2.1)."""
    drug, route, start, stop = values.get("drug"), values.get("route"), values.get("start"), values.get("stop")
    if drug is None or start is None:
        return None
    for other in others:
        if other.drug == drug and other.route == route and (stop is None or other.start <= stop) \
                and (other.stop is None or start <= other.stop):
            until = other.stop.isoformat() if other.stop else "ongoing"
            return Check("start", SOFT, f"Overlaps the {drug} row {other.start.isoformat()} to {until}: overlapping "
                                        f"rows add up (e.g. a burst on top of the taper); check it is not entered "
                                        f"twice.")
    return None


def _steroid_checks(values: Mapping[str, Any], params: ProtocolParams) -> list[Check]:
    found: list[Check] = []
    mg, per_day = values.get("mg_per_dose"), values.get("doses_per_day")
    if mg is not None:
        if mg <= 0:
            found.append(Check("mg_per_dose", HARD, "The dose must be more than 0 mg."))
        elif mg > MAX_MG_PER_DOSE:
            found.append(Check("mg_per_dose", HARD, f"{mg:g} mg per dose is impossible (at most "
                                                    f"{MAX_MG_PER_DOSE:g} mg)."))
    if per_day is not None:
        if per_day <= 0:
            found.append(Check("doses_per_day", HARD, "Doses per day must be more than 0 (0.5 for alternate days)."))
        elif per_day > MAX_DOSES_PER_DAY:
            found.append(Check("doses_per_day", HARD, f"{per_day:g} doses per day is impossible (at most "
                                                      f"{MAX_DOSES_PER_DAY:g})."))
        elif per_day not in USUAL_DOSES_PER_DAY:
            found.append(Check("doses_per_day", SOFT, f"{per_day:g} doses per day is unusual (alternate days is "
                                                      f"0.5): check the prescription."))
    refused = {c.field for c in found if c.level == HARD}
    drug, route, start = values.get("drug"), values.get("route"), values.get("start")
    if (mg is not None and per_day is not None and drug in vocab.STEROID_DRUGS and start is not None
            and not {"mg_per_dose", "doses_per_day"} & refused):
        daily = row_daily_pred_eq(SteroidRow(drug, route or "oral", mg, start, doses_per_day=per_day), params)
        limit = SOFT_DAILY_MG_IV if route == "iv" else SOFT_DAILY_MG
        if daily is not None and daily > limit:
            found.append(Check("mg_per_dose", SOFT, f"{float(daily):g} mg/day prednisone-equivalent is unusually "
                                                    f"high (above {limit} mg/day): check the source document."))
    return found


def _adverse_event_checks(values: Mapping[str, Any]) -> list[Check]:
    found: list[Check] = []
    serious, grade, outcome = values.get("serious"), values.get("grade"), values.get("outcome")
    ticked = [key for key in SAE_CRITERIA if values.get(key)]
    if serious is True and not ticked:
        found.append(Check("serious", HARD, "A serious adverse event needs at least one SAE criterion."))
    if serious is False and ticked:
        found.append(Check("serious", HARD, "SAE criteria are ticked but the event is marked not serious."))
    if grade == 5:
        if outcome is not None and outcome != "fatal":
            found.append(Check("outcome", HARD, "A grade 5 event is fatal: choose the outcome Fatal."))
        if serious is not None and not values.get("sae_death"):
            found.append(Check("serious", HARD, "A grade 5 event is serious with the criterion Death."))
    elif outcome == "fatal" and grade is not None:
        found.append(Check("grade", HARD, "A fatal outcome is CTCAE grade 5."))
    if grade == 4 and serious is False:
        found.append(Check("serious", SOFT, "Grade 4 events are usually serious (life-threatening): check."))
    end = values.get("end")
    if end is not None and outcome in ("recovering", "not_recovered"):
        found.append(Check("end", SOFT, "An end date is given but the outcome says not yet recovered: check."))
    if end is None and outcome in ("recovered", "recovered_with_sequelae"):
        found.append(Check("end", SOFT, "The outcome says recovered but no end date is given: check."))
    return found


def _kind_checks(kind: str, values: Mapping[str, Any], ctx: RecordContext) -> list[Check]:
    if kind == "steroids":
        overlap = _overlap_check(values, ctx.steroids)
        return _steroid_checks(values, ctx.params) + ([overlap] if overlap else [])
    if kind == "adverse_events":
        return _adverse_event_checks(values)
    found: list[Check] = []
    if kind == "medications":
        if values.get("rescue") is True and values.get("indication") == "maintenance":
            found.append(Check("indication", SOFT, "Rescue therapy with the indication maintenance: check which "
                                                   "flare it treats (renal, haematologic, extrarenal)."))
        if values.get("investigational") is True:
            found.append(Check("investigational", SOFT, "Another investigational product: check (the study "
                                                        "product itself is never listed here)."))
    elif kind == "events":
        organ = values.get("organ")
        if values.get("type") == "severe_flare" and organ is None:
            found.append(Check("organ", HARD, "Choose whether the severe flare is renal or extrarenal."))
        elif values.get("type") in ("renal_flare", "hematologic_flare") and organ is not None:
            found.append(Check("organ", HARD, "Renal or extrarenal is only given for a severe flare."))
    elif kind == "hospitalisations":
        admission, discharge = values.get("admission"), values.get("discharge")
        if admission is not None and discharge is not None and (discharge - admission).days > SOFT_STAY_DAYS:
            found.append(Check("discharge", SOFT, f"A stay of {(discharge - admission).days} days is unusually "
                                                  f"long: check the dates."))
    elif kind == "death":
        when, cause = values.get("death_date"), values.get("death_cause")
        has_cause = isinstance(cause, str) and bool(cause.strip())
        if when is None and has_cause:
            found.append(Check("death_date", HARD, "Enter the date of death (or clear the cause)."))
        if when is not None and not has_cause:
            found.append(Check("death_cause", HARD, "Enter the cause of death (\"unknown\" if it is not known)."))
    return found


def check_record(kind: str, values: Mapping[str, Any], ctx: RecordContext) -> list[Check]:
    """Every finding for one row of a subject log, at most one HARD finding per field (the first)."""
    if kind not in KINDS:
        raise ValueError(f"unknown log {kind!r}")
    found = _basic_checks(kind, values)
    found += _date_checks(kind, values, ctx)
    refused = {c.field for c in found if c.level == HARD}
    found += [c for c in _kind_checks(kind, values, ctx) if c.field not in refused]
    out: list[Check] = []
    seen_hard: set[str] = set()
    for check in found:
        if check.level == HARD:
            if check.field in seen_hard:
                continue
            seen_hard.add(check.field)
        out.append(check)
    hard_fields = {c.field for c in out if c.level == HARD}
    return [c for c in out if c.level == HARD or c.field not in hard_fields]
