"""eGFR by the CKD-EPI 2021 race-free creatinine equation (endpoints.md §2.3)."""

from __future__ import annotations

from datetime import date


def age_completed_years(birth_date: date, on: date) -> int:
    """Age in completed years on a date (a birthday not yet reached that year subtracts one)."""
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def ckd_epi_2021(scr_mg_dl: float, age_years: int, sex: str) -> float:
    """eGFR in mL/min/1.73 m² from serum creatinine (mg/dL), age (completed years) and sex ("F"/"M")."""
    if scr_mg_dl <= 0:
        raise ValueError("creatinine must be > 0 mg/dL")
    female = sex == "F"
    kappa, alpha = (0.7, -0.241) if female else (0.9, -0.302)
    ratio = scr_mg_dl / kappa
    value = 142.0 * min(ratio, 1.0) ** alpha * max(ratio, 1.0) ** -1.200 * 0.9938**age_years
    return value * 1.012 if female else value


def egfr_on(scr_mg_dl: float, sex: str, birth_date: date, sample_date: date) -> float:
    """eGFR of a creatinine sample, using the age on the sample date."""
    return ckd_epi_2021(scr_mg_dl, age_completed_years(birth_date, sample_date), sex)
