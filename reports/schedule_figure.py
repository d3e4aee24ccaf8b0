"""A subject's visit timeline as a matplotlib Figure (no pyplot state): one row per visit with its window,
target and actual date coloured by status, the infusions (given: solid; planned: dashed) and today.
Shown on the subject page (FigureCanvasQTAgg) and printable with reports.plots.figure_png.
"""

from __future__ import annotations

from datetime import date, timedelta

from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from endpoints import visit_status as vs
from models.schedule_store import SubjectSchedule
from reports.fonts import setup_matplotlib

STATUS_COLOURS = {
    vs.UPCOMING: "#5f6b7a", vs.DUE: "#1f6fd1", vs.OVERDUE: "#c62828", vs.DONE_IN_WINDOW: "#2e7d32",
    vs.DONE_OUT_OF_WINDOW: "#e08a00", vs.MISSED: "#8e24aa", vs.NOT_APPLICABLE: "#9e9e9e",
}
STATUS_WORDS = {
    vs.UPCOMING: "upcoming", vs.DUE: "due", vs.OVERDUE: "overdue", vs.DONE_IN_WINDOW: "done in window",
    vs.DONE_OUT_OF_WINDOW: "done out of window", vs.MISSED: "missed", vs.NOT_APPLICABLE: "not applicable",
}
C_WINDOW = "#dbe4ee"
C_TODAY = "#c62828"
C_INFUSION = "#1f4e79"


def _range(schedule: SubjectSchedule, long_term: bool) -> tuple[date, date]:
    shown = [v for v in schedule.visits if long_term or not v.code.startswith("Y")]
    first = min([v.window.earliest for v in shown] + [d for d in (schedule.consent_date,) if d])
    last = max([v.window.latest for v in shown] + [v.actual_date for v in shown if v.actual_date]
               + [schedule.today])
    return first - timedelta(days=5), last + timedelta(days=7)


def timeline_figure(schedule: SubjectSchedule, long_term: bool = False, width_in: float = 9.0) -> Figure:
    """The timeline; `long_term` also spans the 1-, 3- and 5-year follow-ups (otherwise they are listed as
    beyond the plot unless already inside its range)."""
    setup_matplotlib()
    start, end = _range(schedule, long_term) if schedule.visits else (schedule.today - timedelta(days=30),
                                                                        schedule.today + timedelta(days=30))
    visits = [v for v in schedule.visits if v.window.earliest <= end]
    height = 1.2 + 0.28 * max(len(visits), 3)
    fig = Figure(figsize=(width_in, height))
    fig.subplots_adjust(left=0.9 / width_in, right=1 - 0.2 / width_in, top=1 - 0.55 / height, bottom=0.75 / height)
    ax = fig.add_subplot(1, 1, 1)
    ax.set_xlim(start, end)
    ax.grid(True, axis="x", color="#e4e7eb", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for row, v in enumerate(visits):
        y = len(visits) - 1 - row
        span = (v.window.latest - v.window.earliest).days + 1
        ax.barh(y, span, left=v.window.earliest, height=0.55, color=C_WINDOW, edgecolor="#b8c4d2", linewidth=0.5)
        ax.plot([v.target, v.target], [y - 0.3, y + 0.3], color="#52606d", linewidth=1)
        colour = STATUS_COLOURS.get(v.status, "black")
        if v.previous_target is not None:
            ax.plot(v.previous_target, y, marker="x", color="#7b8794", markersize=5)
        if v.actual_date is not None:
            ax.plot(v.actual_date, y, marker="o", color=colour, markersize=6)
        elif v.status != vs.NOT_APPLICABLE:
            ax.plot(v.target, y, marker="o", markerfacecolor="white", markeredgecolor=colour, markersize=6)
    ax.set_yticks(range(len(visits)), [v.code for v in reversed(visits)], fontsize=8)
    ax.set_ylim(-0.8, len(visits) - 0.2)
    for record in schedule.infusions:
        d = record.data
        when = d.date if d.date is not None and d.completion != "not_given" else d.planned_date
        if when is None or not start <= when <= end:
            continue
        given = d.date is not None and d.completion != "not_given"
        ax.axvline(when, color=C_INFUSION, linestyle="-" if given else "--", linewidth=1.3)
        label = f"Infusion {d.number} {'given' if given else 'planned'} {when.isoformat()}"
        ax.text(when, len(visits) - 0.15, label, fontsize=7.5, color=C_INFUSION, rotation=0, ha="left",
                va="bottom", clip_on=False)
    if start <= schedule.today <= end:
        ax.axvline(schedule.today, color=C_TODAY, linestyle=":", linewidth=1.4)
        ax.text(schedule.today, -0.75, f" today {schedule.today.isoformat()}", fontsize=7.5, color=C_TODAY,
                va="bottom")
    locator = AutoDateLocator(minticks=5, maxticks=12)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.tick_params(labelsize=8)
    beyond = [v.code for v in schedule.visits if v not in visits]
    title = f"{schedule.subject_id} — visit timeline"
    if beyond:
        title += f" (beyond the plot: {', '.join(beyond)})"
    fig.suptitle(title, fontsize=10, x=0.9 / width_in, ha="left")
    used = sorted({v.status for v in visits}, key=list(STATUS_COLOURS).index)
    handles = [Line2D([], [], marker="o", linestyle="", color=STATUS_COLOURS[s], label=STATUS_WORDS[s],
                      markerfacecolor="white" if s in vs.OPEN_STATUSES else STATUS_COLOURS[s]) for s in used]
    handles.append(Line2D([], [], color=C_WINDOW, linewidth=6, label="window"))
    if any(v.previous_target for v in visits):
        handles.append(Line2D([], [], marker="x", linestyle="", color="#7b8794", label="previous target"))
    fig.legend(handles=handles, loc="lower center", ncol=min(len(handles), 8), fontsize=7.5, frameon=False,
               bbox_to_anchor=(0.5, 0.0))
    return fig
