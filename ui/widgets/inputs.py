"""Input widgets for typed clinical data: ISO dates (2026-03-05 or 20260305) and decimals (comma or point).

They never refuse a keystroke: what was typed stays visible, and reading it either gives a value or raises
ValueError whose text names the problem ("“2026-13-05” is not a date: month 13 does not exist."). Whether a
value is acceptable is decided in models/ (validation rules).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from ui.shell.i18n import data_text

_DATE_SEPARATED = re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DECIMAL = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def _tr(text: str) -> str:
    return QCoreApplication.translate("inputs", text)


def parse_date_text(text: str) -> dt.date | None:
    """Read `2026-03-05`, `20260305` (or `2026.03.05`, `2026/3/5`); empty text is None; anything else ValueError
    whose text says what is wrong with it."""
    text = text.strip()
    if not text:
        return None
    match = _DATE_SEPARATED.match(text) or _DATE_COMPACT.match(text)
    if not match:
        raise ValueError(_tr("“{0}” is not a date: type it as 2026-03-05 or 20260305.").format(text))
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise ValueError(_tr("“{0}” is not a date: month {1} does not exist.").format(text, month))
    if year < dt.MINYEAR:
        raise ValueError(_tr("“{0}” is not a date: year {1} does not exist.").format(text, year))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(_tr("“{0}” is not a date: {1:04d}-{2:02d} has no day {3}.").format(
            text, year, month, day)) from None


def parse_decimal_text(text: str) -> Decimal | None:
    """Read `62.5` or `62,5` (one decimal separator, no thousands separator); empty is None; else ValueError whose
    text says it is not a number."""
    stripped = text.strip().replace(" ", "")
    if not stripped:
        return None
    problem = ValueError(_tr("“{0}” is not a number: type it as 12.5 or 12,5.").format(text.strip()))
    if not _DECIMAL.match(stripped):
        raise problem
    try:
        return Decimal(stripped.replace(",", "."))
    except InvalidOperation:
        raise problem from None


class DateLineEdit(QLineEdit):
    """A date typed as text (every keystroke kept); shown back as YYYY-MM-DD once it reads as a date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("YYYY-MM-DD")
        self.editingFinished.connect(self._normalise)

    def date_value(self) -> dt.date | None:
        """The typed date (None when empty); ValueError when the text is not a date."""
        return parse_date_text(self.text())

    def set_date(self, value: dt.date | None) -> None:
        self.setText(value.isoformat() if value else "")

    def _normalise(self) -> None:
        try:
            value = self.date_value()
        except ValueError:
            return
        if value is not None and self.text() != value.isoformat():
            self.setText(value.isoformat())


class DecimalLineEdit(QLineEdit):
    """A decimal number typed with a comma or a point (every keystroke kept; `decimal_value` says what is wrong)."""

    def decimal_value(self) -> Decimal | None:
        """The typed number (None when empty); ValueError when the text is not a number."""
        return parse_decimal_text(self.text())


class FieldWithError(QWidget):
    """An input with a red message line under it, shown only while the field has an error."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error_label)

    def set_error(self, message: str | None) -> None:
        self.error_label.setText(data_text(message) if message else "")
        self.error_label.setVisible(bool(message))
        if isinstance(self.editor, (QLineEdit, QPlainTextEdit)):
            self.editor.setStyleSheet("border: 1px solid #b00020;" if message else "")

    def error(self) -> str | None:
        return self.error_label.text() or None
