"""Read-only table models of the study dashboard, over the study summary and the subjects' results.

Rows are plain tuples built once per refresh (`rows_*` functions, also used by the exports), so a view never
computes anything while it paints.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from endpoints import results as r
from endpoints.results import SubjectResults
from endpoints.summary import RESTRICTED_SLEDAI_ID, StudySummary
from reports.study_results import DASHBOARD_ANALYTES, GRID_ENDPOINTS
from ui.results.endpoint_detail import analyte_label, component_name
from ui.results.endpoint_panel import STATUS_LOOK, endpoint_name, status_word

GROUP_ORDER = ("LN", "LC", "all")
Index = QModelIndex | QPersistentModelIndex
DISPLAY, TOOL_TIP, FOREGROUND = (int(role) for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                                        Qt.ItemDataRole.ForegroundRole))


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


def group_label(group: str) -> str:
    return {"LN": _tr("LN"), "LC": _tr("LC"), "all": _tr("Overall")}.get(group, group)


def dashboard_endpoint_name(endpoint_id: str) -> str:
    if endpoint_id == RESTRICTED_SLEDAI_ID:
        return _tr("SLEDAI-2K reduction ≥ 4 W24 (baseline ≥ 4)")
    if endpoint_id in r.TREATMENT_FAILURE_COMPONENTS:
        return _tr("Treatment failure: {0}").format(component_name(endpoint_id))
    return endpoint_name(endpoint_id)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f} %"


def _num(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


class RowsModel(QAbstractTableModel):
    """A read-only table of display strings with optional tool tips and colours per cell."""

    def __init__(self, headers: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows: list[tuple[str, ...]] = []
        self.tips: list[tuple[str, ...]] = []
        self.colours: list[tuple[str | None, ...]] = []

    def set_rows(self, rows: list[tuple[str, ...]], tips: list[tuple[str, ...]] | None = None,
                 colours: list[tuple[str | None, ...]] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.tips = tips or []
        self.colours = colours or []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        # the role is tested first: views ask for eight roles per cell (column widths too), most of them unused
        if role == DISPLAY:
            return self.rows[index.row()][index.column()] if index.isValid() else None
        if role == TOOL_TIP and index.isValid() and index.row() < len(self.tips):
            return self.tips[index.row()][index.column()] or None
        if role == FOREGROUND and index.isValid() and index.row() < len(self.colours):
            colour = self.colours[index.row()][index.column()]
            return QBrush(QColor(colour)) if colour else None
        return None


# ---------------------------------------------------------------------------------------------------------------
# Binary endpoints


def proportion_headers() -> list[str]:
    return [_tr("Endpoint"), _tr("Group"), _tr("Responders / evaluable"), _tr("Proportion"), _tr("95 % CI (exact)"),
            _tr("Not evaluable"), _tr("Pending"), _tr("Not applicable")]


def proportion_rows(summary: StudySummary) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """One row per binary endpoint and group (LN, LC, overall), and the not-evaluable reasons as tool tips."""
    rows, tips = [], []
    for endpoint_id, by_group in summary.proportions.items():
        for group in sorted(by_group, key=GROUP_ORDER.index):
            p = by_group[group]
            ci = "—" if p.ci_low is None else f"{100 * p.ci_low:.1f} – {100 * p.ci_high:.1f} %"
            rows.append((dashboard_endpoint_name(endpoint_id), group_label(group), f"{p.responders} / {p.n}",
                         _pct(p.proportion), ci, str(p.not_evaluable), str(p.pending), str(p.not_applicable)))
            reasons = "\n".join(f"{n} × {reason}" for reason, n in p.not_evaluable_reasons.items())
            tips.append(("", "", "", "", "", reasons, "", ""))
    return rows, tips


# ---------------------------------------------------------------------------------------------------------------
# Time to event


def km_headers() -> list[str]:
    return [_tr("Endpoint"), _tr("Group"), _tr("Events / n"), _tr("Censored"), _tr("Pending"), _tr("Estimate"),
            _tr("Day 28"), _tr("Day 84"), _tr("Day 168"), _tr("Median day"), _tr("Provisional")]


def km_rows(summary: StudySummary) -> list[tuple[str, ...]]:
    """Kaplan–Meier summary per time-to-event endpoint (and LN treatment-failure component) and group."""
    rows = []
    for table in (summary.kaplan_meier, summary.components):
        for endpoint_id, by_group in table.items():
            for group in sorted(by_group, key=GROUP_ORDER.index):
                k = by_group[group]
                rows.append((
                    dashboard_endpoint_name(endpoint_id), group_label(group), f"{k.events} / {k.n}", str(k.censored),
                    str(k.pending), "1 − S(t)" if k.cumulative else "S(t)",
                    *(_num(k.at_days.get(d), 3) for d in (28, 84, 168)),
                    "—" if k.median_day is None else f"{k.median_day:g}", _tr("yes") if k.provisional else _tr("no"),
                ))
    return rows


# ---------------------------------------------------------------------------------------------------------------
# LC haematology change


def change_headers() -> list[str]:
    return [_tr("Visit"), _tr("Analyte"), _tr("n"), _tr("Mean change"), _tr("SD"), _tr("Median change"), _tr("Min"),
            _tr("Max"), _tr("Median % change"), _tr("Pending"), _tr("Not evaluable")]


def change_rows(summary: StudySummary) -> list[tuple[str, ...]]:
    """Change from baseline by registry visit (D3, W1, W4, W12, W24) for WBC, platelets and haemoglobin."""
    rows = []
    for visit in r.CHANGE_VISITS:
        by_analyte = summary.hematology_change.get(visit, {})
        for analyte in DASHBOARD_ANALYTES:
            c = by_analyte.get(analyte)
            if c is None:
                continue
            pct = "—" if c.median_pct_change is None else f"{c.median_pct_change:+.1f} %"
            rows.append((visit, analyte_label(analyte), str(c.n), _num(c.mean), _num(c.sd), _num(c.median),
                         _num(c.min), _num(c.max), pct, str(c.pending), str(c.not_evaluable)))
    return rows


# ---------------------------------------------------------------------------------------------------------------
# Subject × endpoint grid


def grid_headers() -> list[str]:
    return [_tr("Subject"), _tr("Subgroup")] + [endpoint_name(e) for e in GRID_ENDPOINTS]


def grid_cell(result: r.EndpointResult | None, word: Callable[[str], str] = status_word) -> str:
    """A grid cell's text: icon, status word (`word(status)`) and the event or censoring day."""
    if result is None:
        return ""
    icon, _colour = STATUS_LOOK.get(result.status, ("·", ""))
    day = f" d{result.day}" if result.day is not None and result.status in (r.EVENT, r.CENSORED) else ""
    if result.status == r.COMPUTED and result.details.get("composite"):
        composite = result.details["composite"]
        day = f" d{composite['day']}" if composite.get("day") is not None else ""
        return f"{icon} {word(composite.get('status', result.status))}{day}"
    return f"{icon} {word(result.status)}{day}"


def grid_rows(subjects: tuple[SubjectResults, ...]) -> tuple[list, list, list]:
    """Rows, tool tips (the engine's reasons) and colours of the subject × endpoint grid."""
    word = cache(status_word)  # each status translated once per grid, not once per cell
    rows, tips, colours = [], [], []
    for s in subjects:
        results = [s.endpoints.get(e) for e in GRID_ENDPOINTS]
        rows.append((s.subject_id, s.subgroup, *(grid_cell(x, word) for x in results)))
        tips.append(("", "", *(x.reason if x is not None else "" for x in results)))
        colours.append((None, None, *(STATUS_LOOK.get(x.status, ("", None))[1] if x is not None else None
                                      for x in results)))
    return rows, tips, colours


class SubjectGridModel(RowsModel):
    """Subjects (rows) × endpoints (columns); the subject ID of a row is `subject_at(row)`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(grid_headers(), parent)

    def set_subjects(self, subjects: tuple[SubjectResults, ...]) -> None:
        self.set_rows(*grid_rows(subjects))

    def subject_at(self, row: int) -> str:
        return self.rows[row][0]
