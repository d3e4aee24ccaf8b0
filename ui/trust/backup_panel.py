"""The backups section: where the copies are, which exist, how many are kept, back up now, restore one."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.backup import (
    BackupError,
    BackupPolicy,
    backup_folder,
    list_backups,
    load_policy,
    make_backup,
    restore_backup,
    save_policy,
)
from models.database import Database
from models.security import Action
from ui.widgets.heading import section_heading


class BackupPanel(QWidget):
    """Backups of the open database; administrators change the policy and restore."""

    def __init__(self, db: Database, session: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.session = db, session
        if db.is_server:
            self._explain_server_backups()
            return
        policy = load_policy(db.path)
        self.location = QLabel(self.tr("Backups are written to <b>{0}</b> when TrialDesk closes and at least every "
                                       "{1} hours while it is open (SQLite online backup, each copy checked).")
                               .format(backup_folder(db.path), policy.interval_hours), self)
        self.location.setObjectName("backupLocation")
        self.location.setWordWrap(True)
        self.keep = QSpinBox(self)
        self.keep.setObjectName("backupKeep")
        self.keep.setRange(1, 365)
        self.keep.setValue(policy.keep)
        self.save_policy_button = QPushButton(self.tr("Save setting"), self)
        self.save_policy_button.clicked.connect(self.save_policy)
        self.backup_button = QPushButton(self.tr("Back up now"), self)
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("Restore selected backup..."), self)
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.clicked.connect(self.restore_selected)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels([self.tr("Taken (local time)"), self.tr("Size"), self.tr("File")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.message = QLabel("", self)
        self.message.setObjectName("backupMessage")
        self.message.setWordWrap(True)
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(self.tr("Keep the newest"), self))
        keep_row.addWidget(self.keep)
        keep_row.addWidget(QLabel(self.tr("copies"), self))
        keep_row.addWidget(self.save_policy_button)
        keep_row.addStretch(1)
        keep_row.addWidget(self.backup_button)
        keep_row.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(section_heading(self.tr("Backups"), parent=self))
        layout.addWidget(self.location)
        layout.addLayout(keep_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.refresh()

    def _explain_server_backups(self) -> None:
        """A study on a server is backed up by the server's own tools; TrialDesk copies no file."""
        assert self.db.server is not None
        self.location = QLabel(self.tr(
            "This study lives on the PostgreSQL server <b>{0}</b>. Its backups are the server's own, made where the "
            "server runs, not on this PC: each night whoever looks after the server runs the command below, and "
            "restores each copy once into an empty database with <tt>pg_restore</tt> to check it. TrialDesk copies "
            "no file of a server study; see the README, \"A site server\".").format(self.db.server.shown), self)
        self.location.setObjectName("backupLocation")
        self.location.setWordWrap(True)
        command = QLabel(f"pg_dump --format=custom --file=study-DATE.dump {self.db.server.text}", self)
        command.setObjectName("backupCommand")
        command.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        command.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(section_heading(self.tr("Backups"), parent=self))
        layout.addWidget(self.location)
        layout.addWidget(command)
        layout.addStretch(1)

    def _may_manage(self) -> bool:
        actor = getattr(self.session, "actor", None)
        return actor is not None and actor.can(Action.MANAGE_BACKUPS)

    def refresh(self) -> None:
        if self.db.is_server:
            return
        backups = list_backups(self.db.path)
        self.table.setRowCount(len(backups))
        for row, info in enumerate(backups):
            taken = info.taken_at_utc.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            for column, text in enumerate((taken, f"{info.size / 1e6:.1f} MB", str(info.path))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        manage = self._may_manage()
        for widget in (self.keep, self.save_policy_button, self.restore_button):
            widget.setEnabled(manage)
            widget.setToolTip("" if manage else self.tr("Administrators only"))
        error = getattr(self.session, "last_backup_error", None)
        if error:
            self.message.setText(error)

    def save_policy(self) -> None:
        if not self._may_manage():
            return
        try:
            save_policy(self.db.path, BackupPolicy(keep=self.keep.value(), interval_hours=load_policy(self.db.path)
                                                   .interval_hours))
        except BackupError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("Saved: the newest {0} copies are kept.").format(self.keep.value()))

    def backup_now(self) -> None:
        try:
            info = make_backup(self.db.path, datetime.now(UTC))
        except BackupError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("Backup written: {0}").format(info.path))
        self.refresh()

    def restore_selected(self) -> None:
        """Restore after a clear confirmation: the current file is kept aside, then TrialDesk closes."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or not self._may_manage():
            self.message.setText(self.tr("Select a backup first (administrators only)."))
            return
        backup = list_backups(self.db.path)[rows[0].row()]
        answer = QMessageBox.warning(
            self, self.tr("Restore a backup"),
            self.tr("Replace the database with the backup taken {0}?\n\nEverything entered after that moment will "
                    "no longer be in the database. The current file is first kept aside, next to it, as "
                    "{1}.before-restore-…\n\nTrialDesk closes after the restore; start it again.")
            .format(backup.taken_at_utc.astimezone().strftime("%Y-%m-%d %H:%M"), self.db.path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.db.close()
        try:
            aside = restore_backup(self.db.path, backup.path, datetime.now(UTC))
        except BackupError as exc:
            QMessageBox.critical(self, self.tr("Restore failed"), str(exc))
        else:
            QMessageBox.information(self, self.tr("Backup restored"),
                                    self.tr("Restored. The previous file was kept as\n{0}").format(aside))
        self.window().close()
