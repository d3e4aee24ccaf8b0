"""What every data-entry form window shares (visit forms, subject-log row forms): the footer with the entry status,
the general message and Save/Close, the refusal message, the reason-for-change prompt, and the unsaved-changes
question on Close, Esc or the window's close button."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ui.reason_dialog import ReasonDialog
from ui.visit_sections.widgets import set_colours


class EntryDialog(QDialog):
    """Base of a form window. Subclasses implement `save()`, `has_changes()`, `raw()`, `refresh_checks()`,
    `refresh_panel()`, `unsaved_text()` and `discard_draft()`, keep `initial_raw`, and call `build_footer(body)`
    once their body widget exists."""

    def build_footer(self, body: QWidget) -> None:
        """Lay out `body` above the general message and the status/Save/Close row."""
        self.status = QLabel()
        self.status.setObjectName("entryStatus")
        self.status.setWordWrap(True)
        self.general = QLabel()
        self.general.setObjectName("generalMessage")
        self.general.setWordWrap(True)
        self.general.hide()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setAutoDefault(False)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(body, 1)
        layout.addWidget(self.general)
        layout.addLayout(buttons)

    def save(self) -> bool:
        raise NotImplementedError

    def has_changes(self) -> bool:
        raise NotImplementedError

    def raw(self) -> dict[str, str]:
        raise NotImplementedError

    def unsaved_text(self) -> str:
        """The question's sentence naming what has unsaved changes."""
        raise NotImplementedError

    def discard_draft(self) -> None:
        """Forget the crash draft of this form."""
        raise NotImplementedError

    def refresh_checks(self) -> object:
        raise NotImplementedError

    def refresh_panel(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        """Edit checks and the endpoint preview for what is on screen now."""
        self.refresh_checks()
        self.refresh_panel()

    def refuse(self, text: str) -> None:
        """Show why nothing was saved, in red under the form; what was typed stays."""
        self.general.setText(text)
        set_colours(self.general, "#b00020", bold=True)
        self.general.show()

    def ask_reason(self, what: str) -> str | None:
        """The reason for changing saved data about `what`, or None when the user cancels."""
        dialog = ReasonDialog(what, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason()

    def confirm_leave(self) -> bool:
        """With unsaved changes: ask to save, discard or stay. True when the form may close."""
        if not self.has_changes():
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"), self.unsaved_text(), parent=self)
        box.setObjectName("unsavedChangesBox")
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return self.save()
        if clicked is discard:
            self.discard_draft()
            self.initial_raw = self.raw()
            return True
        return False

    def reject(self) -> None:
        """Close, Esc and the window's close button all come here (QDialog.closeEvent calls reject)."""
        if self.confirm_leave():
            super().reject()
