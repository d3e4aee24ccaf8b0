"""Casebook sections after the data: queries with their threads, source-data verification and locks; the audit
trail grouped by visit, every change in time order (local time, user and role, form and field, old → new,
reason), record creation and deletion, signatures and their invalidation, locks and unlocks included.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from endpoints import vocab
from models.casebook_store import AuditLine, CasebookRecords
from models.signatures import local_time
from reports import labels
from reports.document import Heading
from reports.fonts import para_text
from reports.line_table import LineTable
from reports.marks import query_ref
from reports.styles import data_table, p, styles
from reports.texts import tr

FORM_NAMES = {
    "subjects": "Subject registry", "status_history": "Status history", "subject_confirmations": "Confirmed values",
    "infusions": "Infusion", "schedule_changes": "Schedule change", "visits": "Visit form", "lab_values": "Labs",
    "sledai_forms": "SLEDAI-2K", "bilag_forms": "BILAG-2004", "visit_not_done": "Not done",
    "soft_limit_confirmations": "Confirmed values", "steroids": "Corticosteroid log",
    "medications": "Concomitant medications", "hospitalisations": "Hospitalisations",
    "renal_replacement": "Dialysis/transplant", "flare_events": "Declared flares", "adverse_events": "Adverse events",
    "queries": "Query", "query_messages": "Query message", "sdv_marks": "Source verification",
    "signatures": "Electronic signature", "locks": "Lock",
}
VISIT_CHILDREN = ("lab_values", "sledai_forms", "bilag_forms", "visit_not_done", "soft_limit_confirmations")
GROUPS = (
    ("registry", "Subject registry", ("subjects", "status_history", "subject_confirmations")),
    ("infusions", "Infusions and schedule", ("infusions", "schedule_changes")),
    ("logs", "Logs and events", ("steroids", "medications", "hospitalisations", "renal_replacement", "flare_events",
                                 "adverse_events")),
    ("queries", "Queries and source verification", ("queries", "query_messages", "sdv_marks")),
    ("signatures", "Signatures and locks", ("signatures", "locks")),
)
HIDDEN_KEYS = {"subject_pk", "visit_id", "query_id"}
AUDIT_WIDTHS = [27 * mm, 28 * mm, 34 * mm, 57 * mm, 34 * mm]
DITTO = "〃 (same reason)"


def local_minute(at_utc: str) -> str:
    """A stored UTC timestamp as local date and time to the minute (the zone is named once, in the note)."""
    return datetime.fromisoformat(at_utc.replace("Z", "+00:00")).astimezone().strftime("%Y-%m-%d %H:%M")


def local_zone() -> str:
    return datetime.now().astimezone().tzname() or "local time"


def queries_section(records: CasebookRecords, key: str) -> list[Flowable]:
    """Every query with its whole thread; the source-verification marks; the locks and unlocks."""
    st = styles()
    out: list[Flowable] = []
    if records.queries:
        for q in records.queries:
            title = f"{query_ref(q)} — {q.label} ({q.status})"
            thread = [[local_minute(m.at_utc), f"{m.author} ({m.author_role})", m.status, m.text] for m in q.messages]
            out += [KeepTogether([
                Heading(para_text(title), st.h3, f"{key}-{query_ref(q)}", f"{query_ref(q)} — {q.label}", 2),
                p(f"Raised by {q.raised_by} {local_time(q.raised_at_utc)} on "
                  f"{FORM_NAMES.get(q.table_name, q.table_name)} record {q.record_id}, field {q.field}.", st.small),
                data_table([f"When ({local_zone()})", tr("Who (role)"), tr("Status"), tr("Message")], thread,
                           [30 * mm, 34 * mm, 18 * mm, 98 * mm])]), Spacer(1, 2 * mm)]
    else:
        out.append(p(tr("No query raised on this subject."), st.body))
    marks = sorted(records.sdv.values(), key=lambda m: (m.verified_at_utc, m.field))
    out.append(Heading("Source-data verification", st.h2, f"{key}-sdv", "Source-data verification", 2))
    if marks:
        rows = [[_record_text(records, m.table_name, m.record_id), m.field.replace("_", " "), m.value_text or "—",
                 m.verified_by, local_time(m.verified_at_utc)] for m in marks]
        out.append(data_table([tr("Record"), tr("Field"), tr("Value verified"), tr("By"), tr("When")], rows,
                              [40 * mm, 36 * mm, 40 * mm, 28 * mm, 36 * mm]))
    else:
        out.append(p(tr("No value source-verified."), st.body))
    out.append(Heading("Locks", st.h2, f"{key}-locks", "Locks", 2))
    if records.locks:
        rows = [["whole database" if lk.scope == "database" else f"visit {lk.visit_code}" if lk.visit_id else "subject",
                 f"{lk.locked_by}, {local_time(lk.locked_at_utc)}: {lk.reason}",
                 f"{lk.unlocked_by}, {local_time(lk.unlocked_at_utc)}: {lk.unlock_reason}" if lk.unlocked_at_utc
                 else "in force"] for lk in records.locks]
        out.append(data_table([tr("Scope"), tr("Locked (by, when, reason)"), tr("Unlocked")], rows, [30 * mm, 80 * mm,
                                                                                                     70 * mm]))
    else:
        out.append(p(tr("Never locked."), st.body))
    return out


def _record_text(records: CasebookRecords, table: str, record_id: int) -> str:
    if table == "visits" and record_id in records.visits:
        v = records.visits[record_id]
        return f"Visit {v.code} {v.date.isoformat() if v.date else ''}".strip()
    return f"{FORM_NAMES.get(table, table)} {record_id}"


def _snapshot(text: str | None) -> dict:
    try:
        value = json.loads(text or "")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _field_label(table: str, field: str, snapshot: dict) -> str:
    if table == "lab_values":
        name = labels.LABS.get(snapshot.get("key", ""), (snapshot.get("key", "lab"),))[0]
        return f"{name}: {field.replace('_', ' ')}"
    if table == "sledai_forms":
        return labels.SLEDAI_NAMES.get(field, field)
    if table == "bilag_forms":
        return labels.BILAG_NAMES.get(field, field)
    return field.replace("_", " ")


def _values_text(snapshot: dict) -> str:
    return "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in snapshot.items() if k not in HIDDEN_KEYS)


class _Trail:
    """Audit rows placed in their groups: the visit a visit-form row belongs to is read from the rows
    themselves (a child row's creation snapshot names its visit), then from the stored visits."""

    def __init__(self, records: CasebookRecords) -> None:
        self.records = records
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
        name = labels.VISIT_NAMES.get(code, code)
        title = f"{code} — {name}"
        return title, f"{title} {when}{'' if v else ' (deleted visit)'}".strip()

    def what(self, line: AuditLine) -> str:
        snap = self.snapshots.get((line.table_name, line.record_id), {})
        form = FORM_NAMES.get(line.table_name, line.table_name)
        if line.table_name == "infusions" and "number" in snap:
            form += f" {snap['number']}"
        if line.field is None:
            return form
        return f"{form} / {_field_label(line.table_name, line.field, snap)}"

    @staticmethod
    def change(line: AuditLine) -> str:
        if line.action == "insert":
            return "created: " + _values_text(_snapshot(line.new_value))
        if line.action == "delete":
            return "deleted: " + _values_text(_snapshot(line.old_value))
        return f"{line.old_value if line.old_value is not None else '(empty)'} → " \
               f"{line.new_value if line.new_value is not None else '(empty)'}"


def _visit_order(records: CasebookRecords, trail: _Trail, visit_id: int) -> tuple[int, date, int]:
    v = records.visits.get(visit_id)
    code = v.code if v else str(trail.snapshots.get(("visits", visit_id), {}).get("code", ""))
    rank = vocab.VISIT_CODES.index(code) if code in vocab.VISIT_CODES else len(vocab.VISIT_CODES)
    return rank, (v.date if v and v.date else date.min), visit_id


def audit_section(records: CasebookRecords, key: str) -> list[Flowable]:
    """The audit trail grouped by visit (and registry, infusions, logs, queries, signatures and locks), each
    group in time order; a level-2 bookmark per group."""
    st = styles()
    if not records.audit:
        return [p(tr("No audit row for this subject."), st.body)]
    trail = _Trail(records)
    by_visit: dict[int, list[AuditLine]] = defaultdict(list)
    by_group: dict[str, list[AuditLine]] = defaultdict(list)
    group_of = {table: g for g, _, tables in GROUPS for table in tables}
    for line in records.audit:
        vid = trail.visit_id(line)
        if vid is not None:
            by_visit[vid].append(line)
        else:
            by_group[group_of.get(line.table_name, "registry")].append(line)
    out: list[Flowable] = [p(f"{len(records.audit):,} audit rows, in time order within each group. Times are local "
                             f"({local_zone()}); user (role) as recorded; \"created\" and \"deleted\" list the "
                             f"record's values; {DITTO[0]} repeats the reason of the row above.", st.small)]
    sections: list[tuple[str, str, str, list[AuditLine]]] = []
    sections += [(g, title, title, by_group[g]) for g, title, _ in GROUPS[:2] if by_group[g]]
    for vid in sorted(by_visit, key=lambda v: _visit_order(records, trail, v)):
        title, heading = trail.visit_label(vid)
        sections.append((f"v{vid}", title, heading, by_visit[vid]))
    sections += [(g, title, title, by_group[g]) for g, title, _ in GROUPS[2:] if by_group[g]]
    for group, title, heading, lines in sections:
        rows = []
        previous: AuditLine | None = None
        for line in lines:
            same = previous is not None and (previous.reason, previous.user) == (line.reason, line.user)
            reason = DITTO if same and line.reason else line.reason or ""
            rows.append([local_minute(line.at_utc), f"{line.user} ({line.role})" if line.role else line.user,
                         trail.what(line), trail.change(line), reason])
            previous = line
        table = LineTable(["When", "User (role)", "Form / field", "Old → new", "Reason"], rows, AUDIT_WIDTHS)
        out += [CondPageBreak(25 * mm), Heading(para_text(tr(heading)), st.h2, f"{key}-{group}", tr(title), 2), table,
                Spacer(1, 3 * mm)]
    return out
