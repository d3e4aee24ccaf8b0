"""Figures of the study dashboard (matplotlib `Figure`, no pyplot), drawn from `endpoints.summary` (nothing is
re-estimated here): Kaplan–Meier step curves per group with censoring marks and the number at risk under each
plot, and a forest plot of the binary endpoints' proportions with their exact 95 % CIs by subgroup."""

from __future__ import annotations

import bisect

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import blended_transform_factory
from PySide6.QtCore import QCoreApplication

from endpoints.summary import AT_RISK_DAYS, KaplanMeier, Proportion
from reports.fonts import setup_matplotlib
from ui.results.dashboard_models import GROUP_ORDER, dashboard_endpoint_name, group_label

GROUP_COLOURS = {"LN": "#1f4e79", "LC": "#9b2c2c", "all": "#2f855a"}
GROUP_STYLES = {"LN": "-", "LC": "-", "all": "--"}
X_MAX = 182


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


def curve(k: KaplanMeier) -> tuple[list[int], list[float]]:
    """The step curve (day, estimate after that day) starting at day 0; 1 − S(t) for cumulative endpoints."""
    days, values = [0], [1.0]
    for step in k.steps:
        days.append(step.day)
        values.append(step.survival)
    if k.cumulative:
        values = [1.0 - v for v in values]
    return days, values


def value_at(days: list[int], values: list[float], day: int) -> float:
    """The curve's value just after `day` (step function, right-continuous)."""
    return values[bisect.bisect_right(days, day) - 1]


def draw_km(ax: Axes, by_group: dict[str, KaplanMeier], title: str) -> None:
    """Curves, censoring marks (+) and numbers at risk of one endpoint, one line per group."""
    groups = sorted(by_group, key=GROUP_ORDER.index)
    cumulative = any(k.cumulative for k in by_group.values())
    for group in groups:
        k = by_group[group]
        colour = GROUP_COLOURS.get(group, "#333333")
        provisional = _tr(" (provisional)") if k.provisional else ""
        label = _tr("{0}: {1}/{2} events{3}").format(group_label(group), k.events, k.n, provisional)
        if k.n == 0:
            ax.plot([], [], color=colour, label=_tr("{0}: no subjects yet").format(group_label(group)))
            continue
        days, values = curve(k)
        ax.step(days + [max(days[-1], max(k.censor_days, default=0))], values + [values[-1]], where="post",
                color=colour, linestyle=GROUP_STYLES.get(group, "-"), linewidth=1.4, label=label)
        if k.censor_days:
            ax.plot(k.censor_days, [value_at(days, values, d) for d in k.censor_days], linestyle="none", marker="+",
                    markersize=7, markeredgewidth=1.2, color=colour)
    ax.set_title(title, fontsize=9.5, loc="left", fontweight="bold", y=1.0)  # y given: not re-placed at each draw
    ax.set_xlim(0, X_MAX)
    ax.set_ylim(-0.03, 1.05)
    ax.set_xticks(AT_RISK_DAYS)
    ax.set_ylabel(_tr("Proportion with event") if cumulative else _tr("Event-free probability"), fontsize=8)
    ax.tick_params(labelsize=7.5)
    ax.grid(True, color="#e4e7eb", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(fontsize=7, loc="lower left" if not cumulative else "upper left", frameon=False)
    trans = blended_transform_factory(ax.transData, ax.transAxes)
    ax.text(-0.07, -0.19, _tr("At risk"), transform=ax.transAxes, ha="right", va="top", fontsize=7, fontweight="bold")
    for row, group in enumerate(groups):
        y = -0.19 - 0.085 * (row + 1)
        ax.text(-0.07, y, group_label(group), transform=ax.transAxes, ha="right", va="top", fontsize=7,
                color=GROUP_COLOURS.get(group, "#333333"))
        for day in AT_RISK_DAYS:
            ax.text(day, y, str(by_group[group].at_risk_at.get(day, 0)), transform=trans, ha="center", va="top",
                    fontsize=7, color=GROUP_COLOURS.get(group, "#333333"))


def km_figure(estimates: dict[str, dict[str, KaplanMeier]], title: str, columns: int = 2) -> Figure:
    """One panel per endpoint (or component) in a grid, with a title over all."""
    setup_matplotlib()
    names = list(estimates)
    rows = max(1, -(-len(names) // columns))
    fig = Figure(figsize=(5.2 * columns, 3.9 * rows))
    fig.subplots_adjust(left=0.1, right=0.98, top=1 - 0.75 / (3.9 * rows), bottom=1.15 / (3.9 * rows),
                        hspace=0.75, wspace=0.28)
    axes = fig.subplots(rows, columns, squeeze=False)
    for index, ax in enumerate(axes.flat):
        if index >= len(names):
            ax.set_axis_off()
            continue
        name = names[index]
        draw_km(ax, estimates[name], dashboard_endpoint_name(name))
        ax.set_xlabel(_tr("Study day"), fontsize=8)
    fig.suptitle(title, fontsize=10.5, fontweight="bold", x=0.01, y=0.995, ha="left", va="top")
    return fig


def forest_figure(proportions: dict[str, dict[str, Proportion]], title: str) -> Figure:
    """A forest plot: one line per binary endpoint and group (LN, LC, overall), the proportion as a square and its
    exact 95 % CI (Clopper–Pearson, as `endpoints.summary` gives it) as a bar, with "k / n" at the right; a group
    with no evaluable subject says so."""
    setup_matplotlib()
    rows = [(endpoint, group, by_group[group]) for endpoint, by_group in proportions.items()
            for group in sorted(by_group, key=GROUP_ORDER.index)]
    height = 0.9 + 0.24 * max(1, len(rows))
    fig = Figure(figsize=(9.0, height))
    fig.subplots_adjust(left=0.42, right=0.86, top=1 - 0.55 / height, bottom=0.45 / height)
    ax = fig.add_subplot(1, 1, 1)
    labels = []
    for y, (endpoint, group, p) in enumerate(rows):
        first = y == 0 or rows[y - 1][0] != endpoint
        labels.append(f"{dashboard_endpoint_name(endpoint) if first else ''}   {group_label(group)}")
        colour = GROUP_COLOURS.get(group, "#333333")
        if p.proportion is None or p.ci_low is None or p.ci_high is None:
            ax.text(0.01, y, _tr("no evaluable subject"), va="center", fontsize=7, color="#7b8794")
        else:
            ax.plot([p.ci_low, p.ci_high], [y, y], color=colour, linewidth=1.6, solid_capstyle="butt")
            ax.plot([p.proportion], [y], marker="s", markersize=5, color=colour, linestyle="none")
        ax.text(1.02, y, f"{p.responders} / {p.n}", va="center", fontsize=7, transform=ax.get_yaxis_transform())
        if first and y:
            ax.axhline(y - 0.5, color="#e4e7eb", linewidth=0.6)
    ax.set_yticks(range(len(rows)), labels, fontsize=7)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0], ["0", "25", "50", "75", "100 %"], fontsize=7.5)
    ax.set_xlabel(_tr("Proportion of responders with exact 95 % CI"), fontsize=8)
    ax.grid(True, axis="x", color="#e4e7eb", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(title, fontsize=9.5, loc="left", fontweight="bold")
    return fig
