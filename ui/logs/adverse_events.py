"""Adverse events: term (Hangul allowed), onset and end, CTCAE v5 grade 1-5, serious with the SAE criteria,
relatedness to the study product and to the infusion, action taken and outcome. Not read by the endpoints."""

from __future__ import annotations

from endpoints import vocab
from endpoints.record_checks import AE_ACTIONS, AE_GRADES, AE_OUTCOMES
from reports.form_labels import SAE_CRITERIA
from ui.logs.fields import (
    CHECK,
    CHOICE,
    DATE,
    TEXT,
    YESNO,
    Column,
    LogSpec,
    choice_label,
    date_text,
    log_column,
    log_field,
    log_title,
    tr,
    yes_no,
)

GRADE_LABELS = {1: "1 — mild", 2: "2 — moderate", 3: "3 — severe", 4: "4 — life-threatening", 5: "5 — death"}
RELATEDNESS_LABELS = {"not_related": "Not related", "unlikely": "Unlikely", "possible": "Possible",
                      "probable": "Probable", "definite": "Definite"}
ACTION_LABELS = {"dose_not_changed": "None (dose not changed)", "infusion_rate_reduced": "Infusion rate reduced",
                 "infusion_interrupted": "Infusion interrupted", "product_withdrawn": "Product withdrawn",
                 "not_applicable": "Not applicable", "unknown": "Unknown"}
OUTCOME_LABELS = {"recovered": "Recovered", "recovering": "Recovering", "not_recovered": "Not recovered",
                  "recovered_with_sequelae": "Recovered with sequelae", "fatal": "Fatal", "unknown": "Unknown"}
KIND = "adverse_events"


def _criteria_text(values: dict) -> str:
    return ", ".join(tr(label) for key, label in SAE_CRITERIA.items() if values.get(key))


def adverse_event_spec() -> LogSpec:
    """The adverse-event log's fields and columns."""
    relatedness = tuple((c, tr(RELATEDNESS_LABELS[c])) for c in vocab.AE_RELATEDNESS)
    event = (
        log_field(KIND, "term", TEXT, placeholder=tr("e.g. 두통 (headache)")),
        log_field(KIND, "onset", DATE),
        log_field(KIND, "end", DATE, placeholder=tr("empty = ongoing")),
        log_field(KIND, "grade", CHOICE, tuple((g, tr(GRADE_LABELS[g])) for g in AE_GRADES)),
    )
    seriousness = (log_field(KIND, "serious", YESNO),) + tuple(log_field(KIND, key, CHECK) for key in SAE_CRITERIA)
    causality = (
        log_field(KIND, "related_product", CHOICE, relatedness),
        log_field(KIND, "related_infusion", CHOICE, relatedness),
        log_field(KIND, "action_taken", CHOICE, tuple((c, tr(ACTION_LABELS[c])) for c in AE_ACTIONS)),
        log_field(KIND, "outcome", CHOICE, tuple((c, tr(OUTCOME_LABELS[c])) for c in AE_OUTCOMES)),
    )
    holder: list[LogSpec] = []

    def label(name: str):
        return lambda v: choice_label(holder[0], name, v.get(name))

    spec = LogSpec(
        kind=KIND, title=log_title(KIND), row_name=tr("adverse event"),
        sections=((tr("Event"), event), (tr("Seriousness (SAE criteria)"), seriousness),
                  (tr("Causality, action and outcome"), causality)),
        columns=(
            log_column(KIND, "term", lambda v: v.get("term") or ""),
            log_column(KIND, "onset", lambda v: date_text(v.get("onset"))),
            log_column(KIND, "end", lambda v: date_text(v.get("end"), tr("ongoing"))),
            log_column(KIND, "grade", lambda v: "" if v.get("grade") is None else str(v["grade"])),
            log_column(KIND, "serious", lambda v: yes_no(v.get("serious"))),
            Column(tr("SAE criteria"), _criteria_text),
            log_column(KIND, "related_product", label("related_product")),
            log_column(KIND, "related_infusion", label("related_infusion")),
            log_column(KIND, "action_taken", label("action_taken")),
            log_column(KIND, "outcome", label("outcome")),
        ),
        describe=lambda v: tr("adverse event {0} from {1}").format(v.get("term") or "", date_text(v.get("onset"))),
        affects_endpoints=False,
    )
    holder.append(spec)
    return spec
