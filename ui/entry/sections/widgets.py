"""Building blocks of the visit form: a field's message line (refused / unusual with its confirmation),
"not done" with its reason, yes/no answers, Enter moving to the next value, and the keys of a row's controls
kept out of the Tab chain (one Tab stop per value).

Every input keeps its raw text (`raw()` / `set_raw()`), which is what crash drafts store.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ui.shell.i18n import data_text

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


ROW_KEYS_HELP = "Enter: next value · Ctrl+U: unit · Ctrl+D: not done · Ctrl+N: not attributable to SLE · " \
    "→ / ←: the row's other controls · Ctrl+Q: queries"


class RowKeys(QObject):
    """Event filter on a row's inputs (`controls`, in screen order) for the side controls Tab skips (the unit, "not
    done", "not attributable", and any `off_tab`): → at the end of the typed text (or on a check box or choice)
    moves to the row's next control, ← back; Ctrl+U opens the unit list, Ctrl+D ticks or clears "not done" (the
    reason line, or the value, takes the focus), Ctrl+N ticks or clears "not attributable to SLE" (shortcuts do
    nothing in a read-only form); Enter on a side control moves on to the next value."""

    def __init__(self, controls: list[QWidget], parent: QObject, unit: QComboBox | None = None,
                 not_done: NotDone | None = None, not_attributable: QCheckBox | None = None,
                 off_tab: tuple[QWidget, ...] = ()) -> None:
        super().__init__(parent)
        self.controls, self.unit, self.not_done, self.not_attributable = controls, unit, not_done, not_attributable
        self.side = [w for w in (unit, not_done.box if not_done else None, not_attributable, *off_tab)
                     if w is not None]
        for control in self.side:
            control.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        for control in controls:
            control.installEventFilter(self)

    def _present(self) -> list[QWidget]:
        return [c for c in self.controls if c.isEnabled() and not c.isHidden()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) \
                or not isinstance(watched, QWidget):
            return False
        key, mods = event.key(), event.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier:
            return False if getattr(watched.window(), "read_only", False) else self._shortcut(key)
        if mods & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            return self._arrow(watched, key == Qt.Key.Key_Right)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and watched in self.side:
            if isinstance(watched, QComboBox) and watched.view().isVisible():
                return False
            index = self.controls.index(watched)
            _next(next((c for c in reversed(self.controls[:index]) if c not in self.side), self.controls[0]))
            return True
        return False

    def _shortcut(self, key: int) -> bool:
        if key == Qt.Key.Key_U and self.unit is not None and self.unit.isEnabled():
            self.unit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.unit.showPopup()
            return True
        if key == Qt.Key.Key_D and self.not_done is not None:
            self.not_done.box.toggle()
            if not self.not_done.is_set():
                present = [c for c in self._present() if c not in self.side]
                (present[0] if present else self.not_done.box).setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        if key == Qt.Key.Key_N and self.not_attributable is not None:
            self.not_attributable.toggle()
            return True
        return False

    def _arrow(self, watched: QWidget, forward: bool) -> bool:
        if isinstance(watched, QLineEdit) and (watched.hasSelectedText() or watched.cursorPosition() != (
                len(watched.text()) if forward else 0)):
            return False
        if isinstance(watched, QAbstractSlider):
            return False
        present = self._present()
        if watched not in present:
            return False
        index = present.index(watched) + (1 if forward else -1)
        if 0 <= index < len(present):
            present[index].setFocus(Qt.FocusReason.OtherFocusReason)
        return True


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
        self.label.setText("✖ " + data_text(message))
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
