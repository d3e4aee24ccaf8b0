"""Time the data exchange over a 1,000-subject demo database; prints the figures.

    .venv/bin/python bench/bench_exchange.py [--db FILE] [--subjects 1000] [--lab-rows 5000] [--validate]

Without --db a demo database is written first (seeded, `models.demo`, about 20-40 s). Each case runs in a
fresh child process, so its peak memory (ru_maxrss) is its own: ODM export (goal <= 10 s, <= 300 MB), CSV and
XPT tables (goal <= 5 s each), and the preview of a laboratory export of N rows made from the database's own
subjects and visits (goal <= 2 s for 5,000 rows: reading the CSV with its mapping and deciding every row's
fate). Wall and CPU seconds are both printed: on a shared machine the wall time also counts waiting for a core.
--validate also checks the ODM file against the ODM 1.3.2 XSD shipped in odmlib (slow: minutes).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AS_OF = date(2026, 11, 25)
MAPPING = ROOT / "tests" / "data" / "labs" / "hanyang-lab.toml"
LAB_TESTS = (("혈색소", "g/dL", 9.0, 14.0), ("백혈구", "x10^3/uL", 2.0, 9.0), ("혈소판", "x10^3/uL", 40, 300),
             ("크레아티닌", "µmol/L", 50, 180), ("알부민", "g/dL", 2.5, 4.5), ("보체 C3", "mg/dL", 40, 140))


def lab_file(db_path: Path, rows: int, target: Path) -> None:
    """A laboratory export of `rows` rows: the subjects' visit dates (some a day off, some without a visit)."""
    from models.database import open_database
    from models.exchange_store import iter_subject_rows, subject_ids

    db = open_database(db_path, create=False)
    visits = []
    for chunk in iter_subject_rows(db, subject_ids(db), 500):
        for subject in chunk:
            for visit in subject.visits:
                if visit.row["date"] is not None:
                    visits.append((subject.subject["screening_number"] or subject.subject["subject_id"],
                                   visit.row["date"]))
    db.close()
    rng = random.Random(7)
    with target.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["등록번호", "채취일", "검사명", "결과", "단위"])
        for _ in range(rows):
            key, when = rng.choice(visits)
            when += timedelta(days=rng.choice((0, 0, 0, -1, 1, 40)))
            name, unit, low, high = rng.choice(LAB_TESTS)
            writer.writerow([key, when.isoformat(), name, f"{rng.uniform(low, high):.1f}", unit])


def child(case: str, db_path: Path, out: Path, lab_rows: int) -> dict[str, object]:
    from models.database import open_database

    db = open_database(db_path, create=False)
    wall, cpu = time.perf_counter(), time.process_time()
    detail: object
    if case == "odm":
        from exchange.odm_export import export_odm

        summary = export_odm(db, out / "study.xml")
        size_mb = out.joinpath("study.xml").stat().st_size / 1e6
        detail = f"{summary.subjects} subjects, {summary.item_data} ItemData, {size_mb:.0f} MB"
    elif case in ("csv", "xpt"):
        from exchange.dataset_files import write_datasets
        from exchange.datasets import build_datasets

        tables = build_datasets(db, AS_OF)
        paths = write_datasets(tables, out / case, case)
        detail = f"{len(paths)} files, {sum(len(t.rows) for t in tables)} rows"
    else:
        from exchange.lab_import import preview_labs, read_lab_file
        from exchange.lab_mapping import load_mapping

        mapping = load_mapping(MAPPING)
        preview = preview_labs(db, read_lab_file(out / "labs.csv", mapping), mapping)
        detail = {fate: n for fate, n in preview.counts().items() if n}
    peak_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    result = {"case": case, "wall_s": round(time.perf_counter() - wall, 2),
              "cpu_s": round(time.process_time() - cpu, 2), "peak_mb": peak_mb, "detail": detail}
    db.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing database (default: write a demo database)")
    parser.add_argument("--subjects", type=int, default=1000)
    parser.add_argument("--lab-rows", type=int, default=5000)
    parser.add_argument("--validate", action="store_true", help="validate the ODM file against the XSD")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(child(args.case, args.db, args.out, args.lab_rows), ensure_ascii=False))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        db_path = args.db
        if db_path is None:
            from models.demo import write_demo_database

            db_path = out / "demo.sqlite3"
            started = time.perf_counter()
            write_demo_database(db_path, n_subjects=args.subjects, seed=1, as_of=AS_OF)
            print(f"demo database: {args.subjects} subjects in {time.perf_counter() - started:.1f} s")
        lab_file(db_path, args.lab_rows, out / "labs.csv")
        for case in ("odm", "csv", "xpt", "labs"):
            done = subprocess.run([sys.executable, __file__, "--case", case, "--db", str(db_path), "--out", str(out),
                                   "--lab-rows", str(args.lab_rows)], capture_output=True, text=True, check=True)
            print(done.stdout.strip())
        if args.validate:
            import odmlib
            import xmlschema

            started = time.perf_counter()
            schema = xmlschema.XMLSchema(str(Path(odmlib.__file__).parent / "schemas/odm/1.3.2/ODM1-3-2.xsd"))
            errors = sum(1 for _ in schema.iter_errors(str(out / "study.xml")))
            print(f"ODM 1.3.2 XSD: {errors} errors ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
