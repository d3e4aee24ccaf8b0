"""SLEDAI-2K descriptors a visit's labs suggest (endpoints.md §3.1), for the user to confirm on the form.

The saved checkbox is authoritative (§3.1): this only proposes. The complement and anti-dsDNA limits depend on
the site laboratory; the values below are display constants kept here, in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from endpoints import vocab
from endpoints.dossier import Labs


@dataclass(frozen=True)
class NormalLimits:
    """Lab limits of normal used to propose low complement and increased DNA binding."""

    c3_lln_mg_dl: float = 90.0
    c4_lln_mg_dl: float = 10.0
    anti_dsdna_uln_iu_ml: float = 30.0


NORMAL_LIMITS = NormalLimits()
LAB_DESCRIPTORS = (
    "urinary_casts", "hematuria", "proteinuria", "pyuria", "low_complement", "increased_dna_binding",
    "thrombocytopenia", "leukopenia",
)


def _below(value: float | None, limit: float) -> bool | None:
    return None if value is None else value < limit


def _above(value: float | None, limit: float) -> bool | None:
    return None if value is None else value > limit


def _any(*answers: bool | None) -> bool | None:
    if any(a is True for a in answers):
        return True
    return None if all(a is None for a in answers) else False


def propose(labs: Labs, limits: NormalLimits = NORMAL_LIMITS) -> dict[str, bool | None]:
    """Proposed answer per lab-derived descriptor: True/False from the labs, None when the labs cannot tell.

    Proteinuria: > 0.5 g/24 h, read from the 24-h collection or else the UPCR (g/g ≈ g/24 h). Urinary casts:
    heme-granular or RBC casts.
    """
    protein = labs.proteinuria_g_24h if labs.proteinuria_g_24h is not None else labs.upcr_g_g
    casts = None if labs.urine_casts is None else bool(set(labs.urine_casts) & {"rbc", "heme_granular"})
    return {
        "urinary_casts": casts,
        "hematuria": _above(labs.urine_rbc_hpf, 5),
        "proteinuria": _above(protein, 0.5),
        "pyuria": _above(labs.urine_wbc_hpf, 5),
        "low_complement": _any(_below(labs.c3_mg_dl, limits.c3_lln_mg_dl), _below(labs.c4_mg_dl, limits.c4_lln_mg_dl)),
        "increased_dna_binding": _above(labs.anti_dsdna_iu_ml, limits.anti_dsdna_uln_iu_ml),
        "thrombocytopenia": _below(labs.platelets_10e9_l, 100),
        "leukopenia": _below(labs.wbc_10e9_l, 3.0),
    }


assert set(LAB_DESCRIPTORS) <= set(vocab.SLEDAI_KEYS)
