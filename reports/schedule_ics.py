"""iCalendar (.ics) export of planned visits, for a coordinator's desktop calendar (icalendar library).

One all-day event per open visit (upcoming, due or overdue) on its target date, the window in the description.
UIDs are stable (subject, visit code), so importing a newer export updates the events instead of duplicating
them. Only subject IDs are written (no initials): calendar files travel outside the study database.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from endpoints.visit_status import OPEN_STATUSES
from models.database import Database
from models.schedule_store import CalendarEntry, all_schedules, load_schedule
from reports.document import write_atomically
from reports.labels import VISIT_NAMES

PRODID = "-//TrialDesk//visit schedule//EN"


def calendar_bytes(entries: Iterable[CalendarEntry], protocol: str, stamp: datetime) -> bytes:
    """The .ics text of the open visits among `entries`."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{protocol} visits")
    for entry in entries:
        v = entry.visit
        if v.status not in OPEN_STATUSES:
            continue
        event = Event()
        event.add("uid", f"{entry.subject_id}-{v.code}@trialdesk")
        event.add("dtstamp", stamp)
        event.add("dtstart", v.target)
        event.add("dtend", v.target + timedelta(days=1))
        event.add("summary", f"{entry.subject_id} · {v.code} {VISIT_NAMES.get(v.code, v.code)}")
        event.add("description", f"{protocol}: {entry.subject_id}, {VISIT_NAMES.get(v.code, v.code)}.\n"
                                 f"Window {v.window.earliest.isoformat()} – {v.window.latest.isoformat()} "
                                 f"(target {v.target.isoformat()}). Status on export: {v.status.replace('_', ' ')}.")
        event.add("categories", ["TrialDesk", entry.subject_id])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()


def schedule_entries(db: Database, today: date, subject_id: str | None = None) -> list[CalendarEntry]:
    """Calendar entries of one subject (SubjectNotFound if unknown) or of all subjects (one query)."""
    if subject_id is not None:
        schedule = load_schedule(db, subject_id, today)
        return [CalendarEntry(schedule.subject_id, None, v) for v in schedule.visits]
    return [CalendarEntry(sid, None, v) for sid, _initials, visits in all_schedules(db, today) for v in visits]


def export_ics(db: Database, out_path: str | Path, today: date, subject_id: str | None = None) -> tuple[Path, int]:
    """Write the planned visits of a subject (or all) to out_path atomically; returns (path, number of events)."""
    entries = [e for e in schedule_entries(db, today, subject_id) if e.visit.status in OPEN_STATUSES]
    data = calendar_bytes(entries, db.config.study.get("protocol", "TrialDesk"), db.clock())

    def write(temp: str) -> None:
        Path(temp).write_bytes(data)

    return write_atomically(out_path, write), len(entries)
