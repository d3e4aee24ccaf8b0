"""Windows fit the screen and remember their size and maximised state per TrialDesk user (ui.widgets.windows)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from ui.shell.main_window import MainWindow
from ui.widgets import windows
from ui.widgets.windows import available_area, fit_to_screen, frame_margins, reserve_bottom, set_window_user


@pytest.fixture(autouse=True)
def no_taskbar_left_over():
    yield
    reserve_bottom(0)
    set_window_user("")


def make_dialog(qtbot) -> QDialog:
    dialog = QDialog()
    QVBoxLayout(dialog).addWidget(QWidget(dialog))
    qtbot.addWidget(dialog)
    return dialog


def test_a_window_larger_than_the_screen_is_shrunk_inside_the_available_area(qtbot) -> None:
    reserve_bottom(40)
    dialog = make_dialog(qtbot)
    fit_to_screen(dialog, "big", QSize(5000, 5000))
    area, margins = available_area(dialog), frame_margins(dialog)
    assert area.height() == dialog.screen().geometry().height() - 40
    assert dialog.width() + margins.left() + margins.right() <= area.width()
    assert dialog.height() + margins.top() + margins.bottom() <= area.height()
    assert area.contains(dialog.pos())


def test_size_and_maximised_state_are_remembered_per_user(qtbot) -> None:
    set_window_user("alice")
    first = make_dialog(qtbot)
    fit_to_screen(first, "form", QSize(400, 300))
    first.show()
    first.resize(420, 333)
    first.hide()
    again = make_dialog(qtbot)
    fit_to_screen(again, "form", QSize(400, 300))
    assert again.size() == QSize(420, 333)
    set_window_user("bob")
    other = make_dialog(qtbot)
    fit_to_screen(other, "form", QSize(400, 300))
    assert other.size() == QSize(400, 300)
    other.showMaximized()
    other.hide()
    set_window_user("bob")
    maximised = make_dialog(qtbot)
    fit_to_screen(maximised, "form", QSize(400, 300))
    assert maximised.windowState() & windows.Qt.WindowState.WindowMaximized


def test_the_main_window_opens_maximised_on_a_screen_smaller_than_1600x900(qtbot, db) -> None:
    main = MainWindow(db, user="tester")
    qtbot.addWidget(main)
    assert main.screen().size().width() < 1600  # the offscreen test screen is 800x800
    assert main.windowState() & windows.Qt.WindowState.WindowMaximized
