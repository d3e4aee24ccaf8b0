"""Role-aware panels on the home screen, added after sign-in: open queries for the site (coordinators and
investigators), answered queries waiting for the monitor to close them, and the investigator's to-sign list.

    attach_home_panels(window, session)   # after ui.shell.session.attach_session

Activating a query (double-click or Enter) opens the form of its record (ui.trust.query_targets); a to-sign item
opens the "To sign" section at that item. The panels follow data changes (DataEvents) and the signed-in user.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.queries import ANSWERED, OPEN, QueryInfo, list_queries
from models.security import Action, Actor
from models.signatures import ToSign, local_time, to_sign
from ui.trust.query_targets import field_label, go_to_query, query_places
from ui.widgets.rows_view import RowsView

if TYPE_CHECKING:
    from ui.host import Host

MESSAGE_TIP_CHARS = 600


def raised_on(query: QueryInfo) -> dt.date:
    """The local calendar date the query was raised."""
    return dt.datetime.fromisoformat(query.raised_at_utc.replace("Z", "+00:00")).astimezone().date()


def first_line(text: str) -> str:
    """The first non-empty line of a message (the table elides it to the column's width)."""
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


class QueryPanel(QGroupBox):
    """A titled list of queries: subject, where, field, raised by, days open, the latest message."""

    query_activated = Signal(object)  # QueryInfo

    def __init__(self, window: Host, status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_, self.status = window, status
        self.queries: list[QueryInfo] = []
        self.places: dict[int, str | None] = {}
        who = self.tr("Raised by") if status == OPEN else self.tr("Answered by")
        self.table = RowsView([self.tr("Subject"), self.tr("Where"), self.tr("Field"), who, self.tr("Days open"),
                               self.tr("Latest message")], (1, 5), self)
        self.table.setObjectName(f"{status}QueriesTable")
        self.table.row_activated.connect(lambda row: self.query_activated.emit(self.queries[row]))
        self.empty = QLabel(self)
        self.empty.setStyleSheet("color: #5f6b7a;")
        self.open_button = QPushButton(self.tr("Open form"), self)
        self.open_button.setObjectName(f"{status}OpenForm")
        self.open_button.clicked.connect(self._open_selected)
        self.table.selectionModel().selectionChanged.connect(
            lambda: self.open_button.setEnabled(self.table.selected_row() is not None))
        hint = QLabel(self.tr("Double-click a query (or press Enter) to open its form."), self)
        hint.setStyleSheet("color: #5f6b7a;")
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addStretch(1)
        layout.addLayout(bottom)

    def title_text(self, count: int) -> str:
        if self.status == OPEN:
            return self.tr("Open queries ({0})").format(count)
        return self.tr("Answered — waiting for you to close ({0})").format(count)

    def set_queries(self, queries: list[QueryInfo], places: dict[int, str | None], today: dt.date) -> None:
        self.queries = sorted(queries, key=lambda q: (q.raised_at_utc, q.query_id))  # longest open first
        self.places = places
        rows, tips = [], {}
        for r, query in enumerate(self.queries):
            latest = query.messages[-1] if query.messages else None
            place = places.get(query.query_id) or self.tr("(record deleted)")
            days = max(0, (today - raised_on(query)).days)
            who = query.raised_by if self.status == OPEN or latest is None else latest.author
            rows.append((query.subject_id, place, field_label(self.window_, query), who, str(days),
                         first_line(latest.text) if latest else ""))
            if latest is not None:
                tips[(r, 5)] = self.tr("{0}, {1}:\n{2}").format(latest.author, local_time(latest.at_utc),
                                                                latest.text[:MESSAGE_TIP_CHARS])
        self.table.rows_model.set_rows(rows, tips)
        self.table.fit_rows()
        self.setTitle(self.title_text(len(self.queries)))
        self.table.setVisible(bool(self.queries))
        self.empty.setVisible(not self.queries)
        self.empty.setText(self.tr("No open queries.") if self.status == OPEN else
                           self.tr("No answered queries waiting to be closed."))
        self.open_button.setEnabled(self.table.selected_row() is not None)

    def _open_selected(self) -> None:
        row = self.table.selected_row()
        if row is not None:
            self.query_activated.emit(self.queries[row])


class ToSignPanel(QGroupBox):
    """The investigator's visits and casebooks without a signature in force (changed after signing first)."""

    item_activated = Signal(object)  # ToSign

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[ToSign] = []
        self.table = RowsView([self.tr("Subject"), self.tr("Visit"), self.tr("Why")], (2,), self)
        self.table.setObjectName("homeToSignTable")
        self.table.row_activated.connect(lambda row: self.item_activated.emit(self.items[row]))
        self.list_button = QPushButton(self.tr("Open the to-sign list"), self)
        self.list_button.setObjectName("openToSign")
        self.list_button.clicked.connect(lambda: self.item_activated.emit(None))
        hint = QLabel(self.tr("Double-click an item to sign it."), self)
        hint.setStyleSheet("color: #5f6b7a;")
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.list_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addStretch(1)
        layout.addLayout(bottom)

    def set_items(self, items: list[ToSign]) -> None:
        self.items = items
        rows = []
        for item in items:
            what = f"{item.visit_code} {item.visit_date or ''}".strip() if item.visit_id is not None \
                else self.tr("Casebook")
            why = self.tr("Sign again") if item.previously_signed else self.tr("Not signed")
            rows.append((item.subject_id, what, why))
        self.table.rows_model.set_rows(rows, bold={r for r, item in enumerate(items) if item.previously_signed})
        self.table.fit_rows()
        self.setTitle(self.tr("Waiting for your signature ({0})").format(len(items)))


class HomePanels(QWidget):
    """The panels the signed-in user's role calls for, side by side; hidden when there are none."""

    def __init__(self, window: Host, session: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_, self.session = window, session
        self.setObjectName("homePanels")
        self.open_panel = QueryPanel(window, OPEN, self)
        self.answered_panel = QueryPanel(window, ANSWERED, self)
        self.sign_panel = ToSignPanel(self)
        self.open_panel.query_activated.connect(self.open_query)
        self.answered_panel.query_activated.connect(self.open_query)
        self.sign_panel.item_activated.connect(self.show_to_sign)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.open_panel, 2)
        layout.addWidget(self.answered_panel, 2)
        layout.addWidget(self.sign_panel, 1)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(0)
        self.refresh_timer.timeout.connect(self.refresh)

    def actor(self) -> Actor | None:
        return getattr(self.session, "actor", None)

    def schedule_refresh(self, *_args: object) -> None:
        """Data changed: refresh once control returns to the event loop (several signals, one read). While the
        home screen is hidden nothing is read: it refreshes when shown."""
        if self.window_.home.isVisible():
            self.refresh_timer.start()

    def refresh(self) -> None:
        """Re-read the lists for the signed-in user's role and show only the panels that role uses."""
        actor = self.actor()
        site = actor is not None and actor.can(Action.ANSWER_QUERY)
        monitor = actor is not None and actor.can(Action.RAISE_QUERY)
        signer = actor is not None and actor.can(Action.SIGN)
        statuses = ((OPEN,) if site else ()) + ((ANSWERED,) if monitor else ())
        queries = list_queries(self.window_.db, statuses=statuses) if statuses else []
        places = query_places(self.window_, queries) if queries else {}
        today = self.window_.today()
        for panel, shown in ((self.open_panel, site), (self.answered_panel, monitor)):
            panel.setVisible(shown)
            panel.set_queries([q for q in queries if q.status == panel.status], places, today)
        self.sign_panel.setVisible(signer)
        self.sign_panel.set_items(to_sign(self.window_.db) if signer else [])
        self.setVisible(site or monitor or signer)

    def open_query(self, query: QueryInfo) -> None:
        """The record's form (the Queries section when the record is gone)."""
        go_to_query(self.window_, query)

    def show_to_sign(self, item: ToSign | None) -> None:
        """The "To sign" section; with `item`, selected there and its signing dialog opened."""
        section = self.window_.sections.get("signatures")
        if section is None:
            return
        self.window_.show_section("signatures")
        section.refresh()
        if item is None:
            return
        for row, listed in enumerate(section.items):
            if (listed.subject_id, listed.visit_id) == (item.subject_id, item.visit_id):
                section.table.selectRow(row)
                section.table.scrollTo(section.table.rows_model.index(row, 0))
                section.sign_selected()  # as the panel's hint says: double-click an item to sign it
                return


def attach_home_panels(window: Host, session: object) -> HomePanels:
    """Add the role-aware panels to the home section; they follow data changes and the signed-in user. Called
    again (a new session on the same window), it re-uses the panels already there."""
    existing = next((p for p in window.home.panels if isinstance(p, HomePanels)), None)
    if existing is not None:
        existing.session = session
        existing.refresh()
        return existing
    panels = HomePanels(window, session, window.home)
    window.home.add_panel(panels, 0)
    events = window.events
    window.home.refresh_requested.connect(panels.refresh_timer.start)  # also after signing in again as another user
    for signal in (events.queries_changed, events.visit_saved, events.log_saved, events.subject_saved,
                   events.schedule_changed):
        signal.connect(panels.schedule_refresh)
    panels.refresh()
    return panels
