"""Subject plots as matplotlib `Figure` objects (no pyplot state): shown on screen and printed.

On screen: `FigureCanvasQTAgg(dose_figure(ctx))`. In print: `figure_png(fig)`. Every value comes from the
engine's shared modules (the steroid dose table, the timeline's baselines, CKD-EPI eGFR, SLEDAI-2K scoring);
threshold lines are drawn at the protocol parameters the engine uses.

Build the evaluation context once per subject with `plot_context(dossier, params, as_of)` and pass it to
each builder; `subject_figures` returns the plots that apply to the subject's subgroup.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import blended_transform_factory

from endpoints import egfr, sledai
from endpoints.dossier import Dossier
from endpoints.params import ProtocolParams
from endpoints.steroids import period_bound
from endpoints.timeline import EvaluationContext, build_context
from reports.fonts import setup_matplotlib
from reports.texts import tr

WIDTH_IN = 7.0
LEGEND_IN = 1.6  # right margin for the legends
C_DOSE = "#1f4e79"
C_EXCESS = "#c0392b"
C_BASE = "#52606d"
C_THRESH = "#b7791f"
C_W4 = "#dbeafe"
C_W12 = "#fde7c8"
C_SERIES = ("#1f4e79", "#2f855a", "#9b2c2c")


def plot_context(dossier: Dossier, params: ProtocolParams, as_of: date | None = None) -> EvaluationContext:
    """The engine's evaluation context (timeline + steroid dose table) the plot builders read."""
    return build_context(dossier, params, as_of)


def figure_png(fig: Figure, dpi: int = 150) -> bytes:
    """Render a figure to PNG bytes (for print)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def _new_figure(rows: int, height_in: float) -> tuple[Figure, list[Axes]]:
    """A figure with fixed margins in inches (title and visit codes above, legends at the right).

    Fixed margins instead of constrained layout: the same look, at a third of the rendering time.
    """
    setup_matplotlib()
    fig = Figure(figsize=(WIDTH_IN, height_in))
    fig.subplots_adjust(left=0.7 / WIDTH_IN, right=1 - LEGEND_IN / WIDTH_IN, bottom=0.5 / height_in,
                        top=1 - 0.62 / height_in, hspace=0.2)
    axes = fig.subplots(rows, 1, sharex=True, squeeze=False)[:, 0]
    for ax in axes:
        ax.grid(True, color="#e4e7eb", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.tick_params(labelsize=8)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    return fig, list(axes)


def _x_range(ctx: EvaluationContext) -> tuple[int, int]:
    tl = ctx.timeline
    days = [dv.day for dv in tl.visits] + [0, tl.horizon]
    return min(days) - 3, max(days) + 3


def _visit_labels(ax: Axes, ctx: EvaluationContext) -> None:
    """Visit codes of performed visits along the top of the axes, at their study days; a label that would
    overlap the one before it moves right just enough (its grey line stays at the visit's day)."""
    trans = blended_transform_factory(ax.transData, ax.transAxes)
    lo, hi = ax.get_xlim()
    width_pt = ax.get_position().width * ax.figure.get_figwidth() * 72
    gap = (hi - lo) * 8.5 / width_pt  # days taken by one rotated label
    last = None
    for dv in ctx.timeline.visits:
        ax.axvline(dv.day, color="#cbd2d9", linewidth=0.5, zorder=0)
        x = dv.day if last is None else max(dv.day, last + gap)
        ax.text(x, 1.01, dv.code, transform=trans, rotation=90, fontsize=6.5, color=C_BASE, ha="center",
                va="bottom")
        last = x


def _hline(ax: Axes, y: float, label: str, color: str, style: str = "--") -> None:
    ax.axhline(y, color=color, linestyle=style, linewidth=1, label=label)


def _no_data(ax: Axes, text: str) -> None:
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center", fontsize=9, color=C_BASE)


def _finish(fig: Figure, axes: list[Axes], ctx: EvaluationContext, title: str,
            xlim: tuple[int, int] | None = None, fixed_y: tuple[Axes, ...] = ()) -> Figure:
    """Common finish: y room above every line (unless fixed), x range, visit marks, title, legends at the right."""
    for ax in axes:
        if ax not in fixed_y:
            top = max([float(max(line.get_ydata())) for line in ax.get_lines() if len(line.get_ydata())] + [0])
            ax.set_ylim(0, top * 1.15 if top > 0 else 1)
    axes[-1].set_xlim(*(xlim or _x_range(ctx)))
    axes[-1].set_xlabel(tr("Study day (day 0 = infusion 1)"), fontsize=8.5)
    _visit_labels(axes[0], ctx)
    for ax in axes[1:]:
        for dv in ctx.timeline.visits:
            ax.axvline(dv.day, color="#cbd2d9", linewidth=0.5, zorder=0)
    fig.suptitle(title, fontsize=10, fontweight="semibold", fontfamily="NanumGothic", x=0.01, y=0.985, ha="left",
                 va="top")
    for ax in axes:
        if ax.get_legend_handles_labels()[0]:
            ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
    return fig


def _no_day0_figure(ctx: EvaluationContext, title: str) -> Figure:
    fig, axes = _new_figure(1, 1.4)
    axes[0].set_axis_off()
    _no_data(axes[0], tr("Infusion 1 not given as of {0}: no study days yet.").format(ctx.as_of.isoformat()))
    fig.suptitle(title, fontsize=10, fontweight="semibold", fontfamily="NanumGothic", x=0.01, ha="left")
    return fig


def dose_figure(ctx: EvaluationContext) -> Figure:
    """Daily prednisone-equivalent dose over study days, the threshold line and the W4–W12 / W12–W24 periods."""
    title = tr("Daily prednisone-equivalent dose")
    tl, table, params = ctx.timeline, ctx.steroids, ctx.params
    if tl.day0 is None:
        return _no_day0_figure(ctx, title)
    fig, (ax,) = _new_figure(1, 2.9)
    lo, hi = _x_range(ctx)
    first = min([lo] + [seg.start for seg in table.segments])
    last = min(hi, tl.as_of_day if tl.as_of_day is not None else hi)
    days = list(range(first, last + 1))
    doses = [table.known_milli(d) / 1000 for d in days]
    ax.step(days, doses, where="mid", color=C_DOSE, linewidth=1.4, label=tr("pred-eq mg/day"))
    limit = params.steroid_threshold_mg
    ax.fill_between(days, doses, limit, where=[v > limit for v in doses], step="mid", color=C_EXCESS,
                    alpha=0.35, label=tr("above {0:g} mg/day").format(limit))
    _hline(ax, limit, tr("{0:g} mg/day").format(limit), C_THRESH)
    w4, w12, w24 = (period_bound(tl, code) for code in ("W4", "W12", "W24"))
    ax.axvspan(w4.day, w12.day, color=C_W4, alpha=0.8, zorder=0, label=tr("W4–W12 (primary)"))
    ax.axvspan(w12.day, w24.day, color=C_W12, alpha=0.8, zorder=0, label="W12–W24")
    if table.complete_through_day < hi:
        ax.axvspan(max(table.complete_through_day, lo) + 0.5, hi, facecolor="none", hatch="///",
                   edgecolor="#cbd2d9", linewidth=0, label=tr("log not yet complete"))
    ax.set_ylabel(tr("mg/day"), fontsize=8.5)
    ax.set_ylim(0, max([limit * 2] + doses) * 1.12)
    return _finish(fig, [ax], ctx, title, (min(lo, first - 1), hi), fixed_y=(ax,))


def _lab_points(ctx: EvaluationContext, key: str) -> tuple[list[int], list[float]]:
    series = ctx.timeline.lab_series(key)
    return [p.day for p in series], [float(p.value) for p in series]


def _baseline(ctx: EvaluationContext, key: str) -> float | None:
    point = ctx.timeline.baseline_lab(key)
    return None if point is None else float(point.value)


def haematology_figure(ctx: EvaluationContext) -> Figure:
    """Haemoglobin, ANC and platelets over study days with baseline and the W24 improvement levels (LC)."""
    title = tr("Haematology: haemoglobin, ANC, platelets")
    if ctx.timeline.day0 is None:
        return _no_day0_figure(ctx, title)
    params = ctx.params
    fig, axes = _new_figure(3, 5.0)
    panels: list[tuple[str, str, str, Callable[[float], tuple[float, str]]]] = [
        ("hemoglobin_g_dl", "Hgb (g/dL)", C_SERIES[0],
         lambda b: (b + params.hi_hgb_rise, tr("base + {0:g}").format(params.hi_hgb_rise))),
        ("anc_10e9_l", "ANC (×10⁹/L)", C_SERIES[1],
         lambda b: (max(2 * b, b + params.hi_anc_rise_abs), tr("2 × base, + {0:g}").format(params.hi_anc_rise_abs))),
        ("platelets_10e9_l", tr("Platelets (×10⁹/L)"), C_SERIES[2], lambda b: _platelet_level(b, params)),
    ]
    for ax, (key, label, colour, level) in zip(axes, panels, strict=True):
        days, values = _lab_points(ctx, key)
        if days:
            ax.plot(days, values, marker="o", markersize=3.5, color=colour, linewidth=1.2)
        else:
            _no_data(ax, tr("no values"))
        base = _baseline(ctx, key)
        if base is not None:
            _hline(ax, base, tr("baseline {0:g}").format(base), C_BASE, ":")
            y, text = level(base)
            _hline(ax, y, tr("improved ≥ {0:g}\n({1})").format(y, text), C_THRESH)
        ax.set_ylabel(label, fontsize=8.5)
    return _finish(fig, axes, ctx, title)


def _platelet_level(base: float, params: ProtocolParams) -> tuple[float, str]:
    if base > params.hi_plt_cut:
        return base + params.hi_plt_rise_hi, tr("base + {0:g}").format(params.hi_plt_rise_hi)
    return max(base + params.hi_plt_rise_lo, 2 * base), tr("2 × base, + {0:g}").format(params.hi_plt_rise_lo)


def renal_figure(ctx: EvaluationContext) -> Figure:
    """UPCR and eGFR (CKD-EPI 2021) over study days with the renal-response thresholds (LN)."""
    title = tr("Renal: UPCR and eGFR")
    tl, params = ctx.timeline, ctx.params
    if tl.day0 is None:
        return _no_day0_figure(ctx, title)
    subject = ctx.dossier.subject
    fig, axes = _new_figure(2, 4.2)
    days, values = _lab_points(ctx, "upcr_g_g")
    ax = axes[0]
    if days:
        ax.plot(days, values, marker="o", markersize=3.5, color=C_SERIES[0], linewidth=1.2)
    else:
        _no_data(ax, tr("no UPCR values"))
    base = _baseline(ctx, "upcr_g_g")
    if base is not None:
        _hline(ax, base, tr("baseline {0:g}").format(base), C_BASE, ":")
    _hline(ax, params.ln_upcr_max, tr("response ≤ {0:g} g/g").format(params.ln_upcr_max), C_THRESH)
    ax.set_ylabel("UPCR (g/g)", fontsize=8.5)
    ax = axes[1]
    series = tl.lab_series("creatinine_mg_dl")
    gfr = [egfr.egfr_on(float(p.value), subject.sex, subject.birth_date, p.date) for p in series]
    if series:
        ax.plot([p.day for p in series], gfr, marker="o", markersize=3.5, color=C_SERIES[1], linewidth=1.2)
    else:
        _no_data(ax, tr("no creatinine values"))
    _hline(ax, params.ln_egfr_min, f"eGFR ≥ {params.ln_egfr_min:g}", C_THRESH)
    base_scr = tl.baseline_lab("creatinine_mg_dl")
    if base_scr is not None:
        base_gfr = egfr.egfr_on(float(base_scr.value), subject.sex, subject.birth_date, base_scr.date)
        drop = params.ln_egfr_drop_pct
        _hline(ax, base_gfr, tr("baseline {0:.1f}").format(base_gfr), C_BASE, ":")
        _hline(ax, base_gfr * (1 - drop / 100), tr("baseline − {0:g} %").format(drop), C_EXCESS, "-.")
    ax.set_ylabel("eGFR (mL/min/1.73 m$^2$)", fontsize=8.5)  # mathtext: Nanum's ² is a speck
    return _finish(fig, axes, ctx, title)


def activity_figure(ctx: EvaluationContext) -> Figure:
    """SLEDAI-2K (complete visits only) and PGA over study days, with baselines."""
    title = tr("Disease activity: SLEDAI-2K and PGA")
    tl, params = ctx.timeline, ctx.params
    if tl.day0 is None:
        return _no_day0_figure(ctx, title)
    fig, axes = _new_figure(2, 4.0)
    scored = [(dv.day, sledai.score(dv.visit.sledai)) for dv in tl.visits]
    points = [(d, s) for d, s in scored if s is not None]
    ax = axes[0]
    if points:
        ax.plot(*zip(*points, strict=True), marker="o", markersize=4, color=C_SERIES[0], linewidth=1.2)
    else:
        _no_data(ax, tr("no complete SLEDAI-2K"))
    base = tl.baseline_sledai()
    if base is not None:
        base_score = sledai.score(base.visit.sledai)
        _hline(ax, base_score, tr("baseline {0}").format(base_score), C_BASE, ":")
        if base_score >= 4:
            _hline(ax, base_score - 4, tr("baseline − 4"), C_THRESH)
    ax.set_ylabel("SLEDAI-2K", fontsize=8.5)
    ax = axes[1]
    pga = [(dv.day, dv.visit.pga_tenths / 10) for dv in tl.visits if dv.visit.pga_tenths is not None]
    if pga:
        ax.plot(*zip(*pga, strict=True), marker="s", markersize=4, color=C_SERIES[2], linewidth=1.2)
    else:
        _no_data(ax, tr("no PGA"))
    base_pga = tl.baseline_pga()
    if base_pga is not None and base_pga.visit.pga_tenths is not None:
        tenths = base_pga.visit.pga_tenths
        _hline(ax, tenths / 10, tr("baseline {0:.1f}").format(tenths / 10), C_BASE, ":")
        limit = (tenths + params.sri_pga_max_increase_tenths) / 10
        _hline(ax, limit, tr("worsening ≥ {0:.1f}").format(limit), C_EXCESS, "-.")
    ax.set_ylabel("PGA (0–3)", fontsize=8.5)
    ax.set_ylim(0, 3.2)
    return _finish(fig, axes, ctx, title, fixed_y=(ax,))


def subject_figures(ctx: EvaluationContext) -> list[tuple[str, Figure]]:
    """(title, figure) of every plot for the subject's subgroup: dose, LC haematology or LN renal, activity."""
    out = [(tr("Daily prednisone-equivalent dose"), dose_figure(ctx))]
    if ctx.dossier.subject.subgroup == "LC":
        out.append((tr("Haematology"), haematology_figure(ctx)))
    else:
        out.append((tr("Renal function"), renal_figure(ctx)))
    out.append((tr("Disease activity"), activity_figure(ctx)))
    return out
