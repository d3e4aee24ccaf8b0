"""What each form calls its fields, in English (the source text of the Korean catalogue), without Qt: the one list
the forms on screen, the audit viewer, the printouts and the exchange catalogue read, so a field has one name.

    FORM_FIELDS["infusion"]["lot_number"]      # "Product lot number"
    visit_field("sledai.rash")                 # "SLEDAI-2K: Rash"
    form_field("infusion", "pre_pulse_bpm")    # "Before infusion: Pulse (/min)"
    visit_field("sledai.rash", tr)             # each part through `tr` (the screen's or the print's language)
    form_field("steroids", "stop")             # "Stop (inclusive)": a subject log's form label
    log_header("steroids", "stop")             # "Stop": the same field as a table column (screen and print)

Forms are named as models.audit_places names them ("visit", "infusion", "registration", "signature", …); visit
form keys are those of the visit form and the queries ("weight_kg", "hemoglobin_g_dl", "sledai.rash",
"lldas.gi_activity_active"). Lab, SLEDAI-2K and BILAG names come from reports.labels. The subject logs are named
by their kind (models.subject_records: "steroids", "medications", "adverse_events", "events", "hospitalisations",
"renal_replacement"; "death" is the registration's death record as its own form).
"""

from __future__ import annotations

from collections.abc import Callable

from reports.labels import BILAG_NAMES, LABS, LLDAS_QUESTION_TEXT, SLEDAI_NAMES

# The subject logs' form titles.
LOG_NAMES: dict[str, str] = {
    "steroids": "Corticosteroid dosing log", "medications": "Concomitant medications",
    "adverse_events": "Adverse events", "events": "Investigator-declared flares",
    "hospitalisations": "Hospitalisations", "renal_replacement": "Dialysis and transplant", "death": "Death",
}
FORM_NAMES: dict[str, str] = {
    "visit": "Visit form", "infusion": "Infusion", "registration": "Registration", "status": "Status history",
    "query": "Query", "signature": "Signature", "sdv": "Source data verification", "lock": "Lock",
    "user": "User account", "settings": "Settings", "study_config": "Study configuration",
    "visit_check": "Value outside limits confirmed", "visit_not_done": "Visit not done",
    "schedule_change": "Schedule change", "visit_window": "Visit outside its window", **LOG_NAMES,
}

VISIT_FIELDS: dict[str, str] = {
    "code": "Visit", "date": "Visit date", "missed": "Visit missed", "missed_reason": "Reason missed",
    "comment": "Comment", "weight_kg": "Weight", "systolic_bp_mmhg": "Systolic BP",
    "diastolic_bp_mmhg": "Diastolic BP", "pulse_bpm": "Pulse", "temperature_c": "Temperature",
    **{key: name for key, (name, _unit, _alternatives) in LABS.items()},
    "egfr": "eGFR", "sledai": "SLEDAI-2K", "pga": "PGA", "bilag": "BILAG-2004", "lldas": "LLDAS questions",
    "sfi": "SFI", "sediment_inactive": "Urine sediment inactive (investigator's judgement)",
    "window_comment": "Why outside the window", "entry_status": "Entry status",
}

# The visit form's questions (SFI organs and two more; LLDAS), each printed as the form asks it.
SFI_QUESTIONS: dict[str, str] = {
    "cns": "New or worse CNS-SLE", "vasculitis": "New or worse vasculitis", "nephritis": "New or worse nephritis",
    "myositis": "New or worse myositis", "worse_thrombocytopenia": "Worse thrombocytopenia",
    "hemolytic_anemia_active": "Haemolytic anaemia active",
}
LLDAS_QUESTIONS = LLDAS_QUESTION_TEXT
VISIT_GROUPS: dict[str, dict[str, str]] = {
    "sledai": SLEDAI_NAMES, "bilag": BILAG_NAMES, "sfi": SFI_QUESTIONS, "lldas": LLDAS_QUESTIONS,
}
LAB_PARTS = {"unit": "unit", "not_attributable": "not attributable to SLE"}

INFUSION_VITALS: dict[str, str] = {
    "systolic_bp_mmhg": "Systolic BP (mmHg)", "diastolic_bp_mmhg": "Diastolic BP (mmHg)", "pulse_bpm": "Pulse (/min)",
    "temperature_c": "Temperature (°C)",
}
INFUSION_TIMES = {"pre_": "Before infusion", "post_": "After infusion"}

FORM_FIELDS: dict[str, dict[str, str]] = {
    "infusion": {
        "number": "Infusion", "planned_date": "Planned date", "date": "Date given", "times": "Infusion time",
        "start_time": "Start",
        "end_time": "End", "lot_number": "Product lot number", "weight_kg": "Weight used (kg)",
        "weight_date": "Weight measured on", "dose_cells": "Dose", "reaction": "Infusion reaction occurred",
        "reaction_text": "Reaction (symptoms, grade, treatment)", "completion": "Completion",
        "fraction_given": "Fraction given (0–1)", "not_given_reason": "Why not given",
    },
    "registration": {
        "screening_number": "Screening number", "subject_id": "Subject ID", "initials": "Initials",
        "subgroup": "Subgroup", "sex": "Sex", "birth_date": "Date of birth", "weight_kg": "Baseline weight (kg)",
        "consent_date": "Informed consent", "status": "Status", "status_date": "Status since",
        "withdrawal_date": "Withdrawal date", "withdrawal_reason": "Withdrawal reason", "notes": "Notes",
        "death_date": "Date of death", "death_cause": "Cause of death",
        "steroid_log_complete_through": "Steroid log complete through",
    },
    "status": {"status": "Status", "status_date": "Status since", "reason": "Reason", "changed_by": "Changed by",
               "changed_at_utc": "Changed at"},
    "signature": {
        "meaning": "Meaning of the signature", "signer_username": "Signed by", "signer_full_name": "Signer's name",
        "signed_at_utc": "Signed at", "invalidated_reason": "Why the signature no longer holds",
        "invalidated_by": "Signature invalidated by", "invalidated_at_utc": "Signature invalidated at",
        "visit_code": "Visit",
    },
    "query": {"status": "Query status", "text": "Message", "label": "Field queried", "field": "Field queried",
              "raised_by": "Raised by", "raised_at_utc": "Raised at", "author": "Written by",
              "author_role": "Writer's role", "at_utc": "Written at"},
    "lock": {
        "scope": "What is locked", "reason": "Reason for locking", "unlock_reason": "Reason for unlocking",
        "unlocked_by": "Unlocked by", "unlocked_at_utc": "Unlocked at", "locked_by": "Locked by",
    },
    "sdv": {"value_text": "Value verified", "verified_by": "Verified by", "verified_at_utc": "Verified at",
            "field": "Field verified"},
    "user": {
        "full_name": "Full name", "role": "Role", "active": "Account active", "locked": "Account locked",
        "password_hash": "Password", "failed_attempts": "Failed sign-in attempts",
        "password_changed_at_utc": "Password changed at", "must_change_password": "Must change password",
    },
    "settings": {"value": "Setting value"},
    "study_config": {"toml_text": "Study configuration file", "source": "Loaded from"},
    "visit_check": {"value_text": "Value confirmed", "message": "Message confirmed", "field": "Field confirmed",
                    "confirmed_by": "Confirmed by", "confirmed_at_utc": "Confirmed at"},
    "visit_not_done": {"field": "Field not done", "reason": "Why not done"},
    "schedule_change": {"old_date": "Old date", "new_date": "New date", "reason": "Reason", "field": "Date changed"},
}

# The subject logs' field labels (in the order of their forms), and the shorter header of a field shown as a table
# column where the label is too long for one (the log tables on screen, the casebook, the blank CRFs).
SAE_CRITERIA: dict[str, str] = {
    "sae_death": "Death", "sae_life_threatening": "Life-threatening",
    "sae_hospitalisation": "Hospitalisation (initial or prolonged)",
    "sae_disability": "Persistent disability or incapacity", "sae_congenital_anomaly": "Congenital anomaly",
    "sae_important_medical_event": "Important medical event",
}
LOG_FIELDS: dict[str, dict[str, str]] = {
    "steroids": {
        "drug": "Drug", "route": "Route", "mg_per_dose": "mg per dose", "doses_per_day": "Doses per day",
        "start": "Start", "stop": "Stop (inclusive)", "indication": "Indication",
    },
    "medications": {
        "name": "Name, dose", "agent_class": "Agent class", "start": "Start", "stop": "Stop (inclusive)",
        "rescue": "Rescue therapy", "indication": "Indication", "for_sle_activity": "For SLE activity",
        "investigational": "Investigational product",
    },
    "adverse_events": {
        "term": "Term", "onset": "Onset", "end": "End", "grade": "CTCAE v5 grade", "serious": "Serious",
        **SAE_CRITERIA, "related_product": "Related to the study product",
        "related_infusion": "Related to the infusion", "action_taken": "Action taken", "outcome": "Outcome",
    },
    "events": {"type": "Flare", "date": "Onset", "organ": "Renal or extrarenal (severe flare)", "note": "Note"},
    "hospitalisations": {
        "admission": "Admission", "discharge": "Discharge", "for_sle_activity": "For SLE activity",
        "indication": "Indication",
    },
    "renal_replacement": {"type": "Type", "start": "Start", "stop": "Stop", "chronic": "Chronic"},
    "death": {key: FORM_FIELDS["registration"][key] for key in ("death_date", "death_cause")},
}
LOG_HEADERS: dict[str, dict[str, str]] = {
    "steroids": {"mg_per_dose": "mg/dose", "doses_per_day": "Doses/day", "stop": "Stop"},
    "medications": {"name": "Medication", "agent_class": "Class", "stop": "Stop", "rescue": "Rescue",
                    "investigational": "Investigational"},
    "adverse_events": {"grade": "Grade", "related_product": "Related: product",
                       "related_infusion": "Related: infusion", "action_taken": "Action"},
    "events": {"organ": "Organ"},
}


def _same(text: str) -> str:
    return text


def visit_field(key: str, tr: Callable[[str], str] = _same) -> str:
    """A visit-form field key as the form names it: "weight_kg" -> "Weight", "sledai.rash" -> "SLEDAI-2K: Rash",
    "hemoglobin_g_dl.unit" -> "Haemoglobin — unit"; the key itself when the form has no such field."""
    group, dot, item = key.partition(".")
    if not dot:
        return tr(VISIT_FIELDS[key]) if key in VISIT_FIELDS else key
    if group in VISIT_GROUPS and item in VISIT_GROUPS[group]:
        return f"{tr(VISIT_FIELDS[group])}: {tr(VISIT_GROUPS[group][item])}"
    if group in VISIT_FIELDS and item in LAB_PARTS:
        return f"{tr(VISIT_FIELDS[group])} — {tr(LAB_PARTS[item])}"
    return key


def form_field(form: str, column: str, tr: Callable[[str], str] = _same) -> str | None:
    """The label of `column` on `form` (an infusion's vital signs "Before infusion: Pulse (/min)", a subject log's
    field "Stop (inclusive)"), None when the form has no such field."""
    if form == "visit":
        label = visit_field(column, tr)
        return None if label == column else label
    if form == "infusion" and column in ("start_time", "end_time"):
        return f"{tr(FORM_FIELDS[form]['times'])}: {tr(FORM_FIELDS[form][column])}"
    if form == "infusion":
        for prefix, when in INFUSION_TIMES.items():
            if column.startswith(prefix) and column.removeprefix(prefix) in INFUSION_VITALS:
                return f"{tr(when)}: {tr(INFUSION_VITALS[column.removeprefix(prefix)])}"
    label = FORM_FIELDS.get(form, LOG_FIELDS.get(form, {})).get(column)
    return None if label is None else tr(label)


def log_header(kind: str, column: str, tr: Callable[[str], str] = _same) -> str:
    """The table-column header of a subject log's field: its short header, else its form label."""
    return tr(LOG_HEADERS.get(kind, {}).get(column) or LOG_FIELDS[kind][column])
