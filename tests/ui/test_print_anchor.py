"""pytest-qt: a print from the app shows the audit head in its footers and appends that same head to the anchor
log, also when someone saves while the PDF is being made."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import reports.binder
import reports.source
from models.anchor import anchor_log_path, read_anchors, read_head
from models.database import backup_copy, open_database
from models.subjects import list_subjects, save_subject
from models.users import authenticate
from tests.models.conftest import subject_input
from tests.reports.pdfcheck import printed_heads
from tests.ui.conftest import DEMO_AS_OF, close_without_questions
from ui.drafts import DraftStore
from ui.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    """The demo's coordinator signed in, printing to tmp_path without dialogs or a viewer; a new subject is
    saved while the first subject is laid out."""
    path = tmp_path / "study.sqlite3"
    backup_copy(demo_template, path)
    db = open_database(path, create=False)
    coordinator = authenticate(db, "coordinator", "demo-coord-2026")
    main = MainWindow(db, drafts=DraftStore(tmp_path / "drafts"), user=coordinator, today=lambda: DEMO_AS_OF)
    main.printing.ask_path = lambda _parent, _title, proposed: tmp_path / proposed.name
    main.printing.open_file = lambda _path: True
    load = reports.source.load_subject_print

    def load_then_save(db, subject_id, as_of):
        if not any(s.subject_id == "LN-98" for s in list_subjects(db)):
            save_subject(db, subject_input(subject_id="LN-98", screening_number="S-998"), user="coordinator")
        return load(db, subject_id, as_of)

    monkeypatch.setattr(reports.source, "load_subject_print", load_then_save)
    monkeypatch.setattr(reports.binder, "load_subject_print", load_then_save)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.printing.cancel()
    assert main.printing.wait()
    close_without_questions(main)
    db.close()


@pytest.mark.parametrize("what", ["summary", "binder"])
def test_app_print_anchors_the_head_its_footers_show(qtbot, window: MainWindow, what: str) -> None:
    before = read_head(window.db.path)
    with qtbot.waitSignal(window.printing.finished, timeout=120000) as blocker:
        if what == "summary":
            window.printing.print_subject("LN-01")
        else:
            window.printing.print_binder(["LN-01", "LC-02"])
    written = blocker.args[0]
    assert written is not None and written.exists()
    assert read_head(window.db.path).rows > before.rows  # the save went through while printing
    assert set(printed_heads(written)) == {(before.rows, before.last_hash[:12])}
    anchor = read_anchors(anchor_log_path())[-1]
    assert anchor.event == "print" and anchor.head == before
    assert anchor.path == str(window.db.path.resolve())
