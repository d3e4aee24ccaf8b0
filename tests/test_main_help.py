"""`main.py --help` and `main.py COMMAND --help` print their help and exit 0 for every registered sub-command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from main import COMMANDS, main

ROOT = Path(__file__).resolve().parents[1]


def test_main_help_lists_every_command() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--help"], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    for name in COMMANDS:
        assert name in done.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_help_exits_0(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as leaving:
        main([name, "--help"])
    assert leaving.value.code == 0
    assert capsys.readouterr().out.startswith("usage: TrialDesk " + name)
