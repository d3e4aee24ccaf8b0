"""Drill-down of one endpoint result: what drove it (visits, dates, values, thresholds), as readable HTML.

`detail_html(endpoint_id, result)` turns `EndpointResult.details` (plus the treatment-failure components and
the LC change table) into headed sections and tables; `EndpointDetail` shows it in a text browser. Nothing
here decides a status: every value shown is one the engine put into the result.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable
from functools import cache
from html import escape
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QSplitter, QTextBrowser, QVBoxLayout, QWidget

from endpoints import results as r
from endpoints.evaluate import evaluate_subject
from endpoints.results import ChangeCell, EndpointResult, SubjectResults
from models.database import Database
from models.dossier_store import load_dossier
from models.errors import SubjectNotFound
from ui.results.endpoint_panel import STATUS_LOOK, EndpointPanel, endpoint_name, status_word

if TYPE_CHECKING:
    from ui.host import Host
    from ui.subjects.page import SubjectPage


def _tr(text: str) -> str:
    return QCoreApplication.translate("EndpointDetail", text)


def analyte_label(key: str) -> str:
    """Short name with unit of a canonical lab key (e.g. "hemoglobin_g_dl" -> "Hgb (g/dL)")."""
    names = {
        "hemoglobin_g_dl": _tr("Hgb (g/dL)"), "wbc_10e9_l": _tr("WBC (×10⁹/L)"), "anc_10e9_l": _tr("ANC (×10⁹/L)"),
        "platelets_10e9_l": _tr("Platelets (×10⁹/L)"), "creatinine_mg_dl": _tr("Creatinine (mg/dL)"),
        "upcr_g_g": _tr("UPCR (g/g)"), "proteinuria_g_24h": _tr("Protein (g/24 h)"),
    }
    return names.get(key, key)


@cache
def _labels() -> dict[str, str]:
    return {
        "period": _tr("Period"), "start": _tr("Start"), "end": _tr("End"), "threshold_mg": _tr("Threshold (mg/day)"),
        "tolerance_days": _tr("Days above threshold tolerated"), "excess_days": _tr("Days above threshold"),
        "complete_through": _tr("Steroid log complete through"), "daily_doses": _tr("Daily pred-eq dose"),
        "due_day": _tr("Decision due on study day"), "due_date": _tr("Decision due on"), "missing": _tr("Missing"),
        "rescue": _tr("Rescue therapy"), "lineages": _tr("Lineages at W24"), "by_visit": _tr("Improvement by visit"),
        "w24": _tr("W24"), "sledai": _tr("SLEDAI-2K"), "sledai_w24": _tr("SLEDAI-2K at W24"), "pga": _tr("PGA"),
        "pga_w24": _tr("PGA at W24"), "pred_eq_mg_w24": _tr("Pred-eq at W24 (mg/day)"),
        "previous_sledai_visit": _tr("Previous SLEDAI-2K visit"), "bilag": _tr("BILAG-2004"),
        "grades": _tr("Grades"), "new_a": _tr("New A"), "new_b": _tr("New B"), "baseline": _tr("Baseline"),
        "baseline_day": _tr("Baseline day"), "baseline_visit": _tr("Baseline visit"), "change": _tr("Change"),
        "required_change": _tr("Change required"), "w24_partial_sum": _tr("W24 partial sum"),
        "max_increase_exclusive": _tr("Increase must stay below"), "follow_up": _tr("Follow-up"),
        "day0": _tr("Day 0"), "horizon_day": _tr("Horizon (study day)"), "as_of_day": _tr("As-of study day"),
        "withdrawal_day": _tr("Withdrawal day"), "death_day": _tr("Death day"),
        "censor_cutoff_day": _tr("Censoring cut-off day"), "candidates": _tr("Candidate events"),
        "censor_day": _tr("Censored on study day"), "event_day": _tr("Event on study day"),
        "event_date": _tr("Event date"), "excluded_sole_triggers": _tr("Triggers not counted alone"),
        "provisional": _tr("Provisional"), "sfi": _tr("Severe Flare Index"), "flares": _tr("Flares"),
        "excluded_triggers": _tr("Excluded triggers"), "notes": _tr("Notes"), "searched_days": _tr("Days searched"),
        "baselines": _tr("Baselines"), "flare_reference": _tr("Flare reference"), "assessments": _tr("Assessments"),
        "cr_allow_upcr": _tr("UPCR allowed for remission"), "composite": _tr("Composite"),
        "components": _tr("Components"), "counts": _tr("Cells"), "visit_days": _tr("Visit days"),
        "supplementary": _tr("Supplementary visits"), "egfr": _tr("eGFR"), "min": _tr("Minimum"), "max": _tr("Maximum"),
        "w24_creatinine_mg_dl": _tr("W24 creatinine (mg/dL)"), "proteinuria": _tr("Proteinuria"),
        "measure": _tr("Measure"), "value": _tr("Value"), "unit": _tr("Unit"), "steroids": _tr("Steroids W12–W24"),
        "longest_run": _tr("Longest run above threshold (days)"), "rule": _tr("Rule"),
        "run_days": _tr("Run length that fails"), "out_of_window": _tr("Out of window"), "visit": _tr("Visit"),
        "day": _tr("Study day"), "date": _tr("Date"), "performed": _tr("Performed"), "final": _tr("Final"),
        "counted": _tr("Counted"), "text": _tr("What"), "kind": _tr("Kind"), "qualifies": _tr("Qualifies"),
        "creatinine": _tr("Creatinine"), "sediment": _tr("Sediment"), "status": _tr("Status"),
        "responds": _tr("Responds"), "from_day": _tr("From day"), "to_day": _tr("To day"), "mg": _tr("mg/day"),
        "triggers": _tr("Triggers"), "reason": _tr("Reason"), "analyte": _tr("Analyte"),
        "reference": _tr("Reference"), "reference_day": _tr("Reference day"), "reference_visit": _tr("Reference visit"),
        "criterion": _tr("Criterion"), "declared": _tr("Investigator-declared"), "partial_sum": _tr("Partial sum"),
        "ok": _tr("Computed"), "pending": _tr("Pending"), "not_evaluable": _tr("Not evaluable"),
        "pct_change": _tr("% change"),
    }


def label(key: str) -> str:
    """Readable label of a details key (unknown keys: underscores to spaces, first letter capital)."""
    known = _labels().get(key)
    if known:
        return known
    if key in r.TREATMENT_FAILURE_COMPONENTS:
        return component_name(key)
    if key.endswith(("_g_dl", "_10e9_l", "_mg_dl", "_g_g", "_g_24h")):
        return analyte_label(key)
    return _plain(key)


def _plain(key: str) -> str:
    text = key.replace("_", " ")
    return text[:1].upper() + text[1:]


def component_name(name: str) -> str:
    names = {
        "death": _tr("Death"), "esrd": _tr("End-stage renal disease"),
        "creatinine_doubling": _tr("Sustained creatinine doubling"), "renal_flare": _tr("Renal flare"),
        "extrarenal_flare": _tr("Extrarenal severe flare"), "rescue_therapy": _tr("Rescue therapy"),
    }
    return names.get(name) or _plain(name)


def day_ranges(days: Iterable[int]) -> str:
    """Consecutive study days collapsed: [30, 31, 32, 61] -> "30–32, 61"."""
    out: list[str] = []
    ordered = sorted(set(days))
    start = prev = None
    for day in [*ordered, None]:
        if day is not None and prev is not None and day == prev + 1:
            prev = day
            continue
        if start is not None:
            out.append(str(start) if start == prev else f"{start}–{prev}")
        start = prev = day
    return ", ".join(out)


def fmt(value: Any) -> str:
    """One scalar for a table cell: yes/no, — for nothing, numbers without noise."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _tr("yes") if value else _tr("no")
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1e4 else f"{value:.0f}"
    if isinstance(value, list | tuple):
        if value and all(isinstance(v, int) and not isinstance(v, bool) for v in value) and len(value) > 2:
            return day_ranges(value)
        return ", ".join(fmt(v) for v in value) if value else _tr("none")
    if isinstance(value, dict):
        if "text" in value:
            mark = {True: "✔ ", False: "✖ "}.get(value.get("met"), "")
            return mark + str(value["text"])
        if "visit" in value and "day" in value:
            return _visit_text(value)
        return "; ".join(f"{label(k)}: {fmt(v)}" for k, v in value.items())
    return str(value)


def _visit_text(v: dict[str, Any]) -> str:
    parts = [str(v.get("visit", "")), _tr("day {0}").format(v["day"]) if v.get("day") is not None else ""]
    extras = [str(v["date"])] if v.get("date") else []
    if v.get("performed") is False:
        extras.append(_tr("not performed yet, due day {0}").format(v.get("due_day", "?")))
    text = " ".join(p for p in parts if p)
    return f"{text} ({', '.join(extras)})" if extras else text


def _cell(value: Any) -> str:
    return escape(fmt(value))


def _table(header: list[str], rows: list[list[str]], name: str = "") -> str:
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    attr = f" id='{name}'" if name else ""
    return (f"<table{attr} cellspacing='0' cellpadding='3' border='1' style='border-collapse: collapse; "
            f"border-color: #c8ced6;'><tr style='background: #eef1f5;'>{head}</tr>{body}</table>")


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, dict | list | tuple)


def _flat(value: Any) -> bool:
    return _is_scalar(value) or (isinstance(value, dict) and "text" in value) or (
        isinstance(value, list | tuple) and all(_is_scalar(v) for v in value))


def _dict_of_dicts(value: Any) -> bool:
    """Whether a dict maps keys to flat records (rows of a table)."""
    return (isinstance(value, dict) and bool(value)
            and all(isinstance(v, dict) and all(_flat(x) for x in v.values()) for v in value.values()))


def _records_table(items: list[dict[str, Any]]) -> str:
    columns: list[str] = []
    for item in items:
        columns += [k for k in item if k not in columns]
    rows = [[_cell(item.get(c)) for c in columns] for item in items]
    return _table([label(c) for c in columns], rows)


def _grid_table(value: dict[str, dict[str, Any]], first: str) -> str:
    columns: list[str] = []
    for inner in value.values():
        columns += [k for k in inner if k not in columns]
    rows = [[escape(label(k) if k in r.CHANGE_ANALYTES else k)] + [_cell(inner.get(c)) for c in columns]
            for k, inner in value.items()]
    return _table([first] + [label(c) for c in columns], rows)


def _period_text(period: dict[str, Any]) -> str:
    start, end = period.get("start") or {}, period.get("end") or {}
    return f"{fmt(start)} → {fmt(end)}"


def _value_html(key: str, value: Any) -> str:
    """A details value as HTML: plain text, a table, or a nested list of labelled items."""
    if key == "period" and isinstance(value, dict):
        return escape(_period_text(value))
    if key == "supplementary" and isinstance(value, dict):
        return change_table_html({code: {a: ChangeCell(**cell) for a, cell in cells.items()}
                                  for code, cells in value.items()})
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return _records_table(value)
    if _dict_of_dicts(value) and key not in ("sledai", "pga", "egfr", "proteinuria", "follow_up"):
        return _grid_table(value, _tr("Visit") if key in ("by_visit", "visit_days") else "")
    if isinstance(value, dict) and value and all(_flat(v) for v in value.values()) and "text" not in value:
        return " · ".join(f"{escape(label(k))} {_cell(v)}" for k, v in value.items())
    if isinstance(value, dict) and not ("text" in value or ("visit" in value and "day" in value)):
        return _items_html(value)
    return _cell(value)


def _items_html(details: dict[str, Any]) -> str:
    items = []
    for key, value in details.items():
        body = _value_html(key, value)
        if body.startswith(("<table", "<ul")):
            items.append(f"<li><b>{escape(label(key))}</b>{body}</li>")
        else:
            items.append(f"<li><b>{escape(label(key))}:</b> {body}</li>")
    return "<ul style='margin-left: 0px;'>" + "".join(items) + "</ul>"


def status_html(result: EndpointResult) -> str:
    """Icon and status word in the status colour, with the study day for time-to-event statuses."""
    icon, colour = STATUS_LOOK.get(result.status, ("·", "#333333"))
    day = _tr(" on study day {0}").format(result.day) if result.day is not None else ""
    return f"<span style='color: {colour}; font-weight: bold;'>{icon} {escape(status_word(result.status) + day)}</span>"


def components_html(components: dict[str, EndpointResult]) -> str:
    """Treatment-failure components: status, day and reason of each."""
    rows = [[escape(component_name(name)), status_html(c), escape(c.reason)] for name, c in components.items()]
    return _table([_tr("Component"), _tr("Status"), _tr("Why")], rows, "components")


def _change_cell_html(cell: ChangeCell) -> str:
    if cell.status != r.OK:
        text = status_word(cell.status) + (f": {cell.reason}" if cell.reason else "")
        return f"<span style='color: #6a1b9a;'>{escape(text)}</span>"
    pct = f", {cell.pct_change:+.1f} %" if cell.pct_change is not None else ""
    change = f"{cell.change:+.4g}" if cell.change is not None else "—"
    return f"{escape(fmt(cell.value))}<br><small>Δ {escape(change + pct)}</small>"


def change_table_html(visits: dict[str, dict[str, ChangeCell]]) -> str:
    """The LC change table: one row per visit, one column per analyte: value (Δ change, % change)."""
    analytes: list[str] = []
    for cells in visits.values():
        analytes += [a for a in cells if a not in analytes]
    rows = [[escape(code)] + [_change_cell_html(cells[a]) if a in cells else "—" for a in analytes]
            for code, cells in visits.items()]
    return _table([_tr("Visit")] + [analyte_label(a) for a in analytes], rows, "changeTable")


def detail_html(endpoint_id: str, result: EndpointResult) -> str:
    """The whole drill-down of one endpoint as HTML."""
    parts = [f"<h3>{escape(endpoint_name(endpoint_id))}</h3>", f"<p>{status_html(result)}</p>",
             f"<p>{escape(result.reason)}</p>"]
    if result.components:
        parts.append(_heading_html(_tr("Components")) + components_html(result.components))
    if result.visits:
        parts.append(_heading_html(_tr("Change from baseline")) + change_table_html(result.visits))
    if result.details:
        parts.append(_heading_html(_tr("What was used")) + _items_html(result.details))
    return "".join(parts)


def _heading_html(text: str) -> str:
    return f"<h4>{escape(text)}</h4>"


class EndpointDetail(QWidget):
    """The drill-down of the endpoint chosen in the panel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("endpointDetail")
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.endpoint_id: str | None = None
        self.clear()

    def clear(self) -> None:
        self.endpoint_id = None
        hint = self.tr("Click an endpoint to see what drove it.")
        self.browser.setHtml(f"<p style='color: #555;'>{escape(hint)}</p>")

    def show_result(self, endpoint_id: str, result: EndpointResult) -> None:
        self.endpoint_id = endpoint_id
        self.browser.setHtml(detail_html(endpoint_id, result))

    def text(self) -> str:
        return self.browser.toPlainText()


def connect_subject_changes(events: QObject, slot: Callable[[str], None], receiver: QObject | None = None) -> None:
    """Call `slot(subject_id)` after any save of a subject's data: every `DataEvents` signal whose first
    argument is a subject ID (registration, schedule, visits, and any signal added later the same way).

    `receiver` (default: the object of a bound-method `slot`) is the widget the slot belongs to: once it is
    deleted the slot is no longer called and the connections are dropped. Pass it when `slot` is a lambda; a
    lambda without one is dropped the first time it reaches a deleted widget.
    """
    owner = receiver if receiver is not None else getattr(slot, "__self__", None)
    if not isinstance(owner, QObject):
        owner = None
    signals = [getattr(events, name) for name, attribute in vars(type(events)).items() if isinstance(attribute, Signal)]

    def relay(*args: object) -> None:
        if not args or not isinstance(args[0], str):
            return
        if owner is not None and not shiboken6.isValid(owner):
            _disconnect(signals, relay)
            return
        try:
            slot(args[0])
        except RuntimeError as exc:
            if owner is not None or "already deleted" not in str(exc):
                raise
            _disconnect(signals, relay)

    for signal in signals:
        signal.connect(relay)
    if owner is not None:
        owner.destroyed.connect(lambda *_args: _disconnect(signals, relay))


def _disconnect(signals: list[Any], relay: Callable[..., None]) -> None:
    for signal in signals:
        with contextlib.suppress(RuntimeError, TypeError):  # the events object is gone, or already disconnected
            signal.disconnect(relay)


class EndpointsTab(QWidget):
    """The subject page's "Endpoints" tab: the endpoint panel beside the drill-down of the clicked endpoint.

    Recomputed with the one engine (`load_dossier` + `evaluate_subject`, as of `today()`) after any save of
    the subject announced on `events`; a click on any part of an endpoint's row shows its drill-down.
    """

    endpoint_selected = Signal(str)

    def __init__(self, db: Database, events: QObject, subject_id: str,
                 today: Callable[[], dt.date] = dt.date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.subject_id, self.today = db, subject_id, today
        self.panel = EndpointPanel(self)
        self.detail = EndpointDetail(self)
        for endpoint_id, row in self.panel.rows.items():
            for widget in (row.icon, row.name, row.status, row.reason):
                widget.setProperty("endpoint_id", endpoint_id)
                widget.setCursor(Qt.CursorShape.PointingHandCursor)
                widget.installEventFilter(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.panel)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.results: SubjectResults | None = None
        connect_subject_changes(events, self._on_subject_change)
        self.refresh()

    def _on_subject_change(self, subject_id: str) -> None:
        if subject_id == self.subject_id:
            self.refresh()

    def refresh(self) -> None:
        """Load the subject's dossier, evaluate it as of today and show the statuses (and the open drill-down)."""
        as_of = self.today()
        try:
            dossier = load_dossier(self.db, self.subject_id, as_of)
        except SubjectNotFound:
            self.panel.set_message(self.tr("Subject {0} no longer exists.").format(self.subject_id))
            return
        self.results = evaluate_subject(dossier, self.db.config.params, as_of=as_of)
        self.panel.set_results(self.results, preview=False)
        if self.detail.endpoint_id is not None:
            self.select(self.detail.endpoint_id)

    def select(self, endpoint_id: str) -> None:
        """Show the drill-down of one endpoint and mark its row."""
        if self.results is None or endpoint_id not in self.results.endpoints:
            return
        for eid, row in self.panel.rows.items():
            font = row.name.font()
            font.setUnderline(eid == endpoint_id)
            row.name.setFont(font)
        self.detail.show_result(endpoint_id, self.results.endpoints[endpoint_id])
        self.endpoint_selected.emit(endpoint_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            endpoint_id = watched.property("endpoint_id")
            if isinstance(endpoint_id, str):
                self.select(endpoint_id)
                return True
        return super().eventFilter(watched, event)


def add_endpoints_tab(window: Host, page: SubjectPage) -> EndpointsTab:
    """Add the "Endpoints" tab to a subject page."""
    tab = EndpointsTab(window.db, window.events, page.record.subject_id, window.today, page)
    tab.setObjectName("endpointsTab")
    page.endpoints_tab = tab
    page.add_tab(tab, window.tr("Endpoints"))
    return tab
