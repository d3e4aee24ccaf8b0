"""What the visit form calls things: visit codes, lab names, SLEDAI-2K descriptors with their definitions,
BILAG domains and grades, SFI and LLDAS questions (all through Qt translation)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("VisitForm", text)


def visit_name(code: str) -> str:
    names = {
        "SCR": _tr("Screening"), "D0": _tr("Day 0 — infusion 1"), "D3": _tr("Day 3"), "W1": _tr("Week 1"),
        "W4": _tr("Week 4"), "W8": _tr("Week 8"), "W12": _tr("Week 12 — infusion 2"),
        "W12D3": _tr("3 days after infusion 2"), "W13": _tr("1 week after infusion 2"), "W16": _tr("Week 16"),
        "W20": _tr("Week 20"), "W24": _tr("Week 24"), "Y1": _tr("Year 1 follow-up"), "Y3": _tr("Year 3 follow-up"),
        "Y5": _tr("Year 5 follow-up"), "UNS": _tr("Unscheduled"),
    }
    return names.get(code, code)


def field_name(name: str) -> str:
    names = {
        "date": _tr("Visit date"), "missed_reason": _tr("Reason missed"), "code": _tr("Visit"),
        "weight_kg": _tr("Weight"), "systolic_bp_mmhg": _tr("Systolic BP"), "diastolic_bp_mmhg": _tr("Diastolic BP"),
        "pulse_bpm": _tr("Pulse"), "temperature_c": _tr("Temperature"),
        "hemoglobin_g_dl": _tr("Haemoglobin"), "wbc_10e9_l": _tr("WBC"), "anc_10e9_l": _tr("ANC"),
        "lymphocytes_10e9_l": _tr("Lymphocytes"), "platelets_10e9_l": _tr("Platelets"),
        "creatinine_mg_dl": _tr("Creatinine"), "albumin_g_dl": _tr("Albumin"), "upcr_g_g": _tr("UPCR"),
        "proteinuria_g_24h": _tr("24-h urine protein"), "urine_rbc_hpf": _tr("Urine RBC"),
        "urine_wbc_hpf": _tr("Urine WBC"), "urine_casts": _tr("Urine casts"), "c3_mg_dl": _tr("C3"),
        "c4_mg_dl": _tr("C4"), "anti_dsdna_iu_ml": _tr("Anti-dsDNA"), "sledai": _tr("SLEDAI-2K"),
        "pga": _tr("PGA"), "bilag": _tr("BILAG-2004"), "lldas": _tr("LLDAS questions"),
    }
    return names.get(name, name)


def cast_name(kind: str) -> str:
    names = {"rbc": _tr("RBC"), "wbc": _tr("WBC"), "granular": _tr("Granular"),
             "heme_granular": _tr("Heme-granular"), "hyaline": _tr("Hyaline")}
    return names.get(kind, kind)


def sledai_name(key: str) -> str:
    names = {
        "seizure": _tr("Seizure"), "psychosis": _tr("Psychosis"),
        "organic_brain_syndrome": _tr("Organic brain syndrome"),
        "visual_disturbance": _tr("Visual disturbance"), "cranial_nerve_disorder": _tr("Cranial nerve disorder"),
        "lupus_headache": _tr("Lupus headache"), "cva": _tr("CVA"), "vasculitis": _tr("Vasculitis"),
        "arthritis": _tr("Arthritis"), "myositis": _tr("Myositis"), "urinary_casts": _tr("Urinary casts"),
        "hematuria": _tr("Haematuria"), "proteinuria": _tr("Proteinuria"), "pyuria": _tr("Pyuria"),
        "rash": _tr("Rash"), "alopecia": _tr("Alopecia"), "mucosal_ulcers": _tr("Mucosal ulcers"),
        "pleurisy": _tr("Pleurisy"), "pericarditis": _tr("Pericarditis"), "low_complement": _tr("Low complement"),
        "increased_dna_binding": _tr("Increased DNA binding"), "fever": _tr("Fever"),
        "thrombocytopenia": _tr("Thrombocytopenia"), "leukopenia": _tr("Leukopenia"),
    }
    return names.get(key, key)


def sledai_definition(key: str) -> str:
    """The one-line definition of endpoints.md §3.1 (shown as the descriptor's tooltip)."""
    definitions = {
        "seizure": _tr("Recent onset; exclude metabolic, infectious, drug causes"),
        "psychosis": _tr("Severe disturbance in perception of reality; exclude uraemia, drugs"),
        "organic_brain_syndrome": _tr("Altered mental function, impaired orientation/memory/intellect, rapid onset, "
                                      "fluctuating"),
        "visual_disturbance": _tr("Retinal changes of SLE (cytoid bodies, haemorrhages, exudates, optic neuritis)"),
        "cranial_nerve_disorder": _tr("New sensory or motor neuropathy of cranial nerves"),
        "lupus_headache": _tr("Severe persistent headache unresponsive to narcotic analgesia"),
        "cva": _tr("New cerebrovascular accident; exclude arteriosclerosis"),
        "vasculitis": _tr("Ulceration, gangrene, tender finger nodules, periungual infarction, splinter haemorrhages, "
                          "or biopsy/angiogram proof"),
        "arthritis": _tr("≥ 2 joints with pain and inflammation (tenderness, swelling, effusion)"),
        "myositis": _tr("Proximal muscle pain/weakness with raised CK/aldolase, EMG or biopsy changes"),
        "urinary_casts": _tr("Heme-granular or RBC casts"),
        "hematuria": _tr("> 5 RBC/hpf; exclude stone, infection, other cause"),
        "proteinuria": _tr("> 0.5 g/24 h"),
        "pyuria": _tr("> 5 WBC/hpf; exclude infection"),
        "rash": _tr("Inflammatory-type rash"),
        "alopecia": _tr("Abnormal patchy or diffuse hair loss"),
        "mucosal_ulcers": _tr("Oral or nasal ulceration"),
        "pleurisy": _tr("Pleuritic pain with rub, effusion or pleural thickening"),
        "pericarditis": _tr("Pericardial pain with rub, effusion, or ECG/echo confirmation"),
        "low_complement": _tr("CH50, C3 or C4 below lab lower limit"),
        "increased_dna_binding": _tr("Anti-dsDNA above lab normal range"),
        "fever": _tr("> 38 °C; exclude infection"),
        "thrombocytopenia": _tr("Platelets < 100 ×10⁹/L; exclude drug causes"),
        "leukopenia": _tr("WBC < 3.0 ×10⁹/L; exclude drug causes"),
    }
    return definitions.get(key, "")


def bilag_name(domain: str) -> str:
    names = {
        "constitutional": _tr("Constitutional"), "mucocutaneous": _tr("Mucocutaneous"),
        "neuropsychiatric": _tr("Neuropsychiatric"), "musculoskeletal": _tr("Musculoskeletal"),
        "cardiorespiratory": _tr("Cardiorespiratory"), "gastrointestinal": _tr("Gastrointestinal"),
        "ophthalmic": _tr("Ophthalmic"), "renal": _tr("Renal"), "haematological": _tr("Haematological"),
    }
    return names.get(domain, domain)


def bilag_grade(grade: str) -> str:
    names = {"A": _tr("A — severe"), "B": _tr("B — moderate"), "C": _tr("C — mild"),
             "D": _tr("D — previously active"), "E": _tr("E — never involved")}
    return names.get(grade, grade)


def sfi_question(key: str) -> str:
    names = {
        "cns": _tr("New or worse CNS-SLE"), "vasculitis": _tr("New or worse vasculitis"),
        "nephritis": _tr("New or worse nephritis"), "myositis": _tr("New or worse myositis"),
        "worse_thrombocytopenia": _tr("Worse thrombocytopenia"),
        "hemolytic_anemia_active": _tr("Haemolytic anaemia active"),
    }
    return names.get(key, key)


def lldas_question(key: str) -> str:
    names = {
        "gi_activity_active": _tr("Gastrointestinal SLE activity present?"),
        "new_non_sledai_activity": _tr("New lupus activity since the previous assessment (not in SLEDAI-2K)?"),
        "maintenance_is_standard_tolerated": _tr("Standard maintenance therapy well tolerated (or none taken), "
                                                 "no investigational drug other than CS20AT04?"),
    }
    return names.get(key, key)
