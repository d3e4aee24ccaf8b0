"""Start-up of TrialDesk against a bare PySide6 QMainWindow started the same way: first paint and usable window.

Each run is a new process, timed from just before it is started until it prints its markers
(TRIALDESK_EXIT_AFTER_SHOW=1): TrialDesk prints TRIALDESK_PAINTED once its frame (menus, navigation, "opening
the study…") is painted, before the database is opened, and TRIALDESK_READY once the window is usable (database
open, subject list filled, the event loop run); the bare window prints TRIALDESK_READY once shown. Runs of the
app and of the bare window alternate, offscreen. Goals: first paint <= 1.5x bare, usable <= bare + 0.4 s.

    .venv/bin/python bench/bench_startup.py [--runs 7] [--subjects 10] [--no-packaged]

Source: `python main.py --db DEMO` against `python bare_window.py`. Packaged: dist/TrialDesk/TrialDesk (build it
first with scripts/build.sh) against the same bare window frozen by PyInstaller into build/bench-bare/ (built
here once). The file cache is warm after the first run; the first run of each is printed apart.

Bytecode: the source runs cache their compiled modules (PYTHONPYCACHEPREFIX in the temporary folder, and any
PYTHONDONTWRITEBYTECODE of the calling shell dropped), as a normal source run and the frozen build do; without
that, every run compiles TrialDesk's ~100 modules again (~0.1 s). --no-bytecode-cache measures that case.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MARKER = "TRIALDESK_READY"
PAINTED = "TRIALDESK_PAINTED"
BARE_SOURCE = f'''
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1100, 720)
window.show()
QTimer.singleShot(0, lambda: (print("{MARKER}", flush=True), app.quit()))
app.exec()
'''


def time_to_markers(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from process start until it prints each marker, up to MARKER (the process is then left to exit)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert process.stdout is not None
    seen: dict[str, float] = {}
    for line in process.stdout:
        seen.setdefault(line.strip(), time.perf_counter() - started)
        if line.strip() == MARKER:
            process.wait(timeout=60)
            return seen
    process.wait(timeout=60)
    raise RuntimeError(f"{command[0]} exited ({process.returncode}) without printing {MARKER}")


def measure(label: str, app: list[str], bare: list[str], env: dict[str, str], runs: int) -> None:
    painted: list[float] = []
    usable: list[float] = []
    bare_times: list[float] = []
    for _ in range(runs):
        bare_times.append(time_to_markers(bare, env)[MARKER])
        times = time_to_markers(app, env)
        painted.append(times.get(PAINTED, float("nan")))
        usable.append(times[MARKER])
    bare_m, painted_m, usable_m = (statistics.median(t[1:]) for t in (bare_times, painted, usable))
    print(f"{label}:")
    print(f"  first run     bare {bare_times[0]:6.3f} s  first paint {painted[0]:6.3f} s  usable {usable[0]:6.3f} s")
    print(f"  median of {runs - 1:<2}  bare {bare_m:6.3f} s  first paint {painted_m:6.3f} s  usable {usable_m:6.3f} s")
    print(f"  first paint {painted_m / bare_m:4.2f}x bare (goal <= 1.5x); usable bare + {usable_m - bare_m:5.3f} s "
          f"(goal <= + 0.4 s), {usable_m / bare_m:4.2f}x bare")


def frozen_bare_window(folder: Path) -> Path:
    """The bare window built with PyInstaller (one folder, like TrialDesk); built once and kept."""
    executable = folder / "dist" / "BareWindow" / "BareWindow"
    if executable.exists():
        return executable
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "BareWindow.py"
    script.write_text(BARE_SOURCE, encoding="utf-8")
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    subprocess.run(
        [str(pyinstaller), "--noconfirm", "--onedir", "--windowed", "--name", "BareWindow",
         "--distpath", str(folder / "dist"), "--workpath", str(folder / "work"), "--specpath", str(folder),
         str(script)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return executable


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--subjects", type=int, default=10, help="subjects in the demo database opened")
    parser.add_argument("--no-packaged", action="store_true", help="measure the source run only")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="compile the source modules at every run (PYTHONDONTWRITEBYTECODE=1)")
    args = parser.parse_args()

    from models.demo import write_demo_database

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        folder = Path(tmp)
        db_path = folder / "demo.sqlite3"
        write_demo_database(db_path, n_subjects=args.subjects)
        bare_script = folder / "bare_window.py"
        bare_script.write_text(BARE_SOURCE, encoding="utf-8")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRIALDESK_EXIT_AFTER_SHOW="1",
                   TRIALDESK_DATA_DIR=str(folder / "userdata"))
        if args.no_bytecode_cache:  # installed packages still read their own __pycache__
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        print(f"Start-up to a painted and a usable main window, {args.subjects}-subject demo database, offscreen, "
              f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}, bytecode "
              f"{'compiled at every run' if args.no_bytecode_cache else 'cached after the first run'}")
        measure("Source (python main.py)", [sys.executable, str(ROOT / "main.py"), "--db", str(db_path)],
                [sys.executable, str(bare_script)], env, args.runs)
        packaged = ROOT / "dist" / "TrialDesk" / "TrialDesk"
        if args.no_packaged:
            print(f"load average at end {os.getloadavg()[0]:.2f}")
            return 0
        if not packaged.exists():
            print("Packaged: dist/TrialDesk/TrialDesk not found; build it with `bash scripts/build.sh`.")
            return 1
        if shutil.which("pyinstaller") is None and not Path(sys.executable).with_name("pyinstaller").exists():
            print("Packaged: pyinstaller not found for the bare window.")
            return 1
        bare_frozen = frozen_bare_window(ROOT / "build" / "bench-bare")
        measure("Packaged (dist/TrialDesk one-folder)", [str(packaged), "--db", str(db_path)],
                [str(bare_frozen)], env, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
