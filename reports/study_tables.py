"""Export of the study dashboard: its tables as CSV files or one XLSX workbook (pandas, openpyxl), its
figures as PNG. Numbers are written as numbers (proportions 0–1, CI bounds, days), straight from the summary."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from endpoints import results as r
from endpoints.summary import StudySummary
from reports.study_results import DASHBOARD_ANALYTES, GRID_ENDPOINTS, StudyResults

TABLE_NAMES = ("binary_endpoints", "time_to_event", "km_steps", "lc_hematology_change", "subjects")


def proportions_frame(summary: StudySummary) -> pd.DataFrame:
    rows = [
        {"endpoint": e, "group": g, "responders": p.responders, "evaluable": p.n, "proportion": p.proportion,
         "ci_low": p.ci_low, "ci_high": p.ci_high, "not_evaluable": p.not_evaluable, "pending": p.pending,
         "not_applicable": p.not_applicable,
         "not_evaluable_reasons": "; ".join(f"{n} × {why}" for why, n in p.not_evaluable_reasons.items())}
        for e, by_group in summary.proportions.items() for g, p in by_group.items()
    ]
    return pd.DataFrame(rows)


def _km_items(summary: StudySummary) -> list[tuple[str, str, object]]:
    return [(e, g, k) for table in (summary.kaplan_meier, summary.components)
            for e, by_group in table.items() for g, k in by_group.items()]


def km_frame(summary: StudySummary) -> pd.DataFrame:
    rows = [
        {"endpoint": e, "group": g, "n": k.n, "events": k.events, "censored": k.censored, "pending": k.pending,
         "estimate": "1 - S(t)" if k.cumulative else "S(t)", "day_28": k.at_days.get(28),
         "day_84": k.at_days.get(84), "day_168": k.at_days.get(168), "median_day": k.median_day,
         "provisional": k.provisional}
        for e, g, k in _km_items(summary)
    ]
    return pd.DataFrame(rows)


def km_steps_frame(summary: StudySummary) -> pd.DataFrame:
    rows = [
        {"endpoint": e, "group": g, "day": s.day, "at_risk": s.at_risk, "events": s.events, "censored": s.censored,
         "survival": s.survival}
        for e, g, k in _km_items(summary) for s in k.steps
    ]
    return pd.DataFrame(rows, columns=["endpoint", "group", "day", "at_risk", "events", "censored", "survival"])


def change_frame(summary: StudySummary) -> pd.DataFrame:
    rows = [
        {"visit": v, "analyte": a, "n": c.n, "mean": c.mean, "sd": c.sd, "median": c.median, "min": c.min,
         "max": c.max, "median_pct_change": c.median_pct_change, "pending": c.pending,
         "not_evaluable": c.not_evaluable}
        for v in r.CHANGE_VISITS for a in DASHBOARD_ANALYTES
        if (c := summary.hematology_change.get(v, {}).get(a)) is not None
    ]
    return pd.DataFrame(rows)


def subjects_frame(results: StudyResults) -> pd.DataFrame:
    rows = []
    for s in results.subjects:
        row: dict[str, object] = {"subject_id": s.subject_id, "subgroup": s.subgroup}
        for e in GRID_ENDPOINTS:
            res = s.endpoints.get(e)
            row[e] = None if res is None else res.status
            if e in r.TIME_TO_EVENT_ENDPOINTS:
                row[f"{e}_day"] = None if res is None else res.day
        rows.append(row)
    return pd.DataFrame(rows)


def dashboard_frames(results: StudyResults) -> dict[str, pd.DataFrame]:
    """Every dashboard table as a DataFrame, by name (TABLE_NAMES)."""
    summary = results.summary
    return {
        "binary_endpoints": proportions_frame(summary), "time_to_event": km_frame(summary),
        "km_steps": km_steps_frame(summary), "lc_hematology_change": change_frame(summary),
        "subjects": subjects_frame(results),
    }


def write_tables(path: Path, frames: dict[str, pd.DataFrame]) -> list[Path]:
    """An .xlsx path: one workbook, a sheet per table. Otherwise CSV files `<stem>_<table>.csv` beside `path`."""
    if path.suffix.lower() == ".xlsx":
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            for name, frame in frames.items():
                frame.to_excel(writer, sheet_name=name[:31], index=False)
        return [path]
    written = []
    for name, frame in frames.items():
        out = path.with_name(f"{path.stem}_{name}.csv")
        frame.to_csv(out, index=False, encoding="utf-8-sig")
        written.append(out)
    return written


def write_figures(folder: Path, figures: dict[str, Figure], dpi: int = 150) -> list[Path]:
    """Each figure as `<folder>/<name>.png`."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, fig in figures.items():
        out = folder / f"{name}.png"
        fig.savefig(out, dpi=dpi)
        written.append(out)
    return written
