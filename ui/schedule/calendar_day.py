"""How one day of the month calendar is drawn: weekends shaded, Korean public holidays marked with their name,
today highlighted, and each visit on its own line with its status's icon and colour (a day never takes the
colour of one of its visits). The legend explains the shades, colours and icons."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from endpoints import visit_status as vs
from ui.schedule.labels import STATUS_COLOURS, status_text
from ui.status.labels import shape_icon

DAY_ROLE = Qt.ItemDataRole.UserRole + 1
WEEKEND_SHADE, HOLIDAY_SHADE, TODAY_SHADE = "#eef0f3", "#fde8e8", "#e3efff"
HOLIDAY_TEXT, OTHER_MONTH_TEXT = "#b42318", "#9aa5b1"
CALENDAR_SHAPES = {
    vs.UPCOMING: "ring", vs.DUE: "dot", vs.OVERDUE: "triangle", vs.DONE_IN_WINDOW: "disc",
    vs.DONE_OUT_OF_WINDOW: "half", vs.MISSED: "cross", vs.NOT_APPLICABLE: "bar",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("calendar", text)


def visit_icon(status: str) -> QIcon:
    return shape_icon(CALENDAR_SHAPES.get(status, "bar"), STATUS_COLOURS.get(status, "#000000"))


@dataclass(frozen=True)
class DayCell:
    """What a day's cell shows: its date, whether it is in the month shown, today, its holiday (name or None),
    its visit lines (text, schedule status) and how many more visits did not fit."""

    day: dt.date
    in_month: bool
    today: bool
    holiday: str | None
    lines: tuple[tuple[str, str], ...]
    more: int = 0

    @property
    def weekend(self) -> bool:
        return self.day.weekday() >= 5


class DayDelegate(QStyledItemDelegate):
    """Paints a DayCell (from DAY_ROLE); selection drawn as the style does."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
              ) -> None:
        cell: DayCell | None = index.data(DAY_ROLE)
        if cell is None:
            super().paint(painter, option, index)
            return
        painter.save()
        rect = option.rect
        shade = TODAY_SHADE if cell.today else HOLIDAY_SHADE if cell.holiday else WEEKEND_SHADE if cell.weekend \
            else None
        if shade:
            painter.fillRect(rect, QColor(shade))
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QColor("#1f6fd1"))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        font = QFont(option.font)
        metrics = painter.fontMetrics()
        line_h = metrics.lineSpacing()
        x, y = rect.left() + 4, rect.top() + 2
        font.setBold(True)
        painter.setFont(font)
        number_colour = OTHER_MONTH_TEXT if not cell.in_month else HOLIDAY_TEXT if cell.holiday or \
            cell.day.weekday() == 6 else "#1f2933"
        painter.setPen(QColor(number_colour))
        number = str(cell.day.day)
        painter.drawText(QRect(x, y, rect.width() - 8, line_h), Qt.AlignmentFlag.AlignLeft, number)
        font.setBold(False)
        painter.setFont(font)
        if cell.holiday:
            offset = painter.fontMetrics().horizontalAdvance(number + "  ")
            text = painter.fontMetrics().elidedText(cell.holiday, Qt.TextElideMode.ElideRight,
                                                    rect.width() - 8 - offset)
            painter.setPen(QColor(HOLIDAY_TEXT if cell.in_month else OTHER_MONTH_TEXT))
            painter.drawText(QRect(x + offset, y, rect.width() - 8 - offset, line_h), Qt.AlignmentFlag.AlignLeft,
                             text)
        y += line_h
        icon_px = max(8, line_h - 4)
        for text, status in cell.lines:
            if y + line_h > rect.bottom():
                break
            visit_icon(status).paint(painter, QRect(x, y + (line_h - icon_px) // 2, icon_px, icon_px))
            painter.setPen(QColor(STATUS_COLOURS.get(status, "#000000")) if cell.in_month else
                           QColor(OTHER_MONTH_TEXT))
            painter.drawText(QRect(x + icon_px + 3, y, rect.width() - icon_px - 11, line_h),
                             Qt.AlignmentFlag.AlignLeft, metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                                                            rect.width() - icon_px - 11))
            y += line_h
        if cell.more and y + line_h <= rect.bottom() + 2:
            painter.setPen(QColor("#5f6b7a"))
            painter.drawText(QRect(x, y, rect.width() - 8, line_h), Qt.AlignmentFlag.AlignLeft,
                             _tr("+{0} more").format(cell.more))
        painter.restore()


def calendar_legend(parent: QWidget) -> QWidget:
    """Icons and colours of the visit statuses (first line), and the day shades (second line)."""
    box = QWidget(parent)
    box.setObjectName("calendarLegend")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    statuses, shades = QHBoxLayout(), QHBoxLayout()
    for status in CALENDAR_SHAPES:
        icon = QLabel(box)
        icon.setPixmap(visit_icon(status).pixmap(14, 14))
        label = QLabel(_tr("Done out of window") if status == vs.DONE_OUT_OF_WINDOW else status_text(status), box)
        label.setStyleSheet(f"color: {STATUS_COLOURS[status]};")
        statuses.addWidget(icon)
        statuses.addWidget(label)
        statuses.addSpacing(8)
    for name, shade in ((_tr("Weekend"), WEEKEND_SHADE), (_tr("Korean public holiday (name in red)"), HOLIDAY_SHADE),
                        (_tr("Today"), TODAY_SHADE)):
        swatch = QLabel(box)
        swatch.setFixedSize(14, 14)
        swatch.setStyleSheet(f"background: {shade}; border: 1px solid #9aa5b1;")
        shades.addWidget(swatch)
        shades.addWidget(QLabel(name, box))
        shades.addSpacing(8)
    shades.addWidget(QLabel(_tr("Click a visit in the day's list to open it in the subject's schedule."), box))
    for line in (statuses, shades):
        line.addStretch(1)
        layout.addLayout(line)
    return box
