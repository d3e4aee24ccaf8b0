"""How a status-ladder status looks on screen: a drawn icon (a distinct shape per status) beside its word, so the
status never rests on colour alone; the colours; the legend; a grid cell's text and tool tip."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

from endpoints import visit_ladder as vl

ICON_PX = 14


def _tr(text: str) -> str:
    return QCoreApplication.translate("status", text)


def status_word(status: str) -> str:
    """The ladder status in one or two words."""
    words = {
        vl.NOT_DUE: _tr("Not due"), vl.DUE: _tr("Due"), vl.OVERDUE: _tr("Overdue"), vl.MISSED: _tr("Missed"),
        vl.INCOMPLETE: _tr("Incomplete"), vl.COMPLETE: _tr("Complete"), vl.VERIFIED: _tr("Verified"),
        vl.SIGNED: _tr("Signed"), vl.LOCKED: _tr("Locked"), vl.NOT_APPLICABLE: _tr("N/A"),
    }
    return words.get(status, status)


def status_meaning(status: str) -> str:
    """One line of the legend."""
    meanings = {
        vl.NOT_DUE: _tr("window not open yet"), vl.DUE: _tr("window open, nothing recorded"),
        vl.OVERDUE: _tr("window closed, nothing recorded"), vl.MISSED: _tr("declared missed"),
        vl.INCOMPLETE: _tr("entered, required items missing"), vl.COMPLETE: _tr("entered, nothing missing"),
        vl.VERIFIED: _tr("every value source-verified"), vl.SIGNED: _tr("signed by the investigator"),
        vl.LOCKED: _tr("locked, read-only"), vl.NOT_APPLICABLE: _tr("after the subject's study end"),
    }
    return meanings.get(status, "")


STATUS_COLOURS = {
    vl.NOT_DUE: "#7b8794", vl.DUE: "#1f6fd1", vl.OVERDUE: "#c62828", vl.MISSED: "#8e24aa",
    vl.INCOMPLETE: "#d97706", vl.COMPLETE: "#2e7d32", vl.VERIFIED: "#1b5e20", vl.SIGNED: "#0d47a1",
    vl.LOCKED: "#37474f", vl.NOT_APPLICABLE: "#9e9e9e",
}
# A pale background per status, only to help the eye find like cells (the icon and word carry the meaning).
STATUS_BACKGROUNDS = {
    vl.OVERDUE: "#fdecea", vl.MISSED: "#f6ecf8", vl.INCOMPLETE: "#fff4e0", vl.DUE: "#e8f1fd",
}


def status_colour(status: str) -> QColor:
    return QColor(STATUS_COLOURS.get(status, "#000000"))


# The shape drawn for each status (the calendar draws its own statuses with the same shapes).
SHAPES = {
    vl.NOT_DUE: "ring", vl.DUE: "dot", vl.OVERDUE: "triangle", vl.MISSED: "cross", vl.INCOMPLETE: "half",
    vl.COMPLETE: "disc", vl.VERIFIED: "check", vl.SIGNED: "diamond", vl.LOCKED: "padlock", vl.NOT_APPLICABLE: "bar",
}


def _draw(painter: QPainter, shape: str, colour: QColor, size: float) -> None:
    pen = QPen(colour, 1.6)
    painter.setPen(pen)
    m = 1.5
    box = QRectF(m, m, size - 2 * m, size - 2 * m)
    mid = size / 2
    if shape == "ring":
        painter.drawEllipse(box)
    elif shape == "dot":
        painter.drawEllipse(box)
        painter.setBrush(colour)
        painter.drawEllipse(QPointF(mid, mid), size / 6, size / 6)
    elif shape == "triangle":
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([QPointF(mid, m), QPointF(size - m, size - m), QPointF(m, size - m)]))
        painter.setPen(QPen(QColor("white"), 1.6))
        painter.drawLine(QPointF(mid, size * 0.38), QPointF(mid, size * 0.68))
        painter.drawPoint(QPointF(mid, size * 0.8))
    elif shape == "cross":
        painter.setPen(QPen(colour, 2.2))
        painter.drawLine(box.topLeft(), box.bottomRight())
        painter.drawLine(box.topRight(), box.bottomLeft())
    elif shape == "half":
        painter.drawEllipse(box)
        painter.setBrush(colour)
        painter.drawPie(box, 90 * 16, 180 * 16)
    elif shape == "disc":
        painter.setBrush(colour)
        painter.drawEllipse(box)
    elif shape == "check":
        painter.setPen(QPen(colour, 2.4))
        painter.drawPolyline(QPolygonF([QPointF(m, mid), QPointF(size * 0.4, size - m * 2),
                                        QPointF(size - m, m * 2)]))
    elif shape == "diamond":
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([QPointF(mid, m), QPointF(size - m, mid), QPointF(mid, size - m),
                                       QPointF(m, mid)]))
    elif shape == "padlock":
        painter.drawArc(QRectF(size * 0.25, m, size * 0.5, size * 0.6), 0, 180 * 16)
        painter.setBrush(colour)
        painter.drawRect(QRectF(size * 0.15, size * 0.42, size * 0.7, size * 0.5))
    else:  # bar
        painter.setPen(QPen(colour, 2.4))
        painter.drawLine(QPointF(m, mid), QPointF(size - m, mid))


@cache
def shape_icon(shape: str, colour: str) -> QIcon:
    """A small drawn icon of one of SHAPES' shapes in a colour (built once per pair)."""
    pixmap = QPixmap(ICON_PX * 2, ICON_PX * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _draw(painter, shape, QColor(colour), ICON_PX)
    painter.end()
    return QIcon(pixmap)


def status_icon(status: str) -> QIcon:
    """The status's shape in its colour."""
    return shape_icon(SHAPES.get(status, "bar"), STATUS_COLOURS.get(status, "#000000"))


def cell_text(cell: vl.Cell) -> str:
    """A grid cell: its status word, then its date (visit or row date; the target date while not done) and its
    queries (Q = open, waiting for the site; A = answered, waiting for the monitor)."""
    when = cell.date or (cell.due if cell.status in (vl.NOT_DUE, vl.DUE, vl.OVERDUE) else None)
    second = [when.isoformat() if when else ""]
    if cell.open_queries:
        second.append(f"Q{cell.open_queries}")
    if cell.answered_queries:
        second.append(f"A{cell.answered_queries}")
    return f"{status_word(cell.status)}\n{' '.join(second).strip()}"


def cell_tooltip(cell: vl.Cell, column_name: str) -> str:
    lines = [f"{cell.subject_id} · {column_name}", f"{status_word(cell.status)}: {cell.reason}"]
    if cell.due is not None and not cell.is_log:
        lines.append(_tr("Target {0}").format(cell.due.isoformat()) + (
            _tr(" (window {0} – {1})").format(cell.window.earliest.isoformat(), cell.window.latest.isoformat())
            if cell.window is not None else ""))
    if cell.missing:
        lines.append(_tr("Missing: {0}").format(", ".join(cell.missing)))
    if cell.open_queries or cell.answered_queries:
        lines.append(_tr("Queries: {0} open, {1} answered").format(cell.open_queries, cell.answered_queries))
    if cell.verifiable:
        lines.append(_tr("Source-verified: {0} of {1} values").format(cell.verified, cell.verifiable))
    return "\n".join(lines)


def column_title(column: str) -> str:
    logs = {"steroids": _tr("Steroids"), "medications": _tr("Medications"), "adverse_events": _tr("AEs")}
    return logs.get(column, column)
