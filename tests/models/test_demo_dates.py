"""Demo data never has a row that ends before it starts (steroids, medications, hospitalisations, renal
replacement, adverse events), for any seed: the generator's own rows and the ones added after import."""

from __future__ import annotations

import random
from datetime import date

import pytest

from endpoints.dossier import Dossier
from models.database import open_database
from models.demo import default_plans, synthetic_dossier, write_demo_database
from models.dossier_store import load_dossiers

AS_OF = date(2026, 11, 25)


def backwards_rows(d: Dossier) -> list[str]:
    """Every row of the dossier whose end is before its start, described."""
    spans = (
        [("steroid", r.drug, r.start, r.stop) for r in d.steroids]
        + [("medication", m.name, m.start, m.stop) for m in d.medications]
        + [("hospitalisation", h.indication, h.admission, h.discharge) for h in d.hospitalisations]
        + [("renal replacement", r.type, r.start, r.stop) for r in d.renal_replacement]
        + [("adverse event", a.term, a.onset, a.end) for a in d.adverse_events]
    )
    return [f"{d.subject.id} {kind} {what}: {start} -> {end}" for kind, what, start, end in spans
            if start is not None and end is not None and end < start]


@pytest.mark.parametrize("seed", range(1, 21))
def test_generated_dossiers_never_end_before_they_start(seed: int) -> None:
    bad = []
    for plan in default_plans(50, random.Random(f"{seed}:plans")):
        d = synthetic_dossier(random.Random(f"{seed}:{plan.subject_id}"), plan.subject_id, plan.subgroup,
                              plan.stage, AS_OF, responder=plan.responder, quirks=plan.quirks)
        bad += backwards_rows(d)
    assert bad == []


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_demo_database_never_ends_before_it_starts(seed: int, tmp_path) -> None:
    path = tmp_path / "demo.sqlite3"
    write_demo_database(path, n_subjects=50, seed=seed, as_of=AS_OF)
    db = open_database(path, create=False)
    try:
        dossiers = load_dossiers(db, AS_OF)
    finally:
        db.close()
    assert len(dossiers) == 50
    assert [row for d in dossiers for row in backwards_rows(d)] == []


def test_seed_1_lc01_prednisolone_steps_follow_each_other() -> None:
    plan = next(p for p in default_plans(10, random.Random("1:plans")) if p.subject_id == "LC-01")
    d = synthetic_dossier(random.Random("1:LC-01"), "LC-01", plan.subgroup, plan.stage, AS_OF,
                          responder=plan.responder, quirks=plan.quirks)
    taper = sorted((r for r in d.steroids if r.drug == "prednisolone" and r.indication == "sle"),
                   key=lambda r: r.start)
    for before, after in zip(taper, taper[1:], strict=False):
        assert before.stop is not None and (after.start - before.stop).days == 1
