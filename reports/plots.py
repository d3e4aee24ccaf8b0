"""Subject plots as matplotlib `Figure` objects (no pyplot state), for the screen: each draws a figure of
reports.plot_spec, the data the printed vector plots (reports.plot_drawing) are drawn from too.

On screen: `FigureCanvasQTAgg(dose_figure(ctx))`; as a PNG file: `figure_png(fig)`. Build the evaluation
context once per subject with `plot_context(dossier, params, as_of)` and pass it to each builder;
`subject_figures` returns the plots that apply to the subject's subgroup.
"""

from __future__ import annotations

import io
from datetime import date

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import blended_transform_factory

from endpoints.dossier import Dossier
from endpoints.params import ProtocolParams
from endpoints.timeline import EvaluationContext, build_context
from reports import plot_spec as ps
from reports.fonts import setup_matplotlib

SUPERSCRIPTS = {"²": "$^2$", "³": "$^3$"}  # mathtext: Nanum Gothic's own ² and ³ are specks


def plot_context(dossier: Dossier, params: ProtocolParams, as_of: date | None = None) -> EvaluationContext:
    """The engine's evaluation context (timeline + steroid dose table) the plot builders read."""
    return build_context(dossier, params, as_of)


def figure_png(fig: Figure, dpi: int = 150) -> bytes:
    """Render a figure to PNG bytes."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def _text(text: str) -> str:
    for char, math in SUPERSCRIPTS.items():
        text = text.replace(char, math)
    return text


def _draw_panel(ax: Axes, panel: ps.Panel) -> None:
    """Series, excess areas, levels and bands (the legend's order), the message, y range and ticks."""
    ax.grid(True, color="#e4e7eb", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for s in panel.series:
        if s.step:
            ax.step(s.xs, s.ys, where="mid", color=s.color, linewidth=s.width, label=s.label)
        else:
            ax.plot(s.xs, s.ys, marker=s.marker, markersize=s.marker_size, color=s.color, linewidth=s.width,
                    label=s.label)
    for e in panel.excess:
        ax.fill_between(e.xs, e.ys, e.level, where=[y > e.level for y in e.ys], step="mid", color=e.color,
                        alpha=e.alpha, label=e.label)
    for lv in panel.levels:
        ax.axhline(lv.y, color=lv.color, linestyle=lv.style, linewidth=1, label=lv.label)
    for b in panel.bands:
        if b.hatched:
            ax.axvspan(b.x0, b.x1, facecolor="none", hatch="///", edgecolor=b.color, linewidth=0, label=b.label)
        else:
            ax.axvspan(b.x0, b.x1, color=b.color, alpha=b.alpha, zorder=0, label=b.label)
    if panel.message:
        ax.text(0.5, 0.5, panel.message, transform=ax.transAxes, ha="center", va="center", fontsize=9,
                color=ps.C_BASE)
    ax.set_ylabel(_text(panel.ylabel), fontsize=8.5)
    ax.set_ylim(*panel.ylim)
    ax.set_yticks(panel.yticks)


def figure(spec: ps.FigureSpec) -> Figure:
    """The matplotlib figure of a plot spec."""
    setup_matplotlib()
    fig = Figure(figsize=(ps.WIDTH_IN, spec.height_in))
    if not spec.panels:
        ax = fig.subplots()
        ax.set_axis_off()
        ax.text(0.5, 0.5, spec.message, transform=ax.transAxes, ha="center", va="center", fontsize=9,
                color=ps.C_BASE)
        fig.suptitle(spec.title, fontsize=10, fontweight="semibold", fontfamily="NanumGothic", x=0.01, ha="left")
        return fig
    h = spec.height_in
    fig.subplots_adjust(left=ps.LEFT_IN / ps.WIDTH_IN, right=1 - ps.RIGHT_IN / ps.WIDTH_IN,
                        bottom=ps.BOTTOM_IN / h, top=1 - ps.TOP_IN / h, hspace=ps.HSPACE)
    axes = list(fig.subplots(len(spec.panels), 1, sharex=True, squeeze=False)[:, 0])
    for ax, panel in zip(axes, spec.panels, strict=True):
        _draw_panel(ax, panel)
        for mark in spec.visits:
            ax.axvline(mark.day, color=ps.C_HATCH, linewidth=0.5, zorder=0)
    axes[-1].set_xlim(*spec.xlim)
    axes[-1].set_xticks(spec.xticks)
    axes[-1].set_xlabel(spec.xlabel, fontsize=8.5)
    trans = blended_transform_factory(axes[0].transData, axes[0].transAxes)
    for mark in spec.visits:
        axes[0].text(mark.label_x, 1.01, mark.code, transform=trans, rotation=90, fontsize=6.5, color=ps.C_BASE,
                     ha="center", va="bottom")
    fig.suptitle(spec.title, fontsize=10, fontweight="semibold", fontfamily="NanumGothic", x=0.01, y=0.985,
                 ha="left", va="top")
    for ax in axes:
        if ax.get_legend_handles_labels()[0]:
            ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    return fig


def dose_figure(ctx: EvaluationContext) -> Figure:
    """Daily prednisone-equivalent dose over study days, the threshold line and the W4–W12 / W12–W24 periods."""
    return figure(ps.dose_spec(ctx))


def haematology_figure(ctx: EvaluationContext) -> Figure:
    """Haemoglobin, ANC and platelets over study days with baseline and the W24 improvement levels (LC)."""
    return figure(ps.haematology_spec(ctx))


def renal_figure(ctx: EvaluationContext) -> Figure:
    """UPCR and eGFR (CKD-EPI 2021) over study days with the renal-response thresholds (LN)."""
    return figure(ps.renal_spec(ctx))


def activity_figure(ctx: EvaluationContext) -> Figure:
    """SLEDAI-2K (complete visits only) and PGA over study days, with baselines."""
    return figure(ps.activity_spec(ctx))


def subject_figures(ctx: EvaluationContext) -> list[tuple[str, Figure]]:
    """(title, figure) of every plot for the subject's subgroup: dose, LC haematology or LN renal, activity."""
    return [(title, figure(spec)) for title, spec in ps.subject_specs(ctx)]
