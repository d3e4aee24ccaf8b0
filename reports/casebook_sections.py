"""Casebook sections after the data: queries with their threads, source-data verification and locks; the audit
trail grouped by visit, every change in time order (local time, user and role, form and field, old → new,
reason), record creation and deletion, signatures and their invalidation, locks and unlocks included.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from endpoints import vocab
from models.audit_places import AuditPlace
from models.casebook_store import AuditLine, CasebookRecords
from models.security import ROLE_LABELS
from models.signatures import local_time
from reports import labels
from reports.document import Heading
from reports.field_names import column_name, field_name, form_name, form_of, place_names
from reports.fonts import para_text
from reports.form_labels import FORM_FIELDS
from reports.line_table import LineTable
from reports.marks import query_ref, status_word
from reports.styles import data_table, p, styles
from reports.texts import tr

VISIT_CHILDREN = ("lab_values", "sledai_forms", "bilag_forms", "visit_not_done", "soft_limit_confirmations")
GROUPS = (
    ("registry", "Subject registry", ("subjects", "status_history", "subject_confirmations")),
    ("infusions", "Infusions and schedule", ("infusions", "schedule_changes")),
    ("logs", "Logs and events", ("steroids", "medications", "hospitalisations", "renal_replacement", "flare_events",
                                 "adverse_events")),
    ("queries", "Queries and source verification", ("queries", "query_messages", "sdv_marks")),
    ("signatures", "Signatures and locks", ("signatures", "locks")),
)
HIDDEN_KEYS = {"subject_pk", "subject_id", "visit_id", "query_id", "table_name", "record_id"}  # pointers
AUDIT_HEADERS = ("When", "User (role)", "Form / field", "Old → new", "Reason")
AUDIT_WIDTHS = [27 * mm, 28 * mm, 34 * mm, 57 * mm, 34 * mm]
DITTO = "〃 (same reason)"
LOCK_SCOPES = {"database": "whole database", "subject": "subject"}


def local_minute(at_utc: str) -> str:
    """A stored UTC timestamp as local date and time to the minute (the zone is named once, in the note)."""
    return datetime.fromisoformat(at_utc.replace("Z", "+00:00")).astimezone().strftime("%Y-%m-%d %H:%M")


def local_zone() -> str:
    return datetime.now().astimezone().tzname() or tr("local time")


def role_name(role: str) -> str:
    """An account's role as printed: its label in the print's language, the stored word where it is untranslated
    (the English casebook prints "monitor")."""
    label = next((text for known, text in ROLE_LABELS.items() if known == role), None)
    if label is None:
        return role
    translated = tr(label)
    return role if translated == label else translated


def who(user: str, role: str) -> str:
    """"user (role)", or the user alone for the system."""
    return f"{user} ({role_name(role)})" if role else user


def queries_section(records: CasebookRecords, key: str) -> list[Flowable]:
    """Every query with its whole thread; the source-verification marks; the locks and unlocks."""
    st = styles()
    out: list[Flowable] = []
    if records.queries:
        for q in records.queries:
            title = f"{query_ref(q)} — {q.label} ({status_word(q.status)})"
            thread = [[local_minute(m.at_utc), who(m.author, m.author_role), status_word(m.status), m.text]
                      for m in q.messages]
            raised = tr("Raised by {0} {1} on {2}, field {3}.").format(
                q.raised_by, local_time(q.raised_at_utc), _record_text(records, q.table_name, q.record_id),
                field_name(form_of(q.table_name), q.field))
            out += [KeepTogether([
                Heading(para_text(title), st.h3, f"{key}-{query_ref(q)}", f"{query_ref(q)} — {q.label}", 2),
                p(raised, st.small),
                data_table([tr("When ({0})").format(local_zone()), tr("Who (role)"), tr("Status"), tr("Message")],
                           thread, [30 * mm, 34 * mm, 18 * mm, 98 * mm])]), Spacer(1, 2 * mm)]
    else:
        out.append(p(tr("No query raised on this subject."), st.body))
    marks = sorted(records.sdv.values(), key=lambda m: (m.verified_at_utc, m.field))
    sdv_title = tr("Source-data verification")
    out.append(Heading(sdv_title, st.h2, f"{key}-sdv", sdv_title, 2))
    if marks:
        rows = [[_record_text(records, m.table_name, m.record_id), field_name(form_of(m.table_name), m.field),
                 m.value_text or "—", m.verified_by, local_time(m.verified_at_utc)] for m in marks]
        sdv = FORM_FIELDS["sdv"]
        out.append(data_table([tr("Record"), tr("Field"), tr(sdv["value_text"]), tr(sdv["verified_by"]),
                               tr(sdv["verified_at_utc"])], rows, [40 * mm, 36 * mm, 40 * mm, 28 * mm, 36 * mm]))
    else:
        out.append(p(tr("No value source-verified."), st.body))
    locks_title = tr("Locks")
    out.append(Heading(locks_title, st.h2, f"{key}-locks", locks_title, 2))
    if records.locks:
        rows = [[tr("visit {0}").format(lk.visit_code) if lk.visit_id else tr(LOCK_SCOPES.get(lk.scope, "subject")),
                 f"{lk.locked_by}, {local_time(lk.locked_at_utc)}: {lk.reason}",
                 f"{lk.unlocked_by}, {local_time(lk.unlocked_at_utc)}: {lk.unlock_reason}" if lk.unlocked_at_utc
                 else tr("in force")] for lk in records.locks]
        out.append(data_table([tr("Scope"), tr("Locked (by, when, reason)"), tr("Unlocked")], rows, [30 * mm, 80 * mm,
                                                                                                     70 * mm]))
    else:
        out.append(p(tr("Never locked."), st.body))
    return out


def _record_text(records: CasebookRecords, table: str, record_id: int) -> str:
    if table == "visits" and record_id in records.visits:
        v = records.visits[record_id]
        return tr("Visit {0}").format(f"{v.code} {v.date.isoformat() if v.date else ''}".strip())
    return tr("{0} record {1}").format(form_name(form_of(table)), record_id)


def _snapshot(text: str | None) -> dict:
    try:
        value = json.loads(text or "")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _values_text(table: str, snapshot: dict) -> str:
    """A created or deleted record's values, each named by its form's field."""
    if table == "lab_values":  # the value as typed, as the audit viewer shows a lab's creation
        typed = " ".join(str(snapshot[k]) for k in ("original_value", "original_unit") if snapshot.get(k))
        if typed:
            return typed
    return "; ".join(f"{column_name(table, k)}: {v}" for k, v in snapshot.items() if k not in HIDDEN_KEYS)


class _Trail:
    """Audit rows placed in their groups: the visit a visit-form row belongs to is read from the rows
    themselves (a child row's creation snapshot names its visit), then from the stored visits."""

    def __init__(self, records: CasebookRecords, places: Mapping[int, AuditPlace]) -> None:
        self.records = records
        self.places = places
        self.snapshots: dict[tuple[str, int], dict] = {}
        for line in records.audit:
            if line.action in ("insert", "delete") and line.field is None:
                snap = _snapshot(line.new_value if line.action == "insert" else line.old_value)
                self.snapshots.setdefault((line.table_name, line.record_id), snap)
        self.visit_of_lab = {lab_id: vid for vid, v in records.visits.items() for lab_id in v.lab_record_ids.values()}

    def visit_id(self, line: AuditLine) -> int | None:
        if line.table_name == "visits":
            return line.record_id
        if line.table_name in VISIT_CHILDREN:
            snap = self.snapshots.get((line.table_name, line.record_id), {})
            if str(snap.get("visit_id", "")).isdigit():  # snapshots hold the audit's text of each value
                return int(snap["visit_id"])
            return self.visit_of_lab.get(line.record_id) if line.table_name == "lab_values" else None
        return None

    def visit_label(self, visit_id: int) -> tuple[str, str]:
        """(bookmark title, heading) of a visit group, also for a deleted visit (from its snapshot)."""
        v = self.records.visits.get(visit_id)
        code, when = (v.code, v.date.isoformat() if v.date else "") if v else (
            str(self.snapshots.get(("visits", visit_id), {}).get("code", "?")),
            str(self.snapshots.get(("visits", visit_id), {}).get("date", "")))
        title = f"{code} — {tr(labels.VISIT_NAMES.get(code, code))}"
        deleted = "" if v else tr(" (deleted visit)")
        return title, f"{title} {when}{deleted}".strip()

    def what(self, line: AuditLine) -> str:
        """The form and field of a row, named as the screen's audit viewer names them (models.audit_places,
        reports.form_labels); an infusion with its number."""
        place = self.places.get(line.id) or AuditPlace(None, form_of(line.table_name), line.field)
        snap = self.snapshots.get((line.table_name, line.record_id), {})
        form, field = place_names(place)
        if line.table_name == "infusions" and "number" in snap:
            form += f" {snap['number']}"
        if field and place.derived:
            field = tr("{0} (derived)").format(field)
        return f"{form} / {field}" if field else form

    @staticmethod
    def change(line: AuditLine) -> str:
        if line.action == "insert":
            return tr("created: {0}").format(_values_text(line.table_name, _snapshot(line.new_value)))
        if line.action == "delete":
            return tr("deleted: {0}").format(_values_text(line.table_name, _snapshot(line.old_value)))
        empty = tr("(empty)")
        return f"{line.old_value if line.old_value is not None else empty} → " \
               f"{line.new_value if line.new_value is not None else empty}"


def _visit_order(records: CasebookRecords, trail: _Trail, visit_id: int) -> tuple[int, date, int]:
    v = records.visits.get(visit_id)
    code = v.code if v else str(trail.snapshots.get(("visits", visit_id), {}).get("code", ""))
    rank = vocab.VISIT_CODES.index(code) if code in vocab.VISIT_CODES else len(vocab.VISIT_CODES)
    return rank, (v.date if v and v.date else date.min), visit_id


def audit_section(records: CasebookRecords, key: str, places: Mapping[int, AuditPlace] | None = None) -> list[Flowable]:
    """The audit trail grouped by visit (and registry, infusions, logs, queries, signatures and locks), each
    group in time order; a level-2 bookmark per group. `places` (models.audit_places, by audit row id) name each
    row's form and field as the screen's audit viewer does; a row without one is named by its table and column."""
    st = styles()
    if not records.audit:
        return [p(tr("No audit row for this subject."), st.body)]
    trail = _Trail(records, places or {})
    by_visit: dict[int, list[AuditLine]] = defaultdict(list)
    by_group: dict[str, list[AuditLine]] = defaultdict(list)
    group_of = {table: g for g, _, tables in GROUPS for table in tables}
    for line in records.audit:
        vid = trail.visit_id(line)
        if vid is not None:
            by_visit[vid].append(line)
        else:
            by_group[group_of.get(line.table_name, "registry")].append(line)
    intro = tr("{0} audit rows, in time order within each group. Times are local ({1}); user (role) as recorded; "
               "\"created\" and \"deleted\" list the record's values; {2} repeats the reason of the row above.")
    out: list[Flowable] = [p(intro.format(f"{len(records.audit):,}", local_zone(), DITTO[0]), st.small)]
    sections: list[tuple[str, str, str, list[AuditLine]]] = []
    sections += [(g, tr(title), tr(title), by_group[g]) for g, title, _ in GROUPS[:2] if by_group[g]]
    for vid in sorted(by_visit, key=lambda v: _visit_order(records, trail, v)):
        title, heading = trail.visit_label(vid)
        sections.append((f"v{vid}", title, heading, by_visit[vid]))
    sections += [(g, tr(title), tr(title), by_group[g]) for g, title, _ in GROUPS[2:] if by_group[g]]
    headers = [tr(text) for text in AUDIT_HEADERS]
    ditto = tr(DITTO)
    for group, title, heading, lines in sections:
        rows = []
        previous: AuditLine | None = None
        for line in lines:
            same = previous is not None and (previous.reason, previous.user) == (line.reason, line.user)
            reason = ditto if same and line.reason else line.reason or ""
            rows.append([local_minute(line.at_utc), who(line.user, line.role), trail.what(line), trail.change(line),
                         reason])
            previous = line
        table = LineTable(headers, rows, AUDIT_WIDTHS)
        out += [CondPageBreak(25 * mm), Heading(para_text(heading), st.h2, f"{key}-{group}", title, 2), table,
                Spacer(1, 3 * mm)]
    return out
