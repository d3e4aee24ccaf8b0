"""The page of one subject: demographics, status with its history, notes; the features add their tabs beside it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from endpoints.formatting import local_time
from models.subjects import SubjectRecord, age_on
from ui.subjects.labels import sex_label, status_label, subgroup_label

HISTORY_ROWS_SHOWN = 8  # the status history table grows to this many rows, then scrolls


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else "—"


def _value_label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class RegistrationTab(QWidget):
    """Read-only view of the registry data; the edit button opens the registration form."""

    edit_requested = Signal()

    def __init__(self, record: SubjectRecord, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit_button = QPushButton(self.tr("Edit registration..."), self)
        self.edit_button.setObjectName("editButton")
        self.edit_button.clicked.connect(self.edit_requested)

        demo_box = QGroupBox(self.tr("Demographics"), self)
        demo = QFormLayout(demo_box)
        age = self.tr(" (age {0})").format(age_on(record.birth_date, today)) if record.birth_date else ""
        weight = self.tr("{0:g} kg").format(record.weight_kg) if record.weight_kg is not None else "—"
        for label, text, name in (
            (self.tr("Screening number"), record.screening_number or "—", "screeningValue"),
            (self.tr("Subject ID"), record.subject_id, "subjectIdValue"),
            (self.tr("Initials"), record.initials or "—", "initialsValue"),
            (self.tr("Subgroup"), subgroup_label(record.subgroup), "subgroupValue"),
            (self.tr("Sex"), sex_label(record.sex), "sexValue"),
            (self.tr("Date of birth"), _date(record.birth_date) + age, "birthValue"),
            (self.tr("Baseline weight"), weight, "weightValue"),
        ):
            demo.addRow(label, _value_label(text, name))

        status_box = QGroupBox(self.tr("Consent and status"), self)
        status = QFormLayout(status_box)
        rows = [
            (self.tr("Informed consent"), _date(record.consent_date), "consentValue"),
            (self.tr("Day 0 (infusion 1)"), _date(record.enrolment_date), "dayZeroValue"),
            (self.tr("Status"), status_label(record.status), "statusValue"),
        ]
        if record.status == "withdrawn" or record.withdrawal_date:
            rows.append((self.tr("Withdrawal date"), _date(record.withdrawal_date), "withdrawalDateValue"))
            rows.append((self.tr("Withdrawal reason"), record.withdrawal_reason or "—", "withdrawalReasonValue"))
        if record.death_date:
            rows.append((self.tr("Date of death"), _date(record.death_date), "deathValue"))
        for label, text, name in rows:
            status.addRow(label, _value_label(text, name))

        history_box = QGroupBox(self.tr("Status history"), self)
        self.history_table = QTableWidget(len(record.history), 5, history_box)
        self.history_table.setObjectName("historyTable")
        self.history_table.setHorizontalHeaderLabels(
            [self.tr("Since"), self.tr("Status"), self.tr("Reason"), self.tr("Changed by"), self.tr("Recorded")]
        )
        for row, entry in enumerate(record.history):
            cells = (entry.status_date.isoformat(), status_label(entry.status), entry.reason or "", entry.changed_by,
                     local_time(entry.changed_at_utc))
            for column, text in enumerate(cells):
                self.history_table.setItem(row, column, QTableWidgetItem(text))
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.verticalHeader().hide()
        header = self.history_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.history_table.resizeRowsToContents()
        shown_rows = min(max(len(record.history), 1), HISTORY_ROWS_SHOWN)
        self.history_table.setFixedHeight(
            header.height() + shown_rows * self.history_table.verticalHeader().defaultSectionSize()
            + 2 * self.history_table.frameWidth() + 4
        )
        history_layout = QVBoxLayout(history_box)
        history_layout.addWidget(self.history_table)

        notes_box = QGroupBox(self.tr("Notes"), self)
        self.notes_label = _value_label(record.notes or self.tr("(none)"), "notesValue")
        self.notes_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.addWidget(self.notes_label)

        top = QHBoxLayout()
        top.addWidget(demo_box, 1)
        top.addWidget(status_box, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(top)
        layout.addWidget(history_box)
        layout.addWidget(notes_box)
        layout.addStretch(1)


class SubjectPage(QWidget):
    """Header with the subject and a way back to the list, and a tab per area of the subject's data."""

    back_requested = Signal()
    edit_requested = Signal()
    print_requested = Signal()

    def __init__(self, record: SubjectRecord, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.print_button = QPushButton(self.tr("Print summary..."), self)
        self.print_button.setObjectName("printSummaryButton")
        self.print_button.clicked.connect(self.print_requested)
        self.back_button = QPushButton(self.tr("← All subjects"), self)
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.back_requested)
        initials = f" · {record.initials}" if record.initials else ""
        self.title = QLabel(f"{record.subject_id}{initials} · {status_label(record.status)}", self)
        self.title.setObjectName("subjectTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("subjectTabs")
        self.tabs.tabBar().setAutoHide(True)
        self.registration = RegistrationTab(record, today, self)
        self.registration.edit_requested.connect(self.edit_requested)
        self.tabs.addTab(self.registration, self.tr("Registration"))

        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addWidget(self.title, 1)
        header.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def add_tab(self, widget: QWidget, title: str) -> None:
        """Later pages of the subject (visits, endpoints, …) are added here."""
        self.tabs.addTab(widget, title)
