"""The study dashboard (a main-window section): binary endpoints with exact 95 % CIs (table and forest plot),
Kaplan–Meier curves, the LC haematology change, and a subject × endpoint grid whose click opens the subject's
endpoint panel.

Everything comes from `endpoints.summary` over the engine's results (`reports.study_results`); the section
recomputes when shown after any save (only the changed subjects are reloaded), and exports its tables
(CSV/XLSX) and figures (PNG).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from reports.study_results import StudyResults, cache_for, prewarm_study
from reports.study_tables import dashboard_frames, write_figures, write_tables
from ui.results.dashboard_figures import forest_figure, km_figure
from ui.results.dashboard_models import (
    RowsModel,
    SubjectGridModel,
    change_headers,
    change_rows,
    km_headers,
    km_rows,
    proportion_headers,
    proportion_rows,
)
from ui.results.endpoint_detail import connect_subject_changes

if TYPE_CHECKING:
    from ui.host import Host

PREWARM_DELAY_MS = 1500  # after the window is up: the study's results are loaded in the background


class FigureCanvas(FigureCanvasQTAgg):
    """A figure canvas that renders its figure when some of it is painted, instead of on a timer after every
    resize: a figure scrolled out of view costs nothing until it is scrolled into view."""

    def __init__(self, figure: Figure) -> None:
        super().__init__(figure)
        self._stale = True

    def draw_idle(self) -> None:
        self._stale = True
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._stale:
            self._stale = False
            self.draw()
        super().paintEvent(event)


class TableView(QTableView):
    """A table whose columns fit their contents from the first time it is shown: until then (a table on a tab not
    yet opened) a refresh does not measure its cells."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._fitted = False

    def showEvent(self, event: QShowEvent) -> None:
        if not self._fitted:
            self._fitted = True
            header = self.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.resizeSections()
        super().showEvent(event)


def _table(model: RowsModel, name: str, parent: QWidget) -> QTableView:
    view = TableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setResizeContentsPrecision(50)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class StudyDashboard(QWidget):
    """Where the study stands on every endpoint; `subject_requested(subject_id)` on a grid click."""

    subject_requested = Signal(str)

    def __init__(self, db: Database, events: QObject, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.today = db, today
        self.cache = cache_for(db)
        self.results: StudyResults | None = None
        self.figures: dict[str, Figure] = {}
        self._figures_for: tuple | None = None
        self._prewarm: threading.Thread | None = None
        self.stale = True
        self.refresh_seconds = 0.0

        self.title = QLabel(self.tr("Study dashboard"), self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.info = QLabel(self)
        self.info.setObjectName("dashboardInfo")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_tables_button = QPushButton(self.tr("Export tables..."), self)
        self.export_tables_button.clicked.connect(self._ask_export_tables)
        self.export_figures_button = QPushButton(self.tr("Export figures..."), self)
        self.export_figures_button.clicked.connect(self._ask_export_figures)

        self.proportions = RowsModel(proportion_headers(), self)
        self.km = RowsModel(km_headers(), self)
        self.change = RowsModel(change_headers(), self)
        self.grid = SubjectGridModel(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("dashboardTabs")
        self.binary_tab = QWidget(self)
        self.proportions_view = _table(self.proportions, "proportionsTable", self.binary_tab)
        self.forest: Figure | None = None
        self.forest_canvas: FigureCanvas | None = None
        self.forest_scroll = QScrollArea(self.binary_tab)
        self.forest_scroll.setObjectName("forestScroll")
        self.forest_scroll.setWidgetResizable(True)
        binary_layout = QVBoxLayout(self.binary_tab)
        binary_layout.addWidget(self.proportions_view, 2)
        binary_layout.addWidget(self.forest_scroll, 3)
        self.tabs.addTab(self.binary_tab, self.tr("Binary endpoints"))
        self.km_tab = QWidget(self)
        self.km_view = _table(self.km, "kmTable", self.km_tab)
        self.km_figures = QWidget(self.km_tab)
        self.km_figures_layout = QVBoxLayout(self.km_figures)
        km_scroll = QScrollArea(self.km_tab)
        km_scroll.setWidgetResizable(True)
        km_scroll.setWidget(self.km_figures)
        km_layout = QVBoxLayout(self.km_tab)
        km_layout.addWidget(self.km_view, 1)
        km_layout.addWidget(km_scroll, 3)
        self.tabs.addTab(self.km_tab, self.tr("Time to event"))
        self.change_view = _table(self.change, "changeTable", self)
        self.tabs.addTab(self.change_view, self.tr("LC haematology change"))
        self.grid_view = _table(self.grid, "subjectGrid", self)
        self.grid_view.horizontalHeader().setStretchLastSection(False)
        self.grid_view.clicked.connect(self._grid_clicked)
        self.tabs.addTab(self.grid_view, self.tr("Subjects × endpoints"))
        self.tabs.currentChanged.connect(lambda _index: self.ensure_figures()
                                         if self.tabs.currentWidget() is self.km_tab else None)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        for button in (self.refresh_button, self.export_tables_button, self.export_figures_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(self.tabs, 1)
        connect_subject_changes(events, self._on_subject_change)

    # data ----------------------------------------------------------------------------------------------------

    def prewarm(self) -> None:
        """Load and evaluate the study in a background thread, so that opening the dashboard only redraws."""
        if self.results is not None or (self._prewarm is not None and self._prewarm.is_alive()):
            return
        self._prewarm = prewarm_study(self.db, self.today())

    def wait_prewarm(self) -> None:
        """Join the background load (before the database is closed)."""
        if self._prewarm is not None:
            self._prewarm.join()

    def _on_subject_change(self, _subject_id: str) -> None:
        self.stale = True
        if self.isVisible():
            QTimer.singleShot(0, self._refresh_if_stale)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            QTimer.singleShot(0, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        """Several saves in a row, or a save while shown, cost one recomputation."""
        if self.stale:
            self.refresh()

    def refresh(self) -> None:
        """Recompute (changed subjects only) and redraw every table and figure."""
        started = time.perf_counter()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.results = self.cache.compute(self.today())
            self._show(self.results)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.stale = False
        self.refresh_seconds = time.perf_counter() - started

    def _show(self, results: StudyResults) -> None:
        summary = results.summary
        self.proportions.set_rows(*proportion_rows(summary))
        self.km.set_rows(km_rows(summary))
        self.change.set_rows(change_rows(summary))
        self.grid.set_subjects(results.subjects)
        self._show_forest(summary.proportions)
        by_group = summary.subjects_by_subgroup
        provisional = self.tr(" · PROVISIONAL: some subjects are still in follow-up") if summary.provisional else ""
        self.info.setText(self.tr("As of {0} · {1} subjects (LN {2}, LC {3}){4}").format(
            results.as_of.isoformat(), summary.n_subjects, by_group.get("LN", 0), by_group.get("LC", 0), provisional))
        if self.tabs.currentWidget() is self.km_tab:
            self.ensure_figures()

    def _show_forest(self, proportions: dict) -> None:
        """The forest plot of the binary endpoints under their table (drawn when scrolled into view)."""
        self.forest = forest_figure(proportions, self.tr("Binary endpoints: proportion with exact 95 % CI"))
        width, height = self.forest.get_size_inches() * self.forest.dpi
        self.forest_canvas = FigureCanvas(self.forest)
        self.forest_canvas.setObjectName("forestPlot")
        self.forest_canvas.setMinimumWidth(int(width * 0.8))
        self.forest_canvas.setFixedHeight(int(height))
        old = self.forest_scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.forest_scroll.setWidget(self.forest_canvas)

    @staticmethod
    def _km_key(results: StudyResults) -> tuple:
        return results.summary.kaplan_meier, results.summary.components

    def ensure_figures(self) -> None:
        """Build and show the Kaplan–Meier figures unless those shown already match the results (they are built
        when the Time-to-event tab is shown or figures are exported, and only when the estimates changed)."""
        if self.results is None or self._figures_for == self._km_key(self.results):
            return
        self._show_figures(self.results)
        self._figures_for = self._km_key(self.results)

    def _show_figures(self, results: StudyResults) -> None:
        while self.km_figures_layout.count():
            item = self.km_figures_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.figures = {
            "km_endpoints": km_figure(results.summary.kaplan_meier, self.tr("Time-to-event endpoints (Kaplan–Meier)")),
            "km_treatment_failure": km_figure(results.summary.components,
                                              self.tr("LN treatment-failure components (Kaplan–Meier)")),
        }
        for name, fig in self.figures.items():
            width, height = fig.get_size_inches() * fig.dpi
            canvas = FigureCanvas(fig)
            canvas.setObjectName(name)
            canvas.setMinimumWidth(int(width * 0.8))
            canvas.setFixedHeight(int(height))
            self.km_figures_layout.addWidget(canvas)
        self.km_figures_layout.activate()

    # actions -------------------------------------------------------------------------------------------------

    def _grid_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.subject_requested.emit(self.grid.subject_at(index.row()))

    def export_tables(self, path: Path) -> list[Path]:
        """Write the tables (an .xlsx workbook, or CSV files named after `path`)."""
        if self.results is None:
            self.refresh()
        assert self.results is not None
        return write_tables(path, dashboard_frames(self.results))

    def export_figures(self, folder: Path) -> list[Path]:
        """Write the Kaplan–Meier figures and the binary endpoints' forest plot as PNG files into `folder`."""
        if self.results is None:
            self.refresh()
        self.ensure_figures()
        assert self.forest is not None
        return write_figures(folder, {**self.figures, "forest_binary_endpoints": self.forest})

    def _ask_export_tables(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Export dashboard tables"),
                                                    f"dashboard_{self.today().isoformat()}.xlsx",
                                                    self.tr("Excel workbook (*.xlsx);;CSV files (*.csv)"))
        if name:
            self._report(self.export_tables, Path(name))

    def _ask_export_figures(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export dashboard figures to folder"))
        if folder:
            self._report(self.export_figures, Path(folder))

    def _report(self, action: Callable[[Path], list[Path]], path: Path) -> None:
        try:
            written = action(path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), self.tr("Could not write {0}:\n{1}").format(path, exc))
            return
        QMessageBox.information(self, self.tr("Export done"),
                                self.tr("Written:\n{0}").format("\n".join(str(p) for p in written)))


def add_dashboard_section(window: Host) -> StudyDashboard:
    """Add the dashboard as a main-window section; a grid click opens the subject on its Endpoints tab."""
    dashboard = StudyDashboard(window.db, window.events, window.today, window)
    dashboard.setObjectName("dashboardSection")
    window.add_section("dashboard", window.tr("Study dashboard"), dashboard)
    dashboard.subject_requested.connect(lambda subject_id: open_subject_endpoints(window, subject_id))
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(dashboard.wait_prewarm)
    QTimer.singleShot(PREWARM_DELAY_MS, dashboard, dashboard.prewarm)
    return dashboard


def open_subject_endpoints(window: Host, subject_id: str) -> None:
    """Open the subject's page on its Endpoints tab."""
    window.open_subject(subject_id)
    page = window.subjects.subject_page
    tab = getattr(page, "endpoints_tab", None)
    if page is not None and tab is not None:
        page.tabs.setCurrentWidget(tab)
