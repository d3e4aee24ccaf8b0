"""Hard and soft limits of the visit form, the visit date checks, required fields, lab-derived SLEDAI proposals."""

from __future__ import annotations

from datetime import date

from endpoints import edit_checks as ec
from endpoints.dossier import Labs
from endpoints.lab_descriptors import NormalLimits, propose
from endpoints.schedule import DateWindow


def test_hemoglobin_40_is_refused_and_19_needs_confirmation() -> None:
    refused = ec.check_value("hemoglobin_g_dl", 40)
    assert refused is not None and refused.level == ec.HARD and "40 g/dL is impossible" in refused.message
    unusual = ec.check_value("hemoglobin_g_dl", 19)
    assert unusual is not None and unusual.level == ec.SOFT and "unusually high" in unusual.message
    assert ec.check_value("hemoglobin_g_dl", 11.2) is None
    assert ec.check_value("hemoglobin_g_dl", None) is None


def test_negative_counts_are_refused() -> None:
    for key in ("wbc_10e9_l", "anc_10e9_l", "platelets_10e9_l", "urine_rbc_hpf"):
        found = ec.check_value(key, -1)
        assert found is not None and found.level == ec.HARD and found.message.endswith("cannot be negative.")


def test_whole_numbers_for_pulse_and_blood_pressure() -> None:
    found = ec.check_value("pulse_bpm", 72.5)
    assert found is not None and found.level == ec.HARD


def test_cross_field_checks() -> None:
    found = ec.check_values({"systolic_bp_mmhg": 80, "diastolic_bp_mmhg": 90})
    assert [(c.field, c.level) for c in found] == [("diastolic_bp_mmhg", ec.HARD)]
    found = ec.check_values({"wbc_10e9_l": 3.0, "anc_10e9_l": 3.5})
    assert [(c.field, c.level) for c in found] == [("anc_10e9_l", ec.HARD)]
    found = ec.check_values({"wbc_10e9_l": 3.0, "anc_10e9_l": 2.0, "lymphocytes_10e9_l": 1.5})
    assert [(c.field, c.level) for c in found] == [("lymphocytes_10e9_l", ec.SOFT)]


def test_visit_dates() -> None:
    today = date(2026, 6, 1)
    window = DateWindow("W4", date(2026, 3, 1), date(2026, 2, 22), date(2026, 3, 8))
    assert ec.check_visit_date(date(2026, 6, 2), today=today).level == ec.HARD  # future
    before = ec.check_visit_date(date(2026, 1, 1), today=today, consent=date(2026, 1, 5))
    assert before.level == ec.HARD and "before informed consent (2026-01-05)" in before.message
    outside = ec.check_visit_date(date(2026, 3, 20), today=today, consent=date(2026, 1, 5), window=window)
    assert outside.level == ec.SOFT and "outside the W4 window" in outside.message
    assert ec.check_visit_date(date(2026, 3, 2), today=today, window=window) is None


def test_required_fields_by_visit() -> None:
    assert ec.required_fields("UNS") == ()
    assert "sledai" not in ec.required_fields("D3") and "hemoglobin_g_dl" in ec.required_fields("D3")
    assert "c3_mg_dl" in ec.required_fields("W24") and "c3_mg_dl" not in ec.required_fields("W8")
    assert "proteinuria_g_24h" not in ec.required_fields("W24")


def test_lab_proposals_follow_sledai_thresholds() -> None:
    labs = Labs(platelets_10e9_l=99, wbc_10e9_l=3.0, upcr_g_g=0.51, urine_rbc_hpf=5, urine_wbc_hpf=6,
                urine_casts=("granular",), c3_mg_dl=95, c4_mg_dl=9, anti_dsdna_iu_ml=30)
    assert propose(labs) == {
        "urinary_casts": False, "hematuria": False, "proteinuria": True, "pyuria": True, "low_complement": True,
        "increased_dna_binding": False, "thrombocytopenia": True, "leukopenia": False,
    }
    assert propose(Labs(urine_casts=("heme_granular",)))["urinary_casts"] is True
    assert propose(Labs(upcr_g_g=2.0, proteinuria_g_24h=0.4))["proteinuria"] is False  # 24-h collection wins
    assert propose(Labs(anti_dsdna_iu_ml=12), NormalLimits(anti_dsdna_uln_iu_ml=10))["increased_dna_binding"]
    assert set(propose(Labs()).values()) == {None}
