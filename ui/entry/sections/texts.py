"""What the visit form calls things: visit codes, field names (lab names, SLEDAI-2K descriptors, BILAG domains, SFI
and LLDAS questions: the one list of reports.form_labels), SLEDAI-2K definitions, BILAG grades and urine casts (all
through Qt translation)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reports.form_labels import LLDAS_QUESTIONS, SFI_QUESTIONS, VISIT_FIELDS
from reports.labels import BILAG_NAMES, SLEDAI_NAMES


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
    return _tr(VISIT_FIELDS[name]) if name in VISIT_FIELDS else name


def cast_name(kind: str) -> str:
    names = {"rbc": _tr("RBC"), "wbc": _tr("WBC"), "granular": _tr("Granular"),
             "heme_granular": _tr("Heme-granular"), "hyaline": _tr("Hyaline")}
    return names.get(kind, kind)


def sledai_name(key: str) -> str:
    return _tr(SLEDAI_NAMES[key]) if key in SLEDAI_NAMES else key


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
    return _tr(BILAG_NAMES[domain]) if domain in BILAG_NAMES else domain


def bilag_grade(grade: str) -> str:
    names = {"A": _tr("A — severe"), "B": _tr("B — moderate"), "C": _tr("C — mild"),
             "D": _tr("D — previously active"), "E": _tr("E — never involved")}
    return names.get(grade, grade)


def sfi_question(key: str) -> str:
    return _tr(SFI_QUESTIONS[key]) if key in SFI_QUESTIONS else key


def lldas_question(key: str) -> str:
    return _tr(LLDAS_QUESTIONS[key]) if key in LLDAS_QUESTIONS else key
