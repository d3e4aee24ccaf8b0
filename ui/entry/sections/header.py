"""Visit identification: code, date (or missed with its reason) and a free-text comment."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ui.entry.sections.base import FormSection
from ui.entry.sections.texts import field_name, visit_name
from ui.entry.sections.widgets import field_label
from ui.widgets.inputs import DateLineEdit


class HeaderSection(FormSection):
    """Visit code (fixed once created), date, missed + reason, comment."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Visit"), parent)
        self.code_label = QLabel(f"{code} — {visit_name(code)}")
        self.code_label.setObjectName("visitCode")
        self.add_widget_row(QLabel(field_name("code")), self.code_label, "code")
        self.date = DateLineEdit()
        self.date.setObjectName("field_date")
        self.date.setMaximumWidth(130)
        date_label = field_label(field_name("date"), True)
        self.add_anchor("date", field_name("date"), date_label, (self.date,),
                        self.add_widget_row(date_label, self.date, "date"))
        self.missed = QCheckBox(self.tr("Visit missed (not performed)"))
        self.missed.setObjectName("missedBox")
        self.add_anchor("missed", field_name("missed"), None, (self.missed,),
                        self.add_widget_row(None, self.missed))
        self.missed_reason = QLineEdit()
        self.missed_reason.setObjectName("field_missed_reason")
        self.missed_reason.setPlaceholderText(self.tr("why was the visit missed?"))
        self.missed_reason_label = QLabel(f"{field_name('missed_reason')} *")
        self.add_anchor("missed_reason", field_name("missed_reason"), self.missed_reason_label, (self.missed_reason,),
                        self.add_widget_row(self.missed_reason_label, self.missed_reason, "missed_reason"))
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("field_comment")
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(56)
        self.comment.setPlaceholderText(self.tr("Comment (any language), e.g. 소변 검사 재확인 필요"))
        comment_label = QLabel(field_name("comment"))
        self.add_anchor("comment", field_name("comment"), comment_label, (self.comment,),
                        self.add_widget_row(comment_label, self.comment))
        self.date.textChanged.connect(self.changed)
        self.missed.toggled.connect(self._missed_toggled)
        self.missed_reason.textChanged.connect(self.changed)
        self.comment.textChanged.connect(self.changed)
        self._missed_toggled(False)

    def _missed_toggled(self, on: bool) -> None:
        self.missed_reason.setVisible(on)
        self.missed_reason_label.setVisible(on)
        self.changed.emit()

    def focus_widgets(self) -> list[QWidget]:
        return [self.date, self.messages["date"].confirm, self.missed, self.missed_reason, self.comment]

    def raw(self) -> dict[str, str]:
        return {"date": self.date.text(), "missed": "1" if self.missed.isChecked() else "",
                "missed_reason": self.missed_reason.text(), "comment": self.comment.toPlainText()}

    def set_raw(self, raw: dict[str, str]) -> None:
        self.date.setText(raw.get("date", ""))
        self.missed.setChecked(raw.get("missed") == "1")
        self.missed_reason.setText(raw.get("missed_reason", ""))
        self.comment.setPlainText(raw.get("comment", ""))
        self._missed_toggled(self.missed.isChecked())

    def set_required(self, required: set[str]) -> None:
        return None
