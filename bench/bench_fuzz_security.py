"""Fuzz the security forms (sign-in, first administrator, new account, query reply and raise, audit filter) with
hypothesis-generated text — SQL-looking snippets, control characters, Hangul, runs up to 200,000 characters —
and print how many inputs were tried and how many raised a traceback (the goal is zero).

    .venv/bin/python bench/bench_fuzz_security.py [--examples 300]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from models.database import open_database  # noqa: E402
from models.demo import write_demo_database  # noqa: E402
from models.security import Role  # noqa: E402
from models.users import authenticate, create_user  # noqa: E402
from tests.fuzz_forms import FuzzForms, nasty_text  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=300)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="fuzz-security-"))
    path = folder / "demo.sqlite3"
    write_demo_database(path, n_subjects=10, seed=1)
    db = open_database(path, create=False)
    admin = authenticate(db, "admin", "demo-admin-2026")
    create_user(db, admin, "mon", "Fuzz Monitor", Role.MONITOR, "monitor-pass-12")
    forms = FuzzForms(db, admin)
    started = time.perf_counter()

    @settings(max_examples=args.examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(username=nasty_text(), password=nasty_text(), other=nasty_text())
    def run(username: str, password: str, other: str) -> None:
        forms.try_all(username, password, other)

    run()
    seconds = time.perf_counter() - started
    forms.close()
    db.close()
    app.processEvents()
    print(f"fuzzed inputs tried: {forms.tried} across {len(forms.FORMS)} forms "
          f"({args.examples} hypothesis examples) in {seconds:.1f} s; tracebacks: {len(forms.tracebacks)}")
    for text in forms.tracebacks[:3]:
        print(text)
    return 1 if forms.tracebacks else 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip interpreter teardown: PySide may crash collecting widgets after the QApplication
