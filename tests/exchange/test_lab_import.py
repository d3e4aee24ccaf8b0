"""Laboratory import: the example exports (Hangul test names, CSV and XLSX) give every fate; applying writes the
new values in one audited transaction, and a conflict only with its own choice and a reason."""

from __future__ import annotations

import io
import sys
from datetime import date

import pytest
from sqlalchemy import select

from exchange.lab_import import (
    CONFLICT,
    DUPLICATE,
    IMPLAUSIBLE,
    NEW,
    NEW_VISIT,
    NO_VISIT,
    OVERWRITE,
    SAME,
    SKIP,
    UNKNOWN_SUBJECT,
    UNKNOWN_TEST,
    UNKNOWN_UNIT,
    UNREADABLE,
    LabFileError,
    LabRow,
    apply_labs,
    preview_labs,
    read_lab_file,
)
from exchange.lab_mapping import MappingError, load_mapping, parse_mapping
from main import main
from models.demo_security import DEMO_ACCOUNTS
from models.errors import ReasonRequired
from models.schema import AuditEntry, LabValue, SoftLimitConfirmation, Visit
from models.visit_store import COMPLETE, INCOMPLETE, LabEntry, VisitEntry, list_visits, save_visit
from tests.exchange.conftest import LABS

MAPPING = LABS / "hanyang-lab.toml"
EXPECTED = {2: SAME, 3: CONFLICT, 4: NEW, 5: NEW, 6: NO_VISIT, 7: UNKNOWN_TEST, 8: UNKNOWN_UNIT, 9: IMPLAUSIBLE,
            10: UNKNOWN_SUBJECT, 11: UNREADABLE, 12: DUPLICATE}


def _labs(db) -> dict[tuple[str, str], LabValue]:
    with db.read() as session:
        rows = session.execute(select(Visit.code, Visit.date, LabValue).join(LabValue.visit)).all()
    return {(f"{code} {when}", lab.key): lab for code, when, lab in rows}


@pytest.mark.parametrize("name", ["hanyang-labs.csv", "hanyang-labs.xlsx"])
def test_every_fate_of_the_example_exports(lab_db, name):
    rows = read_lab_file(LABS / name, load_mapping(MAPPING))
    preview = preview_labs(lab_db, rows, load_mapping(MAPPING))
    assert {row.line: row.fate for row in preview.rows} == EXPECTED
    by_line = {row.line: row for row in preview.rows}
    assert by_line[3].entered == "0.97 mg/dL" and by_line[3].canonical == 1.0  # 88.4 µmol/L
    assert by_line[4].value_text == "3.9" and by_line[4].visit_code == "SCR"  # decimal comma
    assert by_line[5].visit_code == "W4"  # 2026-02-16: the day before W4, inside its window
    assert "impossible" in by_line[9].message
    assert preview.counts()[NEW] == 2


def test_applying_writes_new_values_and_leaves_conflicts_alone(lab_db):
    mapping = load_mapping(MAPPING)
    preview = preview_labs(lab_db, read_lab_file(LABS / "hanyang-labs.csv", mapping), mapping)
    with pytest.raises(ReasonRequired):
        apply_labs(lab_db, preview, {}, user="coordinator", reason=" ")
    assert apply_labs(lab_db, preview, {}, user="coordinator", reason="report 2026-11-30") == 2
    labs = _labs(lab_db)
    assert labs[("SCR 2026-01-05", "albumin_g_dl")].original_value == "3.9"
    assert labs[("W4 2026-02-17", "platelets_10e9_l")].canonical_value == 180.0
    assert labs[("SCR 2026-01-05", "creatinine_mg_dl")].canonical_value == 0.97
    again = preview_labs(lab_db, read_lab_file(LABS / "hanyang-labs.csv", mapping), mapping)
    assert again.counts()[SAME] == 3 and again.counts()[NEW] == 0


def test_a_conflict_is_overwritten_only_when_chosen(lab_db):
    mapping = load_mapping(MAPPING)
    preview = preview_labs(lab_db, read_lab_file(LABS / "hanyang-labs.csv", mapping), mapping)
    choices = {3: OVERWRITE, 4: SKIP, 5: SKIP, 6: NEW_VISIT}
    assert apply_labs(lab_db, preview, choices, user="coordinator", reason="lab report checked") == 2
    labs = _labs(lab_db)
    creatinine = labs[("SCR 2026-01-05", "creatinine_mg_dl")]
    assert (creatinine.original_value, creatinine.original_unit, creatinine.canonical_value) == ("88.4", "umol/L", 1.0)
    assert labs[("UNS 2026-03-30", "hemoglobin_g_dl")].canonical_value == 12.0
    assert ("SCR 2026-01-05", "albumin_g_dl") not in labs
    with lab_db.read() as session:
        reasons = set(session.scalars(select(AuditEntry.reason).where(AuditEntry.user == "coordinator")))
    assert reasons == {"lab report checked"}


def test_unknown_subject_by_id_or_screening_number(lab_db):
    mapping = load_mapping(MAPPING)
    rows = [LabRow(2, "LN-11", "20260105", "HGB", "10.9", "g/dL"), LabRow(3, "ln-11", "2026-01-05", "HGB", "1", "g/dL")]
    fates = [row.fate for row in preview_labs(lab_db, rows, mapping).rows]
    assert fates == [SAME, UNKNOWN_SUBJECT]


def test_the_command_line_previews_then_applies(lab_db, capsys):
    args = ["import-labs", "--db", str(lab_db.path), str(LABS / "hanyang-labs.xlsx"), "--mapping", str(MAPPING)]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "row 3: S-101 2026-01-05 크레아티닌 88.4 µmol/L -> conflicts with the entered value" in out
    assert main([*args, "--overwrite", "3"]) == 2
    assert "needs a --reason" in capsys.readouterr().err
    assert main([*args, "--overwrite", "4", "--reason", "lab report checked"]) == 2
    assert "row 4 is not a conflict row" in capsys.readouterr().err
    assert main([*args, "--overwrite", "3", "--reason", "lab report checked"]) == 0
    assert "wrote 3 lab value(s)" in capsys.readouterr().out


def test_bad_mapping_and_missing_column(tmp_path):
    with pytest.raises(MappingError, match="not a numeric lab key"):
        parse_mapping('[columns]\nsubject="a"\ncollected="b"\ntest="c"\nvalue="d"\nunit="e"\n[tests]\n"x"="egfr"\n')
    with pytest.raises(MappingError, match="needs collected"):
        parse_mapping('[columns]\nsubject="a"\n')
    bad = tmp_path / "labs.csv"
    bad.write_text("등록번호,검사명\nS-101,혈색소\n", encoding="utf-8-sig")
    with pytest.raises(LabFileError, match="no column '채취일'"):
        read_lab_file(bad, load_mapping(MAPPING))


def test_an_unusual_value_is_confirmed_and_a_completed_visit_says_so(lab_db):
    labs = {key: LabEntry(text, unit) for key, text, unit in (
        ("hemoglobin_g_dl", "11.0", "g/dL"), ("wbc_10e9_l", "5.1", "10^9/L"), ("anc_10e9_l", "3.0", "10^9/L"),
        ("lymphocytes_10e9_l", "1.2", "10^9/L"))}
    entry = VisitEntry("D3", date(2026, 1, 23), weight_kg=54.0, systolic_bp_mmhg=120, diastolic_bp_mmhg=80,
                       pulse_bpm=70, temperature_c=36.5, labs=labs)
    save_visit(lab_db, "LN-11", entry, user="setup", reason=None, today=date(2026, 11, 25))
    assert {v.code: v.entry_status for v in list_visits(lab_db, "LN-11")}["D3"] == INCOMPLETE
    mapping = load_mapping(MAPPING)
    preview = preview_labs(lab_db, [LabRow(2, "S-101", "2026-01-23", "혈소판", "820", "x10^3/uL")], mapping)
    (row,) = preview.rows
    assert row.fate == NEW and "unusually high" in row.unusual
    assert apply_labs(lab_db, preview, {}, user="coordinator", reason="report 2026-11-30") == 1
    assert {v.code: v.entry_status for v in list_visits(lab_db, "LN-11")}["D3"] == COMPLETE
    with lab_db.read() as session:
        confirmation = session.scalars(select(SoftLimitConfirmation)).one()
    assert (confirmation.field, confirmation.value_text, confirmation.confirmed_by) == (
        "platelets_10e9_l", "820", "coordinator")


def test_on_a_database_with_accounts_applying_signs_in(demo_path, monkeypatch, capsys):
    args = ["import-labs", "--db", str(demo_path), str(LABS / "hanyang-labs.csv"), "--mapping", str(MAPPING),
            "--reason", "report 2026-11-30"]
    assert main(args) == 2
    assert "--user" in capsys.readouterr().err
    login, _, _, password = DEMO_ACCOUNTS[3]  # the monitor may not enter data
    monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))
    assert main([*args, "--user", login, "--password-stdin"]) == 2
    assert "may not" in capsys.readouterr().err
    login, _, _, password = DEMO_ACCOUNTS[1]
    monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))
    assert main([*args, "--user", login, "--password-stdin"]) == 0
    assert "unknown subject" in capsys.readouterr().out
