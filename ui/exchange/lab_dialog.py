"""File → Import labs: a laboratory export (CSV or XLSX) read through the laboratory's mapping file, previewed row by
row (ui.exchange.lab_table), then applied with a reason in one audited transaction (exchange.lab_import).

Nothing is written until Apply. A conflict with an entered value and a row without a visit wait for an explicit
choice (overwrite / new unscheduled visit, or skip); Apply stays disabled while any row waits and while the reason
is empty. Right before writing, the file is previewed again against the database: if another form changed a value
meanwhile, the new preview is shown for review instead of writing. After writing, the subjects' screens redraw
through the data-change events and the preview is read again (the written rows now show "same as entered").
Only data-entry roles may apply; others see the preview with Apply disabled and the reason why.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from apppaths import user_data_dir
from exchange.lab_import import SKIP, LabFileError, LabPreview, accepted, apply_labs, preview_labs, read_lab_file
from exchange.lab_mapping import MappingError, load_mapping
from models.errors import DatabaseError, ReasonRequired
from models.security import Action, PermissionDenied
from ui.errors import LOGGER_NAME
from ui.exchange.lab_table import (
    ACCEPT,
    CHOOSABLE,
    COLUMNS,
    ChoiceDelegate,
    LabPreviewModel,
    PreviewFilter,
    choice_words,
    fate_words,
)
from ui.widgets.windows import fit_to_screen

if TYPE_CHECKING:
    from ui.host import Host

LAST_MAPPING_FILE = "lab_mapping.txt"
DIALOG_SIZE = QSize(1240, 680)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportLabsDialog", text)


def may_import(host: Host) -> bool:
    """Whether the user at the window may import lab results (a data-entry role; nobody while no one is signed in)."""
    try:
        return host.db.actor_for(host.user).can(Action.ENTER_DATA)
    except PermissionDenied:
        return False


def refusal_text() -> str:
    return _tr("Only coordinators and investigators enter data; monitors and administrators cannot import lab "
               "results.")


class ImportLabsDialog(QDialog):
    """Preview and apply one laboratory export."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.preview: LabPreview | None = None
        self.written = 0
        self.setObjectName("importLabsDialog")
        self.setWindowTitle(self.tr("Import lab results"))
        fit_to_screen(self, "importLabsDialog", DIALOG_SIZE)

        self.lab_edit = QLineEdit(self)
        self.lab_edit.setObjectName("labFileEdit")
        self.lab_edit.setPlaceholderText(self.tr("the laboratory's export, .csv or .xlsx"))
        self.lab_button = QPushButton(self.tr("Choose…"), self)
        self.lab_button.setObjectName("chooseLabFile")
        self.mapping_edit = QLineEdit(self)
        self.mapping_edit.setObjectName("mappingEdit")
        self.mapping_edit.setPlaceholderText(self.tr("the laboratory's mapping file, .toml"))
        self.mapping_edit.setText(self._last_mapping())
        self.mapping_button = QPushButton(self.tr("Choose…"), self)
        self.mapping_button.setObjectName("chooseMapping")
        self.preview_button = QPushButton(self.tr("&Preview"), self)
        self.preview_button.setObjectName("previewButton")
        self.file_error = QLabel(self)
        self.file_error.setObjectName("fileError")
        self.file_error.setWordWrap(True)
        self.file_error.setStyleSheet("color: #b00020;")
        self.file_error.hide()

        self.counts_label = QLabel(self.tr("Choose the file and its mapping, then Preview."), self)
        self.counts_label.setObjectName("countsLabel")
        self.counts_label.setWordWrap(True)
        self.model = LabPreviewModel(self)
        self.view_model = PreviewFilter(self.model)
        self.only_choices = QCheckBox(self.tr("Only the rows that need a choice (conflicts, no visit)"), self)
        self.only_choices.setObjectName("onlyChoices")
        self.table = QTableView(self)
        self.table.setObjectName("previewTable")
        self.table.setModel(self.view_model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMNS.index("row"), Qt.SortOrder.AscendingOrder)
        self.table.setItemDelegateForColumn(COLUMNS.index("choice"), ChoiceDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.SelectedClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.accept_button = QPushButton(self.tr("&Accept selected rows"), self)
        self.accept_button.setObjectName("acceptSelected")
        self.accept_button.setToolTip(self.tr("Import new values, overwrite conflicts, put rows without a visit into "
                                              "a new unscheduled visit — for the selected rows"))
        self.skip_button = QPushButton(self.tr("S&kip selected rows"), self)
        self.skip_button.setObjectName("skipSelected")

        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("e.g. Hanyang laboratory report of 2026-11-30 (kept in the audit "
                                                    "trail)"))
        self.waiting_label = QLabel(self)
        self.waiting_label.setObjectName("waitingLabel")
        self.waiting_label.setWordWrap(True)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setObjectName("applyButton")
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("closeButton")

        self._lay_out()
        self.lab_button.clicked.connect(self._choose_lab_file)
        self.mapping_button.clicked.connect(self._choose_mapping)
        self.preview_button.clicked.connect(self.load_preview)
        self.only_choices.toggled.connect(self.view_model.show_only_choices)
        self.accept_button.clicked.connect(lambda: self._choose_selected(ACCEPT))
        self.skip_button.clicked.connect(lambda: self._choose_selected(SKIP))
        self.model.dataChanged.connect(self._update_apply)
        self.model.modelReset.connect(self._update_apply)
        self.reason_edit.textChanged.connect(self._update_apply)
        self.apply_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.close)
        self._update_apply()

    def _lay_out(self) -> None:
        files = QGridLayout()
        files.addWidget(QLabel(self.tr("Lab file:"), self), 0, 0)
        files.addWidget(self.lab_edit, 0, 1)
        files.addWidget(self.lab_button, 0, 2)
        files.addWidget(QLabel(self.tr("Mapping:"), self), 1, 0)
        files.addWidget(self.mapping_edit, 1, 1)
        files.addWidget(self.mapping_button, 1, 2)
        files.addWidget(self.preview_button, 0, 3, 2, 1)
        files.setColumnStretch(1, 1)
        selection = QHBoxLayout()
        selection.addWidget(QLabel(self.tr("For the selected rows:"), self))
        selection.addWidget(self.accept_button)
        selection.addWidget(self.skip_button)
        selection.addStretch(1)
        selection.addWidget(self.only_choices)
        reason = QHBoxLayout()
        reason.addWidget(QLabel(self.tr("Reason:"), self))
        reason.addWidget(self.reason_edit, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.waiting_label, 1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(files)
        layout.addWidget(self.file_error)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(selection)
        layout.addLayout(reason)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)

    # files ---------------------------------------------------------------------------------------------------

    def _choose_lab_file(self) -> None:
        start = self.lab_edit.text().strip() or str(Path.home())
        name, _f = QFileDialog.getOpenFileName(self, self.tr("The laboratory's export"), start,
                                               self.tr("Lab exports (*.csv *.xlsx *.txt)"))
        if name:
            self.lab_edit.setText(name)
            if self.mapping_edit.text().strip():
                self.load_preview()

    def _choose_mapping(self) -> None:
        start = self.mapping_edit.text().strip() or self.lab_edit.text().strip() or str(Path.home())
        name, _f = QFileDialog.getOpenFileName(self, self.tr("The laboratory's mapping file"), start,
                                               self.tr("Mapping files (*.toml)"))
        if name:
            self.mapping_edit.setText(name)
            if self.lab_edit.text().strip():
                self.load_preview()

    def _last_mapping(self) -> str:
        try:
            saved = (user_data_dir() / LAST_MAPPING_FILE).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return ""
        return saved if Path(saved).is_file() else ""

    def _remember_mapping(self, path: Path) -> None:
        try:
            (user_data_dir() / LAST_MAPPING_FILE).write_text(str(path), encoding="utf-8")
        except OSError:
            logging.getLogger(LOGGER_NAME).warning("Could not remember the lab mapping %s", path)

    # preview -------------------------------------------------------------------------------------------------

    def load_preview(self) -> bool:
        """Read the file through the mapping and preview it against the database; False (said next to the
        files) when either cannot be read."""
        self._file_error("")
        self.result_label.clear()
        lab_text, mapping_text = self.lab_edit.text().strip(), self.mapping_edit.text().strip()
        if not lab_text or not mapping_text:
            self._file_error(self.tr("Choose both the lab file and the laboratory's mapping file."))
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            mapping = load_mapping(Path(mapping_text))
            rows = read_lab_file(Path(lab_text), mapping)
            preview = preview_labs(self.host.db, rows, mapping)
        except (MappingError, LabFileError, DatabaseError) as exc:
            self._show(None)
            self._file_error(str(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._remember_mapping(Path(mapping_text))
        self._show(preview, keep=self.model.decisions() if self.preview is not None else None)
        return True

    def _show(self, preview: LabPreview | None, keep: dict[int, tuple[str, str | None]] | None = None) -> None:
        self.preview = preview
        self.model.set_preview(preview or LabPreview(()), keep)
        if preview is None:
            self.counts_label.setText(self.tr("No preview."))
            return
        words = fate_words()
        counts = ", ".join(f"{words[fate]} {n}" for fate, n in preview.counts().items() if n)
        self.counts_label.setText(self.tr("{0} rows: {1}").format(len(preview.rows), counts))
        self.table.resizeColumnsToContents()
        widest = max(self.table.fontMetrics().horizontalAdvance(text)
                     for fate in CHOOSABLE for text in choice_words(fate).values())
        self.table.setColumnWidth(COLUMNS.index("choice"), widest + 48)  # room for the waiting icon and the arrow

    def _file_error(self, text: str) -> None:
        self.file_error.setText(text)
        self.file_error.setVisible(bool(text))

    def _choose_selected(self, choice: str) -> None:
        rows = sorted({self.view_model.mapToSource(index).row()
                       for index in self.table.selectionModel().selectedRows()})
        if not rows:
            self.waiting_label.setText(self.tr("Select rows in the table first."))
            return
        self.model.set_choice(rows, choice)
        self._update_apply()

    # applying ------------------------------------------------------------------------------------------------

    def _update_apply(self) -> None:
        allowed = may_import(self.host)
        waiting = self.model.undecided()
        reason = bool(self.reason_edit.text().strip())
        count = self.model.accepted_count()
        self.apply_button.setText(self.tr("Apply: write {0} value(s)").format(count) if self.preview else
                                  self.tr("Apply"))
        self.apply_button.setEnabled(allowed and self.preview is not None and not waiting and reason and count > 0)
        if not allowed:
            self.apply_button.setToolTip(refusal_text())
            self.waiting_label.setText(refusal_text())
        elif self.preview is None:
            self.waiting_label.setText("")
        elif waiting:
            self.waiting_label.setText(self.tr("{0} row(s) wait for your choice (rows {1}): choose in “Your choice”, "
                                               "or select them and Accept or Skip.")
                                       .format(len(waiting), ", ".join(str(n) for n in waiting[:12])
                                               + ("…" if len(waiting) > 12 else "")))
        elif count == 0:
            self.waiting_label.setText(self.tr("Nothing to write."))
        elif not reason:
            self.waiting_label.setText(self.tr("Give the reason for the import (it goes into the audit trail)."))
        else:
            self.waiting_label.setText("")
        if allowed:
            self.apply_button.setToolTip("")

    def apply(self) -> int:
        """Write the accepted rows in one audited transaction; returns how many values were written (0 when the
        preview had to be reviewed again or the write was refused, said in the dialog)."""
        if self.preview is None or not may_import(self.host):
            return 0
        before = {row.line: (row.fate, row.entered) for row in self.preview.rows}
        if not self.load_preview():
            return 0
        assert self.preview is not None
        after = {row.line: (row.fate, row.entered) for row in self.preview.rows}
        if after != before:
            self.result_label.setText(self.tr("The entered data changed since the preview, or the file did. Review "
                                              "the preview again (choices kept where a row's fate is unchanged), then "
                                              "Apply."))
            return 0
        if self.model.undecided():
            return 0
        choices = self.model.api_choices()
        try:
            written = apply_labs(self.host.db, self.preview, choices, user=self.host.user,
                                 reason=self.reason_edit.text())
        except (ReasonRequired, PermissionDenied, DatabaseError) as exc:
            self.result_label.setText(self.tr("Nothing was written: {0}").format(exc))
            return 0
        subjects = sorted({row.subject_id for row in accepted(self.preview, choices) if row.subject_id})
        self.written += written
        for subject_id in subjects:
            self.host.events.visit_saved.emit(subject_id)
            self.host.events.schedule_changed.emit(subject_id)
        text = self.tr("Wrote {0} lab value(s) for {1} subject(s).").format(written, len(subjects))
        self.host.statusBar().showMessage(text, 10000)
        self.load_preview()
        self.result_label.setText(text)
        return written
