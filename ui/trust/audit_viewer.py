"""The audit-trail section: who changed what, when and why, one row per change naming the subject, visit, form and
field as the forms do (models.audit_places, ui.trust.audit_labels), the stored record on demand; filters by
subject, user, date and field; CSV export (pandas); and "Verify audit trail", which checks the hash chain and
names the first broken link."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.audit_chain import verify_audit_chain
from models.audit_places import AuditPlace, audit_places
from models.audit_trail import COLUMNS, AuditFilter, AuditRow, audit_rows, audit_subjects, audit_users
from models.database import Database
from ui.trust.audit_labels import AuditLabels
from ui.widgets.heading import section_heading
from ui.widgets.inputs import DateLineEdit

SHOWN_LIMIT = 5000
COLUMN_CAPS = {"visit": 150, "form": 170, "field": 230}  # px; others 260
# When the columns exceed the table's width, these give way in this order, down to these widths (px); a cut cell's
# whole text is in its tool tip.
GIVE_WAY = (("reason", 160), ("new_value", 140), ("field", 180), ("form", 140), ("visit", 110), ("old_value", 90),
            ("reason", 110), ("new_value", 100), ("field", 150), ("form", 120), ("reason", 80), ("new_value", 80),
            ("old_value", 70))
SHOWN = ("at_utc", "user", "subject_id", "visit", "form", "field", "old_value", "new_value", "reason")
_TITLES = {"at_utc": "When (local)", "user": "User", "subject_id": "Subject", "visit": "Visit", "form": "Form",
           "field": "Field", "old_value": "Old value", "new_value": "New value", "reason": "Reason"}
ACTION_WORDS = {"insert": "created", "delete": "deleted"}


def local_time(at_utc: str) -> str:
    """An audit timestamp (UTC, ISO with Z) shown in the computer's local time, to the second."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(at_utc.replace("Z", "+00:00"))
    except ValueError:
        return at_utc
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class AuditModel(QAbstractTableModel):
    """One row per change, named as the forms name it (visit, form, field label); a created or deleted record
    is one row; long values are cut for display (the raw record is shown on demand, the export has it whole)."""

    def __init__(self, labels: AuditLabels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels = labels
        self.rows: list[AuditRow] = []
        self.places: dict[int, AuditPlace] = {}

    def set_rows(self, rows: list[AuditRow], places: dict[int, AuditPlace]) -> None:
        self.beginResetModel()
        self.rows, self.places = rows, places
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(SHOWN)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802, ANN201
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(_TITLES[SHOWN[section]])
        return None

    def text(self, row: int, name: str) -> str:
        """The cell of `row` in column `name`, whole."""
        entry = self.rows[row]
        place = self.places.get(entry.id) or AuditPlace(None, entry.table_name, entry.field)
        if name == "at_utc":
            return local_time(entry.at_utc)
        if name == "visit":
            return place.visit or ""
        if name == "form":
            return self.labels.form(place)
        if name == "field":
            return self.labels.field(place)
        if name in ("old_value", "new_value") and entry.field is None:
            return self._record_text(entry, place, name)
        value = getattr(entry, name)
        return "" if value is None else str(value)

    def _record_text(self, entry: AuditRow, place: AuditPlace, name: str) -> str:
        """A created or deleted record: its typed value for a lab, else the words "created" / "deleted"."""
        mine = (name == "new_value") == (entry.action == "insert")
        if not mine:
            return ""
        record = _record(entry.new_value if entry.action == "insert" else entry.old_value)
        if entry.table_name == "lab_values":
            typed = " ".join(v for v in (record.get("original_value"), record.get("original_unit")) if v)
            if typed:
                return typed
        if entry.table_name == "query_messages" and record.get("text"):
            return record["text"]
        return self.tr(ACTION_WORDS.get(entry.action, entry.action))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        name = SHOWN[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.text(index.row(), name)
            return text if len(text) <= 120 else text[:119] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            if name == "at_utc":
                return f"{self.rows[index.row()].at_utc} (UTC)"
            return self.text(index.row(), name)[:2000] or None
        return None


def _record(text: str | None) -> dict[str, str]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def raw_text(entry: AuditRow) -> str:
    """The stored audit row as it is: table, record, column, action, values (records pretty-printed)."""

    def pretty(value: str | None) -> str:
        record = _record(value)
        return json.dumps(record, ensure_ascii=False, indent=1) if record else (value or "")

    return "\n".join((f"#{entry.id}  {entry.at_utc} UTC  {entry.user}  {entry.action}",
                      f"table {entry.table_name}, record {entry.record_id}, column {entry.field or '—'}",
                      f"old: {pretty(entry.old_value)}", f"new: {pretty(entry.new_value)}",
                      f"reason: {entry.reason or '—'}"))


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
        self.field.setPlaceholderText(self.tr("e.g. Haemoglobin"))
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
        self.model = AuditModel(AuditLabels(), self)
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._show_raw)
        self.raw_button = QPushButton(self.tr("Show stored record"), self)
        self.raw_button.setObjectName("auditRawButton")
        self.raw_button.setCheckable(True)
        self.raw_button.toggled.connect(self._show_raw)
        self.raw = QPlainTextEdit(self)
        self.raw.setObjectName("auditRaw")
        self.raw.setReadOnly(True)
        self.raw.setMaximumHeight(160)
        self.raw.hide()
        self.status = QLabel("", self)
        self.status.setObjectName("auditStatus")
        self.status.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.raw_button)
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.export_button)
        heading = section_heading(self.tr("Audit trail"), self.tr("Every change, with who, when and why; one row "
                                                                  "per changed value. Times are local; the file "
                                                                  "stores UTC."), self)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.raw)
        layout.addLayout(bottom)
        self.loaded = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Read the trail when first shown (not while the window starts)."""
        super().showEvent(event)
        if not self.loaded:
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
        """The filter on stored columns (the field is matched against the labels too, in `refresh`)."""
        return AuditFilter(subject_id=self.subject.currentText(), user=self.user.currentText(),
                           date_from=self.date_from.date_value(), date_to=self.date_to.date_value())

    def _fit_columns(self) -> None:
        """Columns as wide as their contents, within caps; when they still exceed the table's width, the value
        and reason columns, then the field, form and visit, give way (GIVE_WAY), so every column is in view."""
        self.table.resizeColumnsToContents()
        for column, name in enumerate(SHOWN):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), COLUMN_CAPS.get(name, 260)))
        room = (self.table.width() - 2 * self.table.frameWidth() - self.table.verticalHeader().width()
                - self.table.verticalScrollBar().sizeHint().width())  # the scroll bar a full page of rows shows
        excess = sum(self.table.columnWidth(c) for c in range(len(SHOWN))) - room
        for name, narrowest in GIVE_WAY:
            if excess <= 0:
                break
            column = SHOWN.index(name)
            cut = min(excess, self.table.columnWidth(column) - narrowest)
            if cut > 0:
                self.table.setColumnWidth(column, self.table.columnWidth(column) - cut)
                excess -= cut

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.loaded:
            QTimer.singleShot(0, self._fit_columns)  # once the table has its new width

    def refresh(self) -> None:
        try:
            flt = self.current_filter()
        except ValueError as exc:
            self.status.setText(self.tr("Not filtered: {0} is not a date; use YYYY-MM-DD.").format(str(exc)[:40]))
            return
        self.loaded = True
        rows, places = self._changes(flt, limit=SHOWN_LIMIT + 1)
        shown = rows[:SHOWN_LIMIT]
        self.model.set_rows(shown, places)
        self._fit_columns()
        self._show_raw()
        more = self.tr(" (the newest {0}; narrow the filter or export for all)").format(SHOWN_LIMIT) \
            if len(rows) > SHOWN_LIMIT else ""
        self.status.setText(self.tr("{0} row(s){1}").format(len(shown), more))

    def _changes(self, flt: AuditFilter, limit: int | None) -> tuple[list[AuditRow], dict[int, AuditPlace]]:
        """The rows matching `flt` and the field text (stored column or label), without derived values."""
        rows = audit_rows(self.db, flt, limit=limit)
        places = audit_places(self.db, rows)
        wanted = self.field.text().strip().casefold()
        labels = self.model.labels
        kept = [r for r in rows if not places[r.id].derived and (
            not wanted or wanted in (r.field or "").casefold() or wanted in labels.field(places[r.id]).casefold())]
        return kept, places

    def _show_raw(self) -> None:
        """The selected change as stored, while "Show stored record" is down."""
        rows = self.table.selectionModel().selectedRows()
        self.raw.setVisible(self.raw_button.isChecked())
        if rows and rows[0].row() < len(self.model.rows):
            self.raw.setPlainText(raw_text(self.model.rows[rows[0].row()]))
        else:
            self.raw.setPlainText(self.tr("Select a row to see it as stored."))

    def export_to(self, path: Path) -> int:
        """Write every row matching the filter (not only those shown) to `path` as UTF-8 CSV, the stored columns
        followed by the names shown; returns the count."""
        import pandas as pd

        rows, places = self._changes(self.current_filter(), limit=None)  # ValueError: a date that is not one
        labels = self.model.labels
        frame = pd.DataFrame([[getattr(r, c) for c in COLUMNS] + [places[r.id].visit or "",
                                                                   labels.form(places[r.id]),
                                                                   labels.field(places[r.id])] for r in rows],
                             columns=[*COLUMNS, "visit", "form", "field_label"])
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
