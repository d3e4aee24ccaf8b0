"""The queries section: every query (open first) with its whole thread; the site answers, the monitor closes or
re-opens; "Open form" opens the record's form. Queries are raised (and values marked source-verified) in the
forms, at the field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.errors import DatabaseError, ValidationError
from models.queries import (
    ANSWERED,
    CLOSED,
    MAX_MESSAGE,
    OPEN,
    QueryInfo,
    answer_query,
    close_query,
    list_queries,
    reopen_query,
)
from models.security import Action, Actor, PermissionDenied
from models.signatures import local_time as local
from ui.trust.query_targets import field_label, open_query_form, query_places
from ui.widgets.heading import section_heading
from ui.widgets.rows_view import RowsView

_ORDER = {OPEN: 0, ANSWERED: 1, CLOSED: 2}


def thread_text(query: QueryInfo, place: str | None = None, label: str | None = None) -> str:
    """The thread as plain text: where it points, then who said what, when (local), and the status it moved to."""
    where = place or f"{query.table_name} #{query.record_id}"
    head = f"{query.subject_id} · {where} · {label or query.label or query.field} — {query.status}"
    lines = [head, ""]
    for message in query.messages:
        lines.append(f"{local(message.at_utc)}  {message.author} ({message.author_role}) → {message.status}")
        lines.append(f"    {message.text}")
    return "\n".join(lines)


class QueriesSection(QWidget):
    """Query list (open first), the selected thread, a reply box and the buttons the user's role allows."""

    def __init__(self, db: Database, session: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.session = db, session
        self.queries: list[QueryInfo] = []
        self.places: dict[int, str | None] = {}
        self.table = RowsView([self.tr("Status"), self.tr("Subject"), self.tr("Where"), self.tr("Field"),
                               self.tr("Raised by"), self.tr("Raised")], (2,), self)
        self.table.setObjectName("queryTable")
        self.table.selectionModel().selectionChanged.connect(self._show_thread)
        self.table.row_activated.connect(lambda _row: self.open_form())
        self.thread = QLabel("", self)
        self.thread.setObjectName("queryThread")
        self.thread.setWordWrap(True)
        self.thread.setTextFormat(Qt.TextFormat.PlainText)
        self.thread.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.thread.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.thread.setStyleSheet("QLabel { background: white; border: 1px solid #ccc; padding: 8px; }")
        self.reply = QPlainTextEdit(self)
        self.reply.setObjectName("queryReply")
        self.reply.setPlaceholderText(self.tr("Answer, closing note or reason for re-opening"))
        self.reply.setMaximumHeight(80)
        self.open_button = QPushButton(self.tr("Open form"), self)
        self.open_button.setObjectName("queryOpenForm")
        self.open_button.setToolTip(self.tr("Open the form of the record this query is about"))
        self.open_button.clicked.connect(self.open_form)
        self.answer_button = QPushButton(self.tr("Answer"), self)
        self.close_button = QPushButton(self.tr("Close query"), self)
        self.reopen_button = QPushButton(self.tr("Re-open"), self)
        self.message = QLabel("", self)
        self.message.setObjectName("queryMessage")
        self.message.setWordWrap(True)
        self.answer_button.clicked.connect(lambda: self._reply(answer_query))
        self.close_button.clicked.connect(lambda: self._reply(close_query))
        self.reopen_button.clicked.connect(lambda: self._reply(reopen_query))
        guidance = QLabel(self.tr("To raise a query or mark a value source-verified, open the form and use the "
                                  "field's ⚑ marker (or right-click the field)."), self)
        guidance.setObjectName("queryGuidance")
        guidance.setWordWrap(True)
        guidance.setStyleSheet("color: #5f6b7a;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.open_button)
        for button in (self.answer_button, self.reopen_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(section_heading(self.tr("Queries"), self.tr("Open queries wait for the site's answer."), self))
        layout.addWidget(self.table, 2)
        layout.addWidget(self.thread, 2)
        layout.addWidget(self.reply)
        layout.addLayout(buttons)
        layout.addWidget(guidance)
        events = getattr(parent, "events", None)
        self.stale = False
        if events is not None:  # a query raised in a form, or its record changed or deleted
            for signal in (events.queries_changed, events.visit_saved, events.log_saved):
                signal.connect(self._data_changed)
        self.refresh()

    def _data_changed(self, _subject_id: str) -> None:
        """Re-read now if shown; else when next shown (the navigation entry's count stays current)."""
        if self.isVisible():
            self.refresh()
            return
        self.stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def _actor(self) -> Actor | None:
        return getattr(self.session, "actor", None)

    def _main_window(self) -> QWidget | None:
        """The main window this section belongs to (None while it stands alone)."""
        window = self.window()
        return window if hasattr(window, "sections") and hasattr(window, "events") else None

    def refresh(self, select_id: int | None = None) -> None:
        """Re-read the queries; select `select_id`, else keep the selected query selected."""
        if select_id is None:
            current = self.selected()
            select_id = current.query_id if current is not None else None
        self.stale = False
        self.queries = sorted(list_queries(self.db), key=lambda q: (_ORDER.get(q.status, 3), -q.query_id))
        window = self._main_window()
        self.places = query_places(window, self.queries) if window is not None else {}
        statuses = {OPEN: self.tr("open"), ANSWERED: self.tr("answered"), CLOSED: self.tr("closed")}
        rows = []
        for query in self.queries:
            label = field_label(window, query) if window is not None else (query.label or query.field)
            place = self.places.get(query.query_id) or (self.tr("(record deleted)") if window is not None else "")
            rows.append((statuses.get(query.status, query.status), query.subject_id, place, label, query.raised_by,
                         local(query.raised_at_utc)))
        self.table.rows_model.set_rows(rows, bold={r for r, q in enumerate(self.queries) if q.status == OPEN})
        selected = next((row for row, q in enumerate(self.queries) if q.query_id == select_id), None)
        if selected is not None:
            self.table.selectRow(selected)
            self.table.scrollTo(self.table.rows_model.index(selected, 0))
        self._show_thread()
        if window is not None:  # the navigation's count of open queries follows
            window.refresh_counts()

    def selected(self) -> QueryInfo | None:
        row = self.table.selected_row()
        return self.queries[row] if row is not None else None

    def _show_thread(self) -> None:
        query, window = self.selected(), self._main_window()
        label = field_label(window, query) if query is not None and window is not None else None
        self.thread.setText(thread_text(query, self.places.get(query.query_id), label) if query else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        actor, query = self._actor(), self.selected()
        active = query is not None and query.status != CLOSED
        site = actor is not None and actor.can(Action.ANSWER_QUERY)
        monitor = actor is not None and actor.can(Action.RAISE_QUERY)
        self.answer_button.setEnabled(active and site)
        self.close_button.setEnabled(active and monitor)
        self.reopen_button.setEnabled(active and monitor and query.status != OPEN)
        self.reply.setPlaceholderText(self.tr("Closing note or reason for re-opening") if monitor and not site else
                                      self.tr("Your answer") if site and not monitor else
                                      self.tr("Answer, closing note or reason for re-opening"))
        self.open_button.setEnabled(query is not None and self._main_window() is not None
                                    and self.places.get(query.query_id) is not None)

    def open_form(self) -> None:
        """Open the form of the selected query's record (a message if the record is gone)."""
        query, window = self.selected(), self._main_window()
        if query is None or window is None:
            return
        if not open_query_form(window, query):
            self.message.setText(self.tr("The record of this query no longer exists; its thread is kept here."))

    def _reply(self, action) -> None:  # noqa: ANN001 - one of the models.queries reply functions
        query, actor = self.selected(), self._actor()
        if query is None or actor is None:
            return
        try:
            action(self.db, actor, query.query_id, self.reply.toPlainText()[:MAX_MESSAGE + 1],
                   expected_version=query.row_version)  # another PC's reply meanwhile: refused
        except (ValidationError, PermissionDenied, DatabaseError) as exc:
            self.message.setText("; ".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc))
            return  # what was typed stays
        self.reply.clear()
        self.message.setText("")
        self.refresh(select_id=query.query_id)
        window = self._main_window()
        if window is not None:
            window.events.queries_changed.emit(query.subject_id)
