"""Demo visits carry every visit-form field: vital signs (or not done with a reason), Hangul comments, values
typed in other units that convert back to the dossier's canonical value, an entry status, no refused value,
and every unusual value confirmed."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from endpoints import units
from models.database import open_database
from models.demo import write_demo_database
from models.schema import Subject, Visit
from models.visit_store import COMPLETE, INCOMPLETE, check_visit, context_of, entry_of

AS_OF = date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    write_demo_database(path, n_subjects=24, seed=1, as_of=AS_OF)
    db = open_database(path, create=False)
    yield db
    db.close()


def _subjects(db):
    with db.read() as session:
        return session.scalars(select(Subject).options(
            selectinload(Subject.infusions),
            selectinload(Subject.visits).options(selectinload(Visit.labs), selectinload(Visit.sledai),
                                                 selectinload(Visit.bilag), selectinload(Visit.not_done),
                                                 selectinload(Visit.confirmations)))).all()


def test_every_demo_visit_has_its_form_fields(demo_db) -> None:
    subjects = _subjects(demo_db)
    performed = [v for s in subjects for v in s.visits if not v.missed and v.code != "UNS"]
    assert performed
    for visit in performed:
        assert None not in (visit.systolic_bp_mmhg, visit.diastolic_bp_mmhg, visit.pulse_bpm, visit.weight_kg)
        assert visit.temperature_c is not None or [n.field for n in visit.not_done] == ["temperature_c"]
        assert visit.entry_status in (COMPLETE, INCOMPLETE)
    assert any(v.comment and any("가" <= ch <= "힣" for ch in v.comment) for v in performed)
    assert any(n.reason for v in performed for n in v.not_done)


def test_other_units_convert_back_to_the_canonical_value(demo_db) -> None:
    labs = [lab for s in _subjects(demo_db) for v in s.visits for lab in v.labs if lab.canonical_value is not None]
    other = [lab for lab in labs if lab.original_unit != units.canonical_unit(lab.key).code]
    assert {lab.original_unit for lab in other} >= {"g/L", "/uL", "mg/g"}
    for lab in other:
        assert units.to_canonical(lab.key, lab.original_value, lab.original_unit) == lab.canonical_value


def test_no_refused_values_and_unusual_ones_are_confirmed(demo_db) -> None:
    statuses = []
    for subject in _subjects(demo_db):
        context = context_of(subject, demo_db.config.params)
        for visit in subject.visits:
            entry = entry_of(visit)
            findings = check_visit(entry, context, AS_OF)
            assert findings.hard == {}, (subject.subject_id, visit.code, findings.hard)
            assert findings.unconfirmed(entry) == []
            statuses.append(visit.entry_status)
    assert INCOMPLETE in statuses  # e.g. the subject with missing Week 24 labs
