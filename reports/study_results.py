"""The study's endpoint results for the dashboard: one bulk load, the one engine, the study summary.

`StudyResultsCache.compute(as_of)` keeps each subject's `SubjectResults` keyed on the subject's change mark
(latest audit row, `models.dossier_store.subject_change_marks`) and the as-of date; a call reloads, in one
bulk `load_dossiers`, only the subjects whose mark moved (all of them the first time), evaluates them with
`endpoints.evaluate.evaluate_subject`, and summarises everything with `endpoints.summary.summarize`.

`cache_for(db)` is the one cache of an open database (the dashboard's); `prewarm_study(db, as_of)` fills it in a
background thread, e.g. once the main window is up, so that opening the dashboard only summarises and draws.

The cyclic garbage collector is paused while results are computed (hundreds of thousands of small acyclic
objects: its passes cost a third of the engine time and a full pass of the whole process half a second), and
after a fill of every subject of a large study the long-lived results are frozen out of its later passes
(`gc.freeze`; cyclic garbage present at that moment is then kept, which is why this happens once, not after
every save).
"""

from __future__ import annotations

import gc
import logging
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date

from endpoints import results as r
from endpoints.evaluate import evaluate_subject
from endpoints.results import SubjectResults
from endpoints.summary import StudySummary, summarize
from models.database import Database
from models.dossier_store import load_dossiers, subject_change_marks

# The haematology analytes of the LC change table, and the endpoints of the per-subject grid (the LC change
# has its own table).
DASHBOARD_ANALYTES = ("wbc_10e9_l", "platelets_10e9_l", "hemoglobin_g_dl")
GRID_ENDPOINTS = tuple(e for e in r.ENDPOINT_IDS if e != "lc_hematology_change")

# A fill of at least this many subjects is frozen out of the collector's passes (smaller ones gain nothing).
FREEZE_MIN_SUBJECTS = 200


@dataclass(frozen=True)
class StudyResults:
    """Every subject's results (ordered by subject ID) and the study summary over them."""

    as_of: date
    subjects: tuple[SubjectResults, ...]
    summary: StudySummary
    reloaded: int  # subjects loaded and evaluated for this call
    seconds: dict[str, float] = field(default_factory=dict)  # marks, load, evaluate, summary


class StudyResultsCache:
    """Per-subject results of one database, refreshed for the subjects that changed. Thread-safe."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._lock = threading.Lock()
        self._as_of: date | None = None
        self._results: dict[str, tuple[int, SubjectResults]] = {}
        self._last: StudyResults | None = None

    def compute(self, as_of: date) -> StudyResults:
        """The study's results as of `as_of`, reloading only subjects changed since the last call (and reusing the
        last summary when none changed)."""
        with self._lock, _gc_paused():
            results = self._compute(as_of)
            if results.reloaded == len(results.subjects) >= FREEZE_MIN_SUBJECTS:
                _freeze_long_lived()
        return results

    def _compute(self, as_of: date) -> StudyResults:
        seconds: dict[str, float] = {}
        started = time.perf_counter()
        marks = subject_change_marks(self.db)
        seconds["marks"] = time.perf_counter() - started
        if as_of != self._as_of:
            self._results.clear()
            self._last = None
            self._as_of = as_of
        gone = set(self._results) - set(marks)
        for sid in gone:
            del self._results[sid]
        stale = [sid for sid, mark in marks.items() if self._results.get(sid, (None,))[0] != mark]
        if not stale and not gone and self._last is not None:  # nothing changed: the same summary
            return replace(self._last, reloaded=0, seconds={**seconds, "load": 0.0, "evaluate": 0.0, "summary": 0.0})
        started = time.perf_counter()
        dossiers = load_dossiers(self.db, as_of, None if len(stale) == len(marks) else stale) if stale else []
        seconds["load"] = time.perf_counter() - started
        started = time.perf_counter()
        params = self.db.config.params
        for dossier in dossiers:
            sid = dossier.subject.id
            self._results[sid] = (marks[sid], evaluate_subject(dossier, params, as_of=as_of))
        seconds["evaluate"] = time.perf_counter() - started
        started = time.perf_counter()
        subjects = tuple(self._results[sid][1] for sid in sorted(self._results))
        summary = summarize(subjects, nonresponder_imputation=params.nonresponder_imputation, as_of=as_of)
        seconds["summary"] = time.perf_counter() - started
        self._last = StudyResults(as_of, subjects, summary, len(dossiers), seconds)
        return self._last

    def clear(self) -> None:
        with self._lock:
            self._results.clear()
            self._last = None
            self._as_of = None


_CACHES: weakref.WeakKeyDictionary[Database, StudyResultsCache] = weakref.WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def cache_for(db: Database) -> StudyResultsCache:
    """The shared results cache of an open database."""
    with _CACHES_LOCK:
        cache = _CACHES.get(db)
        if cache is None:
            cache = _CACHES[db] = StudyResultsCache(db)
        return cache


def prewarm_study(db: Database, as_of: date) -> threading.Thread:
    """Load and evaluate every subject into `cache_for(db)` in a daemon thread; join it before closing `db`.

    Failures (a database closed meanwhile) are logged only: the dashboard then computes when it is shown.
    """

    def work() -> None:
        try:
            cache_for(db).compute(as_of)
        except Exception:  # noqa: BLE001 - logged; the foreground compute raises it properly
            logging.getLogger(__name__).warning("study results prewarm failed", exc_info=True)

    thread = threading.Thread(target=work, name="study-results-prewarm", daemon=True)
    thread.start()
    return thread


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (process-wide) while results are computed; restored after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _freeze_long_lived() -> None:
    """Collect the young generations (garbage made while the collector was paused), then move every object
    left, the fresh results among them, out of the collector's later passes, which would otherwise rescan
    them all; they are still freed by reference counting when dropped.

    Called while the collector is still paused: re-enabled first, it would run an automatic pass over the same
    young objects at the next allocation (~30 ms on 1,000 subjects) before this one."""
    gc.collect(1)
    gc.freeze()
