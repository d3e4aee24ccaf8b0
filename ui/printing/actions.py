"""Print from the app: a subject's summary, a binder of selected or all subjects, blank CRFs, a schedule sheet,
in the printout language chosen in Print → Printout language (automatic: the schedule sheet in Korean, the
others in English; or Korean or English for all), kept per user.

Each action asks where to save (proposed: the last folder used, else Documents), builds the PDF in a worker
thread of a private QThreadPool while a progress dialog shows how far it is (the binder can be cancelled; the
reports package writes to a temporary file and leaves nothing when cancelled or failed), then opens the file
in the system's PDF viewer. Failures a user can meet (disk full, no permission, file open elsewhere) get a
plain message; anything else is logged with its traceback and summarised, never shown as a traceback.
The audit trail's head is read once before each print (subject summaries and binders show it in their
footers) and appended to the anchor log (models.anchor) once the PDF is written.
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QStandardPaths, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QProgressDialog, QWidget

from apppaths import user_data_dir
from models.anchor import AuditHead
from models.database import Database
from reports.texts import SCHEDULE_SHEET, default_print_language
from ui.errors import LOGGER_NAME
from ui.shell.i18n import LANGUAGE_NAMES, save_print_language, saved_print_language

if TYPE_CHECKING:
    from ui.host import Host

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
# build(out_path, progress, cancelled) -> the path written; runs in the worker thread.
PdfBuild = Callable[[Path, Progress, Cancelled], Path]
# the same, also given the audit head read before printing (models.anchor.AuditHead).
HeadBuild = Callable[[Path, Progress, Cancelled, AuditHead], Path]
OpenFile = Callable[[Path], bool]
AskPath = Callable[[QWidget, str, Path], "Path | None"]

LAST_FOLDER_FILE = "print_folder.txt"


def open_in_viewer(path: Path) -> bool:
    """Open a file in the system's default application (the PDF viewer); False when none could be started."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def ask_save_path(parent: QWidget, title: str, proposed: Path) -> Path | None:
    """Ask where to save a PDF (native save dialog); None when the user cancels. Adds .pdf when left out."""
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(proposed), parent.tr("PDF documents (*.pdf)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def safe_file_part(text: str) -> str:
    """Text usable in a file name on every system (letters, digits, '-', '_', '.'; others become '_')."""
    return re.sub(r"[^0-9A-Za-z._-]+", "_", text).strip("._") or "TrialDesk"


def protocol_code(protocol: str) -> str:
    """The protocol's short code for file names: its first word ("CS20AT04 phase IIa" -> "CS20AT04")."""
    words = protocol.split()
    return safe_file_part(words[0] if words else "")


def binder_file_name(subject_ids: Sequence[str] | None, protocol: str, today: dt.date) -> str:
    """Default binder name: all subjects, up to three subject IDs, or the number of subjects."""
    if subject_ids is None:
        what = f"{protocol_code(protocol)}_binder_all"
    elif len(subject_ids) <= 3:
        what = "binder_" + "_".join(safe_file_part(s) for s in subject_ids)
    else:
        what = f"binder_{len(subject_ids)}_subjects"
    return f"{what}_{today.isoformat()}.pdf"


def documents_folder() -> Path:
    """The user's Documents folder, or the home folder when the system has none."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location and Path(location).is_dir() else Path.home()


def failure_message(exc: BaseException, path: Path) -> str:
    """A plain sentence for a failed save (no traceback)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("PrintActions", text)

    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            why = tr("the disk is full. Free some space or choose another place.")
        elif exc.errno in (errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError):
            why = tr("there is no permission to write there, or the file is open in another program "
                     "(close it in the PDF viewer, or choose another name or folder).")
        elif exc.errno in (errno.ENOENT, errno.ENOTDIR):
            why = tr("the folder does not exist any more.")
        elif exc.errno == errno.EROFS:
            why = tr("the disk is read-only.")
        else:
            why = exc.strerror or str(exc)
        return tr("The PDF could not be saved to\n{0}\nbecause {1}\nNo file was written.").format(path, why)
    return tr("The PDF could not be made ({0}: {1}).\nNo file was written. Details are in the error log.").format(
        type(exc).__name__, exc)


class _JobSignals(QObject):
    """Emitted from the worker thread, delivered (queued) in the GUI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _PrintJob(QRunnable):
    """Runs one build in the pool; reports progress, the result, a failure or the cancellation."""

    def __init__(self, build: PdfBuild, out: Path) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.build, self.out = build, out
        self.stop = threading.Event()
        self.signals = _JobSignals()

    def run(self) -> None:
        from reports.document import BuildCancelled

        try:
            written = self.build(self.out, self.signals.progressed.emit, self.stop.is_set)
        except BuildCancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 (shown as a message, logged with its traceback)
            if not isinstance(exc, OSError):
                logging.getLogger(LOGGER_NAME).exception("Printing %s failed", self.out)
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(written)


class PrintActions(QObject):
    """The print actions of one main window; `open_file` and `ask_path` can be replaced (tests, scripts).

    finished(path) is emitted after every job: the path written, or None when cancelled or failed.
    """

    finished = Signal(object)

    def __init__(self, window: Host, open_file: OpenFile = open_in_viewer,
                 ask_path: AskPath = ask_save_path) -> None:
        super().__init__(window)
        self.window = window
        self.open_file, self.ask_path = open_file, ask_path
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.job: _PrintJob | None = None
        self.progress: QProgressDialog | None = None
        self.label = ""
        self.last_error: str | None = None
        self.actions: dict[str, QAction] = {}
        self.menu: QMenu | None = None
        self.language: str | None = saved_print_language(window.user)  # None: automatic

    @property
    def db(self) -> Database:
        return self.window.db

    @property
    def busy(self) -> bool:
        return self.job is not None

    def language_for(self, kind: str) -> str:
        """The language a printout of `kind` ("schedule", "summary", "binder", "blank_crf") is printed in."""
        return self.language or default_print_language(kind)

    def set_language(self, lang: str | None) -> None:
        """Print in `lang` from now on (None: automatic), remembered for the signed-in user."""
        self.language = lang
        save_print_language(self.window.user, lang)

    # actions -------------------------------------------------------------------------------------------------

    def print_subject(self, subject_id: str) -> None:
        """Save and open one subject's summary PDF."""
        from reports.source import build_subject_pdf

        today, db, lang = self.window.today(), self.db, self.language_for("summary")
        path = self._choose(self.tr("Save the summary of {0}").format(subject_id),
                            f"{safe_file_part(subject_id)}_summary_{today.isoformat()}.pdf")
        if path is None:
            return
        self._start(path, self.tr("Printing the summary of {0}...").format(subject_id), cancellable=False,
                    build=lambda out, _p, _c, head: build_subject_pdf(out, db, subject_id, as_of=today,
                                                                       printed_on=today, head=head, lang=lang))

    def print_binder(self, subject_ids: Sequence[str] | None) -> None:
        """Save and open a binder of the given subjects (in this order), or of every subject when None."""
        from reports.binder import build_binder

        today, db, lang = self.window.today(), self.db, self.language_for("binder")
        ids = list(subject_ids) if subject_ids is not None else None
        if ids is not None and not ids:
            self._message(QMessageBox.Icon.Information, self.tr("Nothing to print"),
                          self.tr("Select one or more subjects in the list first."))
            return
        if ids is None:
            what = self.tr("all subjects")
        elif len(ids) == 1:
            what = self.tr("subject {0}").format(ids[0])
        else:
            what = self.tr("{0} subjects").format(len(ids))
        path = self._choose(self.tr("Save the binder of {0}").format(what),
                            binder_file_name(ids, self.db.config.study.get("protocol", ""), today))
        if path is None:
            return
        self._start(path, self.tr("Printing the binder of {0}...").format(what), cancellable=True,
                    build=lambda out, progress, cancelled, head: build_binder(
                        out, ids, db, as_of=today, printed_on=today, progress=progress, cancelled=cancelled,
                        head=head, lang=lang))

    def print_blank_crfs(self) -> None:
        """Save and open blank paper forms for every visit."""
        from reports.blank_crf import build_blank_crfs

        today, lang = self.window.today(), self.language_for("blank_crf")
        config = self.db.config
        protocol = protocol_code(config.study.get("protocol", ""))
        path = self._choose(self.tr("Save blank CRFs"), f"{protocol}_blank_CRFs_{today.isoformat()}.pdf")
        if path is None:
            return
        self._start(path, self.tr("Printing blank CRFs..."), cancellable=False,
                    build=lambda out, _p, _c, _h: build_blank_crfs(out, config.params, config.study,
                                                                   printed_on=today, lang=lang))

    def print_schedule_sheet(self, subject_id: str) -> None:
        """Save and open one subject's one-page visit schedule sheet."""
        from reports.schedule_sheet import build_schedule_sheet

        today, db, lang = self.window.today(), self.db, self.language_for(SCHEDULE_SHEET)
        path = self._choose(self.tr("Save the visit schedule of {0}").format(subject_id),
                            f"{safe_file_part(subject_id)}_schedule_{today.isoformat()}.pdf")
        if path is None:
            return
        self._start(path, self.tr("Printing the visit schedule of {0}...").format(subject_id), cancellable=False,
                    build=lambda out, _p, _c, _h: build_schedule_sheet(out, db, subject_id, today=today,
                                                                        printed_on=today, lang=lang))

    def for_current_subject(self, action: Callable[[str], None]) -> None:
        """Run `action(subject_id)` for the subject on screen (see `current_subject`)."""
        subject_id = self.current_subject()
        if subject_id is not None:
            action(subject_id)

    def current_subject(self) -> str | None:
        """The subject whose page is on screen, else the one subject selected in the shown list; None (after
        telling the user) when there is neither."""
        section = self.window.subjects
        if self.window.stack.currentWidget() is section:
            if section.subject_page is not None and section.currentWidget() is section.subject_page:
                return section.subject_page.record.subject_id
            selected = section.list_page.selected_subject_ids()
            if len(selected) == 1:
                return selected[0]
        self._message(QMessageBox.Icon.Information, self.tr("Which subject?"),
                      self.tr("Open a subject, or select exactly one in the subject list, first."))
        return None

    def shutdown(self) -> None:
        """Cancel a running job and wait for the worker (before the database is closed at exit)."""
        self.cancel()
        self.wait()

    def cancel(self) -> None:
        """Ask the running job to stop at its next checkpoint."""
        if self.job is not None:
            self.job.stop.set()

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Block until the worker is idle (for shutdown and tests); True when it is."""
        return self.pool.waitForDone(timeout_ms)

    # the job -------------------------------------------------------------------------------------------------

    def _choose(self, title: str, file_name: str) -> Path | None:
        if self.busy:
            self._message(QMessageBox.Icon.Information, self.tr("Printing"),
                          self.tr("Another PDF is being made; wait until it is done."))
            return None
        path = self.ask_path(self.window, title, self._last_folder() / file_name)
        if path is not None:
            self._remember_folder(path.parent)
        return path

    def _anchored(self, build: HeadBuild) -> PdfBuild:
        """`build` given the audit head read first, then that head appended to the anchor log."""
        from models.anchor import anchor_print
        from reports.source import read_audit_head

        db = self.db

        def run(out: Path, progress: Progress, cancelled: Cancelled) -> Path:
            head = read_audit_head(db)
            written = build(out, progress, cancelled, head)
            anchor_print(db.path, head)
            return written

        return run

    def _start(self, out: Path, label: str, cancellable: bool, build: HeadBuild) -> None:
        job = _PrintJob(self._anchored(build), out)
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self.window)
        dialog.setObjectName("printProgress")
        dialog.setWindowTitle(self.tr("Printing"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumWidth(460)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if cancellable:
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setCancelButton(None)
        queued = Qt.ConnectionType.QueuedConnection
        job.signals.progressed.connect(self._on_progress, queued)
        job.signals.succeeded.connect(self._on_succeeded, queued)
        job.signals.failed.connect(self._on_failed, queued)
        job.signals.cancelled.connect(self._on_cancelled, queued)
        self.job, self.progress, self.label = job, dialog, label
        self.last_error = None
        dialog.show()
        self.window.statusBar().showMessage(label)
        self.pool.start(job)

    def _on_progress(self, done: int, total: int, message: str) -> None:
        dialog = self.progress
        if dialog is None or self.job is None or self.job.stop.is_set():
            return
        dialog.setLabelText(f"{self.label}\n{message}")
        dialog.setMaximum(total)
        dialog.setValue(min(done, total))  # a modal progress dialog processes events here

    def _finish(self) -> Path:
        assert self.job is not None
        out = self.job.out
        if self.progress is not None:
            self.progress.blockSignals(True)  # closing a progress dialog emits canceled()
            self.progress.hide()
            self.progress.deleteLater()
        self.job, self.progress = None, None
        return out

    def _on_succeeded(self, path: Path) -> None:
        self._finish()
        self.window.statusBar().showMessage(self.tr("Saved {0}").format(path), 10000)
        if not self.open_file(path):
            self._message(QMessageBox.Icon.Information, self.tr("PDF saved"),
                          self.tr("The PDF was saved to\n{0}\nbut no PDF viewer could be started to show it.")
                          .format(path))
        self.finished.emit(path)

    def _on_cancelled(self) -> None:
        self._finish()
        self.window.statusBar().showMessage(self.tr("Printing cancelled; no file was written."), 10000)
        self.finished.emit(None)

    def _on_failed(self, exc: BaseException) -> None:
        out = self._finish()
        self.last_error = failure_message(exc, out)
        self.window.statusBar().showMessage(self.tr("Printing failed; no file was written."), 10000)
        self._message(QMessageBox.Icon.Warning, self.tr("The PDF could not be saved"), self.last_error)
        self.finished.emit(None)

    def _message(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("printMessage")
        box.exec()

    # the folder proposed -------------------------------------------------------------------------------------

    def _last_folder(self) -> Path:
        try:
            saved = Path((user_data_dir() / LAST_FOLDER_FILE).read_text(encoding="utf-8").strip())
        except (OSError, UnicodeDecodeError):
            return documents_folder()
        return saved if saved.is_dir() else documents_folder()

    def _remember_folder(self, folder: Path) -> None:
        try:
            (user_data_dir() / LAST_FOLDER_FILE).write_text(str(folder), encoding="utf-8")
        except OSError:
            logging.getLogger(LOGGER_NAME).warning("Could not remember the print folder %s", folder)


def install_print_actions(window: Host) -> PrintActions:
    """Add the Print menu to the main window and wire the subject list's binder button."""
    printing = PrintActions(window)
    menu = window.menuBar().addMenu(printing.tr("&Print"))
    menu.setObjectName("printMenu")
    page = window.subjects.list_page
    items = (
        ("summary", printing.tr("Subject &summary..."), lambda: printing.for_current_subject(printing.print_subject)),
        ("schedule", printing.tr("Visit schedule &sheet..."),
         lambda: printing.for_current_subject(printing.print_schedule_sheet)),
        ("binderSelected", printing.tr("&Binder of the selected subjects..."),
         lambda: printing.print_binder(page.selected_subject_ids())),
        ("binderAll", printing.tr("Binder of &all subjects..."), lambda: printing.print_binder(None)),
        ("blankCrfs", printing.tr("Blank &CRFs (paper forms)..."), printing.print_blank_crfs),
    )
    for key, text, slot in items:
        if key == "blankCrfs":
            menu.addSeparator()
        action = QAction(text, window)
        action.setObjectName(f"{key}Action")
        action.triggered.connect(slot)
        menu.addAction(action)
        printing.actions[key] = action
    printing.actions["summary"].setShortcut(QKeySequence.StandardKey.Print)
    menu.addSeparator()
    menu.addMenu(_language_menu(printing, menu))
    printing.menu = menu
    QCoreApplication.instance().aboutToQuit.connect(printing.shutdown)
    page.binder_requested.connect(lambda: printing.print_binder(page.selected_subject_ids() or
                                                                page.visible_subject_ids()))
    return printing


def _language_menu(printing: PrintActions, parent: QMenu) -> QMenu:
    """Print → Printout language: automatic, or one language (named in itself) for every printout."""
    menu = QMenu(printing.tr("Printout &language"), parent)
    menu.setObjectName("printLanguageMenu")
    group = QActionGroup(menu)
    choices = [(None, printing.tr("Automatic: schedule sheet in Korean, others in English"))]
    choices += list(LANGUAGE_NAMES.items())
    for lang, text in choices:
        action = QAction(text, menu, checkable=True, checked=lang == printing.language)
        action.setObjectName(f"printLanguage_{lang or 'auto'}")
        action.triggered.connect(lambda _checked=False, chosen=lang: printing.set_language(chosen))
        group.addAction(action)
        menu.addAction(action)
    return menu
