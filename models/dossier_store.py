"""Subject dossiers in and out of the database: the endpoint engine's input, and the exchange format's import.

`load_dossiers` reads any number of subjects in a fixed number of queries (one per table), so the study
dashboard and the PDFs can load 1,000 subjects at once; `load_dossier` is the one-subject form.
`import_dossier` writes one dossier in one audited transaction: all or nothing.

Registry fields that the dossier format does not carry (screening number, notes, withdrawal reason) travel
in `extensions["trialdesk.registry"]`, so an export re-imports into another database without loss. Lab
values arrive in canonical units; the value and unit "as typed" are then the canonical ones.
Adverse-event fields beyond the format (action taken, SAE criteria) travel in
`extensions["trialdesk.adverse_events"]`, one object per adverse event in the dossier's order.
"""

from __future__ import annotations

import gc
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from datetime import date
from typing import Any

from sqlalchemy import Integer, Select, Table, func, select, type_coerce
from sqlalchemy.orm import Session

from endpoints import vocab
from endpoints.dossier import (
    AdverseEvent,
    Dossier,
    FlareEvent,
    Hospitalisation,
    Infusion,
    Labs,
    LldasForm,
    Medication,
    RenalReplacement,
    SfiForm,
    SteroidRow,
    Subject,
    Visit,
)
from models import schema as s
from models.database import Database
from models.dossier_rules import dossier_problems
from models.errors import DatabaseError, ImportRefused, SubjectNotFound

REGISTRY_EXTENSION = "trialdesk.registry"
REGISTRY_FIELDS = ("screening_number", "notes", "withdrawal_reason", "death_cause")
AE_EXTENSION = "trialdesk.adverse_events"
AE_SAE_COLUMNS = {
    "death": "sae_death", "life_threatening": "sae_life_threatening", "hospitalisation": "sae_hospitalisation",
    "disability": "sae_disability", "congenital_anomaly": "sae_congenital_anomaly",
    "important_medical_event": "sae_important_medical_event",
}
AE_EXTENSION_KEYS = ("action_taken", "sae_criteria")

CANONICAL_UNITS: dict[str, str] = {
    "hemoglobin_g_dl": "g/dL", "wbc_10e9_l": "10^9/L", "anc_10e9_l": "10^9/L", "lymphocytes_10e9_l": "10^9/L",
    "platelets_10e9_l": "10^9/L", "creatinine_mg_dl": "mg/dL", "albumin_g_dl": "g/dL", "upcr_g_g": "g/g",
    "proteinuria_g_24h": "g/24 h", "urine_rbc_hpf": "/hpf", "urine_wbc_hpf": "/hpf", "urine_casts": "casts",
    "c3_mg_dl": "mg/dL", "c4_mg_dl": "mg/dL", "anti_dsdna_iu_ml": "IU/mL",
}
SFI_COLUMNS = {organ: f"sfi_{organ}" for organ in vocab.SFI_ORGANS}
LLDAS_COLUMNS = {question: f"lldas_{question}" for question in vocab.LLDAS_QUESTIONS}
# Dossier rows whose every field is a column of the same name in the subject's rows of a table.
SUBJECT_CHILDREN: tuple[tuple[type, type[s.Base]], ...] = (
    (Infusion, s.Infusion), (SteroidRow, s.SteroidRow), (Medication, s.Medication),
    (Hospitalisation, s.Hospitalisation), (RenalReplacement, s.RenalReplacement), (FlareEvent, s.FlareEvent),
)


# ---------------------------------------------------------------------------------------------------------------
# Reading


def load_dossier(db: Database, subject_id: str, as_of: date) -> Dossier:
    """The dossier of one subject, evaluated as of `as_of`; SubjectNotFound if the ID is unknown."""
    found = load_dossiers(db, as_of, [subject_id])
    if not found:
        raise SubjectNotFound(f"No subject {subject_id}.")
    return found[0]


def load_dossiers(db: Database, as_of: date, subject_ids: Sequence[str] | None = None) -> list[Dossier]:
    """Dossiers of the given subjects (all when None), ordered by subject ID, in one query per table."""
    with gc_paused():
        return _load_dossiers(db, as_of, subject_ids)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many acyclic objects are built (it cost ~40 % of a bulk load)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_dossiers(db: Database, as_of: date, subject_ids: Sequence[str] | None) -> list[Dossier]:
    with db.read() as session:
        subjects_query = select(s.Subject.__table__).order_by(s.Subject.subject_id)
        if subject_ids is not None:
            subjects_query = subjects_query.where(s.Subject.subject_id.in_(list(subject_ids)))
        subjects = session.execute(subjects_query).mappings().all()
        if not subjects:
            return []
        pks = [row["id"] for row in subjects] if subject_ids is not None else None
        children = {cls: _children_by_subject(session, cls, model, pks) for cls, model in SUBJECT_CHILDREN}
        adverse_events = _adverse_events_by_subject(session, pks)
        visits = _visits_by_subject(session, pks)
    out = []
    for row in subjects:
        pk = row["id"]
        events_and_details = adverse_events.get(pk, [])
        out.append(Dossier(
            as_of=as_of,
            subject=_subject(row),
            steroid_log_complete_through=row["steroid_log_complete_through"],
            infusions=tuple(children[Infusion].get(pk, ())),
            visits=tuple(visits.get(pk, ())),
            steroids=tuple(children[SteroidRow].get(pk, ())),
            medications=tuple(children[Medication].get(pk, ())),
            hospitalisations=tuple(children[Hospitalisation].get(pk, ())),
            renal_replacement=tuple(children[RenalReplacement].get(pk, ())),
            events=tuple(children[FlareEvent].get(pk, ())),
            adverse_events=tuple(event for event, _ in events_and_details),
            extensions=_extensions(row, [details for _, details in events_and_details]),
        ))
    return out


def subject_change_marks(db: Database) -> dict[str, int]:
    """Every subject ID with the id of its latest audit row (0 if none), in one query.

    Every audited write of a subject's data raises its mark, so a caller can keep per-subject evaluations
    and reload only the subjects whose mark moved (the study dashboard does).
    """
    if db.is_server:
        # PostgreSQL plans a correlated max() as a backward walk of the whole primary key per subject (1 s for
        # 1,000 subjects and 230,000 audit rows); one grouped pass over the trail takes about 50 ms
        grouped = (select(s.AuditEntry.subject_id, func.max(s.AuditEntry.id).label("mark"))
                   .group_by(s.AuditEntry.subject_id).subquery())
        query = (select(s.Subject.subject_id, func.coalesce(grouped.c.mark, 0))
                 .outerjoin(grouped, grouped.c.subject_id == s.Subject.subject_id).order_by(s.Subject.subject_id))
    else:
        # a correlated max() per subject is one index look-up each (SQLite's min/max optimisation); a grouped
        # join would scan every audit row
        latest = (select(func.max(s.AuditEntry.id)).where(s.AuditEntry.subject_id == s.Subject.subject_id)
                  .correlate(s.Subject).scalar_subquery())
        query = select(s.Subject.subject_id, func.coalesce(latest, 0)).order_by(s.Subject.subject_id)
    with db.read() as session:
        return {subject_id: int(mark) for subject_id, mark in session.execute(query)}


def _all_rows(session: Session, query: Select[Any], table: Table, subject_pks: list[int] | None,
              visit_of: bool = False) -> Sequence[Any]:
    """Rows of `query` over `table` in id order, of the given subjects only (all when None); `visit_of` when
    the table's rows belong to a visit (`visit_id`) rather than to a subject (`subject_pk`)."""
    query = query.order_by(table.c.id)
    if subject_pks is not None:
        if visit_of:
            visits = s.Visit.__table__
            query = query.where(table.c.visit_id.in_(select(visits.c.id).where(visits.c.subject_pk.in_(subject_pks))))
        else:
            query = query.where(table.c.subject_pk.in_(subject_pks))
    return session.execute(query).all()


def _children_by_subject(session: Session, cls: type, model: type[s.Base], subject_pks: list[int] | None
                         ) -> dict[int, list[Any]]:
    """Instances of the dossier dataclass `cls` read from `model`'s columns of the same names, by subject."""
    table = model.__table__
    query = select(table.c.subject_pk, *(table.c[f.name] for f in fields(cls)))
    grouped: dict[int, list[Any]] = defaultdict(list)
    for subject_pk, *values in _all_rows(session, query, table, subject_pks):
        grouped[subject_pk].append(cls(*values))
    return grouped


def _adverse_events_by_subject(session: Session, subject_pks: list[int] | None
                               ) -> dict[int, list[tuple[AdverseEvent, dict[str, Any]]]]:
    """Each subject's adverse events with the details that travel in the AE extension (`_ae_details`)."""
    table = s.AdverseEvent.__table__
    details_columns = ("action_taken", *AE_SAE_COLUMNS.values())
    query = select(table.c.subject_pk, *(table.c[f.name] for f in fields(AdverseEvent)),
                   *(table.c[name] for name in details_columns))
    split = 1 + len(fields(AdverseEvent))
    grouped: dict[int, list[tuple[AdverseEvent, dict[str, Any]]]] = defaultdict(list)
    for row in _all_rows(session, query, table, subject_pks):
        details = _ae_details(dict(zip(details_columns, row[split:], strict=True)))
        grouped[row[0]].append((AdverseEvent(*row[1:split]), details))
    return grouped


def _visits_by_subject(session: Session, subject_pks: list[int] | None) -> dict[int, list[Visit]]:
    """Each subject's visits with their labs, SLEDAI, BILAG, SFI and LLDAS answers."""
    labs, not_attributable = _labs_by_visit(session, subject_pks)
    sledai = _forms_by_visit(session, s.SledaiForm.__table__, vocab.SLEDAI_KEYS, subject_pks)
    bilag = _forms_by_visit(session, s.BilagForm.__table__, vocab.BILAG_DOMAINS, subject_pks)
    t = s.Visit.__table__
    query = select(t.c.id, t.c.subject_pk, t.c.code, t.c.date, t.c.missed, t.c.missed_reason, t.c.weight_kg,
                   t.c.pga_tenths, t.c.sediment_inactive, t.c.sfi_worse_thrombocytopenia,
                   *(t.c[column] for column in SFI_COLUMNS.values()),
                   *(t.c[column] for column in LLDAS_COLUMNS.values()))
    sfi_end = 10 + len(SFI_COLUMNS)
    grouped: dict[int, list[Visit]] = defaultdict(list)
    for row in _all_rows(session, query, t, subject_pks):
        visit_id, subject_pk, code, when, missed, reason, weight_kg, pga_tenths, sediment_inactive, thrombo = row[:10]
        organs = {organ: value for organ, value in zip(SFI_COLUMNS, row[10:sfi_end], strict=True) if value is not None}
        flagged = not_attributable.get(visit_id)
        grouped[subject_pk].append(Visit(
            code=code, date=when, missed=bool(missed), reason=reason, weight_kg=weight_kg,
            labs=Labs(**labs.get(visit_id, {})),
            labs_not_attributable=tuple(k for k in vocab.LAB_KEYS if k in flagged) if flagged else (),
            sledai=sledai.get(visit_id) or {}, pga_tenths=pga_tenths, bilag=bilag.get(visit_id) or {},
            sfi=SfiForm(organ_new_worse=organs, worse_thrombocytopenia=thrombo),
            lldas=LldasForm(**dict(zip(LLDAS_COLUMNS, row[sfi_end:], strict=True))),
            sediment_inactive=sediment_inactive,
        ))
    return grouped


def _labs_by_visit(session: Session, subject_pks: list[int] | None
                   ) -> tuple[dict[int, dict[str, Any]], dict[int, set[str]]]:
    """Each visit's canonical lab values (`Labs` keywords) and the keys flagged as not attributable to SLE."""
    t = s.LabValue.__table__
    flag = type_coerce(t.c.not_attributable, Integer)  # only its truth is used: skips the per-row bool()
    query = select(t.c.visit_id, t.c.key, t.c.canonical_value, t.c.canonical_text, flag)
    values: dict[int, dict[str, Any]] = defaultdict(dict)
    not_attributable: dict[int, set[str]] = defaultdict(set)
    for visit_id, key, value, text, flagged in _all_rows(session, query, t, subject_pks, visit_of=True):
        if key == "urine_casts":
            if text is not None:
                values[visit_id]["urine_casts"] = tuple(item for item in text.split(",") if item)
        elif value is not None:
            values[visit_id][key] = value
        if flagged:
            not_attributable[visit_id].add(key)
    return values, not_attributable


def _forms_by_visit(session: Session, table: Table, keys: tuple[str, ...], subject_pks: list[int] | None
                    ) -> dict[int, dict[str, Any]]:
    """The answered items (columns named `keys`, in that order) of a one-per-visit form, by visit."""
    query = select(table.c.visit_id, *(table.c[key] for key in keys))
    return {
        row[0]: {key: value for key, value in zip(keys, row[1:], strict=True) if value is not None}
        for row in _all_rows(session, query, table, subject_pks, visit_of=True)
    }


def _subject(row: Any) -> Subject:
    return Subject(
        id=row["subject_id"], subgroup=row["subgroup"], sex=row["sex"], birth_date=row["birth_date"],
        status=row["status"], consent_date=row["consent_date"], withdrawal_date=row["withdrawal_date"],
        death_date=row["death_date"], initials=row["initials"], weight_kg=row["weight_kg"],
    )


def _extensions(row: Any, ae_details: list[dict[str, Any]]) -> dict[str, Any]:
    extensions = json.loads(row["extensions_json"]) if row["extensions_json"] else {}
    registry = {name: row[name] for name in REGISTRY_FIELDS if row[name] is not None}
    if registry:
        extensions[REGISTRY_EXTENSION] = registry
    if any(ae_details):
        extensions[AE_EXTENSION] = ae_details
    return extensions


def _ae_details(r: dict[str, Any]) -> dict[str, Any]:
    """Action taken and SAE criteria of one adverse event (only what is recorded)."""
    details: dict[str, Any] = {}
    if r["action_taken"] is not None:
        details["action_taken"] = r["action_taken"]
    criteria = [name for name, column in AE_SAE_COLUMNS.items() if r[column]]
    if criteria or any(r[column] is not None for column in AE_SAE_COLUMNS.values()):
        details["sae_criteria"] = criteria
    return details


# ---------------------------------------------------------------------------------------------------------------
# Writing


def import_dossier(
    db: Database, dossier: Dossier, *, user: str, replace_reason: str | None = None, today: date | None = None
) -> int:
    """Write a dossier as one subject in one audited transaction; returns the subject's record id.

    Refused (ImportRefused, nothing written) when the subject ID exists, unless `replace_reason` is given:
    then the registry fields are updated in place (status history kept) and every clinical row is replaced by
    the dossier's, all audited with that reason. Details the dossier format does not carry (visit vital signs
    and comments, infusion lot and times, adverse-event seriousness criteria, lab units as typed) go with the
    replaced rows; their old values remain in the audit trail.
    """
    registry = _registry_extension(dossier.extensions)
    ae_details = _ae_extension(dossier)
    extensions = {k: v for k, v in dossier.extensions.items() if k not in (REGISTRY_EXTENSION, AE_EXTENSION)}
    reason = replace_reason.strip() if replace_reason and replace_reason.strip() else None
    today = today or db.clock().date()
    try:
        with db.write(user, reason) as uow:
            session = uow.session
            subject = session.scalars(select(s.Subject).where(s.Subject.subject_id == dossier.subject.id)).first()
            if subject is not None and reason is None:
                raise ImportRefused(f"Subject {dossier.subject.id} already exists; replacing it needs a reason.")
            _refuse_broken_rules(session, dossier, registry, ae_details, today,
                                 subject.id if subject is not None else None)
            if subject is None:
                subject = s.Subject()
                session.add(subject)
            else:
                _delete_clinical_rows(session, subject)  # flushed first: the new rows reuse visit codes and numbers
            previous_status = subject.status
            _fill_subject(subject, dossier, registry, extensions)
            if previous_status != subject.status:
                status_date = dossier.subject.withdrawal_date if subject.status == "withdrawn" else None
                subject.status_history.append(s.StatusChange(
                    status=subject.status, status_date=status_date or today,
                    reason=reason or "imported from a dossier", changed_by=uow.user,
                    changed_at_utc=s.utc_timestamp(db.clock()),
                ))
            _add_clinical_rows(subject, dossier, ae_details)
            session.flush()
            return subject.id
    except DatabaseError as exc:
        raise ImportRefused(f"Subject {dossier.subject.id} cannot be stored: {exc}") from None


def _refuse_broken_rules(session: Session, dossier: Dossier, registry: dict[str, str | None],
                         ae_details: list[dict[str, Any]], today: date, record_id: int | None) -> None:
    """ImportRefused naming the first rule the dossier breaks (JSON path and message) and how many others."""
    problems = dossier_problems(session, dossier, registry, ae_details, today, record_id)
    if problems:
        path, message = next(iter(problems.items()))
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        raise ImportRefused(f"{path}: {message}{more}")


def _registry_extension(extensions: dict[str, Any]) -> dict[str, str | None]:
    """The registry fields carried by the dossier (none when it has no registry extension: kept as they are)."""
    if REGISTRY_EXTENSION not in extensions:
        return {}
    raw = extensions[REGISTRY_EXTENSION]
    if not isinstance(raw, dict) or set(raw) - set(REGISTRY_FIELDS):
        raise ImportRefused(f'extensions."{REGISTRY_EXTENSION}" may only hold {", ".join(REGISTRY_FIELDS)}.')
    for key, value in raw.items():
        if value is not None and not isinstance(value, str):
            raise ImportRefused(f'extensions."{REGISTRY_EXTENSION}".{key} must be a text.')
    return {name: raw.get(name) for name in REGISTRY_FIELDS}


def _ae_extension(dossier: Dossier) -> list[dict[str, Any]]:
    """The adverse-event details carried by the dossier, one per adverse event (empty when none)."""
    if AE_EXTENSION not in dossier.extensions:
        return [{} for _ in dossier.adverse_events]
    raw = dossier.extensions[AE_EXTENSION]
    where = f'extensions."{AE_EXTENSION}"'
    if not isinstance(raw, list) or len(raw) != len(dossier.adverse_events):
        raise ImportRefused(f"{where} must be a list with one object per adverse event.")
    for i, item in enumerate(raw):
        if not isinstance(item, dict) or set(item) - set(AE_EXTENSION_KEYS):
            raise ImportRefused(f"{where}[{i}] may only hold {', '.join(AE_EXTENSION_KEYS)}.")
        if item.get("action_taken") is not None and not isinstance(item["action_taken"], str):
            raise ImportRefused(f"{where}[{i}].action_taken must be a text.")
        criteria = item.get("sae_criteria", [])
        if not isinstance(criteria, list) or set(criteria) - set(AE_SAE_COLUMNS):
            raise ImportRefused(f"{where}[{i}].sae_criteria must be a list of {', '.join(AE_SAE_COLUMNS)}.")
    return raw


def _ae_columns(details: dict[str, Any]) -> dict[str, Any]:
    criteria = details.get("sae_criteria")
    columns: dict[str, Any] = {"action_taken": details.get("action_taken")}
    for name, column in AE_SAE_COLUMNS.items():
        columns[column] = None if criteria is None else name in criteria
    return columns


def _fill_subject(subject: s.Subject, d: Dossier, registry: dict[str, str | None], ext: dict[str, Any]) -> None:
    values = {
        "subject_id": d.subject.id, "subgroup": d.subject.subgroup, "sex": d.subject.sex,
        "birth_date": d.subject.birth_date, "status": d.subject.status, "consent_date": d.subject.consent_date,
        "withdrawal_date": d.subject.withdrawal_date, "death_date": d.subject.death_date,
        "initials": d.subject.initials, "weight_kg": d.subject.weight_kg,
        "steroid_log_complete_through": d.steroid_log_complete_through,
        "extensions_json": json.dumps(ext, ensure_ascii=False, sort_keys=True) if ext else None,
        **registry,
    }
    for name, value in values.items():
        setattr(subject, name, value)


def _delete_clinical_rows(session: Session, subject: s.Subject) -> None:
    """Delete the subject's clinical rows and flush, while each row still names its subject: the audit rows,
    signature invalidation and lock checks of the deletion need it (a cleared collection unlinks the rows)."""
    collections = (subject.infusions, subject.visits, subject.steroids, subject.medications,
                   subject.hospitalisations, subject.renal_replacement, subject.events, subject.adverse_events)
    for collection in collections:
        for row in collection:
            session.delete(row)
    session.flush()
    for collection in collections:
        collection.clear()


def _add_clinical_rows(subject: s.Subject, d: Dossier, ae_details: list[dict[str, Any]]) -> None:
    subject.infusions.extend(
        s.Infusion(number=i.number, planned_date=i.planned_date, date=i.date, weight_kg=i.weight_kg,
                   dose_cells=i.dose_cells, completion=i.completion)
        for i in d.infusions
    )
    subject.visits.extend(_visit_row(v) for v in d.visits)
    subject.steroids.extend(
        s.SteroidRow(drug=r.drug, route=r.route, mg_per_dose=r.mg_per_dose, doses_per_day=r.doses_per_day,
                     start=r.start, stop=r.stop, indication=r.indication)
        for r in d.steroids
    )
    subject.medications.extend(
        s.Medication(name=m.name, agent_class=m.agent_class, start=m.start, stop=m.stop, rescue=m.rescue,
                     indication=m.indication, for_sle_activity=m.for_sle_activity, investigational=m.investigational)
        for m in d.medications
    )
    subject.hospitalisations.extend(
        s.Hospitalisation(admission=h.admission, discharge=h.discharge, for_sle_activity=h.for_sle_activity,
                          indication=h.indication)
        for h in d.hospitalisations
    )
    subject.renal_replacement.extend(
        s.RenalReplacement(type=r.type, start=r.start, stop=r.stop, chronic=r.chronic) for r in d.renal_replacement
    )
    subject.events.extend(s.FlareEvent(type=e.type, date=e.date, organ=e.organ, note=e.note) for e in d.events)
    subject.adverse_events.extend(
        s.AdverseEvent(term=a.term, onset=a.onset, end=a.end, grade=a.grade, serious=a.serious,
                       related_product=a.related_product, related_infusion=a.related_infusion, outcome=a.outcome,
                       **_ae_columns(details))
        for a, details in zip(d.adverse_events, ae_details, strict=True)
    )


def _visit_row(v: Visit) -> s.Visit:
    row = s.Visit(
        code=v.code, date=v.date, missed=v.missed, missed_reason=v.reason, weight_kg=v.weight_kg,
        pga_tenths=v.pga_tenths, sediment_inactive=v.sediment_inactive,
        sfi_worse_thrombocytopenia=v.sfi.worse_thrombocytopenia,
        **{col: v.sfi.organ_new_worse.get(organ) for organ, col in SFI_COLUMNS.items()},
        **{col: getattr(v.lldas, q) for q, col in LLDAS_COLUMNS.items()},
    )
    row.labs.extend(lab_rows(v.labs, v.labs_not_attributable))
    if v.sledai:
        row.sledai = s.SledaiForm(**v.sledai)
    if v.bilag:
        row.bilag = s.BilagForm(**v.bilag)
    return row


def lab_rows(labs: Labs, not_attributable: Iterable[str] = ()) -> list[s.LabValue]:
    """Lab rows for canonical values (value and unit as typed = the canonical ones), one per key."""
    flagged = set(not_attributable)
    rows = []
    for key in vocab.LAB_KEYS:
        value = getattr(labs, key)
        if value is None:
            if key in flagged:
                rows.append(s.LabValue(key=key, not_attributable=True))
            continue
        if key == "urine_casts":
            text = ",".join(value)
            rows.append(s.LabValue(key=key, original_value=text or "none", original_unit=CANONICAL_UNITS[key],
                                   canonical_text=text, not_attributable=key in flagged))
        else:
            rows.append(s.LabValue(key=key, original_value=repr(float(value)), original_unit=CANONICAL_UNITS[key],
                                   canonical_value=float(value), not_attributable=key in flagged))
    return rows

