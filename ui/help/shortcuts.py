"""Help → Keyboard shortcuts: every action of the window that has a shortcut, read from the actions themselves when
the window opens (menus in menu-bar order first, then actions outside the menus), so the list cannot go stale."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.host import Host
from ui.widgets.windows import fit_to_screen

DIALOG_SIZE = QSize(600, 440)


@dataclass(frozen=True)
class Shortcut:
    """One line of the list: where the command is (menu path), its name and its keys as the system writes them."""

    place: str
    command: str
    keys: str
    action: QAction


def plain_text(text: str) -> str:
    """A menu text without its mnemonic marks and trailing dots ("&Register subject..." -> "Register subject")."""
    text = re.sub(r"&(.)", r"\1", text)
    return text.rstrip(".…").strip()


def collect_shortcuts(window: Host) -> list[Shortcut]:
    """Every action with a shortcut: those in the menu bar's menus (by menu path), then the window's others."""
    found: list[Shortcut] = []
    seen: set[int] = set()

    def walk(menu: QMenu, place: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{place} → {plain_text(action.text())}")
                continue
            seen.add(id(action))
            _add(found, place, action)

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, plain_text(top.text()))
    elsewhere = window.tr("Elsewhere")
    for action in window.findChildren(QAction):
        if id(action) not in seen and action.menu() is None:
            _add(found, elsewhere, action)
    return found


def _add(found: list[Shortcut], place: str, action: QAction) -> None:
    keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty()]
    if keys:
        found.append(Shortcut(place, plain_text(action.text()), ", ".join(keys), action))


class ShortcutsDialog(QDialog):
    """The list of shortcuts, one row per action (a table that scrolls)."""

    def __init__(self, shortcuts: list[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        fit_to_screen(self, "shortcutsDialog", DIALOG_SIZE)
        self.shortcuts = shortcuts
        intro = QLabel(self.tr("The commands that have a key combination, as they are set now. In forms, Tab and "
                               "Shift+Tab move between fields."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(len(shortcuts), 3, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Command"), self.tr("Keys")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        for row, shortcut in enumerate(shortcuts):
            for column, text in enumerate((shortcut.place, shortcut.command, shortcut.keys)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def listed(self) -> list[tuple[str, str, str]]:
        """The table's rows as shown: (menu, command, keys)."""
        return [tuple(self.table.item(r, c).text() for c in range(3)) for r in range(self.table.rowCount())]
