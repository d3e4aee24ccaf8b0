"""The subject page's "Visits" tab: every visit the protocol expects of the subject with its status (the status
ladder, as in the visit grid) and entry state, and the unscheduled visits recorded; opening each visit's form
(a new form where none exists), and "New visit…" for a visit code and date."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from endpoints import vocab
from endpoints.visit_ladder import Cell
from models.status_store import load_study_status
from models.visit_store import COMPLETE, INCOMPLETE, VisitSummary, list_visits
from ui.entry.sections.texts import visit_name
from ui.entry.sections.widgets import set_colours
from ui.entry.visit_editor import open_visit_editor
from ui.status.labels import status_icon, status_word
from ui.status.navigation import open_cell
from ui.widgets.inputs import DateLineEdit

if TYPE_CHECKING:
    from ui.host import Host
    from ui.subjects.page import SubjectPage


def entry_status_text(summary: VisitSummary) -> str:
    """What the list shows for a visit's entry state (icon + word, never colour alone)."""
    tr = QLabel.tr
    if summary.missed:
        return tr("— missed")
    if summary.entry_status == COMPLETE:
        return tr("✔ complete")
    if summary.entry_status == INCOMPLETE:
        return tr("! incomplete")
    return tr("imported")


class NewVisitDialog(QDialog):
    """Choose the visit code (scheduled codes not yet used, or unscheduled) and its date."""

    def __init__(self, used: set[str], today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New visit"))
        self.code = QComboBox()
        self.code.setObjectName("newVisitCode")
        for code in vocab.VISIT_CODES:
            if code == "UNS" or code not in used:
                self.code.addItem(f"{code} — {visit_name(code)}", code)
        self.date = DateLineEdit()
        self.date.setObjectName("newVisitDate")
        self.date.set_date(today)
        self.error = QLabel()
        set_colours(self.error, "#b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Visit"), self.code)
        form.addRow(self.tr("Date"), self.date)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        try:
            self.date.date_value()
        except ValueError:
            self.error.setText(self.tr("Type the date as 2026-03-05 or 20260305."))
            return
        self.accept()

    def chosen(self) -> tuple[str, dt.date | None]:
        return self.code.currentData(), self.date.date_value()


VISITS_COLUMNS = ("Visit", "Status", "Date", "Target (window)", "Queries", "Entry")


class VisitsTab(QWidget):
    """Every visit the protocol expects of the subject (its status-ladder cell: icon and word, date, target and
    window, queries) and any unscheduled visit recorded; Enter or double-click opens the visit's form, a new one
    where none exists."""

    def __init__(self, window: Host, subject_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_, self.subject_id = window, subject_id
        self.table = QTableWidget(0, len(VISITS_COLUMNS), self)
        self.table.setObjectName("visitTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in VISITS_COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.activated.connect(lambda _index: self.open_selected())
        self.new_button = QPushButton(self.tr("New visit…"), self)
        self.new_button.setObjectName("newVisitButton")
        self.new_button.clicked.connect(self.new_visit)
        self.open_button = QPushButton(self.tr("Open visit form"), self)
        self.open_button.setObjectName("openVisitButton")
        self.open_button.clicked.connect(self.open_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.visits: list[VisitSummary] = []
        self.rows: list[tuple[Cell | None, VisitSummary | None]] = []
        for signal in (window.events.visit_saved, window.events.schedule_changed, window.events.queries_changed,
                       window.events.subject_saved):
            signal.connect(self._on_saved)
        self.refresh()

    def _on_saved(self, subject_id: str) -> None:
        if subject_id == self.subject_id:
            self.refresh()

    def refresh(self) -> None:
        self.visits = list_visits(self.window_.db, self.subject_id)
        by_record = {v.record_id: v for v in self.visits}
        status = load_study_status(self.window_.db, self.window_.today(), [self.subject_id])
        cells = status[0].visit_cells if status else ()
        self.rows = [(c, by_record.get(c.record_id) if c.record_id is not None else None) for c in cells]
        scheduled = {c.record_id for c in cells}
        self.rows += [(None, v) for v in self.visits if v.record_id not in scheduled]
        self.table.setRowCount(len(self.rows))
        for row, (cell, visit) in enumerate(self.rows):
            code = cell.column if cell is not None else visit.code if visit is not None else ""
            when = cell.date if cell is not None else visit.date if visit is not None else None
            target = ""
            if cell is not None and cell.due is not None and cell.window is not None:
                target = f"{cell.due.isoformat()} ({cell.window.earliest.isoformat()} – " \
                         f"{cell.window.latest.isoformat()})"
            queries = ""
            if cell is not None and (cell.open_queries or cell.answered_queries):
                queries = self.tr("{0} open, {1} answered").format(cell.open_queries, cell.answered_queries)
            texts = (f"{code} — {visit_name(code)}", status_word(cell.status) if cell is not None else "",
                     when.isoformat() if when else "—", target, queries,
                     entry_status_text(visit) if visit is not None else self.tr("no form yet"))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column == 1 and cell is not None:
                    item.setIcon(status_icon(cell.status))
                    item.setToolTip(cell.reason)
                self.table.setItem(row, column, item)

    def open_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            return
        cell, visit = self.rows[row]
        if visit is not None:
            open_visit_editor(self.window_, self.subject_id, record_id=visit.record_id)
        elif cell is not None:
            open_cell(self.window_, cell)

    def new_visit(self) -> None:
        dialog = NewVisitDialog({v.code for v in self.visits}, self.window_.today(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            code, when = dialog.chosen()
            open_visit_editor(self.window_, self.subject_id, code=code, when=when)


def add_visits_tab(window: Host, page: SubjectPage) -> VisitsTab:
    """Add the Visits tab to a subject page."""
    tab = VisitsTab(window, page.record.subject_id, page)
    page.add_tab(tab, tab.tr("Visits"))
    return tab
