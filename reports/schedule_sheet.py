"""One-page A4 visit schedule sheet of a subject: every planned date and window, the infusions, the status of
each visit; for the subject to take home or for the binder. Built from models.schedule_store's calendar with
the shared page template (header/footer, Korean fonts) and table styles.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
from reports.texts import printed_texts, printing_in, tr

SHEET_STATUS = {
    vs.UPCOMING: "upcoming", vs.DUE: "due now", vs.OVERDUE: "OVERDUE", vs.DONE_IN_WINDOW: "done",
    vs.DONE_OUT_OF_WINDOW: "done (out of window)", vs.MISSED: "missed", vs.NOT_APPLICABLE: "not applicable",
}
COMPLETION = {"full": "full", "partial": "partial", "not_given": "not given", "planned": "planned"}


def _status(v: vs.ScheduledVisit, tr: Callable[[str], str]) -> str:
    if v.status == vs.DONE_OUT_OF_WINDOW:
        if v.days_outside < 0:
            return tr("done, {0} d before window").format(abs(v.days_outside))
        return tr("done, {0} d after window").format(v.days_outside)
    return tr(SHEET_STATUS[v.status]) if v.status in SHEET_STATUS else v.status


def _d(value: date | None) -> str:
    return value.isoformat() if value else "—"


def _infusion_rows(schedule: SubjectSchedule, tr: Callable[[str], str]) -> list[list[object]]:
    rows = []
    for number in (1, 2):
        record = schedule.infusion(number)
        if record is None:
            rows.append([str(number), "—", "—", "—", "—", "—"])
            continue
        d = record.data
        dose = format_cells(record.dose_cells) if record.dose_cells else "—"
        completion = tr(COMPLETION.get(d.completion or "planned", d.completion or ""))
        if d.completion == "partial" and d.fraction_given is not None:
            completion += f" ({d.fraction_given:.0%})"
        rows.append([str(number), _d(d.planned_date), _d(d.date),
                     f"{d.weight_kg:g} kg" if d.weight_kg else "—", dose, completion])
    return rows


def schedule_story(schedule: SubjectSchedule, params: ProtocolParams, lang: str = "ko") -> list[Flowable]:
    """The flowables of the sheet in `lang` (fits one A4 page for the 15 protocol visits)."""
    st = styles()
    tr = printed_texts(lang)
    story: list[Flowable] = [p(tr("Visit schedule — {0}").format(schedule.subject_id), st.title)]
    d0 = schedule.infusion(1)
    sub = [tr("Subgroup {0}").format(schedule.subgroup), tr("informed consent {0}").format(_d(schedule.consent_date)),
           tr("as of {0}").format(schedule.today.isoformat())]
    if d0 is not None and d0.data.date is None:
        sub.append(tr("dates follow the PLANNED infusion 1 date and will move when it is given"))
    story.append(p(" · ".join(sub), st.subtitle))
    story.append(p(tr("Infusions"), st.h2))
    widths = [14 * mm, 28 * mm, 28 * mm, 22 * mm, 40 * mm, FRAME_W - 132 * mm]
    story.append(data_table([tr("No."), tr("Planned"), tr("Given"), tr("Weight"), tr("Dose"), tr("Completion")],
                            _infusion_rows(schedule, tr), widths))
    story.append(Spacer(1, 2 * mm))
    story.append(p(tr("Dose = {0} × body weight (weight measured at most {1} days before the infusion).")
                   .format(format_cells_per_kg(params.dose_cells_per_kg), params.infusion_weight_max_age_days),
                   st.small))
    story.append(p(tr("Visits"), st.h2))
    rows = []
    for v in schedule.visits:
        moved = tr(" (was {0})").format(v.previous_target.isoformat()) if v.previous_target else ""
        name = tr(VISIT_NAMES[v.code]) if v.code in VISIT_NAMES else v.code
        rows.append([v.code, name, v.target.isoformat() + moved,
                     f"{v.window.earliest.isoformat()} – {v.window.latest.isoformat()}", _d(v.actual_date),
                     _status(v, tr)])
    if not rows:
        story.append(p(tr("No schedule yet: infusion 1 has no planned date."), st.body))
    else:
        widths = [16 * mm, 36 * mm, 30 * mm, 42 * mm, 22 * mm, FRAME_W - 146 * mm]
        story.append(data_table([tr("Code"), tr("Visit"), tr("Target date"), tr("Window (earliest – latest)"),
                                 tr("Done on"), tr("Status")], rows, widths))
    story.append(Spacer(1, 3 * mm))
    story.append(p(tr("Please come within the window. Visits after infusion 2 are counted from its actual date; if an "
                      "infusion is moved, you will receive a new sheet. Bring this sheet to every visit."), st.small))
    story.append(Spacer(1, 6 * mm))
    story.append(p(tr("Site contact: ______________________   Coordinator: ______________________   "
                      "Date: ____________"), st.body))
    return story


def write_schedule_sheet(out_path: str | Path, schedule: SubjectSchedule, params: ProtocolParams,
                         study: Mapping[str, str], *, db_changed: str | None,
                         printed_on: date | None = None, lang: str = "ko") -> Path:
    """Write the sheet in `lang` to out_path atomically; returns the path."""
    with printing_in(lang):
        furniture = subject_furniture(study, tr("Visit schedule"), printed_on, db_changed)

    def write(temp: str) -> None:
        with printing_in(lang):
            TrialDoc(temp, furniture).build_story(schedule_story(schedule, params, lang))

    return write_atomically(out_path, write)


def build_schedule_sheet(out_path: str | Path, db, subject_id: str, *, today: date | None = None,
                         printed_on: date | None = None, lang: str = "ko") -> Path:
    """Print one subject's schedule sheet in `lang` from an open database; returns the path."""
    from models.schedule_store import load_schedule
    from reports.source import database_last_change

    schedule = load_schedule(db, subject_id, today or date.today())
    return write_schedule_sheet(out_path, schedule, db.config.params, db.config.study,
                                db_changed=database_last_change(db), printed_on=printed_on, lang=lang)
