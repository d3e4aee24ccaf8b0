"""File → Export… and File → Import labs…, placed above Quit. Import labs follows the role of whoever is signed in
at the moment the File menu opens: disabled, with the reason as its tooltip, for monitors and administrators."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMenu

from ui.exchange.export_dialog import ExportDialog, OpenUrl
from ui.exchange.lab_dialog import ImportLabsDialog, may_import, refusal_text
from ui.host import Host

FILE_MENU = "fileMenu"
EXPORT_SHORTCUT = QKeySequence("Ctrl+E")


class ExchangeActions(QObject):
    """The two actions and the dialog each opened last (kept for tests and for closing at exit)."""

    def __init__(self, window: Host) -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self.window = window
        self.open_url: OpenUrl = lambda url: QDesktopServices.openUrl(url)
        self.export_dialog: ExportDialog | None = None
        self.labs_dialog: ImportLabsDialog | None = None
        self.export_action = QAction(self.tr("&Export…"), self)
        self.export_action.setObjectName("exportAction")
        self.export_action.setShortcut(EXPORT_SHORTCUT)
        self.export_action.setStatusTip(self.tr("Export the study's data for the sponsor (ODM, CSV, XLSX, XPT, "
                                                "Dataset-JSON)"))
        self.export_action.triggered.connect(self.open_export)
        self.labs_action = QAction(self.tr("Import &labs…"), self)
        self.labs_action.setObjectName("importLabsAction")
        self.labs_action.triggered.connect(self.open_import_labs)

    def update_permissions(self) -> None:
        """Import labs only for data-entry roles (checked again when applying)."""
        allowed = may_import(self.window)
        self.labs_action.setEnabled(allowed)
        text = self.tr("Import lab results from a laboratory export") if allowed else refusal_text()
        self.labs_action.setToolTip(text)
        self.labs_action.setStatusTip(text)

    def open_export(self) -> ExportDialog:
        """Open the export dialog (non-blocking), the subjects selected in the subject list ticked."""
        from models.subjects import list_subjects

        if self.export_dialog is not None and self.export_dialog.isVisible():
            self.export_dialog.raise_()
            return self.export_dialog
        chosen = self.window.subjects.list_page.selected_subject_ids()
        dialog = ExportDialog(self.window, list_subjects(self.window.db), chosen,
                              open_url=lambda url: self.open_url(url), parent=self.window)  # type: ignore[arg-type]
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def open_import_labs(self) -> ImportLabsDialog | None:
        """Open the lab import dialog (non-blocking); None when the signed-in role may not enter data."""
        self.update_permissions()
        if not self.labs_action.isEnabled():
            return None
        if self.labs_dialog is not None and self.labs_dialog.isVisible():
            self.labs_dialog.raise_()
            return self.labs_dialog
        dialog = ImportLabsDialog(self.window, parent=self.window)  # type: ignore[arg-type]
        self.labs_dialog = dialog
        dialog.open()
        return dialog

    def shutdown(self) -> None:
        """Stop a running export and wait for it (before the database is closed)."""
        if self.export_dialog is not None and self.export_dialog.busy:
            self.export_dialog.cancel()
            self.export_dialog.wait()


def _file_menu(window: Host) -> QMenu:
    menu = window.menuBar().findChild(QMenu, FILE_MENU)
    assert menu is not None, "the main window's File menu is named fileMenu"
    return menu


def install_exchange_actions(window: Host) -> ExchangeActions:
    """Put Export… and Import labs… at the top of the window's File menu."""
    actions = ExchangeActions(window)
    menu = _file_menu(window)
    first = menu.actions()[0] if menu.actions() else None
    menu.insertAction(first, actions.export_action)
    menu.insertAction(first, actions.labs_action)
    menu.insertSeparator(first)
    menu.setToolTipsVisible(True)
    menu.aboutToShow.connect(actions.update_permissions)
    actions.update_permissions()
    QCoreApplication.instance().aboutToQuit.connect(actions.shutdown)
    return actions

