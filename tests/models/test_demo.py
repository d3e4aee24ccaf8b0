"""Demo data: deterministic, every stage and quirk present, valid by the registry's own rules, written audited."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from endpoints.dossier import Dossier, Labs
from endpoints.params import ProtocolParams
from endpoints.schedule import visit_window
from main import main
from models.database import open_database
from models.demo import STAGES, synthetic_dossier, write_demo_database
from models.dossier_store import load_dossiers
from models.schema import AuditEntry
from models.subjects import get_subject, list_subjects, validate_subject

AS_OF = date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    write_demo_database(path, n_subjects=10, seed=1, as_of=AS_OF)
    db = open_database(path, create=False)
    yield db, {d.subject.id: d for d in load_dossiers(db, AS_OF)}
    db.close()


def sle_dose(d: Dossier, day: date) -> float:
    return sum(r.mg_per_dose * r.doses_per_day for r in d.steroids
               if r.indication not in ("premedication", "other_non_sle") and r.route == "oral"
               and r.start <= day and (r.stop is None or day <= r.stop))


def day0(d: Dossier) -> date:
    return next(i.date for i in d.infusions if i.number == 1)


def test_same_seed_same_data_and_subject_k_does_not_depend_on_n(demo, tmp_path):
    _, dossiers = demo
    write_demo_database(tmp_path / "again.sqlite3", n_subjects=12, seed=1, as_of=AS_OF)
    db = open_database(tmp_path / "again.sqlite3", create=False)
    again = {d.subject.id: d for d in load_dossiers(db, AS_OF)}
    db.close()
    assert all(again[k] == v for k, v in dossiers.items())
    other = synthetic_dossier(random.Random("2:LN-01"), "LN-01", "LN", "completed", AS_OF)
    assert other != dossiers["LN-01"]


def test_five_ln_five_lc_at_different_stages(demo):
    db, dossiers = demo
    rows = list_subjects(db)
    assert [r.subgroup for r in rows].count("LN") == 5 and [r.subgroup for r in rows].count("LC") == 5
    assert {r.status for r in rows} == {"screening", "enrolled", "completed", "withdrawn"}
    assert len({len(d.visits) for d in dossiers.values()}) >= 5
    withdrawn = next(r for r in rows if r.status == "withdrawn")
    record = get_subject(db, withdrawn.subject_id)
    assert record.withdrawal_date and record.withdrawal_reason
    assert all(r.screening_number for r in rows)


def test_every_demo_subject_passes_the_registry_rules(demo):
    db, _ = demo
    for row in list_subjects(db):
        assert validate_subject(db, get_subject(db, row.subject_id).to_input(), today=AS_OF) == {}, row.subject_id


def test_written_through_the_audited_path(demo):
    db, dossiers = demo
    with db.read() as session:
        users = set(session.scalars(select(AuditEntry.user).distinct()))
        per_subject = session.scalar(select(func.count(func.distinct(AuditEntry.subject_id))))
    assert "demo-generator" in users
    assert per_subject == len(dossiers)


def test_taper_from_30_mg_to_at_most_7_5_by_week_8_and_one_excursion(demo):
    _, dossiers = demo
    treated = [d for d in dossiers.values() if d.subject.status != "screening"]
    for d in treated:
        assert sle_dose(d, day0(d) - timedelta(days=1)) == 30.0
        if d.as_of >= day0(d) + timedelta(days=56):
            assert sle_dose(d, day0(d) + timedelta(days=56)) <= 7.5, d.subject.id
    excursions = [d.subject.id for d in treated
                  if any(sle_dose(d, day0(d) + timedelta(days=n)) > 7.5 for n in range(57, 84)
                         if day0(d) + timedelta(days=n) <= d.as_of)]
    assert excursions == ["LN-02"]
    assert all(any(r.indication == "premedication" for r in d.steroids) for d in treated)


def test_quirks_overdue_out_of_window_and_missing_w24_labs(demo):
    _, dossiers = demo
    params = ProtocolParams()
    codes = {k: [v.code for v in d.visits] for k, d in dossiers.items()}
    assert "W4" not in codes["LN-04"] and "W1" in codes["LN-04"]  # W4 window closed: overdue
    ln03 = dossiers["LN-03"]
    outside = [v.code for v in ln03.visits if v.code != "UNS" and not visit_window(
        v.code, (next(i.date for i in ln03.infusions if i.number == 2) - day0(ln03)).days, params
    ).contains((v.date - day0(ln03)).days)]
    assert outside == ["W8"]
    w24 = next(v for v in dossiers["LC-02"].visits if v.code == "W24")
    assert w24.labs == Labs()
    assert all(v.labs != Labs() for v in dossiers["LC-01"].visits if v.code == "W24")


def test_responders_improve_and_non_responders_do_not(demo):
    _, dossiers = demo

    def last(d: Dossier, key: str) -> float:
        return [getattr(v.labs, key) for v in d.visits if getattr(v.labs, key) is not None][-1]

    def first(d: Dossier, key: str) -> float:
        return next(getattr(v.labs, key) for v in d.visits if getattr(v.labs, key) is not None)

    assert last(dossiers["LN-01"], "upcr_g_g") <= 0.5 < first(dossiers["LN-01"], "upcr_g_g")
    assert last(dossiers["LN-02"], "upcr_g_g") > 0.5
    assert last(dossiers["LC-01"], "hemoglobin_g_dl") - first(dossiers["LC-01"], "hemoglobin_g_dl") >= 1.5


def test_korean_text_in_notes_terms_and_medications(demo):
    db, dossiers = demo
    hangul = lambda text: any("\uac00" <= ch <= "\ud7a3" for ch in text or "")  # noqa: E731
    assert any(hangul(a.term) for d in dossiers.values() for a in d.adverse_events)
    assert any(hangul(m.name) for d in dossiers.values() for m in d.medications)
    assert any(hangul(get_subject(db, k).notes) for k in dossiers)


def test_every_stage_can_be_generated_for_both_subgroups():
    for stage in STAGES:
        for subgroup in ("LN", "LC"):
            d = synthetic_dossier(random.Random(stage), f"{subgroup}-01", subgroup, stage, AS_OF)
            assert all(v.date is None or v.date <= AS_OF for v in d.visits)
            assert all(v.date is None or v.date >= d.subject.consent_date for v in d.visits)
    with pytest.raises(ValueError, match="unknown stage"):
        synthetic_dossier(random.Random(1), "LN-01", "LN", "finished", AS_OF)


def test_demo_command(tmp_path, capsys):
    path = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(path), "--subjects", "4", "--seed", "3", "--as-of", "2026-11-25"]) == 0
    assert "wrote 4 demo subjects" in capsys.readouterr().out
    assert main(["demo", "--db", str(path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["demo", "--db", str(tmp_path / "x.sqlite3"), "--subjects", "0"]) == 2


def test_deterministic_across_processes_whatever_the_hash_seed():
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = ("import random, hashlib; from datetime import date; from models.demo import synthetic_dossier, STAGES; "
            "print(hashlib.sha256(repr([synthetic_dossier(random.Random(i), 'LN-01', 'LN' if i % 2 else 'LC', "
            "STAGES[i % 6], date(2026, 11, 25)) for i in range(24)]).encode()).hexdigest())")
    root = Path(__file__).resolve().parents[2]
    digests = {
        subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1


def test_demo_file_appears_only_when_complete_and_is_never_overwritten(tmp_path, monkeypatch):
    import models.demo as demo_module
    from models.errors import DatabaseError

    path = tmp_path / "demo.sqlite3"
    calls = {"n": 0}
    real_import = demo_module.import_dossier

    def failing_import(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real_import(*args, **kwargs)

    monkeypatch.setattr(demo_module, "import_dossier", failing_import)
    with pytest.raises(KeyboardInterrupt):
        write_demo_database(path, n_subjects=5, as_of=AS_OF)
    assert not path.exists()
    monkeypatch.setattr(demo_module, "import_dossier", real_import)
    write_demo_database(path, n_subjects=3, as_of=AS_OF)
    assert [p.name for p in tmp_path.iterdir()] == ["demo.sqlite3"]
    with pytest.raises(DatabaseError, match="already exists"):
        write_demo_database(path, n_subjects=3, as_of=AS_OF)


def test_the_engine_sees_responders_non_responders_and_the_missing_w24_labs(demo):
    from endpoints.evaluate import evaluate_subject

    db, dossiers = demo
    status = {k: {e: r["status"] for e, r in evaluate_subject(d, db.config.params).to_json()["endpoints"].items()}
              for k, d in dossiers.items()}
    assert status["LN-01"]["primary_steroid_taper"] == "met" and status["LN-01"]["ln_renal_response"] == "met"
    assert status["LC-01"]["primary_steroid_taper"] == "met"
    assert status["LC-01"]["lc_hematologic_improvement"] == "met"
    assert status["LN-02"]["primary_steroid_taper"] == "not_met" and status["LN-02"]["ln_renal_response"] == "not_met"
    assert status["LC-02"]["lc_hematologic_improvement"] == "not_evaluable"
    assert status["LN-05"]["primary_steroid_taper"] == "pending"
