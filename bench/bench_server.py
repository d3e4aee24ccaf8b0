"""Two PCs on one PostgreSQL server: concurrent audited saves and the cold dashboard; prints the figures.

    .venv/bin/python bench/bench_server.py --server postgresql://postgres@127.0.0.1:5432/postgres [--saves 500]

Creates a throw-away database on the server (dropped at the end). Two client processes start together; each
saves `--saves` audited changes of one shared steroid row and of its own row. Every save of the shared row reads
it first, then saves with the version it read (as the editors do), retrying after a refusal (EditConflict).
Printed: wall time and saves per second for both, refused (conflict) attempts, lost updates (the shared row's
final dose, 1 mg + 1 mg per accepted save) and the audit chain
checked by models.verify (a fork would break it). The 1,000-subject cold dashboard on the server is timed with
bench/bench_dashboard.py --db URL after moving a demo study there (migrate-to-server).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.concurrency import EditConflict  # noqa: E402, F401 - the refusal the clients count
from models.database import open_database  # noqa: E402
from models.subject_records import list_rows, save_row  # noqa: E402
from models.subjects import SubjectInput, save_subject  # noqa: E402
from models.verify import verify_database  # noqa: E402
from tests.pg_fixtures import admin, with_database  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
STEROID = {"drug": "prednisolone", "route": "oral", "mg_per_dose": 1.0, "doses_per_day": 1.0,
           "start": date(2026, 2, 1), "stop": None, "indication": "sle"}
CLIENT = """
    import sys, time
    from datetime import date
    from models.concurrency import EditConflict
    from models.database import open_database
    from models.subject_records import list_rows, save_row
    url, me, shared, own, saves = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    steroid = {"drug": "prednisolone", "route": "oral", "doses_per_day": 1.0, "start": date(2026, 2, 1),
               "stop": None, "indication": "sle"}
    db = open_database(url)
    refused = accepted = 0
    while time.time() < float(sys.argv[6]):
        time.sleep(0.005)
    for n in range(saves):
        subject, record = ("LN-01", shared) if n % 2 == 0 else (me, own)
        while True:
            row = next(r for r in list_rows(db, subject, "steroids") if r.record_id == record)
            try:
                save_row(db, subject, "steroids", {**steroid, "mg_per_dose": row.values["mg_per_dose"] + 1},
                         user=me, reason="bench", record_id=record, today=date(2026, 6, 1), confirmed=True,
                         expected_version=row.row_version)
                accepted += record == shared
                break
            except EditConflict:
                refused += 1
    db.close()
    print(accepted, refused)
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True, help="a server address the bench may create a database on")
    parser.add_argument("--saves", type=int, default=500)
    args = parser.parse_args()
    os.environ["TRIALDESK_TEST_PG_URL"] = args.server
    name = f"td_bench_{os.getpid()}"
    admin(f'CREATE DATABASE "{name}"')
    url = with_database(args.server, name)
    try:
        db = open_database(url)
        ids = {}
        for sid, scr in (("LN-01", "S-001"), ("LN-02", "S-002"), ("LN-03", "S-003")):
            save_subject(db, SubjectInput(subject_id=sid, screening_number=scr, subgroup="LN", sex="F",
                                          birth_date=date(1990, 4, 2), consent_date=date(2026, 1, 5),
                                          status="screening"), user="bench")
            ids[sid] = save_row(db, sid, "steroids", STEROID, user="bench", today=date(2026, 6, 1), confirmed=True)
        db.close()
        start_at = time.time() + 3
        clients = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(CLIENT), url, me, str(ids["LN-01"]),
                                     str(ids[me]), str(args.saves), str(start_at)], cwd=ROOT, stdout=subprocess.PIPE,
                                    text=True) for me in ("LN-02", "LN-03")]
        outs = [c.communicate(timeout=1800)[0].split() for c in clients]
        wall = time.time() - start_at
        accepted = sum(int(o[0]) for o in outs)
        refused = sum(int(o[1]) for o in outs)
        db = open_database(url)
        shared = list_rows(db, "LN-01", "steroids")[0].values["mg_per_dose"]
        own = [list_rows(db, sid, "steroids")[0].values["mg_per_dose"] for sid in ("LN-02", "LN-03")]
        db.close()
        report = verify_database(url)
        total = 2 * args.saves
        print(f"two clients x {args.saves} audited saves at once: {total} saves in {wall:.1f} s = "
              f"{total / wall:.0f} saves/s (both clients together)")
        lost = accepted + 1 - int(shared)
        print(f"shared row: {accepted} accepted saves, dose {shared:g} mg -> lost updates: {lost}; "
              f"refused (conflict, retried): {refused}")
        print(f"own rows: {own} (expected {[float(args.saves // 2 + 1)] * 2})")
        print(f"verify: {'intact' if report.ok else 'BROKEN'} - {report.lines[0]}")
    finally:
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
