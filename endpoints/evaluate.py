"""The single evaluator: all 15 endpoints of one subject (endpoints.md §4).

`evaluate_subject` builds the timeline and the steroid dose table once (`build_context`) and passes the same
`EvaluationContext` to every endpoint function `fn(ctx) -> EndpointResult`. The UI, PDFs and the command line
call this and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from endpoints.dossier import Dossier
from endpoints.flares import evaluate_renal_flare, evaluate_time_to_hematologic_flare, evaluate_time_to_severe_sfi_flare
from endpoints.hematologic_improvement import evaluate_hematologic_improvement
from endpoints.hematology_change import evaluate_hematology_change
from endpoints.lldas import evaluate_lldas
from endpoints.params import ProtocolParams
from endpoints.remission import evaluate_complete_remission
from endpoints.renal_response import evaluate_renal_response
from endpoints.results import ENDPOINT_IDS, EndpointResult, SubjectResults
from endpoints.sri import evaluate_sledai_reduction, evaluate_sri4, evaluate_sri5, evaluate_sri6
from endpoints.steroid_endpoints import evaluate_primary_steroid_taper, evaluate_steroid_maintained
from endpoints.timeline import EvaluationContext, build_context
from endpoints.treatment_failure import evaluate_treatment_failure

Evaluator = Callable[[EvaluationContext], EndpointResult]

BINARY_EVALUATORS: dict[str, Evaluator] = {
    "primary_steroid_taper": evaluate_primary_steroid_taper,
    "steroid_le7_5_by_w12_maintained_w24": evaluate_steroid_maintained,
    "lc_hematologic_improvement": evaluate_hematologic_improvement,
    "ln_renal_response": evaluate_renal_response,
    "lldas_w24": evaluate_lldas,
    "sledai_reduction_ge4_w24": evaluate_sledai_reduction,
    "sri4_w24": evaluate_sri4,
    "sri5_w24": evaluate_sri5,
    "sri6_w24": evaluate_sri6,
}

EVALUATORS: dict[str, Evaluator] = {
    **BINARY_EVALUATORS,
    "time_to_severe_sfi_flare": evaluate_time_to_severe_sfi_flare,
    "time_to_hematologic_flare": evaluate_time_to_hematologic_flare,
    "ln_time_to_renal_flare": evaluate_renal_flare,
    "ln_time_to_complete_remission": evaluate_complete_remission,
    "ln_treatment_failure_components": evaluate_treatment_failure,
    "lc_hematology_change": evaluate_hematology_change,
}


def evaluate_context(ctx: EvaluationContext) -> dict[str, EndpointResult]:
    """Every endpoint of an already built context, in ENDPOINT_IDS order."""
    return {eid: EVALUATORS[eid](ctx) for eid in ENDPOINT_IDS}


def evaluate_subject(dossier: Dossier, params: ProtocolParams, as_of: date | None = None) -> SubjectResults:
    """All 15 endpoints of one subject as of `as_of` (default: the dossier's `as_of`)."""
    ctx = build_context(dossier, params, as_of)
    return SubjectResults(
        subject_id=dossier.subject.id,
        subgroup=dossier.subject.subgroup,
        as_of=ctx.timeline.as_of,
        day0=ctx.timeline.day0,
        endpoints=evaluate_context(ctx),
    )
