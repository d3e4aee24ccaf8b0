"""Laboratory units a Korean hospital report uses and their conversion to the canonical unit (endpoints.md §2.2).

Each lab key has its canonical unit first, then the other units accepted at entry. A unit is a code (stored,
ASCII) and a label (shown). Factors are exact fractions: canonical = typed × factor, typed = canonical ÷ factor.
Choice where §2.2 is silent: albumin also in g/L (÷ 10), C3/C4 also in g/L (× 100), ×10³/µL = ×10⁹/L.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from endpoints import vocab


@dataclass(frozen=True)
class Unit:
    """One unit of a quantity: stored code, label shown, factor to the canonical unit."""

    code: str
    label: str
    factor: Fraction


_COUNTS = (
    Unit("10^9/L", "×10⁹/L", Fraction(1)),
    Unit("10^3/uL", "×10³/µL", Fraction(1)),
    Unit("/uL", "/µL (/mm³)", Fraction(1, 1000)),
)
_G_DL = (Unit("g/dL", "g/dL", Fraction(1)), Unit("g/L", "g/L", Fraction(1, 10)))
_HPF = (Unit("/hpf", "/HPF", Fraction(1)),)
_COMPLEMENT = (Unit("mg/dL", "mg/dL", Fraction(1)), Unit("g/L", "g/L", Fraction(100)))

UNITS: dict[str, tuple[Unit, ...]] = {
    "hemoglobin_g_dl": _G_DL,
    "wbc_10e9_l": _COUNTS,
    "anc_10e9_l": _COUNTS,
    "lymphocytes_10e9_l": _COUNTS,
    "platelets_10e9_l": _COUNTS,
    "creatinine_mg_dl": (Unit("mg/dL", "mg/dL", Fraction(1)), Unit("umol/L", "µmol/L", 1 / Fraction("88.4"))),
    "albumin_g_dl": _G_DL,
    "upcr_g_g": (
        Unit("g/g", "g/g", Fraction(1)),
        Unit("mg/g", "mg/g", Fraction(1, 1000)),
        Unit("mg/mmol", "mg/mmol", 1 / Fraction("113.12")),
    ),
    "proteinuria_g_24h": (Unit("g/24 h", "g/24 h", Fraction(1)), Unit("mg/24 h", "mg/24 h", Fraction(1, 1000))),
    "urine_rbc_hpf": _HPF,
    "urine_wbc_hpf": _HPF,
    "c3_mg_dl": _COMPLEMENT,
    "c4_mg_dl": _COMPLEMENT,
    "anti_dsdna_iu_ml": (Unit("IU/mL", "IU/mL", Fraction(1)),),
}
assert set(UNITS) == set(vocab.NUMERIC_LAB_KEYS)


def units_for(key: str) -> tuple[Unit, ...]:
    """The units accepted for a lab key, canonical first (KeyError for an unknown key)."""
    return UNITS[key]


def canonical_unit(key: str) -> Unit:
    """The canonical unit of a lab key."""
    return UNITS[key][0]


def unit(key: str, code: str) -> Unit:
    """The unit with this code for a lab key; ValueError if the key does not accept it."""
    for candidate in UNITS[key]:
        if candidate.code == code:
            return candidate
    raise ValueError(f"{code!r} is not a unit of {key}")


def _exact(value: float | Decimal | Fraction | int) -> Fraction:
    return Fraction(str(value)) if isinstance(value, float) else Fraction(value)


def to_canonical(key: str, value: float | Decimal | Fraction | int, code: str) -> float:
    """The typed value in `code` converted to the canonical unit of `key`."""
    return float(_exact(value) * unit(key, code).factor)


def from_canonical(key: str, value: float | Decimal | Fraction | int, code: str) -> float:
    """A canonical value of `key` expressed in the unit `code`."""
    return float(_exact(value) / unit(key, code).factor)
