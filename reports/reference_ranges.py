"""Reference ranges for flagging printed lab values — DISPLAY ONLY.

These are typical adult ranges chosen for readability of the printout (an "H"/"L" beside a value). They are
not the site laboratory's ranges, and nothing clinical depends on them: endpoints use the thresholds of
endpoints.md through the engine, never this table.
"""

from __future__ import annotations

from dataclasses import dataclass

from endpoints.lab_descriptors import NORMAL_LIMITS


@dataclass(frozen=True)
class RefRange:
    low: float | None
    high: float | None

    def text(self) -> str:
        if self.low is not None and self.high is not None:
            return f"{self.low:g}–{self.high:g}"
        if self.high is not None:
            return f"≤ {self.high:g}"
        return f"≥ {self.low:g}" if self.low is not None else ""


# lab key -> (female range, male range)
_RANGES: dict[str, tuple[RefRange, RefRange]] = {
    "hemoglobin_g_dl": (RefRange(12.0, 16.0), RefRange(13.5, 17.5)),
    "wbc_10e9_l": (RefRange(4.0, 10.0), RefRange(4.0, 10.0)),
    "anc_10e9_l": (RefRange(1.5, 7.5), RefRange(1.5, 7.5)),
    "lymphocytes_10e9_l": (RefRange(1.0, 4.0), RefRange(1.0, 4.0)),
    "platelets_10e9_l": (RefRange(150, 400), RefRange(150, 400)),
    "creatinine_mg_dl": (RefRange(0.5, 1.1), RefRange(0.7, 1.3)),
    "albumin_g_dl": (RefRange(3.5, 5.2), RefRange(3.5, 5.2)),
    "upcr_g_g": (RefRange(None, 0.2), RefRange(None, 0.2)),
    "proteinuria_g_24h": (RefRange(None, 0.15), RefRange(None, 0.15)),
    "urine_rbc_hpf": (RefRange(None, 5), RefRange(None, 5)),
    "urine_wbc_hpf": (RefRange(None, 5), RefRange(None, 5)),
    # Complement and anti-dsDNA: the same limits the visit form uses to propose SLEDAI-2K descriptors.
    "c3_mg_dl": (RefRange(NORMAL_LIMITS.c3_lln_mg_dl, 180), RefRange(NORMAL_LIMITS.c3_lln_mg_dl, 180)),
    "c4_mg_dl": (RefRange(NORMAL_LIMITS.c4_lln_mg_dl, 40), RefRange(NORMAL_LIMITS.c4_lln_mg_dl, 40)),
    "anti_dsdna_iu_ml": (
        RefRange(None, NORMAL_LIMITS.anti_dsdna_uln_iu_ml), RefRange(None, NORMAL_LIMITS.anti_dsdna_uln_iu_ml),
    ),
}
EGFR_RANGE = RefRange(90, None)


def reference_range(key: str, sex: str) -> RefRange | None:
    """The display range of a lab for a sex ("F"/"M"), None if the lab has none."""
    pair = _RANGES.get(key)
    if pair is None:
        return None
    return pair[0] if sex == "F" else pair[1]


def flag(value: float | None, rng: RefRange | None) -> str:
    """"L" below, "H" above the display range, "" inside it or without a value/range."""
    if value is None or rng is None:
        return ""
    if rng.low is not None and value < rng.low:
        return "L"
    if rng.high is not None and value > rng.high:
        return "H"
    return ""
