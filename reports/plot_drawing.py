"""The printed subject plots: a figure of reports.plot_spec drawn as a reportlab vector `Drawing` (a flowable)
at its printed width, with the look of the screen's matplotlib figure (reports.plots): panels with left and
bottom spines, grid, ticks and their labels, grey visit lines with the visit codes along the top, the title at
the top left and each panel's legend at its right. No pixels and no matplotlib: a plot costs a few hundred
vector operations and prints sharp at any zoom.

    drawing(spec, width=FRAME_W)   # a Drawing of the figure scaled to `width` points
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Drawing, Group, Line, Path, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.colors import Color

from reports import plot_spec as ps
from reports.fonts import FONT, text_pieces

INK = colors.black
GRID = colors.HexColor("#e4e7eb")
DASHES = {"--": [3.7, 1.6], ":": [1, 1.65], "-.": [6.4, 1.6, 1, 1.6], "-": None}
TICK_LEN, TICK_PAD, LABEL_PAD = 3.5, 3.5, 4.0  # points, as matplotlib's defaults
LEGEND_SIZE, HANDLE_W, HANDLE_H, HANDLE_PAD, LEGEND_GAP = 7.0, 14.0, 4.9, 5.6, 3.5
HATCH_STEP = 6.0  # "///" as the screen shows it: 12 lines per inch
ASCENT = 0.75  # of the font size: the baseline under a line's top


def _colour(hex_colour: str) -> Color:
    return colors.HexColor(hex_colour)


def _text(x: float, y: float, text: str, size: float, *, bold: bool = False, colour: Color = INK,
          anchor: str = "start") -> String | Group:
    """One line of text with glyph fallback (runs of the fallback font), baseline at y; anchor start/middle/end."""
    pieces = text_pieces(text, size, bold)
    total = sum(width for _, _, width in pieces)
    x -= {"start": 0.0, "middle": total / 2, "end": total}[anchor]
    strings = []
    for face, chunk, width in pieces:
        strings.append(String(x, y, chunk, fontName=face, fontSize=size, fillColor=colour))
        x += width
    return strings[0] if len(strings) == 1 else Group(*strings)


def _rotated(x: float, y: float, text: str, size: float, colour: Color = INK, anchor: str = "start") -> Group:
    """Text turned 90° anticlockwise, its baseline on the vertical line x, starting (anchor) at y."""
    group = Group(_text(0, 0, text, size, colour=colour, anchor=anchor))
    group.transform = (0, 1, -1, 0, x, y)
    return group


def _line(x0: float, y0: float, x1: float, y1: float, colour: Color, width: float, style: str = "-") -> Line:
    return Line(x0, y0, x1, y1, strokeColor=colour, strokeWidth=width, strokeDashArray=DASHES[style])


def _rules(segments: list[tuple[float, float, float, float]], colour: Color, width: float) -> Path:
    """Straight segments (x0, y0, x1, y1) of one colour and width, as one path."""
    path = Path(strokeColor=colour, strokeWidth=width, fillColor=None)
    for x0, y0, x1, y1 in segments:
        path.moveTo(x0, y0)
        path.lineTo(x1, y1)
    return path


def _hatch(x0: float, y0: float, x1: float, y1: float, colour: Color) -> Path:
    """45° lines filling the rectangle (the "///" hatch)."""
    segments = []
    c = math.floor((x0 - y1) / HATCH_STEP) * HATCH_STEP
    while c <= x1 - y0:
        xa, xb = max(x0, y0 + c), min(x1, y1 + c)
        if xb > xa:
            segments.append((xa, xa - c, xb, xb - c))
        c += HATCH_STEP
    return _rules(segments, colour, 0.8)


def _tick_text(ticks: tuple[float, ...]) -> list[str]:
    """Tick labels with one number of decimals for the whole axis (as matplotlib's ScalarFormatter)."""
    decimals = next((d for d in range(6) if all(abs(round(t, d) - t) < 1e-9 for t in ticks)), 6)
    return [f"{t:.{decimals}f}" for t in ticks]


def _step_points(xs: tuple[float, ...], ys: tuple[float, ...]) -> list[tuple[float, float]]:
    """Corners of a step line centred on each x (only where the value changes)."""
    points = [(xs[0], ys[0])]
    for i in range(1, len(xs)):
        if ys[i] != ys[i - 1]:
            mid = (xs[i - 1] + xs[i]) / 2
            points += [(mid, ys[i - 1]), (mid, ys[i])]
    points.append((xs[-1], ys[-1]))
    return points


def _excess_polygons(e: ps.Excess) -> list[list[tuple[float, float]]]:
    """Outline of each run of days above the level (steps centred on each day, within the series' days)."""
    out: list[list[tuple[float, float]]] = []
    run: list[int] = []
    for i, y in enumerate([*e.ys, e.level]):
        if i < len(e.ys) and y > e.level:
            run.append(i)
            continue
        if run:
            lo, hi = max(e.xs[run[0]] - 0.5, e.xs[0]), min(e.xs[run[-1]] + 0.5, e.xs[-1])
            points = [(lo, e.level)]
            for j in run:
                points += [(max(e.xs[j] - 0.5, lo), e.ys[j]), (min(e.xs[j] + 0.5, hi), e.ys[j])]
            out.append([*points, (hi, e.level)])
            run = []
    return out


class _Axes:
    """Data to figure points for one panel."""

    def __init__(self, spec: ps.FigureSpec, panel: ps.Panel, bottom_in: float, top_in: float) -> None:
        self.left, self.right = ps.LEFT_IN * 72, (ps.WIDTH_IN - ps.RIGHT_IN) * 72
        self.bottom, self.top = bottom_in * 72, top_in * 72
        self.xlim, self.ylim = spec.xlim, panel.ylim

    def x(self, value: float) -> float:
        lo, hi = self.xlim
        return self.left + (min(max(value, lo), hi) - lo) / (hi - lo) * (self.right - self.left)

    def y(self, value: float) -> float:
        lo, hi = self.ylim
        return self.bottom + (value - lo) / (hi - lo) * (self.top - self.bottom)

    def points(self, pairs: list[tuple[float, float]]) -> list[float]:
        return [c for x, y in pairs for c in (self.x(x), self.y(y))]


def _marker(group: Group, x: float, y: float, kind: str | None, size: float, colour: Color) -> None:
    if kind == "o":
        r = size / 2
        group.add(Polygon([c for k in range(12) for c in (x + r * math.cos(k * math.pi / 6),
                                                           y + r * math.sin(k * math.pi / 6))],
                          fillColor=colour, strokeColor=colour, strokeWidth=1))
    elif kind == "s":
        group.add(Rect(x - size / 2, y - size / 2, size, size, fillColor=colour, strokeColor=colour, strokeWidth=1))


def _data(group: Group, ax: _Axes, panel: ps.Panel, spec: ps.FigureSpec) -> None:
    """Bands, visit lines, grid, hatching, excess areas, series and levels, bottom to top."""
    for b in panel.bands:
        if not b.hatched:
            group.add(Rect(ax.x(b.x0), ax.bottom, ax.x(b.x1) - ax.x(b.x0), ax.top - ax.bottom, strokeColor=None,
                           fillColor=_colour(b.color), fillOpacity=b.alpha))
    group.add(_rules([(ax.x(m.day), ax.bottom, ax.x(m.day), ax.top) for m in spec.visits], _colour(ps.C_HATCH), 0.5))
    group.add(_rules([(ax.x(t), ax.bottom, ax.x(t), ax.top) for t in spec.xticks]
                     + [(ax.left, ax.y(t), ax.right, ax.y(t)) for t in panel.yticks], GRID, 0.6))
    for b in panel.bands:
        if b.hatched:
            group.add(_hatch(ax.x(b.x0), ax.bottom, ax.x(b.x1), ax.top, _colour(b.color)))
    for e in panel.excess:
        for outline in _excess_polygons(e):
            group.add(Polygon(ax.points(outline), fillColor=_colour(e.color), fillOpacity=e.alpha, strokeColor=None))
    for s in panel.series:
        pairs = _step_points(s.xs, s.ys) if s.step else list(zip(s.xs, s.ys, strict=True))
        colour = _colour(s.color)
        if len(pairs) > 1:
            group.add(PolyLine(ax.points(pairs), strokeColor=colour, strokeWidth=s.width, strokeLineJoin=1))
        for x, y in zip(s.xs, s.ys, strict=True):
            _marker(group, ax.x(x), ax.y(y), s.marker, s.marker_size, colour)
    for lv in panel.levels:
        group.add(_line(ax.left, ax.y(lv.y), ax.right, ax.y(lv.y), _colour(lv.color), 1, lv.style))
    if panel.message:
        group.add(_text((ax.left + ax.right) / 2, (ax.bottom + ax.top) / 2 - 0.35 * 9, panel.message, 9,
                        colour=_colour(ps.C_BASE), anchor="middle"))


def _axis_furniture(group: Group, ax: _Axes, spec: ps.FigureSpec, panel: ps.Panel, last: bool) -> None:
    """Spines, ticks, tick labels and axis labels."""
    group.add(_rules([(ax.left, ax.bottom, ax.left, ax.top), (ax.left, ax.bottom, ax.right, ax.bottom)]
                     + [(ax.left - TICK_LEN, ax.y(t), ax.left, ax.y(t)) for t in panel.yticks]
                     + [(ax.x(t), ax.bottom - TICK_LEN, ax.x(t), ax.bottom) for t in spec.xticks], INK, 0.8))
    widest = 0.0
    for t, label in zip(panel.yticks, _tick_text(panel.yticks), strict=True):
        group.add(_text(ax.left - TICK_LEN - TICK_PAD, ax.y(t) - 0.35 * 8, label, 8, anchor="end"))
        widest = max(widest, sum(w for _, _, w in text_pieces(label, 8, False)))
    group.add(_rotated(ax.left - TICK_LEN - TICK_PAD - widest - LABEL_PAD - 0.25 * 8.5, (ax.bottom + ax.top) / 2,
                       panel.ylabel, 8.5, anchor="middle"))
    if last:
        for t, label in zip(spec.xticks, _tick_text(spec.xticks), strict=True):
            group.add(_text(ax.x(t), ax.bottom - TICK_LEN - TICK_PAD - ASCENT * 8, label, 8, anchor="middle"))
        group.add(_text((ax.left + ax.right) / 2, ax.bottom - TICK_LEN - TICK_PAD - 8 - LABEL_PAD - ASCENT * 8.5,
                        spec.xlabel, 8.5, anchor="middle"))


def _legend(group: Group, ax: _Axes, panel: ps.Panel) -> None:
    """Series, excess areas, levels and bands with their labels, centred at the right of the panel."""
    entries: list[tuple[object, str]] = [(s, s.label) for s in panel.series if s.label]
    entries += [(e, e.label) for e in panel.excess] + [(lv, lv.label) for lv in panel.levels]
    entries += [(b, b.label) for b in panel.bands]
    if not entries:
        return
    line_h = LEGEND_SIZE * 1.2
    heights = [max(HANDLE_H, line_h * len(label.split("\n"))) for _, label in entries]
    top = (ax.bottom + ax.top) / 2 + (sum(heights) + LEGEND_GAP * (len(entries) - 1)) / 2
    x0 = ax.right + 0.01 * (ax.right - ax.left) + 3.5 + 2.8
    for (item, label), height in zip(entries, heights, strict=True):
        middle = top - height / 2
        if isinstance(item, ps.Series):
            group.add(_line(x0, middle, x0 + HANDLE_W, middle, _colour(item.color), item.width))
            _marker(group, x0 + HANDLE_W / 2, middle, item.marker, item.marker_size, _colour(item.color))
        elif isinstance(item, ps.Level):
            group.add(_line(x0, middle, x0 + HANDLE_W, middle, _colour(item.color), 1, item.style))
        elif isinstance(item, ps.Band) and item.hatched:
            group.add(_hatch(x0, middle - HANDLE_H / 2, x0 + HANDLE_W, middle + HANDLE_H / 2, _colour(item.color)))
        elif isinstance(item, (ps.Band, ps.Excess)):
            group.add(Rect(x0, middle - HANDLE_H / 2, HANDLE_W, HANDLE_H, strokeColor=None,
                           fillColor=_colour(item.color), fillOpacity=item.alpha))
        lines = label.split("\n")
        for i, text in enumerate(lines):
            baseline = top - (height - line_h * len(lines)) / 2 - line_h * i - ASCENT * LEGEND_SIZE - 0.5
            group.add(_text(x0 + HANDLE_W + HANDLE_PAD, baseline, text, LEGEND_SIZE))
        top -= height + LEGEND_GAP


def drawing(spec: ps.FigureSpec, width: float) -> Drawing:
    """The figure as a vector Drawing `width` points wide (its height in proportion)."""
    w, h = ps.WIDTH_IN * 72, spec.height_in * 72
    scale = width / w
    group = Group()
    group.transform = (scale, 0, 0, scale, 0, 0)
    if not spec.panels:
        group.add(_text(w / 2, h / 2 - 0.35 * 9, spec.message, 9, colour=_colour(ps.C_BASE), anchor="middle"))
        group.add(_text(0.01 * w, 0.98 * h - ASCENT * 10, spec.title, 10, bold=True))
    else:
        boxes = ps.axes_boxes(spec)
        for i, (panel, (bottom, top)) in enumerate(zip(spec.panels, boxes, strict=True)):
            ax = _Axes(spec, panel, bottom, top)
            _data(group, ax, panel, spec)
            _axis_furniture(group, ax, spec, panel, last=i == len(spec.panels) - 1)
            _legend(group, ax, panel)
            if i == 0:
                for mark in spec.visits:
                    group.add(_rotated(ax.x(mark.label_x) + 0.3 * 6.5, ax.top + 0.01 * (ax.top - ax.bottom),
                                       mark.code, 6.5, _colour(ps.C_BASE)))
        group.add(_text(0.01 * w, 0.985 * h - ASCENT * 10, spec.title, 10, bold=True))
    out = Drawing(width, h * scale, initialFontName=FONT)  # never the base-14 Helvetica renderPDF starts with
    out.add(group)
    return out
