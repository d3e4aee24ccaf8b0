"""`main.py status`: the grid and the operations as JSON, the grid as CSV, from the same functions as the screens;
bad input gives one line and exit code 2."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from endpoints.visit_ladder import COLUMNS, STATUSES
from main import main
from models.database import open_database
from models.demo import write_demo_database
from models.status_store import load_study_status

AS_OF = date(2026, 11, 25)
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("status_cli") / "demo.sqlite3"
    write_demo_database(path, n_subjects=10, seed=1, as_of=AS_OF)
    return path


def test_json_has_the_grid_and_the_operations(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--db", str(demo_path), "--as-of", AS_OF.isoformat()]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["as_of"] == "2026-11-25"
    assert len(printed["grid"]) == 10 * len(COLUMNS)
    assert set(printed["grid"][0]) == {"subject", "visit", "status", "date", "due", "open_queries",
                                       "answered_queries"}
    assert {r["status"] for r in printed["grid"]} == set(STATUSES)
    db = open_database(demo_path, create=False)
    try:
        cells = [c for s in load_study_status(db, AS_OF) for c in s.cells]
    finally:
        db.close()
    assert [(r["subject"], r["visit"], r["status"], r["open_queries"]) for r in printed["grid"]] == \
        [(c.subject_id, c.column, c.status, c.open_queries) for c in cells]
    ops = printed["operations"]
    assert ops["enrolment"]["LN"]["target"] == 5 and ops["visits"]["missed"] >= 1
    assert all(n >= 1 for n in ops["open_queries"]["by_age_days"].values())
    assert 0 < ops["sdv"]["values_percent"] < 100


def test_csv_is_the_grid(demo_path: Path) -> None:
    done = subprocess.run([sys.executable, "main.py", "status", "--db", str(demo_path), "--as-of", "2026-11-25",
                           "--format", "csv"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == 10 * len(COLUMNS) and rows[0]["subject"] == "LC-01" and rows[0]["visit"] == "SCR"
    missed = [r for r in rows if r["status"] == "missed"]
    assert missed and missed[0]["date"] == ""


def test_a_bad_date_or_format_exits_2(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--db", str(demo_path), "--as-of", "2026-02-30"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "as-of" in err
    with pytest.raises(SystemExit) as stopped:
        main(["status", "--db", str(demo_path), "--format", "xml"])
    assert stopped.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_a_missing_or_foreign_file_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    assert main(["status", "--db", str(tmp_path / "missing.sqlite3")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "no such database" in err
    assert not (tmp_path / "missing.sqlite3").exists()
    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a database")
    assert main(["status", "--db", str(foreign)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith("error:")

