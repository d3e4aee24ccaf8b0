"""Printed names for codes: visits, labs (with units), instruments, endpoints and statuses."""

from __future__ import annotations

from reports.texts import tr

VISIT_NAMES: dict[str, str] = {
    "SCR": "Screening", "D0": "Day 0 — infusion 1", "D3": "Day 3", "W1": "Week 1", "W4": "Week 4",
    "W8": "Week 8", "W12": "Week 12 — infusion 2", "W12D3": "3 days after infusion 2",
    "W13": "1 week after infusion 2", "W16": "Week 16", "W20": "Week 20", "W24": "Week 24",
    "Y1": "Year 1 safety follow-up", "Y3": "Year 3 safety follow-up", "Y5": "Year 5 safety follow-up",
    "UNS": "Unscheduled",
}

# Lab key -> (name, canonical unit, alternative input units printed on the blank CRF).
LABS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "hemoglobin_g_dl": ("Haemoglobin", "g/dL", ("g/L",)),
    "wbc_10e9_l": ("WBC", "×10⁹/L", ("/mm³",)),
    "anc_10e9_l": ("ANC", "×10⁹/L", ("/mm³",)),
    "lymphocytes_10e9_l": ("Lymphocytes", "×10⁹/L", ("/mm³",)),
    "platelets_10e9_l": ("Platelets", "×10⁹/L", ("/mm³",)),
    "creatinine_mg_dl": ("Creatinine", "mg/dL", ("µmol/L",)),
    "albumin_g_dl": ("Albumin", "g/dL", ("g/L",)),
    "upcr_g_g": ("UPCR", "g/g", ("mg/g", "mg/mmol")),
    "proteinuria_g_24h": ("24-h urine protein", "g/24 h", ("mg/24 h",)),
    "urine_rbc_hpf": ("Urine RBC", "/hpf", ()),
    "urine_wbc_hpf": ("Urine WBC", "/hpf", ()),
    "urine_casts": ("Urine casts", "", ()),
    "c3_mg_dl": ("C3", "mg/dL", ("g/L",)),
    "c4_mg_dl": ("C4", "mg/dL", ("g/L",)),
    "anti_dsdna_iu_ml": ("Anti-dsDNA", "IU/mL", ()),
}

CAST_NAMES = {"rbc": "RBC", "wbc": "WBC", "granular": "granular", "heme_granular": "heme-granular",
              "hyaline": "hyaline"}

SLEDAI_NAMES: dict[str, str] = {
    "seizure": "Seizure", "psychosis": "Psychosis", "organic_brain_syndrome": "Organic brain syndrome",
    "visual_disturbance": "Visual disturbance", "cranial_nerve_disorder": "Cranial nerve disorder",
    "lupus_headache": "Lupus headache", "cva": "CVA", "vasculitis": "Vasculitis", "arthritis": "Arthritis",
    "myositis": "Myositis", "urinary_casts": "Urinary casts", "hematuria": "Haematuria",
    "proteinuria": "Proteinuria", "pyuria": "Pyuria", "rash": "Rash", "alopecia": "Alopecia",
    "mucosal_ulcers": "Mucosal ulcers", "pleurisy": "Pleurisy", "pericarditis": "Pericarditis",
    "low_complement": "Low complement", "increased_dna_binding": "Increased DNA binding", "fever": "Fever",
    "thrombocytopenia": "Thrombocytopenia", "leukopenia": "Leukopenia",
}

BILAG_NAMES: dict[str, str] = {
    "constitutional": "Constitutional", "mucocutaneous": "Mucocutaneous", "neuropsychiatric": "Neuropsychiatric",
    "musculoskeletal": "Musculoskeletal", "cardiorespiratory": "Cardiorespiratory",
    "gastrointestinal": "Gastrointestinal", "ophthalmic": "Ophthalmic", "renal": "Renal",
    "haematological": "Haematological",
}

SFI_ORGAN_NAMES = {"cns": "CNS-SLE", "vasculitis": "Vasculitis", "nephritis": "Nephritis", "myositis": "Myositis"}
# The LLDAS questions as the visit form asks them (reports.form_labels).
LLDAS_QUESTION_TEXT: dict[str, str] = {
    "hemolytic_anemia_active": "Haemolytic anaemia active",
    "gi_activity_active": "Gastrointestinal SLE activity present?",
    "new_non_sledai_activity": "New lupus activity since the previous assessment (not in SLEDAI-2K)?",
    "maintenance_is_standard_tolerated": "Standard maintenance therapy well tolerated (or none taken), "
                                         "no investigational drug other than CS20AT04?",
}

LLDAS_SHORT: dict[str, str] = {
    "hemolytic_anemia_active": "Haemolytic anaemia",
    "gi_activity_active": "GI activity",
    "new_non_sledai_activity": "New non-SLEDAI activity",
    "maintenance_is_standard_tolerated": "Maintenance standard, tolerated",
}
BILAG_SHORT: dict[str, str] = {
    "constitutional": "Con", "mucocutaneous": "Muc", "neuropsychiatric": "Neu", "musculoskeletal": "Mus",
    "cardiorespiratory": "Car", "gastrointestinal": "GI", "ophthalmic": "Oph", "renal": "Ren",
    "haematological": "Hae",
}

SUBGROUP_NAMES = {"LN": "LN — lupus nephritis", "LC": "LC — lupus cytopenia"}
SUBJECT_STATUS = {"screening": "screening", "enrolled": "enrolled", "screen_failure": "screen failure",
                  "withdrawn": "withdrawn", "completed": "completed"}

ENDPOINT_NAMES: dict[str, str] = {
    "primary_steroid_taper": "Primary: pred-eq ≤ 7.5 mg/day from W4 through W12",
    "steroid_le7_5_by_w12_maintained_w24": "Pred-eq ≤ 7.5 mg/day by W12, maintained to W24",
    "lc_hematologic_improvement": "Haematologic improvement at W24 (LC)",
    "ln_renal_response": "Renal response at W24 (LN)",
    "lldas_w24": "LLDAS at W24",
    "sledai_reduction_ge4_w24": "SLEDAI-2K reduction ≥ 4 at W24",
    "sri4_w24": "SRI-4 at W24",
    "sri5_w24": "SRI-5 at W24",
    "sri6_w24": "SRI-6 at W24",
    "time_to_severe_sfi_flare": "Time to first severe flare (modified SFI)",
    "time_to_hematologic_flare": "Time to haematologic flare (LC)",
    "ln_time_to_renal_flare": "Time to renal flare (LN)",
    "ln_time_to_complete_remission": "Time to complete remission (LN)",
    "ln_treatment_failure_components": "Treatment-failure components (LN)",
    "lc_hematology_change": "Haematology change from baseline (LC)",
}
COMPONENT_NAMES = {
    "death": "Death", "esrd": "ESRD", "creatinine_doubling": "Sustained creatinine doubling",
    "renal_flare": "Renal flare", "extrarenal_flare": "Extrarenal flare", "rescue_therapy": "Rescue therapy",
}

STATUS_TEXT = {
    "met": "MET", "not_met": "NOT MET", "pending": "PENDING", "not_evaluable": "NOT EVALUABLE",
    "not_applicable": "not applicable", "event": "EVENT", "censored": "CENSORED", "computed": "computed",
    "ok": "ok",
}


def status_text(status: str) -> str:
    """Printed status word in the print's language (the colour is never the only cue)."""
    return tr(STATUS_TEXT[status]) if status in STATUS_TEXT else status.replace("_", " ")


def yes_no(value: bool | None) -> str:
    """Yes / No / — for an optional checkbox."""
    if value is None:
        return "—"
    return tr("Yes") if value else tr("No")


def fmt_date(value) -> str:
    """YYYY-MM-DD, or an em dash for no date."""
    return value.isoformat() if value is not None else "—"


def fmt_num(value: float | None, decimals: int = 2) -> str:
    """A number without trailing zeros noise (up to `decimals` places), or an em dash."""
    if value is None:
        return "—"
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"
