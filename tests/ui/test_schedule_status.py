"""pytest-qt: the schedule follows the facts — giving infusion 1 offers, in one click, to mark a screening subject
enrolled (audited); a visit is done only when its visit form exists and a given infusion has its own line;
screening is not overdue before Day 0; the "No schedule yet" hint goes as soon as infusion 1 is planned; the
calendar shades weekends, marks Korean public holidays and colours each visit by its own status; a target date on
a weekend or holiday is flagged; holiday names are in the screens' language (English or Korean)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import holidays
import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from endpoints.visit_ladder import DUE
from models import schema as s
from models.database import Database, open_database
from models.schedule_store import InfusionInput, save_infusion
from models.status_store import load_study_status
from models.subjects import SubjectInput, get_subject, save_subject
from tests.ui.conftest import close_without_questions
from ui.drafts import DraftStore
from ui.schedule.calendar_day import DAY_ROLE, HOLIDAY_SHADE, WEEKEND_SHADE
from ui.schedule.feature import open_subject_visit
from ui.shell.i18n import install_translators
from ui.shell.main_window import MainWindow

CONSENT = date(2026, 8, 20)
PLANNED_D0 = date(2026, 9, 14)
TODAY = date(2026, 9, 21)  # a week after the planned Day 0: infusion 1 not given yet


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "study.sqlite3")
    save_subject(database, SubjectInput("LN-01", "S-001", "LN", "F", date(1990, 4, 2), CONSENT, "screening",
                                        initials="KM", weight_kg=58.0), user="setup", today=TODAY)
    yield database
    database.close()


@pytest.fixture
def window(qtbot, db: Database, tmp_path: Path) -> Iterator[MainWindow]:
    main = MainWindow(db, drafts=DraftStore(tmp_path / "drafts"), user="tester", today=lambda: TODAY)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    yield main
    close_without_questions(main)


def plan(db: Database, given: date | None = None) -> None:
    save_infusion(db, InfusionInput("LN-01", 1, planned_date=PLANNED_D0, date=given,
                                    weight_kg=58.0 if given else None, weight_date=given,
                                    completion="full" if given else None), user="setup", today=TODAY)


def rows(tab) -> dict[str, list[str]]:
    return {tab.table.item(r, 0).text(): [tab.table.item(r, c).text() for c in range(tab.table.columnCount())]
            for r in range(tab.table.rowCount())}


def test_the_hint_goes_as_soon_as_infusion_1_is_planned(qtbot, window: MainWindow, db: Database) -> None:
    window.open_subject("LN-01")
    tab = window.subjects.subject_page.schedule_tab
    assert tab.output_label.text() == "No schedule yet: plan infusion 1 (Day 0)."
    plan(db)
    window.events.schedule_changed.emit("LN-01")
    assert tab.output_label.text() == "" and tab.table.rowCount() == 15


def test_screening_is_not_overdue_before_day_0(qtbot, window: MainWindow, db: Database) -> None:
    plan(db)  # planned Day 0 a week ago, not given: screening's window "closed" the day before it
    tab = open_subject_visit(window, "LN-01", "SCR")
    assert rows(tab)["SCR"][5] == "Due"
    [status] = load_study_status(db, TODAY, ["LN-01"])
    assert status.cell("SCR").status == DUE
    assert not any(r.startswith("LN-01 SCR") for r in (window.home.overdue_table.item(i, 2).text()
                                                        for i in range(window.home.overdue_table.rowCount())))


def test_infusion_1_offers_enrolment_in_one_click(qtbot, window: MainWindow, db: Database) -> None:
    plan(db)
    tab = open_subject_visit(window, "LN-01", "D0")
    assert not tab.enrol_offer.isVisible()  # planned only
    plan(db, given=PLANNED_D0 + timedelta(days=2))
    window.events.schedule_changed.emit("LN-01")
    tab = window.subjects.subject_page.schedule_tab
    assert tab.enrol_offer.isVisible() and "2026-09-16" in tab.enrol_offer.label.text()
    qtbot.mouseClick(tab.enrol_offer.button, Qt.MouseButton.LeftButton)
    record = get_subject(db, "LN-01")
    assert record.status == "enrolled"
    assert record.history[-1].status == "enrolled" and record.history[-1].status_date == date(2026, 9, 16)
    assert "Infusion 1 given on 2026-09-16" in (record.history[-1].reason or "")
    with db.read() as session:
        audit = session.scalars(select(s.AuditEntry).where(s.AuditEntry.subject_id == "LN-01")
                                .order_by(s.AuditEntry.id.desc())).first()
    assert audit is not None and audit.user == "tester" and "Infusion 1 given" in (audit.reason or "")
    page = window.subjects.subject_page
    assert not page.schedule_tab.enrol_offer.isVisible()  # no longer applies: gone at once
    assert page.record.status == "enrolled"


def test_an_infusion_given_is_not_a_visit_done(qtbot, window: MainWindow, db: Database) -> None:
    plan(db, given=PLANNED_D0)
    tab = open_subject_visit(window, "LN-01", "D0")
    table = rows(tab)
    assert table["INF1"][4] == PLANNED_D0.isoformat() and table["INF1"][5] == "Infusion given in full"
    assert table["D0"][4] == "" and table["D0"][5] == "Visit form not entered"
    codes = [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]
    assert codes.index("INF1") == codes.index("D0") - 1
    tab.table.selectRow(codes.index("INF1"))
    assert tab.open_row().__class__.__name__ == "InfusionDialog"
    tab.dialog.reject()


def test_a_target_on_a_weekend_or_holiday_is_flagged(qtbot, window: MainWindow, db: Database) -> None:
    plan(db, given=PLANNED_D0)
    tab = open_subject_visit(window, "LN-01", "D0")
    table = rows(tab)
    korean = holidays.country_holidays("KR", years=range(2026, 2032), language="en_US")
    flags = 0
    for code, row in table.items():
        if code.startswith("INF") or row[4]:
            continue  # infusion lines and visits done carry no flag
        day = date.fromisoformat(row[2][:10])
        closed = day.weekday() >= 5 or day in korean
        assert ("⚑" in row[2]) == closed, code
        if day in korean:
            assert korean[day] in row[2]
        flags += closed
    assert flags >= 1  # 2027-03-01, Independence Movement Day, is W24's target here


def test_calendar_shades_weekends_and_marks_holidays(qtbot, window: MainWindow, db: Database) -> None:
    plan(db, given=PLANNED_D0)
    window.show_section("calendar")
    calendar = window.section("calendar")
    calendar.show_month(date(2026, 9, 1))
    qtbot.wait(50)
    cells = {calendar.grid.item(r, c).data(DAY_ROLE).day: (r, c) for r in range(6) for c in range(7)}
    chuseok, saturday, monday = date(2026, 9, 25), date(2026, 9, 12), date(2026, 9, 14)
    assert calendar.grid.item(*cells[chuseok]).data(DAY_ROLE).holiday == "Chuseok"
    assert "Chuseok" in calendar.grid.item(*cells[chuseok]).text()
    assert calendar.grid.item(*cells[saturday]).data(DAY_ROLE).weekend
    image = calendar.grid.viewport().grab().toImage()

    def colour(day: date) -> str:
        rect = calendar.grid.visualItemRect(calendar.grid.item(*cells[day]))
        return QColor(image.pixel(rect.right() - 3, rect.bottom() - 3)).name()

    assert colour(saturday) == WEEKEND_SHADE and colour(chuseok) == HOLIDAY_SHADE
    assert colour(monday) not in (WEEKEND_SHADE, HOLIDAY_SHADE)
    d3, w1 = date(2026, 9, 17), date(2026, 9, 21)  # D3 overdue, W1 due (today)
    assert calendar.grid.item(*cells[d3]).data(DAY_ROLE).lines == (("LN-01 D3", "overdue"),)
    assert calendar.grid.item(*cells[w1]).data(DAY_ROLE).lines == (("LN-01 W1", "due"),)
    assert colour(d3) == "#ffffff"  # the day keeps its shade; only the overdue visit's line is red
    assert calendar.findChild(type(calendar), "calendarSection") is None  # the legend is a child, not a section
    assert calendar.findChild(object, "calendarLegend") is not None


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    install_translators(qapp, "ko")
    yield
    install_translators(qapp, "en")
    QLocale.setDefault(before)


def test_holiday_names_are_korean_on_korean_screens(qtbot, korean: None, db: Database, tmp_path: Path) -> None:
    plan(db, given=PLANNED_D0)
    main = MainWindow(db, drafts=DraftStore(tmp_path / "drafts"), user="tester", today=lambda: TODAY)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    try:
        main.show_section("calendar")
        calendar = main.section("calendar")
        calendar.show_month(date(2026, 9, 1))
        cells = {calendar.grid.item(r, c).data(DAY_ROLE).day: (r, c) for r in range(6) for c in range(7)}
        chuseok = calendar.grid.item(*cells[date(2026, 9, 25)])
        assert chuseok.data(DAY_ROLE).holiday == "추석" and "추석" in chuseok.text()
        tab = open_subject_visit(main, "LN-01", "D0")
        w24 = rows(tab)["W24"][2]
        assert w24.startswith("2027-03-01") and "⚑ 삼일절" in w24  # Independence Movement Day
    finally:
        close_without_questions(main)
