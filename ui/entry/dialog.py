"""What every data-entry form window shares (visit forms, subject-log row forms): the footer with the entry status,
the general message and Save/Close, the refusal message, the reason-for-change prompt, and the unsaved-changes
question on Close, Esc or the window's close button; at the top, the record's signature line and, when the data
cannot be changed (a lock, or a role that may not write clinical data), the read-only banner; beside each field
of a saved record, its queries and SDV mark (ui.entry.field_notes)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.errors import DatabaseError, ReasonRequired, ValidationError
from models.locks import active_locks, lock_for
from models.security import PermissionDenied
from models.signatures import signatures_of
from models.subject_records import UnconfirmedWarnings
from models.visit_store import UnconfirmedValues
from ui.entry.field_notes import FieldNotes
from ui.entry.notices import lock_text, role_text, signature_lines
from ui.entry.sections.base import FieldAnchor
from ui.entry.sections.widgets import EnterMovesOn, MessageLine, set_colours
from ui.widgets.reason_dialog import ReasonDialog

STORAGE_REFUSALS = (PermissionDenied, DatabaseError)  # RecordLocked is a PermissionDenied
SIGNED_COLOUR, INVALIDATED_COLOUR, BANNER_COLOUR = "#1b5e20", "#8a5a00", "#6a1b1b"
_BLOCKED = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
            QEvent.Type.KeyPress, QEvent.Type.KeyRelease}
_PASSING_KEYS = {Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Menu}


class ReadOnlyInputs(QObject):
    """Event filter for inputs without a read-only mode (check boxes, choices, sliders): clicks and keys do not
    change them (Tab still moves on, right-click still opens the field's menu); the wheel scrolls the form."""

    def __init__(self, scroll: QScrollArea | None, parent: QObject) -> None:
        super().__init__(parent)
        self.scroll = scroll

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            if self.scroll is not None:
                bar = self.scroll.verticalScrollBar()
                bar.setValue(bar.value() - event.angleDelta().y() // 120 * bar.singleStep() * 3)
            return True
        if kind in _BLOCKED:
            key = getattr(event, "key", None)
            return not (key is not None and key() in _PASSING_KEYS)
        return False


def make_inputs_read_only(form: QWidget, scroll: QScrollArea | None, owner: QObject) -> None:
    """Every input under `form` readable but not editable: texts read-only, push buttons disabled, check boxes,
    choices and sliders ignoring clicks and keys (see ReadOnlyInputs, kept alive by `owner`)."""
    blocker = ReadOnlyInputs(scroll, owner)
    for kind in (QLineEdit, QPlainTextEdit):  # typed findChildren: the walk stays in C++
        for text in form.findChildren(kind):
            text.setReadOnly(True)
    for button in form.findChildren(QAbstractButton):
        if isinstance(button, QPushButton):
            button.setEnabled(False)
        else:
            button.installEventFilter(blocker)
    for kind in (QComboBox, QAbstractSlider, QAbstractSpinBox):
        for widget in form.findChildren(kind):
            widget.installEventFilter(blocker)


def read_only_reasons(db: Database, subject_id: str | None, visit_id: int | None = None) -> list[str]:
    """Why this subject's (or visit's) data cannot be changed now: its lock, the signed-in user's role."""
    reasons = []
    lock = lock_for(active_locks(db), subject_id, visit_id)
    if lock is not None:
        reasons.append(lock_text(lock))
    role = role_text(db.signed_in)
    if role is not None:
        reasons.append(role)
    return reasons


def style_banner(label: QLabel) -> None:
    """The look of the read-only banner (dark red on pale red, bold)."""
    set_colours(label, BANNER_COLOUR, "#fdecea", bold=True)
    label.setContentsMargins(8, 6, 8, 6)
    label.setWordWrap(True)


class EntryDialog(QDialog):
    """Base of a form window. Subclasses implement `save()`, `has_changes()`, `raw()`, `refresh_checks()`,
    `refresh_panel()`, `unsaved_text()` and `discard_draft()`, keep `initial_raw`, and call `build_footer(body)`
    once their body widget exists."""

    read_only = False
    notes: FieldNotes | None = None
    signature_note = ""  # what the reason prompt says about signatures the change invalidates

    def build_footer(self, body: QWidget) -> None:
        """Lay out the signature line and read-only banner (hidden until needed), `body`, the general message and
        the status/Save/Close row."""
        self.signature_line = QLabel()
        self.signature_line.setObjectName("signatureLine")
        self.signature_line.setWordWrap(True)
        self.signature_line.hide()
        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
        style_banner(self.banner)
        self.banner.hide()
        self.status = QLabel()
        self.status.setObjectName("entryStatus")
        self.status.setWordWrap(True)
        self.general = QLabel()
        self.general.setObjectName("generalMessage")
        self.general.setWordWrap(True)
        self.general.hide()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setAutoDefault(False)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        self.button_row = buttons
        self.query_shortcut = QShortcut(QKeySequence("Ctrl+Q"), self)
        self.query_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.query_shortcut.activated.connect(self.open_focused_notes)
        layout = QVBoxLayout(self)
        layout.addWidget(self.signature_line)
        layout.addWidget(self.banner)
        layout.addWidget(body, 1)
        layout.addWidget(self.general)
        layout.addLayout(buttons)

    def link_focus_chain(self, fields: list[QWidget]) -> list[QWidget]:
        """Tab order along `fields`, then Save and Close; Enter in a value field moves on as Tab does. Returns the
        whole chain."""
        chain = [*fields, self.save_button, self.close_button]
        self.enter_filter = EnterMovesOn(self)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        for widget in fields:
            if isinstance(widget, (QLineEdit, QComboBox, QAbstractButton)):
                widget.installEventFilter(self.enter_filter)
        return chain

    def save(self) -> bool:
        raise NotImplementedError

    def has_changes(self) -> bool:
        raise NotImplementedError

    def raw(self) -> dict[str, str]:
        raise NotImplementedError

    def unsaved_text(self) -> str:
        """The question's sentence naming what has unsaved changes."""
        raise NotImplementedError

    def discard_draft(self) -> None:
        """Forget the crash draft of this form."""
        raise NotImplementedError

    def refresh_checks(self) -> object:
        raise NotImplementedError

    def refresh_panel(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        """Edit checks and the endpoint preview for what is on screen now."""
        self.refresh_checks()
        self.refresh_panel()

    def refuse(self, text: str) -> None:
        """Show why nothing was saved, in red under the form; what was typed stays."""
        self.general.setText(text)
        set_colours(self.general, "#b00020", bold=True)
        self.general.show()

    def refuse_storage(self, exc: Exception) -> None:
        """The storage refused the save (role, lock, disk full, database busy): its plain message under the form;
        what was typed and its crash draft stay."""
        text = str(exc).strip() or type(exc).__name__
        self.refuse(self.tr("Not saved: {0}").format(text))

    def write_refusing(self, write: Callable[[str | None], object], reason: str | None, ask: Callable[[], str | None],
                       messages: dict[str, MessageLine]) -> bool:
        """Run `write(reason)`; when storage wants a reason it was not given, `ask` for one and write again. A
        refusal is shown (beside its fields in `messages`, and under the form) and nothing is lost: False."""
        try:
            try:
                write(reason)
            except ReasonRequired:
                reason = ask()
                if reason is None:
                    return False
                write(reason)
        except ValidationError as exc:
            for name, message in exc.errors.items():
                if name in messages:
                    messages[name].show_refused(message)
            self.refuse(self.tr("Not saved: {0}").format("; ".join(exc.errors.values())))
            return False
        except (UnconfirmedValues, UnconfirmedWarnings) as exc:
            self.refuse(self.tr("Not saved: {0}").format(str(exc)))
            return False
        except STORAGE_REFUSALS as exc:
            self.refuse_storage(exc)
            return False
        return True

    # the record: signatures, read-only, queries ---------------------------------------------------------------

    def show_record_state(self, db: Database, subject_id: str, visit_id: int | None, form: QWidget,
                          scroll: QScrollArea | None, visit_form: bool) -> None:
        """The signature line (visit and casebook) and, when a lock or the signed-in role forbids changes, the
        read-only banner and read-only inputs."""
        self.show_signatures(db, subject_id, visit_id, visit_form)
        reasons = read_only_reasons(db, subject_id, visit_id)
        if reasons:
            self.make_read_only("\n".join(reasons), form, scroll)

    def show_signatures(self, db: Database, subject_id: str, visit_id: int | None, visit_form: bool) -> None:
        """One line per signed item (the visit, the casebook): in force, or invalidated by a later change."""
        lines = signature_lines(signatures_of(db, subject_id), visit_id, visit_form)
        in_force = [text for text, valid in lines if valid]
        if len(in_force) > 1:
            note = self.tr("{0}. Saving this change invalidates these signatures; they go back on the "
                           "investigator's to-sign list.")
        else:
            note = self.tr("{0}. Saving this change invalidates the signature; it goes back on the investigator's "
                           "to-sign list.")
        self.signature_note = note.format("; ".join(in_force)) if in_force else ""
        self.signature_line.setVisible(bool(lines))
        if lines:
            self.signature_line.setText("\n".join(("✔ " if valid else "⚠ ") + text for text, valid in lines))
            set_colours(self.signature_line, SIGNED_COLOUR if all(v for _t, v in lines) else INVALIDATED_COLOUR)

    def make_read_only(self, why: str, form: QWidget, scroll: QScrollArea | None) -> None:
        """Inputs readable and scrollable but not editable, Save disabled, the banner saying why."""
        self.read_only = True
        self.banner.setText(why)
        self.banner.show()
        self.save_button.setEnabled(False)
        self.save_button.setToolTip(why)
        make_inputs_read_only(form, scroll, self)

    def attach_notes(self, db: Database, events: QObject | None, subject_id: str, table: str, record_id: int | None,
                     anchors: dict[str, FieldAnchor], place: str, saved_value: Callable[[str], str]) -> None:
        """Queries and SDV marks beside the fields of a saved record (a new one has none yet: say so)."""
        if record_id is None:
            self.status.setToolTip(self.tr("Queries and source verification attach to saved data: they appear "
                                           "beside the fields once this is saved."))
            return
        self.status.setToolTip("")
        self.notes = FieldNotes(self, db, events, subject_id, table, record_id, anchors, place, saved_value)
        self.notes.load()

    def open_focused_notes(self) -> None:
        """Ctrl+Q: the queries, SDV mark and change history of the field with the cursor (saved records only)."""
        if self.notes is None:
            self.refuse(self.tr("Queries attach to saved data: save this form first."))
            return
        key = self.notes.key_of(self.focusWidget())
        if key is not None:
            self.notes.open_field(key)

    def show_field(self, key: str, open_notes: bool = True) -> bool:
        """Bring a field into view (and open its queries); False if the form has no such field."""
        notes = self.notes
        if notes is None or key not in notes.anchors:
            return False
        anchor = notes.anchors[key]
        target = anchor.inputs[0] if anchor.inputs else anchor.label
        scroll = self.findChild(QScrollArea)
        if scroll is not None and target is not None:
            scroll.ensureWidgetVisible(target)
        if open_notes:
            notes.open_field(key)
        return True

    def ask_reason(self, what: str, changes: list[tuple[str, str, str]] | None = None) -> str | None:
        """The reason for changing saved data about `what` (showing `changes`: field, saved, typed), or None when
        the user cancels; the study's standard reasons are offered."""
        db: Database | None = getattr(self, "db", None)
        dialog = ReasonDialog(what, self, note=self.signature_note, changes=changes or [],
                              reasons=db.config.params.change_reasons if db is not None else None)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason()

    def confirm_leave(self) -> bool:
        """With unsaved changes: ask to save, discard or stay. True when the form may close. A read-only form
        closes at once (nothing can be saved; a crash draft shown in it is kept)."""
        if self.read_only or not self.has_changes():
            return True
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved changes"), self.unsaved_text(), parent=self)
        box.setObjectName("unsavedChangesBox")
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return self.save()
        if clicked is discard:
            self.discard_draft()
            self.initial_raw = self.raw()
            return True
        return False

    def reject(self) -> None:
        """Close, Esc and the window's close button all come here (QDialog.closeEvent calls reject)."""
        if self.confirm_leave():
            super().reject()
