"""The operational view's charts (matplotlib `Figure`, no pyplot): enrolment against target per subgroup,
visits by outcome, open queries by age, forms complete per visit, and source-verification progress. Each bar
is pickable and carries (as its gid) the key of the `ops_items.Item` whose list it opens.

Each chart is a sub-figure of a constrained layout in three rows of two (the charts' pane is taller than wide on
the 1366×768 laptop), titled across its whole width, tick labels included, so no title or tick label runs into its
neighbour's at any size of the pane."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from PySide6.QtCore import QCoreApplication

from endpoints.operations import AGE_BUCKETS, Operations
from reports.fonts import setup_matplotlib
from ui.status.labels import STATUS_COLOURS


def _tr(text: str) -> str:
    return QCoreApplication.translate("operations", text)


def _panel(panel: SubFigure, title: str) -> Axes:
    """The axes of one chart, under its title (left-aligned over the whole panel)."""
    panel.suptitle(title, fontsize=9, x=0.02, ha="left", fontweight="bold")
    return panel.subplots()


def _style(ax: Axes) -> None:
    ax.tick_params(labelsize=7.5)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(True, axis="x", color="#e4e7eb", linewidth=0.6)
    ax.set_axisbelow(True)


def _bars(ax: Axes, labels: list[str], values: list[float], colours: list[str], gids: list[str],
          texts: list[str]) -> None:
    bars = ax.barh(labels, values, color=colours)
    for bar, gid, text in zip(bars, gids, texts, strict=True):
        bar.set_gid(gid)
        bar.set_picker(True)
        ax.annotate(text, (bar.get_width(), bar.get_y() + bar.get_height() / 2), xytext=(3, 0),
                    textcoords="offset points", va="center", fontsize=7.5)
    ax.invert_yaxis()
    ax.margins(x=0.25)


def operations_figure(ops: Operations) -> Figure:
    """Six panels; each bar's gid is the key of the `ops_items.Item` whose list it opens."""
    setup_matplotlib()
    fig = Figure(figsize=(5.6, 6.4), layout=ConstrainedLayoutEngine(w_pad=0.04, h_pad=0.04, hspace=0.04, wspace=0.04))
    panels = fig.subfigures(3, 2).ravel()
    ax = _panel(panels[0], _tr("Enrolled vs target (red line)"))
    labels = [e.subgroup for e in ops.enrolment]
    _bars(ax, labels, [len(e.enrolled) for e in ops.enrolment], ["#1f4e79"] * len(labels),
          [f"enrolment:{e.subgroup}" for e in ops.enrolment],
          [f"{len(e.enrolled)}/{e.target}" for e in ops.enrolment])
    for i, e in enumerate(ops.enrolment):
        ax.plot([e.target, e.target], [i - 0.4, i + 0.4], color="#c62828", linewidth=1.5)
    _style(ax)
    ax = _panel(panels[1], _tr("Visits"))
    visits = [("in_window", _tr("In window"), len(ops.in_window), STATUS_COLOURS["complete"]),
              ("out_of_window", _tr("Out of window"), len(ops.out_of_window), STATUS_COLOURS["incomplete"]),
              ("missed", _tr("Missed"), len(ops.missed), STATUS_COLOURS["missed"]),
              ("overdue", _tr("Overdue"), len(ops.overdue), STATUS_COLOURS["overdue"])]
    _bars(ax, [v[1] for v in visits], [v[2] for v in visits], [v[3] for v in visits],
          [f"visits:{v[0]}" for v in visits], [str(v[2]) for v in visits])
    _style(ax)
    ax = _panel(panels[2], _tr("Open queries by age"))
    ages = [len(ops.open_queries_by_age.get(b, ())) for b in AGE_BUCKETS]
    _bars(ax, [_tr("{0} d").format(b) for b in AGE_BUCKETS], ages, ["#f0b429", "#de911d", "#c62828"],
          [f"age:{b}" for b in AGE_BUCKETS], [str(n) for n in ages])
    _style(ax)
    ax = _panel(panels[3], _tr("Forms complete (%)"))
    forms = [f for f in ops.forms if f.performed]
    pct = [100 * len(f.complete) / len(f.performed) for f in forms]
    _bars(ax, [f.code for f in forms], pct, [STATUS_COLOURS["complete"]] * len(forms),
          [f"forms:{f.code}" for f in forms],
          [f"{len(f.complete)}/{len(f.performed)}" for f in forms])
    ax.set_xlim(0, 125)
    ax.tick_params(axis="y", labelsize=6.5)
    _style(ax)
    ax = _panel(panels[4], _tr("Source-verified (%)"))
    sdv = [("visits", _tr("Visits"), ops.visits_verified_percent or 0.0,
            f"{len(ops.visits_verified)}/{ops.visits_performed}"),
           ("values", _tr("Values"), ops.values_verified_percent or 0.0,
            f"{ops.values_verified}/{ops.values_verifiable}")]
    _bars(ax, [s[1] for s in sdv], [s[2] for s in sdv], [STATUS_COLOURS["verified"]] * 2,
          [f"sdv:{s[0]}" for s in sdv], [s[3] for s in sdv])
    ax.set_xlim(0, 125)
    _style(ax)
    ax = _panel(panels[5], _tr("Visits to sign"))
    waiting = len(ops.waiting_for_signature)
    _bars(ax, [_tr("Waiting")], [waiting], [STATUS_COLOURS["signed"]], ["signatures"], [str(waiting)])
    _style(ax)
    fig.suptitle(_tr("Click a bar to list what is behind it"), fontsize=8, x=0.01, ha="left", color="#5f6b7a")
    return fig
