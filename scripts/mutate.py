"""Hand-written mutation testing: plant one known bug at a time in a copy of the repository and check that the
tests meant to catch it fail. Run before a release:

    .venv/bin/python scripts/mutate.py                 # every mutant; exit 1 if any survives
    .venv/bin/python scripts/mutate.py --list          # the mutants and their tests
    .venv/bin/python scripts/mutate.py --only "subject lock ignored by storage" --only "hash chain unlinked"

Each mutant names a file, an exact snippet of it (which must occur exactly once, or the mutant is reported
"stale" — the code moved on and the mutant must be rewritten), its replacement, and the tests to run. The
repository is copied once into a temporary folder; each mutant is applied there, `pytest -x -q` runs its tests
(CI=true: Hypothesis derandomized, so a result does not depend on the examples drawn), and the file is put back.
A mutant is killed when a test fails (the table names the first); "error" means pytest could not run the tests
at all (e.g. the mutant broke an import), which is not a kill.
The tests of every mutant are first run on the unmutated copy: a test that fails already cannot kill anything.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IGNORED = shutil.ignore_patterns(".git", ".venv", "__pycache__", ".hypothesis", ".pytest_cache", ".ruff_cache",
                                 "build", "dist", "out")
TIMEOUT_S = 1800


@dataclass(frozen=True)
class Mutant:
    name: str
    path: str
    original: str
    replacement: str
    tests: tuple[str, ...]


MODELS_TRUST = ("tests/models/test_record_deletion.py", "tests/models/test_sdv_fields.py",
                "tests/models/test_security.py")  # the quickest to fail first: pytest -x stops there
LOCKS = ("tests/models/test_lock_matrix.py", "tests/models/test_security.py")

MUTANTS: tuple[Mutant, ...] = (
    Mutant("visit form does not save C4", "ui/entry/sections/entry_raw.py",
           "    for key in vocab.NUMERIC_LAB_KEYS:\n        value = number(key)",
           "    for key in (k for k in vocab.NUMERIC_LAB_KEYS if k != \"c4_mg_dl\"):\n        value = number(key)",
           ("tests/ui/test_visit_editor.py",)),
    Mutant("subject lock ignored by storage", "models/locks.py",
           'if info.scope == "subject" and subject_id is not None and info.subject_id == subject_id:',
           "if False:", LOCKS),
    Mutant("visit lock ignored by storage", "models/locks.py",
           'if info.scope == "visit" and visit_id is not None and info.visit_id == visit_id:',
           "if False:", LOCKS),
    Mutant("database lock ignored by storage", "models/locks.py",
           '        if info.scope == "database":\n            return info',
           '        if info.scope == "database":\n            continue', LOCKS),
    Mutant("SDV mark kept when its record is deleted", "models/queries.py",
           "in touched.fields or key in deleted \\", "in touched.fields \\", MODELS_TRUST),
    Mutant("SDV clearing disabled", "models/queries.py",
           "            session.delete(mark)", "            pass", MODELS_TRUST),
    Mutant("queries of a deleted record left open", "models/queries.py",
           "        row.status = CLOSED\n        text =", "        text =", MODELS_TRUST),
    Mutant("signature not invalidated by a change", "models/signatures.py",
           "        row.invalidated_at_utc, row.invalidated_by, row.invalidated_reason = at, actor.name, reason",
           "        pass", MODELS_TRUST),
    Mutant("audit rows of deletions skipped", "models/audit.py",
           "for obj, record_id, subject_id, snapshot in pending.deletes:",
           "for obj, record_id, subject_id, snapshot in pending.deletes[:0]:",
           ("tests/models/test_audit.py", "tests/models/test_subject_records.py")),
    Mutant("reason for a change not required", "models/audit.py",
           "if (pending.updates or pending.deletes) and reason_text is None:", "if False:",
           ("tests/models/test_audit.py", "tests/models/test_subject_records.py")),
    Mutant("hash chain unlinked", "models/audit_chain.py",
           '        prev = linked["row_hash"]', "        prev = previous_hash or GENESIS_HASH",
           ("tests/models/test_audit_chain.py",)),
    Mutant("ids deleted before the 0008 upgrade given out again", "models/migrations/versions/0008_autoincrement.py",
           "    _rebuild(True)\n    _seed_sequences()", "    _rebuild(True)",
           ("tests/models/test_migrations.py",)),
    Mutant("complete remission: creatinine < 106 read as <=", "endpoints/remission.py",
           "ok = umol < pr.cr_scr_max_umol", "ok = umol <= pr.cr_scr_max_umol", ("tests/endpoints",)),
    Mutant("renal flare: UPCR reference of exactly 1.0 put in the upper band", "endpoints/flares.py",
           "elif r <= pr.rflare_upcr_high_ref:", "elif r < pr.rflare_upcr_high_ref:", ("tests/endpoints",)),
    Mutant("steroid excess: D(d) > threshold read as >=", "endpoints/steroids.py",
           "if seg is not None and seg.milli > self._above:", "if seg is not None and seg.milli >= self._above:",
           ("tests/endpoints",)),
    Mutant("SRI-4: reduction <= -4 read as < -4", "endpoints/sri.py",
           "(f.ok if change <= -k else f.fail)(text)", "(f.ok if change < -k else f.fail)(text)",
           ("tests/endpoints",)),
    Mutant("LLDAS: PGA <= limit read as <", "endpoints/lldas.py",
           "(f.ok if pga <= limit else f.fail)", "(f.ok if pga < limit else f.fail)", ("tests/endpoints",)),
    Mutant("infusion dose factor changed", "endpoints/visit_status.py",
           "return params.dose_cells_per_kg * weight_kg", "return 2.5e6 * weight_kg",
           ("tests/endpoints", "tests/models/test_schedule_store.py")),
    Mutant("subject PDF: adverse-events section dropped", "reports/subject_pdf.py",
           '    ("aes", "Adverse events"),\n', "", ("tests/reports",)),
)


@dataclass(frozen=True)
class Result:
    mutant: Mutant
    status: str  # killed | survived | error (pytest could not run the tests) | stale | timeout
    seconds: float
    killed_by: str = ""


@dataclass(frozen=True)
class Run:
    code: int | None  # pytest's exit code; None on timeout
    seconds: float
    failed: str  # the first test reported FAILED or ERROR


def _pytest(copy: Path, tests: tuple[str, ...]) -> Run:
    """Run `tests` in the copy (pytest -x -q)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CI": "true", "PYTHONDONTWRITEBYTECODE": "1"}
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
                              cwd=copy, env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return Run(None, time.monotonic() - started, "")
    failed = next((line.split(" ", 1)[1].split(" - ", 1)[0] for line in done.stdout.splitlines()
                   if line.startswith(("FAILED ", "ERROR "))), "")  # "FAILED path::test[id with spaces] - message"
    return Run(done.returncode, time.monotonic() - started, failed)


def run_mutant(copy: Path, mutant: Mutant) -> Result:
    """Apply the mutant in the copy, run its tests, put the file back."""
    target = copy / mutant.path
    source = target.read_text(encoding="utf-8")
    if source.count(mutant.original) != 1:
        return Result(mutant, "stale", 0.0)
    target.write_text(source.replace(mutant.original, mutant.replacement), encoding="utf-8")
    try:
        run = _pytest(copy, mutant.tests)
    finally:
        target.write_text(source, encoding="utf-8")
    status = {None: "timeout", 0: "survived", 1: "killed"}.get(run.code, "error")
    return Result(mutant, status, run.seconds, run.failed)


def check_baseline(copy: Path, mutants: list[Mutant]) -> list[str]:
    """The test sets that already fail without any mutant (each would "kill" every mutant it is given to)."""
    failing = []
    for tests in dict.fromkeys(m.tests for m in mutants):
        run = _pytest(copy, tests)
        print(f"baseline {' '.join(tests)}: {'green' if run.code == 0 else 'FAILING'} ({run.seconds:.0f} s)",
              flush=True)
        if run.code != 0:
            failing.append(" ".join(tests))
    return failing


def table(results: list[Result]) -> str:
    width = max(len(r.mutant.name) for r in results)
    lines = [f"{'mutant':<{width}}  {'result':<8}  {'s':>4}  killed by (first failing test) / tests run",
             f"{'-' * width}  {'-' * 8}  {'-' * 4}  {'-' * 40}"]
    lines += [f"{r.mutant.name:<{width}}  {r.status:<8}  {r.seconds:>4.0f}  {r.killed_by or ' '.join(r.mutant.tests)}"
              for r in results]
    killed = sum(r.status == "killed" for r in results)
    lines.append(f"{killed} of {len(results)} mutants killed")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list the mutants and their tests, run nothing")
    parser.add_argument("--only", action="append", default=[], metavar="NAME", help="run this mutant (repeatable)")
    parser.add_argument("--no-baseline", action="store_true", help="skip running the tests unmutated first")
    args = parser.parse_args(argv)
    mutants = [m for m in MUTANTS if not args.only or m.name in args.only]
    unknown = set(args.only) - {m.name for m in MUTANTS}
    if unknown:
        parser.error(f"no such mutant: {', '.join(sorted(unknown))}")
    if args.list:
        for m in mutants:
            print(f"{m.name}: {m.path} -> {' '.join(m.tests)}")
        return 0
    with tempfile.TemporaryDirectory(prefix="trialdesk-mutants-") as temp:
        copy = Path(temp) / "repo"
        shutil.copytree(ROOT, copy, ignore=IGNORED)
        if not args.no_baseline:
            failing = check_baseline(copy, mutants)
            if failing:
                print(f"tests failing without any mutant: {'; '.join(failing)}; fix them first", file=sys.stderr)
                return 2
        results = []
        for mutant in mutants:
            results.append(run_mutant(copy, mutant))
            print(f"{mutant.name}: {results[-1].status} ({results[-1].seconds:.0f} s)", flush=True)
    print(table(results))
    return 0 if all(r.status == "killed" for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
