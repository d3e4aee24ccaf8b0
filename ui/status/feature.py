"""How the status screens join the main window: one StatusBook over the open database (kept current by the
change notifications), the visit grid and the operational view as sections (built when first shown), and the
status columns of the subject list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from ui.status.book import StatusBook

if TYPE_CHECKING:
    from ui.host import Host
    from ui.status.grid import VisitGrid
    from ui.status.operations_view import OperationsView


def status_book(window: Host) -> StatusBook:
    """The window's StatusBook (made on first call)."""
    book = next((b for b in window.findChildren(StatusBook)), None)
    if book is None:
        book = StatusBook(window.db, window.today, window.events, window)  # type: ignore[arg-type]
        book.setObjectName("statusBook")
    return book


def attach_subject_list(window: Host) -> StatusBook:
    """The subject list shows each subject's next visit, open queries, visits to sign and last change; the book is
    read once the window is up."""
    book = status_book(window)
    page = window.subjects.list_page
    book.changed.connect(lambda _ids: page.set_status(book.statuses))
    QTimer.singleShot(0, book.ensure_loaded)
    return book


def add_visit_grid_section(window: Host) -> VisitGrid:
    from ui.status.grid import VisitGrid
    from ui.status.navigation import open_cell

    book = status_book(window)
    grid = VisitGrid(book, window)  # type: ignore[arg-type]
    grid.setObjectName("visitGridSection")
    window.add_section("visit_grid", window.tr("Visit grid"), grid)
    grid.cell_activated.connect(lambda cell: open_cell(window, cell))
    book.ensure_loaded()
    return grid


def add_operations_section(window: Host) -> OperationsView:
    from ui.status.navigation import open_pair
    from ui.status.operations_view import OperationsView

    book = status_book(window)
    view = OperationsView(book, window)  # type: ignore[arg-type]
    view.setObjectName("operationsSection")
    window.add_section("operations", window.tr("Study operations"), view)
    view.pair_activated.connect(lambda subject, visit: open_pair(window, subject, visit))
    return view
