"""Crash safety (issue 2 item 9): SIGKILL a process in the middle of audited saves, 50+ times, lose nothing.

A fork server (tests/crash_saver.py) spawns a worker that saves in a loop — new subjects, updates with a
reason, whole dossier imports — and reports each save after its commit returned. The test kills the worker
at a random moment, reaps it, starts the next one on the same file (which recovers the WAL), and at the end
checks that SQLite finds the file sound and that every reported save is there, with its audit rows.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models.database import open_database
from models.dossier_store import load_dossier
from tests.crash_saver import TODAY, crash_dossier

KILLS = 55
ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")


class Server:
    def __init__(self, db: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, str(ROOT / "tests" / "crash_saver.py"), str(db)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
        self.committed: list[tuple[str, str, str]] = []
        self.last_event = ""

    def send(self, line: str) -> None:
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def read_until(self, prefix: str) -> str:
        while True:
            line = self.proc.stdout.readline()
            assert line, "the fork server stopped"
            if line.startswith("committed "):
                _, kind, subject_id, detail = line.split()
                self.committed.append((kind, subject_id, detail))
                self.last_event = "committed"
            elif line.startswith("begin "):
                self.last_event = "begin"
                if prefix == "begin":
                    return line.split()[1]
            elif line.startswith(prefix):
                return line.split()[1]

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=10)


def test_sigkill_during_saves_never_loses_a_committed_save(tmp_path):
    path = tmp_path / "crash.sqlite3"
    open_database(path).close()
    rng = random.Random(20261125)
    server = Server(path)
    started = time.monotonic()
    killed_mid_save = 0
    try:
        for round_no in range(1, KILLS + 1):
            server.last_event = ""
            server.send(f"spawn {round_no * 100_000}")
            pid = int(server.read_until("pid"))
            if round_no % 2:  # half the kills count from the first save, half from the start (open, WAL recovery)
                server.read_until("begin")
            time.sleep(rng.uniform(0.0, 0.2))
            os.kill(pid, signal.SIGKILL)
            server.send(f"reap {pid}")
            server.read_until("reaped")
            killed_mid_save += server.last_event == "begin"
    finally:
        server.close()
    elapsed = time.monotonic() - started

    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        subjects = {row[0]: row[1] for row in conn.execute("SELECT subject_id, weight_kg FROM subjects")}
        audited_inserts = {row[0] for row in conn.execute(
            "SELECT subject_id FROM audit_log WHERE action = 'insert' AND table_name = 'subjects'")}
        audited_weights = {(row[0], row[1]) for row in conn.execute(
            "SELECT subject_id, new_value FROM audit_log WHERE action = 'update' AND field = 'weight_kg' "
            "AND reason = 'crash test update'")}
    conn.close()

    kinds = [kind for kind, _, _ in server.committed]
    print(f"{KILLS} kills ({killed_mid_save} during a save) in {elapsed:.1f} s; {len(kinds)} reported commits "
          f"({kinds.count('subject')} subjects, {kinds.count('update')} updates, {kinds.count('dossier')} dossiers)")
    assert len(server.committed) >= KILLS, "too few saves happened between kills to test anything"
    assert killed_mid_save >= KILLS // 2, "too few kills landed while a save was under way"
    assert {"subject", "update", "dossier"} <= set(kinds)
    db = open_database(path, create=False)
    try:
        for kind, subject_id, detail in server.committed:
            assert subject_id in subjects, f"reported {kind} of {subject_id} is missing"
            assert subject_id in audited_inserts, f"{subject_id} has no audit row"
            if kind == "update":
                assert (subject_id, detail) in audited_weights
            if kind == "dossier":
                number = int(subject_id.split("-")[1])
                expected = crash_dossier(number)
                assert load_dossier(db, subject_id, TODAY).visits == expected.visits
    finally:
        db.close()
