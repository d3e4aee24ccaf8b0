"""Analysis tables: one per form plus scores, endpoint results and a dictionary, in CSV (UTF-8 with BOM),
XLSX, SAS XPT v5 (read back with pyreadstat) and Dataset-JSON 1.1."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest

from endpoints import sledai
from endpoints.evaluate import evaluate_subject
from exchange.dataset_files import XLSX_NAME
from exchange.datasets import build_datasets
from main import main
from models.dossier_store import load_dossiers

AS_OF = date(2026, 11, 25)


@pytest.fixture
def tables(demo):
    return {t.name: t for t in build_datasets(demo, AS_OF)}


def _export(demo_path: Path, fmt: str, out: Path) -> None:
    args = ["export", "--db", str(demo_path), "--format", fmt, "--out", str(out), "--as-of", AS_OF.isoformat()]
    assert main(args) == 0


def test_one_table_per_form_with_keys_then_items(tables):
    expected = {"DM", "EX", "CMSTER", "CM", "AE", "SV", "LB", "SLEDAI", "BILAG", "SCORES", "ENDPOINT", "DICT"}
    assert expected <= set(tables)
    lb = tables["LB"]
    names = [c.name for c in lb.columns]
    assert names[:5] == ["subjid", "subgrp", "visit", "visitdt", "studyday"]
    assert "hemoglobin_g_dl" in names and "hemoglobin_g_dl_orres" not in names
    dictionary = {(row[0], row[1]) for row in tables["DICT"].rows}
    assert all((t.name, c.name) in dictionary for t in tables.values() if t.name != "DICT" for c in t.columns)


def test_values_scores_and_endpoints_come_from_the_dossier_and_the_evaluator(demo, tables):
    dossiers = {d.subject.id: d for d in load_dossiers(demo, AS_OF)}
    lb = tables["LB"]
    col = [c.name for c in lb.columns]
    for row in lb.rows:
        d = dossiers[row[0]]
        visit = next(v for v in d.visits if v.code == row[2] and v.date == row[3])
        assert row[col.index("hemoglobin_g_dl")] == visit.labs.hemoglobin_g_dl
    scores = tables["SCORES"]
    for row in scores.rows:
        visit = next(v for v in dossiers[row[0]].visits if v.code == row[2] and v.date == row[3])
        assert row[5] == sledai.score(visit.sledai)
    results = {(r[0], r[2]): r[4] for r in tables["ENDPOINT"].rows}
    for subject_id, d in dossiers.items():
        evaluated = evaluate_subject(d, demo.config.params, AS_OF)
        assert {eid: results[(subject_id, eid)] for eid in evaluated.endpoints} == {
            eid: r.status for eid, r in evaluated.endpoints.items()}


def test_csv_is_utf8_with_a_byte_order_mark_and_keeps_hangul(demo_path, tmp_path):
    _export(demo_path, "csv", tmp_path / "csv")
    raw = (tmp_path / "csv" / "ae.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert any("두통" in row["term"] for row in rows)


def test_xpt_version_5_reads_back_with_short_names_and_labels(demo_path, tmp_path, tables):
    _export(demo_path, "xpt", tmp_path / "xpt")
    for table in tables.values():
        frame, meta = pyreadstat.read_xport(str(tmp_path / "xpt" / f"{table.name.lower()}.xpt"))
        assert meta.table_name == table.name and len(frame) == len(table.rows)
        assert all(len(name) <= 8 for name in meta.column_names)
        assert all(len(label or "") <= 40 for label in meta.column_labels)
    frame, _ = pyreadstat.read_xport(str(tmp_path / "xpt" / "lb.xpt"))
    first = tables["LB"].rows[0]
    assert frame.loc[0, "SUBJID"] == first[0] and frame.loc[0, "VISITDT"] == first[3]
    assert frame.loc[0, "HGB"] == pytest.approx(first[5])


def test_xlsx_has_one_sheet_per_table(demo_path, tmp_path, tables):
    _export(demo_path, "xlsx", tmp_path / "xlsx")
    sheets = pd.read_excel(tmp_path / "xlsx" / XLSX_NAME, sheet_name=None)
    assert set(sheets) == set(tables)
    assert len(sheets["AE"]) == len(tables["AE"].rows)


def test_dataset_json_1_1(demo_path, tmp_path, tables):
    _export(demo_path, "dataset-json", tmp_path / "json")
    doc = json.loads((tmp_path / "json" / "lb.json").read_text(encoding="utf-8"))
    for key in ("datasetJSONCreationDateTime", "itemGroupOID", "records", "name", "label", "columns"):
        assert key in doc
    assert doc["datasetJSONVersion"] == "1.1.0" and doc["records"] == len(doc["rows"]) == len(tables["LB"].rows)
    assert all(len(row) == len(doc["columns"]) for row in doc["rows"])
    types = {c["name"]: c["dataType"] for c in doc["columns"]}
    assert types["visitdt"] == "date" and types["hemoglobin_g_dl"] == "double"
    assert [c["keySequence"] for c in doc["columns"] if "keySequence" in c] == [1, 2, 3, 4, 5]


def test_metadata_only_writes_the_dictionary(demo_path, tmp_path):
    out = tmp_path / "meta"
    assert main(["export", "--db", str(demo_path), "--format", "csv", "--out", str(out), "--metadata-only"]) == 0
    assert [p.name for p in out.iterdir()] == ["dict.csv"]
