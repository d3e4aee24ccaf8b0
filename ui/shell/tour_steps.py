"""The screens of the screen tour (ui.shell.tour), in order: `STEPS` lists (name, step) pairs; a step opens its
screen over the tour's signed-in main window and calls `tour.capture(NAME, window)` once per screen it shows.

A new screen joins the tour with one decorated function here:

    @step("locks")
    def _locks(tour: Tour) -> None:
        tour.window.show_section("locks")
        tour.capture("locks")

Screen names are the user guide's (guide/screens.txt lists those it shows).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox, QTabWidget, QWidget

from ui.shell.tour import Tour

if TYPE_CHECKING:
    from ui.subjects.page import SubjectPage

Step = Callable[[Tour], None]
STEPS: list[tuple[str, Step]] = []
# Subject-page tabs by their widget's object name (else class name) -> screen name.
TAB_SCREENS = {
    "RegistrationTab": "subject_page_registration", "scheduleTab": "subject_page_schedule",
    "timelineTab": "subject_page_timeline", "VisitsTab": "subject_page_visits",
    "steroidsTab": "subject_page_steroids", "medicationsTab": "subject_page_medications",
    "adverse_eventsTab": "subject_page_adverse_events", "eventsTab": "subject_page_flares_outcomes",
    "EndpointsTab": "subject_page_endpoints", "PlotsTab": "subject_page_plots",
}
DASHBOARD_SCREENS = ("dashboard_binary", "dashboard_time_to_event", "dashboard_lc_change", "dashboard_grid")


def step(name: str) -> Callable[[Step], Step]:
    """Add the decorated function to the tour, after the steps already listed."""

    def register(function: Step) -> Step:
        STEPS.append((name, function))
        return function

    return register


@contextmanager
def modal_captured(tour: Tour, name: str) -> Iterator[list[QDialog]]:
    """While open, dialogs run modally (`exec()`) are answered Cancel and listed; the first is captured as NAME."""
    seen: list[QDialog] = []
    originals = QDialog.exec, QMessageBox.exec

    def capture(dialog: QDialog) -> int:
        seen.append(dialog)
        if len(seen) == 1:
            dialog.show()
            tour.capture(name, dialog)
            dialog.hide()
        return QDialog.DialogCode.Rejected.value

    QDialog.exec = capture  # type: ignore[method-assign]
    QMessageBox.exec = capture  # type: ignore[method-assign]
    try:
        yield seen
    finally:
        QDialog.exec, QMessageBox.exec = originals  # type: ignore[method-assign]


def subject_id(tour: Tour) -> str:
    """The subject the tour shows: the first one with signatures and queries (the demo's LN subjects), else the
    first listed."""
    from models.subjects import list_subjects

    ids = [row.subject_id for row in list_subjects(tour.db)]
    if not ids:
        raise LookupError("the database has no subjects to show")
    return next((i for i in ids if i.startswith("LN")), ids[0])


def subject_page(tour: Tour) -> SubjectPage:
    page = tour.window.subjects.subject_page
    wanted = subject_id(tour)
    if page is None or page.record.subject_id != wanted or not page.isVisible():
        tour.window.open_subject(wanted)
        page = tour.window.subjects.subject_page
    return page


def show_tab(tabs: QTabWidget, widget: QWidget) -> None:
    tabs.setCurrentWidget(widget)
    tabs.currentWidget().setFocus()


def _saved_visit_id(tour: Tour) -> int:
    from models.visit_store import list_visits

    visits = [v for v in list_visits(tour.db, subject_id(tour)) if v.record_id is not None]
    if not visits:
        raise LookupError("the subject has no saved visit")
    return visits[-1].record_id


# the frame and the subjects ----------------------------------------------------------------------------------


@step("sign_in")
def _sign_in(tour: Tour) -> None:
    from models.demo_security import DEMO_ACCOUNTS
    from ui.shell.sign_in import SignInDialog

    dialog = SignInDialog(tour.db, DEMO_ACCOUNTS if tour.demo else (), parent=tour.window)
    dialog.show()
    tour.capture("sign_in", dialog)


@step("home")
def _home(tour: Tour) -> None:
    tour.window.show_section("home")
    tour.capture("home")


@step("subject_list")
def _subject_list(tour: Tour) -> None:
    tour.window.show_subject_list()
    tour.capture("subject_list")


@step("subject_page")
def _subject_page(tour: Tour) -> None:
    page = subject_page(tour)
    for index in range(page.tabs.count()):
        widget = page.tabs.widget(index)
        name = TAB_SCREENS.get(widget.objectName()) or TAB_SCREENS.get(type(widget).__name__)
        if name is None:
            name = f"subject_page_{type(widget).__name__}"
        show_tab(page.tabs, widget)
        if name == "subject_page_timeline" or name == "subject_page_plots":
            tour.settle()
        tour.capture(name)
    page.tabs.setCurrentIndex(0)


@step("register_subject")
def _register_subject(tour: Tour) -> None:
    tour.capture("register_subject", tour.window.register_subject())


@step("edit_subject")
def _edit_subject(tour: Tour) -> None:
    tour.capture("edit_subject", tour.window.edit_subject(subject_id(tour)))


# the schedule --------------------------------------------------------------------------------------------------


@step("infusion_dialog")
def _infusion(tour: Tour) -> None:
    page = subject_page(tour)
    show_tab(page.tabs, page.schedule_tab)
    tour.capture("infusion_dialog", page.schedule_tab.open_infusion(1))


@step("visit_outcome")
def _visit_outcome(tour: Tour) -> None:
    page = subject_page(tour)
    tab = page.schedule_tab
    show_tab(page.tabs, tab)
    visits = tab.schedule.visits if tab.schedule is not None else []
    row = next((i for i, v in enumerate(visits) if v.actual_date is None), 0)
    tab.table.selectRow(row)
    tab.table.setCurrentCell(row, 0)
    tour.capture("visit_outcome", tab.open_visit())


@step("calendar")
def _calendar(tour: Tour) -> None:
    tour.window.show_section("calendar")
    tour.capture("calendar")


@step("visit_grid")
def _visit_grid(tour: Tour) -> None:
    tour.window.show_section("visit_grid")
    tour.settle()
    tour.capture("visit_grid")


@step("operations")
def _operations(tour: Tour) -> None:
    tour.window.show_section("operations")
    tour.settle()
    tour.capture("operations")


# visits and logs -----------------------------------------------------------------------------------------------


@step("new_visit")
def _new_visit(tour: Tour) -> None:
    from ui.entry.visit_list import NewVisitDialog

    dialog = NewVisitDialog(set(), tour.today, tour.window)
    dialog.show()
    tour.capture("new_visit", dialog)


@step("visit_editor_new")
def _visit_editor_new(tour: Tour) -> None:
    from ui.entry.visit_editor import open_visit_editor

    tour.capture("visit_editor_new", open_visit_editor(tour.window, subject_id(tour), code="UNS", when=tour.today))


@step("visit_editor_saved")
def _visit_editor_saved(tour: Tour) -> None:
    from ui.entry.visit_editor import open_visit_editor

    editor = open_visit_editor(tour.window, subject_id(tour), record_id=_saved_visit_id(tour))
    tour.capture("visit_editor_saved", editor)


@step("reason_for_change")
def _reason_for_change(tour: Tour) -> None:
    """The saved visit's weight changed and saved: the reason is asked (and the save cancelled)."""
    from ui.entry.visit_editor import open_visit_editor

    editor = open_visit_editor(tour.window, subject_id(tour), record_id=_saved_visit_id(tour))
    editor.read_only = False
    raw = dict(editor.initial_raw)
    weight = raw.get("weight_kg") or "60"
    raw["weight_kg"] = f"{float(weight) + 0.5:g}"
    editor.set_raw(raw)
    tour.settle()
    with modal_captured(tour, "reason_for_change") as seen:
        editor.save()
    if not seen:
        raise RuntimeError("saving the changed visit asked no reason")


@step("query_dialog")
def _query_dialog(tour: Tour) -> None:
    from models.queries import list_queries
    from ui.entry.visit_editor import open_visit_editor

    queries = [q for q in list_queries(tour.db) if q.table_name == "visits"]
    if not queries:
        raise LookupError("the database has no query on a visit field")
    query = queries[0]
    subject = query.subject_id
    open_visit_editor(tour.window, subject, record_id=query.record_id, field=query.field)
    tour.settle()
    from ui.entry.field_notes import FieldNotesDialog

    dialogs = [d for d in tour.window.findChildren(FieldNotesDialog) if d.isVisible()]
    if not dialogs:
        raise RuntimeError("opening the visit at its queried field showed no query window")
    tour.capture("query_dialog", dialogs[-1])


def _log_editor(tour: Tour, name: str, kind: str) -> None:
    from ui.logs.record_table import open_record_editor
    from ui.logs.tabs import spec_for

    subject_page(tour)
    tour.capture(name, open_record_editor(tour.window, subject_id(tour), spec_for(tour.window, kind), None))


for _name, _kind in (("log_steroid", "steroids"), ("log_medication", "medications"),
                     ("log_adverse_event", "adverse_events"), ("log_flare", "events"),
                     ("log_hospitalisation", "hospitalisations"), ("log_renal_replacement", "renal_replacement")):
    step(_name)(lambda tour, name=_name, kind=_kind: _log_editor(tour, name, kind))


@step("draft_offer")
def _draft_offer(tour: Tour) -> None:
    """A registration form left unsaved is offered back (the question is answered Discard)."""
    from ui.subjects.section import REGISTER_DRAFT_KEY

    for draft in tour.window.drafts.all():  # left by the forms the tour opened before
        tour.window.drafts.discard(draft.key)
    tour.window.drafts.save(REGISTER_DRAFT_KEY, tour.window.tr("The registration of a new subject"),
                            {"initials": "KJH"})
    with modal_captured(tour, "draft_offer") as seen:
        tour.window.offer_drafts()
    tour.window.drafts.discard(REGISTER_DRAFT_KEY)
    if not seen:
        raise RuntimeError("no unsaved input was offered")


# results -------------------------------------------------------------------------------------------------------


@step("dashboard")
def _dashboard(tour: Tour) -> None:
    tour.window.show_section("dashboard")
    dashboard = tour.window.dashboard
    dashboard.wait_prewarm()
    for index, name in enumerate(DASHBOARD_SCREENS[:dashboard.tabs.count()]):
        dashboard.tabs.setCurrentIndex(index)
        tour.settle()
        tour.capture(name)
    dashboard.tabs.setCurrentIndex(0)


# signatures, queries, audit, backups, printing, administration ---------------------------------------------------


@step("to_sign")
def _to_sign(tour: Tour) -> None:
    tour.window.show_section("signatures")
    section = tour.window.sections["signatures"]
    if section.items:
        section.table.selectRow(0)
    tour.capture("to_sign")


@step("sign_dialog")
def _sign_dialog(tour: Tour) -> None:
    from models.signatures import to_sign
    from ui.trust.signatures import SignDialog

    items = to_sign(tour.db)
    if not items:
        raise LookupError("nothing to sign in this database")
    dialog = SignDialog(tour.db, tour.actor, items[0], tour.window)
    dialog.show()
    tour.capture("sign_dialog", dialog)


@step("queries")
def _queries(tour: Tour) -> None:
    tour.window.show_section("queries")
    tour.capture("queries")


@step("audit_viewer")
def _audit_viewer(tour: Tour) -> None:
    tour.window.show_section("audit")
    tour.capture("audit_viewer")


@step("backups")
def _backups(tour: Tour) -> None:
    tour.window.show_section("backups")
    tour.capture("backups")


@step("print_progress")
def _print_progress(tour: Tour) -> None:
    """A binder of every subject being printed (to a file in a temporary folder, cancelled once captured)."""
    import tempfile

    printing = tour.window.printing
    folder = Path(tempfile.mkdtemp(prefix="trialdesk-tour-"))
    ask, open_file = printing.ask_path, printing.open_file
    printing.ask_path = lambda _parent, _title, proposed: folder / proposed.name
    printing.open_file = lambda _path: True
    try:
        printing.print_binder(None)
        if printing.progress is None:
            raise RuntimeError("printing showed no progress")
        tour.capture("print_progress", printing.progress)
    finally:
        printing.cancel()
        printing.wait()
        tour.settle()
        printing.ask_path, printing.open_file = ask, open_file
        tour.window.statusBar().clearMessage()  # "Printing cancelled" is not part of the next screens


# exchange and help -----------------------------------------------------------------------------------------------


@step("export")
def _export(tour: Tour) -> None:
    from ui.exchange.feature import ExchangeActions

    tour.capture("export", tour.window.findChild(ExchangeActions).open_export())


@step("import_labs")
def _import_labs(tour: Tour) -> None:
    """File → Import labs, before a file is chosen; roles that may not enter data cannot open it (no screen)."""
    from ui.exchange.feature import ExchangeActions

    dialog = tour.window.findChild(ExchangeActions).open_import_labs()
    if dialog is not None:
        tour.capture("import_labs", dialog)


@step("shortcuts")
def _shortcuts(tour: Tour) -> None:
    from ui.help.feature import HelpMenu

    tour.capture("shortcuts", tour.window.findChild(HelpMenu).open_shortcuts())


@step("about")
def _about(tour: Tour) -> None:
    from ui.help.feature import HelpMenu

    tour.capture("about", tour.window.findChild(HelpMenu).open_about())


@step("users")
def _users(tour: Tour) -> None:
    from ui.shell.session import add_admin_sections

    add_admin_sections(tour.window, tour.window.session)
    tour.window.show_section("users")
    tour.capture("users")


@step("locks")
def _locks(tour: Tour) -> None:
    tour.window.show_section("locks")
    tour.capture("locks")
