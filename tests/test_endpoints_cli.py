"""`main.py endpoints`: output shapes, JSON Lines for batches, one-line errors with exit 2; config loading."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from commands.config_file import ConfigFileError, load_params
from endpoints.params import ProtocolParams
from endpoints.results import ENDPOINT_IDS
from main import main

ROOT = Path(__file__).resolve().parent.parent
DOSSIER = {
    "format": "trialdesk-dossier/1",
    "as_of": "2026-07-01",
    "subject": {"id": "LC-01", "subgroup": "LC", "sex": "F", "birth_date": "1985-03-14", "status": "enrolled"},
    "infusions": [{"number": 1, "date": "2026-01-05", "completion": "full"}],
    "visits": [{"code": "D0", "date": "2026-01-05", "labs": {"hemoglobin_g_dl": 8.1, "platelets_10e9_l": 15}}],
}


def write(path: Path, obj) -> Path:
    path.write_text(obj if isinstance(obj, str) else json.dumps(obj), encoding="utf-8")
    return path


def needs_engine():
    pytest.importorskip("endpoints.evaluate", reason="the endpoint engine (endpoints/evaluate.py) is not there yet")


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["endpoints", *argv])
    out, err = capsys.readouterr()
    return status, out, err


# --- errors (need no engine) -----------------------------------------------------------------------------------

def test_malformed_dossier_is_one_line_exit_2(tmp_path, capsys):
    bad = dict(DOSSIER, visits=[{"code": "D0", "date": "2026-01-05", "labs": {"upcr_gg": 1.0}}])
    status, out, err = run_cli(capsys, str(write(tmp_path / "bad.json", bad)))
    assert status == 2 and out == ""
    assert err.count("\n") == 1
    assert "bad.json" in err and "$.visits[0].labs.upcr_gg" in err and "unknown key" in err


@pytest.mark.parametrize(
    ("content", "words"),
    [("{not json", "not valid JSON (line 1, column 2"), ('{"as_of": NaN}', "NaN is not a JSON number"),
     ("[]", "$: must be an object"), ('{"format": 1, "format": 2}', "$: the key 'format' appears twice")],
)
def test_bad_json_is_one_line_exit_2(tmp_path, capsys, content, words):
    status, out, err = run_cli(capsys, str(write(tmp_path / "x.json", content)))
    assert status == 2 and out == "" and words in err and err.count("\n") == 1


def test_unreadable_file_exit_2(tmp_path, capsys):
    status, out, err = run_cli(capsys, str(tmp_path / "missing.json"))
    assert status == 2 and "missing.json: cannot be read" in err


def test_bad_as_of_exit_2(tmp_path, capsys):
    status, out, err = run_cli(capsys, str(write(tmp_path / "a.json", DOSSIER)), "--as-of", "2026/07/01")
    assert status == 2 and out == "" and err.startswith("--as-of: must be a date written YYYY-MM-DD")


def test_bad_config_exit_2(tmp_path, capsys):
    cfg = write(tmp_path / "study.toml", "[protocol]\nln_upcr_max = -1\n")
    status, out, err = run_cli(capsys, str(write(tmp_path / "a.json", DOSSIER)), "--config", str(cfg))
    assert status == 2 and out == ""
    assert "study.toml" in err and "protocol.ln_upcr_max" in err and "≥ 0" in err


def test_empty_folder_exit_2(tmp_path, capsys):
    status, out, err = run_cli(capsys, str(tmp_path))
    assert status == 2 and "no *.json dossiers" in err


def test_whole_process_never_prints_a_traceback(tmp_path):
    bad = write(tmp_path / "bad.json", dict(DOSSIER, as_of="yesterday"))
    proc = subprocess.run([sys.executable, "main.py", "endpoints", str(bad)], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip() == f"{bad}: $.as_of: must be a date written YYYY-MM-DD, not 'yesterday'"


# --- configuration file ----------------------------------------------------------------------------------------

def test_default_config_is_the_spec_defaults():
    assert load_params() == ProtocolParams()


def test_config_overrides(tmp_path):
    cfg = write(tmp_path / "s.toml", '[study]\nprotocol = "x"\n[protocol]\ntaper_excursion_tolerance_days = 1\n'
                                     '[protocol.visits]\nW24 = { late = 10 }\n')
    params = load_params(cfg)
    assert params.taper_excursion_tolerance_days == 1 and params.visit("W24").late == 10


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [("[protocol\n", "(file)", "not valid TOML"), ("[other]\n", "other", "unknown table"),
     ("protocol = 3\n", "protocol", "must be a table"), ("[protocol]\nfoo = 1\n", "protocol.foo", "unknown"),
     ("[protocol]\nflare_reference = 'peak'\n", "protocol.flare_reference", "one of nadir, baseline"),
     ("[protocol.visits]\nW99 = {}\n", "protocol.visits.W99", "unknown visit code")],
)
def test_config_errors_name_file_key_reason(tmp_path, text, key, words):
    cfg = write(tmp_path / "s.toml", text)
    with pytest.raises(ConfigFileError) as info:
        load_params(cfg)
    assert info.value.key == key and words in info.value.reason and str(cfg) in str(info.value)


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigFileError, match="cannot be read"):
        load_params(tmp_path / "nope.toml")


# --- evaluation (needs the engine) -----------------------------------------------------------------------------

def test_one_file_prints_one_object_with_all_endpoints(tmp_path, capsys):
    needs_engine()
    status, out, err = run_cli(capsys, str(write(tmp_path / "a.json", DOSSIER)))
    assert status == 0 and err == ""
    obj = json.loads(out)
    assert obj["subject_id"] == "LC-01" and obj["as_of"] == "2026-07-01" and obj["day0"] == "2026-01-05"
    assert set(obj["endpoints"]) == set(ENDPOINT_IDS)
    assert all(r["reason"] for r in obj["endpoints"].values())
    assert obj["endpoints"]["ln_renal_response"]["status"] == "not_applicable"


def test_as_of_overrides_the_dossier(tmp_path, capsys):
    needs_engine()
    status, out, _ = run_cli(capsys, str(write(tmp_path / "a.json", DOSSIER)), "--as-of", "2026-02-01")
    assert status == 0 and json.loads(out)["as_of"] == "2026-02-01"


def test_folder_gives_json_lines_in_name_order_and_keeps_going(tmp_path, capsys):
    needs_engine()
    folder = tmp_path / "batch"
    folder.mkdir()
    write(folder / "b.json", dict(DOSSIER, subject=dict(DOSSIER["subject"], id="LC-02")))
    write(folder / "a.json", DOSSIER)
    write(folder / "c.json", dict(DOSSIER, format="other"))
    write(folder / "notes.txt", "ignored")
    status, out, err = run_cli(capsys, str(folder))
    lines = [json.loads(line) for line in out.splitlines()]
    assert status == 2
    assert [Path(x["file"]).name for x in lines] == ["a.json", "b.json", "c.json"]
    assert [x.get("subject_id") for x in lines[:2]] == ["LC-01", "LC-02"]
    assert set(lines[2]) == {"file", "error"} and "$.format" in lines[2]["error"]
    assert err.count("\n") == 1 and "c.json" in err


def test_several_files_keep_the_given_order(tmp_path, capsys):
    needs_engine()
    a = write(tmp_path / "a.json", DOSSIER)
    b = write(tmp_path / "b.json", dict(DOSSIER, subject=dict(DOSSIER["subject"], id="LC-02")))
    status, out, _ = run_cli(capsys, str(b), str(a))
    assert status == 0
    assert [json.loads(line)["subject_id"] for line in out.splitlines()] == ["LC-02", "LC-01"]


def test_the_example_dossier_folder_evaluates_cleanly(capsys):
    needs_engine()
    folder = ROOT / "tests" / "data" / "dossiers"
    status, out, err = run_cli(capsys, str(folder))
    lines = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and err == ""
    assert [Path(x["file"]).name for x in lines] == sorted(p.name for p in folder.glob("*.json"))
    assert all(set(x["endpoints"]) == set(ENDPOINT_IDS) for x in lines)


def test_as_of_on_the_command_line_ignores_later_data(capsys):
    needs_engine()
    path = ROOT / "tests" / "data" / "dossiers" / "renal_flare_day112.json"
    status, out, _ = run_cli(capsys, str(path))
    flare = json.loads(out)["endpoints"]["ln_time_to_renal_flare"]
    assert status == 0 and (flare["status"], flare["day"]) == ("event", 112)
    status, out, _ = run_cli(capsys, str(path), "--as-of", "2026-04-15")  # day 100
    flare = json.loads(out)["endpoints"]["ln_time_to_renal_flare"]
    assert status == 0 and (flare["status"], flare["day"]) == ("pending", 84)
