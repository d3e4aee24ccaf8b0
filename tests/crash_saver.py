"""Fork server for tests/test_crash_safety.py: saves through the audited path until it is killed.

    python tests/crash_saver.py DB_FILE

Reads commands on standard input. `spawn N P` forks a worker that opens DB_FILE and saves in a loop (subject IDs
from N upwards), printing `begin N` before each save and `committed KIND SUBJECT_ID DETAIL` after its commit
returns. With P > 0 the worker stops inside the write transaction of its P-th save (the first time the database
clock is read there, after the first flush), says `inside KIND SUBJECT_ID DETAIL` and waits to be killed.
`reap PID` waits for a killed worker. Forking from one process that has already imported everything keeps 50+
kills fast.
"""

from __future__ import annotations

import os
import random
import signal
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.database import open_database, utc_now  # noqa: E402
from models.demo import synthetic_dossier  # noqa: E402
from models.dossier_store import import_dossier  # noqa: E402
from models.subjects import SubjectInput, get_subject, save_subject  # noqa: E402

TODAY = date(2026, 6, 1)
USER = "crash-test"


def new_subject(n: int) -> SubjectInput:
    return SubjectInput(subject_id=f"LN-{n:07d}", screening_number=f"S{n}", subgroup="LN", sex="F",
                        birth_date=date(1985, 5, 5), consent_date=date(2026, 1, 5), initials="최아",
                        weight_kg=60.0, notes="충돌 시험 (crash test)")


def crash_dossier(n: int):
    """The dossier saved as kind `dossier` for ID number n (the test rebuilds it to compare)."""
    return synthetic_dossier(random.Random(n), f"LC-{n:07d}", "LC", "completed", TODAY)


def _say(line: str) -> None:
    os.write(1, (line + "\n").encode("utf-8"))


def next_save(n: int, last_subject: int | None) -> tuple[str, str, str]:
    """(kind, subject ID, detail) of save number n: every 5th a dossier, every 3rd an update of the last new
    subject (a weight never equal to the registration weight, 60.0), otherwise a new subject."""
    if n % 5 == 0:
        return "dossier", f"LC-{n:07d}", "-"
    if n % 3 == 0 and last_subject is not None:
        return "update", "", repr(61.0 + n % 97)
    return "subject", f"LN-{n:07d}", "-"


def worker(path: Path, start: int, pause_at: int) -> None:
    pending: list[str] = []

    def clock():
        if pending:
            _say(f"inside {pending.pop()}")
            signal.pause()
        return utc_now()

    db = open_database(path, create=False, clock=clock)
    n = start
    last_subject: int | None = None
    while True:
        n += 1
        kind, subject_id, detail = next_save(n, last_subject)
        if kind == "update":
            subject_id = get_subject(db, last_subject).subject_id
        if n - start == pause_at:
            pending.append(f"{kind} {subject_id} {detail}")
        _say(f"begin {n}")
        if kind == "dossier":
            import_dossier(db, crash_dossier(n), user=USER, today=TODAY)
        elif kind == "update":
            changed = replace(get_subject(db, last_subject).to_input(), weight_kg=float(detail))
            save_subject(db, changed, user=USER, reason="crash test update", today=TODAY)
        else:
            last_subject = save_subject(db, new_subject(n), user=USER, today=TODAY).record_id
        _say(f"committed {kind} {subject_id} {detail}")


def main() -> None:
    path = Path(sys.argv[1])
    for line in sys.stdin:
        command, arg, *more = line.split()
        if command == "spawn":
            pid = os.fork()
            if pid == 0:
                try:
                    worker(path, int(arg), int(more[0]))
                finally:
                    os._exit(1)
            _say(f"pid {pid}")
        elif command == "reap":
            os.waitpid(int(arg), 0)
            _say(f"reaped {arg}")


if __name__ == "__main__":
    main()
