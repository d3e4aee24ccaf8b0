"""The subject page's "Plots" tab: the print figures of `reports.plots` (dose with the 7.5 mg/day line and
the W4–W12 / W12–W24 periods; LC haematology or LN renal function with their thresholds; SLEDAI-2K and PGA)
embedded with FigureCanvasQTAgg. Redrawn after a save of the subject, when the tab is next shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QObject
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from models.database import Database
from models.dossier_store import load_dossier
from models.errors import SubjectNotFound
from reports.plots import plot_context, subject_figures
from reports.texts import printing_in
from ui.results.endpoint_detail import connect_subject_changes
from ui.shell.i18n import running_language

if TYPE_CHECKING:
    from ui.host import Host
    from ui.subjects.page import SubjectPage


class PlotsTab(QWidget):
    """The subject's plots; `figures` holds (title, Figure) of the last drawing."""

    def __init__(self, db: Database, events: QObject, subject_id: str,
                 today: Callable[[], dt.date] = dt.date.today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.subject_id, self.today = db, subject_id, today
        self.figures: list[tuple[str, Figure]] = []
        self.stale = True
        self.message = QLabel(self)
        self.message.setObjectName("plotsMessage")
        self.export_button = QPushButton(self.tr("Save plots as PNG..."), self)
        self.export_button.clicked.connect(self._ask_export)
        body = QWidget(self)
        self.plots_layout = QVBoxLayout(body)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        top = QHBoxLayout()
        top.addWidget(self.message, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        connect_subject_changes(events, self._on_subject_change)

    def _on_subject_change(self, subject_id: str) -> None:
        if subject_id == self.subject_id:
            self.stale = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def refresh(self) -> None:
        """Load the subject as of today and draw every plot of its subgroup."""
        as_of = self.today()
        try:
            dossier = load_dossier(self.db, self.subject_id, as_of)
        except SubjectNotFound:
            self.message.setText(self.tr("Subject {0} no longer exists.").format(self.subject_id))
            return
        with printing_in(running_language()):  # the figures' words in the window's language
            self.figures = subject_figures(plot_context(dossier, self.db.config.params, as_of))
        while self.plots_layout.count():
            item = self.plots_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for title, fig in self.figures:
            width, height = fig.get_size_inches() * fig.dpi
            canvas = FigureCanvasQTAgg(fig)
            canvas.setObjectName(f"plot_{title}")
            canvas.setMinimumWidth(int(width * 0.8))
            canvas.setFixedHeight(int(height))
            self.plots_layout.addWidget(canvas)
        self.plots_layout.addStretch(1)
        self.plots_layout.activate()
        self.message.setText(self.tr("{0} · as of {1} · same plots as in the printed summary").format(
            self.subject_id, as_of.isoformat()))
        self.stale = False

    def export(self, folder: Path) -> list[Path]:
        """Each plot as `<folder>/<subject>_<n>.png`."""
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for number, (_title, fig) in enumerate(self.figures, start=1):
            out = folder / f"{self.subject_id}_plot{number}.png"
            fig.savefig(out, dpi=150)
            written.append(out)
        return written

    def _ask_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save plots to folder"))
        if folder:
            self.export(Path(folder))


def add_plots_tab(window: Host, page: SubjectPage) -> PlotsTab:
    """Add the "Plots" tab to a subject page (drawn when first shown)."""
    tab = PlotsTab(window.db, window.events, page.record.subject_id, window.today, page)
    tab.setObjectName("plotsTab")
    page.plots_tab = tab
    page.add_tab(tab, window.tr("Plots"))
    return tab
