"""The subject dossier as typed values: everything the endpoints need for one subject (shared/spec/dossier.md).

These frozen dataclasses are the only thing `endpoints/` and `models/` share. A field that was not done or
not recorded is ``None``; a checkbox left unanswered is ``None``, never ``False``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

DOSSIER_FORMAT = "trialdesk-dossier/1"

# Field limits: the one definition the registration form (models.subjects), the dossier reader
# (endpoints.dossier_json) and the importer (models.dossier_rules) all use.
MAX_SUBJECT_ID = 20
MAX_SCREENING_NUMBER = 20
MAX_INITIALS = 20
MAX_NOTES = 10_000
MIN_AGE_YEARS = 18
WEIGHT_RANGE_KG = (25.0, 250.0)
MAX_JSON_DEPTH = 32  # nesting of objects and lists, `extensions` included
MAX_JSON_INTEGER = 2**53  # larger integers are not exact in JSON readers and never a plausible value here
MAX_EXTENSIONS_CHARS = 1_000_000


@dataclass(frozen=True)
class Subject:
    id: str
    subgroup: str  # "LN" | "LC"
    sex: str  # "F" | "M"
    birth_date: date
    status: str  # vocab.SUBJECT_STATUSES
    consent_date: date | None = None
    withdrawal_date: date | None = None
    death_date: date | None = None
    initials: str | None = None
    weight_kg: float | None = None


@dataclass(frozen=True)
class Infusion:
    number: int  # 1 or 2
    planned_date: date | None = None
    date: date | None = None  # actual; None while only planned
    weight_kg: float | None = None
    dose_cells: float | None = None
    completion: str | None = None  # "full" | "partial" | "not_given"


@dataclass(frozen=True)
class Labs:
    """Canonical lab values of one visit (dossier.md, lab keys)."""

    hemoglobin_g_dl: float | None = None
    wbc_10e9_l: float | None = None
    anc_10e9_l: float | None = None
    lymphocytes_10e9_l: float | None = None
    platelets_10e9_l: float | None = None
    creatinine_mg_dl: float | None = None
    albumin_g_dl: float | None = None
    upcr_g_g: float | None = None
    proteinuria_g_24h: float | None = None
    urine_rbc_hpf: float | None = None
    urine_wbc_hpf: float | None = None
    urine_casts: tuple[str, ...] | None = None  # () = none seen
    c3_mg_dl: float | None = None
    c4_mg_dl: float | None = None
    anti_dsdna_iu_ml: float | None = None


@dataclass(frozen=True)
class SfiForm:
    organ_new_worse: dict[str, bool] = field(default_factory=dict)  # cns, vasculitis, nephritis, myositis
    worse_thrombocytopenia: bool | None = None


@dataclass(frozen=True)
class LldasForm:
    hemolytic_anemia_active: bool | None = None
    gi_activity_active: bool | None = None
    new_non_sledai_activity: bool | None = None
    maintenance_is_standard_tolerated: bool | None = None


@dataclass(frozen=True)
class Visit:
    code: str  # vocab.VISIT_CODES
    date: date | None = None  # None only for a missed visit
    missed: bool = False
    reason: str | None = None  # why missed
    weight_kg: float | None = None
    labs: Labs = field(default_factory=Labs)
    labs_not_attributable: tuple[str, ...] = ()
    sledai: dict[str, bool] = field(default_factory=dict)
    pga_tenths: int | None = None  # PGA 0.0-3.0 stored as integer tenths (endpoints.md §3.2)
    bilag: dict[str, str] = field(default_factory=dict)
    sfi: SfiForm = field(default_factory=SfiForm)
    lldas: LldasForm = field(default_factory=LldasForm)
    sediment_inactive: bool | None = None


@dataclass(frozen=True)
class SteroidRow:
    drug: str
    route: str
    mg_per_dose: float
    start: date
    stop: date | None = None  # inclusive; None = ongoing
    doses_per_day: float = 1.0
    indication: str = "sle"


@dataclass(frozen=True)
class Medication:
    name: str
    agent_class: str
    start: date
    stop: date | None = None
    rescue: bool | None = None
    indication: str | None = None
    for_sle_activity: bool | None = None
    investigational: bool | None = None


@dataclass(frozen=True)
class Hospitalisation:
    admission: date
    discharge: date | None = None
    for_sle_activity: bool | None = None
    indication: str | None = None


@dataclass(frozen=True)
class RenalReplacement:
    type: str  # "dialysis" | "transplant"
    start: date
    stop: date | None = None
    chronic: bool | None = None


@dataclass(frozen=True)
class FlareEvent:
    type: str  # "severe_flare" | "renal_flare" | "hematologic_flare"
    date: date
    organ: str | None = None  # "renal" | "extrarenal", for severe_flare
    note: str | None = None


@dataclass(frozen=True)
class AdverseEvent:
    term: str
    onset: date | None = None
    end: date | None = None
    grade: int | None = None
    serious: bool | None = None
    related_product: str | None = None
    related_infusion: str | None = None
    outcome: str | None = None


@dataclass(frozen=True)
class Dossier:
    as_of: date
    subject: Subject
    steroid_log_complete_through: date | None = None
    infusions: tuple[Infusion, ...] = ()
    visits: tuple[Visit, ...] = ()
    steroids: tuple[SteroidRow, ...] = ()
    medications: tuple[Medication, ...] = ()
    hospitalisations: tuple[Hospitalisation, ...] = ()
    renal_replacement: tuple[RenalReplacement, ...] = ()
    events: tuple[FlareEvent, ...] = ()
    adverse_events: tuple[AdverseEvent, ...] = ()
    extensions: dict[str, Any] = field(default_factory=dict)
