"""A print stopped by SIGTERM or SIGINT says so in one line and leaves no temporary file; temporary files a killed
run left behind are removed at the next print into that folder (not those a running print holds)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from main import main
from reports.document import TEMP_MARK, remove_stale_temporaries

ROOT = Path(__file__).resolve().parents[2]


def _temporaries(folder: Path) -> list[Path]:
    return sorted(folder.glob(f".*{TEMP_MARK}*.part"))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_binder_with_one_line_and_no_temporary_file(demo_db_path: Path, tmp_path: Path,
                                                                        signum: int) -> None:
    out_dir, scratch = tmp_path / "out", tmp_path / "scratch"
    out_dir.mkdir()
    scratch.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "main.py", "print", "--db", str(demo_db_path), "--all", "--out", str(out_dir / "b.pdf"),
         "--as-of", "2026-11-25"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, TMPDIR=str(scratch)))
    deadline = time.monotonic() + 120
    while not (_temporaries(out_dir) and any(scratch.iterdir())) and time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        time.sleep(0.05)
    assert _temporaries(out_dir), "the print never started writing"
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signum, err
    lines = [line for line in err.splitlines() if not line[:1].isdigit()]  # progress lines are "n/total ..."
    assert lines == [f"print stopped by {signal.Signals(signum).name}: nothing written to {out_dir / 'b.pdf'}"]
    assert list(out_dir.iterdir()) == [] and list(scratch.iterdir()) == []


def test_stale_temporaries_are_removed_at_the_next_print(demo_db_path: Path, tmp_path: Path) -> None:
    stale = tmp_path / f".LN-01.pdf{TEMP_MARK}k1ll3d.part"
    stale.write_bytes(b"%PDF-1.4 half written")
    other = tmp_path / ".notes.txt.part"  # not ours: kept
    other.write_text("x")
    out = tmp_path / "LN-02.pdf"
    assert main(["print", "--db", str(demo_db_path), "--subject", "LN-02", "--out", str(out),
                 "--as-of", "2026-11-25"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, other.name])


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_a_temporary_file_held_by_a_running_print_is_kept(tmp_path: Path) -> None:
    held = tmp_path / f".b.pdf{TEMP_MARK}running.part"
    held.write_bytes(b"")
    other = subprocess.Popen([sys.executable, "-c", "import fcntl, sys, time\n"
                              f"f = open({str(held)!r}, 'rb'); fcntl.flock(f, fcntl.LOCK_EX)\n"
                              "print('locked', flush=True); time.sleep(30)"], stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "locked"
        assert remove_stale_temporaries(tmp_path) == [] and held.exists()
    finally:
        other.kill()
        other.wait()
    assert remove_stale_temporaries(tmp_path) == [held] and not held.exists()
