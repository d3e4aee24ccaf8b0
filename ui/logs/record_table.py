"""A subject log as a table of its saved rows with Add / Edit / Delete; the row form opens beside the main
window (ui.logs.record_editor). Redrawn after any save of the subject's data, when next shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import DatabaseError, ReasonRequired, ValidationError
from models.subject_records import LogRow, delete_row, list_rows
from ui.drafts import Draft
from ui.logs.fields import LogSpec
from ui.logs.record_editor import RecordEditor
from ui.widgets.reason_dialog import ReasonDialog

if TYPE_CHECKING:
    from ui.host import Host


def connect_to_changes(events: QObject, slot: Callable[[str], None]) -> None:
    """Call the bound method `slot(subject_id)` after any save announced on DataEvents. A bound method of a
    widget (not a lambda), so Qt drops the connection when the widget is destroyed with its page."""
    for name, attribute in vars(type(events)).items():
        if isinstance(attribute, Signal):
            getattr(events, name).connect(slot)


def open_record_editor(
    window: Host, subject_id: str, spec: LogSpec, row: LogRow | None, draft: Draft | None = None
) -> RecordEditor:
    """Open (non-blocking) the form of a saved row or of a new one; an already open form of the row is raised."""
    for editor in window.findChildren(RecordEditor):
        if editor.isVisible() and editor.subject_id == subject_id and editor.spec.kind == spec.kind and \
                row is not None and editor.row is not None and editor.row.record_id == row.record_id:
            editor.raise_()
            editor.activateWindow()
            return editor
    editor = RecordEditor(window.db, window.user, window.drafts, window.events, subject_id, spec, row,
                          window.today(), draft=draft, parent=window)
    editor.setWindowFlag(Qt.WindowType.Window, True)
    editor.finished.connect(editor.deleteLater)
    editor.show()
    return editor


class LogTable(QWidget):
    """The saved rows of one log of one subject; Enter or double-click edits a row."""

    changed = Signal()  # the rows were reloaded

    def __init__(self, window: Host, subject_id: str, spec: LogSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_, self.subject_id, self.spec = window, subject_id, spec
        self.rows: list[LogRow] = []
        self.stale = True
        self.setObjectName(f"log_{spec.kind}")
        self.title = QLabel(f"<b>{spec.title}</b>", self)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.add_button.setObjectName("addButton")
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("editButton")
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.setObjectName("deleteButton")
        self.add_button.clicked.connect(self.add_row)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table = QTableWidget(0, len(spec.columns), self)
        self.table.setObjectName("logTable")
        self.table.setHorizontalHeaderLabels([c.header for c in spec.columns])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.empty = QLabel(self.tr("(none recorded)"), self)
        self.empty.setStyleSheet("color: #777;")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        connect_to_changes(window.events, self._on_subject_change)
        self.refresh()

    def _on_subject_change(self, subject_id: str) -> None:
        if subject_id == self.subject_id:
            self.stale = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def refresh(self) -> None:
        """Reload the rows from the database."""
        self.rows = list_rows(self.window_.db, self.subject_id, self.spec.kind)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, column in enumerate(self.spec.columns):
                item = QTableWidgetItem(column.text(row.values))
                item.setData(Qt.ItemDataRole.UserRole, row.record_id)
                self.table.setItem(r, c, item)
        self.empty.setVisible(not self.rows)
        self.edit_button.setEnabled(bool(self.rows))
        self.delete_button.setEnabled(bool(self.rows))
        self.stale = False
        self.changed.emit()

    def selected(self) -> LogRow | None:
        r = self.table.currentRow()
        return self.rows[r] if 0 <= r < len(self.rows) else None

    def add_row(self) -> RecordEditor:
        return open_record_editor(self.window_, self.subject_id, self.spec, None)

    def edit_selected(self) -> RecordEditor | None:
        row = self.selected()
        return open_record_editor(self.window_, self.subject_id, self.spec, row) if row is not None else None

    def delete_selected(self) -> bool:
        """Delete the selected row after asking for the reason (kept in the audit trail)."""
        row = self.selected()
        if row is None:
            return False
        dialog = ReasonDialog(self.tr("deleting {0} of subject {1}").format(self.spec.describe(row.values),
                                                                          self.subject_id), self)
        dialog.ok_button.setText(self.tr("Delete with this reason"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            delete_row(self.window_.db, self.subject_id, self.spec.kind, row.record_id, user=self.window_.user,
                       reason=dialog.reason(), expected_version=row.row_version)
        except (ReasonRequired, ValidationError):
            self.refresh()
            return False
        except DatabaseError as exc:  # another PC changed the row meanwhile, or the database refused
            QMessageBox.warning(self, self.tr("Not deleted"), str(exc))
            self.refresh()
            return False
        self.window_.events.log_saved.emit(self.subject_id)
        self.refresh()
        return True
