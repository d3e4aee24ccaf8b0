"""A database on read-only media: the main window says so in a banner, and saving is refused in plain words with
what was typed kept."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from models.database import backup_copy, open_database
from models.subjects import list_subjects
from tests.ui.conftest import close_without_questions
from tests.ui.test_register import fill_valid, open_register_dialog
from ui.drafts import DraftStore
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions and mounts")


@contextmanager
def read_only_folder(folder: Path, fill: Path) -> Iterator[Path]:
    """`folder` holding a copy of the database `fill`, then made read-only: by its permissions, or for root (whom
    permissions do not stop) by a tmpfs mounted there and remounted read-only; skipped if neither is possible."""
    folder.mkdir()
    copy = folder / fill.name
    if os.geteuid() != 0:
        backup_copy(fill, copy)
        copy.chmod(0o400)
        folder.chmod(0o500)
        try:
            yield copy
        finally:
            folder.chmod(0o700)
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(folder)], capture_output=True,
                             text=True)
    if mounted.returncode != 0:
        pytest.skip(f"running as root and cannot mount a tmpfs to make read-only media: {mounted.stderr.strip()}")
    try:
        backup_copy(fill, copy)
        remounted = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True, text=True)
        if remounted.returncode != 0:
            pytest.skip(f"running as root and cannot remount read-only: {remounted.stderr.strip()}")
        yield copy
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_database_on_read_only_media_shows_the_banner_and_refuses_saving(qtbot, template_db: Path,
                                                                             tmp_path: Path) -> None:
    with read_only_folder(tmp_path / "media", template_db) as path:
        db = open_database(path, create=False, single_instance=True)
        window = MainWindow(db, drafts=DraftStore(tmp_path / "drafts"), user="tester")
        try:
            window.show()
            qtbot.waitExposed(window)
            assert db.read_only
            banner = window.read_only_banner
            assert banner.isVisible() and not banner.icon.pixmap().isNull()
            assert banner.text.text().replace("<b>", "").replace("</b>", "") == (
                "Read-only: this database is on a read-only medium or folder; nothing can be saved.")
            assert banner.geometry().top() < window.stack.geometry().top()

            dialog = open_register_dialog(qtbot, window)
            fill_valid(qtbot, dialog)
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
            assert dialog.isVisible() and dialog.refusal.isVisible()
            assert dialog.refusal.text().startswith("Not saved: ")
            assert "read-only" in dialog.refusal.text() and "nothing can be saved" in dialog.refusal.text()
            assert dialog.form.editors["screening_number"].text() == "S-010"
            assert list_subjects(db) == []
        finally:
            close_without_questions(window)
            db.close()


def test_a_writable_database_shows_no_banner(window: MainWindow) -> None:
    assert not window.db.read_only
    assert window.read_only_banner.isHidden()
