from __future__ import annotations

from dataclasses import replace

from matplotlib.figure import Figure

from endpoints.params import ProtocolParams
from reports import plots
from tests.reports.sample import sample_dossier


def _titles(figs: list[tuple[str, Figure]]) -> list[str]:
    return [title for title, _ in figs]


def test_ln_and_lc_subjects_get_their_subgroup_plots() -> None:
    ln = plots.subject_figures(plots.plot_context(sample_dossier("LN", "LN-01"), ProtocolParams()))
    lc = plots.subject_figures(plots.plot_context(sample_dossier("LC", "LC-01"), ProtocolParams()))
    assert _titles(ln) == ["Daily prednisone-equivalent dose", "Renal function", "Disease activity"]
    assert _titles(lc) == ["Daily prednisone-equivalent dose", "Haematology", "Disease activity"]
    assert [len(fig.axes) for _, fig in lc] == [1, 3, 2]


def test_dose_plot_draws_the_engine_doses_and_the_threshold_line() -> None:
    ctx = plots.plot_context(sample_dossier("LN", "LN-01"), ProtocolParams())
    ax = plots.dose_figure(ctx).axes[0]
    step = ax.get_lines()[0]
    days, doses = list(step.get_xdata()), list(step.get_ydata())
    assert doses[days.index(121)] == float(ctx.steroids.dose_mg(121))  # the 10 mg excursion on days 120-123
    assert doses[days.index(121)] == 15.0
    assert any(list(line.get_ydata()) == [7.5, 7.5] for line in ax.get_lines())
    assert ax.get_ylabel() == "mg/day"


def test_threshold_follows_the_protocol_parameter() -> None:
    params = replace(ProtocolParams(), steroid_threshold_mg=10.0)
    ax = plots.dose_figure(plots.plot_context(sample_dossier(), params)).axes[0]
    assert any(list(line.get_ydata()) == [10.0, 10.0] for line in ax.get_lines())


def test_subject_without_day0_gets_a_plain_message() -> None:
    d = sample_dossier()
    no_day0 = replace(d, infusions=tuple(replace(i, date=None, completion=None) for i in d.infusions))
    fig = plots.dose_figure(plots.plot_context(no_day0, ProtocolParams()))
    assert "Infusion 1 not given" in fig.axes[0].texts[0].get_text()


def test_png_rendering() -> None:
    fig = plots.activity_figure(plots.plot_context(sample_dossier(), ProtocolParams()))
    assert plots.figure_png(fig, dpi=50).startswith(b"\x89PNG")


def test_figures_embed_in_qt(qtbot) -> None:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    ctx = plots.plot_context(sample_dossier("LC", "LC-01"), ProtocolParams())
    for _, fig in plots.subject_figures(ctx):
        canvas = FigureCanvasQTAgg(fig)
        qtbot.addWidget(canvas)
        canvas.resize(700, 400)
        canvas.draw()
        assert canvas.figure is fig
