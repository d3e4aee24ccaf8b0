"""pytest-qt: the Help menu — kept last in the menu bar; the user guide opens the bundled PDF of the UI's language
(QDesktopServices stubbed, the URL checked); the shortcuts window lists every menu action that has a shortcut, read
from the actions when it opens; About shows the database's schema revision and the licences."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMenu

from apppaths import resource_path
from models.about import schema_revision
from tests.ui.conftest import close_without_questions
from ui.help import guide
from ui.help.feature import HelpMenu
from ui.help.shortcuts import plain_text
from ui.shell.main_window import MainWindow


@pytest.fixture
def help_window(demo_window: MainWindow) -> Iterator[MainWindow]:
    yield demo_window
    close_without_questions(demo_window)


def help_of(window: MainWindow) -> HelpMenu:
    menu = window.findChild(HelpMenu)
    assert menu is not None
    return menu


def trigger(window: MainWindow, name: str) -> None:
    menu = window.menuBar().findChild(QMenu, "helpMenu")
    next(a for a in menu.actions() if a.objectName() == name).trigger()


def menu_actions_with_shortcuts(window: MainWindow) -> list[QAction]:
    """Walked independently of the window under test: every action of every menu (submenus too) with keys."""
    found = []
    pending = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    while pending:
        menu = pending.pop()
        for action in menu.actions():
            if action.menu() is not None:
                pending.append(action.menu())
            elif not action.shortcut().isEmpty():
                found.append(action)
    return found


def test_help_is_the_last_menu_even_after_account_is_added(help_window: MainWindow) -> None:
    titles = [a.text() for a in help_window.menuBar().actions()]
    assert titles[-1] == "&Help" and "&File" in titles
    help_window.menuBar().addMenu("&Account")  # as sign-in does, after the features are installed
    assert [a.text() for a in help_window.menuBar().actions()][-2:] == ["&Account", "&Help"]


def test_user_guide_opens_the_bundled_pdf(help_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    trigger(help_window, "userGuideAction")
    assert len(opened) == 1
    path = Path(opened[0].toLocalFile())
    assert opened[0].isLocalFile() and path == resource_path("guide", "user-guide-en.pdf")
    assert path.is_file() and path.read_bytes().startswith(b"%PDF")


def test_the_guide_follows_the_ui_language(monkeypatch: pytest.MonkeyPatch) -> None:
    assert guide.ui_language() == "en"  # no Korean translation is loaded
    monkeypatch.setattr(guide.QCoreApplication, "translate", lambda *_args: "ko")
    assert guide.ui_language() == "ko"
    assert guide.guide_path("ko") == resource_path("guide", "user-guide-ko.pdf")
    assert guide.guide_path("xx") == resource_path("guide", "user-guide-en.pdf")


def test_a_missing_viewer_is_said(help_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    told: list[str] = []
    monkeypatch.setattr(HelpMenu, "_tell", lambda self, text: told.append(text))
    assert help_of(help_window).open_guide() is False
    assert len(told) == 1 and "No PDF viewer" in told[0]


def test_every_menu_shortcut_is_listed(help_window: MainWindow) -> None:
    # A shortcut defined after start-up is listed too: the window reads the actions when it opens.
    help_window.findChild(QAction, "blankCrfsAction").setShortcut(QKeySequence("Ctrl+Shift+B"))
    trigger(help_window, "shortcutsAction")
    dialog = help_of(help_window).shortcuts_dialog
    assert dialog is not None and dialog.isVisible()
    listed = dialog.listed()
    expected = menu_actions_with_shortcuts(help_window)
    assert len(expected) >= 6
    for action in expected:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert any(command == plain_text(action.text()) and keys in shown for _menu, command, shown in listed), (
            action.text(), keys)
    assert ("Print", "Blank CRFs (paper forms)", "Ctrl+Shift+B") in listed
    assert ("Help", "User guide", QKeySequence(QKeySequence.StandardKey.HelpContents).toString(
        QKeySequence.SequenceFormat.NativeText)) in listed
    assert ("File", "Export", "Ctrl+E") in listed


def test_about_shows_the_schema_revision_and_licences(help_window: MainWindow) -> None:
    trigger(help_window, "aboutAction")
    dialog = help_of(help_window).about_dialog
    assert dialog is not None and dialog.isVisible()
    revision = schema_revision(help_window.db)
    assert revision and dialog.value_labels["schema"].text() == revision
    assert dialog.value_labels["database"].text() == str(help_window.db.path)
    assert "CS20AT04" in dialog.value_labels["study"].text()
    assert dialog.components.rowCount() > 20
    names = [dialog.components.item(r, 0).text() for r in range(dialog.components.rowCount())]
    dialog.components.selectRow(names.index("SQLAlchemy"))
    assert "MIT" in dialog.licence.toPlainText() or "Permission is hereby granted" in dialog.licence.toPlainText()
    dialog.components.selectRow(0)
    assert "SIL Open Font License" in dialog.licence.toPlainText()
    assert dialog.width() <= 1366 - 16 and dialog.height() <= 768 - 80
