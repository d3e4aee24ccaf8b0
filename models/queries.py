"""Queries and source-data verification (SDV) on single fields of single records.

The monitor raises a query on a field; coordinators and investigators answer; the monitor closes it (or
answers back, which re-opens it). The thread is kept. The monitor marks fields source-verified; a mark is
removed by the write path when its value changes or its record is deleted. Deleting a record closes the
queries still open on it, with an automatic closing message naming who deleted it and why (the query keeps
pointing at the deleted record's id, which is never given to another record, and the audit trail holds the
deleted values).

    q = raise_query(db, monitor, subject_id="LN-01", table="visits", record_id=12, field="weight_kg",
                    label="W4 weight", text="Source says 58.0 kg")
    answer_query(db, coordinator, q.query_id, "Corrected.")   # -> answered
    close_query(db, monitor, q.query_id, "Thanks.")           # -> closed
    open_queries(db)                                          # for the home screen / beside the field
    mark_verified(db, monitor, subject_id, table, record_id, field, value_text)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, selectinload

from models.concurrency import expect_version
from models.errors import ValidationError
from models.schema import Audited, QueryMessage, QueryRow, SdvMark, utc_timestamp
from models.security import Action, Actor, Category
from models.write_scope import Touched, category_of, touched_clinical, visit_form_key

MAX_MESSAGE = 4000
OPEN, ANSWERED, CLOSED = "open", "answered", "closed"
VISITS = "visits"


@dataclass(frozen=True)
class Message:
    author: str
    author_role: str
    status: str
    text: str
    at_utc: str


@dataclass(frozen=True)
class QueryInfo:
    """A query with its whole thread, oldest message first."""

    query_id: int
    subject_id: str
    table_name: str
    record_id: int
    field: str
    label: str
    status: str
    raised_by: str
    raised_at_utc: str
    messages: tuple[Message, ...]
    row_version: int | None = field(default=None, compare=False)  # as read; bookkeeping (models.concurrency)


@dataclass(frozen=True)
class SdvInfo:
    subject_id: str
    table_name: str
    record_id: int
    field: str
    value_text: str | None
    verified_by: str
    verified_at_utc: str


EMPTY_TEXT = {OPEN: "Write the question.", ANSWERED: "Write the answer.", CLOSED: "Write a closing note."}
REOPEN_EMPTY = "Write why the query is re-opened."


def _text(text: str, empty: str = EMPTY_TEXT[OPEN]) -> str:
    """The message without surrounding spaces; `empty` is the refusal when nothing is written."""
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": empty})
    if len(text) > MAX_MESSAGE:
        raise ValidationError({"text": f"At most {MAX_MESSAGE} characters (this has {len(text)})."})
    return text


def _info(row: QueryRow) -> QueryInfo:
    return QueryInfo(row.id, row.subject_id, row.table_name, row.record_id, row.field, row.label, row.status,
                     row.raised_by, row.raised_at_utc,
                     tuple(Message(m.author, m.author_role, m.status, m.text, m.at_utc) for m in row.messages),
                     row.row_version)


def raise_query(db, actor: Actor, *, subject_id: str, table: str, record_id: int, field: str, label: str,
                text: str) -> QueryInfo:
    """A new open query on one field (monitors)."""
    actor.require(Action.RAISE_QUERY)
    body = _text(text)
    now = utc_timestamp(db.clock())
    row = QueryRow(subject_id=subject_id, table_name=table, record_id=record_id, field=field, label=label[:120],
                   status=OPEN, raised_by=actor.name, raised_at_utc=now)
    row.messages.append(QueryMessage(author=actor.name, author_role=actor.role.value, status=OPEN, text=body,
                                     at_utc=now))
    with db.write(actor) as uow:
        uow.session.add(row)
    return get_query(db, row.id)


def _reply(db, actor: Actor, query_id: int, text: str, status: str, reason: str, empty: str,
           expected_version: int | None) -> QueryInfo:
    """A message changing the query's status; EditConflict when someone else replied after the thread was read at
    `expected_version` (None: nothing compared)."""
    body = _text(text, empty)
    with db.write(actor, reason) as uow:
        row = uow.session.get(QueryRow, query_id)
        if row is None:
            raise ValidationError({"query_id": "No such query."})
        expect_version(uow.session, row, expected_version)
        if row.status == CLOSED:
            raise ValidationError({"query_id": "This query is closed."})
        row.status = status
        row.messages.append(QueryMessage(author=actor.name, author_role=actor.role.value, status=status, text=body,
                                         at_utc=utc_timestamp(db.clock())))
    return get_query(db, query_id)


def answer_query(db, actor: Actor, query_id: int, text: str, expected_version: int | None = None) -> QueryInfo:
    """The site's answer (coordinators, investigators): open -> answered."""
    actor.require(Action.ANSWER_QUERY)
    return _reply(db, actor, query_id, text, ANSWERED, "query answered", EMPTY_TEXT[ANSWERED], expected_version)


def reopen_query(db, actor: Actor, query_id: int, text: str, expected_version: int | None = None) -> QueryInfo:
    """The monitor is not satisfied with the answer: answered -> open, with a message."""
    actor.require(Action.RAISE_QUERY)
    return _reply(db, actor, query_id, text, OPEN, "query re-opened", REOPEN_EMPTY, expected_version)


def close_query(db, actor: Actor, query_id: int, text: str, expected_version: int | None = None) -> QueryInfo:
    """The monitor closes the query (the thread is kept)."""
    actor.require(Action.RAISE_QUERY)
    return _reply(db, actor, query_id, text, CLOSED, "query closed", EMPTY_TEXT[CLOSED], expected_version)


def get_query(db, query_id: int) -> QueryInfo:
    with db.read() as session:
        row = session.scalars(select(QueryRow).options(selectinload(QueryRow.messages))
                              .where(QueryRow.id == query_id)).first()
        if row is None:
            raise ValidationError({"query_id": "No such query."})
        return _info(row)


def list_queries(db, *, subject_id: str | None = None, statuses: tuple[str, ...] = (OPEN, ANSWERED, CLOSED),
                 table: str | None = None, record_id: int | None = None) -> list[QueryInfo]:
    """Queries (with threads), newest first, filtered by subject, status and record."""
    query = select(QueryRow).options(selectinload(QueryRow.messages)).where(QueryRow.status.in_(statuses))
    if subject_id is not None:
        query = query.where(QueryRow.subject_id == subject_id)
    if table is not None:
        query = query.where(QueryRow.table_name == table)
    if record_id is not None:
        query = query.where(QueryRow.record_id == record_id)
    with db.read() as session:
        return [_info(r) for r in session.scalars(query.order_by(QueryRow.id.desc()))]


def open_queries(db, subject_id: str | None = None) -> list[QueryInfo]:
    """Queries waiting for the site (status open), for the home screen and beside fields."""
    return list_queries(db, subject_id=subject_id, statuses=(OPEN,))


def mark_verified(db, actor: Actor, *, subject_id: str, table: str, record_id: int, field: str,
                  value_text: str | None) -> SdvInfo:
    """Mark one field's current value source-verified (monitors)."""
    actor.require(Action.VERIFY_SOURCE)
    with db.write(actor, "source-data verification") as uow:
        old = uow.session.scalars(select(SdvMark).where(SdvMark.table_name == table, SdvMark.record_id == record_id,
                                                        SdvMark.field == field)).first()
        if old is not None:
            uow.session.delete(old)
            uow.session.flush()
        row = SdvMark(subject_id=subject_id, table_name=table, record_id=record_id, field=field,
                      value_text=value_text, verified_by=actor.name, verified_at_utc=utc_timestamp(db.clock()))
        uow.session.add(row)
    return SdvInfo(subject_id, table, record_id, field, value_text, row.verified_by, row.verified_at_utc)


def verified_fields(db, subject_id: str) -> dict[tuple[str, int, str], SdvInfo]:
    """The subject's SDV marks by (table, record id, field)."""
    with db.read() as session:
        rows = session.scalars(select(SdvMark).where(SdvMark.subject_id == subject_id))
        return {(r.table_name, r.record_id, r.field): SdvInfo(r.subject_id, r.table_name, r.record_id, r.field,
                                                              r.value_text, r.verified_by, r.verified_at_utc)
                for r in rows}


@dataclass(frozen=True)
class FieldNote:
    """What is attached to one field of one record: its queries (newest first, with threads) and its SDV mark."""

    queries: tuple[QueryInfo, ...] = ()
    sdv: SdvInfo | None = None

    def count(self, status: str) -> int:
        return sum(q.status == status for q in self.queries)


def record_notes(db, table: str, record_id: int) -> dict[str, FieldNote]:
    """The queries and SDV marks of one record by field, read in one session (three statements). For visits the
    field is the visit-form key (a mark or query made on "pga_tenths" is shown on "pga")."""
    key = visit_form_key if table == VISITS else str
    queries: dict[str, list[QueryInfo]] = {}
    marks: dict[str, SdvInfo] = {}
    with db.read() as session:
        for row in session.scalars(select(QueryRow).options(selectinload(QueryRow.messages))
                                   .where(QueryRow.table_name == table, QueryRow.record_id == record_id)
                                   .order_by(QueryRow.id.desc())):
            queries.setdefault(key(row.field), []).append(_info(row))
        for r in session.scalars(select(SdvMark).where(SdvMark.table_name == table, SdvMark.record_id == record_id)):
            marks[key(r.field)] = SdvInfo(r.subject_id, r.table_name, r.record_id, r.field, r.value_text,
                                          r.verified_by, r.verified_at_utc)
    return {name: FieldNote(tuple(queries.get(name, ())), marks.get(name)) for name in {*queries, *marks}}


def clear_changed_sdv(session: Session, _actor: Actor, _reason: str | None) -> None:
    """Write guard: a changed or deleted value loses its SDV mark (the removal is audited with the change).

    A mark on ("visits", visit id, form key) also goes when that visit-form field's value changes in a child
    table (lab_values, sledai_forms, bilag_forms, visit_not_done; see models.write_scope); a "not done" of a
    section clears the marks of its items ("sledai" -> "sledai.<descriptor>")."""
    touched = touched_clinical(session)
    if not touched.records and not touched.visit_fields:
        return
    tables = {table for table, _ in touched.records}
    visit_ids = {visit_id for visit_id, _ in touched.visit_fields}
    condition = SdvMark.table_name.in_(tables)
    if visit_ids:
        condition = or_(condition, and_(SdvMark.table_name == VISITS, SdvMark.record_id.in_(visit_ids)))
    marks = session.scalars(select(SdvMark).where(condition)).all()
    if not marks:
        return
    deleted = {(o.__tablename__, o.id) for o in session.deleted if hasattr(o, "__tablename__")}
    for mark in marks:
        key = (mark.table_name, mark.record_id)
        if (mark.table_name, mark.record_id, mark.field) in touched.fields or key in deleted \
                or (mark.table_name == VISITS and _form_field_touched(touched, mark.record_id, mark.field)):
            session.delete(mark)


def _form_field_touched(touched: Touched, visit_id: int, field: str) -> bool:
    if (visit_id, field) in touched.visit_fields or (visit_id, visit_form_key(field)) in touched.visit_fields:
        return True
    section, dot, _item = field.partition(".")
    return bool(dot) and (visit_id, section) in touched.visit_fields


def close_queries_of_deleted(session: Session, actor: Actor, reason: str | None) -> None:
    """Write guard: a deleted clinical record's open and answered queries are closed in the same transaction,
    each with a closing message by the deleting user that gives the reason of the deletion."""
    deleted = {(obj.__tablename__, obj.id) for obj in session.deleted
               if isinstance(obj, Audited) and category_of(obj) is Category.CLINICAL and obj.id is not None}
    if not deleted:
        return
    tables = {table for table, _ in deleted}
    rows = session.scalars(select(QueryRow).where(QueryRow.table_name.in_(tables), QueryRow.status != CLOSED)).all()
    at = utc_timestamp(session.info["trialdesk_clock"]())
    for row in rows:
        if (row.table_name, row.record_id) not in deleted:
            continue
        row.status = CLOSED
        text = f"Closed automatically: the record was deleted ({reason or 'no reason given'})."
        row.messages.append(QueryMessage(author=actor.name, author_role=actor.role.value, status=CLOSED, text=text,
                                         at_utc=at))
