"""The subject page's log tabs (Steroids, Medications, Adverse events, Flares & outcomes) and what the main
window needs from them: reopening a crash draft of a log form, and asking open log forms before closing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from models.subject_records import list_rows
from models.subjects import get_subject
from ui.drafts import Draft
from ui.logs.adverse_events import adverse_event_spec
from ui.logs.fields import LogSpec
from ui.logs.medications import medication_spec
from ui.logs.outcomes import (
    DeathBox,
    EventsTab,
    death_spec,
    flare_spec,
    hospitalisation_spec,
    renal_replacement_spec,
)
from ui.logs.record_editor import LOG_DRAFT_PREFIX, RecordEditor
from ui.logs.record_table import LogTable, open_record_editor
from ui.logs.steroids import SteroidTab, steroid_spec

if TYPE_CHECKING:
    from ui.host import Host
    from ui.subjects.page import SubjectPage

__all__ = ["LOG_DRAFT_PREFIX", "add_log_tabs", "close_record_editors", "reopen_log_draft"]


def add_log_tabs(window: Host, page: SubjectPage) -> dict[str, QWidget]:
    """Add the subject's log tabs to a subject page."""
    subject_id = page.record.subject_id
    tabs: dict[str, QWidget] = {
        "steroids": SteroidTab(window, subject_id, page),
        "medications": LogTable(window, subject_id, medication_spec(), page),
        "adverse_events": LogTable(window, subject_id, adverse_event_spec(), page),
        "events": EventsTab(window, subject_id, page),
    }
    titles = {"steroids": page.tr("Steroids"), "medications": page.tr("Medications"),
              "adverse_events": page.tr("Adverse events"), "events": page.tr("Flares and outcomes")}
    for key, tab in tabs.items():
        tab.setObjectName(f"{key}Tab")
        tab.layout().setContentsMargins(8, 8, 8, 8)
        page.add_tab(tab, titles[key])
    page.log_tabs = tabs
    return tabs


def spec_for(window: Host, kind: str) -> LogSpec:
    """The spec of a log by its kind."""
    makers = {"steroids": lambda: steroid_spec(window.db.config.params), "medications": medication_spec,
              "adverse_events": adverse_event_spec, "events": flare_spec,
              "hospitalisations": hospitalisation_spec, "renal_replacement": renal_replacement_spec,
              "death": death_spec}
    return makers[kind]()


def reopen_log_draft(window: Host, draft: Draft) -> None:
    """Draft handler: reopen the log form left unsaved by a crash, with what was typed."""
    fields = draft.fields
    try:
        subject_id, kind, record = fields["_subject"], fields["_kind"], fields.get("_record_id", "")
        spec = spec_for(window, kind)
        if kind == "death":
            row = DeathBox.row_of(window.db, subject_id)
        elif record:
            row = next(r for r in list_rows(window.db, subject_id, kind) if r.record_id == int(record))
        else:
            get_subject(window.db, subject_id)
            row = None
        window.open_subject(subject_id)
        open_record_editor(window, subject_id, spec, row, draft=draft)
    except (LookupError, ValueError, StopIteration):  # the row or subject is gone, or the draft is damaged
        window.drafts.discard(draft.key)


def close_record_editors(window: QWidget) -> bool:
    """Ask every open log form to close (each asks about unsaved changes); False if one stays open."""
    return all(editor.close() for editor in window.findChildren(RecordEditor) if editor.isVisible())
