"""Locks for administrators: the locks in force, lock the whole database or a subject with a reason, unlock
with a reason. Locked clinical data is refused by the storage write path for everyone (models.locks)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.database import Database
from models.errors import ReasonRequired, ValidationError
from models.locks import LockInfo, active_locks, lock, unlock
from models.security import Action, Actor, PermissionDenied
from models.signatures import local_time
from models.subjects import list_subjects


class LocksSection(QWidget):
    """Active locks; lock a subject or the database; unlock the selected lock. Every action needs a reason."""

    def __init__(self, db: Database, session: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.session = db, session
        self.locks: list[LockInfo] = []
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("locksTable")
        self.table.setHorizontalHeaderLabels([self.tr("Locked"), self.tr("By"), self.tr("Since"), self.tr("Reason")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.target = QComboBox(self)
        self.target.setObjectName("lockTarget")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("lockReason")
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("Reason (required), e.g. database lock for the interim analysis"))
        self.lock_button = QPushButton(self.tr("Lock"), self)
        self.lock_button.clicked.connect(self.lock_selected_target)
        self.unlock_button = QPushButton(self.tr("Unlock selected"), self)
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.message = QLabel("", self)
        self.message.setObjectName("locksMessage")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.target)
        row.addWidget(self.reason, 1)
        row.addWidget(self.lock_button)
        row.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>Locks</b> — locked data is read-only for everyone until it is unlocked "
                                        "with a reason; both are in the audit trail."), self))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.refresh()

    def _actor(self) -> Actor | None:
        return getattr(self.session, "actor", None)

    def refresh(self) -> None:
        self.locks = active_locks(self.db)
        self.table.setRowCount(len(self.locks))
        for r, info in enumerate(self.locks):
            for c, text in enumerate((info.label, info.locked_by, local_time(info.locked_at_utc), info.reason)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.target.clear()
        self.target.addItem(self.tr("Whole database"), "database")
        for subject in list_subjects(self.db):
            self.target.addItem(self.tr("Subject {0}").format(subject.subject_id), f"subject:{subject.subject_id}")
        actor = self._actor()
        allowed = actor is not None and actor.can(Action.LOCK)
        self.lock_button.setEnabled(allowed)
        self.unlock_button.setEnabled(allowed)

    def _do(self, action) -> None:  # noqa: ANN001 - a no-argument callable writing through models.locks
        try:
            action()
        except (ReasonRequired, PermissionDenied) as exc:
            self.message.setText(str(exc))
            return
        except ValidationError as exc:
            self.message.setText("; ".join(exc.errors.values()))
            return
        self.reason.clear()
        self.message.setText("")
        self.refresh()

    def lock_selected_target(self) -> None:
        actor, target = self._actor(), self.target.currentData()
        if actor is None or not target:
            return
        scope, _, subject_id = target.partition(":")
        self._do(lambda: lock(self.db, actor, scope=scope, subject_id=subject_id or None, reason=self.reason.text()))

    def unlock_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        actor = self._actor()
        if rows and actor is not None:
            lock_id = self.locks[rows[0].row()].lock_id
            self._do(lambda: unlock(self.db, actor, lock_id, self.reason.text()))
