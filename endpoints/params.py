"""Protocol parameters (endpoints.md §6) as one typed, validated value.

`ProtocolParams()` holds the spec's documented defaults. `params_from_mapping` builds one from the parsed
study configuration file (resources/study.toml); reading the file is the caller's job, so this stays pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

from endpoints import vocab


class ConfigError(ValueError):
    """A protocol parameter is missing, unknown or out of range; `key` names it."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason


@dataclass(frozen=True)
class VisitDef:
    """One scheduled visit: target day relative to its anchor and its window (endpoints.md §1.2).

    anchor "D0" = study day 0 (infusion 1); "I2" = the study day of infusion 2 (actual or nominal).
    The window is [target + early, target + late] in study days (early ≤ 0 ≤ late).
    """

    code: str
    anchor: str
    offset_days: int
    early: int
    late: int


def _visit(code: str, anchor: str, offset: int, early: int, late: int) -> VisitDef:
    return VisitDef(code, anchor, offset, early, late)


DEFAULT_VISITS: tuple[VisitDef, ...] = (
    _visit("SCR", "D0", -1, -27, 0),  # absolute days -28 ... -1
    _visit("D0", "D0", 0, 0, 0),
    _visit("D3", "D0", 3, -1, 1),
    _visit("W1", "D0", 7, -2, 2),
    _visit("W4", "D0", 28, -7, 7),
    _visit("W8", "D0", 56, -7, 7),
    _visit("W12", "D0", 84, -7, 7),
    _visit("W12D3", "I2", 3, -1, 1),
    _visit("W13", "I2", 7, -2, 2),
    _visit("W16", "I2", 28, -7, 7),
    _visit("W20", "I2", 56, -7, 7),
    _visit("W24", "I2", 84, -7, 7),
    _visit("Y1", "D0", 365, -30, 30),
    _visit("Y3", "D0", 1095, -30, 30),
    _visit("Y5", "D0", 1825, -30, 30),
)

# Dose (mg) equivalent to prednisone 5 mg; factor = 5 / this (endpoints.md §2.1).
DEFAULT_STEROID_EQUIVALENT_MG: dict[str, str] = {
    "prednisone": "5", "prednisolone": "5", "methylprednisolone": "4", "triamcinolone": "4",
    "hydrocortisone": "20", "cortisone": "25", "deflazacort": "6", "dexamethasone": "0.75", "betamethasone": "0.6",
}


# Planned subjects per subgroup. The registry plans 10 in all without a split; 5 + 5 is this configuration's choice.
DEFAULT_ENROLMENT_TARGET: dict[str, int] = {"LN": 5, "LC": 5}


def _factors(equivalents: Mapping[str, str]) -> dict[str, Fraction]:
    return {drug: Fraction(5) / Fraction(Decimal(mg)) for drug, mg in equivalents.items()}


@dataclass(frozen=True)
class ProtocolParams:
    """Every protocol parameter of endpoints.md §6, defaulting to the documented value."""

    visits: tuple[VisitDef, ...] = DEFAULT_VISITS
    anchor_post_i2_on_actual: bool = True
    reject_out_of_window: bool = False
    data_entry_grace_days: int = 0
    nonresponder_imputation: bool = False
    # Corticosteroids (§2.1)
    steroid_factors: dict[str, Fraction] = field(default_factory=lambda: _factors(DEFAULT_STEROID_EQUIVALENT_MG))
    steroid_systemic_routes: tuple[str, ...] = ("oral", "iv", "im", "sc")
    exclude_non_sle_steroids: bool = True
    steroid_threshold_mg: float = 7.5
    taper_excursion_tolerance_days: int = 0
    # LN renal response
    ln_steroid_run_days: int = 7
    ln_steroid_rule: str = "cumulative"  # or "consecutive"
    ln_rescue_indications: tuple[str, ...] = ("renal",)
    ln_upcr_max: float = 0.5
    ln_egfr_min: float = 60.0
    ln_egfr_drop_pct: float = 20.0
    allow_24h_for_upcr: bool = True
    # LC haematologic improvement
    hi_hgb_rise: float = 1.5
    hi_anc_rise_abs: float = 0.5
    hi_plt_cut: float = 20.0
    hi_plt_rise_hi: float = 30.0
    hi_plt_rise_lo: float = 20.0
    hi_require_baseline_cytopenia: bool = False
    # SLEDAI-2K / SRI
    sledai_lookback_days: int = 10
    sledai_reduction_min_baseline: int = 0
    sri_pga_max_increase_tenths: int = 3  # 0.30, exclusive
    # Modified SFI
    sfi_excluded_sole_triggers: tuple[str, ...] = ("sledai_gt12",)
    sfi_new_is_agents: tuple[str, ...] = (
        "cyclophosphamide", "azathioprine", "methotrexate", "mycophenolate", "biologic",
    )
    sfi_hgb_requires_hemolysis: bool = True
    sfi_steroid_min_days: int = 3
    # Flares
    flare_reference: str = "nadir"  # or "baseline"
    hflare_plt_max: float = 50.0
    hflare_plt_drop_pct: float = 50.0
    hflare_hgb_drop: float = 2.0
    hflare_hgb_max: float = 10.0
    hflare_anc_max: float = 1.0
    # (reference upper bound, inclusive?) rules: reference < 0.5 -> UPCR >= 1.0; 0.5-1.0 -> >= 2.0; > 1.0 -> x2
    rflare_upcr_low_ref: float = 0.5
    rflare_upcr_high_ref: float = 1.0
    rflare_upcr_low_trigger: float = 1.0
    rflare_upcr_mid_trigger: float = 2.0
    rflare_upcr_high_factor: float = 2.0
    rflare_scr_ref_cut_mg_dl: float = 2.0
    rflare_scr_rise_low_mg_dl: float = 0.20
    rflare_scr_rise_high_mg_dl: float = 0.40
    # Complete remission
    cr_scr_max_umol: float = 106.0
    cr_prot_max: float = 0.3
    cr_rbc_max: float = 5.0
    cr_wbc_max: float = 5.0
    cr_allow_upcr: bool = True
    # ESRD / sustained conditions
    esrd_dialysis_min_days: int = 90
    esrd_egfr_max: float = 15.0
    esrd_egfr_sustained_days: int = 90
    sustained_min_days: int = 28
    # LLDAS
    lldas_pga_max_tenths: int = 10
    lldas_pred_max: float = 7.5
    lldas_sledai_max: int = 4
    # Infusions (registry: 2.0 x 10^6 cells/kg; issue 4: weight no older than 7 days)
    dose_cells_per_kg: float = 2.0e6
    infusion_weight_max_age_days: int = 7
    # Operations: planned enrolment per subgroup (registry: 10 subjects in all; the split is this file's choice)
    enrolment_target: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_ENROLMENT_TARGET))
    # Data entry: the standard reasons offered when saved data is changed (free text is always possible too)
    change_reasons: tuple[str, ...] = (
        "Transcription error", "Corrected from the source document", "Late result received",
        "Value re-measured or re-assessed", "Entered in the wrong field or visit",
    )

    def visit(self, code: str) -> VisitDef:
        """The schedule entry for a visit code (KeyError for UNS or an unknown code)."""
        for v in self.visits:
            if v.code == code:
                return v
        raise KeyError(code)


def _coerce(key: str, value: Any, default: Any) -> Any:
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(key, "must be true or false")
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ConfigError(key, "must be a whole number ≥ 0")
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ConfigError(key, "must be a number ≥ 0")
        return float(value)
    if isinstance(default, str):
        if not isinstance(value, str):
            raise ConfigError(key, "must be a text")
        return value
    if isinstance(default, tuple):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(key, "must be a list of texts")
        return tuple(value)
    raise ConfigError(key, "cannot be set here")


_CHOICES: dict[str, tuple[str, ...]] = {
    "ln_steroid_rule": ("cumulative", "consecutive"),
    "flare_reference": ("nadir", "baseline"),
}
_LIST_VOCAB: dict[str, tuple[str, ...]] = {
    "steroid_systemic_routes": vocab.STEROID_ROUTES,
    "ln_rescue_indications": vocab.MEDICATION_INDICATIONS,
    "sfi_new_is_agents": vocab.AGENT_CLASSES,
    "sfi_excluded_sole_triggers": (
        "sledai_gt12", "organ_new_worse", "plt_lt60", "hemolytic_anemia", "steroid_doubling",
        "pred_gt_half_mgkg", "hospitalisation", "new_immunosuppressant", "pga_gt2_5",
    ),
}


def _parse_visits(raw: Any) -> tuple[VisitDef, ...]:
    if not isinstance(raw, Mapping):
        raise ConfigError("visits", "must be a table of visit codes")
    defaults = {v.code: v for v in DEFAULT_VISITS}
    out = dict(defaults)
    for code, spec in raw.items():
        key = f"visits.{code}"
        if code not in defaults:
            raise ConfigError(key, f"unknown visit code (known: {', '.join(defaults)})")
        if not isinstance(spec, Mapping) or set(spec) - {"anchor", "offset_days", "early", "late"}:
            raise ConfigError(key, "must have only anchor, offset_days, early and late")
        base = defaults[code]
        anchor = spec.get("anchor", base.anchor)
        if anchor not in ("D0", "I2"):
            raise ConfigError(f"{key}.anchor", 'must be "D0" or "I2"')
        nums = {}
        for name in ("offset_days", "early", "late"):
            val = spec.get(name, getattr(base, name))
            if isinstance(val, bool) or not isinstance(val, int):
                raise ConfigError(f"{key}.{name}", "must be a whole number of days")
            nums[name] = val
        if nums["early"] > 0 or nums["late"] < 0:
            raise ConfigError(key, "window must satisfy early ≤ 0 ≤ late")
        out[code] = VisitDef(code, anchor, nums["offset_days"], nums["early"], nums["late"])
    return tuple(out[v.code] for v in DEFAULT_VISITS)


def _parse_factors(raw: Any) -> dict[str, Fraction]:
    if not isinstance(raw, Mapping):
        raise ConfigError("steroid_equivalent_mg", "must be a table drug = dose equivalent to prednisone 5 mg")
    merged = dict(DEFAULT_STEROID_EQUIVALENT_MG)
    for drug, mg in raw.items():
        key = f"steroid_equivalent_mg.{drug}"
        if drug not in vocab.STEROID_DRUGS:
            raise ConfigError(key, "unknown drug")
        if isinstance(mg, bool) or not isinstance(mg, (int, float, str)):
            raise ConfigError(key, "must be a number of mg")
        try:
            value = Decimal(str(mg))
        except ArithmeticError:
            raise ConfigError(key, "must be a number of mg") from None
        if value <= 0:
            raise ConfigError(key, "must be > 0 mg")
        merged[drug] = str(value)
    return _factors(merged)


def _parse_enrolment_target(raw: Any) -> dict[str, int]:
    if not isinstance(raw, Mapping):
        raise ConfigError("enrolment_target", "must be a table subgroup = planned number of subjects")
    merged = dict(DEFAULT_ENROLMENT_TARGET)
    for subgroup, n in raw.items():
        key = f"enrolment_target.{subgroup}"
        if subgroup not in vocab.SUBGROUPS:
            raise ConfigError(key, f"unknown subgroup (known: {', '.join(vocab.SUBGROUPS)})")
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ConfigError(key, "must be a whole number ≥ 0")
        merged[subgroup] = n
    return merged


def params_from_mapping(raw: Mapping[str, Any]) -> ProtocolParams:
    """Build parameters from the `[protocol]` table of the study configuration; unset keys keep defaults.

    Raises ConfigError naming the first bad key.
    """
    defaults = ProtocolParams()
    known = {f.name for f in fields(ProtocolParams)} - {"steroid_factors", "enrolment_target"}
    changes: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "visits":
            changes["visits"] = _parse_visits(value)
        elif key == "steroid_equivalent_mg":
            changes["steroid_factors"] = _parse_factors(value)
        elif key == "enrolment_target":
            changes["enrolment_target"] = _parse_enrolment_target(value)
        elif key in known:
            coerced = _coerce(key, value, getattr(defaults, key))
            if key in _CHOICES and coerced not in _CHOICES[key]:
                raise ConfigError(key, f"must be one of {', '.join(_CHOICES[key])}")
            if key in _LIST_VOCAB:
                bad = [v for v in coerced if v not in _LIST_VOCAB[key]]
                if bad:
                    raise ConfigError(key, f"unknown value {bad[0]!r}")
            changes[key] = coerced
        else:
            raise ConfigError(key, "unknown protocol parameter")
    return replace(defaults, **changes)
