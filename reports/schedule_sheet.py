"""One-page A4 visit schedule sheet of a subject: every planned date and window, the infusions, the status of
each visit; for the subject to take home or for the binder. Built from models.schedule_store's calendar with
the shared page template (header/footer, Korean fonts) and table styles.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from endpoints import visit_status as vs
from endpoints.formatting import format_cells, format_cells_per_kg
from endpoints.params import ProtocolParams
from models.schedule_store import SubjectSchedule
from reports.document import FRAME_W, TrialDoc, write_atomically
from reports.labels import VISIT_NAMES
from reports.styles import data_table, p, styles
from reports.subject_pdf import subject_furniture

SHEET_STATUS = {
    vs.UPCOMING: "upcoming", vs.DUE: "due now", vs.OVERDUE: "OVERDUE", vs.DONE_IN_WINDOW: "done",
    vs.DONE_OUT_OF_WINDOW: "done (out of window)", vs.MISSED: "missed", vs.NOT_APPLICABLE: "not applicable",
}
COMPLETION = {"full": "full", "partial": "partial", "not_given": "not given"}


def _status(v: vs.ScheduledVisit) -> str:
    text = SHEET_STATUS.get(v.status, v.status)
    if v.status == vs.DONE_OUT_OF_WINDOW:
        side = "before" if v.days_outside < 0 else "after"
        text = f"done, {abs(v.days_outside)} d {side} window"
    return text


def _d(value: date | None) -> str:
    return value.isoformat() if value else "—"


def _infusion_rows(schedule: SubjectSchedule) -> list[list[object]]:
    rows = []
    for number in (1, 2):
        record = schedule.infusion(number)
        if record is None:
            rows.append([str(number), "—", "—", "—", "—", "—"])
            continue
        d = record.data
        dose = format_cells(record.dose_cells) if record.dose_cells else "—"
        completion = COMPLETION.get(d.completion or "", "planned")
        if d.completion == "partial" and d.fraction_given is not None:
            completion += f" ({d.fraction_given:.0%})"
        rows.append([str(number), _d(d.planned_date), _d(d.date),
                     f"{d.weight_kg:g} kg" if d.weight_kg else "—", dose, completion])
    return rows


def schedule_story(schedule: SubjectSchedule, params: ProtocolParams) -> list[Flowable]:
    """The flowables of the sheet (fits one A4 page for the 15 protocol visits)."""
    st = styles()
    story: list[Flowable] = [p(f"Visit schedule — {schedule.subject_id}", st.title)]
    d0 = schedule.infusion(1)
    sub = [f"Subgroup {schedule.subgroup}", f"informed consent {_d(schedule.consent_date)}",
           f"as of {schedule.today.isoformat()}"]
    if d0 is not None and d0.data.date is None:
        sub.append("dates follow the PLANNED infusion 1 date and will move when it is given")
    story.append(p(" · ".join(sub), st.subtitle))
    story.append(p("Infusions", st.h2))
    widths = [14 * mm, 28 * mm, 28 * mm, 22 * mm, 40 * mm, FRAME_W - 132 * mm]
    story.append(data_table(["No.", "Planned", "Given", "Weight", "Dose", "Completion"],
                            _infusion_rows(schedule), widths))
    story.append(Spacer(1, 2 * mm))
    story.append(p(f"Dose = {format_cells_per_kg(params.dose_cells_per_kg)} × body weight (weight measured at most "
                   f"{params.infusion_weight_max_age_days} days before the infusion).", st.small))
    story.append(p("Visits", st.h2))
    rows = []
    for v in schedule.visits:
        moved = f" (was {v.previous_target.isoformat()})" if v.previous_target else ""
        rows.append([v.code, VISIT_NAMES.get(v.code, v.code), v.target.isoformat() + moved,
                     f"{v.window.earliest.isoformat()} – {v.window.latest.isoformat()}", _d(v.actual_date),
                     _status(v)])
    if not rows:
        story.append(p("No schedule yet: infusion 1 has no planned date.", st.body))
    else:
        widths = [16 * mm, 36 * mm, 30 * mm, 42 * mm, 22 * mm, FRAME_W - 146 * mm]
        story.append(data_table(["Code", "Visit", "Target date", "Window (earliest – latest)", "Done on",
                                 "Status"], rows, widths))
    story.append(Spacer(1, 3 * mm))
    story.append(p("Please come within the window. Visits after infusion 2 are counted from its actual date; if an "
                   "infusion is moved, you will receive a new sheet. Bring this sheet to every visit.", st.small))
    story.append(Spacer(1, 6 * mm))
    story.append(p("Site contact: ______________________   Coordinator: ______________________   "
                   "Date: ____________", st.body))
    return story


def write_schedule_sheet(out_path: str | Path, schedule: SubjectSchedule, params: ProtocolParams,
                         study: Mapping[str, str], *, db_changed: str | None,
                         printed_on: date | None = None) -> Path:
    """Write the sheet to out_path atomically; returns the path."""
    furniture = subject_furniture(study, "Visit schedule", printed_on, db_changed)

    def write(temp: str) -> None:
        TrialDoc(temp, furniture).build_story(schedule_story(schedule, params))

    return write_atomically(out_path, write)


def build_schedule_sheet(out_path: str | Path, db, subject_id: str, *, today: date | None = None,
                         printed_on: date | None = None) -> Path:
    """Print one subject's schedule sheet from an open database; returns the path."""
    from models.schedule_store import load_schedule
    from reports.source import database_last_change

    schedule = load_schedule(db, subject_id, today or date.today())
    return write_schedule_sheet(out_path, schedule, db.config.params, db.config.study,
                                db_changed=database_last_change(db), printed_on=printed_on)
