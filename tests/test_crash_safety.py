"""Crash safety (issue 2 item 9): SIGKILL a process in the middle of audited saves, 50+ times, lose nothing.

A fork server (tests/crash_saver.py) spawns a worker that saves in a loop — new subjects, updates with a
reason, whole dossier imports — and reports each save after its commit returned. The test kills each worker on
a marker it printed, never after a wait: a third of them stopped inside a write transaction (proved by the
write lock they hold), a third right after announcing a save, a third as soon as they are forked (during the
open and the WAL recovery). Then it checks that SQLite finds the file sound, that every reported save is there
with its audit rows, and that no save killed inside its transaction left anything behind. Nothing here depends
on how fast the machine is.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
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

    def send(self, line: str) -> None:
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def read_until(self, prefix: str, count: int = 1) -> list[str]:
        """Read the server's lines (noting commits) until the `count`-th one starting with `prefix`; its words."""
        while True:
            line = self.proc.stdout.readline()
            assert line, "the fork server stopped"
            words = line.split()
            if words[0] == "committed":
                self.committed.append(tuple(words[1:]))
            if words[0] == prefix:
                count -= 1
                if count == 0:
                    return words[1:]

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def _write_lock_is_held(path: Path) -> bool:
    with closing(sqlite3.connect(path, timeout=0, isolation_level=None)) as conn:
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            return "locked" in str(exc)
        conn.execute("ROLLBACK")
        return False


def test_sigkill_during_saves_never_loses_a_committed_save(tmp_path):
    path = tmp_path / "crash.sqlite3"
    open_database(path).close()
    rng = random.Random(20261125)
    server = Server(path)
    uncommitted: list[tuple[str, str, str]] = []
    try:
        for round_no in range(1, KILLS + 1):
            mode, nth_save = round_no % 3, rng.randint(1, 7)
            server.send(f"spawn {round_no * 100_000} {nth_save if mode == 0 else 0}")
            pid = int(server.read_until("pid")[0])
            if mode == 0:
                uncommitted.append(tuple(server.read_until("inside")))
                assert _write_lock_is_held(path), "the worker stopped outside its write transaction"
            elif mode == 1:
                server.read_until("begin", nth_save)
            os.kill(pid, signal.SIGKILL)
            server.send(f"reap {pid}")
            server.read_until("reaped")
    finally:
        server.close()

    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        subjects = {row[0] for row in conn.execute("SELECT subject_id FROM subjects")}
        audited_inserts = {row[0] for row in conn.execute(
            "SELECT subject_id FROM audit_log WHERE action = 'insert' AND table_name = 'subjects'")}
        audited_weights = {(row[0], row[1]) for row in conn.execute(
            "SELECT subject_id, new_value FROM audit_log WHERE action = 'update' AND field = 'weight_kg' "
            "AND reason = 'crash test update'")}

    kinds = [kind for kind, _, _ in server.committed]
    print(f"{KILLS} kills ({len(uncommitted)} inside a write transaction); {len(kinds)} reported commits "
          f"({kinds.count('subject')} subjects, {kinds.count('update')} updates, {kinds.count('dossier')} dossiers)")
    assert len(uncommitted) == KILLS // 3
    assert {"subject", "update", "dossier"} <= set(kinds) | {kind for kind, _, _ in uncommitted}
    for kind, subject_id, detail in uncommitted:
        if kind == "update":
            assert (subject_id, detail) not in audited_weights, f"killed update of {subject_id} was kept"
        else:
            assert subject_id not in subjects and subject_id not in audited_inserts, f"killed {kind} was kept"
    db = open_database(path, create=False)
    try:
        for kind, subject_id, detail in server.committed:
            assert subject_id in subjects, f"reported {kind} of {subject_id} is missing"
            assert subject_id in audited_inserts, f"{subject_id} has no audit row"
            if kind == "update":
                assert (subject_id, detail) in audited_weights
            if kind == "dossier":
                number = int(subject_id.split("-")[1])
                assert load_dossier(db, subject_id, TODAY).visits == crash_dossier(number).visits
    finally:
        db.close()
