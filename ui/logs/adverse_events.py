"""Adverse events: term (Hangul allowed), onset and end, CTCAE v5 grade 1-5, serious with the SAE criteria,
relatedness to the study product and to the infusion, action taken and outcome. Not read by the endpoints."""

from __future__ import annotations

from endpoints import vocab
from endpoints.record_checks import AE_ACTIONS, AE_GRADES, AE_OUTCOMES
from ui.logs.fields import (
    CHECK,
    CHOICE,
    DATE,
    TEXT,
    YESNO,
    Column,
    FieldSpec,
    LogSpec,
    choice_label,
    date_text,
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
SAE_LABELS = {"sae_death": "Death", "sae_life_threatening": "Life-threatening",
              "sae_hospitalisation": "Hospitalisation (initial or prolonged)",
              "sae_disability": "Persistent disability or incapacity", "sae_congenital_anomaly": "Congenital anomaly",
              "sae_important_medical_event": "Important medical event"}


def _criteria_text(values: dict) -> str:
    return ", ".join(tr(label) for key, label in SAE_LABELS.items() if values.get(key))


def adverse_event_spec() -> LogSpec:
    """The adverse-event log's fields and columns."""
    relatedness = tuple((c, tr(RELATEDNESS_LABELS[c])) for c in vocab.AE_RELATEDNESS)
    event = (
        FieldSpec("term", tr("Term"), TEXT, placeholder=tr("e.g. 두통 (headache)")),
        FieldSpec("onset", tr("Onset"), DATE),
        FieldSpec("end", tr("End"), DATE, placeholder=tr("empty = ongoing")),
        FieldSpec("grade", tr("CTCAE v5 grade"), CHOICE, tuple((g, tr(GRADE_LABELS[g])) for g in AE_GRADES)),
    )
    seriousness = (FieldSpec("serious", tr("Serious"), YESNO),) + tuple(
        FieldSpec(key, tr(label), CHECK) for key, label in SAE_LABELS.items())
    causality = (
        FieldSpec("related_product", tr("Related to the study product"), CHOICE, relatedness),
        FieldSpec("related_infusion", tr("Related to the infusion"), CHOICE, relatedness),
        FieldSpec("action_taken", tr("Action taken"), CHOICE, tuple((c, tr(ACTION_LABELS[c])) for c in AE_ACTIONS)),
        FieldSpec("outcome", tr("Outcome"), CHOICE, tuple((c, tr(OUTCOME_LABELS[c])) for c in AE_OUTCOMES)),
    )
    holder: list[LogSpec] = []

    def label(name: str):
        return lambda v: choice_label(holder[0], name, v.get(name))

    spec = LogSpec(
        kind="adverse_events", title=tr("Adverse events"), row_name=tr("adverse event"),
        sections=((tr("Event"), event), (tr("Seriousness (SAE criteria)"), seriousness),
                  (tr("Causality, action and outcome"), causality)),
        columns=(
            Column(tr("Term"), lambda v: v.get("term") or ""),
            Column(tr("Onset"), lambda v: date_text(v.get("onset"))),
            Column(tr("End"), lambda v: date_text(v.get("end"), tr("ongoing"))),
            Column(tr("Grade"), lambda v: "" if v.get("grade") is None else str(v["grade"])),
            Column(tr("Serious"), lambda v: yes_no(v.get("serious"))),
            Column(tr("SAE criteria"), _criteria_text),
            Column(tr("Product"), label("related_product")),
            Column(tr("Infusion"), label("related_infusion")),
            Column(tr("Action"), label("action_taken")),
            Column(tr("Outcome"), label("outcome")),
        ),
        describe=lambda v: tr("adverse event {0} from {1}").format(v.get("term") or "", date_text(v.get("onset"))),
        affects_endpoints=False,
    )
    holder.append(spec)
    return spec
