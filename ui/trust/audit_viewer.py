"""The audit-trail section: who changed what, when and why; filters by subject, user, date and field; CSV export
(pandas); and "Verify audit trail", which checks the hash chain and names the first broken link."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.audit_chain import verify_audit_chain
from models.audit_trail import COLUMNS, AuditFilter, AuditRow, audit_rows, audit_subjects, audit_users
from models.database import Database
from ui.widgets.inputs import DateLineEdit

SHOWN_LIMIT = 5000
_TITLES = {"id": "#", "at_utc": "When (local)", "user": "User", "action": "Action", "table_name": "Table",
           "record_id": "Record", "subject_id": "Subject", "field": "Field", "old_value": "Old value",
           "new_value": "New value", "reason": "Reason"}


def local_time(at_utc: str) -> str:
    """An audit timestamp (UTC, ISO with Z) shown in the computer's local time, to the second."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(at_utc.replace("Z", "+00:00"))
    except ValueError:
        return at_utc
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class AuditModel(QAbstractTableModel):
    """Read-only rows of the trail; long values are cut for display (the export has them whole)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[AuditRow] = []

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802, ANN201
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(_TITLES[COLUMNS[section]])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        name = COLUMNS[index.column()]
        value = getattr(row, name)
        if role == Qt.ItemDataRole.DisplayRole:
            if name == "at_utc":
                return local_time(value)
            text = "" if value is None else str(value)
            return text if len(text) <= 120 else text[:119] + "…"
        if role == Qt.ItemDataRole.ToolTipRole and name in ("old_value", "new_value", "reason", "at_utc"):
            return None if value is None else (f"{value} (UTC)" if name == "at_utc" else str(value)[:2000])
        return None


class AuditViewer(QWidget):
    """Filters above, the trail below, export and verify buttons."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.subject = QComboBox(self)
        self.subject.setObjectName("auditSubject")
        self.subject.setEditable(True)
        self.user = QComboBox(self)
        self.user.setObjectName("auditUser")
        self.user.setEditable(True)
        self.date_from = DateLineEdit(self)
        self.date_from.setObjectName("auditFrom")
        self.date_to = DateLineEdit(self)
        self.date_to.setObjectName("auditTo")
        self.field = QLineEdit(self)
        self.field.setObjectName("auditField")
        self.field.setPlaceholderText(self.tr("e.g. weight"))
        self.field.setMaxLength(60)
        apply_button = QPushButton(self.tr("Apply filter"), self)
        apply_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Export CSV..."), self)
        self.export_button.clicked.connect(self.export_clicked)
        self.verify_button = QPushButton(self.tr("Verify audit trail"), self)
        self.verify_button.setObjectName("verifyAuditButton")
        self.verify_button.clicked.connect(self.verify)
        filters = QHBoxLayout()
        for label, widget in ((self.tr("Subject"), self.subject), (self.tr("User"), self.user),
                              (self.tr("From"), self.date_from), (self.tr("To"), self.date_to),
                              (self.tr("Field"), self.field)):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(widget, 1)
        filters.addWidget(apply_button)
        self.model = AuditModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel("", self)
        self.status.setObjectName("auditStatus")
        self.status.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>Audit trail</b> — every insert, change and deletion, with who, when "
                                        "and why. Times are local; the file stores UTC."), self))
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.reload_choices()
        self.refresh()

    def reload_choices(self) -> None:
        for combo, values in ((self.subject, audit_subjects(self.db)), (self.user, audit_users(self.db))):
            current = combo.currentText()
            combo.clear()
            combo.addItem("")
            combo.addItems(values)
            combo.setEditText(current)

    def current_filter(self) -> AuditFilter:
        return AuditFilter(subject_id=self.subject.currentText(), user=self.user.currentText(),
                           date_from=self.date_from.date_value(), date_to=self.date_to.date_value(),
                           field=self.field.text())

    def refresh(self) -> None:
        try:
            flt = self.current_filter()
        except ValueError as exc:
            self.status.setText(self.tr("Not filtered: {0} is not a date; use YYYY-MM-DD.").format(str(exc)[:40]))
            return
        rows = audit_rows(self.db, flt, limit=SHOWN_LIMIT + 1)
        shown = rows[:SHOWN_LIMIT]
        self.model.set_rows(shown)
        self.table.resizeColumnsToContents()
        for column in range(len(COLUMNS)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
        more = self.tr(" (the newest {0}; narrow the filter or export for all)").format(SHOWN_LIMIT) \
            if len(rows) > SHOWN_LIMIT else ""
        self.status.setText(self.tr("{0} row(s){1}").format(len(shown), more))

    def export_to(self, path: Path) -> int:
        """Write every row matching the filter (not only those shown) to `path` as UTF-8 CSV; returns the count."""
        import pandas as pd

        rows = audit_rows(self.db, self.current_filter(), limit=None)  # ValueError: a date that is not one
        frame = pd.DataFrame([[getattr(r, c) for c in COLUMNS] for r in rows], columns=list(COLUMNS))
        frame.to_csv(path, index=False, encoding="utf-8-sig")
        return len(rows)

    def export_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export audit trail"), "audit-trail.csv",
                                              self.tr("CSV files (*.csv)"))
        if not name:
            return
        try:
            count = self.export_to(Path(name))
        except OSError as exc:
            self.status.setText(self.tr("Not exported: {0}").format(exc.strerror or exc))
            return
        except ValueError as exc:
            self.status.setText(self.tr("Not exported: {0} is not a date; use YYYY-MM-DD.").format(str(exc)[:40]))
            return
        self.status.setText(self.tr("Exported {0} row(s) to {1}").format(count, name))

    def verify(self) -> None:
        report = verify_audit_chain(self.db)
        self.status.setText(report.message)
        self.status.setStyleSheet("" if report.ok else "color: #b00020; font-weight: bold;")
