"""2,000 mutated dossiers (seeded, deterministic) through `endpoints` and `import-dossier`: wrong types, missing
keys, huge and non-finite numbers, impossible dates, deep nesting, 5 MB strings, invalid UTF-8, lone surrogates,
repeated keys, truncation. Goal: 0 internal errors, 0 tracebacks, 0 implausible values stored, the database
unchanged after every refusal.

All 2,000 go through the importer's own steps in-process on one database (the command's reader, rules and
audited write), every 19th through the whole `import-dossier` command in-process, and a few through a real
process; the 2,000 files go through `endpoints` as one folder (JSON Lines).
"""

from __future__ import annotations

import json
import os
import random
import re
import sqlite3
import subprocess
import sys
from collections import Counter
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from endpoints.dossier import MAX_INITIALS, WEIGHT_RANGE_KG
from endpoints.dossier_json import DossierError, dossier_from_json, json_from_text
from endpoints.edit_checks import LIMITS
from main import main
from models.anchor import read_head
from models.database import open_database
from models.dossier_store import import_dossier
from models.errors import ImportRefused

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "tests" / "data" / "dossiers").glob("*.json"))
N_DOSSIERS = 2000
SEED = 17


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _paths(child, (*path, i))
    return found


def _set(obj: Any, path: tuple, value: Any) -> None:
    for key in path[:-1]:
        obj = obj[key]
    obj[path[-1]] = value


def _delete(obj: Any, path: tuple) -> None:
    for key in path[:-1]:
        obj = obj[key]
    del obj[path[-1]]


_ODD_VALUES = ("", "x", -1, 0, 1e9, -1e-9, 3.5, True, False, None, [], {}, "2026-02-30", "9999-12-31", "0001-01-01",
               "1900-01-01", "Robert'); DROP TABLE subjects;--", 10**18, 2**53 + 1, "LN-1", "LN-" + "9" * 30)


def _nested(depth: int) -> list:
    value: list = [1]
    for _ in range(depth):
        value = [value]
    return value


def _mutate_value(rng: random.Random, doc: dict) -> str:
    doc = json.loads(json.dumps(doc))
    paths = [p for p in _paths(doc) if p]
    kind = rng.choice(("odd", "odd", "delete", "weight", "date", "text", "extension"))
    path = rng.choice(paths)
    if kind == "odd":
        _set(doc, path, rng.choice(_ODD_VALUES))
    elif kind == "delete":
        _delete(doc, path)
    elif kind == "weight":
        doc["subject"]["weight_kg"] = rng.choice((1e9, 0.0, 24.9, 250.1, 1e-300, 10**400 // 10**399))
    elif kind == "date":
        doc["subject"]["birth_date"], doc["subject"]["consent_date"] = rng.choice(
            (("2026-05-01", "2026-01-01"), ("2010-01-01", "2026-01-01"), ("2999-01-01", "2999-02-01"),
             ("1990-01-01", "2999-01-01")))
    elif kind == "text":
        field = rng.choice(("initials", "id"))
        doc["subject"][field] = rng.choice(("김" * 21, "x" * 5_000_000, "\u0000", "LN-01\n"))
    else:
        doc.setdefault("extensions", {})["fuzz"] = rng.choice(
            ({"a": [1, 2, {"b": None}]}, "x" * 2_000_000, _nested(40)))
    return json.dumps(doc, ensure_ascii=False)


def _mutate_text(rng: random.Random, text: str) -> bytes:
    kind = rng.choice(("huge_int", "huge_int401", "nan", "infinity", "big_float", "nesting", "surrogate",
                       "dup_key", "truncate", "bad_utf8", "control"))
    if kind == "huge_int":
        return text.replace('"number": 1', '"number": 1' + "0" * 5000, 1).replace(
            '"format"', '"weight":' + "9" * 4301 + ', "format"', 1 if '"number": 1' not in text else 0).encode()
    if kind == "huge_int401":
        return re.sub(r'"weight_kg": [0-9.]+', '"weight_kg": ' + "7" * 401, text, count=1).encode()
    if kind == "nan":
        return re.sub(r'"pga": [0-9.]+', '"pga": NaN', text, count=1).replace('"format"', '"extensions": '
                                                                             '{"x": NaN}, "format"', 1).encode()
    if kind == "infinity":
        return text.replace('"format"', '"as_of_x": Infinity, "format"', 1).encode()
    if kind == "big_float":
        return re.sub(r'"creatinine_mg_dl": [0-9.]+', '"creatinine_mg_dl": 1e400', text, count=1).replace(
            '"format"', '"extensions": {"x": -1e999}, "format"', 1).encode()
    if kind == "nesting":
        depth = rng.choice((40, 900, 1200, 100_000))
        return text.replace('"format"', '"extensions": {"deep": ' + "[" * depth + "]" * depth + '}, "format"',
                            1).encode()
    if kind == "surrogate":
        return text.replace('"format"', '"extensions": {"s": "\\ud800"}, "format"', 1).replace(
            '"id": "', '"id": "\\udfff', 1).encode()
    if kind == "dup_key":
        return text.replace('"subject": {', '"subject": {"sex": "M", ', 1).encode()
    if kind == "truncate":
        return text.encode()[: rng.randrange(1, len(text.encode()))]
    if kind == "bad_utf8":
        data = bytearray(text.encode())
        data[rng.randrange(len(data))] = rng.choice((0xFF, 0xC3, 0x80, 0xED))
        return bytes(data)
    return text.replace('"id": "', '"id": "\u0007', 1).encode()


def mutated_dossiers() -> list[bytes]:
    """N_DOSSIERS mutated dossiers, the same ones every run (seeded); each starts from an example with its own
    subject ID, so the registration rules (not "already exists") decide."""
    rng = random.Random(SEED)
    bases = [json.loads(p.read_text(encoding="utf-8")) for p in EXAMPLES]
    out = []
    for i in range(N_DOSSIERS):
        doc = json.loads(json.dumps(rng.choice(bases)))
        doc["subject"]["id"] = f"{doc['subject']['subgroup']}-{i:04d}"
        doc["subject"]["initials"] = "KM"
        text = json.dumps(doc, ensure_ascii=False)
        if i % 10 == 0:
            out.append(text.encode())  # a clean one now and then: the database does change when it should
        elif i % 2:
            out.append(_mutate_value(rng, doc).encode("utf-8", "surrogatepass"))
        else:
            out.append(_mutate_text(rng, text))
    return out


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    for i, data in enumerate(mutated_dossiers()):
        (folder / f"{i:04d}.json").write_bytes(data)
    return folder


def _import_steps(db: Any, data: bytes) -> str:
    """What `import-dossier` does with the file's bytes: 'imported', or the refusal's kind."""
    try:
        dossier = dossier_from_json(json_from_text(data.decode("utf-8")))
    except UnicodeDecodeError:
        return "refused: not UTF-8"
    except DossierError:
        return "refused: malformed"
    try:
        import_dossier(db, dossier, user="fuzz")
    except ImportRefused:
        return "refused: rule"
    return "imported"


def _implausible(path: Path) -> list[str]:
    """Stored values no form would accept (empty when all is plausible)."""
    low, high = WEIGHT_RANGE_KG
    checks = {
        "subject ID": "SELECT subject_id FROM subjects WHERE subject_id NOT GLOB '[LN][NC]-[0-9][0-9]*' "
                      "OR length(subject_id) > 20",
        "weight": f"SELECT weight_kg FROM subjects WHERE weight_kg NOT BETWEEN {low} AND {high}",
        "initials": f"SELECT initials FROM subjects WHERE length(initials) > {MAX_INITIALS}",
        "consent": "SELECT subject_id FROM subjects WHERE consent_date < birth_date",
        "visit weight": f"SELECT weight_kg FROM visits WHERE weight_kg NOT BETWEEN {LIMITS['weight_kg'].hard_min} "
                        f"AND {LIMITS['weight_kg'].hard_max}",
    }
    found = []
    with closing(sqlite3.connect(path)) as conn:
        for what, sql in checks.items():
            found += [f"{what}: {row[0]!r}" for row in conn.execute(sql)]
        for key, limit in LIMITS.items():
            found += [f"{key}: {row[0]}" for row in conn.execute(
                "SELECT canonical_value FROM lab_values WHERE key = ? AND canonical_value NOT BETWEEN ? AND ?",
                (key, limit.hard_min, limit.hard_max))]
        for (text,) in conn.execute("SELECT extensions_json FROM subjects WHERE extensions_json IS NOT NULL"):
            try:
                json_from_text(text)
            except DossierError as exc:
                found.append(f"extensions: {exc}")
    return found


def test_two_thousand_mutated_dossiers_through_the_importer(fuzz_folder, tmp_path, capsys):
    db = open_database(tmp_path / "fuzz.sqlite3")
    outcomes: Counter[str] = Counter()
    changed_on_refusal = internal = 0
    try:
        for file in sorted(fuzz_folder.glob("*.json")):
            before = read_head(db.path)
            try:
                outcome = _import_steps(db, file.read_bytes())
            except Exception as exc:  # noqa: BLE001 - counted: an internal error is what this test looks for
                internal += 1
                outcome = f"internal: {type(exc).__name__}: {str(exc)[:200]}"
            outcomes[outcome if outcome.startswith(("imported", "refused")) else "internal"] += 1
            if outcome.startswith("internal"):
                print(file.name, outcome)
            if outcome != "imported" and read_head(db.path) != before:
                changed_on_refusal += 1
    finally:
        db.close()
    implausible = _implausible(tmp_path / "fuzz.sqlite3")
    with capsys.disabled():
        print(f"\nfuzz import-dossier: {sum(outcomes.values())} dossiers: {dict(sorted(outcomes.items()))}; "
              f"internal errors {internal}; database changed after a refusal {changed_on_refusal}; "
              f"implausible values stored {len(implausible)}")
    assert sum(outcomes.values()) == N_DOSSIERS
    assert internal == 0 and changed_on_refusal == 0 and implausible == []
    assert outcomes["imported"] >= N_DOSSIERS // 10 and outcomes["refused: rule"] > 100


def test_every_nineteenth_through_the_whole_command(fuzz_folder, tmp_path, capsys):
    db_path = tmp_path / "cmd.sqlite3"
    codes: Counter[int] = Counter()
    for file in sorted(fuzz_folder.glob("*.json"))[3::19]:
        codes[main(["import-dossier", "--db", str(db_path), str(file)])] += 1
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err and len(captured.err.strip().splitlines()) <= 1, captured.err
    assert set(codes) <= {0, 2} and codes[0] >= 5 and codes[2] >= 40
    assert _implausible(db_path) == []


def test_two_thousand_mutated_dossiers_through_endpoints(fuzz_folder, capsys):
    status = main(["endpoints", str(fuzz_folder)])
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    errors = [line["error"] for line in lines if "error" in line]
    internal = [e for e in errors if e.startswith("internal error")]
    with capsys.disabled():
        print(f"\nfuzz endpoints: {len(lines)} dossiers, {len(lines) - len(errors)} evaluated, "
              f"{len(errors) - len(internal)} bad input, {len(internal)} internal errors")
    assert len(lines) == N_DOSSIERS and internal == [] and status == 2
    assert "Traceback" not in captured.err


@pytest.mark.parametrize("index", [1, 2, 4, 6, 8])
def test_a_few_in_a_real_process(fuzz_folder, tmp_path, index):
    file = sorted(fuzz_folder.glob("*.json"))[index]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    for command in (["endpoints", str(file)], ["import-dossier", "--db", str(tmp_path / "p.sqlite3"), str(file)]):
        result = subprocess.run([sys.executable, "main.py", *command], cwd=REPO, env=env, capture_output=True,
                                text=True, timeout=120)
        assert result.returncode in (0, 2) and "Traceback" not in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) <= 1, result.stderr
