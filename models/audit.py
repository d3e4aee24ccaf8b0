"""The audit trail, written by flush listeners on each write session (and only there).

`install_audit` registers listeners on one session:
- do_orm_execute: refuses UPDATE/DELETE/INSERT statements and raw SQL, which would bypass the trail;
- before_flush: turns orphaned child rows into explicit deletes, refuses any update or delete of saved
  study data without a reason (ReasonRequired, before a single statement is sent), and notes what changes;
- after_flush: writes the audit rows in the same transaction, once new rows have their ids.
The connection's write gate (models.write_gate) is open only from the end of before_flush (every check passed)
to after_flush_postexec (or a rollback): SQLite refuses any write outside that window.

Inserts and deletes give one row each (the record's values as JSON, field NULL); updates one row per field
that changed, with the old and the new value (columns a class lists in `audit_redacted`, e.g. password hashes,
show only that they changed). Before anything is written, the actor's role must allow every table touched
(models.security), then the write guards run (locks refuse, signatures are invalidated, SDV marks cleared).
Rows are hash-chained (models.audit_chain): on SQLite the write transaction is BEGIN IMMEDIATE, on a server the
append takes a transaction-scoped advisory lock first, so reading the last row's hash and appending cannot
interleave. A changed record's row version goes up by one (models.concurrency).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import event, insert, inspect, select, text
from sqlalchemy.orm import Session

from models.audit_chain import chain_rows
from models.errors import ReasonRequired
from models.schema import Audited, AuditEntry, utc_timestamp
from models.security import ROLE_LABELS, Actor, PermissionDenied, unsigned_actor
from models.server import AUDIT_LOCK_KEY
from models.write_gate import set_gate
from models.write_scope import category_of

_PENDING = "trialdesk_audit_pending"
_OPEN_GATE = "trialdesk_open_gate"
CLOCK_KEY = "trialdesk_clock"
REASON_KEY = "trialdesk_reason"
"""session.info key: a reason set while the write is open replaces the one given to Database.write."""
REDACTED = "(secret, not recorded)"
VERSION_KEY = "row_version"

WriteGuard = Callable[[Session, Actor, "str | None"], None]
"""Runs in before_flush after the permission check: may refuse the flush (raise) or add changes of its own."""


def audit_text(value: Any) -> str | None:
    """The text an audit row stores for a value (ISO dates, true/false, repr of floats)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


@cache
def _column_keys(cls: type) -> tuple[str, ...]:
    """The audited columns of a class: all but the row version (bookkeeping of concurrent saves, not data)."""
    return tuple(attr.key for attr in inspect(cls).column_attrs if attr.key != VERSION_KEY)


def _redacted(obj: object, key: str) -> bool:
    return key in getattr(type(obj), "audit_redacted", ())


def _shown(obj: object, key: str, value: Any) -> str | None:
    return REDACTED if _redacted(obj, key) and value is not None else audit_text(value)


def _snapshot(obj: Audited) -> str:
    values = {key: _shown(obj, key, getattr(obj, key)) for key in _column_keys(type(obj)) if key != "id"}
    return json.dumps({k: v for k, v in values.items() if v is not None}, ensure_ascii=False)


@dataclass
class _Pending:
    inserts: list[Audited] = field(default_factory=list)
    updates: list[tuple[Audited, str | None, list[tuple[str, Any, Any]]]] = field(default_factory=list)
    deletes: list[tuple[Audited, int, str | None, str]] = field(default_factory=list)


def _delete_orphans(session: Session) -> None:
    """Make child rows dropped from a relationship explicit deletes, so they are checked and audited."""
    for obj in list(session.dirty):
        if not isinstance(obj, Audited):
            continue
        state = inspect(obj)
        for rel in state.mapper.relationships:
            if not rel.cascade.delete_orphan:
                continue
            for child in state.attrs[rel.key].history.deleted or ():
                child_state = inspect(child)
                if child_state.persistent and child not in session.deleted:
                    session.delete(child)


def _field_changes(obj: Audited) -> list[tuple[str, Any, Any]]:
    state = inspect(obj)
    changes = []
    for key in _column_keys(type(obj)):
        hist = state.attrs[key].history
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if old != new or type(old) is not type(new):
            changes.append((key, old, new))
    return changes


def _next_version(obj: Audited) -> None:
    """Raise the row version of a changed record by one, unless the save set it already (models.concurrency)."""
    if not inspect(obj).attrs[VERSION_KEY].history.has_changes():
        obj.row_version = (obj.row_version or 0) + 1


def _check_permissions(session: Session, actor: Actor) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        if not isinstance(obj, Audited):
            continue
        category = category_of(obj)
        if not actor.may_write(category):
            raise PermissionDenied(f"{actor.display_name} ({ROLE_LABELS[actor.role].lower()}) may not change "
                                   f"{category.value} data ({obj.__tablename__}); nothing was saved.")


def install_audit(session: Session, actor: Actor | str, reason: str | None, clock: Callable[[], datetime],
                  guards: Sequence[WriteGuard] = ()) -> None:
    """Register the audit listeners on this session only: permission check, guards, audit rows naming the actor."""
    actor = unsigned_actor(actor) if isinstance(actor, str) else actor
    user = actor.name
    reason_text = reason.strip() if reason and reason.strip() else None
    session.info[CLOCK_KEY] = clock

    @event.listens_for(session, "do_orm_execute")
    def _only_reads(state: Any) -> None:
        if not state.is_select:
            raise RuntimeError("statements that write bypass the audit trail; change ORM objects instead")

    @event.listens_for(session, "before_flush")
    def _before_flush(sess: Session, _ctx: Any, _instances: Any) -> None:
        nonlocal reason_text
        if sess.info.get(REASON_KEY):
            reason_text = sess.info[REASON_KEY]
        _delete_orphans(sess)
        _check_permissions(sess, actor)
        for guard in guards:
            guard(sess, actor, reason_text)
        pending = _Pending()
        for obj in sess.deleted:
            if isinstance(obj, Audited):
                pending.deletes.append((obj, obj.id, obj.audit_subject_id, _snapshot(obj)))
        for obj in sess.dirty:
            if isinstance(obj, Audited) and obj not in sess.deleted:
                changes = _field_changes(obj)
                if changes:
                    pending.updates.append((obj, obj.audit_subject_id, changes))
                    _next_version(obj)
        pending.inserts = [obj for obj in sess.new if isinstance(obj, Audited)]
        for obj in pending.inserts:
            if obj.row_version is None:
                obj.row_version = 1
        if (pending.updates or pending.deletes) and reason_text is None:
            what = "delete" if pending.deletes else "change"
            raise ReasonRequired(f"A reason is required to {what} data that was already saved.")
        sess.info.setdefault(_PENDING, []).append(pending)
        info = sess.connection().info
        sess.info[_OPEN_GATE] = info
        set_gate(info, True)

    def _close_gate(sess: Session, *_args: Any) -> None:
        info = sess.info.pop(_OPEN_GATE, None)
        if info is not None:
            set_gate(info, False)

    event.listen(session, "after_flush_postexec", _close_gate)
    event.listen(session, "after_soft_rollback", _close_gate)
    event.listen(session, "after_rollback", _close_gate)

    @event.listens_for(session, "after_flush")
    def _after_flush(sess: Session, _ctx: Any) -> None:
        at = utc_timestamp(clock())
        rows: list[dict[str, Any]] = []
        for pending in sess.info.pop(_PENDING, []):
            base = {"at_utc": at, "user": user, "reason": reason_text}
            for obj in pending.inserts:
                rows.append({**base, "action": "insert", "table_name": obj.__tablename__, "record_id": obj.id,
                             "subject_id": obj.audit_subject_id, "field": None, "old_value": None,
                             "new_value": _snapshot(obj)})
            for obj, subject_id, changes in pending.updates:
                for key, old, new in changes:
                    rows.append({**base, "action": "update", "table_name": obj.__tablename__, "record_id": obj.id,
                                 "subject_id": subject_id, "field": key, "old_value": _shown(obj, key, old),
                                 "new_value": _shown(obj, key, new)})
            for obj, record_id, subject_id, snapshot in pending.deletes:
                rows.append({**base, "action": "delete", "table_name": obj.__tablename__, "record_id": record_id,
                             "subject_id": subject_id, "field": None, "old_value": snapshot, "new_value": None})
        if rows:
            conn = sess.connection()
            if conn.dialect.name == "postgresql":  # one appender at a time across PCs: the chain never forks
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK_KEY})
            last = conn.execute(select(AuditEntry.id, AuditEntry.row_hash).order_by(AuditEntry.id.desc()).limit(1))
            last_id, last_hash = last.first() or (0, None)
            conn.execute(insert(AuditEntry), chain_rows(last_hash, last_id + 1, rows))
