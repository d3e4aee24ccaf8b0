"""The endpoint section of the subject summary: every endpoint's status, one-line reason and dates.

Statuses and reasons are the engine's (`SubjectResults`); this module only lays them out. The "dates" column
names the visits each endpoint reads (performed date, or the date it is due) and, for time-to-event results,
the calendar date of the event or censoring day.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from endpoints import results as R
from endpoints.results import EndpointResult, SubjectResults
from endpoints.timeline import EvaluationContext
from reports import labels
from reports.labels import fmt_date, fmt_num, status_text
from reports.styles import FONT_BOLD, STATUS_BG, data_table, p, styles
from reports.texts import tr

# The scheduled visits each binary endpoint is assessed at (display only: which dates to print).
ENDPOINT_VISITS: dict[str, tuple[str, ...]] = {
    "primary_steroid_taper": ("W4", "W12"),
    "steroid_le7_5_by_w12_maintained_w24": ("W12", "W24"),
}
_DEFAULT_VISITS = ("W24",)


def _visit_dates(ctx: EvaluationContext, codes: tuple[str, ...]) -> str:
    tl = ctx.timeline
    parts = []
    for code in codes:
        sv = tl.scheduled(code)
        if sv is not None:
            parts.append(f"{code} {fmt_date(sv.date)}")
        elif tl.day0 is not None:
            parts.append(f"{code} due by {fmt_date(tl.date_of(tl.due_day(code)))}")
        else:
            parts.append(f"{code} —")
    return "\n".join(parts)


def _tte_dates(ctx: EvaluationContext, res: EndpointResult) -> str:
    if res.day is None or ctx.timeline.day0 is None:
        return "—"
    what = {"event": "event", "censored": "censored", "pending": "censored so far"}.get(res.status, "day")
    return f"{what}: day {res.day}\n{fmt_date(ctx.timeline.date_of(res.day))}"


def _status_cell(row: int, status: str) -> list[tuple]:
    return [("BACKGROUND", (1, row), (1, row), STATUS_BG.get(status, STATUS_BG["not_applicable"])),
            ("FONTNAME", (1, row), (1, row), FONT_BOLD)]


def endpoint_section(ctx: EvaluationContext, res: SubjectResults) -> list[Flowable]:
    """Main endpoint table (binary and time-to-event), then treatment-failure components and the change table."""
    st = styles()
    subgroup = ctx.dossier.subject.subgroup
    rows: list[list[object]] = []
    extra: list[tuple] = []
    for eid in R.BINARY_ENDPOINTS + R.TIME_TO_EVENT_ENDPOINTS:
        result = res.endpoints.get(eid)
        if result is None or R.POPULATION[eid] not in ("all", subgroup):
            continue
        dates = _tte_dates(ctx, result) if eid in R.TIME_TO_EVENT_ENDPOINTS else _visit_dates(
            ctx, ENDPOINT_VISITS.get(eid, _DEFAULT_VISITS))
        extra += _status_cell(len(rows) + 1, result.status)
        rows.append([tr(labels.ENDPOINT_NAMES[eid]), status_text(result.status), result.reason, dates])
    header = [tr("Endpoint"), tr("Status"), tr("Reason (endpoint engine)"), tr("Dates")]
    out: list[Flowable] = [
        p(f"As of {fmt_date(res.as_of)}; day 0 = {fmt_date(res.day0)}. Endpoints of the other subgroup are not "
          "applicable and not listed.", st.small),
        Spacer(1, 2 * mm),
        data_table(header, rows, [44 * mm, 25 * mm, 80 * mm, 31 * mm], extra),
    ]
    failure = res.endpoints.get("ln_treatment_failure_components")
    if subgroup == "LN" and failure is not None:
        out += [p(tr(labels.ENDPOINT_NAMES["ln_treatment_failure_components"]), st.h2)]
        if failure.components:
            rows, extra = [], []
            for key in R.TREATMENT_FAILURE_COMPONENTS:
                comp = failure.components.get(key)
                if comp is None:
                    continue
                extra += _status_cell(len(rows) + 1, comp.status)
                rows.append([tr(labels.COMPONENT_NAMES[key]), status_text(comp.status), comp.reason,
                             _tte_dates(ctx, comp)])
            out.append(data_table([tr("Component"), tr("Status"), tr("Reason"), tr("Dates")], rows,
                                  [44 * mm, 25 * mm, 80 * mm, 31 * mm], extra))
        else:
            out.append(p(f"{status_text(failure.status)}: {failure.reason}"))
    change = res.endpoints.get("lc_hematology_change")
    if subgroup == "LC" and change is not None:
        out += [p(tr(labels.ENDPOINT_NAMES["lc_hematology_change"]), st.h2)]
        if change.visits:
            out.append(_change_table(change))
        else:
            out.append(p(f"{status_text(change.status)}: {change.reason}"))
    return out


def _change_table(change: EndpointResult) -> Flowable:
    st = styles()
    assert change.visits is not None
    header = [tr("Visit")] + [f"{tr(labels.LABS[a][0])} ({labels.LABS[a][1]})" for a in R.CHANGE_ANALYTES]
    rows: list[list[object]] = []
    for code in R.CHANGE_VISITS:
        cells = change.visits.get(code, {})
        row: list[object] = [code]
        for analyte in R.CHANGE_ANALYTES:
            cell = cells.get(analyte)
            if cell is None:
                row.append("—")
            elif cell.status == R.OK:
                pct = f" ({fmt_num(cell.pct_change, 1)} %)" if cell.pct_change is not None else ""
                row.append(f"{fmt_num(cell.value)} (Δ {fmt_num(cell.change)}{pct})")
            else:
                row.append(status_text(cell.status).lower())
        rows.append(row)
    note = p("Value at the visit, then Δ = change from baseline (% change). Baselines: "
             + "; ".join(_baselines(change)), st.small)
    table = data_table(header, rows, [16 * mm, 41 * mm, 41 * mm, 41 * mm, 41 * mm])
    return KeepTogether([table, Spacer(1, 1.5 * mm), note])


def _baselines(change: EndpointResult) -> list[str]:
    assert change.visits is not None
    out = []
    for analyte in R.CHANGE_ANALYTES:
        base = next((c.baseline for cells in change.visits.values() for a, c in cells.items()
                     if a == analyte and c.baseline is not None), None)
        out.append(f"{tr(labels.LABS[analyte][0])} {fmt_num(base)}")
    return out
