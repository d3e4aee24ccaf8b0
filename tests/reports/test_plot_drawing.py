"""The printed plots: vector drawings of the same plot data the screen's matplotlib figures draw, printed
without pixels and without loading matplotlib."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from pypdf import PdfReader
from reportlab.graphics.shapes import Group, Polygon, PolyLine, String

from endpoints.params import ProtocolParams
from reports import plot_spec as ps
from reports import plots
from reports.plot_drawing import _excess_polygons, drawing
from reports.subject_pdf import prepare_subject, write_subject_pdf
from tests.reports.conftest import PRINTED, STUDY
from tests.reports.pdfcheck import page_texts
from tests.reports.sample import sample_dossier

ROOT = Path(__file__).resolve().parents[2]


def _nodes(node, kind: type) -> list:
    found = [node] if isinstance(node, kind) else []
    for child in getattr(node, "contents", []):
        found += _nodes(child, kind)
    return found


def _strings(node) -> list[str]:
    """The texts of a drawing; a group of strings alone is one text in runs (glyph fallback splits a label)."""
    out = []
    for group in _nodes(node, Group):
        runs = [child.text for child in group.contents if isinstance(child, String)]
        if runs and len(runs) == len(group.contents):
            out.append("".join(runs))
        else:
            out += runs
    return out


def test_print_and_screen_draw_the_same_plot_data() -> None:
    ctx = plots.plot_context(sample_dossier("LC", "LC-01"), ProtocolParams())
    for (title, spec), (screen_title, fig) in zip(ps.subject_specs(ctx), plots.subject_figures(ctx), strict=True):
        assert title == screen_title
        texts = _strings(drawing(spec, 500))
        assert spec.title in texts and fig.texts[0].get_text() == spec.title
        for panel, ax in zip(spec.panels, fig.axes, strict=True):
            legend = [t.get_text() for t in ax.get_legend().get_texts()]
            assert [lv.label for lv in panel.levels] == [t for t in legend if t in {lv.label for lv in panel.levels}]
            assert all(line in texts for label in legend for line in label.split("\n"))
            for series, line in zip(panel.series, ax.get_lines(), strict=False):
                assert list(series.ys) == [float(y) for y in line.get_ydata()]
            assert ax.get_ylim() == panel.ylim and list(ax.get_yticks()) == list(panel.yticks)
        assert [m.code for m in spec.visits] == [v.code for v in ctx.timeline.visits]
        assert all(m.code in texts for m in spec.visits)


def test_dose_drawing_steps_through_the_engine_doses_and_shades_the_excess() -> None:
    ctx = plots.plot_context(sample_dossier("LN", "LN-01"), ProtocolParams())
    spec = ps.dose_spec(ctx)
    (panel,) = spec.panels
    days, doses = panel.series[0].xs, panel.series[0].ys
    assert doses[days.index(121)] == float(ctx.steroids.dose_mg(121)) == 15.0
    art = drawing(spec, 500)
    lines = _nodes(art, PolyLine)
    assert len(lines) == 1 and len(lines[0].points) < 4 * len(days)  # steps only where the dose changes
    areas = [p for p in _nodes(art, Polygon) if p.fillOpacity == 0.35]
    assert len(areas) == len(_excess_polygons(panel.excess[0])) >= 2  # the start and the day-120 excursion


def test_excess_area_covers_each_run_of_days_above_the_level() -> None:
    area = ps.Excess((0.0, 1.0, 2.0, 3.0, 4.0), (10.0, 10.0, 5.0, 9.0, 5.0), 7.5, "#c0392b", 0.35, "above")
    first, second = _excess_polygons(area)
    assert (first[0], first[-1]) == ((0.0, 7.5), (1.5, 7.5))
    assert (second[0], second[-1]) == ((2.5, 7.5), (3.5, 7.5))
    assert max(y for _, y in second) == 9.0


def test_ticks_are_round_steps_inside_the_range() -> None:
    assert ps.nice_ticks(-27, 171, ps.AXES_W_IN, 24) == (-25, 0, 25, 50, 75, 100, 125, 150)
    assert ps.nice_ticks(0, 3.2, 1.0, 16) == (0, 1, 2, 3)
    assert ps.nice_ticks(0, 17.25, 1.0, 16) == (0, 5, 10, 15)
    assert ps.nice_ticks(0, 10, 1.0, 16) == (0, 2.5, 5, 7.5, 10)


def test_subject_pdf_prints_plots_as_vectors(tmp_path: Path) -> None:
    sp = prepare_subject(sample_dossier("LC", "LC-01"), ProtocolParams())
    out = write_subject_pdf(tmp_path / "s.pdf", sp, STUDY, db_changed=None, printed_on=PRINTED)
    for page in PdfReader(out).pages:
        resources = page["/Resources"].get_object()
        assert "/XObject" not in resources or not any(
            x.get_object().get("/Subtype") == "/Image" for x in resources["/XObject"].get_object().values())
    text = " ".join(page_texts(out))
    for words in ("Haematology: haemoglobin, ANC, platelets", "Disease activity: SLEDAI-2K and PGA",
                  "pred-eq mg/day", "Study day (day 0 = infusion 1)", "baseline − 4"):
        assert words in text


def test_printing_a_subject_does_not_load_matplotlib(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import sys
        from endpoints.params import ProtocolParams
        from reports.subject_pdf import prepare_subject, write_subject_pdf
        from tests.reports.sample import sample_dossier
        sp = prepare_subject(sample_dossier("LN", "LN-01"), ProtocolParams())
        write_subject_pdf({str(tmp_path / "s.pdf")!r}, sp, {{}}, db_changed=None)
        print(sorted(m for m in sys.modules if m.split(".")[0] in ("matplotlib", "numpy", "PySide6")))
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
