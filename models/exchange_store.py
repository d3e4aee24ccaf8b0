"""Study data as plain rows for the exchange formats (exchange/): read in subject chunks, written back in one
audited transaction.

    for chunk in iter_subject_rows(db, subject_ids, chunk_size=200):   # a few queries per chunk
        for subject in chunk: subject.subject, subject.logs["infusions"], subject.visits[0].labs ...
    trail = load_trail(db, ["LN-01"])                                    # audit, signatures, queries
    import_subject_rows(db, subjects, user="jkim", reason=None, replace=False)

A row is a dict of column name -> value, exactly the columns of the table (ids and foreign keys included on
reading, ignored on writing). `SUBJECT_LOGS` and `VISIT_LOGS` name the tables that travel, in form order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import schema as s
from models.database import Database
from models.errors import ImportRefused
from models.security import Actor

# Subject-level repeating tables that travel: table name -> ORM class (relationship name on Subject).
SUBJECT_LOGS: dict[str, tuple[type[s.Base], str]] = {
    "status_history": (s.StatusChange, "status_history"),
    "infusions": (s.Infusion, "infusions"),
    "schedule_changes": (s.ScheduleChange, "schedule_changes"),
    "steroids": (s.SteroidRow, "steroids"),
    "medications": (s.Medication, "medications"),
    "hospitalisations": (s.Hospitalisation, "hospitalisations"),
    "renal_replacement": (s.RenalReplacement, "renal_replacement"),
    "flare_events": (s.FlareEvent, "events"),
    "adverse_events": (s.AdverseEvent, "adverse_events"),
}
# Visit-level repeating tables that travel: table name -> ORM class (relationship name on Visit).
VISIT_LOGS: dict[str, tuple[type[s.Base], str]] = {
    "lab_values": (s.LabValue, "labs"),
    "visit_not_done": (s.VisitNotDone, "not_done"),
    "soft_limit_confirmations": (s.SoftLimitConfirmation, "confirmations"),
}
VISIT_FORMS: dict[str, tuple[type[s.Base], str]] = {
    "sledai_forms": (s.SledaiForm, "sledai"),
    "bilag_forms": (s.BilagForm, "bilag"),
}
KEY_COLUMNS = frozenset({"id", "subject_pk", "visit_id", "row_version"})


@dataclass
class VisitRows:
    """One visit row with its labs, not-done marks, confirmations and one-per-visit forms (SLEDAI, BILAG)."""

    row: dict[str, Any]
    logs: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    forms: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class SubjectRows:
    """One subject's registry row, subject-level logs and visits."""

    subject: dict[str, Any]
    logs: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    visits: list[VisitRows] = field(default_factory=list)


@dataclass(frozen=True)
class AuditStamp:
    """Who changed a value, when (UTC text) and why; `audit_id` is the audit_log row."""

    audit_id: int
    user: str
    at_utc: str
    reason: str | None


@dataclass
class SubjectTrail:
    """The audit stamps of one subject's values, its valid signatures and its queries."""

    # (table, record id, column) -> latest update; (table, record id, None) -> the insert
    stamps: dict[tuple[str, int, str | None], AuditStamp] = field(default_factory=dict)
    signatures: list[dict[str, Any]] = field(default_factory=list)
    queries: list[tuple[dict[str, Any], list[dict[str, Any]]]] = field(default_factory=list)

    def stamp(self, table: str, record_id: int, column: str) -> AuditStamp | None:
        """The latest change of one value: its last update, else the insert of its row."""
        return self.stamps.get((table, record_id, column)) or self.stamps.get((table, record_id, None))


def columns_of(model: type[s.Base]) -> tuple[str, ...]:
    """The stored columns of a table, in schema order, without ids and foreign keys."""
    return tuple(c.name for c in model.__table__.columns if c.name not in KEY_COLUMNS)


def subject_ids(db: Database) -> list[str]:
    """Every subject ID, sorted."""
    with db.read() as session:
        return list(session.scalars(select(s.Subject.subject_id).order_by(s.Subject.subject_id)))


def iter_subject_rows(db: Database, ids: Sequence[str], chunk_size: int = 200) -> Iterator[list[SubjectRows]]:
    """The rows of the given subjects (in the given order), `chunk_size` subjects per read."""
    for start in range(0, len(ids), chunk_size):
        chunk = list(ids[start:start + chunk_size])
        with db.read() as session:
            yield _read_chunk(session, chunk)


def _rows(session: Session, table: Table, column: str, keys: list[int]) -> dict[int, list[dict[str, Any]]]:
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if not keys:
        return grouped
    query = select(table).where(table.c[column].in_(keys)).order_by(table.c.id)
    for row in session.execute(query).mappings():
        grouped[row[column]].append(dict(row))
    return grouped


def _read_chunk(session: Session, ids: list[str]) -> list[SubjectRows]:
    subjects_t = s.Subject.__table__
    found = {r["subject_id"]: dict(r) for r in session.execute(
        select(subjects_t).where(subjects_t.c.subject_id.in_(ids))).mappings()}
    pks = [row["id"] for row in found.values()]
    logs = {name: _rows(session, model.__table__, "subject_pk", pks) for name, (model, _) in SUBJECT_LOGS.items()}
    visits = _rows(session, s.Visit.__table__, "subject_pk", pks)
    visit_ids = [v["id"] for rows in visits.values() for v in rows]
    visit_logs = {name: _rows(session, model.__table__, "visit_id", visit_ids)
                  for name, (model, _) in VISIT_LOGS.items()}
    forms = {name: _rows(session, model.__table__, "visit_id", visit_ids)
             for name, (model, _) in VISIT_FORMS.items()}
    out = []
    for subject_id in ids:
        row = found.get(subject_id)
        if row is None:
            continue
        pk = row["id"]
        out.append(SubjectRows(
            subject=row,
            logs={name: grouped.get(pk, []) for name, grouped in logs.items()},
            visits=[VisitRows(
                row=v,
                logs={name: grouped.get(v["id"], []) for name, grouped in visit_logs.items()},
                forms={name: grouped[v["id"]][0] for name, grouped in forms.items() if grouped.get(v["id"])},
            ) for v in visits.get(pk, [])],
        ))
    return out


def load_trail(db: Database, ids: Sequence[str]) -> dict[str, SubjectTrail]:
    """Audit stamps, valid signatures and query threads of the given subjects."""
    trails: dict[str, SubjectTrail] = {subject_id: SubjectTrail() for subject_id in ids}
    if not trails:
        return trails
    a = s.AuditEntry.__table__
    query = (select(a.c.id, a.c.subject_id, a.c.table_name, a.c.record_id, a.c.field, a.c.action, a.c.user,
                    a.c.at_utc, a.c.reason)
             .where(a.c.subject_id.in_(list(ids)), a.c.action != "delete").order_by(a.c.id))
    with db.read() as session:
        for audit_id, subject_id, table, record_id, column, _action, user, at_utc, reason in session.execute(query):
            trails[subject_id].stamps[(table, record_id, column)] = AuditStamp(audit_id, user, at_utc, reason)
        sig = s.SignatureRow.__table__
        for row in session.execute(select(sig).where(sig.c.subject_id.in_(list(ids)),
                                                     sig.c.invalidated_at_utc.is_(None)).order_by(sig.c.id)).mappings():
            trails[row["subject_id"]].signatures.append(dict(row))
        q = s.QueryRow.__table__
        queries = session.execute(select(q).where(q.c.subject_id.in_(list(ids))).order_by(q.c.id)).mappings().all()
        messages = _rows(session, s.QueryMessage.__table__, "query_id", [row["id"] for row in queries])
        for row in queries:
            trails[row["subject_id"]].queries.append((dict(row), messages.get(row["id"], [])))
    return trails


def audit_users(db: Database) -> list[str]:
    """Every name that appears in the audit trail, on a signature or in a query thread, sorted."""
    with db.read() as session:
        names = set(session.scalars(select(s.AuditEntry.user).distinct()))
        names |= set(session.scalars(select(s.SignatureRow.signer_username).distinct()))
        names |= set(session.scalars(select(s.QueryMessage.author).distinct()))
    return sorted(names)


def signature_meanings(db: Database) -> list[str]:
    """The meanings of the valid signatures, sorted."""
    with db.read() as session:
        return sorted(set(session.scalars(select(s.SignatureRow.meaning)
                                          .where(s.SignatureRow.invalidated_at_utc.is_(None)).distinct())))


def account_names(db: Database) -> dict[str, str]:
    """Login -> full name of every user account."""
    with db.read() as session:
        return dict(session.execute(select(s.UserAccount.username, s.UserAccount.full_name)).all())


def first_stored_utc(db: Database) -> str:
    """When the study configuration was first stored (the database's creation), UTC text."""
    with db.read() as session:
        return session.scalars(select(s.StudyConfigRow.stored_at_utc).order_by(s.StudyConfigRow.id).limit(1)).one()


# ---------------------------------------------------------------------------------------------------------------
# Writing


def import_subject_rows(db: Database, subjects: Sequence[SubjectRows], *, user: Actor | str, reason: str | None,
                        replace: bool) -> list[str]:
    """Write subjects in one audited transaction; returns their IDs. A subject ID that exists is refused
    (ImportRefused, nothing written) unless `replace`: then its record and every row below it are replaced."""
    ids = [subject.subject["subject_id"] for subject in subjects]
    if len(set(ids)) != len(ids):
        raise ImportRefused("The file holds the same subject ID twice; nothing was imported.")
    try:
        with db.write(user, reason) as uow:
            _write_subjects(uow.session, subjects, ids, replace)
    except IntegrityError as exc:
        raise ImportRefused(f"The subjects cannot be stored ({exc.orig}); nothing was imported.") from None
    return ids


def _write_subjects(session: Session, subjects: Sequence[SubjectRows], ids: list[str], replace: bool) -> None:
    existing = {row.subject_id: row for row in session.scalars(select(s.Subject).where(s.Subject.subject_id.in_(ids)))}
    if existing and not replace:
        shown = ", ".join(sorted(existing)[:10])
        raise ImportRefused(f"{len(existing)} subject(s) already exist in the database ({shown}); nothing was "
                            "imported (use --replace with a --reason to replace them).")
    for row in existing.values():
        session.delete(row)
    session.flush()  # deletes first: the new rows reuse the same subject IDs
    for subject in subjects:
        session.add(_subject_row(subject))
    session.flush()


def _build(model: type[s.Base], row: dict[str, Any]) -> Any:
    return model(**{name: value for name, value in row.items() if name not in KEY_COLUMNS})


def _subject_row(subject: SubjectRows) -> s.Subject:
    row = _build(s.Subject, subject.subject)
    for name, (model, relation) in SUBJECT_LOGS.items():
        getattr(row, relation).extend(_build(model, r) for r in subject.logs.get(name, ()))
    for visit in subject.visits:
        visit_row = _build(s.Visit, visit.row)
        for name, (model, relation) in VISIT_LOGS.items():
            getattr(visit_row, relation).extend(_build(model, r) for r in visit.logs.get(name, ()))
        for name, (model, relation) in VISIT_FORMS.items():
            if name in visit.forms:
                setattr(visit_row, relation, _build(model, visit.forms[name]))
        row.visits.append(visit_row)
    return row



# ---------------------------------------------------------------------------------------------------------------
# Laboratory results


@dataclass(frozen=True)
class LabWrite:
    """One lab value to store: into the visit `visit_id`, or into a new unscheduled visit on `collected`."""

    subject_id: str
    visit_id: int | None
    collected: date
    key: str
    value_text: str
    unit_code: str
    canonical: float
    unusual: str | None = None  # the soft edit check's message: applying confirms the value from the source


def subjects_by_key(db: Database, keys: set[str]) -> list[str]:
    """IDs of the subjects whose ID or screening number is one of `keys`."""
    if not keys:
        return []
    t = s.Subject.__table__
    with db.read() as session:
        return list(session.scalars(select(t.c.subject_id).where(
            t.c.subject_id.in_(list(keys)) | t.c.screening_number.in_(list(keys)))))


def write_lab_values(db: Database, writes: Sequence[LabWrite], *, user: Actor | str, reason: str | None) -> int:
    """Store lab values in one audited transaction (a changed value needs `reason`); returns how many.

    Values for the same subject and collection date without a visit share one new unscheduled visit. An unusual
    value is stored with its confirmation (as the visit form does), and each visit's entry status is brought up
    to date (models.visit_store).
    """
    from models.visit_store import COMPLETE, INCOMPLETE, entry_of, missing_fields

    stamp = s.utc_timestamp(db.clock())
    with db.write(user, reason) as uow:
        session = uow.session
        subjects = {row.subject_id: row for row in session.scalars(
            select(s.Subject).where(s.Subject.subject_id.in_({w.subject_id for w in writes})))}
        new_visits: dict[tuple[str, date], s.Visit] = {}
        touched: dict[int, s.Visit] = {}
        for write in writes:
            subject = subjects[write.subject_id]
            if write.visit_id is None:
                visit = new_visits.get((write.subject_id, write.collected))
                if visit is None:
                    visit = s.Visit(code="UNS", date=write.collected, missed=False, entry_status="complete")
                    subject.visits.append(visit)
                    new_visits[(write.subject_id, write.collected)] = visit
            else:
                visit = next(v for v in subject.visits if v.id == write.visit_id)
            lab = next((row for row in visit.labs if row.key == write.key), None)
            if lab is None:
                lab = s.LabValue(key=write.key, not_attributable=False)
                visit.labs.append(lab)
            lab.original_value = write.value_text
            lab.original_unit = write.unit_code
            lab.canonical_value = write.canonical
            if write.unusual is not None:
                visit.confirmations.append(s.SoftLimitConfirmation(
                    field=write.key, value_text=write.value_text, message=write.unusual, confirmed_by=uow.user,
                    confirmed_at_utc=stamp))
            touched[id(visit)] = visit
        for visit in touched.values():
            if visit.entry_status is not None:
                status = INCOMPLETE if missing_fields(entry_of(visit)) else COMPLETE
                if status != visit.entry_status:
                    visit.entry_status = status
        session.flush()
    return len(writes)
