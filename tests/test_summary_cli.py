"""`main.py summary`: the study summary of a database as JSON, equal to the engine + summary over a bulk load."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from endpoints.evaluate import evaluate_subject
from endpoints.summary import summarize, summary_to_json
from main import main
from models.database import open_database
from models.demo import write_demo_database
from models.dossier_store import load_dossier

AS_OF = date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("summary") / "demo.sqlite3"
    write_demo_database(path, n_subjects=10, seed=1, as_of=AS_OF)
    return path


def run_summary(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["summary", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_summary_json_equals_engine_and_summary(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run_summary(capsys, "--db", str(demo_db), "--as-of", AS_OF.isoformat())
    assert code == 0
    printed = json.loads(out)
    db = open_database(demo_db, create=False)
    try:
        ids = ["LC-01", "LC-02", "LC-03", "LC-04", "LC-05", "LN-01", "LN-02", "LN-03", "LN-04", "LN-05"]
        results = [evaluate_subject(load_dossier(db, sid, AS_OF), db.config.params, as_of=AS_OF) for sid in ids]
    finally:
        db.close()
    assert printed == json.loads(json.dumps(summary_to_json(summarize(results, as_of=AS_OF))))
    assert printed["as_of"] == "2026-11-25"
    assert printed["n_subjects"] == 10


def test_summary_counts_and_ci_of_a_known_endpoint(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    printed = json.loads(run_summary(capsys, "--db", str(demo_db), "--as-of", AS_OF.isoformat())[1])
    renal = printed["proportions"]["ln_renal_response"]
    assert set(renal) == {"LN"}
    ln = renal["LN"]
    # LN-01 responder, LN-02 non-responder, LN-03..05 still pending (demo design).
    assert (ln["responders"], ln["n"], ln["pending"], ln["not_evaluable"]) == (1, 2, 3, 0)
    assert ln["proportion"] == 0.5
    assert ln["ci_low"] == pytest.approx(0.012579, abs=1e-6)
    assert ln["ci_high"] == pytest.approx(0.987421, abs=1e-6)
    primary = printed["proportions"]["primary_steroid_taper"]
    assert set(primary) == {"LN", "LC", "all"}
    assert primary["all"]["responders"] == primary["LN"]["responders"] + primary["LC"]["responders"]
    flare = printed["kaplan_meier"]["time_to_severe_sfi_flare"]["LN"]
    assert flare["events"] == 1  # LN-02, day 61
    assert any(step["day"] == 61 and step["events"] == 1 for step in flare["steps"])
    assert flare["provisional"] is True


def test_summary_bad_input(tmp_path: Path, demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_summary(capsys, "--db", str(demo_db), "--as-of", "2026-13-01")
    assert code == 2 and out == "" and "as-of" in err
    code, out, err = run_summary(capsys, "--db", str(tmp_path / "missing.sqlite3"))
    assert code == 2 and out == "" and "no such database" in err
    assert not (tmp_path / "missing.sqlite3").exists()
    not_sqlite = tmp_path / "notes.txt"
    not_sqlite.write_text("not a database", encoding="utf-8")
    code, out, err = run_summary(capsys, "--db", str(not_sqlite))
    assert code == 2 and out == "" and err.startswith("error:")
