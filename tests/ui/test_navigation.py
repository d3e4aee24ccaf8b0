"""The navigation: an icon per section and live counts (visits overdue, items to sign, open queries)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from models.demo_security import DEMO_ACCOUNTS
from models.queries import OPEN, list_queries, raise_query
from models.schedule_store import due_and_overdue
from models.signatures import MEANINGS, sign, to_sign
from models.users import authenticate
from ui.shell.navigation import COUNT_ROLE, URGENT
from ui.shell.session import attach_session

from .conftest import DEMO_AS_OF


def test_every_section_has_an_icon_and_the_counts_follow_the_data(qtbot, demo_window, demo_db) -> None:
    investigator = authenticate(demo_db, "investigator", DEMO_ACCOUNTS[2][3])
    session = attach_session(demo_window, investigator, demo=True)
    nav, counts = demo_window.nav, demo_window.counts
    assert all(not nav.item(row).icon().isNull() for row in range(nav.count()))
    assert counts.count("home") == len(due_and_overdue(demo_db, DEMO_AS_OF)[1])
    assert counts.count("signatures") == len(to_sign(demo_db)) > 0
    assert counts.count("queries") == len(list_queries(demo_db, statuses=(OPEN,))) == 4
    monitor = authenticate(demo_db, "monitor", DEMO_ACCOUNTS[3][3])
    query = list_queries(demo_db)[0]
    raise_query(demo_db, monitor, subject_id=query.subject_id, table=query.table_name, record_id=query.record_id,
                field="pga", label="", text="PGA?")
    demo_db.sign_in(investigator)
    demo_window.events.queries_changed.emit(query.subject_id)
    assert counts.count("queries") == 5
    item = to_sign(demo_db)[0]
    before = counts.count("signatures")
    sign(demo_db, investigator, DEMO_ACCOUNTS[2][3], subject_id=item.subject_id, visit_id=item.visit_id,
         meaning=MEANINGS[0])
    demo_window.refresh_counts()
    assert counts.count("signatures") == before - 1
    session.idle_timer.stop()


def test_a_count_is_drawn_as_a_badge(qtbot, demo_window, demo_db) -> None:
    session = attach_session(demo_window, authenticate(demo_db, "coordinator", DEMO_ACCOUNTS[1][3]), demo=True)
    nav = demo_window.nav
    row = list(demo_window.sections).index("queries")
    assert nav.item(row).data(COUNT_ROLE) == 4
    rect = nav.visualItemRect(nav.item(row))
    image = nav.viewport().grab(rect).toImage()
    urgent = QColor(URGENT)
    badge = [image.pixelColor(x, image.height() // 2) for x in range(image.width() - 40, image.width())]
    assert any(abs(c.red() - urgent.red()) < 20 and c.green() < 40 for c in badge)
    session.idle_timer.stop()


def test_sections_share_one_heading_style(qtbot, demo_window, demo_db) -> None:
    from PySide6.QtWidgets import QLabel

    session = attach_session(demo_window, authenticate(demo_db, "admin", DEMO_ACCOUNTS[0][3]), demo=True)
    home_title = demo_window.home.title.font()
    keys = ("subjects", "signatures", "queries", "audit", "backups", "users", "locks")
    for key in keys:
        title = demo_window.sections[key].findChild(QLabel, "sectionTitle")
        assert title is not None, key
        assert (title.font().pointSizeF(), title.font().bold()) == (home_title.pointSizeF(), home_title.bold()), key
    session.idle_timer.stop()
