"""SIGINT (Ctrl+C) and SIGTERM end a command with one line on standard error, exit status 130, no traceback; an
interrupted import writes nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_ends_a_long_command_with_one_line(tmp_path, signum):
    env = dict(os.environ, PYTHONPATH=str(REPO), TRIALDESK_DATA_DIR=str(tmp_path / "userdata"))
    db = tmp_path / "demo.sqlite3"
    proc = subprocess.Popen([sys.executable, "main.py", "demo", "--db", str(db), "--subjects", "500"], cwd=REPO,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    building = tmp_path / ".demo.sqlite3.building"
    deadline = time.monotonic() + 60
    while not building.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.0)  # well inside the writing
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (out, err)
    assert "Traceback" not in err and err.strip().splitlines() == [
        "demo: interrupted; stopped without finishing (nothing half-written was kept)"], err
    if building.exists():  # whatever was committed before the signal is a sound database
        with closing(sqlite3.connect(building)) as conn:
            assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
