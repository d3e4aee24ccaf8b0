"""What print shows of a subject beyond the dossier: registry facts, e-signatures and the casebook records
(audit trail, stored visits and infusions, queries, SDV marks, locks) read by models.casebook_store, with the
place of each audit row (models.audit_places) that names its form and field."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

from models.audit_places import AuditPlace
from models.casebook_store import CasebookRecords, VisitRecord


@dataclass(frozen=True)
class RegistryExtras:
    """Subject registry facts that are not in the dossier (models.subjects) and the casebook records."""

    screening_number: str | None = None
    enrolment_date: Date | None = None
    withdrawal_reason: str | None = None
    notes: str | None = None
    status_history: tuple[tuple[str, Date, str | None], ...] = ()  # (status, effective date, reason)
    death_cause: str | None = None
    e_signatures: tuple[tuple[str, str], ...] = ()  # (item, manifestation) from models.signatures, oldest first
    records: CasebookRecords = field(default_factory=CasebookRecords)
    signed_visits: frozenset[int] = frozenset()  # visit record ids with a signature in force
    ladder: dict[int, str] = field(default_factory=dict)  # visit record id -> status (endpoints.visit_ladder)
    places: dict[int, AuditPlace] = field(default_factory=dict)  # audit row id -> its visit, form and field

    def visit(self, code: str, when: Date | None) -> VisitRecord | None:
        """The stored visit of this code on this date (None when not stored, e.g. a hand-made dossier)."""
        for record in self.records.visits.values():
            if record.code == code and record.date == when:
                return record
        return None
