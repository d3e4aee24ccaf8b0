"""Endpoint results: what every evaluator returns, and their JSON form (dossier.md, "Output")."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

# Binary statuses, evaluated in this order (endpoints.md §0).
NOT_APPLICABLE = "not_applicable"
NOT_MET = "not_met"
MET = "met"
PENDING = "pending"
NOT_EVALUABLE = "not_evaluable"
# Time-to-event statuses.
EVENT = "event"
CENSORED = "censored"
# Composite results (treatment-failure components, change table).
COMPUTED = "computed"
# Change-table cell status.
OK = "ok"

BINARY_ENDPOINTS = (
    "primary_steroid_taper",
    "steroid_le7_5_by_w12_maintained_w24",
    "lc_hematologic_improvement",
    "ln_renal_response",
    "lldas_w24",
    "sledai_reduction_ge4_w24",
    "sri4_w24",
    "sri5_w24",
    "sri6_w24",
)
TIME_TO_EVENT_ENDPOINTS = (
    "time_to_severe_sfi_flare",
    "time_to_hematologic_flare",
    "ln_time_to_renal_flare",
    "ln_time_to_complete_remission",
)
COMPOSITE_ENDPOINTS = ("ln_treatment_failure_components", "lc_hematology_change")
ENDPOINT_IDS = BINARY_ENDPOINTS + TIME_TO_EVENT_ENDPOINTS + COMPOSITE_ENDPOINTS

# Population of each endpoint: "all", "LN" or "LC".
POPULATION: dict[str, str] = {
    "primary_steroid_taper": "all",
    "steroid_le7_5_by_w12_maintained_w24": "all",
    "lc_hematologic_improvement": "LC",
    "ln_renal_response": "LN",
    "lldas_w24": "all",
    "sledai_reduction_ge4_w24": "all",
    "sri4_w24": "all",
    "sri5_w24": "all",
    "sri6_w24": "all",
    "time_to_severe_sfi_flare": "all",
    "time_to_hematologic_flare": "LC",
    "ln_time_to_renal_flare": "LN",
    "ln_time_to_complete_remission": "LN",
    "ln_treatment_failure_components": "LN",
    "lc_hematology_change": "LC",
}
TREATMENT_FAILURE_COMPONENTS = (
    "death", "esrd", "creatinine_doubling", "renal_flare", "extrarenal_flare", "rescue_therapy",
)
CHANGE_VISITS = ("D3", "W1", "W4", "W12", "W24")
CHANGE_ANALYTES = ("wbc_10e9_l", "anc_10e9_l", "platelets_10e9_l", "hemoglobin_g_dl")


@dataclass(frozen=True)
class ChangeCell:
    """One analyte at one visit of the LC hematology change table (endpoints.md §4.3)."""

    status: str  # ok | pending | not_evaluable
    baseline: float | None = None
    value: float | None = None
    change: float | None = None
    pct_change: float | None = None
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"status": self.status}
        for key in ("baseline", "value", "change", "pct_change", "reason"):
            val = getattr(self, key)
            if val is not None:
                out[key] = val
        return out


@dataclass(frozen=True)
class EndpointResult:
    """One endpoint for one subject: a status, a one-sentence reason, and what decided it.

    `day` is set for time-to-event statuses (event day, censoring day, provisional censoring day).
    `details` holds the visits, values and thresholds used, for drill-down screens and print.
    """

    status: str
    reason: str
    day: int | None = None
    details: dict[str, Any] = field(default_factory=dict)
    components: dict[str, EndpointResult] | None = None  # ln_treatment_failure_components
    visits: dict[str, dict[str, ChangeCell]] | None = None  # lc_hematology_change

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"status": self.status}
        if self.day is not None:
            out["day"] = self.day
        out["reason"] = self.reason
        out["details"] = _jsonable(self.details)
        if self.components is not None:
            out["components"] = {k: v.to_json() for k, v in self.components.items()}
        if self.visits is not None:
            out["visits"] = {
                code: {analyte: cell.to_json() for analyte, cell in cells.items()}
                for code, cells in self.visits.items()
            }
        return out


@dataclass(frozen=True)
class SubjectResults:
    subject_id: str
    subgroup: str
    as_of: date
    day0: date | None
    endpoints: dict[str, EndpointResult]

    def to_json(self) -> dict[str, Any]:
        return {
            "subject_id": self.subject_id,
            "as_of": self.as_of.isoformat(),
            "day0": self.day0.isoformat() if self.day0 else None,
            "endpoints": {eid: self.endpoints[eid].to_json() for eid in ENDPOINT_IDS if eid in self.endpoints},
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value
