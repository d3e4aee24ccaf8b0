"""From a grid cell or a listed (subject, visit) to where it is worked on: a visit cell opens that visit's form
(a new form for the visit where none exists, dated with the infusion date or today), a log cell the subject's
log tab, a subject alone the subject's page."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from endpoints.visit_ladder import Cell
from models.status_store import load_study_status

if TYPE_CHECKING:
    from ui.host import Host


def open_cell(window: Host, cell: Cell) -> object:
    """Open what the cell stands for; returns the visit editor opened, or None for a log or a subject."""
    from ui.entry.visit_editor import open_visit_editor

    if cell.is_log:
        window.open_subject(cell.subject_id)
        page = window.subjects.subject_page
        tab = getattr(page, "log_tabs", {}).get(cell.column) if page is not None else None
        if page is not None and tab is not None:
            page.tabs.setCurrentWidget(tab)
        return None
    if cell.record_id is not None:
        return open_visit_editor(window, cell.subject_id, record_id=cell.record_id)
    when: dt.date = cell.date or window.today()
    return open_visit_editor(window, cell.subject_id, code=cell.column, when=when)


def open_pair(window: Host, subject_id: str, visit: str) -> object:
    """Open a (subject, visit code) named by a list: the visit's cell as `open_cell`, or the subject's page."""
    if not visit:
        window.open_subject(subject_id)
        return None
    status = load_study_status(window.db, window.today(), [subject_id])
    if not status:
        return None
    return open_cell(window, status[0].cell(visit))
