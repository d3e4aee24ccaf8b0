"""File → Connect to a study server: the address is checked where it is typed (a postgresql:// address, never with
a password in it), and the server study starts only once this window's forms are closed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

import ui.shell.server_connect as server_connect
from ui.shell.server_connect import ServerConnectDialog


def typed_into_dialog(qtbot, text: str) -> ServerConnectDialog:
    dialog = ServerConnectDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.address, text)
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    return dialog


def test_an_address_that_is_not_a_server_is_refused_beside_the_field(qtbot) -> None:
    dialog = typed_into_dialog(qtbot, "C:/study.sqlite3")
    assert dialog.isVisible() and "postgresql://user@host/database" in dialog.problem.text()
    assert dialog.address.text() == "C:/study.sqlite3"  # what was typed stays


def test_a_password_in_the_address_is_refused(qtbot) -> None:
    dialog = typed_into_dialog(qtbot, "postgresql://jkim:secret@server/cs20at04")
    assert dialog.isVisible() and "Leave the password out" in dialog.problem.text()


def test_a_server_address_is_accepted(qtbot) -> None:
    dialog = typed_into_dialog(qtbot, "postgresql://jkim@server/cs20at04")
    assert dialog.result() == ServerConnectDialog.DialogCode.Accepted and not dialog.problem.text()


def test_the_server_study_starts_only_once_the_forms_are_closed(qtbot, demo_window, monkeypatch) -> None:
    started: list[str] = []
    monkeypatch.setattr(ServerConnectDialog, "ask", classmethod(lambda cls, parent: "postgresql://jkim@server/s"))
    monkeypatch.setattr(server_connect, "open_in_new_window", lambda address: started.append(address) or True)
    monkeypatch.setattr(demo_window, "close_forms", lambda: False)  # a form with unsaved typing was kept open
    assert demo_window.connect_to_server() is False
    assert started == [] and demo_window.isVisible()
    monkeypatch.setattr(demo_window, "close_forms", lambda: True)
    assert demo_window.connect_to_server() is True
    assert started == ["postgresql://jkim@server/s"] and not demo_window.isVisible()
