"""Edit checks of the visit form, in one place: hard limits refuse a value, soft limits ask for a confirmation.

Limits are in the canonical unit of each field (labs: endpoints.md §2.2). Hard limits mark values that cannot
be true (a negative count, haemoglobin 40 g/dL, a visit before consent); soft limits mark values that are
possible but unusual enough to be checked against the source document. Which fields a visit requires is
also decided here. Messages are plain sentences shown beside the field.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass
from datetime import date
from functools import cache

from endpoints import vocab
from endpoints.schedule import DateWindow

HARD = "hard"
SOFT = "soft"


@dataclass(frozen=True)
class Limits:
    """Hard and soft limits of one numeric field (None = no limit on that side)."""

    label: str
    unit: str
    hard_min: float | None
    hard_max: float | None
    soft_min: float | None = None
    soft_max: float | None = None
    integer: bool = False


@dataclass(frozen=True)
class Check:
    """One finding of an edit check: `level` is HARD (refused) or SOFT (needs a confirmation)."""

    field: str
    level: str
    message: str


LIMITS: dict[str, Limits] = {
    "weight_kg": Limits("Weight", "kg", 20, 250, 30, 150),
    "systolic_bp_mmhg": Limits("Systolic blood pressure", "mmHg", 40, 300, 80, 180, integer=True),
    "diastolic_bp_mmhg": Limits("Diastolic blood pressure", "mmHg", 20, 200, 40, 110, integer=True),
    "pulse_bpm": Limits("Pulse", "/min", 20, 250, 45, 130, integer=True),
    "temperature_c": Limits("Temperature", "°C", 30, 45, 35, 39.5),
    "hemoglobin_g_dl": Limits("Haemoglobin", "g/dL", 1, 25, 5, 18),
    "wbc_10e9_l": Limits("WBC", "×10⁹/L", 0, 500, 1, 25),
    "anc_10e9_l": Limits("ANC", "×10⁹/L", 0, 300, 0.5, 20),
    "lymphocytes_10e9_l": Limits("Lymphocytes", "×10⁹/L", 0, 300, 0.2, 6),
    "platelets_10e9_l": Limits("Platelets", "×10⁹/L", 0, 3000, 10, 700),
    "creatinine_mg_dl": Limits("Creatinine", "mg/dL", 0.05, 30, 0.3, 6),
    "albumin_g_dl": Limits("Albumin", "g/dL", 0.5, 7, 1.5, 5.5),
    "upcr_g_g": Limits("UPCR", "g/g", 0, 60, None, 15),
    "proteinuria_g_24h": Limits("24-h proteinuria", "g/24 h", 0, 60, None, 15),
    "urine_rbc_hpf": Limits("Urine RBC", "/HPF", 0, 1000, None, 100),
    "urine_wbc_hpf": Limits("Urine WBC", "/HPF", 0, 1000, None, 100),
    "c3_mg_dl": Limits("C3", "mg/dL", 0, 500, 20, 250),
    "c4_mg_dl": Limits("C4", "mg/dL", 0, 200, 1, 80),
    "anti_dsdna_iu_ml": Limits("Anti-dsDNA", "IU/mL", 0, 100000, None, 5000),
}
assert set(vocab.NUMERIC_LAB_KEYS) <= set(LIMITS)

# Visits with the short assessment only (vital signs, weight and haematology).
SHORT_VISITS = ("D3", "W1", "W12D3", "W13")
IMMUNOLOGY_VISITS = ("SCR", "D0", "W12", "W24", "Y1", "Y3", "Y5")
VITALS = ("weight_kg", "systolic_bp_mmhg", "diastolic_bp_mmhg", "pulse_bpm", "temperature_c")
HEMATOLOGY = ("hemoglobin_g_dl", "wbc_10e9_l", "anc_10e9_l", "lymphocytes_10e9_l", "platelets_10e9_l")
CHEMISTRY_URINE = ("creatinine_mg_dl", "albumin_g_dl", "upcr_g_g", "urine_rbc_hpf", "urine_wbc_hpf", "urine_casts")
IMMUNOLOGY = ("c3_mg_dl", "c4_mg_dl", "anti_dsdna_iu_ml")
ASSESSMENTS = ("sledai", "pga", "bilag", "lldas")
# A section counts as answered when every one of these form keys holds a value (form keys as queries and SDV
# marks name them: models.write_scope). The LLDAS section asks one question of its own, the maintenance one.
SECTION_KEYS: dict[str, tuple[str, ...]] = {
    "sledai": tuple(f"sledai.{k}" for k in vocab.SLEDAI_KEYS),
    "bilag": tuple(f"bilag.{d}" for d in vocab.BILAG_DOMAINS),
    "lldas": ("lldas.maintenance_is_standard_tolerated",),
}


def _number(value: float) -> str:
    return f"{value:g}"


def check_value(field: str, value: float | None) -> Check | None:
    """The hard or soft finding for one value of `field` in its canonical unit (None when acceptable)."""
    limits = LIMITS.get(field)
    if value is None or limits is None:
        return None
    unit = f" {limits.unit}"
    if limits.integer and value != int(value):
        return Check(field, HARD, f"{limits.label} is a whole number.")
    if limits.hard_min is not None and value < limits.hard_min:
        if value < 0 and limits.hard_min >= 0:
            return Check(field, HARD, f"{limits.label} cannot be negative.")
        return Check(field, HARD, f"{limits.label} {_number(value)}{unit} is impossible (at least "
                                  f"{_number(limits.hard_min)}{unit}).")
    if limits.hard_max is not None and value > limits.hard_max:
        return Check(field, HARD, f"{limits.label} {_number(value)}{unit} is impossible (at most "
                                  f"{_number(limits.hard_max)}{unit}).")
    if limits.soft_min is not None and value < limits.soft_min:
        return Check(field, SOFT, f"{limits.label} {_number(value)}{unit} is unusually low (below "
                                  f"{_number(limits.soft_min)}{unit}): check the source document.")
    if limits.soft_max is not None and value > limits.soft_max:
        return Check(field, SOFT, f"{limits.label} {_number(value)}{unit} is unusually high (above "
                                  f"{_number(limits.soft_max)}{unit}): check the source document.")
    return None


def check_values(values: Mapping[str, float | None]) -> list[Check]:
    """Every single-field finding plus the checks across fields (blood pressure, differential count)."""
    found = [c for c in (check_value(f, v) for f, v in values.items()) if c is not None]
    refused = {c.field for c in found if c.level == HARD}
    sys_bp, dia_bp = values.get("systolic_bp_mmhg"), values.get("diastolic_bp_mmhg")
    bp_refused = {"systolic_bp_mmhg", "diastolic_bp_mmhg"} & refused
    if sys_bp is not None and dia_bp is not None and not bp_refused and dia_bp >= sys_bp:
        found.append(Check("diastolic_bp_mmhg", HARD, "Diastolic pressure must be below the systolic pressure."))
    wbc, anc, lym = values.get("wbc_10e9_l"), values.get("anc_10e9_l"), values.get("lymphocytes_10e9_l")
    if wbc is not None and "wbc_10e9_l" not in refused:
        for key, part in (("anc_10e9_l", anc), ("lymphocytes_10e9_l", lym)):
            if part is not None and key not in refused and part > wbc:
                found.append(Check(key, HARD, f"{LIMITS[key].label} cannot exceed the WBC ({_number(wbc)} ×10⁹/L)."))
        if anc is not None and lym is not None and anc + lym > wbc and anc <= wbc and lym <= wbc:
            found.append(Check("lymphocytes_10e9_l", SOFT,
                               "ANC plus lymphocytes exceed the WBC: check the units of the differential."))
    return found


def check_visit_date(
    when: date | None,
    *,
    today: date,
    consent: date | None = None,
    birth: date | None = None,
    window: DateWindow | None = None,
) -> Check | None:
    """Hard: a visit in the future, before birth or before informed consent. Soft: outside its visit window."""
    if when is None:
        return None
    if when > today:
        return Check("date", HARD, f"{when.isoformat()} is in the future.")
    if birth is not None and when < birth:
        return Check("date", HARD, f"{when.isoformat()} is before the date of birth ({birth.isoformat()}).")
    if consent is not None and when < consent:
        return Check("date", HARD, f"{when.isoformat()} is before informed consent ({consent.isoformat()}).")
    if window is not None and not window.contains(when):
        return Check("date", SOFT, f"{when.isoformat()} is outside the {window.code} window "
                                   f"({window.earliest.isoformat()} to {window.latest.isoformat()}).")
    return None


def required_fields(code: str) -> tuple[str, ...]:
    """Fields a performed visit with this code needs before it counts as complete (besides its date).

    Choice: full visits need vital signs, every lab the endpoints read (24-h proteinuria only when done),
    SLEDAI-2K, PGA, BILAG and the LLDAS questions; immunology only at SCR, D0, W12, W24 and the yearly visits;
    short visits (D3, W1, W12D3, W13) vital signs and haematology; an unscheduled visit only its date.
    """
    if code == "UNS":
        return ()
    if code in SHORT_VISITS:
        return VITALS + HEMATOLOGY
    immunology = IMMUNOLOGY if code in IMMUNOLOGY_VISITS else ()
    return VITALS + HEMATOLOGY + CHEMISTRY_URINE + immunology + ASSESSMENTS


def item_of(key: str) -> str:
    """The required item a form key belongs to ("sledai.rash" -> "sledai", "pga" -> "pga")."""
    section, dot, _ = key.partition(".")
    return section if dot else key


def missing_required(code: str, answered: Set[str], not_done: Set[str]) -> tuple[str, ...]:
    """Required items of a performed visit (`required_fields`) neither answered nor declared not done.

    `answered` holds the form keys with a value (a lab key, a vital sign, "pga", "sledai.<descriptor>",
    "bilag.<domain>", "lldas.<question>"); `not_done` the items declared not done (a key or a section name).
    """
    return tuple(item for item, keys in _required_keys(code) if item not in not_done and not keys <= answered)


@cache
def _required_keys(code: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each required item of the visit code with the form keys that answer it."""
    return tuple((item, frozenset(SECTION_KEYS.get(item, (item,)))) for item in required_fields(code))
