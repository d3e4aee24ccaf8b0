"""Time saving one subject through the audited write path (commit with synchronous=FULL, so fsync included).

    .venv/bin/python bench/bench_save.py [--saves 200] [--subjects 1000] [--db DEMO.sqlite3]

Prints the median and 90th percentile of: registering a new subject, editing one with a reason, importing one
synthetic dossier, loading one dossier — on a database that already holds `--subjects` demo subjects. Also
reports how long the demo generator took for them and the database size. Goal: save ≤ 50 ms. With --db, a copy
of that demo database is used instead (no generator run). The saves run as the demo coordinator, signed in.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.database import open_database  # noqa: E402
from models.demo import synthetic_dossier, write_demo_database  # noqa: E402
from models.demo_security import DEMO_ACCOUNTS  # noqa: E402
from models.dossier_store import import_dossier, load_dossier  # noqa: E402
from models.subjects import SubjectInput, get_subject, list_subjects, save_subject  # noqa: E402
from models.users import authenticate  # noqa: E402

TODAY = date(2026, 11, 25)


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    return f"median {statistics.median(samples) * 1000:7.2f} ms   p90 {p90 * 1000:7.2f} ms   (n={len(samples)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--subjects", type=int, default=1000)
    parser.add_argument("--db", type=Path, help="a demo database to copy instead of generating one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        if args.db is not None:
            shutil.copyfile(args.db, path)
            generated = None
        else:
            generated = write_demo_database(path, n_subjects=args.subjects, seed=1, as_of=TODAY).seconds
        size_mb = path.stat().st_size / 1e6
        db = open_database(path, create=False)
        login, _, _, password = DEMO_ACCOUNTS[1]
        db.sign_in(authenticate(db, login, password))
        subjects = len(list_subjects(db))
        new, edit, imports, loads, lists = [], [], [], [], []
        for n in range(args.saves):
            data = SubjectInput(subject_id=f"LC-9{n:04d}", screening_number=f"B-{n}", subgroup="LC", sex="F",
                                birth_date=date(1980, 2, 3), consent_date=date(2026, 5, 1), initials="한서",
                                weight_kg=55.0, notes="벤치마크")
            t = time.perf_counter()
            record = save_subject(db, data, user="bench", today=TODAY)
            new.append(time.perf_counter() - t)
            changed = replace(get_subject(db, record.record_id).to_input(), weight_kg=56.0 + n % 10)
            t = time.perf_counter()
            save_subject(db, changed, user="bench", reason="benchmark edit", today=TODAY)
            edit.append(time.perf_counter() - t)
        for n in range(min(args.saves, 50)):
            dossier = synthetic_dossier(random.Random(n), f"LN-9{n:04d}", "LN", "completed", TODAY)
            t = time.perf_counter()
            import_dossier(db, dossier, user="bench", today=TODAY)
            imports.append(time.perf_counter() - t)
            t = time.perf_counter()
            load_dossier(db, dossier.subject.id, TODAY)
            loads.append(time.perf_counter() - t)
            t = time.perf_counter()
            list_subjects(db)
            lists.append(time.perf_counter() - t)
        db.close()
    if generated is not None:
        print(f"demo generator: {subjects} subjects in {generated:.1f} s "
              f"({generated / subjects * 1000:.1f} ms each); database {size_mb:.1f} MB")
    else:
        print(f"copy of {args.db}: {subjects} subjects; database {size_mb:.1f} MB")
    print(f"register a subject (audited, fsync)      {_ms(new)}")
    print(f"edit a subject with a reason (audited)   {_ms(edit)}")
    print(f"import a 24-week dossier (audited)       {_ms(imports)}")
    print(f"load one dossier                         {_ms(loads)}")
    print(f"{'list all ' + str(subjects + args.saves + 50) + ' subjects':<41}{_ms(lists)}")


if __name__ == "__main__":
    main()
