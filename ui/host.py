"""What a feature may use of the window it is installed in: the open database, who is signed in, the drafts,
the change notifications, today's date, its menus and status bar, and the ways to add a section or a draft
handler and to show a section or a subject. `ui.shell.main_window.MainWindow` is such a window; features are
typed against `Host`, never against the main window, so the window can import them and not the other way."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QListWidget, QMenuBar, QStackedWidget, QStatusBar, QWidget

    from models.database import Database
    from ui.drafts import Draft, DraftStore
    from ui.events import DataEvents
    from ui.schedule.home import HomeSection
    from ui.subjects.list_page import SubjectListPage
    from ui.subjects.page import SubjectPage

    Child = TypeVar("Child", bound=QObject)


class SubjectsView(Protocol):
    """The Subjects section: the list, and the page of the subject opened from it."""

    list_page: SubjectListPage
    subject_page: SubjectPage | None

    def show_list(self) -> None: ...


class Host(Protocol):
    """The main window as its features see it."""

    db: Database
    user: str
    drafts: DraftStore
    events: DataEvents
    today: Callable[[], date]
    sections: dict[str, QWidget]
    subjects: SubjectsView
    home: HomeSection
    nav: QListWidget
    stack: QStackedWidget

    def tr(self, text: str) -> str: ...
    def menuBar(self) -> QMenuBar: ...  # noqa: N802 (Qt's name)
    def statusBar(self) -> QStatusBar: ...  # noqa: N802 (Qt's name)
    def findChildren(self, kind: type[Child]) -> list[Child]: ...  # noqa: N802 (Qt's name)
    def add_section(self, key: str, title: str, widget: QWidget) -> None: ...
    def add_draft_handler(self, key_prefix: str, reopen: Callable[[Draft], None]) -> None: ...
    def show_section(self, key: str) -> None: ...
    def refresh_counts(self) -> None: ...
    def open_subject(self, subject_id: str) -> None: ...
    def edit_subject(self, subject_id: str, draft: Draft | None = None) -> object: ...
