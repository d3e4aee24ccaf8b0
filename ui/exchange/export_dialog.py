"""File → Export: the format, the subjects (all, or those ticked), where to save; the export runs in a worker thread
(ui.exchange.export_job) behind a progress bar with Cancel, so the window stays responsive, and a cancelled or
failed export leaves no file. Problems a user can meet (folder gone, no permission, disk full) get one plain
sentence; anything else is logged and summarised, never shown as a traceback."""

from __future__ import annotations

import errno
import logging
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QSize, QStandardPaths, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from exchange.atomic import ExportCancelled
from ui.errors import LOGGER_NAME
from ui.exchange.export_job import ODM, PHASE_SUBJECTS, ExportRequest, ExportResult, run_export
from ui.widgets.windows import fit_to_screen

if TYPE_CHECKING:
    from models.subjects import SubjectRow
    from ui.host import Host

OpenUrl = Callable[[QUrl], bool]
DIALOG_SIZE = QSize(640, 600)


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


def format_labels() -> dict[str, str]:
    """The formats as the dialog names them, in FORMATS order."""

    return {
        ODM: tr("CDISC ODM 1.3.2 XML: data, audit trail, signatures, queries (one file)"),
        "csv": tr("CSV tables, UTF-8 (a folder: one file per form, scores, endpoints, dictionary)"),
        "xlsx": tr("Excel workbook (a folder with one workbook, one sheet per table)"),
        "xpt": tr("SAS transport XPT version 5 (a folder: one file per table)"),
        "dataset-json": tr("CDISC Dataset-JSON 1.1 (a folder: one file per table)"),
    }


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location and Path(location).is_dir() else Path.home()


def default_target(folder: Path, protocol: str, fmt: str, today_text: str) -> Path:
    """`<protocol code>_odm_<date>.xml`, or the folder `<protocol code>_<format>_<date>`, in `folder`."""
    words = protocol.split()
    code = re.sub(r"[^0-9A-Za-z._-]+", "_", words[0] if words else "").strip("._") or "TrialDesk"
    name = f"{code}_{fmt.replace('-', '_')}_{today_text}"
    return folder / (f"{name}.xml" if fmt == ODM else name)


def failure_text(exc: BaseException, target: Path) -> str:
    """One plain sentence for a failed export (no traceback)."""
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            why = tr("the disk is full. Free some space or choose another place.")
        elif isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
            why = tr("there is no permission to write there, or a file of that name is open in another program.")
        elif exc.errno in (errno.ENOENT, errno.ENOTDIR):
            why = tr("the folder does not exist any more.")
        else:
            why = exc.strerror or str(exc)
        return tr("The export could not be written to\n{0}\nbecause {1}\nNo file was written.").format(target, why)
    return tr("The export failed ({0}: {1}).\nNo file was written. Details are in the error log.").format(
        type(exc).__name__, exc)


class _JobSignals(QObject):
    progressed = Signal(str, int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _ExportJob(QRunnable):
    """Runs one export in the pool and reports progress, the result, a failure or the cancellation."""

    def __init__(self, host: Host, request: ExportRequest) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.host, self.request = host, request
        self.stop = threading.Event()
        self.signals = _JobSignals()

    def run(self) -> None:
        try:
            result = run_export(self.host.db, self.request, self.signals.progressed.emit, self.stop.is_set)
        except ExportCancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 (shown as a message, logged with its traceback)
            if not isinstance(exc, OSError):
                logging.getLogger(LOGGER_NAME).exception("Export to %s failed", self.request.target)
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


class ExportDialog(QDialog):
    """Export the study's data. `finished_export(result)` is emitted after every run: an ExportResult, or None
    when cancelled or failed. `open_url` opens the written folder (replaceable in tests)."""

    finished_export = Signal(object)

    def __init__(self, host: Host, subjects: list[SubjectRow], chosen: list[str],
                 open_url: OpenUrl = QDesktopServices.openUrl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host, self.open_url = host, open_url
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export the study's data"))
        fit_to_screen(self, "exportDialog", DIALOG_SIZE)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.job: _ExportJob | None = None
        self.result: ExportResult | None = None
        self.last_error: str | None = None
        self._suggested: Path | None = None

        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("formatCombo")
        for fmt, label in format_labels().items():
            self.format_combo.addItem(label, fmt)
        self.all_subjects = QRadioButton(self.tr("All subjects ({0})").format(len(subjects)), self)
        self.all_subjects.setObjectName("allSubjects")
        self.chosen_subjects = QRadioButton(self.tr("Only the subjects ticked below"), self)
        self.chosen_subjects.setObjectName("chosenSubjects")
        group = QButtonGroup(self)
        group.addButton(self.all_subjects)
        group.addButton(self.chosen_subjects)
        self.subject_list = QListWidget(self)
        self.subject_list.setObjectName("subjectList")
        for row in subjects:
            item = QListWidgetItem(f"{row.subject_id}   {row.subgroup} · {row.status}", self.subject_list)
            item.setData(Qt.ItemDataRole.UserRole, row.subject_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.subject_id in chosen else Qt.CheckState.Unchecked)
        (self.chosen_subjects if chosen else self.all_subjects).setChecked(True)
        self.target_edit = QLineEdit(self)
        self.target_edit.setObjectName("targetEdit")
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.choose_button.setObjectName("chooseTargetButton")
        self.target_hint = QLabel(self)
        self.target_hint.setObjectName("targetHint")
        self.target_hint.setWordWrap(True)

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("progressBar")
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress_label = QLabel(self.tr("Nothing exported yet."), self)
        self.progress_label.setObjectName("progressLabel")
        self.progress_label.setWordWrap(True)
        self.progress_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()

        self.export_button = QPushButton(self.tr("&Export"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel export"), self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        self.open_button = QPushButton(self.tr("Open the folder"), self)
        self.open_button.setObjectName("openFolderButton")
        self.open_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("closeButton")

        self._lay_out()
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.all_subjects.toggled.connect(self._subjects_mode_changed)
        self.choose_button.clicked.connect(self._choose_target)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self._open_folder)
        self.close_button.clicked.connect(self.close)
        self._subjects_mode_changed()
        self._format_changed()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format_combo)
        subjects = QVBoxLayout()
        subjects.addWidget(self.all_subjects)
        subjects.addWidget(self.chosen_subjects)
        subjects.addWidget(self.subject_list, 1)
        form.addRow(self.tr("Subjects:"), subjects)
        target = QHBoxLayout()
        target.addWidget(self.target_edit, 1)
        target.addWidget(self.choose_button)
        form.addRow(self.tr("Save to:"), target)
        form.addRow("", self.target_hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

    # choices -------------------------------------------------------------------------------------------------

    @property
    def fmt(self) -> str:
        return str(self.format_combo.currentData())

    def set_format(self, fmt: str) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(fmt))

    def chosen_ids(self) -> list[str]:
        """The subjects ticked in the list, in list order."""
        out = []
        for row in range(self.subject_list.count()):
            item = self.subject_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def _subjects_mode_changed(self) -> None:
        self.subject_list.setEnabled(self.chosen_subjects.isChecked())

    def _format_changed(self) -> None:
        """Propose a new name for the new format unless the user typed their own."""
        current = self.target_edit.text().strip()
        if not current or (self._suggested is not None and Path(current) == self._suggested):
            folder = self._suggested.parent if self._suggested is not None else documents_folder()
            self._suggested = default_target(folder, self.host.db.config.study.get("protocol", ""), self.fmt,
                                             self.host.today().isoformat())
            self.target_edit.setText(str(self._suggested))
        self.target_hint.setText(self.tr("The file to write.") if self.fmt == ODM else self.tr(
            "The folder to write the tables into (made if missing; files of the same names are replaced)."))

    def _choose_target(self) -> None:
        current = Path(self.target_edit.text().strip() or documents_folder())
        if self.fmt == ODM:
            name, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the ODM file"), str(current),
                                                        self.tr("ODM XML files (*.xml)"))
        else:
            name = QFileDialog.getExistingDirectory(self, self.tr("Folder for the tables"), str(current.parent))
        if name:
            self.target_edit.setText(name)

    def _target(self) -> Path | None:
        """The checked target, or None after saying what is wrong."""
        text = self.target_edit.text().strip()
        if not text:
            self._error(self.tr("Say where to save the export."))
            return None
        target = Path(text).expanduser()
        if self.fmt == ODM:
            target = target if target.suffix.lower() == ".xml" else target.with_name(target.name + ".xml")
            if target.is_dir():
                self._error(self.tr("{0} is a folder; give the ODM file's name.").format(target))
                return None
            if not target.parent.is_dir():
                self._error(self.tr("The folder {0} does not exist.").format(target.parent))
                return None
            if target.exists() and not self._confirm(self.tr("{0} exists already. Replace it?").format(target)):
                return None
        else:
            if target.exists() and not target.is_dir():
                self._error(self.tr("{0} is a file; the tables need a folder.").format(target))
                return None
            if target.is_dir() and any(target.iterdir()) and not self._confirm(
                    self.tr("The folder {0} already holds files. Files with the names of the tables are replaced, "
                            "others are left alone. Export into it?").format(target)):
                return None
        return target

    def _confirm(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Export"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("exportQuestion")
        return box.exec() == QMessageBox.StandardButton.Yes

    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    # the run -------------------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(self) -> None:
        """Check the choices and start the export in the worker thread."""
        if self.busy:
            return
        self._error("")
        ids: tuple[str, ...] | None = None
        if self.chosen_subjects.isChecked():
            ids = tuple(self.chosen_ids())
            if not ids:
                self._error(self.tr("Tick at least one subject, or choose all subjects."))
                return
        target = self._target()
        if target is None:
            return
        self.target_edit.setText(str(target))
        request = ExportRequest(self.fmt, target, ids, self.host.today())
        job = _ExportJob(self.host, request)
        queued = Qt.ConnectionType.QueuedConnection
        job.signals.progressed.connect(self._on_progress, queued)
        job.signals.succeeded.connect(self._on_succeeded, queued)
        job.signals.failed.connect(self._on_failed, queued)
        job.signals.cancelled.connect(self._on_cancelled, queued)
        self.job, self.result, self.last_error = job, None, None
        self._set_running(True)
        self.progress_bar.setRange(0, 0)
        self.progress_label.setText(self.tr("Starting the export…"))
        self.host.statusBar().showMessage(self.tr("Exporting to {0}…").format(target))
        self.pool.start(job)

    def cancel(self) -> None:
        """Ask the running export to stop at its next step (between subjects or files)."""
        if self.job is not None:
            self.job.stop.set()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))

    def wait(self, timeout_ms: int = 60000) -> bool:
        """Block until the worker is idle (closing, quitting, tests); True when it is."""
        return self.pool.waitForDone(timeout_ms)

    def _set_running(self, running: bool) -> None:
        for widget in (self.format_combo, self.all_subjects, self.chosen_subjects, self.subject_list,
                       self.target_edit, self.choose_button, self.export_button, self.close_button):
            widget.setEnabled(not running)
        if not running:
            self._subjects_mode_changed()
        self.cancel_button.setEnabled(running)

    def _on_progress(self, phase: str, done: int, total: int) -> None:
        if self.job is None or self.job.stop.is_set():
            return
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(min(done, total))
        what = self.tr("Reading subjects: {0} of {1}") if phase == PHASE_SUBJECTS else self.tr(
            "Writing files: {0} of {1}")
        self.progress_label.setText(what.format(done, total))

    def _finish(self) -> Path:
        assert self.job is not None
        target = self.job.request.target
        self.job = None
        self._set_running(False)
        return target

    def _on_succeeded(self, result: ExportResult) -> None:
        target = self._finish()
        self.result = result
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1)
        text = self.tr("Exported {0} subject(s) into {1} file(s) in {2}").format(
            result.subjects, len(result.paths), target if self.fmt != ODM else target.parent)
        self.progress_label.setText(text + (f"\n{target.name}" if self.fmt == ODM else ""))
        self.open_button.setEnabled(True)
        self.host.statusBar().showMessage(self.tr("Exported to {0}").format(target), 10000)
        self.finished_export.emit(result)

    def _on_cancelled(self) -> None:
        self._finish()
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress_label.setText(self.tr("Export cancelled; no file was written."))
        self.host.statusBar().showMessage(self.tr("Export cancelled; no file was written."), 10000)
        self.finished_export.emit(None)

    def _on_failed(self, exc: BaseException) -> None:
        target = self._finish()
        self.last_error = failure_text(exc, target)
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress_label.setText(self.tr("The export failed; no file was written."))
        self._error(self.last_error)
        self.host.statusBar().showMessage(self.tr("Export failed; no file was written."), 10000)
        self.finished_export.emit(None)

    def _open_folder(self) -> None:
        if self.result is None or not self.result.paths:
            return
        folder = self.result.paths[0].parent
        if not self.open_url(QUrl.fromLocalFile(str(folder))):
            self._error(self.tr("No program could be started to show {0}.").format(folder))

    # closing -------------------------------------------------------------------------------------------------

    def reject(self) -> None:
        """Escape or the window's close button: a running export is cancelled first (it leaves no file)."""
        if self.busy:
            self.cancel()
            self.wait()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.busy:
            self.cancel()
            self.wait()
        super().closeEvent(event)
