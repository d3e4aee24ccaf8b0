"""The strip across the top of the main window that says the open database is read-only (db.read_only: read-only
media or a folder that cannot be written, models.readonly); hidden otherwise."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QWidget

OBJECT_NAME = "readOnlyBanner"
ICON_SIZE = 20


class ReadOnlyBanner(QFrame):
    """A warning icon and the words "Read-only: … nothing can be saved", on an amber strip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.setStyleSheet(f"#{OBJECT_NAME} {{ background: #fff3cd; border: 1px solid #c69500; }}"
                           f"#{OBJECT_NAME} QLabel {{ color: #5c4400; }}")
        self.icon = QLabel(self)
        self.icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
                            .pixmap(ICON_SIZE, ICON_SIZE))
        self.text = QLabel(self.tr("<b>Read-only:</b> this database is on a read-only medium or folder; "
                                   "nothing can be saved."), self)
        self.text.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        self.hide()
