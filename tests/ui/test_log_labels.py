"""The subject logs name their fields from the one list of reports.form_labels: each log form's labels and title,
its table's column headers, and the audit viewer's names for a changed log-row field."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox, QLabel
from sqlalchemy import select

from models import schema as s
from models.demo_security import DEMO_ACCOUNTS
from models.subject_records import TABLES, save_row
from models.users import authenticate
from reports.form_labels import FORM_NAMES, LOG_FIELDS, LOG_NAMES, log_header
from tests.ui.conftest import DEMO_AS_OF
from ui.entry.sections.widgets import REQUIRED_MARK
from ui.logs.record_editor import RecordEditor
from ui.logs.record_table import LogTable, open_record_editor
from ui.logs.tabs import spec_for
from ui.shell.main_window import MainWindow
from ui.trust.audit_viewer import AuditViewer

REASON = "corrected from the source document"
COMPUTED = {"SAE criteria", "Pred-eq mg/day", "Counts"}  # table columns computed from several fields


def shown_label(editor: RecordEditor, name: str) -> str:
    """The text a field's label shows on the form (a check box carries its own), without the required mark."""
    anchor = editor.anchors[name]
    widget = anchor.label if anchor.label is not None else anchor.inputs[0]
    assert isinstance(widget, (QLabel, QCheckBox)), name
    return widget.text().removesuffix(f" {REQUIRED_MARK}")


@pytest.mark.parametrize("kind", [*TABLES, "death"])
def test_every_log_form_shows_the_labels_of_the_one_list(qtbot, demo_window: MainWindow, kind: str) -> None:
    with demo_window.db.read() as session:
        subject = session.scalars(select(s.Subject.subject_id).order_by(s.Subject.id)).first()
    spec = spec_for(demo_window, kind)
    assert spec.title == LOG_NAMES[kind]
    assert [f.name for f in spec.fields()] == list(LOG_FIELDS[kind])  # every field, in the form's order
    editor = open_record_editor(demo_window, subject, spec, None)
    qtbot.waitExposed(editor)
    assert {name: shown_label(editor, name) for name in LOG_FIELDS[kind]} == LOG_FIELDS[kind]
    editor.close()
    if kind == "death":
        return
    table = LogTable(demo_window, subject, spec)
    qtbot.addWidget(table)
    headers = [table.table.horizontalHeaderItem(c).text() for c in range(table.table.columnCount())]
    fields = [h for h in headers if h not in COMPUTED]  # the other columns show one field each, headed by the list
    assert fields == [log_header(kind, name) for name in LOG_FIELDS[kind] if log_header(kind, name) in fields]
    assert len(fields) >= 4


def _other(value: Any) -> Any:
    """A different value of the same type."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, date):
        return value - timedelta(days=1)
    if isinstance(value, int):
        return value % 4 + 1
    if isinstance(value, float):
        return value + 1.0
    return f"{value} (corrected)"


def test_the_audit_viewer_names_changed_log_fields_as_their_forms_do(qtbot, demo_db) -> None:
    """Every stored field of one row of each log changed with a reason: each change is one row of the viewer,
    under the log's title, named by the log form's label."""
    coordinator = authenticate(demo_db, "coordinator", DEMO_ACCOUNTS[1][3])
    with demo_db.read() as session:
        subject_id = session.scalars(select(s.Subject.subject_id).order_by(s.Subject.id)).first()
    save_row(demo_db, subject_id, "renal_replacement", {"type": "dialysis", "start": date(2026, 5, 2),
                                                        "stop": date(2026, 5, 9), "chronic": False},
             user=coordinator, reason=REASON, today=DEMO_AS_OF)  # the demo has none
    changed: dict[str, set[str]] = {}
    with demo_db.write(coordinator, REASON) as uow:
        for kind, table in TABLES.items():
            row = uow.session.scalars(select(table).order_by(table.id)).first()
            assert row is not None, kind
            for column in LOG_FIELDS[kind]:
                value = getattr(row, column)
                if value is not None:
                    setattr(row, column, _other(value))
                    changed.setdefault(kind, set()).add(column)
        subject = uow.session.scalars(select(s.Subject).order_by(s.Subject.id)).first()
        subject.death_date, subject.death_cause = date(2026, 11, 1), "패혈증 (sepsis)"
    viewer = AuditViewer(demo_db)
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitExposed(viewer)
    named: dict[str, dict[str, str]] = {}
    for r in range(viewer.model.rowCount()):
        entry = viewer.model.rows[r]
        if entry.reason == REASON and entry.field is not None:
            form = viewer.model.text(r, "form")
            named.setdefault(form, {})[entry.field] = viewer.model.text(r, "field")
    for kind in TABLES:
        assert len(changed[kind]) >= 3, kind
        assert named[LOG_NAMES[kind]] == {column: LOG_FIELDS[kind][column] for column in changed[kind]}, kind
    registration = named[FORM_NAMES["registration"]]
    assert (registration["death_date"], registration["death_cause"]) == (
        LOG_FIELDS["death"]["death_date"], LOG_FIELDS["death"]["death_cause"]) == ("Date of death", "Cause of death")
