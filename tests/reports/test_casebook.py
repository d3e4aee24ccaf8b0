"""The casebook read as an inspector would, on the demo database (models.demo): audit trail, queries with their
threads, SDV ticks and query flags on the values, values as entered, infusion details and schedule changes."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from reports.source import build_subject_pdf
from tests.reports.conftest import AS_OF, PRINTED
from tests.reports.pdfcheck import outline, page_texts


@pytest.fixture(scope="module")
def casebooks(demo_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    from models.database import open_database

    db = open_database(demo_db_path, create=False)
    folder = tmp_path_factory.mktemp("casebooks")
    window = _rows(demo_db_path, "SELECT s.subject_id FROM visits v JOIN subjects s ON s.id = v.subject_pk "
                                 "WHERE v.window_comment IS NOT NULL")
    try:
        return {sid: " ".join(page_texts(build_subject_pdf(folder / f"{sid}.pdf", db, sid, as_of=AS_OF,
                                                             printed_on=PRINTED)))
                for sid in {"LN-01", "LN-02", "LC-05", *(sid for sid, in window)}}
    finally:
        db.close()


def _rows(path: Path, sql: str, *args: object) -> list[tuple]:
    with sqlite3.connect(path) as con:
        return con.execute(sql, args).fetchall()


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start):text.index(end, text.index(start))]


def test_audit_trail_prints_every_row_of_the_subject(casebooks: dict[str, str], demo_db_path: Path) -> None:
    for sid, text in casebooks.items():
        (count,), = _rows(demo_db_path, "SELECT count(*) FROM audit_log WHERE subject_id = ?", sid)
        assert f"{count:,} audit rows" in text
        trail = text[text.index(f"{count:,} audit rows"):]
        changes = _rows(demo_db_path, "SELECT old_value, new_value FROM audit_log WHERE subject_id = ? AND "
                                      "action = 'update' AND table_name = 'visits' AND old_value IS NOT NULL", sid)
        for old, new in changes:
            assert f"{old} → {new}" in trail, (sid, old, new)


def test_signature_invalidation_is_in_the_trail(casebooks: dict[str, str]) -> None:
    trail = casebooks["LN-02"][casebooks["LN-02"].index("Signatures and locks"):]
    assert "Signature / Signature invalidated by (derived) (empty) → coordinator" in trail
    assert "transcription error (source document checked)" in trail
    assert "investigator (investigator)" in trail and "coordinator (coordinator)" in trail  # user (role)


def test_queries_print_with_their_whole_thread_and_flag_the_value(casebooks: dict[str, str]) -> None:
    ln02 = casebooks["LN-02"]
    queries = _section(ln02, "Queries and source verification Q1", "Audit trail")
    assert "Q1 — D0 weight (kg) (answered)" in queries
    assert "The weight differs from the source document by 0.5 kg. Please check." in queries
    assert "Corrected from the source document. 확인했습니다." in queries
    assert "monitor (monitor) open" in queries and "coordinator (coordinator) answered" in queries
    d0 = _section(ln02, "D0 — Day 0 — infusion 1 · ", "D3 — Day 3 · ")
    assert re.search(r"Weight \d+(\.\d)? kg ⚑Q1", d0)
    assert "⚑ Q1 D0 weight (kg): query answered" in d0
    ln01 = casebooks["LN-01"]
    assert re.search(r"Haemoglobin [^⚑]{0,60}⚑Q3", ln01)  # the lab value under query 3
    aes = _section(ln01, "Adverse events Term", "Endpoints")
    assert "⚑Q5" in aes and "Q5 Grade: query open" in aes


def test_source_verified_values_carry_a_tick_with_who_and_when(casebooks: dict[str, str]) -> None:
    scr = _section(casebooks["LN-01"], "SCR — Screening · ", "D0 — Day 0 — infusion 1 · ")
    assert re.search(r"Visit date 2026-\d\d-\d\d ✓", scr) and re.search(r"Weight [\d.]+ kg ✓", scr)
    assert re.search(r"✓ Weight = 66.3: source-verified by monitor \d{4}-\d\d-\d\d \d\d:\d\d", scr)
    sdv = _section(casebooks["LN-01"], "Source-data verification", "Locks")
    assert "Visit SCR" in sdv and "monitor" in sdv


def test_values_as_entered_infusion_details_and_schedule_changes(casebooks: dict[str, str],
                                                                 demo_db_path: Path) -> None:
    ln01 = casebooks["LN-01"]
    for value, in _rows(demo_db_path, "SELECT l.original_value FROM lab_values l JOIN visits v ON v.id = l.visit_id "
                                      "JOIN subjects s ON s.id = v.subject_pk WHERE s.subject_id = 'LN-01' AND "
                                      "l.original_unit = '/uL' LIMIT 3"):
        assert f"{value} /µL (/mm³)" in ln01  # as typed, beside the canonical ×10⁹/L value
    for lot, in _rows(demo_db_path, "SELECT lot_number FROM infusions i JOIN subjects s ON s.id = i.subject_pk "
                                    "WHERE s.subject_id = 'LN-01' AND lot_number IS NOT NULL"):
        assert lot in ln01
    reason, = _rows(demo_db_path, "SELECT reason FROM schedule_changes")[0]
    assert reason in casebooks["LC-05"]
    assert "Out of window: reason Public holiday (추석); clinic closed" in " ".join(casebooks.values())


def test_casebook_bookmarks_land_on_their_headings(demo_db_path: Path, tmp_path: Path) -> None:
    from models.database import open_database

    db = open_database(demo_db_path, create=False)
    try:
        out = build_subject_pdf(tmp_path / "LN-02.pdf", db, "LN-02", as_of=AS_OF, printed_on=PRINTED)
    finally:
        db.close()
    texts = page_texts(out)
    entries = outline(out)
    for level, title, page in entries:
        assert title in texts[page - 1], (level, title, page)
    audit = [title for level, title, _ in entries if level == 2][-3:]
    assert audit == ["Logs and events", "Queries and source verification", "Signatures and locks"]
    assert "Q4 — SLEDAI-2K: Rash" in [title for _, title, _ in entries]


def test_visit_headings_show_the_ladder_status(casebooks: dict[str, str]) -> None:
    headings = re.findall(r"(\w+) — [^·]+ · \d{4}-\d\d-\d\d · day -?\d+ \[status: ([a-z ]+)", casebooks["LN-01"])
    assert ("SCR", "signed") in headings  # the demo's signed screening visit (endpoints.visit_ladder)
    assert {status for _, status in headings} <= {"complete", "incomplete", "signed", "verified", "locked"}


def test_audit_trail_names_forms_and_fields_as_the_audit_viewer(demo_db) -> None:
    """Every row's "Form / field" is the form title and field label of reports.form_labels, found as the screen's
    audit viewer finds them (ui.trust.audit_labels over models.audit_places); derived values say so."""
    from models.casebook_store import casebook_records
    from reports.casebook_sections import audit_section
    from reports.line_table import LineTable
    from reports.source import registry_extras
    from ui.trust.audit_labels import AuditLabels

    labels = AuditLabels()
    for sid in ("LN-01", "LN-02"):
        extras = registry_extras(demo_db, sid, AS_OF)
        records = casebook_records(demo_db, sid)
        printed = [" ".join(row[2]) for flowable in audit_section(records, "a", extras.places)
                   if isinstance(flowable, LineTable) for row in flowable.body]
        by_id = {line.id: line for line in records.audit}
        numbers = {line.record_id: json.loads(line.new_value)["number"] for line in records.audit
                   if line.table_name == "infusions" and line.action == "insert"}
        expected = {}
        for row_id, place in extras.places.items():
            form, field = labels.form(place), labels.field(place)
            if by_id[row_id].table_name == "infusions":
                form += f" {numbers[by_id[row_id].record_id]}"
            field = f"{field} (derived)" if field and place.derived else field
            expected[row_id] = f"{form} / {field}" if field else form
        assert sorted(printed) == sorted(expected.values()), sid
        assert len(printed) == len(records.audit)
    for name in ("Visit form / Haemoglobin", "Visit form / Haemoglobin — unit", "Visit form / Weight",
                 "Infusion 2 / Product lot number", "Infusion 1 / Before infusion: Pulse (/min)",
                 "Adverse events / Action taken", "Visit form / Entry status (derived)"):
        assert name in printed, name
    assert "Signature / Why the signature no longer holds" in printed
    assert "Query / D0 weight (kg)" in printed  # a query's stored label, as on screen
