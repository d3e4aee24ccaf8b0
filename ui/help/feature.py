"""The Help menu, kept last in the menu bar (menus added after it, such as Account at sign-in, go before it):
User guide (F1), Keyboard shortcuts, About."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QUrl
from PySide6.QtGui import QAction, QActionEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QMessageBox

from ui.help.about import AboutDialog
from ui.help.guide import guide_path, ui_language
from ui.help.shortcuts import ShortcutsDialog, collect_shortcuts
from ui.host import Host

OpenUrl = Callable[[QUrl], bool]
SHORTCUTS_SHORTCUT = QKeySequence("Ctrl+/")


class HelpMenu(QObject):
    """Help's actions and the windows they open last; `open_url` opens the guide (replaceable in tests)."""

    def __init__(self, window: Host) -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self.window = window
        self.open_url: OpenUrl = lambda url: QDesktopServices.openUrl(url)
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.about_dialog: AboutDialog | None = None
        self.menu = window.menuBar().addMenu(self.tr("&Help"))
        self.menu.setObjectName("helpMenu")
        self.guide_action = self._add("userGuideAction", self.tr("&User guide"), self.open_guide,
                                      QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.shortcuts_action = self._add("shortcutsAction", self.tr("&Keyboard shortcuts"), self.open_shortcuts,
                                          SHORTCUTS_SHORTCUT)
        self.menu.addSeparator()
        self.about_action = self._add("aboutAction", self.tr("&About TrialDesk"), self.open_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _add(self, name: str, text: str, slot: Callable[[], object], keys: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if keys is not None:
            action.setShortcut(keys)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    def open_guide(self) -> bool:
        """Open the user guide in the UI's language; False (after saying why) when it cannot be shown."""
        path = guide_path(ui_language())
        if path is None:
            self._tell(self.tr("The user guide is not part of this installation."))
            return False
        if not self.open_url(QUrl.fromLocalFile(str(path))):
            self._tell(self.tr("No PDF viewer could be started to show the user guide:\n{0}").format(path))
            return False
        return True

    def open_shortcuts(self) -> ShortcutsDialog:
        """List the window's shortcuts as they are now (non-blocking)."""
        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.close()
            self.shortcuts_dialog.deleteLater()
        self.shortcuts_dialog = ShortcutsDialog(collect_shortcuts(self.window), self.window)  # type: ignore[arg-type]
        self.shortcuts_dialog.show()
        return self.shortcuts_dialog

    def open_about(self) -> AboutDialog:
        """Show About over the open database (non-blocking)."""
        if self.about_dialog is not None:
            self.about_dialog.close()
            self.about_dialog.deleteLater()
        self.about_dialog = AboutDialog(self.window.db, self.window)  # type: ignore[arg-type]
        self.about_dialog.show()
        return self.about_dialog

    def _tell(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("User guide"), text, QMessageBox.StandardButton.Ok,
                          self.window)  # type: ignore[arg-type]
        box.setObjectName("helpMessage")
        box.exec()


class _KeepLast(QObject):
    """Moves the Help menu back to the end of the menu bar whenever another menu is added."""

    def __init__(self, bar: QMenuBar, menu: QMenu) -> None:
        super().__init__(bar)
        self.bar, self.menu = bar, menu

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ActionAdded and isinstance(event, QActionEvent) \
                and event.action() is not self.menu.menuAction():
            actions = self.bar.actions()
            if actions and actions[-1] is not self.menu.menuAction():
                self.bar.removeAction(self.menu.menuAction())
                self.bar.addAction(self.menu.menuAction())
        return False


def install_help_menu(window: Host) -> HelpMenu:
    """Add the Help menu to the window's menu bar, kept last."""
    help_menu = HelpMenu(window)
    bar = window.menuBar()
    bar.installEventFilter(_KeepLast(bar, help_menu.menu))
    return help_menu
