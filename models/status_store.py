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

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, Table, func, select
from sqlalchemy.orm import Session

from endpoints import record_checks, vocab
from endpoints.visit_ladder import LOGS, QueryFacts, SubjectFacts, SubjectStatus, VisitFacts, study_status
from endpoints.visit_status import InfusionDates
from models import schema as s
from models.database import Database
from models.dossier_store import LLDAS_COLUMNS
from models.visit_store import VITAL_COLUMNS

LOG_MODELS: dict[str, type[s.Base]] = {
    "steroids": s.SteroidRow, "medications": s.Medication, "adverse_events": s.AdverseEvent,
}
_LOG_FIELDS = {log: tuple(dict.fromkeys((*record_checks.REQUIRED[log], "start" if log != "adverse_events"
                                         else "onset"))) for log in LOGS}


def _by_subject(query: Select[Any], table: Table, pks: list[int] | None, session: Session) -> Sequence[Any]:
    if pks is not None:
        query = query.where(table.c.subject_pk.in_(pks))
    return session.execute(query.order_by(table.c.id)).all()


def _by_visit(query: Select[Any], table: Table, pks: list[int] | None, session: Session) -> Sequence[Any]:
    if pks is not None:
        visits = s.Visit.__table__
        query = query.where(table.c.visit_id.in_(select(visits.c.id).where(visits.c.subject_pk.in_(pks))))
    return session.execute(query).all()


def _answered_by_visit(session: Session, pks: list[int] | None) -> dict[int, set[str]]:
    """Form keys holding a value, by visit id: vital signs, pga, LLDAS, labs, SLEDAI-2K and BILAG."""
    answered: dict[int, set[str]] = defaultdict(set)
    v = s.Visit.__table__
    simple = {**{name: name for name in VITAL_COLUMNS}, "pga": "pga_tenths",
              **{f"lldas.{q}": c for q, c in LLDAS_COLUMNS.items()}}
    query = select(v.c.id, *(v.c[c] for c in simple.values()))
    for visit_id, *values in _by_subject(query, v, pks, session):
        answered[visit_id].update(k for k, value in zip(simple, values, strict=True) if value is not None)
    labs = s.LabValue.__table__
    has_value = ((labs.c.key == "urine_casts") & labs.c.canonical_text.is_not(None)) | \
        ((labs.c.key != "urine_casts") & labs.c.canonical_value.is_not(None))
    for visit_id, key in _by_visit(select(labs.c.visit_id, labs.c.key).where(has_value), labs, pks, session):
        answered[visit_id].add(key)
    for table, prefix, keys in ((s.SledaiForm.__table__, "sledai", vocab.SLEDAI_KEYS),
                                (s.BilagForm.__table__, "bilag", vocab.BILAG_DOMAINS)):
        for visit_id, *values in _by_visit(select(table.c.visit_id, *(table.c[k] for k in keys)), table, pks,
                                           session):
            answered[visit_id].update(f"{prefix}.{k}" for k, value in zip(keys, values, strict=True)
                                      if value is not None)
    return answered


def _visits(session: Session, pks: list[int] | None, subject_ids: list[str] | None,
            locked_visits: set[int]) -> dict[int, list[VisitFacts]]:
    answered = _answered_by_visit(session, pks)
    not_done: dict[int, set[str]] = defaultdict(set)
    nd = s.VisitNotDone.__table__
    for visit_id, name in _by_visit(select(nd.c.visit_id, nd.c.field), nd, pks, session):
        not_done[visit_id].add(name)
    verified: dict[int, set[str]] = defaultdict(set)
    sdv = s.SdvMark.__table__
    query = select(sdv.c.record_id, sdv.c.field).where(sdv.c.table_name == "visits")
    if subject_ids is not None:
        query = query.where(sdv.c.subject_id.in_(subject_ids))
    for visit_id, name in session.execute(query):
        verified[visit_id].add(name)
    sig = s.SignatureRow.__table__
    query = select(sig.c.visit_id).where(sig.c.invalidated_at_utc.is_(None), sig.c.visit_id.is_not(None))
    if subject_ids is not None:
        query = query.where(sig.c.subject_id.in_(subject_ids))
    signed = set(session.scalars(query))
    v = s.Visit.__table__
    out: dict[int, list[VisitFacts]] = defaultdict(list)
    query = select(v.c.id, v.c.subject_pk, v.c.code, v.c.date, v.c.missed)
    for visit_id, subject_pk, code, when, missed in _by_subject(query, v, pks, session):
        out[subject_pk].append(VisitFacts(
            record_id=visit_id, code=code, date=when, missed=bool(missed),
            answered=frozenset(answered.get(visit_id, ())), not_done=frozenset(not_done.get(visit_id, ())),
            verified=frozenset(verified.get(visit_id, ())), signed=visit_id in signed,
            locked=visit_id in locked_visits))
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


def _log_rows(session: Session, pks: list[int] | None) -> dict[int, dict[str, list[dict[str, Any]]]]:
    out: dict[int, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for log, model in LOG_MODELS.items():
        table = model.__table__
        names = _LOG_FIELDS[log]
        for subject_pk, *values in _by_subject(select(table.c.subject_pk, *(table.c[n] for n in names)), table, pks,
                                               session):
            out[subject_pk][log].append(dict(zip(names, values, strict=True)))
    return out


def _last_change(session: Session, subject_ids: list[str] | None) -> dict[str, str]:
    """The time of each subject's latest audit row (one index look-up per subject, inside one statement)."""
    a = s.AuditEntry
    latest = select(func.max(a.id)).where(a.subject_id == s.Subject.subject_id).correlate(s.Subject).scalar_subquery()
    at = select(a.at_utc).where(a.id == latest).scalar_subquery()
    query = select(s.Subject.subject_id, at)
    if subject_ids is not None:
        query = query.where(s.Subject.subject_id.in_(subject_ids))
    return {subject_id: when for subject_id, when in session.execute(query) if when is not None}


def load_status_facts(db: Database, subject_ids: Sequence[str] | None = None) -> list[SubjectFacts]:
    """Every fact of the ladder for all subjects (or those named), by subject ID, in one read snapshot."""
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
        logs = _log_rows(session, pks)
        changes = _last_change(session, wanted)
    return [SubjectFacts(
        subject_id=r.subject_id, subgroup=r.subgroup, status=r.status, consent_date=r.consent_date,
        withdrawal_date=r.withdrawal_date, death_date=r.death_date, infusions=tuple(infusions.get(r.id, ())),
        visits=tuple(visits.get(r.id, ())), queries=tuple(queries.get(r.subject_id, ())),
        log_rows={log: tuple(rows) for log, rows in logs.get(r.id, {}).items()},
        steroid_log_complete_through=r.steroid_log_complete_through,
        locked=database_locked or r.subject_id in locked_subjects, last_change_utc=changes.get(r.subject_id),
    ) for r in subjects]


def load_study_status(db: Database, as_of: date, subject_ids: Sequence[str] | None = None) -> list[SubjectStatus]:
    """The ladder of every subject (or those named) as of `as_of`: `load_status_facts` then `study_status`."""
    return study_status(load_status_facts(db, subject_ids), as_of, db.config.params)

