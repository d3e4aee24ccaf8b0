"""Connecting to a study server: the address dialog, the password question, and the switch to that study.

    address = ServerConnectDialog.ask(window)          # postgresql://user@host/database, or None
    password = ask_server_password(window, question)   # asked each time, never stored
    open_in_new_window(address)                        # TrialDesk starts again on the server study

The password is typed into a masked field and handed to the connection only; the address remembered by the
window (and written in the stand-in file of models.server) never contains one.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from apppaths import app_root, is_frozen
from models.address import is_server_url


def ask_server_password(parent: QWidget | None, question: str) -> str | None:
    """The server password typed into a masked field (None: cancelled)."""
    text, ok = QInputDialog.getText(parent, QInputDialog.tr("TrialDesk: study server"),
                                    question + "\n\n" + QInputDialog.tr("Password (never stored):"),
                                    QLineEdit.EchoMode.Password)
    return text if ok else None


class ServerConnectDialog(QDialog):
    """Asks for the address of the study server (postgresql://user@host/database)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to a study server"))
        intro = QLabel(self.tr(
            "A study shared by several PCs lives on a PostgreSQL server. Type its address as your site's IT gave "
            "it, without the password: TrialDesk asks for the password when it connects and never stores it."),
            self)
        intro.setWordWrap(True)
        self.address = QLineEdit(self)
        self.address.setObjectName("serverAddress")
        self.address.setPlaceholderText("postgresql://jkim@trialdesk-server/cs20at04")
        self.problem = QLabel("", self)
        self.problem.setObjectName("serverAddressProblem")
        self.problem.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.address)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _accept(self) -> None:
        text = self.address.text().strip()
        if not is_server_url(text):
            self.problem.setText(self.tr("Write the address as postgresql://user@host/database."))
            return
        if ":" in text.split("://", 1)[1].split("@", 1)[0] and "@" in text:
            self.problem.setText(self.tr("Leave the password out of the address; it is asked for when connecting."))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        dialog = cls(parent)
        return dialog.address.text().strip() if dialog.exec() == QDialog.DialogCode.Accepted else None


def open_in_new_window(address: str) -> bool:
    """Start TrialDesk on the server study (the running window then closes, saving as it always does)."""
    args = ["--db", address]
    if is_frozen():
        return QProcess.startDetached(sys.executable, args)[0]
    return QProcess.startDetached(sys.executable, [str(Path(app_root()) / "main.py"), *args])[0]
