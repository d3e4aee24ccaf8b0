"""Controlled vocabularies of the dossier (shared/spec/dossier.md) and the instruments (endpoints.md §3)."""

from __future__ import annotations

SUBGROUPS = ("LN", "LC")
SEXES = ("F", "M")
SUBJECT_STATUSES = ("screening", "enrolled", "screen_failure", "withdrawn", "completed")
INFUSION_COMPLETIONS = ("full", "partial", "not_given")

SCHEDULED_VISIT_CODES = (
    "SCR", "D0", "D3", "W1", "W4", "W8", "W12", "W12D3", "W13", "W16", "W20", "W24", "Y1", "Y3", "Y5",
)
VISIT_CODES = SCHEDULED_VISIT_CODES + ("UNS",)

LAB_KEYS = (
    "hemoglobin_g_dl", "wbc_10e9_l", "anc_10e9_l", "lymphocytes_10e9_l", "platelets_10e9_l",
    "creatinine_mg_dl", "albumin_g_dl", "upcr_g_g", "proteinuria_g_24h", "urine_rbc_hpf", "urine_wbc_hpf",
    "urine_casts", "c3_mg_dl", "c4_mg_dl", "anti_dsdna_iu_ml",
)
NUMERIC_LAB_KEYS = tuple(k for k in LAB_KEYS if k != "urine_casts")
URINE_CAST_TYPES = ("rbc", "wbc", "granular", "heme_granular", "hyaline")
CELLULAR_CASTS = ("rbc", "wbc")

# SLEDAI-2K descriptors and weights, in the order of the paper form (endpoints.md §3.1).
SLEDAI_WEIGHTS: dict[str, int] = {
    "seizure": 8, "psychosis": 8, "organic_brain_syndrome": 8, "visual_disturbance": 8,
    "cranial_nerve_disorder": 8, "lupus_headache": 8, "cva": 8, "vasculitis": 8,
    "arthritis": 4, "myositis": 4, "urinary_casts": 4, "hematuria": 4, "proteinuria": 4, "pyuria": 4,
    "rash": 2, "alopecia": 2, "mucosal_ulcers": 2, "pleurisy": 2, "pericarditis": 2,
    "low_complement": 2, "increased_dna_binding": 2,
    "fever": 1, "thrombocytopenia": 1, "leukopenia": 1,
}
SLEDAI_KEYS = tuple(SLEDAI_WEIGHTS)
SLEDAI_RENAL = ("urinary_casts", "hematuria", "proteinuria", "pyuria")
SLEDAI_CNS = (
    "seizure", "psychosis", "organic_brain_syndrome", "visual_disturbance", "cranial_nerve_disorder",
    "lupus_headache", "cva",
)
SLEDAI_CARDIOPULMONARY = ("pleurisy", "pericarditis")
SLEDAI_LLDAS_EXCLUDED = SLEDAI_RENAL + SLEDAI_CNS + SLEDAI_CARDIOPULMONARY + ("vasculitis", "fever")

BILAG_DOMAINS = (
    "constitutional", "mucocutaneous", "neuropsychiatric", "musculoskeletal", "cardiorespiratory",
    "gastrointestinal", "ophthalmic", "renal", "haematological",
)
BILAG_GRADES = ("A", "B", "C", "D", "E")

SFI_ORGANS = ("cns", "vasculitis", "nephritis", "myositis")
LLDAS_QUESTIONS = (
    "hemolytic_anemia_active", "gi_activity_active", "new_non_sledai_activity", "maintenance_is_standard_tolerated",
)

STEROID_DRUGS = (
    "prednisone", "prednisolone", "methylprednisolone", "triamcinolone", "hydrocortisone", "cortisone",
    "deflazacort", "dexamethasone", "betamethasone",
)
STEROID_ROUTES = ("oral", "iv", "im", "sc", "topical", "inhaled", "ophthalmic", "intra_articular")
STEROID_INDICATIONS = ("sle", "flare_renal", "flare_extrarenal", "premedication", "other_non_sle")

AGENT_CLASSES = (
    "cyclophosphamide", "azathioprine", "methotrexate", "mycophenolate", "biologic", "calcineurin_inhibitor",
    "antimalarial", "ivig", "transfusion", "plasma_exchange", "other",
)
MEDICATION_INDICATIONS = ("renal", "haematologic", "extrarenal", "general", "maintenance", "other")
HOSPITALISATION_INDICATIONS = ("renal", "extrarenal", "other")
RENAL_REPLACEMENT_TYPES = ("dialysis", "transplant")
EVENT_TYPES = ("severe_flare", "renal_flare", "hematologic_flare")
EVENT_ORGANS = ("renal", "extrarenal")
AE_RELATEDNESS = ("not_related", "unlikely", "possible", "probable", "definite")
