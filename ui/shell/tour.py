"""The screen tour: every main screen, tab and dialog opened over a study database, signed in as one role, each
window saved as a PNG with where it lies on the screen (`screens.json`, used by the tests, the user guide and
reviewers). The steps are `ui.shell.tour_steps.STEPS`, in order.

    window = show_signed_in(db, actor, drafts, today, taskbar=40)         # ui.app
    tour = run_tour(window, db, actor, Path("out"), today, STEPS)
    write_index(tour, (1366, 768))

`screens.json` = {"size": [w, h], "screens": [{"name", "png", "window": [x, y, w, h], "available": [x, y, w, h],
"save_visible", "label_problems"}]}: `window` is the window's frame on the screen (the frame the system would draw
is added where the platform draws none, see ui.widgets.windows.FRAME_ALLOWANCE); `save_visible` says whether the
window's Save/OK button (its dialog button box's accept button, else its default button) lies wholly inside
`available`, true when the window has none; `label_problems` lists the window's clipped texts and, in Korean,
English left in it (ui.shell.i18n.label_problems).
"""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QWidget,
)

from models.database import Database
from models.security import Actor
from translation import LANGUAGES
from ui.errors import LOGGER_NAME
from ui.shell.i18n import install_translators, label_problems
from ui.widgets.windows import FRAME_ALLOWANCE, available_area

SETTLE_ROUNDS = 3


@dataclass(frozen=True)
class Shot:
    """One screen of the tour as written to screens.json."""

    name: str
    png: str
    window: tuple[int, int, int, int]
    available: tuple[int, int, int, int]
    save_visible: bool
    label_problems: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "png": self.png, "window": list(self.window), "available": list(self.available),
                "save_visible": self.save_visible, "label_problems": list(self.label_problems)}


@dataclass
class Tour:
    """What the steps work with: the signed-in main window and its database, and `capture` to save a screen."""

    window: QWidget
    db: Database
    actor: Actor
    out_dir: Path
    today: date
    demo: bool = False
    shots: list[Shot] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)

    def settle(self) -> None:
        """Let pending layouts, timers set to 0 and paints run."""
        for _ in range(SETTLE_ROUNDS):
            QApplication.processEvents()

    def capture(self, name: str, widget: QWidget | None = None, save: QAbstractButton | None = None) -> Shot:
        """Save `widget`'s window (default: the main window) as NAME.png and record where it lies."""
        target = (widget or self.window).window()
        if not target.isVisible():
            target.show()
        self.settle()
        png = f"{name}.png"
        target.grab().save(str(self.out_dir / png))
        area = available_area(target)
        button = save if save is not None else save_button(target)
        shot = Shot(name, png, _rect(window_frame(target)), _rect(area),
                    button is None or area.contains(_global_rect(button)), tuple(label_problems(target)))
        self.shots.append(shot)
        return shot


def load_language(app: QApplication, lang: str) -> bool:
    """Install the translation of the screens into `lang` (ui.shell.i18n); False for a language TrialDesk lacks."""
    if lang not in LANGUAGES:
        return False
    install_translators(app, lang)
    return True


def window_frame(window: QWidget) -> QRect:
    """The window's frame on the screen; where the platform draws no frame (offscreen), the one Windows would."""
    frame, inner = window.frameGeometry(), window.geometry()
    if frame != inner or window.isMaximized() or window.isFullScreen():
        return frame
    return inner.marginsAdded(FRAME_ALLOWANCE)


def save_button(window: QWidget) -> QAbstractButton | None:
    """The window's Save/OK: its `save_button`, else a Save, OK or Yes button of its dialog button boxes, else one
    accepting the dialog, else its default push button."""
    own = getattr(window, "save_button", None)
    if isinstance(own, QAbstractButton):
        return own
    buttons = [(box, button) for box in window.findChildren(QDialogButtonBox) if box.isVisibleTo(window)
               for button in box.buttons() if button.isVisibleTo(window)]
    standard = (QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Ok,
                QDialogButtonBox.StandardButton.Yes)
    accepting = (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole)
    found = next((b for box, b in buttons if box.standardButton(b) in standard), None) or \
        next((b for box, b in buttons if box.buttonRole(b) in accepting), None)
    if found is None and isinstance(window, QDialog):
        found = next((b for b in window.findChildren(QPushButton) if b.isDefault() and b.isVisibleTo(window)), None)
    return found


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def _rect(rect: QRect) -> tuple[int, int, int, int]:
    return rect.x(), rect.y(), rect.width(), rect.height()


def run_tour(window: QWidget, db: Database, actor: Actor, out_dir: Path, today: date,
             steps: Sequence[tuple[str, Callable[[Tour], None]]], demo: bool = False) -> Tour:
    """Run every step over the shown, signed-in main window; a step that fails is recorded, not fatal. A
    question a step did not expect is answered Cancel/No (nobody is there to answer it)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tour = Tour(window, db, actor, out_dir, today, demo)
    with _unattended():
        for name, step in steps:
            try:
                step(tour)
            except Exception:  # noqa: BLE001 (one broken screen must not stop the tour: reported by name)
                tour.failures[name] = traceback.format_exc()
                logging.getLogger(LOGGER_NAME).exception("Screen tour step %s failed", name)
            finally:
                close_dialogs(window)
    return tour


@contextmanager
def _unattended() -> Iterator[None]:
    """Modal dialogs and message boxes return at once, answered Cancel/No."""
    saved = {name: getattr(QMessageBox, name) for name in ("question", "information", "warning", "critical")}
    exec_dialog, exec_box = QDialog.exec, QMessageBox.exec
    QDialog.exec = QMessageBox.exec = lambda _self: QDialog.DialogCode.Rejected.value  # type: ignore[method-assign]
    for name in saved:
        setattr(QMessageBox, name, staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Cancel))
    try:
        yield
    finally:
        QDialog.exec, QMessageBox.exec = exec_dialog, exec_box  # type: ignore[method-assign]
        for name, original in saved.items():
            setattr(QMessageBox, name, original)


def close_dialogs(window: QWidget) -> None:
    """Hide and drop every window a step left open (without their unsaved-changes questions)."""
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.isVisible():
            widget.hide()
            widget.deleteLater()
    QApplication.processEvents()


def write_index(tour: Tour, size: tuple[int, int]) -> Path:
    """DIR/screens.json for the shots taken."""
    path = tour.out_dir / "screens.json"
    path.write_text(json.dumps({"size": list(size), "screens": [s.as_json() for s in tour.shots]}, indent=1,
                               ensure_ascii=False), encoding="utf-8")
    return path
