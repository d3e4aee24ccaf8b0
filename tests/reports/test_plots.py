"""The subject plots, read through matplotlib's objects: axis labels, the data series and the reference lines
(baselines and protocol thresholds) that the screen and the PDF show."""

from __future__ import annotations

import io
from dataclasses import replace

import matplotlib.image as mpimg
import pytest
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


def _series(ax) -> tuple[list[float], list[float]]:
    """(days, values) of the data line of an axes (the first line, drawn before the reference lines)."""
    line = ax.get_lines()[0]
    return [float(x) for x in line.get_xdata()], [float(y) for y in line.get_ydata()]


def _levels(ax) -> dict[str, float]:
    """The horizontal reference lines of an axes by their legend label."""
    return {line.get_label(): float(line.get_ydata()[0]) for line in ax.get_lines()
            if not line.get_label().startswith("_") and list(line.get_xdata()) == [0, 1]}


SAMPLE_DAYS = [-14.0, 0.0, 3.0, 7.0, 28.0, 56.0, 84.0, 87.0, 91.0, 112.0, 140.0, 168.0]


def test_activity_plot_shows_sledai_and_pga_with_baseline_and_limits() -> None:
    fig = plots.activity_figure(plots.plot_context(sample_dossier(), ProtocolParams()))
    sledai_ax, pga_ax = fig.axes
    assert (sledai_ax.get_ylabel(), pga_ax.get_ylabel()) == ("SLEDAI-2K", "PGA (0–3)")
    assert pga_ax.get_xlabel() == "Study day (day 0 = infusion 1)"
    assert _series(sledai_ax) == (SAMPLE_DAYS, [10.0, 10.0] + [4.0] * 10)
    assert _levels(sledai_ax) == {"baseline 10": 10.0, "baseline − 4": 6.0}
    assert _series(pga_ax) == (SAMPLE_DAYS, [1.5, 1.5] + [0.5] * 10)
    assert _levels(pga_ax) == pytest.approx({"baseline 1.5": 1.5, "worsening ≥ 1.8": 1.8})
    image = mpimg.imread(io.BytesIO(plots.figure_png(fig, dpi=50)), format="png")
    width, height = fig.get_size_inches() * 50
    assert image.shape[:2] == (round(height), round(width))


def test_renal_plot_shows_upcr_and_egfr_against_the_response_thresholds() -> None:
    params = replace(ProtocolParams(), ln_upcr_max=0.7, ln_egfr_min=65.0)
    upcr_ax, egfr_ax = plots.renal_figure(plots.plot_context(sample_dossier("LN", "LN-01"), params)).axes
    assert (upcr_ax.get_ylabel(), egfr_ax.get_ylabel()) == ("UPCR (g/g)", "eGFR (mL/min/1.73 m$^2$)")
    days, upcr = _series(upcr_ax)
    assert (days[:3], upcr[:3], upcr[9]) == ([-14.0, 0.0, 3.0], [2.0, 2.0, 0.4], 0.3)
    assert _levels(upcr_ax) == {"baseline 2": 2.0, "response ≤ 0.7 g/g": 0.7}
    _, gfr = _series(egfr_ax)
    assert gfr[0] == pytest.approx(85.5, abs=0.05)
    levels = _levels(egfr_ax)
    assert levels["eGFR ≥ 65"] == 65.0
    assert levels["baseline − 20 %"] == pytest.approx(levels["baseline 85.5"] * 0.8)


def test_haematology_plot_shows_each_count_against_its_improvement_level() -> None:
    fig = plots.haematology_figure(plots.plot_context(sample_dossier("LC", "LC-01"), ProtocolParams()))
    hgb, anc, plt = fig.axes
    assert [ax.get_ylabel() for ax in fig.axes] == ["Hgb (g/dL)", "ANC (×10⁹/L)", "Platelets (×10⁹/L)"]
    assert (_series(hgb)[1][:3], _series(anc)[1][:3], _series(plt)[1][:3]) == (
        [9.0, 9.0, 10.8], [1.2, 1.2, 2.0], [40.0, 40.0, 90.0])
    assert list(_levels(hgb).values()) == pytest.approx([9.0, 10.5])
    assert list(_levels(anc).values()) == pytest.approx([1.2, 2.4])  # 2 × baseline beats baseline + 0.5
    assert list(_levels(plt).values()) == pytest.approx([40.0, 70.0])


def test_figures_embed_in_qt(qtbot) -> None:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    ctx = plots.plot_context(sample_dossier("LC", "LC-01"), ProtocolParams())
    for _, fig in plots.subject_figures(ctx):
        canvas = FigureCanvasQTAgg(fig)
        qtbot.addWidget(canvas)
        canvas.resize(700, 400)
        canvas.draw()
        assert canvas.figure is fig
