"""The navigation list's look: an icon per section and a live count on the sections that have work waiting
(visits overdue on the home screen, items to sign, open queries), recounted after every change the window
announces (ui.events) and whenever asked (`NavigationCounts.recount`, e.g. after signing).

    counts = NavigationCounts(window)      # once the sections are in; counts.count("queries") -> 4
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter
from PySide6.QtWidgets import QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem

if TYPE_CHECKING:
    from models.database import Database
    from ui.host import Host

COUNT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
ICON_SIZE = QSize(18, 18)
ICONS = {
    "home": QStyle.StandardPixmap.SP_DirHomeIcon, "subjects": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "calendar": QStyle.StandardPixmap.SP_FileDialogInfoView,
    "dashboard": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "signatures": QStyle.StandardPixmap.SP_DialogApplyButton, "queries": QStyle.StandardPixmap.SP_MessageBoxQuestion,
    "audit": QStyle.StandardPixmap.SP_FileDialogListView, "backups": QStyle.StandardPixmap.SP_DriveHDIcon,
    "users": QStyle.StandardPixmap.SP_DirLinkIcon, "locks": QStyle.StandardPixmap.SP_BrowserStop,
    "visit_grid": QStyle.StandardPixmap.SP_FileDialogStart, "operations": QStyle.StandardPixmap.SP_ComputerIcon,
}
URGENT, WAITING = "#b00020", "#1f5fbf"


def _overdue(db: Database, host: Host) -> int:
    from models.schedule_store import due_and_overdue

    return len(due_and_overdue(db, host.today())[1])


def _to_sign(db: Database, _host: Host) -> int:
    from models.signatures import to_sign

    return len(to_sign(db))


def _open_queries(db: Database, _host: Host) -> int:
    from models.queries import OPEN, list_queries

    return len(list_queries(db, statuses=(OPEN,)))


# Section -> (how many, what the number means, badge colour).
COUNTS: dict[str, tuple[Callable[[Database, Host], int], str, str]] = {
    "home": (_overdue, "{0} visit(s) overdue", URGENT),
    "signatures": (_to_sign, "{0} item(s) to sign", WAITING),
    "queries": (_open_queries, "{0} open query(ies)", URGENT),
}


class CountBadges(QStyledItemDelegate):
    """Draws an item as usual, with its count (COUNT_ROLE, when above 0) in a rounded badge at the right."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        count = index.data(COUNT_ROLE)
        colour = index.data(COUNT_ROLE + 1) or WAITING
        if not count:
            super().paint(painter, option, index)
            return
        font = QFont(option.font)
        font.setBold(True)
        text = str(count) if count < 1000 else "999+"
        width = max(option.fontMetrics.horizontalAdvance(text) + 12, option.fontMetrics.height() + 4)
        badge = QRect(option.rect.right() - width - 4, option.rect.top() + 2, width, option.rect.height() - 4)
        shrunk = QStyleOptionViewItem(option)
        shrunk.rect = option.rect.adjusted(0, 0, -width - 8, 0)
        super().paint(painter, shrunk, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        painter.setPen(QColor("white"))
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width() + (40 if index.data(COUNT_ROLE) else 0), max(size.height(), 28))


def style_navigation(nav: QListWidget) -> None:
    """Icons, roomy rows and the count badges."""
    nav.setIconSize(ICON_SIZE)
    nav.setSpacing(1)
    nav.setItemDelegate(CountBadges(nav))
    nav.setStyleSheet("QListWidget#navigation { padding: 4px; font-size: 10.5pt; }")


def set_icon(nav: QListWidget, row: int, key: str) -> None:
    """The section's icon on its navigation row (none for a section without one)."""
    standard = ICONS.get(key)
    if standard is None:
        return
    pixmap = nav.style().standardIcon(standard).pixmap(ICON_SIZE)
    icon = QIcon(pixmap)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)  # as drawn, not tinted into the selection colour
    nav.item(row).setIcon(icon)


class NavigationCounts:
    """Keeps the counts of the window's navigation current: recounted after every change announced (three small
    aggregated reads)."""

    def __init__(self, window: Host) -> None:
        self.window = window
        events = window.events
        for signal in (events.subject_saved, events.schedule_changed, events.visit_saved, events.log_saved,
                       events.queries_changed):
            signal.connect(lambda _subject_id: self.recount())
        self.recount()

    def recount(self) -> None:
        keys = list(self.window.sections)
        for key, (how_many, meaning, colour) in COUNTS.items():
            if key not in keys:
                continue
            item = self.window.nav.item(keys.index(key))
            value = how_many(self.window.db, self.window)
            item.setData(COUNT_ROLE, value)
            item.setData(COUNT_ROLE + 1, colour)
            item.setToolTip(self.window.tr(meaning).format(value) if value else "")

    def count(self, key: str) -> int:
        """The count shown on a section's navigation row (0 when none)."""
        keys = list(self.window.sections)
        return int(self.window.nav.item(keys.index(key)).data(COUNT_ROLE) or 0) if key in keys else 0

