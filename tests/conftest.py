"""Test-wide settings: Qt runs offscreen unless a display is chosen explicitly, no modal dialog can block the
closing of a test's widgets, and Hypothesis draws the same examples on every CI run (CI=true: derandomized, no
example database) while a local run keeps the failing examples it found in .hypothesis/ and replays them first."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.database import DirectoryBasedExampleDatabase

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Audit anchors, instance locks and logs go to a throw-away user data folder, never the real one.
os.environ.setdefault("TRIALDESK_DATA_DIR", tempfile.mkdtemp(prefix="trialdesk-tests-"))

from tests.pg_fixtures import pg_databases, study_target  # noqa: E402, F401 - fixtures for every test

settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile(
    "local", database=DirectoryBasedExampleDatabase(Path(__file__).resolve().parents[1] / ".hypothesis" / "examples"))
settings.load_profile("ci" if os.environ.get("CI", "").lower() in ("true", "1") else "local")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """While pytest-qt closes a test's windows, a modal question (e.g. "unsaved changes?") answers itself with
    its escape choice instead of waiting for a click that never comes — after a failed test it would hang."""
    try:
        from PySide6.QtWidgets import QDialog, QMessageBox
    except ImportError:
        return (yield)
    saved = QDialog.exec, QMessageBox.exec
    QDialog.exec = QMessageBox.exec = lambda self: 0  # nobody clicks: Rejected, clickedButton() is None
    try:
        return (yield)
    finally:
        QDialog.exec, QMessageBox.exec = saved


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgres: runs on the PostgreSQL test server (scripts/test-postgres.sh)")
    config.addinivalue_line("markers", "sqlite_only: a storage test about the SQLite file itself; no server case")
