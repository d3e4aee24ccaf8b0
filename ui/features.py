"""What the main window shows once a study is open, and in what order: the home screen, the subjects, the visit
grid, the calendar, the study dashboard and the study operations (those four built when first shown), File → Export
and Import labs, the Print and Help menus, and the tabs of a subject's page.
The main window installs these over the open database; features see the window only as `ui.host.Host`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from ui.host import Host

if TYPE_CHECKING:
    from ui.drafts import Draft
    from ui.printing.actions import PrintActions
    from ui.subjects.page import SubjectPage

# Modules that pull in matplotlib, scipy or pandas are imported when first needed, not at start-up
# (bench/bench_startup.py); run_app imports them in the background once the window is usable.
DEFERRED_MODULES = (
    "ui.schedule.timeline", "ui.entry.visit_list", "ui.entry.visit_editor", "ui.logs.tabs",
    "ui.results.endpoint_detail", "ui.results.plots_tab", "ui.results.dashboard", "ui.status.grid",
    "ui.status.operations_view",
)
# Forms whose drafts are offered back at start: (module, its draft-key prefix constant, its reopen function).
DEFERRED_DRAFT_HANDLERS = (
    ("ui.entry.visit_editor", "VISIT_DRAFT_PREFIX", "reopen_visit_draft"),
    ("ui.logs.tabs", "LOG_DRAFT_PREFIX", "reopen_log_draft"),
)


class Window(Host, Protocol):
    """The main window as the feature list installs into it: a Host that also keeps what it installs."""

    printing: PrintActions

    def add_lazy_section(self, key: str, title: str, build: Callable[[], object]) -> None: ...
    def register_subject(self) -> object: ...
    def refresh_subjects(self) -> None: ...
    def on_subject_saved(self, subject_id: str) -> None: ...
    def reopen_subject_draft(self, draft: Draft) -> None: ...


def install_features(window: Window) -> None:
    """Install every section, menu and draft handler over the window's open database; fill the subject list."""
    from ui.exchange.feature import install_exchange_actions
    from ui.help.feature import install_help_menu
    from ui.printing.actions import install_print_actions
    from ui.schedule.feature import add_home_section
    from ui.status.feature import add_operations_section, add_visit_grid_section, attach_subject_list
    from ui.subjects.section import EDIT_DRAFT_PREFIX, REGISTER_DRAFT_KEY, SubjectsSection

    window.home = add_home_section(window)
    window.subjects = SubjectsSection(window)
    window.add_section("subjects", window.tr("Subjects"), window.subjects)
    window.subjects.list_page.subject_activated.connect(window.open_subject)
    window.subjects.list_page.register_requested.connect(window.register_subject)
    window.printing = install_print_actions(window)
    install_exchange_actions(window)
    install_help_menu(window)
    window.add_draft_handler(REGISTER_DRAFT_KEY, window.reopen_subject_draft)
    window.add_draft_handler(EDIT_DRAFT_PREFIX, window.reopen_subject_draft)
    window.events.subject_saved.connect(window.on_subject_saved)
    window.refresh_subjects()
    window.add_lazy_section("visit_grid", window.tr("Visit grid"), lambda: add_visit_grid_section(window))
    window.add_lazy_section("calendar", window.tr("Calendar"), lambda: _build_calendar(window))
    window.add_lazy_section("dashboard", window.tr("Study dashboard"), lambda: _build_dashboard(window))
    window.add_lazy_section("operations", window.tr("Study operations"), lambda: add_operations_section(window))
    attach_subject_list(window)


def add_subject_tabs(window: Host, page: SubjectPage) -> None:
    """The tabs of a subject's page beside its registration data, in order."""
    from ui.entry.visit_list import add_visits_tab
    from ui.logs.tabs import add_log_tabs
    from ui.results.endpoint_detail import add_endpoints_tab
    from ui.results.plots_tab import add_plots_tab
    from ui.schedule.feature import add_schedule_tabs

    add_schedule_tabs(window, page)
    add_visits_tab(window, page)
    add_log_tabs(window, page)
    add_endpoints_tab(window, page)
    add_plots_tab(window, page)


def _build_calendar(window: Host) -> None:
    from ui.schedule.feature import add_calendar_section

    add_calendar_section(window)


def _build_dashboard(window: Host) -> None:
    from ui.results.dashboard import add_dashboard_section

    add_dashboard_section(window)
