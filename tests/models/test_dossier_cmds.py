"""main.py export-dossier / import-dossier: lossless round trip through a database file, refusals with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from endpoints.dossier_json import dossier_to_json
from main import main

from .test_dossier_store import full_dossier

ROOT = Path(__file__).resolve().parents[2]


def _write(path: Path, obj: dict) -> Path:
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return path


def test_import_then_export_gives_the_same_dossier(tmp_path, capsys):
    original = dossier_to_json(full_dossier())
    source = _write(tmp_path / "LN-01.json", original)
    db = tmp_path / "study.sqlite3"
    assert main(["import-dossier", "--db", str(db), str(source), "--user", "dm"]) == 0
    assert "imported subject LN-01" in capsys.readouterr().out
    out = tmp_path / "out.json"
    assert main(["export-dossier", "--db", str(db), "--subject", "LN-01", "--as-of", "2026-07-01",
                 "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == original
    assert "두통" in out.read_text(encoding="utf-8")


def test_export_to_standard_output_in_a_real_process(tmp_path):
    source = _write(tmp_path / "d.json", dossier_to_json(full_dossier()))
    db = tmp_path / "study.sqlite3"
    assert main(["import-dossier", "--db", str(db), str(source)]) == 0
    done = subprocess.run([sys.executable, "main.py", "export-dossier", "--db", str(db), "--subject", "LN-01",
                           "--as-of", "2026-07-01"], cwd=ROOT, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.decode("utf-8")) == dossier_to_json(full_dossier())


def test_existing_subject_needs_replace_and_a_reason(tmp_path, capsys):
    source = _write(tmp_path / "d.json", dossier_to_json(full_dossier()))
    db = tmp_path / "study.sqlite3"
    assert main(["import-dossier", "--db", str(db), str(source)]) == 0
    capsys.readouterr()
    assert main(["import-dossier", "--db", str(db), str(source)]) == 2
    err = capsys.readouterr().err
    assert "already exists" in err and err.count("\n") == 1
    assert main(["import-dossier", "--db", str(db), str(source), "--replace"]) == 2
    assert "--replace needs a --reason" in capsys.readouterr().err
    assert main(["import-dossier", "--db", str(db), str(source), "--reason", "why"]) == 2
    assert main(["import-dossier", "--db", str(db), str(source), "--replace", "--reason", "re-sent by the lab"]) == 0


def test_malformed_dossier_names_the_path_and_writes_nothing(tmp_path, capsys):
    obj = dossier_to_json(full_dossier())
    obj["visits"][0]["labs"]["upcr_g_g"] = "high"
    source = _write(tmp_path / "bad.json", obj)
    db = tmp_path / "study.sqlite3"
    assert main(["import-dossier", "--db", str(db), str(source)]) == 2
    assert "$.visits[0].labs.upcr_g_g" in capsys.readouterr().err
    assert not db.exists()
    (tmp_path / "broken.json").write_text("{not json")
    assert main(["import-dossier", "--db", str(db), str(tmp_path / "broken.json")]) == 2
    assert "$: not valid JSON (line 1, column 2" in capsys.readouterr().err


def test_export_refusals(tmp_path, capsys):
    missing = tmp_path / "missing.sqlite3"
    assert main(["export-dossier", "--db", str(missing), "--subject", "LN-01"]) == 2
    assert "no such database" in capsys.readouterr().err
    assert not missing.exists()
    source = _write(tmp_path / "d.json", dossier_to_json(full_dossier()))
    db = tmp_path / "study.sqlite3"
    main(["import-dossier", "--db", str(db), str(source)])
    capsys.readouterr()
    assert main(["export-dossier", "--db", str(db), "--subject", "LC-09"]) == 2
    assert "No subject LC-09" in capsys.readouterr().err
    assert main(["export-dossier", "--db", str(db), "--subject", "LN-01", "--as-of", "2026-13-01"]) == 2
