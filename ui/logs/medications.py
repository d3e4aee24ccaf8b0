"""Concomitant medications (dossier.md `medications`): name (Hangul allowed), agent class, start, stop, the
rescue-therapy flag and its indication, whether it is for SLE activity, and whether it is investigational."""

from __future__ import annotations

from endpoints import vocab
from ui.logs.fields import CHOICE, DATE, TEXT, YESNO, Column, FieldSpec, LogSpec, choice_label, date_text, tr, yes_no

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
        FieldSpec("name", tr("Name, dose"), TEXT, placeholder=tr("e.g. 하이드록시클로로퀸 200 mg")),
        FieldSpec("agent_class", tr("Agent class"), CHOICE,
                  tuple((c, tr(AGENT_LABELS[c])) for c in vocab.AGENT_CLASSES)),
        FieldSpec("start", tr("Start"), DATE),
        FieldSpec("stop", tr("Stop (inclusive)"), DATE, placeholder=tr("empty = ongoing")),
    )
    use = (
        FieldSpec("rescue", tr("Rescue therapy"), YESNO),
        FieldSpec("indication", tr("Indication"), CHOICE,
                  tuple((c, tr(INDICATION_LABELS[c])) for c in vocab.MEDICATION_INDICATIONS)),
        FieldSpec("for_sle_activity", tr("For SLE activity"), YESNO),
        FieldSpec("investigational", tr("Investigational product"), YESNO),
    )
    holder: list[LogSpec] = []
    spec = LogSpec(
        kind="medications", title=tr("Concomitant medications"), row_name=tr("medication"),
        sections=((tr("Medication"), fields), (tr("Use"), use)),
        columns=(
            Column(tr("Name"), lambda v: v.get("name") or ""),
            Column(tr("Class"), lambda v: choice_label(holder[0], "agent_class", v.get("agent_class"))),
            Column(tr("Start"), lambda v: date_text(v.get("start"))),
            Column(tr("Stop"), lambda v: date_text(v.get("stop"), tr("ongoing"))),
            Column(tr("Rescue"), lambda v: yes_no(v.get("rescue"))),
            Column(tr("Indication"), lambda v: choice_label(holder[0], "indication", v.get("indication"))),
            Column(tr("For SLE"), lambda v: yes_no(v.get("for_sle_activity"))),
            Column(tr("Investigational"), lambda v: yes_no(v.get("investigational"))),
        ),
        describe=lambda v: tr("medication {0} from {1}").format(v.get("name") or "", date_text(v.get("start"))),
    )
    holder.append(spec)
    return spec
