"""Concomitant medications (dossier.md `medications`): name (Hangul allowed), agent class, start, stop, the
rescue-therapy flag and its indication, whether it is for SLE activity, and whether it is investigational."""

from __future__ import annotations

from endpoints import vocab
from ui.logs.fields import (
    CHOICE,
    DATE,
    TEXT,
    YESNO,
    LogSpec,
    choice_label,
    date_text,
    log_column,
    log_field,
    log_title,
    tr,
    yes_no,
)

KIND = "medications"

AGENT_LABELS = {
    "cyclophosphamide": "Cyclophosphamide", "azathioprine": "Azathioprine", "methotrexate": "Methotrexate",
    "mycophenolate": "Mycophenolate", "biologic": "Biologic", "calcineurin_inhibitor": "Calcineurin inhibitor",
    "antimalarial": "Antimalarial", "ivig": "IVIG", "transfusion": "Transfusion",
    "plasma_exchange": "Plasma exchange", "other": "Other",
}
INDICATION_LABELS = {"renal": "Renal", "haematologic": "Haematologic", "extrarenal": "Extrarenal",
                     "general": "General", "maintenance": "Maintenance", "other": "Other"}


def medication_spec() -> LogSpec:
    """The medication log's fields and columns."""
    fields = (
        log_field(KIND, "name", TEXT, placeholder=tr("e.g. 하이드록시클로로퀸 200 mg")),
        log_field(KIND, "agent_class", CHOICE, tuple((c, tr(AGENT_LABELS[c])) for c in vocab.AGENT_CLASSES)),
        log_field(KIND, "start", DATE),
        log_field(KIND, "stop", DATE, placeholder=tr("empty = ongoing")),
    )
    use = (
        log_field(KIND, "rescue", YESNO),
        log_field(KIND, "indication", CHOICE,
                  tuple((c, tr(INDICATION_LABELS[c])) for c in vocab.MEDICATION_INDICATIONS)),
        log_field(KIND, "for_sle_activity", YESNO),
        log_field(KIND, "investigational", YESNO),
    )
    holder: list[LogSpec] = []
    spec = LogSpec(
        kind=KIND, title=log_title(KIND), row_name=tr("medication"),
        sections=((tr("Medication"), fields), (tr("Use"), use)),
        columns=(
            log_column(KIND, "name", lambda v: v.get("name") or ""),
            log_column(KIND, "agent_class", lambda v: choice_label(holder[0], "agent_class", v.get("agent_class"))),
            log_column(KIND, "start", lambda v: date_text(v.get("start"))),
            log_column(KIND, "stop", lambda v: date_text(v.get("stop"), tr("ongoing"))),
            log_column(KIND, "rescue", lambda v: yes_no(v.get("rescue"))),
            log_column(KIND, "indication", lambda v: choice_label(holder[0], "indication", v.get("indication"))),
            log_column(KIND, "for_sle_activity", lambda v: yes_no(v.get("for_sle_activity"))),
            log_column(KIND, "investigational", lambda v: yes_no(v.get("investigational"))),
        ),
        describe=lambda v: tr("medication {0} from {1}").format(v.get("name") or "", date_text(v.get("start"))),
    )
    holder.append(spec)
    return spec
