"""Building blocks of the visit form: a field's message line (refused / unusual with its confirmation),
"not done" with its reason, yes/no answers, and Enter moving to the next field.

Every input keeps its raw text (`raw()` / `set_raw()`), which is what crash drafts store.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

REFUSED_COLOUR = "#b00020"
UNUSUAL_COLOUR = "#8a5a00"
REQUIRED_MARK = "*"


def set_colours(widget: QWidget, text: str, background: str | None = None, bold: bool | None = None) -> None:
    """Text (and background) colour through the palette: much cheaper than a style sheet per widget."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    palette.setColor(QPalette.ColorRole.Text, QColor(text))
    if background is not None:
        palette.setColor(QPalette.ColorRole.Window, QColor(background))
        widget.setAutoFillBackground(True)
    widget.setPalette(palette)
    if bold is not None:
        font = widget.font()
        font.setBold(bold)
        widget.setFont(font)


class EnterMovesOn(QObject):
    """Event filter: Enter/Return in a line edit, combo box or check box moves the focus to the next field."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and isinstance(watched, (QLineEdit, QComboBox, QAbstractButton))):
            if isinstance(watched, QComboBox) and watched.view().isVisible():
                return False
            if isinstance(watched, QLineEdit):
                watched.editingFinished.emit()
            _next(watched)
            return True
        return False


def _next(widget: QWidget) -> None:
    target = widget.nextInFocusChain()
    while target is not None and target is not widget:
        if (target.focusPolicy() & Qt.FocusPolicy.TabFocus) and target.isVisibleTo(widget.window()) \
                and target.isEnabled():
            target.setFocus(Qt.FocusReason.TabFocusReason)
            return
        target = target.nextInFocusChain()


class MessageLine(QWidget):
    """Under a field: a refused value's message (red, ✖), or an unusual value's message (amber, ⚠) with the
    "I checked it against the source" confirmation box."""

    confirmation_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setObjectName("fieldMessage")
        self.label.setWordWrap(True)
        self.confirm = QCheckBox(self.tr("Value checked against the source document"), self)
        self.confirm.setObjectName("confirmBox")
        self.confirm.toggled.connect(self.confirmation_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.confirm)
        self.level: str | None = None
        self.message = ""
        self.hide()
        self.confirm.hide()

    def show_refused(self, message: str) -> None:
        self.level, self.message = "hard", message
        self.label.setText("✖ " + message)
        set_colours(self.label, REFUSED_COLOUR)
        self.confirm.hide()
        self.show()

    def show_unusual(self, message: str, confirmed: bool = False, note: str = "") -> None:
        """Show an unusual value's message; `confirmed` pre-ticks the box (a confirmation saved earlier)."""
        if self.level != "soft" or self.message != message:
            self.confirm.blockSignals(True)
            self.confirm.setChecked(confirmed)
            self.confirm.blockSignals(False)
        self.level, self.message = "soft", message
        self.label.setText("⚠ " + message + note)
        set_colours(self.label, UNUSUAL_COLOUR)
        self.confirm.show()
        self.show()

    def clear(self) -> None:
        self.level, self.message = None, ""
        self.label.clear()
        self.confirm.setChecked(False)
        self.confirm.hide()
        self.hide()

    def confirmed(self) -> bool:
        return self.level == "soft" and self.confirm.isChecked()


class NotDone(QWidget):
    """A "Not done" box and, once ticked, the reason line (not done is an answer; an empty field is not)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self.tr("Not done"), self)
        self.box.setObjectName("notDoneBox")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("notDoneReason")
        self.reason.setPlaceholderText(self.tr("why not done?"))
        self.reason.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.reason, 1)
        self.box.toggled.connect(self._toggled)
        self.reason.textChanged.connect(self.changed)

    def _toggled(self, on: bool) -> None:
        self.reason.setVisible(on)
        if on:
            self.reason.setFocus()
        self.changed.emit()

    def raw(self) -> str:
        """"" when done; otherwise "ND:" + reason."""
        return "ND:" + self.reason.text() if self.box.isChecked() else ""

    def set_raw(self, text: str) -> None:
        on = text.startswith("ND:")
        self.reason.setText(text[3:] if on else "")
        self.box.setChecked(on)
        self.reason.setVisible(on)

    def is_set(self) -> bool:
        return self.box.isChecked()


class YesNo(QComboBox):
    """An explicit yes / no answer; "—" = not answered (typing Y or N picks)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem("—", None)
        self.addItem(self.tr("Yes"), True)
        self.addItem(self.tr("No"), False)

    def value(self) -> bool | None:
        return self.currentData()

    def set_value(self, value: bool | None) -> None:
        self.setCurrentIndex(self.findData(value) if value is not None else 0)

    def raw(self) -> str:
        value = self.value()
        return "" if value is None else ("yes" if value else "no")

    def set_raw(self, text: str) -> None:
        self.set_value({"yes": True, "no": False}.get(text))


def field_label(text: str, required: bool) -> QLabel:
    """A field's label, with the required mark when the visit needs it."""
    label = QLabel(f"{text} {REQUIRED_MARK}" if required else text)
    if required:
        label.setToolTip(label.tr("Required for a complete visit (or mark it not done)"))
    return label
