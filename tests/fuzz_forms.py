"""Drives the security forms (sign-in, first administrator, new account, query reply, audit filter, signature)
with arbitrary text and records any traceback; shared by tests/ui/test_fuzz_security.py and the bench."""

from __future__ import annotations

import contextlib
import traceback

from hypothesis import strategies as st
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from models.database import Database
from models.errors import ValidationError
from models.queries import raise_query
from models.security import Actor
from models.users import authenticate
from ui.shell.sign_in import FirstAdministratorDialog, SignInDialog
from ui.trust.audit_viewer import AuditViewer
from ui.trust.queries import QueriesSection
from ui.trust.users import UsersSection

SQLISH = ("' OR '1'='1' --", "'; DROP TABLE audit_log; --", "\" OR \"\"=\"", "%", "_", "\\", "NULL", "1; --")


def nasty_text() -> st.SearchStrategy[str]:
    """Any unicode (control characters, Hangul, surrogates excluded), SQL-looking snippets, and long runs."""
    return st.one_of(
        st.text(max_size=80),
        st.sampled_from(SQLISH),
        st.builds(lambda s, n: s * n, st.sampled_from(["가", "x", "'", "\n"]), st.integers(1, 200_000)),
    )


class _Session:
    def __init__(self, actor: Actor) -> None:
        self.actor = actor


class FuzzForms:
    """One instance of each form; `try_all` types the texts into all of them and presses their buttons."""

    FORMS = ("sign-in", "first-admin", "new-account", "query-reply", "query-raise", "audit-filter")

    def __init__(self, db: Database, admin: Actor) -> None:
        self.db = db
        self.admin = admin
        self.monitor = authenticate(db, "mon", "monitor-pass-12")
        self.sign_in = SignInDialog(db)
        self.first_admin = FirstAdministratorDialog(db)
        self.users = UsersSection(db, _Session(admin))
        self.queries = QueriesSection(db, _Session(self.monitor))
        self.audit = AuditViewer(db)
        self.tried = 0
        self.tracebacks: list[str] = []

    def _run(self, action) -> None:  # noqa: ANN001 - a no-argument callable
        self.tried += 1
        try:
            action()
        except Exception:  # noqa: BLE001 - the point is to catch and count any traceback
            self.tracebacks.append(traceback.format_exc())

    def try_all(self, username: str, password: str, other: str) -> None:
        def sign_in() -> None:
            self.sign_in.username.setText(username)
            self.sign_in.password.setText(password)
            self.sign_in.actor = None
            # an account made by new_account has a temporary password: the forced change opens modally; cancel it
            QTimer.singleShot(0, _cancel_modal_dialog)
            self.sign_in.try_sign_in()
            assert self.sign_in.actor is None or self.sign_in.actor.name == username.strip()

        def first_admin() -> None:
            for edit, text in ((self.first_admin.username, username), (self.first_admin.full_name, other),
                               (self.first_admin.password, password), (self.first_admin.repeat, password)):
                edit.setText(text)
            self.first_admin.try_create()
            assert self.first_admin.actor is None  # accounts exist: always refused

        def new_account() -> None:
            self.users.username.setText(username)
            self.users.full_name.setText(other)
            self.users.password.setText(password)
            self.users.create()

        def query_reply() -> None:
            self.queries.reply.setPlainText(other)
            if self.queries.queries:
                self.queries.table.selectRow(0)
                self.queries.close_button.click()

        def query_raise() -> None:  # queries are raised in the forms (their dialog); here: storage, then the list
            with contextlib.suppress(ValidationError):  # empty or too long: refused with a message
                raise_query(self.db, self.monitor, subject_id=username[:20] or "LN-01", table="visits", record_id=1,
                            field="weight_kg", label=other[:120], text=other)
            self.queries.refresh()

        def audit_filter() -> None:
            self.audit.subject.setEditText(username[:200])
            self.audit.user.setEditText(other[:200])
            self.audit.field.setText(password)
            self.audit.date_from.setText(other[:40])
            self.audit.refresh()

        for action in (sign_in, first_admin, new_account, query_reply, query_raise, audit_filter):
            self._run(action)

    def close(self) -> None:
        for widget in (self.sign_in, self.first_admin, self.users, self.queries, self.audit):
            widget.close()
            widget.deleteLater()


def _cancel_modal_dialog() -> None:
    """Cancel the modal dialog on screen, if any (the forced password change after a fuzzed sign-in)."""
    modal = QApplication.activeModalWidget()
    if isinstance(modal, QDialog):
        modal.reject()
