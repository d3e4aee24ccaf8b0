"""The one aggregated read behind the status ladder: every fact `endpoints.visit_ladder` needs, for all subjects or
a subset, in a fixed number of statements (one per table, never one per subject or cell).

    facts = load_status_facts(db)                      # list[SubjectFacts], by subject ID
    statuses = study_status(facts, as_of, db.config.params)
    grid = load_study_status(db, as_of)                # the same in one call

Form keys follow models.write_scope (what queries and SDV marks on a visit name): a lab key, a vital sign,
"pga", "sledai.<descriptor>", "bilag.<domain>", "lldas.<question>"; they match `visit_store.answered_keys` of the
loaded visit (tests/models/test_status_store.py checks it on the demo database).
"""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from functools import cache, reduce
from typing import Any

from sqlalchemy import Select, String, Table, case, cast, func, literal, or_, select, type_coerce
from sqlalchemy.orm import Session

from endpoints import record_checks, vocab
from endpoints.visit_ladder import (
    LOG_DATE_FIELD,
    LogFacts,
    QueryFacts,
    SubjectFacts,
    SubjectStatus,
    VisitFacts,
    study_status,
)
from endpoints.visit_status import InfusionDates
from models import schema as s
from models.database import Database
from models.dossier_store import LLDAS_COLUMNS, gc_paused
from models.visit_store import VITAL_COLUMNS

LOG_MODELS: dict[str, type[s.Base]] = {
    "steroids": s.SteroidRow, "medications": s.Medication, "adverse_events": s.AdverseEvent,
}


def _by_subject(query: Select[Any], table: Table, pks: list[int] | None, session: Session) -> Sequence[Any]:
    if pks is not None:
        query = query.where(table.c.subject_pk.in_(pks))
    return session.execute(query.order_by(table.c.id)).all()


def _by_visit(query: Select[Any], table: Table, pks: list[int] | None, session: Session) -> Sequence[Any]:
    if pks is not None:
        visits = s.Visit.__table__
        query = query.where(table.c.visit_id.in_(select(visits.c.id).where(visits.c.subject_pk.in_(pks))))
    return session.execute(query).all()


@cache
def _answered_expression() -> Any:
    """SQL text "key1,key2,..." of the form keys holding a value in a visit row joined with its SLEDAI-2K and
    BILAG rows (vital signs, pga, LLDAS, "sledai.<descriptor>", "bilag.<domain>"); built once."""
    v, sledai, bilag = s.Visit.__table__, s.SledaiForm.__table__, s.BilagForm.__table__
    columns = {**{name: v.c[name] for name in VITAL_COLUMNS}, "pga": v.c.pga_tenths,
               **{f"lldas.{q}": v.c[c] for q, c in LLDAS_COLUMNS.items()},
               **{f"sledai.{k}": sledai.c[k] for k in vocab.SLEDAI_KEYS},
               **{f"bilag.{d}": bilag.c[d] for d in vocab.BILAG_DOMAINS}}
    parts = [case((column.is_not(None), literal(f"{key},")), else_=literal("")) for key, column in columns.items()]
    return reduce(operator.add, parts)


def _day(value: str | date | None) -> date | None:
    """A date read as ISO text (SQLite, fast) or as a date (a PostgreSQL server)."""
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(value)


def _visits(session: Session, pks: list[int] | None, subject_ids: list[str] | None,
            locked_visits: set[int]) -> dict[int, list[VisitFacts]]:
    """Every visit with its answered form keys (one row per visit: vital signs, pga and LLDAS from the visit,
    SLEDAI-2K and BILAG joined, labs as a grouped sub-select), not-done items, SDV marks, signature and lock."""
    v, sledai, bilag, labs = (s.Visit.__table__, s.SledaiForm.__table__, s.BilagForm.__table__,
                              s.LabValue.__table__)
    has_value = ((labs.c.key == "urine_casts") & labs.c.canonical_text.is_not(None)) | \
        ((labs.c.key != "urine_casts") & labs.c.canonical_value.is_not(None))
    server = session.get_bind().dialect.name == "postgresql"
    keys = func.string_agg(labs.c.key, ",") if server else func.group_concat(labs.c.key)
    lab_keys = select(keys).where(labs.c.visit_id == v.c.id, has_value).scalar_subquery()
    day = type_coerce(v.c.date, String)  # parsed below with date.fromisoformat (faster than the Date type)
    query = (select(v.c.id, v.c.subject_pk, v.c.code, day, v.c.missed, _answered_expression(), lab_keys)
             .select_from(v.outerjoin(sledai, sledai.c.visit_id == v.c.id)
                          .outerjoin(bilag, bilag.c.visit_id == v.c.id)))
    not_done: dict[int, set[str]] = defaultdict(set)
    nd = s.VisitNotDone.__table__
    for visit_id, name in _by_visit(select(nd.c.visit_id, nd.c.field), nd, pks, session):
        not_done[visit_id].add(name)
    verified: dict[int, set[str]] = defaultdict(set)
    sdv = s.SdvMark.__table__
    marks = select(sdv.c.record_id, sdv.c.field).where(sdv.c.table_name == "visits")
    if subject_ids is not None:
        marks = marks.where(sdv.c.subject_id.in_(subject_ids))
    for visit_id, name in session.execute(marks):
        verified[visit_id].add(name)
    sig = s.SignatureRow.__table__
    signatures = select(sig.c.visit_id).where(sig.c.invalidated_at_utc.is_(None), sig.c.visit_id.is_not(None))
    if subject_ids is not None:
        signatures = signatures.where(sig.c.subject_id.in_(subject_ids))
    signed = set(session.scalars(signatures))
    out: dict[int, list[VisitFacts]] = defaultdict(list)
    patterns: dict[tuple[str | None, str | None], frozenset[str]] = {}  # visits mostly share a few key sets
    for visit_id, subject_pk, code, when, missed, answered, lab_text in _by_subject(query, v, pks, session):
        keys = patterns.get((answered, lab_text))
        if keys is None:
            keys = patterns[answered, lab_text] = frozenset(
                (answered.split(",")[:-1] if answered else []) + (lab_text.split(",") if lab_text else []))
        out[subject_pk].append(VisitFacts(
            record_id=visit_id, code=code, date=_day(when), missed=bool(missed),
            answered=keys,
            not_done=frozenset(not_done.get(visit_id, ())), verified=frozenset(verified.get(visit_id, ())),
            signed=visit_id in signed, locked=visit_id in locked_visits))
    return out


def _locks(session: Session) -> tuple[bool, set[str], set[int]]:
    """(a database lock in force, subjects locked, visits locked)."""
    rows = session.execute(select(s.LockRow.scope, s.LockRow.subject_id, s.LockRow.visit_id)
                           .where(s.LockRow.unlocked_at_utc.is_(None))).all()
    return (any(r.scope == "database" for r in rows), {r.subject_id for r in rows if r.scope == "subject"},
            {r.visit_id for r in rows if r.scope == "visit"})


def _queries(session: Session, subject_ids: list[str] | None) -> dict[str, list[QueryFacts]]:
    q = s.QueryRow.__table__
    query = select(q.c.subject_id, q.c.table_name, q.c.record_id, q.c.status, q.c.raised_at_utc).order_by(q.c.id)
    if subject_ids is not None:
        query = query.where(q.c.subject_id.in_(subject_ids))
    out: dict[str, list[QueryFacts]] = defaultdict(list)
    for subject_id, table, record_id, status, raised in session.execute(query):
        out[subject_id].append(QueryFacts(table, record_id, status, date.fromisoformat(raised[:10])))
    return out


def _logs(session: Session, pks: list[int] | None) -> dict[int, dict[str, LogFacts]]:
    """Per subject and log: the row count and latest date (grouped), and the rows with an empty required field."""
    out: dict[int, dict[str, LogFacts]] = defaultdict(dict)
    for log, model in LOG_MODELS.items():
        table = model.__table__
        when = table.c[LOG_DATE_FIELD[log]]
        grouped = select(table.c.subject_pk, func.count(), func.max(type_coerce(when, String))) \
            .group_by(table.c.subject_pk)
        if pks is not None:
            grouped = grouped.where(table.c.subject_pk.in_(pks))
        names = record_checks.REQUIRED[log]
        empty = or_(*(table.c[n].is_(None) | (func.trim(cast(table.c[n], String)) == "") for n in names))
        suspects: dict[int, list[dict[str, Any]]] = defaultdict(list)
        query = select(table.c.subject_pk, *(table.c[n] for n in names)).where(empty)
        for subject_pk, *values in _by_subject(query, table, pks, session):
            suspects[subject_pk].append(dict(zip(names, values, strict=True)))
        for subject_pk, count, latest in session.execute(grouped):
            out[subject_pk][log] = LogFacts(count, _day(latest),
                                            tuple(suspects.get(subject_pk, ())))
    return out


def _last_change(session: Session, subject_ids: list[str] | None) -> dict[str, str]:
    """The time of each subject's latest audit row: one index look-up per subject inside one statement on SQLite;
    on PostgreSQL, which plans that look-up as a walk of the whole trail per subject, one grouped pass."""
    a = s.AuditEntry
    if session.get_bind().dialect.name == "postgresql":
        grouped = select(a.subject_id, func.max(a.id).label("last")).group_by(a.subject_id)
        if subject_ids is not None:
            grouped = grouped.where(a.subject_id.in_(subject_ids))
        last = grouped.subquery()
        query = (select(s.Subject.subject_id, a.at_utc).join(last, last.c.subject_id == s.Subject.subject_id)
                 .join(a, a.id == last.c.last))
        return {subject_id: when for subject_id, when in session.execute(query) if when is not None}
    latest = select(func.max(a.id)).where(a.subject_id == s.Subject.subject_id).correlate(s.Subject).scalar_subquery()
    at = select(a.at_utc).where(a.id == latest).scalar_subquery()
    query = select(s.Subject.subject_id, at)
    if subject_ids is not None:
        query = query.where(s.Subject.subject_id.in_(subject_ids))
    return {subject_id: when for subject_id, when in session.execute(query) if when is not None}


def load_status_facts(db: Database, subject_ids: Sequence[str] | None = None) -> list[SubjectFacts]:
    """Every fact of the ladder for all subjects (or those named), by subject ID, in one read snapshot."""
    with gc_paused():
        return _load_status_facts(db, subject_ids)


def _load_status_facts(db: Database, subject_ids: Sequence[str] | None) -> list[SubjectFacts]:
    wanted = list(subject_ids) if subject_ids is not None else None
    with db.read() as session:
        t = s.Subject.__table__
        query = select(t.c.id, t.c.subject_id, t.c.subgroup, t.c.status, t.c.consent_date, t.c.withdrawal_date,
                       t.c.death_date, t.c.steroid_log_complete_through).order_by(t.c.subject_id)
        if wanted is not None:
            query = query.where(t.c.subject_id.in_(wanted))
        subjects = session.execute(query).all()
        if not subjects:
            return []
        pks = [r.id for r in subjects] if wanted is not None else None
        database_locked, locked_subjects, locked_visits = _locks(session)
        inf = s.Infusion.__table__
        infusions: dict[int, list[InfusionDates]] = defaultdict(list)
        query = select(inf.c.subject_pk, inf.c.number, inf.c.planned_date, inf.c.date, inf.c.completion)
        for subject_pk, number, planned, actual, completion in _by_subject(query, inf, pks, session):
            infusions[subject_pk].append(InfusionDates(number, planned, actual, completion))
        visits = _visits(session, pks, wanted, locked_visits)
        queries = _queries(session, wanted)
        logs = _logs(session, pks)
        changes = _last_change(session, wanted)
    return [SubjectFacts(
        subject_id=r.subject_id, subgroup=r.subgroup, status=r.status, consent_date=r.consent_date,
        withdrawal_date=r.withdrawal_date, death_date=r.death_date, infusions=tuple(infusions.get(r.id, ())),
        visits=tuple(visits.get(r.id, ())), queries=tuple(queries.get(r.subject_id, ())),
        logs=logs.get(r.id, {}),
        steroid_log_complete_through=r.steroid_log_complete_through,
        locked=database_locked or r.subject_id in locked_subjects, last_change_utc=changes.get(r.subject_id),
    ) for r in subjects]


def load_study_status(db: Database, as_of: date, subject_ids: Sequence[str] | None = None) -> list[SubjectStatus]:
    """The ladder of every subject (or those named) as of `as_of`: `load_status_facts` then `study_status`."""
    facts = load_status_facts(db, subject_ids)
    with gc_paused():
        return study_status(facts, as_of, db.config.params)

