"""One export from the app, without Qt: the ODM file, or the analysis tables into a folder.

    result = run_export(db, ExportRequest("csv", folder, None, as_of), progress, cancelled)

`progress(phase, done, total)` reports PHASE_SUBJECTS (subjects read) and PHASE_FILES (table files written);
`cancelled()` is asked between steps, and when it says True the export stops with ExportCancelled. Nothing is
left behind then: the ODM file is written under a temporary name by exchange.odm_export, and the tables are written
into a hidden folder beside the target whose files are moved into the target folder only once all are complete.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from exchange.atomic import ExportCancelled
from models.database import Database

ODM = "odm"
FORMATS = (ODM, "csv", "xlsx", "xpt", "dataset-json")
PHASE_SUBJECTS = "subjects"
PHASE_FILES = "files"

Progress = Callable[[str, int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class ExportRequest:
    """What to export: the format (one of FORMATS), the ODM file or the tables' folder, the subjects (None: all),
    and the evaluation date of the derived scores and endpoints."""

    fmt: str
    target: Path
    subject_ids: tuple[str, ...] | None
    as_of: date


@dataclass(frozen=True)
class ExportResult:
    paths: tuple[Path, ...]
    subjects: int


def run_export(db: Database, request: ExportRequest, progress: Progress, cancelled: Cancelled) -> ExportResult:
    """Write the export; ExportCancelled (nothing written) when `cancelled()` turns True before it is complete."""
    if request.fmt == ODM:
        return _odm(db, request, progress, cancelled)
    return _tables(db, request, progress, cancelled)


def _odm(db: Database, request: ExportRequest, progress: Progress, cancelled: Cancelled) -> ExportResult:
    from exchange.odm_export import export_odm

    def step(done: int, total: int) -> bool:
        progress(PHASE_SUBJECTS, done, total)
        return not cancelled()

    ids = list(request.subject_ids) if request.subject_ids is not None else None
    summary = export_odm(db, request.target, subject_ids=ids, progress=step)
    return ExportResult((request.target,), summary.subjects)


def _tables(db: Database, request: ExportRequest, progress: Progress, cancelled: Cancelled) -> ExportResult:
    from exchange.dataset_files import write_datasets
    from exchange.datasets import build_datasets

    read = [0]

    def step(done: int, total: int) -> bool:
        read[0] = done
        progress(PHASE_SUBJECTS, done, total)
        return not cancelled()

    ids = list(request.subject_ids) if request.subject_ids is not None else None
    tables = build_datasets(db, request.as_of, ids, progress=step)
    # XLSX is one workbook of every table; the other formats one file per table.
    batches = [tables] if request.fmt == "xlsx" else [[table] for table in tables]
    now = datetime.now(UTC)
    with staged_folder(request.target) as staging:
        for n, batch in enumerate(batches):
            _check(cancelled)
            progress(PHASE_FILES, n, len(batches))
            write_datasets(batch, staging, request.fmt, source=db.config.study, now=now)
        progress(PHASE_FILES, len(batches), len(batches))
        _check(cancelled)
        names = sorted(p.name for p in staging.iterdir())
    return ExportResult(tuple(request.target / name for name in names), read[0])


def _check(cancelled: Cancelled) -> None:
    if cancelled():
        raise ExportCancelled("Export cancelled; no file was written.")


@contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """A hidden folder beside `target`; when the block ends its files move into `target` (created if missing,
    same-named files replaced), and the hidden folder is removed whether the block ended or raised."""
    target = Path(target)
    staging = target.with_name(f".{target.name}.partial-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        yield staging
        _move_into(sorted(staging.iterdir()), target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _move_into(files: Sequence[Path], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for path in files:
        os.replace(path, folder / path.name)
