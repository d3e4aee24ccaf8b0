"""Locks for administrators: the locks in force; lock the whole database, a subject or one saved visit of a
subject with a reason; unlock with a reason. Locked clinical data is refused by the storage write path for
everyone (models.locks)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.errors import DatabaseError, ReasonRequired, ValidationError
from models.locks import LockInfo, active_locks, lock, unlock
from models.security import Action, Actor, PermissionDenied
from models.signatures import local_time
from models.subjects import list_subjects
from models.visit_store import VisitSummary, list_visits
from ui.widgets.heading import section_heading

DATABASE = "database"


def visit_text(visit: VisitSummary) -> str:
    """"W4 2026-03-02" ("W4 missed" for a missed visit without a date)."""
    return f"{visit.code} {visit.date.isoformat() if visit.date else 'missed'}"


def visit_texts(db: Database, locks: list[LockInfo]) -> dict[int, str]:
    """Visit id -> "W4 2026-03-02" for the visits the locks name (one read per subject)."""
    texts: dict[int, str] = {}
    for subject_id in {info.subject_id for info in locks if info.visit_id is not None and info.subject_id}:
        try:
            texts.update((v.record_id, visit_text(v)) for v in list_visits(db, subject_id))
        except LookupError:  # the subject is gone
            continue
    return texts


class LocksSection(QWidget):
    """Active locks; lock the database, a subject or a visit; unlock the selected lock. Every action needs a
    reason."""

    def __init__(self, db: Database, session: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.session = db, session
        self.locks: list[LockInfo] = []
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("locksTable")
        self.table.setHorizontalHeaderLabels([self.tr("Locked"), self.tr("Subject"), self.tr("Visit"),
                                              self.tr("By"), self.tr("Since"), self.tr("Reason")])
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.subject_choice = QComboBox(self)
        self.subject_choice.setObjectName("lockSubject")
        self.subject_choice.setMinimumContentsLength(16)
        self.subject_choice.currentIndexChanged.connect(self._load_visits)
        self.visit_choice = QComboBox(self)
        self.visit_choice.setObjectName("lockVisit")
        self.visit_choice.setMinimumContentsLength(22)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("lockReason")
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("Required, e.g. database lock for the interim analysis"))
        self.lock_button = QPushButton(self.tr("Lock"), self)
        self.lock_button.setObjectName("lockButton")
        self.lock_button.clicked.connect(self.lock_selected_target)
        self.unlock_button = QPushButton(self.tr("Unlock selected"), self)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.message = QLabel("", self)
        self.message.setObjectName("locksMessage")
        self.message.setWordWrap(True)
        form = QGridLayout()
        form.addWidget(QLabel(self.tr("What to lock"), self), 0, 0)
        target = QHBoxLayout()
        target.addWidget(self.subject_choice)
        target.addWidget(self.visit_choice)
        target.addStretch(1)
        form.addLayout(target, 0, 1)
        form.addWidget(self.lock_button, 0, 2)
        form.addWidget(QLabel(self.tr("Reason"), self), 1, 0)
        form.addWidget(self.reason, 1, 1)
        form.addWidget(self.unlock_button, 1, 2)
        form.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(section_heading(self.tr("Locks"), self.tr("Locked data is read-only for everyone until it is "
                                                                   "unlocked with a reason; both are in the audit "
                                                                   "trail."), self))
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.refresh()

    def _actor(self) -> Actor | None:
        return getattr(self.session, "actor", None)

    def refresh(self) -> None:
        """Re-read the locks in force and the subjects that can be locked."""
        self.locks = active_locks(self.db)
        visits = visit_texts(self.db, self.locks)
        scopes = {"database": self.tr("Whole database"), "subject": self.tr("Subject"), "visit": self.tr("Visit")}
        self.table.setRowCount(len(self.locks))
        for r, info in enumerate(self.locks):
            visit = visits.get(info.visit_id, info.visit_code or "") if info.visit_id is not None else ""
            for c, text in enumerate((scopes.get(info.scope, info.scope), info.subject_id or "", visit,
                                      info.locked_by, local_time(info.locked_at_utc), info.reason)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        for column in range(self.table.columnCount() - 1):  # the last one stretches
            self.table.resizeColumnToContents(column)
        chosen = self.subject_choice.currentData()
        self.subject_choice.blockSignals(True)
        self.subject_choice.clear()
        self.subject_choice.addItem(self.tr("Whole database"), DATABASE)
        for subject in list_subjects(self.db):
            self.subject_choice.addItem(subject.subject_id, subject.subject_id)
        self.subject_choice.setCurrentIndex(max(0, self.subject_choice.findData(chosen)))
        self.subject_choice.blockSignals(False)
        visit_id = self.visit_choice.currentData()
        self._load_visits()
        self.visit_choice.setCurrentIndex(max(0, self.visit_choice.findData(visit_id)))
        self._update_buttons()

    def _load_visits(self) -> None:
        subject_id = self.subject_choice.currentData()
        self.visit_choice.clear()
        if subject_id in (None, DATABASE):
            self.visit_choice.addItem(self.tr("(every subject and visit)"), None)
            self.visit_choice.setEnabled(False)
            return
        self.visit_choice.setEnabled(True)
        self.visit_choice.addItem(self.tr("Whole subject"), None)
        for visit in list_visits(self.db, subject_id):
            self.visit_choice.addItem(visit_text(visit), visit.record_id)

    def _update_buttons(self) -> None:
        actor = self._actor()
        allowed = actor is not None and actor.can(Action.LOCK)
        self.lock_button.setEnabled(allowed)
        self.unlock_button.setEnabled(allowed and bool(self.table.selectionModel().selectedRows()))
        for button in (self.lock_button, self.unlock_button):
            button.setToolTip("" if allowed else self.tr("Administrators only"))

    def _do(self, action) -> None:  # noqa: ANN001 - a no-argument callable writing through models.locks
        try:
            action()
        except (ReasonRequired, PermissionDenied, DatabaseError) as exc:  # busy or full disk: said, reason kept
            self.message.setText(str(exc))
            return
        except ValidationError as exc:
            self.message.setText("; ".join(exc.errors.values()))
            return
        self.reason.clear()
        self.message.setText("")
        self.refresh()

    def lock_selected_target(self) -> None:
        """Lock what the choosers name: the whole database, a subject, or one of its saved visits."""
        actor, subject_id, visit_id = self._actor(), self.subject_choice.currentData(), self.visit_choice.currentData()
        if actor is None or subject_id is None:
            return
        if subject_id == DATABASE:
            self._do(lambda: lock(self.db, actor, scope="database", reason=self.reason.text()))
        elif visit_id is None:
            self._do(lambda: lock(self.db, actor, scope="subject", subject_id=subject_id, reason=self.reason.text()))
        else:
            self._do(lambda: lock(self.db, actor, scope="visit", visit_id=visit_id, reason=self.reason.text()))

    def unlock_selected(self) -> None:
        """End the selected lock (the reason box gives the reason)."""
        rows = self.table.selectionModel().selectedRows()
        actor = self._actor()
        if rows and actor is not None:
            lock_id = self.locks[rows[0].row()].lock_id
            self._do(lambda: unlock(self.db, actor, lock_id, self.reason.text()))
