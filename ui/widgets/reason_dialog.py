"""Asks for the reason for change that every edit of saved data needs (it goes into the audit trail)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class ReasonDialog(QDialog):
    """A required free-text reason; OK stays disabled until something other than spaces is typed."""

    def __init__(self, what: str, parent: QWidget | None = None, note: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reason for change"))
        self.setMinimumWidth(420)
        intro = QLabel(self.tr("You are changing saved data: {0}.\nWhy? The reason is kept in the audit trail.")
                       .format(what), self)
        intro.setWordWrap(True)
        self.note = QLabel(note, self)  # e.g. the signature this change invalidates
        self.note.setObjectName("reasonNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.note.setVisible(bool(note))
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("e.g. transcription error corrected from the source document"))
        self.reason_edit.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save with this reason"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.note)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.buttons)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()))
