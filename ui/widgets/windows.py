"""Every window's place on the screen: sized to fit inside the screen's available area (never under the taskbar,
with the frame the system draws around it), centred over its parent, and its size and maximised state remembered
per TrialDesk user.

    fit_to_screen(dialog, "visitEditor", QSize(1280, 860))        # in the window's constructor, instead of resize
    fit_to_screen(main, "main", QSize(1280, 800), maximise_below=QSize(1600, 900))

The remembered geometry lives in `windows.ini` in the user data folder (QSettings, one group per TrialDesk user
signed in on this PC): it belongs to this PC's screen and to the person, not to the study, so it stays out of the
study database (whose settings are audited study data and travel with the file to other PCs).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from apppaths import user_data_dir

SETTINGS_FILE = "windows.ini"
# The title bar and borders the system adds around a window that has not been shown yet (Windows 10/11 at 100 %).
FRAME_ALLOWANCE = QMargins(8, 32, 8, 8)
_state = {"user": "", "reserved_bottom": 0}


def set_window_user(name: str) -> None:
    """Windows opened from now on remember their geometry for this TrialDesk user."""
    _state["user"] = name


def reserve_bottom(pixels: int) -> None:
    """Treat the bottom `pixels` of every screen as taken (a taskbar the platform does not report: the screen tour
    emulates the site laptop's 40-px Windows taskbar with it)."""
    _state["reserved_bottom"] = max(0, pixels)


def available_area(widget: QWidget | None = None) -> QRect:
    """The part of the widget's screen (else the primary screen) a window may cover."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    area = QRect(screen.availableGeometry())
    limit = screen.geometry().bottom() - _state["reserved_bottom"]
    if area.bottom() > limit:
        area.setBottom(limit)
    return area


def frame_margins(widget: QWidget) -> QMargins:
    """What the system draws around the widget's window: measured once shown, else FRAME_ALLOWANCE."""
    if widget.isVisible():
        frame, inner = widget.frameGeometry(), widget.geometry()
        measured = QMargins(inner.left() - frame.left(), inner.top() - frame.top(),
                            frame.right() - inner.right(), frame.bottom() - inner.bottom())
        if not measured.isNull():
            return measured
    return FRAME_ALLOWANCE


def _settings() -> QSettings:
    return QSettings(str(user_data_dir() / SETTINGS_FILE), QSettings.Format.IniFormat)


def _group(key: str) -> str:
    return f"{_state['user'] or '_'}/{key}"


def fit_to_screen(widget: QWidget, key: str, preferred: QSize, maximise_below: QSize | None = None) -> None:
    """Size the window `widget` as last left by this user (else `preferred`), shrunk to fit the available area,
    centred over its parent (else the area), maximised if it was left so or if the screen is smaller than
    `maximise_below`; remember its size and state whenever it is hidden or closed."""
    settings = _settings()
    settings.beginGroup(_group(key))
    size = settings.value("size", preferred)
    maximised = settings.value("maximised", None)
    settings.endGroup()
    size = size if isinstance(size, QSize) and size.isValid() else preferred
    area, margins = available_area(widget), frame_margins(widget)
    inner = area.marginsRemoved(margins)
    widget.resize(min(size.width(), inner.width()), min(size.height(), inner.height()))
    widget.move(_centred(widget, area, margins))
    screen = widget.screen() or QGuiApplication.primaryScreen()
    small = maximise_below is not None and (screen.size().width() < maximise_below.width()
                                            or screen.size().height() < maximise_below.height())
    maximise = small if maximised is None else str(maximised).lower() == "true"
    state = widget.windowState() & ~Qt.WindowState.WindowMaximized
    widget.setWindowState(state | Qt.WindowState.WindowMaximized if maximise else state)
    keeper = widget.findChild(_GeometryKeeper, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if keeper is None:
        widget.installEventFilter(_GeometryKeeper(key, widget))
    else:
        keeper.key = key


def _centred(widget: QWidget, area: QRect, margins: QMargins) -> QPoint:
    """Top-left of the window's frame: centred over the visible parent window, else the area; kept inside it."""
    width = widget.width() + margins.left() + margins.right()
    height = widget.height() + margins.top() + margins.bottom()
    parent = widget.parentWidget()
    anchor = parent.window().frameGeometry() if parent is not None and parent.window().isVisible() else area
    x = anchor.center().x() - width // 2
    y = anchor.center().y() - height // 2
    x = max(area.left(), min(x, area.right() + 1 - width))
    y = max(area.top(), min(y, area.bottom() + 1 - height))
    return QPoint(x, y)


def remember_geometry(widget: QWidget, key: str) -> None:
    """Store the window's size (its normal size when maximised) and maximised state for the signed-in user."""
    maximised = widget.isMaximized()
    size = widget.normalGeometry().size() if maximised else widget.size()
    settings = _settings()
    settings.beginGroup(_group(key))
    if size.isValid() and not size.isEmpty():
        settings.setValue("size", size)
    settings.setValue("maximised", maximised)
    settings.endGroup()
    settings.sync()


class _GeometryKeeper(QObject):
    """Saves its window's geometry when the window is hidden or closed."""

    def __init__(self, key: str, window: QWidget) -> None:
        super().__init__(window)
        self.key = key

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Hide, QEvent.Type.Close) and isinstance(watched, QWidget) \
                and watched.isWindow():
            remember_geometry(watched, self.key)
        return False
