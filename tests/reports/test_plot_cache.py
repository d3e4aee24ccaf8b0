"""Plots are drawn once per subject and data version: a reprint takes them from the cache, changed data or a
changed as-of date draws again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from endpoints.params import ProtocolParams
from reports import plots
from reports.subject_pdf import prepare_subject
from tests.endpoints.builders import on
from tests.reports.sample import sample_dossier


def test_plots_are_drawn_once_per_data_version(tmp_path: Path, monkeypatch) -> None:
    drawn: list[str] = []
    real = plots.figure_png
    monkeypatch.setattr(plots, "figure_png", lambda fig, dpi=150: drawn.append("x") or real(fig, dpi))
    d = sample_dossier()
    first = prepare_subject(d, ProtocolParams(), plot_cache=tmp_path)
    assert len(drawn) == 3
    again = prepare_subject(d, ProtocolParams(), plot_cache=tmp_path)
    assert len(drawn) == 3 and again.plots == first.plots
    prepare_subject(replace(d, subject=replace(d.subject, weight_kg=61.0)), ProtocolParams(), plot_cache=tmp_path)
    assert len(drawn) == 6  # other data: drawn again
    prepare_subject(d, ProtocolParams(), as_of=on(150), plot_cache=tmp_path)
    assert len(drawn) == 9  # another data cut
    (next(tmp_path.glob("*.plots"))).write_bytes(b"not a cache file")
    prepare_subject(d, ProtocolParams(), plot_cache=tmp_path)  # an unreadable entry is drawn again, no error
