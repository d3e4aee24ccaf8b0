"""The home screen's role-aware panels (open queries, answered queries, to-sign list) on the demo database, by
clicking and pressing keys in the real widgets: a query opens its record's form, a deleted record's query opens
in the Queries section, the panels follow answers, data changes and the signed-in user."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.demo_security import DEMO_ACCOUNTS
from models.queries import CLOSED, list_queries, raise_query
from models.signatures import to_sign
from models.subject_records import delete_row, list_rows
from models.users import authenticate
from ui.entry.visit_editor import VisitEditor
from ui.logs.record_editor import RecordEditor
from ui.logs.steroids import steroid_spec
from ui.shell.session import attach_session
from ui.trust.home_panels import HomePanels, attach_home_panels
from ui.trust.signatures import SignDialog

from .conftest import type_text

SHOTS = Path("/tmp/shots")


def _actor(db, username: str):
    return authenticate(db, username, next(pw for name, _, _, pw in DEMO_ACCOUNTS if name == username))


@pytest.fixture
def signed_in(qtbot, demo_window, demo_db):
    """Sign the demo window in as a demo user (security sections and home panels attached)."""
    sessions = []

    def sign_in(username: str) -> tuple[object, HomePanels]:
        session = attach_session(demo_window, _actor(demo_db, username), demo=True)
        panels = attach_home_panels(demo_window, session)
        sessions.append(session)
        demo_window.show_section("home")
        return session, panels

    yield sign_in
    for session in sessions:
        session.idle_timer.stop()
        session.backup_timer.stop()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, VisitEditor | RecordEditor) and widget.isVisible():
            widget.close()


def _cells(table, row: int) -> list[str]:
    """What the view shows in the row (display role of each column)."""
    model = table.model()
    return [model.index(row, c).data() for c in range(model.columnCount())]


def _data(table, row: int, column: int, role: Qt.ItemDataRole):
    return table.model().index(row, column).data(role)


def _row_of(panel, predicate) -> int:
    return next(row for row, query in enumerate(panel.queries) if predicate(query))


def _activate(qtbot, table, row: int, how: str) -> None:
    """Double-click the row's first cell, or select it and press Enter."""
    if how == "double-click":
        rect = table.visualRect(table.model().index(row, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    else:
        table.setFocus()
        table.setCurrentIndex(table.model().index(row, 0))
        qtbot.keyClick(table, Qt.Key.Key_Return)


def _editors(kind: type) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_coordinator_sees_open_queries_and_opens_their_forms(qtbot, demo_window, demo_db, signed_in) -> None:
    _session, panels = signed_in("coordinator")
    assert panels.isVisible() and panels.open_panel.isVisible()
    assert not panels.answered_panel.isVisible() and not panels.sign_panel.isVisible()
    open_now = list_queries(demo_db, statuses=("open",))
    assert panels.open_panel.title() == f"Open queries ({len(open_now)})" == "Open queries (4)"
    table = panels.open_panel.table
    rows = {tuple(_cells(table, r)[:3]) for r in range(table.model().rowCount())}
    hb = next(q for q in open_now if q.field == "hemoglobin_g_dl")
    with demo_db.read() as session:
        from models.schema import Visit

        visit = session.get(Visit, hb.record_id)
        where = f"{visit.code} {visit.date.isoformat()}"
    assert ("LN-01", where, "Haemoglobin") in rows
    hb_row = _row_of(panels.open_panel, lambda q: q.query_id == hb.query_id)
    assert _cells(table, hb_row)[3:] == ["monitor", "0", "The lab report says 10.9 g/dL."]  # first line only
    assert "Please check the transcription." in _data(table, hb_row, 5, Qt.ItemDataRole.ToolTipRole)
    rash = _row_of(panels.open_panel, lambda q: q.field == "sledai.rash")
    assert _cells(table, rash)[5].startswith("발진이 진료 기록에 없습니다.")
    ae = _row_of(panels.open_panel, lambda q: q.table_name == "adverse_events")
    assert _cells(table, ae)[1].startswith("adverse event ") and _cells(table, ae)[2] == "Grade"
    SHOTS.mkdir(exist_ok=True)
    demo_window.grab().save(str(SHOTS / "home_coordinator.png"))

    _activate(qtbot, table, hb_row, "double-click")
    qtbot.waitUntil(lambda: len(_editors(VisitEditor)) == 1)
    editor = _editors(VisitEditor)[0]
    assert editor.subject_id == "LN-01" and editor.entry.record_id == hb.record_id
    qtbot.waitUntil(lambda: editor.notes.dialog is not None and editor.notes.dialog.isVisible())
    dialog = editor.notes.dialog  # the queried field's queries, where the site answers
    assert dialog.key == "hemoglobin_g_dl" and dialog.selected().query_id == hb.query_id
    type_text(qtbot, dialog.reply, "검사지 확인: 10.9 g/dL, corrected.")
    qtbot.mouseClick(dialog.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panels.open_panel.title() == "Open queries (3)")  # the home panel follows
    dialog.close()
    editor.close()
    hb_row = None
    ae = _row_of(panels.open_panel, lambda q: q.table_name == "adverse_events")
    rash = _row_of(panels.open_panel, lambda q: q.field == "sledai.rash")

    _activate(qtbot, table, ae, "enter")
    qtbot.waitUntil(lambda: len(_editors(RecordEditor)) == 1)
    record = _editors(RecordEditor)[0]
    query = panels.open_panel.queries[ae]
    assert record.spec.kind == "adverse_events" and record.row.record_id == query.record_id
    assert record.subject_id == query.subject_id
    qtbot.waitUntil(lambda: record.notes.dialog is not None and record.notes.dialog.key == "grade")
    record.notes.dialog.close()
    record.close()

    table.selectRow(rash)
    qtbot.mouseClick(panels.open_panel.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_editors(VisitEditor)) == 1)
    assert _editors(VisitEditor)[0].entry.record_id == panels.open_panel.queries[rash].record_id


def test_a_query_on_a_deleted_record_leaves_the_panel_closed_with_the_reason(qtbot, demo_window, demo_db,
                                                                             signed_in) -> None:
    session, panels = signed_in("coordinator")
    ae = next(q for q in list_queries(demo_db) if q.table_name == "adverse_events")
    assert any(q.query_id == ae.query_id for q in panels.open_panel.queries)
    delete_row(demo_db, ae.subject_id, "adverse_events", ae.record_id, user="coordinator", reason="entered twice")
    demo_window.events.log_saved.emit(ae.subject_id)
    qtbot.waitUntil(lambda: all(q.query_id != ae.query_id for q in panels.open_panel.queries))
    demo_window.show_section("queries")
    section = demo_window.sections["queries"]
    section.refresh(select_id=ae.query_id)
    assert section.selected().query_id == ae.query_id and section.selected().status == CLOSED
    row = next(r for r, q in enumerate(section.queries) if q.query_id == ae.query_id)
    assert "(record deleted)" in _cells(section.table, row)
    assert "Closed automatically: the record was deleted (entered twice)." in section.thread.text()
    assert not section.open_button.isEnabled()
    assert _editors(RecordEditor) == []


def test_field_label_comes_from_the_form_when_the_query_has_none(qtbot, demo_window, demo_db, signed_in) -> None:
    session, panels = signed_in("coordinator")
    visit_id = next(q for q in list_queries(demo_db) if q.field == "sledai.rash").record_id
    monitor = _actor(demo_db, "monitor")
    for field in ("bilag.renal", "weight_kg", "pga"):
        raise_query(demo_db, monitor, subject_id="LN-02", table="visits", record_id=visit_id, field=field,
                    label="", text=f"Check {field}")
    steroid = list_rows(demo_db, "LN-02", "steroids")[0]
    raise_query(demo_db, monitor, subject_id="LN-02", table="steroids", record_id=steroid.record_id,
                field="mg_per_dose", label="", text="Check the dose")
    demo_window.events.queries_changed.emit("LN-02")
    qtbot.waitUntil(lambda: panels.open_panel.title() == "Open queries (8)")
    table = panels.open_panel.table
    labels = {_cells(table, r)[5]: _cells(table, r)[1:3] for r in range(table.model().rowCount())}
    assert labels["Check bilag.renal"][1] == "BILAG-2004: Renal"
    assert labels["Check weight_kg"][1] == "Weight" and labels["Check pga"][1] == "PGA"
    assert labels["Check the dose"][0] == steroid_spec(demo_db.config.params).describe(steroid.values)
    assert labels["Check the dose"][1] == next(f.label for f in steroid_spec(demo_db.config.params).fields()
                                               if f.name == "mg_per_dose")


def test_answering_in_the_queries_section_refreshes_the_home_panel(qtbot, demo_window, demo_db, signed_in) -> None:
    session, panels = signed_in("coordinator")
    assert panels.open_panel.title() == "Open queries (4)"
    section = demo_window.sections["queries"]
    demo_window.show_section("queries")
    row = next(r for r, q in enumerate(section.queries) if q.field == "hemoglobin_g_dl")
    section.table.selectRow(row)
    qtbot.mouseClick(section.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=section.table.visualRect(section.table.model().index(row, 0)).center())
    qtbot.keyClicks(section.reply, "Transcription corrected from the lab report.")
    qtbot.mouseClick(section.answer_button, Qt.MouseButton.LeftButton)
    assert section.selected().status == "answered"
    qtbot.mouseClick(section.open_button, Qt.MouseButton.LeftButton)  # the form, at the field, to check the value
    qtbot.waitUntil(lambda: len(_editors(VisitEditor)) == 1)
    editor = _editors(VisitEditor)[0]
    assert editor.entry.record_id == section.selected().record_id and editor.notes.dialog is None
    editor.close()
    demo_window.show_section("home")
    qtbot.waitUntil(lambda: panels.open_panel.title() == "Open queries (3)")
    assert all(q.field != "hemoglobin_g_dl" for q in panels.open_panel.queries)


def test_monitor_sees_answered_queries_and_the_panels_follow_the_user(qtbot, demo_window, demo_db,
                                                                        signed_in) -> None:
    session, panels = signed_in("monitor")
    assert panels.answered_panel.isVisible() and not panels.open_panel.isVisible()
    assert panels.answered_panel.title() == "Answered — waiting for you to close (1)"
    cells = _cells(panels.answered_panel.table, 0)
    assert cells[0] == "LN-02" and cells[5] == "Corrected from the source document. 확인했습니다."
    assert cells[3] == "coordinator"  # who answered
    SHOTS.mkdir(exist_ok=True)
    demo_window.grab().save(str(SHOTS / "home_monitor.png"))
    _activate(qtbot, panels.answered_panel.table, 0, "double-click")
    qtbot.waitUntil(lambda: len(_editors(VisitEditor)) == 1)
    _editors(VisitEditor)[0].close()
    section = demo_window.sections["queries"]
    demo_window.show_section("queries")
    section.refresh(select_id=panels.answered_panel.queries[0].query_id)
    qtbot.keyClicks(section.reply, "Thank you.")
    qtbot.mouseClick(section.close_button, Qt.MouseButton.LeftButton)
    session._apply(_actor(demo_db, "coordinator"))  # another user signs in (as after the idle sign-out)
    demo_window.show_section("home")
    qtbot.waitUntil(lambda: panels.open_panel.isVisible())
    assert not panels.answered_panel.isVisible() and panels.answered_panel.queries == []
    session._apply(_actor(demo_db, "admin"))
    demo_window.show_section("subjects")
    demo_window.show_section("home")
    qtbot.waitUntil(lambda: not panels.isVisible())


def test_investigator_sees_what_to_sign_and_goes_to_it(qtbot, demo_window, demo_db, signed_in) -> None:
    session, panels = signed_in("investigator")
    assert panels.open_panel.isVisible() and panels.sign_panel.isVisible() and not panels.answered_panel.isVisible()
    waiting = to_sign(demo_db)
    assert panels.sign_panel.title() == f"Waiting for your signature ({len(waiting)})"
    table = panels.sign_panel.table
    assert _cells(table, 0)[0] == "LN-02" and _cells(table, 0)[2] == "Sign again"
    assert _data(table, 0, 0, Qt.ItemDataRole.FontRole).bold()
    assert _data(table, 1, 0, Qt.ItemDataRole.FontRole) is None
    SHOTS.mkdir(exist_ok=True)
    demo_window.grab().save(str(SHOTS / "home_investigator.png"))
    _activate(qtbot, table, 2, "double-click")
    section = demo_window.sections["signatures"]
    assert demo_window.stack.currentWidget() is section
    chosen = section.selected()
    assert (chosen.subject_id, chosen.visit_id) == (waiting[2].subject_id, waiting[2].visit_id)
    dialog = demo_window.findChild(SignDialog)  # "Double-click an item to sign it." (over the visit, read-only)
    assert dialog is not None and dialog.isVisible() and dialog.item == chosen
    dialog.reject()
    demo_window.show_section("home")
    qtbot.mouseClick(panels.sign_panel.list_button, Qt.MouseButton.LeftButton)
    assert demo_window.stack.currentWidget() is section


def test_refresh_button_rereads_the_panels(qtbot, demo_window, demo_db, signed_in) -> None:
    session, panels = signed_in("coordinator")
    visit_id = next(q for q in list_queries(demo_db) if q.field == "sledai.rash").record_id
    raise_query(demo_db, _actor(demo_db, "monitor"), subject_id="LN-02", table="visits", record_id=visit_id,
                field="c3_mg_dl", label="", text="C3 unit?")  # no event: another program, or a missed signal
    assert panels.open_panel.title() == "Open queries (4)"
    qtbot.mouseClick(demo_window.home.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panels.open_panel.title() == "Open queries (5)")
    assert "C3" in {_cells(panels.open_panel.table, r)[2] for r in range(5)}


def test_after_the_idle_sign_out_another_user_gets_their_panels(qtbot, demo_window, demo_db, signed_in) -> None:
    session, panels = signed_in("coordinator")
    assert panels.open_panel.isVisible() and not panels.answered_panel.isVisible()
    session.idle_timer.setInterval(50)
    session.idle_timer.start()
    qtbot.waitUntil(lambda: session.signed_out, timeout=5000)
    session.idle_timer.setInterval(15 * 60_000)  # no second sign-out while the test goes on
    assert not panels.isVisible()  # the window's content is hidden while signed out
    dialog = session.sign_in_dialog
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, "monitor")
    qtbot.keyClicks(dialog.password, "demo-monitor-2026")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panels.answered_panel.isVisible())
    assert not panels.open_panel.isVisible()
    assert panels.answered_panel.title() == "Answered — waiting for you to close (1)"


def test_queries_on_the_subject_record_open_registration_or_death_form(qtbot, demo_window, demo_db,
                                                                        signed_in) -> None:
    from models.subjects import get_subject
    from ui.subjects.dialog import SubjectDialog

    session, panels = signed_in("coordinator")
    pk = get_subject(demo_db, "LC-02").record_id
    monitor = _actor(demo_db, "monitor")
    for field, text in (("initials", "Initials differ from the consent form"), ("death_date", "Date of death?"),
                        ("weight_kg", "Unknown table")):
        raise_query(demo_db, monitor, subject_id="LC-02", table="subjects" if field != "weight_kg" else "nowhere",
                    record_id=pk, field=field, label="", text=text)
    demo_window.events.queries_changed.emit("LC-02")
    qtbot.waitUntil(lambda: panels.open_panel.title() == "Open queries (7)")
    table = panels.open_panel.table
    by_text = {_cells(table, r)[5]: r for r in range(table.model().rowCount())}
    assert _cells(table, by_text["Initials differ from the consent form"])[1] == "Registration"
    assert _cells(table, by_text["Date of death?"])[1:3] == ["death record", "Date of death"]
    assert _cells(table, by_text["Unknown table"])[1] == "(record deleted)"

    _activate(qtbot, table, by_text["Date of death?"], "enter")
    qtbot.waitUntil(lambda: len(_editors(RecordEditor)) == 1)
    death = _editors(RecordEditor)[0]
    assert death.spec.kind == "death" and death.subject_id == "LC-02"
    qtbot.waitUntil(lambda: death.notes.dialog is not None and death.notes.dialog.key == "death_date")
    death.notes.dialog.close()
    death.close()
    _activate(qtbot, table, by_text["Initials differ from the consent form"], "enter")
    qtbot.waitUntil(lambda: len(_editors(SubjectDialog)) == 1)
    registration = _editors(SubjectDialog)[0]
    assert registration.windowTitle() and "LC-02" in registration.windowTitle()
    registration.close()


def test_hidden_queries_section_keeps_its_count_and_rereads_when_shown(qtbot, demo_window, demo_db,
                                                                         signed_in) -> None:
    session, panels = signed_in("coordinator")
    section = demo_window.sections["queries"]
    nav = demo_window.nav.item(list(demo_window.sections).index("queries"))
    assert not section.isVisible() and demo_window.counts.count("queries") == 4
    assert nav.toolTip() == "4 open query(ies)"
    visit_id = next(q for q in list_queries(demo_db) if q.field == "sledai.rash").record_id
    new = raise_query(demo_db, _actor(demo_db, "monitor"), subject_id="LN-02", table="visits", record_id=visit_id,
                      field="pga", label="", text="PGA missing?")
    demo_window.events.queries_changed.emit("LN-02")
    assert demo_window.counts.count("queries") == 5 and section.stale
    assert new.query_id not in {q.query_id for q in section.queries}  # not re-read while hidden
    demo_window.show_section("queries")
    assert not section.stale and new.query_id in {q.query_id for q in section.queries}


def test_attaching_twice_keeps_one_set_of_panels(qtbot, demo_window, demo_db, signed_in) -> None:
    session, panels = signed_in("coordinator")
    again = attach_home_panels(demo_window, session)  # e.g. once attach_session adds them itself
    assert again is panels and [p for p in demo_window.home.panels if isinstance(p, HomePanels)] == [panels]
