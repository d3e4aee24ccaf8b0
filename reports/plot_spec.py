"""The subject plots as data: what each figure shows (series, threshold levels, period bands, axis ranges and
ticks, visit marks, titles), computed once from the engine's evaluation context and drawn by two renderers, the
screen's matplotlib figures (reports.plots) and the print's vector drawings (reports.plot_drawing). Neither
renderer computes a value: the screen and the paper show the same figures from the same endpoints data.

Every value comes from the engine's shared modules (the steroid dose table, the timeline's baselines, CKD-EPI
eGFR, SLEDAI-2K scoring); threshold lines are drawn at the protocol parameters the engine uses. Geometry is in
inches of a figure `WIDTH_IN` wide: fixed margins (title and visit codes above, legends at the right).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from endpoints import egfr, sledai
from endpoints.params import ProtocolParams
from endpoints.steroids import period_bound
from endpoints.timeline import EvaluationContext
from reports.texts import tr

WIDTH_IN = 7.0
LEFT_IN, RIGHT_IN, BOTTOM_IN, TOP_IN = 0.7, 1.6, 0.5, 0.62  # margins; RIGHT_IN holds the legends
HSPACE = 0.2  # gap between stacked panels, as a fraction of a panel's height
AXES_W_IN = WIDTH_IN - LEFT_IN - RIGHT_IN
TICK_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)
C_DOSE = "#1f4e79"
C_EXCESS = "#c0392b"
C_BASE = "#52606d"
C_THRESH = "#b7791f"
C_W4 = "#dbeafe"
C_W12 = "#fde7c8"
C_HATCH = "#cbd2d9"
C_SERIES = ("#1f4e79", "#2f855a", "#9b2c2c")


@dataclass(frozen=True)
class Series:
    """A data line; `step`: drawn as steps centred on each x (a daily value); marker "o" or "s" (size in pt)."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    color: str
    width: float = 1.2
    label: str | None = None
    step: bool = False
    marker: str | None = None
    marker_size: float = 0.0


@dataclass(frozen=True)
class Excess:
    """The area between a step series and `level` on the days the series is above it."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    level: float
    color: str
    alpha: float
    label: str


@dataclass(frozen=True)
class Level:
    """A horizontal reference line (baseline or protocol threshold); style "--", ":" or "-."."""

    y: float
    label: str
    color: str
    style: str = "--"


@dataclass(frozen=True)
class Band:
    """A period between two study days, filled (alpha) or hatched."""

    x0: float
    x1: float
    color: str
    label: str
    alpha: float = 0.8
    hatched: bool = False


@dataclass(frozen=True)
class Panel:
    """One set of axes; the legend lists series, excess areas, levels, then bands, in that order."""

    ylabel: str
    ylim: tuple[float, float]
    yticks: tuple[float, ...]
    series: tuple[Series, ...] = ()
    excess: tuple[Excess, ...] = ()
    levels: tuple[Level, ...] = ()
    bands: tuple[Band, ...] = ()
    message: str = ""  # printed at the centre ("no values")


@dataclass(frozen=True)
class VisitMark:
    """A performed visit: a grey line at its study day, its code along the top at `label_x` (moved right just
    enough not to overlap the code before it)."""

    day: int
    code: str
    label_x: float


@dataclass(frozen=True)
class FigureSpec:
    """A figure: panels stacked over a shared study-day axis, or only `message` when there is no study day."""

    title: str
    height_in: float
    panels: tuple[Panel, ...] = ()
    xlim: tuple[float, float] = (0.0, 1.0)
    xticks: tuple[float, ...] = ()
    xlabel: str = ""
    visits: tuple[VisitMark, ...] = ()
    message: str = ""


def axes_boxes(spec: FigureSpec) -> list[tuple[float, float]]:
    """(bottom, top) in inches from the figure's bottom of each panel, top panel first."""
    n = len(spec.panels)
    span = spec.height_in - TOP_IN - BOTTOM_IN
    height = span / (n + HSPACE * (n - 1))
    top = spec.height_in - TOP_IN
    return [(top - i * height * (1 + HSPACE) - height, top - i * height * (1 + HSPACE)) for i in range(n)]


def nice_ticks(lo: float, hi: float, length_in: float, label_pt: float) -> tuple[float, ...]:
    """Ticks at multiples of a 1, 2, 2.5 or 5 × 10ⁿ step inside [lo, hi], at most one per `label_pt` points of
    axis (and at most 9 intervals), as matplotlib's default locator places them."""
    bins = max(1, min(9, int(length_in * 72 // label_pt)))
    raw = (hi - lo) / bins
    scale = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    step = next(s * scale for s in TICK_STEPS if s * scale >= raw - 1e-12)
    first = math.ceil(lo / step - 1e-9)
    last = math.floor(hi / step + 1e-9)
    return tuple(round(k * step, 10) for k in range(first, last + 1))


def _panel(ylabel: str, ylim: tuple[float, float] | None, height_in: float, series: tuple[Series, ...] = (),
           levels: tuple[Level, ...] = (), message: str = "", **kw) -> Panel:
    """A panel; without a fixed `ylim`, from 0 to 15 % above the highest series value or level."""
    if ylim is None:
        top = max([y for s in series for y in s.ys] + [lv.y for lv in levels] + [0.0])
        ylim = (0.0, top * 1.15 if top > 0 else 1.0)
    return Panel(ylabel, ylim, nice_ticks(*ylim, height_in, 16), series, levels=levels, message=message, **kw)


def _x_range(ctx: EvaluationContext) -> tuple[int, int]:
    tl = ctx.timeline
    days = [dv.day for dv in tl.visits] + [0, tl.horizon]
    return min(days) - 3, max(days) + 3


def _visit_marks(ctx: EvaluationContext, xlim: tuple[float, float]) -> tuple[VisitMark, ...]:
    gap = (xlim[1] - xlim[0]) * 8.5 / (AXES_W_IN * 72)  # days taken by one rotated label
    marks: list[VisitMark] = []
    for dv in ctx.timeline.visits:
        x = dv.day if not marks else max(dv.day, marks[-1].label_x + gap)
        marks.append(VisitMark(dv.day, dv.code, x))
    return tuple(marks)


def _figure(ctx: EvaluationContext, title: str, height_in: float, panels: Callable[[float], tuple[Panel, ...]],
            n: int, xlim: tuple[float, float] | None = None) -> FigureSpec:
    """A figure of `n` panels made by `panels(panel height in inches)` over the subject's study days."""
    xlim = xlim or _x_range(ctx)
    panel_h = (height_in - TOP_IN - BOTTOM_IN) / (n + HSPACE * (n - 1))
    return FigureSpec(title, height_in, panels(panel_h), xlim, nice_ticks(*xlim, AXES_W_IN, 24),
                      tr("Study day (day 0 = infusion 1)"), _visit_marks(ctx, xlim))


def _no_day0(ctx: EvaluationContext, title: str) -> FigureSpec:
    return FigureSpec(title, 1.4, message=tr("Infusion 1 not given as of {0}: no study days yet.").format(
        ctx.as_of.isoformat()))


def dose_spec(ctx: EvaluationContext) -> FigureSpec:
    """Daily prednisone-equivalent dose over study days, the threshold line and the W4–W12 / W12–W24 periods."""
    title = tr("Daily prednisone-equivalent dose")
    tl, table, params = ctx.timeline, ctx.steroids, ctx.params
    if tl.day0 is None:
        return _no_day0(ctx, title)
    lo, hi = _x_range(ctx)
    first = min([lo] + [seg.start for seg in table.segments])
    last = min(hi, tl.as_of_day if tl.as_of_day is not None else hi)
    days = tuple(float(d) for d in range(first, last + 1))
    doses = tuple(table.known_milli(int(d)) / 1000 for d in days)
    limit = params.steroid_threshold_mg
    w4, w12, w24 = (period_bound(tl, code) for code in ("W4", "W12", "W24"))
    bands = [Band(w4.day, w12.day, C_W4, tr("W4–W12 (primary)")), Band(w12.day, w24.day, C_W12, "W12–W24")]
    if table.complete_through_day < hi:
        bands.append(Band(max(table.complete_through_day, lo) + 0.5, hi, C_HATCH, tr("log not yet complete"),
                          hatched=True))

    def panels(height: float) -> tuple[Panel, ...]:
        return (_panel(tr("mg/day"), (0.0, max([limit * 2, *doses]) * 1.12), height,
                       (Series(days, doses, C_DOSE, 1.4, tr("pred-eq mg/day"), step=True),),
                       (Level(limit, tr("{0:g} mg/day").format(limit), C_THRESH),),
                       excess=(Excess(days, doses, limit, C_EXCESS, 0.35, tr("above {0:g} mg/day").format(limit)),),
                       bands=tuple(bands)),)

    return _figure(ctx, title, 2.9, panels, 1, (min(lo, first - 1), hi))


def _lab_series(ctx: EvaluationContext, key: str, color: str) -> tuple[Series, ...]:
    points = ctx.timeline.lab_series(key)
    if not points:
        return ()
    return (Series(tuple(float(p.day) for p in points), tuple(float(p.value) for p in points), color,
                   marker="o", marker_size=3.5),)


def _baseline(ctx: EvaluationContext, key: str) -> float | None:
    point = ctx.timeline.baseline_lab(key)
    return None if point is None else float(point.value)


def _platelet_level(base: float, params: ProtocolParams) -> tuple[float, str]:
    if base > params.hi_plt_cut:
        return base + params.hi_plt_rise_hi, tr("base + {0:g}").format(params.hi_plt_rise_hi)
    return max(base + params.hi_plt_rise_lo, 2 * base), tr("2 × base, + {0:g}").format(params.hi_plt_rise_lo)


def haematology_spec(ctx: EvaluationContext) -> FigureSpec:
    """Haemoglobin, ANC and platelets over study days with baseline and the W24 improvement levels (LC)."""
    title = tr("Haematology: haemoglobin, ANC, platelets")
    if ctx.timeline.day0 is None:
        return _no_day0(ctx, title)
    params = ctx.params
    rows: list[tuple[str, str, str, Callable[[float], tuple[float, str]]]] = [
        ("hemoglobin_g_dl", "Hgb (g/dL)", C_SERIES[0],
         lambda b: (b + params.hi_hgb_rise, tr("base + {0:g}").format(params.hi_hgb_rise))),
        ("anc_10e9_l", "ANC (×10⁹/L)", C_SERIES[1],
         lambda b: (max(2 * b, b + params.hi_anc_rise_abs), tr("2 × base, + {0:g}").format(params.hi_anc_rise_abs))),
        ("platelets_10e9_l", tr("Platelets (×10⁹/L)"), C_SERIES[2], lambda b: _platelet_level(b, params)),
    ]

    def panels(height: float) -> tuple[Panel, ...]:
        out = []
        for key, label, colour, level in rows:
            series = _lab_series(ctx, key, colour)
            levels: tuple[Level, ...] = ()
            base = _baseline(ctx, key)
            if base is not None:
                y, text = level(base)
                levels = (Level(base, tr("baseline {0:g}").format(base), C_BASE, ":"),
                          Level(y, tr("improved ≥ {0:g}\n({1})").format(y, text), C_THRESH))
            out.append(_panel(label, None, height, series, levels, "" if series else tr("no values")))
        return tuple(out)

    return _figure(ctx, title, 5.0, panels, 3)


def renal_spec(ctx: EvaluationContext) -> FigureSpec:
    """UPCR and eGFR (CKD-EPI 2021) over study days with the renal-response thresholds (LN)."""
    title = tr("Renal: UPCR and eGFR")
    tl, params = ctx.timeline, ctx.params
    if tl.day0 is None:
        return _no_day0(ctx, title)
    subject = ctx.dossier.subject

    def panels(height: float) -> tuple[Panel, ...]:
        upcr = _lab_series(ctx, "upcr_g_g", C_SERIES[0])
        base = _baseline(ctx, "upcr_g_g")
        levels = (Level(base, tr("baseline {0:g}").format(base), C_BASE, ":"),) if base is not None else ()
        levels += (Level(params.ln_upcr_max, tr("response ≤ {0:g} g/g").format(params.ln_upcr_max), C_THRESH),)
        first = _panel("UPCR (g/g)", None, height, upcr, levels, "" if upcr else tr("no UPCR values"))
        points = tl.lab_series("creatinine_mg_dl")
        gfr = tuple(egfr.egfr_on(float(p.value), subject.sex, subject.birth_date, p.date) for p in points)
        series = (Series(tuple(float(p.day) for p in points), gfr, C_SERIES[1], marker="o", marker_size=3.5),) \
            if points else ()
        levels = (Level(params.ln_egfr_min, f"eGFR ≥ {params.ln_egfr_min:g}", C_THRESH),)
        base_scr = tl.baseline_lab("creatinine_mg_dl")
        if base_scr is not None:
            base_gfr = egfr.egfr_on(float(base_scr.value), subject.sex, subject.birth_date, base_scr.date)
            drop = params.ln_egfr_drop_pct
            levels += (Level(base_gfr, tr("baseline {0:.1f}").format(base_gfr), C_BASE, ":"),
                       Level(base_gfr * (1 - drop / 100), tr("baseline − {0:g} %").format(drop), C_EXCESS, "-."))
        second = _panel("eGFR (mL/min/1.73 m²)", None, height, series, levels,
                        "" if series else tr("no creatinine values"))
        return first, second

    return _figure(ctx, title, 4.2, panels, 2)


def activity_spec(ctx: EvaluationContext) -> FigureSpec:
    """SLEDAI-2K (complete visits only) and PGA over study days, with baselines."""
    title = tr("Disease activity: SLEDAI-2K and PGA")
    tl, params = ctx.timeline, ctx.params
    if tl.day0 is None:
        return _no_day0(ctx, title)

    def panels(height: float) -> tuple[Panel, ...]:
        scored = [(float(dv.day), sledai.score(dv.visit.sledai)) for dv in tl.visits]
        points = [(d, float(s)) for d, s in scored if s is not None]
        series = (Series(*map(tuple, zip(*points, strict=True)), C_SERIES[0], marker="o", marker_size=4),) \
            if points else ()
        levels: tuple[Level, ...] = ()
        base = tl.baseline_sledai()
        if base is not None:
            base_score = sledai.score(base.visit.sledai)
            levels = (Level(base_score, tr("baseline {0}").format(base_score), C_BASE, ":"),)
            if base_score >= 4:
                levels += (Level(base_score - 4, tr("baseline − 4"), C_THRESH),)
        first = _panel("SLEDAI-2K", None, height, series, levels, "" if series else tr("no complete SLEDAI-2K"))
        pga = [(float(dv.day), dv.visit.pga_tenths / 10) for dv in tl.visits if dv.visit.pga_tenths is not None]
        series = (Series(*map(tuple, zip(*pga, strict=True)), C_SERIES[2], marker="s", marker_size=4),) \
            if pga else ()
        levels = ()
        base_pga = tl.baseline_pga()
        if base_pga is not None and base_pga.visit.pga_tenths is not None:
            tenths = base_pga.visit.pga_tenths
            limit = (tenths + params.sri_pga_max_increase_tenths) / 10
            levels = (Level(tenths / 10, tr("baseline {0:.1f}").format(tenths / 10), C_BASE, ":"),
                      Level(limit, tr("worsening ≥ {0:.1f}").format(limit), C_EXCESS, "-."))
        second = _panel("PGA (0–3)", (0.0, 3.2), height, series, levels, "" if series else tr("no PGA"))
        return first, second

    return _figure(ctx, title, 4.0, panels, 2)


def subject_specs(ctx: EvaluationContext) -> list[tuple[str, FigureSpec]]:
    """(title, figure) of every plot for the subject's subgroup: dose, LC haematology or LN renal, activity."""
    out = [(tr("Daily prednisone-equivalent dose"), dose_spec(ctx))]
    if ctx.dossier.subject.subgroup == "LC":
        out.append((tr("Haematology"), haematology_spec(ctx)))
    else:
        out.append((tr("Renal function"), renal_spec(ctx)))
    out.append((tr("Disease activity"), activity_spec(ctx)))
    return out
