"""The command line's configuration loader is a thin caller of models.config: same parser, same errors."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from commands.config_file import ConfigFileError, load_params
from models.config import load_study_config_file
from models.errors import StudyConfigError
from models.paths import default_study_config_path

ROOT = Path(__file__).resolve().parent.parent
STUDY = '[study]\nprotocol = "P"\ntitle = "T"\nsite = "S"\nversion = "1"\n'


@pytest.mark.parametrize(
    "text",
    [STUDY + "[protocol\n", STUDY + "[other]\n[zeta]\n", STUDY + "protocol = 3\n", STUDY + "[protocol]\nfoo = 1\n",
     STUDY + "[protocol]\nln_steroid_run_days = -3\n", STUDY + "[protocol.visits]\nW99 = {}\n"],
)
def test_both_loaders_report_the_same_key_and_reason(tmp_path, text):
    cfg = tmp_path / "study.toml"
    cfg.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigFileError) as cli:
        load_params(cfg)
    with pytest.raises(StudyConfigError) as storage:
        load_study_config_file(cfg)
    assert (cli.value.file, cli.value.key, cli.value.reason) == (storage.value.file, storage.value.key,
                                                                 storage.value.reason)
    assert str(cli.value) == str(storage.value) == f"{cfg}: {cli.value.key}: {cli.value.reason}"


def test_unreadable_and_non_utf8_files(tmp_path):
    with pytest.raises(ConfigFileError, match="cannot be read"):
        load_params(tmp_path / "absent.toml")
    latin = tmp_path / "latin.toml"
    latin.write_bytes("[protocol]\n# café\n".encode("latin-1"))
    with pytest.raises(ConfigFileError) as info:
        load_params(latin)
    assert info.value.key == "(file)" and info.value.reason == "is not UTF-8 text"


def test_the_cli_loader_needs_no_study_table_and_reads_the_shipped_file(tmp_path):
    cfg = tmp_path / "protocol-only.toml"
    cfg.write_text("[protocol]\nln_upcr_max = 0.8\n", encoding="utf-8")
    assert load_params(cfg).ln_upcr_max == 0.8
    assert load_params() == load_study_config_file(default_study_config_path()).params


def test_models_never_import_commands():
    for path in (ROOT / "models").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not any(n == "commands" or n.startswith("commands.") for n in names), path
