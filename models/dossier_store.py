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
from datetime import date
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.exc import IntegrityError
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
from models.errors import ImportRefused, SubjectNotFound

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
    with _gc_paused():
        return _load_dossiers(db, as_of, subject_ids)


@contextmanager
def _gc_paused() -> Iterator[None]:
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
        children = {
            table: _rows_by(session, table.__table__, "subject_pk", pks)
            for table in (s.Infusion, s.Visit, s.SteroidRow, s.Medication, s.Hospitalisation, s.RenalReplacement,
                          s.FlareEvent, s.AdverseEvent)
        }
        visit_ids = None if pks is None else [v["id"] for rows in children[s.Visit].values() for v in rows]
        labs = _lab_rows_by_visit(session, visit_ids)
        sledai = _rows_by(session, s.SledaiForm.__table__, "visit_id", visit_ids)
        bilag = _rows_by(session, s.BilagForm.__table__, "visit_id", visit_ids)
    out = []
    for row in subjects:
        pk = row["id"]
        visits = tuple(
            _visit(v, labs.get(v["id"], []), sledai.get(v["id"], []), bilag.get(v["id"], []))
            for v in children[s.Visit].get(pk, [])
        )
        out.append(Dossier(
            as_of=as_of,
            subject=_subject(row),
            steroid_log_complete_through=row["steroid_log_complete_through"],
            infusions=tuple(_infusion(r) for r in children[s.Infusion].get(pk, [])),
            visits=visits,
            steroids=tuple(_steroid(r) for r in children[s.SteroidRow].get(pk, [])),
            medications=tuple(_medication(r) for r in children[s.Medication].get(pk, [])),
            hospitalisations=tuple(_hospitalisation(r) for r in children[s.Hospitalisation].get(pk, [])),
            renal_replacement=tuple(_renal(r) for r in children[s.RenalReplacement].get(pk, [])),
            events=tuple(_event(r) for r in children[s.FlareEvent].get(pk, [])),
            adverse_events=tuple(_adverse_event(r) for r in children[s.AdverseEvent].get(pk, [])),
            extensions=_extensions(row, children[s.AdverseEvent].get(pk, [])),
        ))
    return out


def subject_change_marks(db: Database) -> dict[str, int]:
    """Every subject ID with the id of its latest audit row (0 if none), in one query.

    Every audited write of a subject's data raises its mark, so a caller can keep per-subject evaluations
    and reload only the subjects whose mark moved (the study dashboard does).
    """
    latest = func.coalesce(func.max(s.AuditEntry.id), 0)
    query = (select(s.Subject.subject_id, latest)
             .outerjoin(s.AuditEntry, s.AuditEntry.subject_id == s.Subject.subject_id)
             .group_by(s.Subject.subject_id))
    with db.read() as session:
        return {subject_id: int(mark) for subject_id, mark in session.execute(query)}


def _rows_by(session: Session, table: Table, key: str, ids: list[int] | None) -> dict[int, list[dict[str, Any]]]:
    """Rows of a table as plain dicts grouped by `key`, in id order, fetched in one go."""
    query = select(table).order_by(table.c.id)
    if ids is not None:
        if not ids:
            return {}
        query = query.where(table.c[key].in_(ids))
    result = session.execute(query)
    names = tuple(result.keys())
    at = names.index(key)
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in result.all():
        grouped[row[at]].append(dict(zip(names, row, strict=True)))
    return grouped


def _lab_rows_by_visit(session: Session, visit_ids: list[int] | None) -> dict[int, list[Any]]:
    """(key, canonical value, canonical text, not attributable) of every lab row, grouped by visit, in id order."""
    t = s.LabValue.__table__
    query = select(t.c.visit_id, t.c.key, t.c.canonical_value, t.c.canonical_text, t.c.not_attributable)
    query = query.order_by(t.c.id)
    if visit_ids is not None:
        if not visit_ids:
            return {}
        query = query.where(t.c.visit_id.in_(visit_ids))
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in session.execute(query).all():
        grouped[row[0]].append(row)
    return grouped


def _subject(row: Any) -> Subject:
    return Subject(
        id=row["subject_id"], subgroup=row["subgroup"], sex=row["sex"], birth_date=row["birth_date"],
        status=row["status"], consent_date=row["consent_date"], withdrawal_date=row["withdrawal_date"],
        death_date=row["death_date"], initials=row["initials"], weight_kg=row["weight_kg"],
    )


def _extensions(row: Any, adverse_events: list[Any]) -> dict[str, Any]:
    extensions = json.loads(row["extensions_json"]) if row["extensions_json"] else {}
    registry = {name: row[name] for name in REGISTRY_FIELDS if row[name] is not None}
    if registry:
        extensions[REGISTRY_EXTENSION] = registry
    details = [_ae_details(r) for r in adverse_events]
    if any(details):
        extensions[AE_EXTENSION] = details
    return extensions


def _ae_details(r: Any) -> dict[str, Any]:
    """Action taken and SAE criteria of one adverse event (only what is recorded)."""
    details: dict[str, Any] = {}
    if r["action_taken"] is not None:
        details["action_taken"] = r["action_taken"]
    criteria = [name for name, column in AE_SAE_COLUMNS.items() if r[column]]
    if criteria or any(r[column] is not None for column in AE_SAE_COLUMNS.values()):
        details["sae_criteria"] = criteria
    return details


def _infusion(r: Any) -> Infusion:
    return Infusion(number=r["number"], planned_date=r["planned_date"], date=r["date"], weight_kg=r["weight_kg"],
                    dose_cells=r["dose_cells"], completion=r["completion"])


def _visit(v: Any, lab_rows: list[Any], sledai_rows: list[Any], bilag_rows: list[Any]) -> Visit:
    lab_values: dict[str, Any] = {}
    not_attributable = set()
    for _, key, value, text, flagged in lab_rows:
        if key == "urine_casts":
            if text is not None:
                lab_values["urine_casts"] = tuple(t for t in text.split(",") if t)
        elif value is not None:
            lab_values[key] = value
        if flagged:
            not_attributable.add(key)
    sledai = {k: sledai_rows[0][k] for k in vocab.SLEDAI_KEYS if sledai_rows and sledai_rows[0][k] is not None}
    bilag = {k: bilag_rows[0][k] for k in vocab.BILAG_DOMAINS if bilag_rows and bilag_rows[0][k] is not None}
    organs = {organ: v[col] for organ, col in SFI_COLUMNS.items() if v[col] is not None}
    return Visit(
        code=v["code"], date=v["date"], missed=bool(v["missed"]), reason=v["missed_reason"],
        weight_kg=v["weight_kg"], labs=Labs(**lab_values),
        labs_not_attributable=tuple(k for k in vocab.LAB_KEYS if k in not_attributable),
        sledai=sledai, pga_tenths=v["pga_tenths"], bilag=bilag,
        sfi=SfiForm(organ_new_worse=organs, worse_thrombocytopenia=v["sfi_worse_thrombocytopenia"]),
        lldas=LldasForm(**{q: v[col] for q, col in LLDAS_COLUMNS.items()}),
        sediment_inactive=v["sediment_inactive"],
    )


def _steroid(r: Any) -> SteroidRow:
    return SteroidRow(drug=r["drug"], route=r["route"], mg_per_dose=r["mg_per_dose"], start=r["start"],
                      stop=r["stop"], doses_per_day=r["doses_per_day"], indication=r["indication"])


def _medication(r: Any) -> Medication:
    return Medication(name=r["name"], agent_class=r["agent_class"], start=r["start"], stop=r["stop"],
                      rescue=r["rescue"], indication=r["indication"], for_sle_activity=r["for_sle_activity"],
                      investigational=r["investigational"])


def _hospitalisation(r: Any) -> Hospitalisation:
    return Hospitalisation(admission=r["admission"], discharge=r["discharge"],
                           for_sle_activity=r["for_sle_activity"], indication=r["indication"])


def _renal(r: Any) -> RenalReplacement:
    return RenalReplacement(type=r["type"], start=r["start"], stop=r["stop"], chronic=r["chronic"])


def _event(r: Any) -> FlareEvent:
    return FlareEvent(type=r["type"], date=r["date"], organ=r["organ"], note=r["note"])


def _adverse_event(r: Any) -> AdverseEvent:
    return AdverseEvent(term=r["term"], onset=r["onset"], end=r["end"], grade=r["grade"], serious=r["serious"],
                        related_product=r["related_product"], related_infusion=r["related_infusion"],
                        outcome=r["outcome"])


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
            if subject is None:
                subject = s.Subject()
                session.add(subject)
            else:
                _delete_clinical_rows(session, subject)
                session.flush()  # deletes first: the new rows reuse the same visit codes and infusion numbers
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
    except IntegrityError as exc:
        raise ImportRefused(f"Subject {dossier.subject.id} cannot be stored: {exc.orig}") from None


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
    for collection in (subject.infusions, subject.visits, subject.steroids, subject.medications,
                       subject.hospitalisations, subject.renal_replacement, subject.events, subject.adverse_events):
        for row in list(collection):
            session.delete(row)
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

