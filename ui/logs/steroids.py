"""The corticosteroid dosing log (endpoints.md §2.1): one row per interval of drug, route, mg per dose, doses
per day, start, stop (empty = ongoing) and indication. The table shows each row's daily prednisone-equivalent
and whether it counts for endpoints, as endpoints.steroids computes them; below it, today's dose and the
print dose figure (reports.plots.dose_figure, with the 7.5 mg/day line) from the engine's dose table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from endpoints import vocab
from endpoints.dossier import SteroidRow
from endpoints.params import ProtocolParams
from endpoints.steroids import milli_half_up, milli_to_decimal, row_counts, row_daily_pred_eq
from models.dossier_store import load_dossier
from models.errors import ValidationError
from models.subject_records import set_steroid_log_complete_through, steroid_log_complete_through
from reports.plots import dose_figure, plot_context
from ui.logs.fields import (
    CHOICE,
    DATE,
    DECIMAL,
    Column,
    LogSpec,
    choice_label,
    date_text,
    log_column,
    log_field,
    log_title,
    tr,
)
from ui.logs.record_table import LogTable
from ui.shell.i18n import data_text
from ui.widgets.inputs import DateLineEdit
from ui.widgets.reason_dialog import ReasonDialog

if TYPE_CHECKING:
    from ui.host import Host

KIND = "steroids"
ROUTE_LABELS = {"oral": "Oral", "iv": "IV", "im": "IM", "sc": "SC", "topical": "Topical", "inhaled": "Inhaled",
                "ophthalmic": "Ophthalmic", "intra_articular": "Intra-articular"}


def indication_labels() -> dict[str, str]:
    return {"sle": tr("SLE (incl. protocol taper)"), "flare_renal": tr("Renal flare"),
            "flare_extrarenal": tr("Extrarenal flare"), "premedication": tr("Infusion premedication (not counted)"),
            "other_non_sle": tr("Other, not for SLE (not counted)")}


def _row(values: dict[str, Any]) -> SteroidRow | None:
    if values.get("drug") is None or values.get("mg_per_dose") is None or values.get("start") is None:
        return None
    return SteroidRow(values["drug"], values.get("route") or "", values["mg_per_dose"], values["start"],
                      values.get("stop"), values.get("doses_per_day") or 1.0, values.get("indication") or "sle")


def pred_eq_text(values: dict[str, Any], params: ProtocolParams) -> str:
    """The row's daily prednisone-equivalent in mg (3 decimals at most), as the engine computes it."""
    row = _row(values)
    daily = row_daily_pred_eq(row, params) if row is not None else None
    if daily is None:
        return "?"
    return f"{milli_to_decimal(milli_half_up(daily)).normalize():f}"


def counts_text(values: dict[str, Any], params: ProtocolParams) -> str:
    """Whether the row counts for endpoint doses, and why not."""
    row = _row(values)
    if row is None:
        return ""
    if row_counts(row, params):
        return tr("Yes")
    if row.route not in params.steroid_systemic_routes:
        return tr("No (not systemic)")
    return tr("No (not for SLE)")


def steroid_spec(params: ProtocolParams) -> LogSpec:
    """The steroid log's fields and columns (the pred-eq column uses the study's parameters)."""
    indications = indication_labels()
    fields = (
        log_field(KIND, "drug", CHOICE, tuple((c, c.capitalize()) for c in vocab.STEROID_DRUGS)),
        log_field(KIND, "route", CHOICE, tuple((c, tr(ROUTE_LABELS[c])) for c in vocab.STEROID_ROUTES)),
        log_field(KIND, "mg_per_dose", DECIMAL, placeholder="e.g. 7.5"),
        log_field(KIND, "doses_per_day", DECIMAL, placeholder=tr("1; 0.5 = alternate days")),
        log_field(KIND, "start", DATE),
        log_field(KIND, "stop", DATE, placeholder=tr("empty = ongoing")),
        log_field(KIND, "indication", CHOICE, tuple(indications.items())),
    )
    spec_holder: list[LogSpec] = []

    def label(name: str):
        return lambda v: choice_label(spec_holder[0], name, v.get(name))

    columns = (
        log_column(KIND, "drug", label("drug")),
        log_column(KIND, "route", label("route")),
        log_column(KIND, "mg_per_dose", lambda v: f"{v['mg_per_dose']:g}" if v.get("mg_per_dose") is not None else ""),
        log_column(KIND, "doses_per_day",
                   lambda v: f"{v['doses_per_day']:g}" if v.get("doses_per_day") is not None else ""),
        log_column(KIND, "start", lambda v: date_text(v.get("start"))),
        log_column(KIND, "stop", lambda v: date_text(v.get("stop"), tr("ongoing"))),
        Column(tr("Pred-eq mg/day"), lambda v: pred_eq_text(v, params)),
        Column(tr("Counts"), lambda v: counts_text(v, params)),
        log_column(KIND, "indication", label("indication")),
    )
    spec = LogSpec(
        kind=KIND, title=log_title(KIND), row_name=tr("steroid row"),
        sections=((tr("Corticosteroid interval"), fields),), columns=columns,
        describe=lambda v: tr("steroid row {0} {1:g} mg from {2}").format(
            v.get("drug") or "", v.get("mg_per_dose") or 0, date_text(v.get("start"))),
    )
    spec_holder.append(spec)
    return spec


class CompleteThrough(QWidget):
    """The date through which the site confirmed the steroid log complete (§2.1 `steroid_log_complete_through`;
    empty = the evaluation date). Confirming a later date is its own reason; moving it back or clearing it asks."""

    def __init__(self, window: Host, subject_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_, self.subject_id = window, subject_id
        self.date = DateLineEdit(self)
        self.date.setObjectName("completeThrough")
        self.date.setPlaceholderText(self.tr("empty = today"))
        self.date.setMaximumWidth(130)
        self.button = QPushButton(self.tr("Confirm"), self)
        self.button.setObjectName("confirmCompleteThrough")
        self.button.clicked.connect(self.confirm)
        self.date.returnPressed.connect(self.confirm)
        self.message = QLabel(self)
        self.message.setObjectName("completeThroughMessage")
        self.message.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Log checked and complete through"), self))
        layout.addWidget(self.date)
        layout.addWidget(self.button)
        layout.addWidget(self.message, 1)
        self.saved = steroid_log_complete_through(window.db, subject_id)
        self.date.set_date(self.saved)

    def confirm(self) -> bool:
        """Save the typed date (audited); a refused date keeps the text and shows why beside it."""
        try:
            when = self.date.date_value()
        except ValueError:
            return self._refused(self.tr("Type the date as YYYY-MM-DD or YYYYMMDD, e.g. 2026-03-05."))
        if when == self.saved:
            return True
        if when is not None and (self.saved is None or when > self.saved):
            reason = self.tr("Steroid log checked against the source and confirmed complete through {0}").format(
                when.isoformat())
        else:
            dialog = ReasonDialog(self.tr("the date the steroid log of {0} is complete through").format(
                self.subject_id), self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            reason = dialog.reason()
        try:
            set_steroid_log_complete_through(self.window_.db, self.subject_id, when, user=self.window_.user,
                                             reason=reason, today=self.window_.today())
        except ValidationError as exc:
            return self._refused(exc.errors["complete_through"])
        self.saved = when
        self.message.setStyleSheet("color: #1b7d2f;")
        self.message.setText(self.tr("Saved."))
        self.window_.events.log_saved.emit(self.subject_id)  # the log table reloads and the dose plot redraws
        return True

    def _refused(self, text: str) -> bool:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText("✖ " + data_text(text))
        return False


class SteroidTab(QWidget):
    """The steroid log, today's daily dose from the engine, and the dose timeline with the 7.5 mg/day line."""

    def __init__(self, window: Host, subject_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_, self.subject_id = window, subject_id
        self.log = LogTable(window, subject_id, steroid_spec(window.db.config.params), self)
        self.complete_through = CompleteThrough(window, subject_id, self)
        self.summary = QLabel(self)
        self.summary.setObjectName("doseSummary")
        self.summary.setWordWrap(True)
        self.canvas: FigureCanvasQTAgg | None = None
        self.plot_box = QWidget(self)
        self.plot_layout = QVBoxLayout(self.plot_box)
        self.plot_layout.setContentsMargins(0, 0, 0, 0)
        self.plot_layout.addWidget(self.complete_through)
        self.plot_layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.log)
        splitter.addWidget(self.plot_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.log.changed.connect(self.redraw)
        self.redraw()

    def redraw(self) -> None:
        """Today's dose and the dose figure from the saved log (the engine's dose table)."""
        today = self.window_.today()
        params = self.window_.db.config.params
        ctx = plot_context(load_dossier(self.window_.db, self.subject_id, today), params, today)
        tl = ctx.timeline
        limit = params.steroid_threshold_mg
        if tl.day0 is None or tl.as_of_day is None:
            self.summary.setText(self.tr("Infusion 1 not given yet: doses are counted from Day 0."))
        else:
            dose = ctx.steroids.dose_mg(tl.as_of_day)
            if dose is None:
                self.summary.setText(self.tr("Today (study day {0}): the daily dose cannot be established "
                                             "(log not complete or unknown drug).").format(tl.as_of_day))
            else:
                above = dose > milli_to_decimal(int(limit * 1000))
                self.summary.setText(self.tr("Today (study day {0}): {1} mg/day prednisone-equivalent counted for "
                                             "endpoints — {2} {3:g} mg/day.").format(
                    tl.as_of_day, f"{dose.normalize():f}", self.tr("ABOVE") if above else self.tr("within"), limit))
        if self.canvas is not None:
            self.plot_layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
        fig = dose_figure(ctx)
        self.canvas = FigureCanvasQTAgg(fig)
        self.canvas.setObjectName("dosePlot")
        self.canvas.setMinimumHeight(int(fig.get_size_inches()[1] * fig.dpi * 0.7))
        self.plot_layout.addWidget(self.canvas, 1)
