"""The audit viewer reads like the forms: subject, visit, form and field label (never a table or column name), one
row per change with its reason, the stored record only on demand."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from models import schema as s
from models.demo_security import DEMO_ACCOUNTS
from models.users import authenticate
from ui.trust.audit_viewer import SHOWN, AuditViewer

REASON = "late result: corrected from the lab report"


def viewer_over(qtbot, db) -> AuditViewer:
    viewer = AuditViewer(db)
    qtbot.addWidget(viewer)
    viewer.resize(1300, 600)
    viewer.show()
    qtbot.waitExposed(viewer)
    return viewer


def cells(viewer: AuditViewer, row: int) -> dict[str, str]:
    return {name: viewer.model.text(row, name) for name in SHOWN}


def change_haemoglobin(db) -> tuple[str, str]:
    """Change one haemoglobin (typed value and its canonical copy) with a reason; (subject, visit code)."""
    coordinator = authenticate(db, "coordinator", DEMO_ACCOUNTS[1][3])
    with db.read() as session:
        lab = session.scalars(select(s.LabValue).where(s.LabValue.key == "hemoglobin_g_dl")
                              .order_by(s.LabValue.id)).first()
        visit = session.get(s.Visit, lab.visit_id)
        subject, code, lab_id = visit.subject.subject_id, visit.code, lab.id
    with db.write(coordinator, REASON) as uow:
        row = uow.session.get(s.LabValue, lab_id)
        row.original_value, row.canonical_value = "11.2", 11.2
    return subject, code


def test_a_changed_lab_value_is_one_row_named_as_the_form_names_it(qtbot, demo_db) -> None:
    subject, code = change_haemoglobin(demo_db)
    viewer = viewer_over(qtbot, demo_db)
    rows = [cells(viewer, r) for r in range(viewer.model.rowCount()) if viewer.model.rows[r].reason == REASON]
    mine = [row for row in rows if row["form"] == "Visit form"]
    assert len(mine) == 1  # the canonical copy of the same change is not a second row
    signatures = [row for row in rows if row["form"] == "Signature"]
    assert signatures and all(row["field"] == "Invalidated reason" for row in signatures)  # one row each
    row = mine[0]
    assert row["subject_id"] == subject and row["visit"].startswith(f"{code} ")
    assert row["form"] == "Visit form" and row["field"] == "Haemoglobin"
    assert row["new_value"] == "11.2"


def test_no_row_shows_a_table_or_column_name(qtbot, demo_db) -> None:
    viewer = viewer_over(qtbot, demo_db)
    stored = {viewer.model.rows[r].table_name for r in range(viewer.model.rowCount())}
    assert {"lab_values", "visits", "sledai_forms"} <= stored
    for r in range(viewer.model.rowCount()):
        row = cells(viewer, r)
        assert "_" not in row["form"] and "_" not in row["field"], row
        assert not row["new_value"].startswith("{"), row  # no stored record as a JSON blob
    weight = next(cells(viewer, r) for r in range(viewer.model.rowCount())
                  if viewer.model.rows[r].field == "weight_kg" and viewer.model.rows[r].table_name == "visits")
    assert weight["field"] == "Weight" and weight["visit"] and weight["reason"]


def test_the_field_filter_matches_labels_and_the_stored_record_shows_on_demand(qtbot, demo_db) -> None:
    change_haemoglobin(demo_db)
    viewer = viewer_over(qtbot, demo_db)
    viewer.field.setText("haemoglobin")
    viewer.refresh()
    assert viewer.model.rowCount() > 0
    assert {cells(viewer, r)["field"] for r in range(viewer.model.rowCount())} <= {
        "Haemoglobin", "Haemoglobin — unit", "Haemoglobin — not attributable to SLE"}
    assert not viewer.raw.isVisible()
    viewer.table.selectRow(0)
    qtbot.mouseClick(viewer.raw_button, Qt.MouseButton.LeftButton)
    assert viewer.raw.isVisible() and "table lab_values" in viewer.raw.toPlainText()
    qtbot.mouseClick(viewer.raw_button, Qt.MouseButton.LeftButton)
    assert not viewer.raw.isVisible()
