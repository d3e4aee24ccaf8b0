"""Queries and source-data verification beside each field of a saved record's form.

A field with something attached shows a compact marker beside it ("⚑ Query open", "⚑ Answered", "⚑ Closed",
"✓ SDV <user> <date>": an icon and a word, never colour alone). The field being typed in or pointed at shows a
small ⚑ button in the same place. Clicking either, pressing Ctrl+Q in the field, or right-clicking its label or
input opens the field's window (not blocking the form, so the value can be corrected while the query is read):
its threads, its change history from the audit trail (old → new, who, when, why; local times) and the actions
the signed-in role allows (monitor: raise, close, re-open, mark source-verified with the saved value; coordinator
and investigator: answer). The markers of a form are loaded with one read (models.queries.record_notes).

    notes = FieldNotes(form, db, events, "LN-01", "visits", 12, anchors, "W4", saved_value)
    notes.load()
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.errors import DatabaseError, ValidationError
from models.field_history import FieldChange, field_history
from models.queries import (
    ANSWERED,
    CLOSED,
    MAX_MESSAGE,
    OPEN,
    FieldNote,
    QueryInfo,
    answer_query,
    close_query,
    mark_verified,
    raise_query,
    record_notes,
    reopen_query,
)
from models.security import Action, Actor, PermissionDenied
from models.signatures import local_time
from ui.entry.sections.base import FieldAnchor
from ui.widgets.windows import fit_to_screen

COLOURS = {OPEN: "#b00020", ANSWERED: "#8a5a00", CLOSED: "#555555", "sdv": "#1b7d2f"}
STATUS_WORDS = {OPEN: "open", ANSWERED: "answered", CLOSED: "closed"}


def _colour(button: QWidget, colour: str) -> None:
    palette = button.palette()
    for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(role, QColor(colour))
    button.setPalette(palette)


def local_date(at_utc: str) -> str:
    """The local calendar date (YYYY-MM-DD) of a stored UTC timestamp."""
    return local_time(at_utc)[:10]


QUERY_WORDS = {OPEN: ("⚑ Query open", "⚑ {0} queries open"), ANSWERED: ("⚑ Answered", "⚑ {0} answered"),
               CLOSED: ("⚑ Closed", "⚑ {0} closed")}  # open first, then answered, then closed


def query_word(note: FieldNote) -> tuple[str, str] | None:
    """The query part of a field's marker and its status (open first, then answered, then closed), or None."""
    for status, (one, many) in QUERY_WORDS.items():
        count = note.count(status)
        if count:
            return (QToolButton.tr(one) if count == 1 else QToolButton.tr(many).format(count)), status
    return None


def sdv_word(note: FieldNote) -> str | None:
    """"✓ SDV <user> <YYYY-MM-DD>" when the field is source-verified."""
    if note.sdv is None:
        return None
    return f"✓ SDV {note.sdv.verified_by} {local_date(note.sdv.verified_at_utc)}"


def history_html(changes: list[FieldChange]) -> str:
    """The field's changes, newest first: local time, who, old → new (or "entered"), the reason."""
    if not changes:
        return "<p>" + html.escape(QLabel.tr("No recorded changes.")) + "</p>"
    parts = []
    for change in reversed(changes):
        what = f"{html.escape(change.part)}: " if change.part else ""
        if change.old_value is None:
            value = QLabel.tr("entered {0}").format(html.escape(change.new_value or "—"))
        else:
            value = f"{html.escape(change.old_value or '—')} → {html.escape(change.new_value or '—')}"
        reason = f"<br><i>{html.escape(change.reason)}</i>" if change.reason else ""
        parts.append(f"<p><b>{html.escape(local_time(change.at_utc))}</b> — {html.escape(change.user)}: "
                     f"{what}{value}{reason}</p>")
    return "".join(parts)


def thread_html(query: QueryInfo) -> str:
    """One query's thread: who wrote what, when (local time), and the status it moved to."""
    parts = [f"<p><b>{html.escape(query.label)}</b> — {STATUS_WORDS.get(query.status, query.status)}</p>"]
    for message in query.messages:
        text = html.escape(message.text).replace("\n", "<br>")
        parts.append(f"<p><b>{html.escape(local_time(message.at_utc))}</b> — {html.escape(message.author)} "
                     f"({html.escape(message.author_role)}) → {message.status}<br>{text}</p>")
    return "".join(parts)


class FieldMarker(QWidget):
    """Beside a field: its query status and its SDV mark, each a flat button that opens the field's dialog."""

    def __init__(self, key: str, opener: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"fieldMarker_{key}")
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)  # never squeezed into "…"
        self.query = QToolButton(self)
        self.query.setObjectName("queryMarker")
        self.sdv = QToolButton(self)
        self.sdv.setObjectName("sdvMarker")
        layout = QVBoxLayout(self)  # stacked: the form's value columns keep their width
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for button in (self.query, self.sdv):
            button.setAutoRaise(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _checked=False: opener(key))
            layout.addWidget(button)

    def show_note(self, note: FieldNote) -> None:
        word = query_word(note)
        self.query.setVisible(word is not None)
        if word is not None:
            self.query.setText(word[0])
            _colour(self.query, COLOURS[word[1]])
            latest = note.queries[0].messages[-1] if note.queries[0].messages else None
            self.query.setToolTip(self.tr("Latest: {0} — {1}").format(latest.author, latest.text[:200])
                                  if latest else "")
        sdv = sdv_word(note)
        self.sdv.setVisible(sdv is not None)
        if sdv is not None and note.sdv is not None:
            self.sdv.setText(sdv)
            _colour(self.sdv, COLOURS["sdv"])
            self.sdv.setToolTip(self.tr("Source-verified by {0} on {1}; value then: {2}. Cleared when the value "
                                        "changes.").format(note.sdv.verified_by, local_time(note.sdv.verified_at_utc),
                                                           note.sdv.value_text or "—"))
        self.setVisible(word is not None or sdv is not None)


class _ContextMenu(QObject):
    """Right-click on a field's label or input: its usual menu plus "Queries and source verification…"."""

    def __init__(self, notes: FieldNotes) -> None:
        super().__init__(notes)
        self.notes = notes
        self.keys: dict[QObject, tuple[str, QWidget]] = {}

    def watch(self, widget: QWidget, key: str) -> None:
        target = widget.viewport() if isinstance(widget, QPlainTextEdit) else widget
        self.keys[target] = (key, widget)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.ContextMenu or watched not in self.keys:
            return False
        assert isinstance(event, QContextMenuEvent)
        key, widget = self.keys[watched]
        menu = widget.createStandardContextMenu() if isinstance(widget, (QLineEdit, QPlainTextEdit)) \
            else QMenu(widget)
        if not menu.isEmpty():
            menu.addSeparator()
        action = menu.addAction(self.tr("Queries and source verification of “{0}”…").format(
            self.notes.anchors[key].title))
        action.setObjectName("fieldNotesAction")
        action.triggered.connect(lambda: self.notes.open_field(key))
        menu.exec(event.globalPos())
        menu.deleteLater()
        return True


class _Flag(QObject):
    """The ⚑ button shown in the marker cell of the field being typed in or pointed at (when that field has no
    marker of its own there)."""

    def __init__(self, notes: FieldNotes) -> None:
        super().__init__(notes)
        self.notes = notes
        self.key: str | None = None
        self.grid: QGridLayout | None = None
        self.button = QToolButton(notes.form)  # moves into the grid of the field it stands beside
        self.button.setObjectName("queryFlag")
        self.button.setText("⚑")
        self.button.setAutoRaise(True)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.setToolTip(self.tr("Queries, source verification and change history of this field (Ctrl+Q)"))
        self.button.clicked.connect(self._clicked)
        self.button.hide()

    def watch(self, widget: QWidget, key: str) -> None:
        widget.setProperty("fieldKey", key)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.Enter):
            key = watched.property("fieldKey")
            if isinstance(key, str):
                self.show_at(key)
        return False

    def show_at(self, key: str) -> None:
        """Put the flag beside this field (hidden where the field's own marker already stands)."""
        anchor = self.notes.anchors[key]
        self.key = key
        marker = self.notes.markers.get(key)
        if marker is not None and not marker.isHidden():
            self.button.hide()
            return
        if self.grid is not None and self.grid is not anchor.grid:
            self.grid.removeWidget(self.button)
        anchor.grid.addWidget(self.button, anchor.row, anchor.column,
                              Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.grid = anchor.grid
        self.button.show()

    def _clicked(self) -> None:
        if self.key is not None:
            self.notes.open_field(self.key)


class FieldNotes(QObject):
    """The markers and per-field dialogs of one saved record's form."""

    def __init__(self, form: QWidget, db: Database, events: QObject | None, subject_id: str, table: str,
                 record_id: int, anchors: dict[str, FieldAnchor], place: str,
                 saved_value: Callable[[str], str]) -> None:
        super().__init__(form)
        self.form, self.db, self.events = form, db, events
        self.subject_id, self.table, self.record_id, self.place = subject_id, table, record_id, place
        self.anchors, self.saved_value = anchors, saved_value
        self.notes: dict[str, FieldNote] = {}
        self.markers: dict[str, FieldMarker] = {}
        self.dialog: FieldNotesDialog | None = None
        self.menu = _ContextMenu(self)
        self.flag = _Flag(self)
        for key, anchor in anchors.items():
            for widget in (anchor.label, *anchor.inputs):
                if widget is not None:
                    self.menu.watch(widget, key)
                    self.flag.watch(widget, key)
        if events is not None and hasattr(events, "queries_changed"):
            events.queries_changed.connect(self._changed_elsewhere)

    @property
    def actor(self) -> Actor | None:
        return self.db.signed_in

    def load(self) -> None:
        """Read the record's queries and SDV marks (one read) and show a marker beside each field that has one."""
        self.notes = record_notes(self.db, self.table, self.record_id)
        for key in self.notes:
            if key in self.anchors and key not in self.markers:
                anchor = self.anchors[key]
                marker = FieldMarker(key, self.open_field)
                anchor.grid.addWidget(marker, anchor.row, anchor.column)
                self.markers[key] = marker
        for key, marker in self.markers.items():
            marker.show_note(self.notes.get(key, FieldNote()))
        if self.flag.key is not None:
            self.flag.show_at(self.flag.key)
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.refresh()

    def _changed_elsewhere(self, subject_id: str) -> None:
        if subject_id == self.subject_id:
            self.load()

    def note(self, key: str) -> FieldNote:
        return self.notes.get(key, FieldNote())

    def label(self, key: str) -> str:
        """How a query names the field: the record's place and the field's title ("W4 Haemoglobin")."""
        return f"{self.place} {self.anchors[key].title}".strip()

    def key_of(self, widget: QWidget | None) -> str | None:
        """The field whose input (or label) is `widget` or contains it, else the field the flag stands at."""
        while widget is not None:
            for key, anchor in self.anchors.items():
                if widget in anchor.inputs or widget is anchor.label:
                    return key
            widget = widget.parentWidget()
        return self.flag.key

    def open_field(self, key: str) -> FieldNotesDialog:
        """The field's window, beside the form and not blocking it (one at a time per form)."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = FieldNotesDialog(self, key, self.form)
        self.dialog.setModal(False)
        self.dialog.show()
        return self.dialog

    def changed(self) -> None:
        """After an action: reload the markers and tell the rest of the app (home screen, Queries section)."""
        if self.events is not None and hasattr(self.events, "queries_changed"):
            self.events.queries_changed.emit(self.subject_id)  # reloads this form's markers too
        else:
            self.load()


class FieldNotesDialog(QDialog):
    """One field's queries (threads), its SDV mark, and the actions the signed-in user's role allows."""

    def __init__(self, notes: FieldNotes, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes, self.key = notes, key
        self.setObjectName("fieldNotesDialog")
        self.setWindowTitle(self.tr("{0} — queries and source verification").format(notes.label(key)))
        title = QLabel(f"<b>{html.escape(notes.subject_id)} · {html.escape(notes.label(key))}</b>")
        title.setObjectName("fieldTitle")
        self.value = QLabel()
        self.value.setObjectName("savedValue")
        self.value.setWordWrap(True)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sdv = QLabel()
        self.sdv.setObjectName("sdvLine")
        self.sdv.setWordWrap(True)
        self.queries = QListWidget()
        self.queries.setObjectName("fieldQueries")
        self.queries.setMaximumHeight(90)
        self.queries.currentRowChanged.connect(self._show_thread)
        self.thread = QTextBrowser()
        self.thread.setObjectName("fieldThread")
        self.history = QTextBrowser()
        self.history.setObjectName("fieldHistory")
        self.history.setMaximumHeight(130)
        self.reply = QPlainTextEdit()
        self.reply.setObjectName("fieldReply")
        self.reply.setMaximumHeight(80)
        self.message = QLabel()
        self.message.setObjectName("fieldNotesMessage")
        self.message.setWordWrap(True)
        _colour(self.message, COLOURS[OPEN])
        self.raise_button = QPushButton(self.tr("Raise new query"))
        self.raise_button.setObjectName("raiseQueryButton")
        self.answer_button = QPushButton(self.tr("Answer"))
        self.answer_button.setObjectName("answerButton")
        self.close_query_button = QPushButton(self.tr("Close query"))
        self.close_query_button.setObjectName("closeQueryButton")
        self.reopen_button = QPushButton(self.tr("Re-open"))
        self.reopen_button.setObjectName("reopenButton")
        self.verify_button = QPushButton(self.tr("Mark source-verified"))
        self.verify_button.setObjectName("verifyButton")
        done = QPushButton(self.tr("Close"))
        done.setObjectName("doneButton")
        done.setAutoDefault(False)
        done.clicked.connect(self.accept)
        self.raise_button.clicked.connect(self.raise_new)
        self.answer_button.clicked.connect(lambda: self._reply(answer_query))
        self.close_query_button.clicked.connect(lambda: self._reply(close_query))
        self.reopen_button.clicked.connect(lambda: self._reply(reopen_query))
        self.verify_button.clicked.connect(self.verify)
        buttons = QHBoxLayout()
        for button in (self.raise_button, self.answer_button, self.close_query_button, self.reopen_button,
                       self.verify_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(done)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.value)
        layout.addWidget(self.sdv)
        layout.addWidget(QLabel(self.tr("<b>Changes</b> (from the audit trail, newest first)")))
        layout.addWidget(self.history)
        layout.addWidget(QLabel(self.tr("<b>Queries</b>")))
        layout.addWidget(self.queries)
        layout.addWidget(self.thread, 1)
        layout.addWidget(self.reply)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        fit_to_screen(self, "fieldNotes", QSize(640, 520))
        self.refresh()

    def note(self) -> FieldNote:
        return self.notes.note(self.key)

    def selected(self) -> QueryInfo | None:
        row = self.queries.currentRow()
        queries = self.note().queries
        return queries[row] if 0 <= row < len(queries) else None

    def refresh(self, select_id: int | None = None) -> None:
        """Show the field's saved value, SDV mark and queries (the first one not closed selected)."""
        note = self.note()
        self.value.setText(self.tr("Saved value: {0}").format(self.notes.saved_value(self.key) or "—"))
        notes = self.notes
        self.history.setHtml(history_html(field_history(notes.db, notes.subject_id, notes.table, notes.record_id,
                                                        self.key)))
        if note.sdv is None:
            self.sdv.setText(self.tr("Not source-verified."))
            _colour(self.sdv, "#000000")
        else:
            self.sdv.setText(self.tr("✓ Source-verified by {0}, {1} (value then: {2}).").format(
                note.sdv.verified_by, local_time(note.sdv.verified_at_utc), note.sdv.value_text or "—"))
            _colour(self.sdv, COLOURS["sdv"])
        self.queries.blockSignals(True)
        self.queries.clear()
        for query in note.queries:
            item = QListWidgetItem(self.tr("⚑ {0} · raised by {1}, {2}").format(
                STATUS_WORDS.get(query.status, query.status), query.raised_by, local_time(query.raised_at_utc)))
            item.setForeground(QColor(COLOURS.get(query.status, "#000000")))
            self.queries.addItem(item)
        self.queries.blockSignals(False)
        self.queries.setVisible(len(note.queries) > 1)  # one query: its thread says it all
        ids = [q.query_id for q in note.queries]
        row = ids.index(select_id) if select_id in ids else next(
            (i for i, q in enumerate(note.queries) if q.status != CLOSED), 0 if ids else -1)
        self.queries.setCurrentRow(row)
        self._show_thread()

    def _show_thread(self) -> None:
        query = self.selected()
        self.thread.setHtml(thread_html(query) if query is not None else
                            "<p>" + html.escape(self.tr("No queries on this field.")) + "</p>")
        self._update_buttons()

    def _update_buttons(self) -> None:
        actor, query = self.notes.actor, self.selected()
        monitor = actor is not None and actor.can(Action.RAISE_QUERY)
        site = actor is not None and actor.can(Action.ANSWER_QUERY)
        active = query is not None and query.status != CLOSED
        self.raise_button.setVisible(monitor)
        self.close_query_button.setVisible(monitor)
        self.reopen_button.setVisible(monitor)
        self.answer_button.setVisible(site)
        self.verify_button.setVisible(actor is not None and actor.can(Action.VERIFY_SOURCE))
        self.close_query_button.setEnabled(active)
        self.reopen_button.setEnabled(query is not None and query.status == ANSWERED)
        self.answer_button.setEnabled(active)
        self.reply.setVisible(monitor or site)
        self.reply.setPlaceholderText(self.tr("New query, closing note or reason for re-opening") if monitor else
                                      self.tr("Your answer"))
        if actor is None:
            self.message.setText(self.tr("Sign in to raise, answer or close queries."))

    def _done(self, select_id: int | None = None) -> None:
        self.reply.clear()
        self.message.clear()
        self.notes.changed()
        self.refresh(select_id)

    def _failed(self, exc: Exception) -> None:
        self.message.setText("; ".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc))

    def raise_new(self) -> None:
        actor = self.notes.actor
        if actor is None:
            return
        try:
            query = raise_query(self.notes.db, actor, subject_id=self.notes.subject_id, table=self.notes.table,
                                record_id=self.notes.record_id, field=self.key, label=self.notes.label(self.key),
                                text=self.reply.toPlainText()[:MAX_MESSAGE + 1])
        except (ValidationError, PermissionDenied, DatabaseError) as exc:
            self._failed(exc)
            return
        self._done(query.query_id)

    def _reply(self, action: Callable[..., QueryInfo]) -> None:
        actor, query = self.notes.actor, self.selected()
        if actor is None or query is None:
            return
        try:
            action(self.notes.db, actor, query.query_id, self.reply.toPlainText()[:MAX_MESSAGE + 1],
                   expected_version=query.row_version)  # another PC's reply meanwhile: refused
        except (ValidationError, PermissionDenied, DatabaseError) as exc:
            self._failed(exc)
            return
        self._done(query.query_id)

    def verify(self) -> None:
        """Mark the field's SAVED value (not what may be typed on screen) as checked against the source."""
        actor = self.notes.actor
        if actor is None:
            return
        try:
            mark_verified(self.notes.db, actor, subject_id=self.notes.subject_id, table=self.notes.table,
                          record_id=self.notes.record_id, field=self.key, value_text=self.notes.saved_value(self.key))
        except (ValidationError, PermissionDenied, DatabaseError) as exc:
            self._failed(exc)
            return
        self._done()
