"""Query flags and source-verification ticks on printed values.

A value under an open or answered query carries ⚑ and the query's number (Q3), explained in a note under its
table and printed in full (thread) in the "Queries and source verification" section; a source-verified value
carries ✓, with who verified it and when in the note. Fields are matched by (table, record id, field); a
field written "sledai.rash" also belongs to the prefix "sledai".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from models.casebook_store import CasebookRecords
from models.queries import ANSWERED, CLOSED, OPEN, QueryInfo, SdvInfo
from models.signatures import local_time
from reports.field_names import field_name, form_of
from reports.texts import tr

FLAG = "⚑"
TICK = "✓"
QUERY_STATUS = {OPEN: "open", ANSWERED: "answered", CLOSED: "closed"}


def status_word(status: str) -> str:
    """A query's status as printed ("open", "answered", "closed")."""
    return tr(QUERY_STATUS[status]) if status in QUERY_STATUS else status


def query_ref(query: QueryInfo) -> str:
    """The printed number of a query ("Q3", its record id)."""
    return f"Q{query.query_id}"


class Marks:
    """The flags and ticks of one subject's fields (from models.casebook_store)."""

    def __init__(self, records: CasebookRecords) -> None:
        self._queries: dict[tuple[str, int], list[QueryInfo]] = defaultdict(list)
        for query in records.queries:
            self._queries[(query.table_name, query.record_id)].append(query)
        self._sdv: dict[tuple[str, int], list[SdvInfo]] = defaultdict(list)
        for info in records.sdv.values():
            self._sdv[(info.table_name, info.record_id)].append(info)

    @staticmethod
    def _matches(field: str, fields: Iterable[str]) -> bool:
        return any(field == f or field.startswith(f + ".") for f in fields)

    def _found(self, table: str, record_id: int | None, fields: Iterable[str]) -> tuple[list[QueryInfo],
                                                                                       list[SdvInfo]]:
        if record_id is None:
            return [], []
        names = tuple(fields)
        queries = [q for q in self._queries.get((table, record_id), ()) if self._matches(q.field, names)
                   and q.status in (OPEN, ANSWERED)]
        ticks = [m for m in self._sdv.get((table, record_id), ()) if self._matches(m.field, names)]
        return queries, ticks

    def symbol(self, table: str, record_id: int | None, *fields: str) -> str:
        """"⚑Q3", "✓" or both for the value of these fields ("" when unmarked)."""
        queries, ticks = self._found(table, record_id, fields)
        parts = [f"{FLAG}{query_ref(q)}" for q in queries] + ([TICK] if ticks else [])
        return " ".join(parts)

    def notes(self, table: str, record_id: int | None) -> list[str]:
        """One line per open/answered query and per SDV mark on this record, for the note under its table."""
        if record_id is None:
            return []
        lines = [tr("⚑ {0} {1}: query {2} (raised by {3} {4}); thread under Queries and source verification.")
                 .format(query_ref(q), q.label, status_word(q.status), q.raised_by, local_time(q.raised_at_utc))
                 for q in self._queries.get((table, record_id), ()) if q.status in (OPEN, ANSWERED)]
        lines += [tr("✓ {0} = {1}: source-verified by {2} {3}").format(
                      field_name(form_of(m.table_name), m.field), m.value_text or "—", m.verified_by,
                      local_time(m.verified_at_utc))
                  for m in sorted(self._sdv.get((table, record_id), ()), key=lambda m: m.field)]
        return lines
