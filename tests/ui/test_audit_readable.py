"""The audit viewer reads like the forms: subject, visit, form and field label (never a table or column name), one
row per change with its reason, the stored record only on demand."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from sqlalchemy import select

from models import schema as s
from models.demo_security import DEMO_ACCOUNTS
from models.users import authenticate
from reports.form_labels import FORM_FIELDS, INFUSION_VITALS, visit_field
from reports.labels import LABS
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
    assert signatures and all(row["field"] == "Why the signature no longer holds" for row in signatures)  # one row each
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


def test_every_changed_field_is_named_by_its_forms_label(qtbot, demo_db, monkeypatch) -> None:
    """Every audited column of the demo trail (visit form, infusion, registration, signature, query, lock, SDV,
    subject logs…) is named from the forms' one list of labels, never by tidying the column name."""
    import reports.field_names as field_names

    def no_tidying(column: str) -> str:
        raise AssertionError(f"{column} has no label on its form")

    change_haemoglobin(demo_db)
    monkeypatch.setattr(field_names, "humanise", no_tidying)
    viewer = viewer_over(qtbot, demo_db)
    named: dict[tuple[str, str], str] = {}
    for r in range(viewer.model.rowCount()):
        entry = viewer.model.rows[r]
        row = cells(viewer, r)
        assert row["form"] and (entry.field is None or row["field"]), (entry.table_name, entry.field)
        if entry.field is not None:
            named[(entry.table_name, entry.field)] = row["field"]
    assert {table for table, _ in named} >= {"visits", "lab_values", "infusions", "signatures", "queries",
                                              "adverse_events"}
    assert named[("infusions", "lot_number")] == FORM_FIELDS["infusion"]["lot_number"] == "Product lot number"
    assert named[("infusions", "pre_pulse_bpm")] == "Before infusion: Pulse (/min)"
    assert named[("infusions", "start_time")] == "Infusion time: Start"
    assert named[("visits", "window_comment")] == "Why outside the window"
    assert named[("queries", "status")] == "Query status"
    verified = {cells(viewer, r)["field"] for r in range(viewer.model.rowCount())
                if viewer.model.rows[r].table_name == "sdv_marks"}
    assert {"Visit date", "Weight"} <= verified and "" not in verified  # the value verified


def test_the_forms_show_the_labels_the_viewer_names(qtbot, demo_db) -> None:
    """The registration form, the infusion dialog's vital signs and the visit form read the same list."""
    from PySide6.QtWidgets import QFormLayout, QLabel

    from ui.subjects.form import SubjectForm

    form = SubjectForm()
    qtbot.addWidget(form)
    for key, field in form.fields.items():
        layout = field.parentWidget().layout()
        label = layout.labelForField(field) if isinstance(layout, QFormLayout) else None
        if isinstance(label, QLabel):
            assert label.text().replace("&", "") == FORM_FIELDS["registration"][key], key
    from ui.schedule.infusion import VITALS

    assert dict(VITALS) == INFUSION_VITALS
    assert visit_field("proteinuria_g_24h") == LABS["proteinuria_g_24h"][0] == "24-h urine protein"


def test_a_query_message_shows_the_visit_and_field_of_its_query(qtbot, demo_db) -> None:
    """Messages, status changes and the query itself are placed at the visit and field the query is about."""
    with demo_db.read() as session:
        queries = {q.id: (q.table_name, q.record_id, q.label) for q in session.scalars(select(s.QueryRow))}
        visits = {v.id: f"{v.code} {v.date.isoformat()}" for v in session.scalars(select(s.Visit))
                  if v.date is not None}
    viewer = viewer_over(qtbot, demo_db)
    seen: dict[str, list[tuple[str, str]]] = {}
    for r in range(viewer.model.rowCount()):
        entry = viewer.model.rows[r]
        if entry.table_name not in ("queries", "query_messages"):
            continue
        row = cells(viewer, r)
        query_id = entry.record_id if entry.table_name == "queries" else \
            int(json.loads(entry.new_value or entry.old_value)["query_id"])
        table, record_id, label = queries[query_id]
        assert row["form"] == "Query"
        assert row["visit"] == (visits[record_id] if table == "visits" else ""), (entry.table_name, row)
        assert row["field"] == ("Query status" if entry.field == "status" else label), (entry.table_name, row)
        seen.setdefault(entry.table_name, []).append((row["visit"], row["field"]))
    messages = seen["query_messages"]
    assert len(messages) >= 5 and any(visit for visit, _field in messages) and all(f for _v, f in messages)


def test_every_column_is_in_view_on_the_laptop_screen(qtbot, demo_db) -> None:
    """At the width the audit trail gets on a 1366-px screen, no column lies beyond the table's right edge (long
    values and reasons give way; their whole text is in the tool tip)."""
    viewer = viewer_over(qtbot, demo_db)
    viewer.resize(1100, 600)
    qtbot.wait(50)
    table = viewer.table
    right = sum(table.columnWidth(c) for c in range(len(SHOWN)))
    assert right <= table.viewport().width()
    assert all(table.columnWidth(SHOWN.index(name)) >= 70 for name in ("new_value", "reason"))
