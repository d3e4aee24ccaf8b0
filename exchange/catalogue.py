"""The study's data definitions as exchange metadata: study events, forms, item groups, items, code lists, units.

Built from what builds and checks the forms: the stored columns of each table (models.schema, via
models.exchange_store), the vocabularies (endpoints.vocab, endpoints.record_checks.CHOICES), the units
(endpoints.units), the edit-check limits (endpoints.edit_checks.LIMITS, the steroid dose limits of
endpoints.record_checks), the printed names (reports.labels) and the forms' field labels (reports.form_labels).
The ODM metadata, the analysis datasets and their data dictionary all read this one catalogue.

Lab values are one group per visit with four items per lab key: the value in the canonical unit (`IT.LB.KEY`),
the value and unit as typed (`.ORRES`, `.ORRESU`) and the "not attributable to SLE" mark (`.NOTATTR`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Boolean, Date, Float, Integer, String

from endpoints import edit_checks, record_checks, units, vocab
from models import schema as s
from models.exchange_store import SUBJECT_LOGS, VISIT_FORMS, VISIT_LOGS, columns_of
from models.subject_records import TABLES
from reports import form_labels, labels

STUDY_OID = "ST.CS20AT04"
MDV_OID = "MDV.TRIALDESK.1"
SUBJECT_EVENT = "SE.SUBJECT"
VISIT_FORM = "F.VISIT"
LAB_GROUP = "IG.LB"
LAB_TABLE = "lab_values"
VISIT_TABLE = "visits"
SUBJECT_TABLE = "subjects"
# Casts "none seen" are stored as an empty list; ODM and the datasets spell it out.
NO_CASTS = "none"


@dataclass(frozen=True)
class RangeSpec:
    """One range check: comparator (GE, LE, GT), value in the item's unit, Hard or Soft, the message."""

    comparator: str
    value: float
    soft_hard: str
    message: str


@dataclass(frozen=True)
class ItemSpec:
    """One item: where it is stored (table, column; lab items also name the lab key and the part)."""

    oid: str
    name: str
    label: str
    data_type: str  # ODM: text, integer, float, date, boolean
    table: str
    column: str
    length: int | None = None
    unit: str | None = None  # unit code of the value (endpoints.units / edit-check unit)
    codelist: str | None = None
    ranges: tuple[RangeSpec, ...] = ()
    lab_key: str | None = None
    lab_part: str | None = None  # value | orres | orresu | notattr
    sas_name: str = ""


@dataclass(frozen=True)
class GroupSpec:
    """One item group: a table's row (repeating for log rows)."""

    oid: str
    name: str
    label: str
    table: str
    repeating: bool
    items: tuple[ItemSpec, ...]
    dataset: str  # short dataset name (≤ 8 characters, SAS)


@dataclass(frozen=True)
class FormSpec:
    oid: str
    name: str
    groups: tuple[GroupSpec, ...]


@dataclass(frozen=True)
class EventSpec:
    """A study event: the subject record (logs and registry) or one visit code."""

    oid: str
    name: str
    repeating: bool
    event_type: str  # Common | Scheduled | Unscheduled
    forms: tuple[FormSpec, ...]
    visit_code: str | None = None


@dataclass(frozen=True)
class CodeListSpec:
    oid: str
    name: str
    data_type: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Catalogue:
    events: tuple[EventSpec, ...]
    forms: tuple[FormSpec, ...]
    groups: tuple[GroupSpec, ...]
    items: tuple[ItemSpec, ...]
    codelists: tuple[CodeListSpec, ...]
    units: tuple[tuple[str, str], ...]  # (unit code, label)

    def group(self, oid: str) -> GroupSpec:
        return _index(self.groups)[oid]

    def item(self, oid: str) -> ItemSpec:
        return _index(self.items)[oid]

    def subject_event(self) -> EventSpec:
        return self.events[0]

    def event_for_visit(self, code: str) -> EventSpec:
        return next(e for e in self.events if e.visit_code == code)


@cache
def _index(specs: tuple) -> dict[str, object]:
    return {spec.oid: spec for spec in specs}


# ---------------------------------------------------------------------------------------------------------------
# Vocabularies

_VOCABULARIES: dict[str, tuple[object, ...]] = {
    "SUBGROUP": vocab.SUBGROUPS, "SEX": vocab.SEXES, "SUBJECTSTATUS": vocab.SUBJECT_STATUSES,
    "COMPLETION": vocab.INFUSION_COMPLETIONS, "SCHEDFIELD": ("planned", "actual"),
    "STEROIDDRUG": vocab.STEROID_DRUGS, "STEROIDROUTE": vocab.STEROID_ROUTES,
    "STEROIDIND": vocab.STEROID_INDICATIONS, "AGENTCLASS": vocab.AGENT_CLASSES,
    "MEDIND": vocab.MEDICATION_INDICATIONS, "HOSPIND": vocab.HOSPITALISATION_INDICATIONS,
    "RRTTYPE": vocab.RENAL_REPLACEMENT_TYPES, "EVENTTYPE": vocab.EVENT_TYPES, "EVENTORGAN": vocab.EVENT_ORGANS,
    "RELATEDNESS": vocab.AE_RELATEDNESS, "AEGRADE": record_checks.AE_GRADES, "AEACTION": record_checks.AE_ACTIONS,
    "AEOUTCOME": record_checks.AE_OUTCOMES, "BILAGGRADE": vocab.BILAG_GRADES,
    "VISITCODE": vocab.VISIT_CODES,
}
_COLUMN_VOCABULARY: dict[tuple[str, str], str] = {
    ("subjects", "subgroup"): "SUBGROUP", ("subjects", "sex"): "SEX", ("subjects", "status"): "SUBJECTSTATUS",
    ("status_history", "status"): "SUBJECTSTATUS", ("infusions", "completion"): "COMPLETION",
    ("schedule_changes", "field"): "SCHEDFIELD", ("steroids", "drug"): "STEROIDDRUG",
    ("steroids", "route"): "STEROIDROUTE", ("steroids", "indication"): "STEROIDIND",
    ("medications", "agent_class"): "AGENTCLASS", ("medications", "indication"): "MEDIND",
    ("hospitalisations", "indication"): "HOSPIND", ("renal_replacement", "type"): "RRTTYPE",
    ("flare_events", "type"): "EVENTTYPE", ("flare_events", "organ"): "EVENTORGAN",
    ("adverse_events", "related_product"): "RELATEDNESS", ("adverse_events", "related_infusion"): "RELATEDNESS",
    ("adverse_events", "grade"): "AEGRADE", ("adverse_events", "action_taken"): "AEACTION",
    ("adverse_events", "outcome"): "AEOUTCOME",
    **{("bilag_forms", domain): "BILAGGRADE" for domain in vocab.BILAG_DOMAINS},
}
# Code lists of the annotations that carry monitors' queries.
QUERY_STATUS_CODELIST = "CL.QUERYSTATUS"
FLAG_TYPE_CODELIST = "CL.FLAGTYPE"
QUERY_STATUSES = ("open", "answered", "closed")
FLAG_TYPES = ("query",)

# ---------------------------------------------------------------------------------------------------------------
# Names

_GROUP_NAMES: dict[str, tuple[str, str, str]] = {  # table -> (OID suffix, label, dataset)
    "subjects": ("SUBJECT", "Subject registry", "DM"),
    "status_history": ("STATUS", "Subject status history", "DS"),
    "infusions": ("INFUSION", "Infusions", "EX"),
    "schedule_changes": ("SCHEDCHG", "Infusion date changes", "SC"),
    "steroids": ("STEROID", "Glucocorticoid log", "CMSTER"),
    "medications": ("CONMED", "Other medications", "CM"),
    "hospitalisations": ("HOSP", "Hospitalisations", "HO"),
    "renal_replacement": ("RRT", "Dialysis and transplant", "RRT"),
    "flare_events": ("FLARE", "Declared flares", "FL"),
    "adverse_events": ("AE", "Adverse events", "AE"),
    "visits": ("VISIT", "Visit: date, vital signs, assessments", "SV"),
    "lab_values": ("LB", "Laboratory results", "LB"),
    "sledai_forms": ("SLEDAI", "SLEDAI-2K descriptors", "SLEDAI"),
    "bilag_forms": ("BILAG", "BILAG-2004 grades", "BILAG"),
    "visit_not_done": ("NOTDONE", "Fields not done", "ND"),
    "soft_limit_confirmations": ("CONFIRM", "Confirmed unusual values", "CONF"),
}
_FORMS: tuple[tuple[str, str, tuple[str, ...]], ...] = (  # subject-level forms: OID, name, tables
    ("F.REGISTRY", "Subject registry", ("subjects", "status_history")),
    ("F.INFUSION", "Infusions", ("infusions", "schedule_changes")),
    ("F.STEROID", "Glucocorticoid log", ("steroids",)),
    ("F.CONMED", "Other medications", ("medications",)),
    ("F.HOSP", "Hospitalisations", ("hospitalisations",)),
    ("F.RRT", "Dialysis and transplant", ("renal_replacement",)),
    ("F.FLARE", "Declared flares", ("flare_events",)),
    ("F.AE", "Adverse events", ("adverse_events",)),
)
_VISIT_TABLES = ("visits", "lab_values", "sledai_forms", "bilag_forms", "visit_not_done", "soft_limit_confirmations")
_LAB_SHORT = {
    "hemoglobin_g_dl": "HGB", "wbc_10e9_l": "WBC", "anc_10e9_l": "ANC", "lymphocytes_10e9_l": "LYM",
    "platelets_10e9_l": "PLAT", "creatinine_mg_dl": "CREAT", "albumin_g_dl": "ALB", "upcr_g_g": "UPCR",
    "proteinuria_g_24h": "PRO24", "urine_rbc_hpf": "URBC", "urine_wbc_hpf": "UWBC", "urine_casts": "CASTS",
    "c3_mg_dl": "C3", "c4_mg_dl": "C4", "anti_dsdna_iu_ml": "DSDNA",
}
_LOG_KINDS = {table.__tablename__: kind for kind, table in TABLES.items()}  # subject-log table -> its form
_LIMIT_UNITS = {"kg": "kg", "mmHg": "mmHg", "/min": "/min", "°C": "C"}


def _label(table: str, column: str) -> str:
    """An item's label: the one its form shows (reports.form_labels), else the column in words."""
    if table == "sledai_forms":
        return form_labels.visit_field(f"sledai.{column}")
    if table == "bilag_forms":
        return form_labels.visit_field(f"bilag.{column}")
    for prefix in ("lldas_", "sfi_"):
        if table == VISIT_TABLE and column.startswith(prefix):
            return form_labels.visit_field(f"{prefix[:-1]}.{column.removeprefix(prefix)}")
    form = {VISIT_TABLE: "visit", "infusions": "infusion", SUBJECT_TABLE: "registration", **_LOG_KINDS}.get(table)
    label = form_labels.form_field(form, column) if form is not None else None
    if label is not None:
        return label
    limits = _limits(column)
    if limits is not None:
        return f"{limits.label} ({limits.unit})"
    return column.replace("_", " ").capitalize()


def _limits(column: str) -> edit_checks.Limits | None:
    for prefix in ("", "pre_", "post_"):
        if column.startswith(prefix) and column.removeprefix(prefix) in edit_checks.LIMITS:
            return edit_checks.LIMITS[column.removeprefix(prefix)]
    return None


def _unit_code(limits: edit_checks.Limits, column: str) -> str:
    if column in units.UNITS:
        return units.canonical_unit(column).code
    return _LIMIT_UNITS.get(limits.unit, limits.unit)


def _ranges(limits: edit_checks.Limits) -> tuple[RangeSpec, ...]:
    out = []
    for comparator, value, level in (("GE", limits.hard_min, "Hard"), ("LE", limits.hard_max, "Hard"),
                                     ("GE", limits.soft_min, "Soft"), ("LE", limits.soft_max, "Soft")):
        if value is None:
            continue
        side = "at least" if comparator == "GE" else "at most"
        what = "impossible" if level == "Hard" else "unusual"
        out.append(RangeSpec(comparator, float(value), level,
                             f"{limits.label} {side} {value:g} {limits.unit} (else {what})."))
    return tuple(out)


_STEROID_RANGES = {
    "mg_per_dose": (RangeSpec("GT", 0.0, "Hard", "The dose must be more than 0 mg."),
                    RangeSpec("LE", record_checks.MAX_MG_PER_DOSE, "Hard",
                              f"At most {record_checks.MAX_MG_PER_DOSE:g} mg per dose.")),
    "doses_per_day": (RangeSpec("GT", 0.0, "Hard", "Doses per day must be more than 0."),
                      RangeSpec("LE", record_checks.MAX_DOSES_PER_DAY, "Hard",
                                f"At most {record_checks.MAX_DOSES_PER_DAY:g} doses per day.")),
}


def _data_type(model: type[s.Base], column: str) -> tuple[str, int | None]:
    col_type = model.__table__.c[column].type
    if isinstance(col_type, Boolean):
        return "boolean", None
    if isinstance(col_type, Integer):
        return "integer", None
    if isinstance(col_type, Float):
        return "float", None
    if isinstance(col_type, Date):
        return "date", None
    if isinstance(col_type, String) and col_type.length:
        return "text", col_type.length
    return "text", None


_SAS_RE = re.compile(r"[^A-Z0-9]")


def _sas_names(names: list[str]) -> list[str]:
    """Unique SAS names (≤ 8 characters, upper case) for the given names, in order."""
    taken: set[str] = set()
    out = []
    for name in names:
        base = _SAS_RE.sub("", name.upper().replace("_", "")) or "X"
        if base[0].isdigit():
            base = "X" + base
        candidate, n = base[:8], 1
        while candidate in taken:
            suffix = str(n)
            candidate, n = base[:8 - len(suffix)] + suffix, n + 1
        taken.add(candidate)
        out.append(candidate)
    return out


def _with_sas_names(items: list[ItemSpec], reserved: tuple[str, ...]) -> tuple[ItemSpec, ...]:
    names = _sas_names([*reserved, *(i.sas_name or i.name for i in items)])[len(reserved):]
    return tuple(ItemSpec(**{**i.__dict__, "sas_name": n}) for i, n in zip(items, names, strict=True))


# Dataset key columns every form table starts with (exchange.datasets); item SAS names avoid them.
KEY_SAS_NAMES = ("SUBJID", "SUBGRP", "VISIT", "VISITDT", "STUDYDAY", "SEQ")


def _column_items(table: str, model: type[s.Base], skip: tuple[str, ...] = ()) -> list[ItemSpec]:
    prefix = _GROUP_NAMES[table][0]
    out = []
    for column in columns_of(model):
        if column in skip:
            continue
        data_type, length = _data_type(model, column)
        limits = _limits(column) if data_type in ("float", "integer") else None
        vocabulary = _COLUMN_VOCABULARY.get((table, column))
        ranges = _ranges(limits) if limits else _STEROID_RANGES.get(column, ()) if table == "steroids" else ()
        out.append(ItemSpec(
            oid=f"IT.{prefix}.{column.upper()}", name=column, label=_label(table, column), data_type=data_type,
            table=table, column=column, length=length, unit=_unit_code(limits, column) if limits else None,
            codelist=f"CL.{vocabulary}" if vocabulary else None, ranges=ranges,
        ))
    return out


def _lab_items() -> list[ItemSpec]:
    out = []
    for key in vocab.LAB_KEYS:
        name, _unit_label, _ = labels.LABS[key]
        short = _LAB_SHORT[key]
        if key == "urine_casts":
            out.append(ItemSpec(f"IT.LB.{short}", key, f"{name} (comma-separated types, or {NO_CASTS})", "text",
                                LAB_TABLE, "canonical_text", length=80, lab_key=key, lab_part="value", sas_name=short))
        else:
            limits = edit_checks.LIMITS[key]
            out.append(ItemSpec(f"IT.LB.{short}", key, f"{name} ({units.canonical_unit(key).label})", "float",
                                LAB_TABLE, "canonical_value", unit=units.canonical_unit(key).code,
                                ranges=_ranges(limits), lab_key=key, lab_part="value", sas_name=short))
        out.append(ItemSpec(f"IT.LB.{short}.ORRES", f"{key}_orres", f"{name}: value as typed", "text", LAB_TABLE,
                            "original_value", length=40, lab_key=key, lab_part="orres",
                            sas_name=f"{short}OR"))
        out.append(ItemSpec(f"IT.LB.{short}.ORRESU", f"{key}_orresu", f"{name}: unit as typed", "text", LAB_TABLE,
                            "original_unit", length=20, lab_key=key, lab_part="orresu",
                            codelist=f"CL.UNIT.{short}" if key in units.UNITS else None, sas_name=f"{short}ORU"))
        out.append(ItemSpec(f"IT.LB.{short}.NOTATTR", f"{key}_notattr", f"{name}: not attributable to SLE",
                            "boolean", LAB_TABLE, "not_attributable", lab_key=key, lab_part="notattr",
                            sas_name=f"{short}NA"))
    return out


def _group(table: str, items: list[ItemSpec], repeating: bool) -> GroupSpec:
    suffix, label, dataset = _GROUP_NAMES[table]
    return GroupSpec(f"IG.{suffix}", suffix, label, table, repeating, _with_sas_names(items, KEY_SAS_NAMES),
                     dataset)


def _codelists() -> tuple[CodeListSpec, ...]:
    out = [CodeListSpec(f"CL.{name}", name.lower(), "integer" if all(isinstance(v, int) for v in values) else "text",
                        tuple(str(v) for v in values)) for name, values in _VOCABULARIES.items()]
    for key in vocab.NUMERIC_LAB_KEYS:
        out.append(CodeListSpec(f"CL.UNIT.{_LAB_SHORT[key]}", f"{key} units", "text",
                                tuple(u.code for u in units.units_for(key))))
    out.append(CodeListSpec(QUERY_STATUS_CODELIST, "query status", "text", QUERY_STATUSES))
    out.append(CodeListSpec(FLAG_TYPE_CODELIST, "annotation flag type", "text", FLAG_TYPES))
    return tuple(out)


def _units() -> tuple[tuple[str, str], ...]:
    seen: dict[str, str] = {}
    for key in vocab.NUMERIC_LAB_KEYS:
        for u in units.units_for(key):
            seen.setdefault(u.code, u.label)
    for field, limits in edit_checks.LIMITS.items():
        if field in units.UNITS:
            continue
        seen.setdefault(_LIMIT_UNITS.get(limits.unit, limits.unit), limits.unit)
    return tuple(seen.items())


@cache
def unit_oid(code: str) -> str:
    """The OID of a measurement unit (its code with anything but letters and digits as '_')."""
    return "MU." + re.sub(r"[^A-Za-z0-9]", "_", code)


@cache
def catalogue() -> Catalogue:
    """The study's exchange metadata (built once)."""
    subject_groups = {
        "subjects": _group("subjects", _column_items("subjects", s.Subject, skip=("subject_id",)), False),
        **{table: _group(table, _column_items(table, model), True) for table, (model, _) in SUBJECT_LOGS.items()},
    }
    visit_groups = {
        "visits": _group("visits", _column_items("visits", s.Visit, skip=("code",)), False),
        "lab_values": _group("lab_values", _lab_items(), False),
        **{table: _group(table, _column_items(table, model), False) for table, (model, _) in VISIT_FORMS.items()},
        **{table: _group(table, _column_items(table, model), True)
           for table, (model, _) in VISIT_LOGS.items() if table != LAB_TABLE},
    }
    forms = tuple(FormSpec(oid, name, tuple(subject_groups[t] for t in tables)) for oid, name, tables in _FORMS)
    visit_form = FormSpec(VISIT_FORM, "Visit", tuple(visit_groups[t] for t in _VISIT_TABLES))
    events = (EventSpec(SUBJECT_EVENT, "Subject record", False, "Common", forms),) + tuple(
        EventSpec(f"SE.{code}", labels.VISIT_NAMES[code], code == "UNS",
                  "Unscheduled" if code == "UNS" else "Scheduled", (visit_form,), visit_code=code)
        for code in vocab.VISIT_CODES
    )
    groups = (*subject_groups.values(), *visit_groups.values())
    return Catalogue(
        events=events, forms=(*forms, visit_form), groups=tuple(groups),
        items=tuple(item for group in groups for item in group.items), codelists=_codelists(), units=_units(),
    )


assert set(_GROUP_NAMES) == {"subjects", "visits", *SUBJECT_LOGS, *VISIT_LOGS, *VISIT_FORMS}
