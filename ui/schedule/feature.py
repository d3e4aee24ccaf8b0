"""How the schedule screens join the main window: the home screen (first section), the month calendar (a
section), and the schedule and timeline tabs of a subject's page; one click from a listed visit to it.
Only the home screen is needed at start; the rest is imported when first shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.errors import SubjectNotFound
from ui.drafts import Draft
from ui.schedule.home import HomeSection
from ui.schedule.infusion import INFUSION_DRAFT_PREFIX, InfusionDialog

if TYPE_CHECKING:
    from ui.host import Host
    from ui.schedule.calendar import MonthCalendar
    from ui.schedule.tab import ScheduleTab
    from ui.subjects.page import SubjectPage


def add_home_section(window: Host) -> HomeSection:
    """Add "what needs doing" as a section (call before any other, so the window opens on it)."""
    home = HomeSection(window.db, window.today, window)
    home.setObjectName("homeSection")
    window.add_section("home", window.tr("What needs doing"), home)
    home.visit_activated.connect(lambda sid, code: open_subject_visit(window, sid, code))
    home.refresh()
    window.add_draft_handler(INFUSION_DRAFT_PREFIX, lambda draft: reopen_infusion_draft(window, draft))
    window.events.schedule_changed.connect(lambda _subject_id: home.refresh())
    window.events.subject_saved.connect(lambda _subject_id: home.refresh())
    return home


def add_calendar_section(window: Host) -> MonthCalendar:
    """Add the month calendar across subjects; it follows every schedule or subject change."""
    from ui.schedule.calendar import MonthCalendar

    month = MonthCalendar(window.db, window.today, window)
    month.setObjectName("calendarSection")
    window.add_section("calendar", window.tr("Calendar"), month)
    month.visit_activated.connect(lambda sid, code: open_subject_visit(window, sid, code))
    month.refresh()
    window.events.schedule_changed.connect(lambda _subject_id: month.refresh())
    window.events.subject_saved.connect(lambda _subject_id: month.refresh())
    return month


def add_schedule_tabs(window: Host, page: SubjectPage) -> None:
    """The subject's Schedule and Timeline tabs."""
    from ui.schedule.tab import ScheduleTab
    from ui.schedule.timeline import TimelineTab  # matplotlib: imported when first needed, not at start-up

    subject_id = page.record.subject_id
    page.schedule_tab = ScheduleTab(window.db, window.user, window.events, subject_id, window.today(),
                                    window.drafts, page)
    page.schedule_tab.setObjectName("scheduleTab")
    page.add_tab(page.schedule_tab, window.tr("Schedule"))
    page.timeline_tab = TimelineTab(window.db, window.events, subject_id, window.today(), page)
    page.timeline_tab.setObjectName("timelineTab")
    page.add_tab(page.timeline_tab, window.tr("Timeline"))


def open_subject_visit(window: Host, subject_id: str, code: str) -> ScheduleTab | None:
    """Open the subject's page on the Schedule tab with the visit selected."""
    window.open_subject(subject_id)
    page = window.subjects.subject_page
    tab = getattr(page, "schedule_tab", None)
    if page is None or tab is None:
        return None
    page.tabs.setCurrentWidget(tab)
    tab.select_visit(code)
    return tab


def reopen_infusion_draft(window: Host, draft: Draft) -> InfusionDialog | None:
    """Reopen an infusion form left unsaved by a crash, with what was typed."""
    subject_id, _, number = draft.key.removeprefix(INFUSION_DRAFT_PREFIX).rpartition("/")
    try:
        tab = open_subject_visit(window, subject_id, "D0" if number == "1" else "W12")
    except SubjectNotFound:
        window.drafts.discard(draft.key)
        return None
    if tab is None or number not in ("1", "2"):
        window.drafts.discard(draft.key)
        return None
    return tab.open_infusion(int(number), draft)
