"""The queries section: the monitor raises a query on a visit field, the site answers, the monitor closes or
re-opens it; each query's whole thread is shown. Coordinators see the open queries first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from models.database import Database
from models.errors import ValidationError
from models.queries import (
    CLOSED,
    MAX_MESSAGE,
    OPEN,
    QueryInfo,
    answer_query,
    close_query,
    list_queries,
    mark_verified,
    raise_query,
    reopen_query,
)
from models.schema import Subject, Visit
from models.security import Action, Actor, PermissionDenied
from models.signatures import local_time as local

VISIT_FIELDS = ("date", "weight_kg", "systolic_bp_mmhg", "diastolic_bp_mmhg", "pulse_bpm", "temperature_c",
                "pga_tenths", "comment")
_ORDER = {OPEN: 0, "answered": 1, CLOSED: 2}


def thread_text(query: QueryInfo) -> str:
    """The thread as plain text: who said what, when (local), and the status it moved to."""
    head = f"{query.subject_id} · {query.label} ({query.table_name} #{query.record_id}, {query.field}) — {query.status}"
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
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("queryTable")
        self.table.setHorizontalHeaderLabels([self.tr("Status"), self.tr("Subject"), self.tr("Field"),
                                              self.tr("Raised by"), self.tr("Raised")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._show_thread)
        self.thread = QLabel("", self)
        self.thread.setObjectName("queryThread")
        self.thread.setWordWrap(True)
        self.thread.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.thread.setStyleSheet("QLabel { background: white; border: 1px solid #ccc; padding: 8px; }")
        self.reply = QPlainTextEdit(self)
        self.reply.setObjectName("queryReply")
        self.reply.setPlaceholderText(self.tr("Question, answer or closing note"))
        self.reply.setMaximumHeight(80)
        self.answer_button = QPushButton(self.tr("Answer"), self)
        self.close_button = QPushButton(self.tr("Close query"), self)
        self.reopen_button = QPushButton(self.tr("Re-open"), self)
        self.raise_button = QPushButton(self.tr("Raise query on visit field..."), self)
        self.verify_button = QPushButton(self.tr("Mark source-verified"), self)
        self.verify_button.setObjectName("sdvButton")
        self.verify_button.clicked.connect(self.mark_source_verified)
        self.visit_choice = QComboBox(self)
        self.visit_choice.setObjectName("queryVisit")
        self.field_choice = QComboBox(self)
        self.field_choice.addItems(VISIT_FIELDS)
        self.message = QLabel("", self)
        self.message.setObjectName("queryMessage")
        self.message.setWordWrap(True)
        self.answer_button.clicked.connect(lambda: self._reply(answer_query))
        self.close_button.clicked.connect(lambda: self._reply(close_query))
        self.reopen_button.clicked.connect(lambda: self._reply(reopen_query))
        self.raise_button.clicked.connect(self.raise_new)
        raise_row = QHBoxLayout()
        raise_row.addWidget(QLabel(self.tr("Visit"), self))
        raise_row.addWidget(self.visit_choice, 1)
        raise_row.addWidget(QLabel(self.tr("Field"), self))
        raise_row.addWidget(self.field_choice)
        raise_row.addWidget(self.raise_button)
        raise_row.addWidget(self.verify_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for button in (self.answer_button, self.reopen_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>Queries</b> — open queries wait for the site's answer."), self))
        layout.addWidget(self.table, 2)
        layout.addWidget(self.thread, 2)
        layout.addWidget(self.reply)
        layout.addLayout(buttons)
        layout.addLayout(raise_row)
        self.refresh()

    def _actor(self) -> Actor | None:
        return getattr(self.session, "actor", None)

    def refresh(self, select_id: int | None = None) -> None:
        self.queries = sorted(list_queries(self.db), key=lambda q: (_ORDER.get(q.status, 3), -q.query_id))
        self.table.setRowCount(len(self.queries))
        for row, query in enumerate(self.queries):
            for column, text in enumerate((query.status, query.subject_id, query.label, query.raised_by,
                                           local(query.raised_at_utc))):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if query.query_id == select_id:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        waiting = sum(q.status == OPEN for q in self.queries)
        self.open_count_changed(waiting)
        self._load_visits()
        self._update_buttons()

    def open_count_changed(self, waiting: int) -> None:
        """Show the number of open queries on the section's navigation entry ("Queries (2 open)")."""
        window = self.window()
        sections = getattr(window, "sections", {})
        if "queries" in sections and sections["queries"] is self:
            row = list(sections).index("queries")
            text = self.tr("Queries ({0} open)").format(waiting) if waiting else self.tr("Queries")
            window.nav.item(row).setText(text)

    def mark_source_verified(self) -> None:
        """The monitor marks the chosen visit field's current value as checked against the source."""
        actor, choice = self._actor(), self.visit_choice.currentData()
        if actor is None or choice is None:
            return
        subject_id, visit_id, code = choice
        field = self.field_choice.currentText()
        with self.db.read() as session:
            value = getattr(session.get(Visit, visit_id), field, None)
        try:
            mark_verified(self.db, actor, subject_id=subject_id, table="visits", record_id=visit_id, field=field,
                          value_text=None if value is None else str(value))
        except PermissionDenied as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("{0} {1} {2} = {3}: source-verified (cleared if the value changes).")
                             .format(subject_id, code, field, value))

    def _load_visits(self) -> None:
        self.visit_choice.clear()
        with self.db.read() as session:
            for subject_id, visit_id, code, date in session.execute(
                    select(Subject.subject_id, Visit.id, Visit.code, Visit.date).join(Visit)
                    .where(Visit.date.is_not(None)).order_by(Subject.subject_id, Visit.date)):
                self.visit_choice.addItem(f"{subject_id} {code} ({date.isoformat()})", (subject_id, visit_id, code))

    def selected(self) -> QueryInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.queries[rows[0].row()] if rows else None

    def _show_thread(self) -> None:
        query = self.selected()
        self.thread.setText(thread_text(query) if query else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        actor, query = self._actor(), self.selected()
        active = query is not None and query.status != CLOSED
        site = actor is not None and actor.can(Action.ANSWER_QUERY)
        monitor = actor is not None and actor.can(Action.RAISE_QUERY)
        self.answer_button.setEnabled(active and site)
        self.close_button.setEnabled(active and monitor)
        self.reopen_button.setEnabled(active and monitor and query.status != OPEN)
        self.raise_button.setEnabled(monitor)
        self.verify_button.setEnabled(actor is not None and actor.can(Action.VERIFY_SOURCE))

    def _reply(self, action) -> None:  # noqa: ANN001 - one of the models.queries reply functions
        query, actor = self.selected(), self._actor()
        if query is None or actor is None:
            return
        try:
            action(self.db, actor, query.query_id, self.reply.toPlainText()[:MAX_MESSAGE + 1])
        except (ValidationError, PermissionDenied) as exc:
            self.message.setText("; ".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc))
            return
        self.reply.clear()
        self.message.setText("")
        self.refresh(select_id=query.query_id)

    def raise_new(self) -> None:
        actor, choice = self._actor(), self.visit_choice.currentData()
        if actor is None or choice is None:
            return
        subject_id, visit_id, code = choice
        field = self.field_choice.currentText()
        try:
            query = raise_query(self.db, actor, subject_id=subject_id, table="visits", record_id=visit_id,
                                field=field, label=f"{code} {field}", text=self.reply.toPlainText()[:MAX_MESSAGE + 1])
        except (ValidationError, PermissionDenied) as exc:
            self.message.setText("; ".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc))
            return
        self.reply.clear()
        self.refresh(select_id=query.query_id)
