"""The aggregated read behind the status ladder (models.status_store), on the demo database: the facts it loads
for all subjects at once match what the per-subject reads of the visit form, signatures, locks, queries and SDV
give, and the demo shows every ladder status."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from endpoints.operations import operations
from endpoints.visit_ladder import STATUSES, study_status
from models.database import Database, backup_copy, open_database
from models.demo import write_demo_database
from models.locks import active_locks, lock_for
from models.queries import list_queries, verified_fields
from models.signatures import valid_signature
from models.status_store import load_status_facts, load_study_status
from models.subjects import list_subjects
from models.visit_store import answered_keys, list_visits, load_visit

AS_OF = date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("status") / "demo.sqlite3"
    write_demo_database(path, n_subjects=10, seed=1, as_of=AS_OF)
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Database:
    path = tmp_path / "demo.sqlite3"
    backup_copy(demo_template, path)
    db = open_database(path, create=False)
    yield db
    db.close()


def test_the_aggregated_read_matches_the_per_subject_reads(demo_db: Database) -> None:
    facts = load_status_facts(demo_db)
    assert [f.subject_id for f in facts] == sorted(r.subject_id for r in list_subjects(demo_db))
    locks = active_locks(demo_db)
    for subject in facts:
        summaries = {v.record_id: v for v in list_visits(demo_db, subject.subject_id)}
        assert {v.record_id for v in subject.visits} == set(summaries)
        marks = verified_fields(demo_db, subject.subject_id)
        for visit in subject.visits:
            entry = load_visit(demo_db, visit.record_id)
            assert (visit.code, visit.date, visit.missed) == (entry.code, entry.date, entry.missed)
            assert visit.answered == answered_keys(entry), (subject.subject_id, visit.code)
            assert visit.not_done == frozenset(entry.not_done)
            assert visit.verified == {f for (t, r, f) in marks if t == "visits" and r == visit.record_id}
            assert visit.signed == (valid_signature(demo_db, subject.subject_id, visit.record_id) is not None)
            assert visit.locked == any(x.scope == "visit" and x.visit_id == visit.record_id for x in locks)
        assert subject.locked == (lock_for(locks, subject.subject_id) is not None
                                  and lock_for(locks, subject.subject_id).scope != "visit")
        queries = list_queries(demo_db, subject_id=subject.subject_id)
        assert sorted((q.table, q.record_id, q.status, q.raised_on.isoformat()) for q in subject.queries) == \
            sorted((q.table_name, q.record_id, q.status, q.raised_at_utc[:10]) for q in queries)


def test_the_stored_entry_status_agrees_with_the_ladder(demo_db: Database) -> None:
    """The visit form stores "incomplete" by the same rule the ladder applies (edit_checks.missing_required)."""
    for row in load_study_status(demo_db, AS_OF):
        for cell in row.visit_cells:
            if cell.record_id is not None and cell.date is not None:
                stored = next(v for v in list_visits(demo_db, row.subject_id) if v.record_id == cell.record_id)
                assert (stored.entry_status == "incomplete") == bool(cell.missing), (row.subject_id, cell.column)


def test_a_subset_reads_the_same_facts_as_the_whole_study(demo_db: Database) -> None:
    everyone = {f.subject_id: f for f in load_status_facts(demo_db)}
    some = load_status_facts(demo_db, ["LN-01", "LC-01"])
    assert [f.subject_id for f in some] == ["LC-01", "LN-01"]
    assert all(f == everyone[f.subject_id] for f in some)
    assert load_status_facts(demo_db, ["nobody"]) == []


def test_the_demo_shows_every_status_and_query_age(demo_db: Database) -> None:
    facts = load_status_facts(demo_db)
    statuses = study_status(facts, AS_OF, demo_db.config.params)
    seen = {c.status for row in statuses for c in row.cells}
    assert seen == set(STATUSES)
    ops = operations(statuses, facts, AS_OF, demo_db.config.params)
    assert all(ops.open_queries_by_age[bucket] for bucket in ("0-7", "8-30", ">30"))
    assert ops.missed and ops.overdue and ops.out_of_window and ops.visits_verified and ops.waiting_for_signature
    assert [e.target for e in ops.enrolment] == [5, 5]


def test_a_database_lock_locks_every_performed_visit_and_log(demo_db: Database) -> None:
    from models.locks import lock
    from models.users import authenticate

    admin = authenticate(demo_db, "admin", "demo-admin-2026")
    lock(demo_db, admin, scope="database", reason="interim analysis")
    row = load_study_status(demo_db, AS_OF, ["LC-01"])[0]
    assert row.cell("W4").status == "locked" and row.cell("steroids").status == "locked"
    assert row.cell("Y1").status == "not_due"
