"""Signing from the To-sign list: filters by subject and visit, open and answered queries per item, the visit
opened read-only before signing, a warning (and a question) before signing a visit whose queries are not closed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from models.demo_security import DEMO_ACCOUNTS
from models.signatures import valid_signature
from ui.shell.session import attach_session
from ui.trust.signatures import SignDialog


@pytest.fixture
def signing(qtbot, demo_db, tmp_path):
    from models.users import authenticate
    from ui.drafts import DraftStore
    from ui.shell.main_window import MainWindow

    password = DEMO_ACCOUNTS[2][3]
    actor = authenticate(demo_db, "investigator", password)
    window = MainWindow(demo_db, demo=True, drafts=DraftStore(tmp_path / "drafts"), user=actor)
    session = attach_session(window, actor, demo=True)
    window.show()
    qtbot.waitExposed(window)
    window.show_section("signatures")
    yield window, window.sections["signatures"], password
    session.idle_timer.stop()
    window.close()


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_the_list_filters_by_subject_and_visit_and_counts_queries(signing) -> None:
    _window, section, _pw = signing
    everything = len(section.items)
    choose(section.subject_filter, "LN-02")
    assert section.items and {i.subject_id for i in section.items} == {"LN-02"}
    choose(section.visit_filter, "D0")
    assert [(i.subject_id, i.visit_code) for i in section.items] == [("LN-02", "D0")]
    assert section.table.cell(0, 4) == "1"  # the answered weight query of the demo
    choose(section.visit_filter, "casebook")
    assert [i.visit_id for i in section.items] == [None]
    choose(section.subject_filter, "")
    choose(section.visit_filter, "")
    assert len(section.items) == everything
    section.with_queries.setChecked(True)
    assert 0 < len(section.items) < everything
    assert all(section.table.cell(r, 3) or section.table.cell(r, 4) for r in range(len(section.items)))


def test_review_opens_the_visit_read_only(qtbot, signing) -> None:
    _window, section, _pw = signing
    choose(section.subject_filter, "LN-01")
    section.table.selectRow(0)
    editor = section.review_selected()
    qtbot.waitExposed(editor)
    assert editor.read_only and not editor.save_button.isEnabled()
    assert "read-only" in editor.banner.text()
    editor.close()


def test_signing_a_visit_with_a_query_not_closed_warns_and_asks(qtbot, signing, monkeypatch) -> None:
    window, section, password = signing
    choose(section.subject_filter, "LN-02")
    choose(section.visit_filter, "D0")
    section.table.selectRow(0)
    item = section.selected()
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **_k: asked.append(a[2]) or answers.pop(0))
    dialog = section.sign_selected()
    assert isinstance(dialog, SignDialog)
    review = dialog.parentWidget()
    assert review is not None and review.read_only and review.isVisible()  # the visit, read-only, under the dialog
    assert dialog.warning.isVisible() and "1 answered" in dialog.warning.text()
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert len(asked) == 1 and dialog.isVisible()  # "No": not signed
    assert valid_signature(window.db, item.subject_id, item.visit_id) is None
    dialog.try_sign()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert valid_signature(window.db, item.subject_id, item.visit_id) is not None
    assert not review.isVisible()


def test_a_visit_without_queries_is_signed_without_a_question(qtbot, signing, monkeypatch) -> None:
    _window, section, password = signing
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: pytest.fail("asked without a query"))
    row = next(r for r in range(len(section.items)) if section.items[r].visit_id is not None
               and not section.table.cell(r, 3) and not section.table.cell(r, 4))
    section.table.selectRow(row)
    dialog = section.sign_selected()
    assert not dialog.warning.isVisible()
    qtbot.keyClicks(dialog.password, password)
    dialog.try_sign()
    qtbot.waitUntil(lambda: not dialog.isVisible())
