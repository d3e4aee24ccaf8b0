"""Fork server for tests/test_crash_safety.py: saves through the audited path until it is killed.

    python tests/crash_saver.py DB_FILE

Reads commands on standard input. `spawn N` forks a worker that opens DB_FILE and saves in a loop (subject IDs
from N upwards), printing `begin N` before each save and `committed KIND SUBJECT_ID DETAIL` after its commit
returns. `reap PID` waits for a killed worker. Forking from one process that has already imported everything
keeps 50+ kills fast.
"""

from __future__ import annotations

import os
import random
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.database import open_database  # noqa: E402
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


def worker(path: Path, start: int) -> None:
    db = open_database(path, create=False)
    n = start
    last_subject: int | None = None
    while True:
        n += 1
        _say(f"begin {n}")
        if n % 5 == 0:
            import_dossier(db, crash_dossier(n), user=USER, today=TODAY)
            _say(f"committed dossier LC-{n:07d} -")
        elif n % 3 == 0 and last_subject is not None:
            weight = 61.0 + n % 97  # never the registration weight (60.0): every update changes it
            changed = replace(get_subject(db, last_subject).to_input(), weight_kg=weight)
            record = save_subject(db, changed, user=USER, reason="crash test update", today=TODAY)
            _say(f"committed update {record.subject_id} {weight!r}")
        else:
            record = save_subject(db, new_subject(n), user=USER, today=TODAY)
            last_subject = record.record_id
            _say(f"committed subject {record.subject_id} -")


def main() -> None:
    path = Path(sys.argv[1])
    for line in sys.stdin:
        command, arg = line.split()
        if command == "spawn":
            pid = os.fork()
            if pid == 0:
                try:
                    worker(path, int(arg))
                finally:
                    os._exit(1)
            _say(f"pid {pid}")
        elif command == "reap":
            os.waitpid(int(arg), 0)
            _say(f"reaped {arg}")


if __name__ == "__main__":
    main()
