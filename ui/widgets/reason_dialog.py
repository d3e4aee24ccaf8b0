"""Asks for the reason for change that every edit of saved data needs (it goes into the audit trail): shows what
changes (Haemoglobin: 10.8 → 11.2 g/dL), offers the study's standard reasons (ProtocolParams.change_reasons) and
free text for details or another reason."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from endpoints.params import ProtocolParams

MAX_CHANGES_SHOWN = 12


def change_lines(changes: Sequence[tuple[str, str, str]], more: str = "… and {0} more") -> str:
    """What changes as HTML lines "<b>label</b>: old → new" (an empty side shown as "—"), at most
    MAX_CHANGES_SHOWN."""
    lines = [f"<b>{html.escape(label)}</b>: {html.escape(old or '—')} → {html.escape(new or '—')}"
             for label, old, new in changes[:MAX_CHANGES_SHOWN]]
    if len(changes) > MAX_CHANGES_SHOWN:
        lines.append(html.escape(more.format(len(changes) - MAX_CHANGES_SHOWN)))
    return "<br>".join(lines)


class ReasonDialog(QDialog):
    """A required reason: one of the standard reasons, or typed text (both: "reason: details"). OK stays disabled
    until there is one."""

    def __init__(self, what: str, parent: QWidget | None = None, note: str = "",
                 changes: Sequence[tuple[str, str, str]] = (), reasons: Sequence[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reason for change"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr("You are changing saved data: {0}.\nWhy? The reason is kept in the audit trail.")
                       .format(what), self)
        intro.setWordWrap(True)
        self.changes = QLabel(change_lines(changes, self.tr("… and {0} more")), self)
        self.changes.setObjectName("reasonChanges")
        self.changes.setTextFormat(Qt.TextFormat.RichText)
        self.changes.setWordWrap(True)
        self.changes.setVisible(bool(changes))
        self.note = QLabel(note, self)  # e.g. the signature this change invalidates
        self.note.setObjectName("reasonNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.note.setVisible(bool(note))
        self.choice = QComboBox(self)
        self.choice.setObjectName("reasonChoice")
        self.choice.addItem(self.tr("— choose a standard reason, or type one below —"), "")
        for reason in ProtocolParams().change_reasons if reasons is None else reasons:
            self.choice.addItem(self.tr(reason), reason)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("Details, or another reason (e.g. lab report of 2026-03-04 "
                                                    "received late)"))
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMaximumHeight(90)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save with this reason"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._update_ok)
        self.choice.currentIndexChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.changes)
        layout.addWidget(self.note)
        layout.addWidget(self.choice)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.buttons)
        self.choice.setFocus()

    def reason(self) -> str:
        """The standard reason, the typed text, or both as "reason: details"."""
        chosen, typed = self.choice.currentData() or "", self.reason_edit.toPlainText().strip()
        return f"{chosen}: {typed}" if chosen and typed else chosen or typed

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()))
