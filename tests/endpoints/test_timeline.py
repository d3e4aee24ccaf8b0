"""The study-day timeline: Day 0, I2, horizon, visit lookup, assessments, baselines, weight (§0, §1, §8)."""

from __future__ import annotations

from dataclasses import replace

from endpoints.dossier import Infusion, LldasForm, SfiForm, Visit
from endpoints.params import ProtocolParams
from endpoints.results import NOT_EVALUABLE, PENDING
from endpoints.timeline import build_timeline, has_efficacy_value
from tests.endpoints.builders import (
    DAY0,
    bilag_grades,
    dossier,
    medication,
    missed,
    on,
    rescue,
    sledai_answers,
    visit,
    with_params,
)

P = ProtocolParams()


def tl_of(d, params=P, as_of_day=None):
    return build_timeline(d, params, None if as_of_day is None else on(as_of_day))


def test_day0_and_study_days() -> None:
    tl = tl_of(dossier(as_of_day=50))
    assert tl.day0 == DAY0
    assert tl.study_day(on(-3)) == -3
    assert tl.as_of_day == 50
    assert tl.date_of(28) == on(28)


def test_day0_requires_infusion_given_by_as_of() -> None:
    d = dossier(as_of_day=10)
    later = build_timeline(d, P, on(-1))
    assert later.day0 is None and later.visits == ()
    not_given = replace(d, infusions=(Infusion(1, DAY0, DAY0, completion="not_given"),))
    assert build_timeline(not_given, P).day0 is None


def test_no_day0_outcomes() -> None:
    assert tl_of(dossier(i1_given=False)).no_day0_outcome() == (PENDING, "infusion 1 not yet given")
    status, reason = tl_of(dossier(i1_given=False, status="screen_failure")).no_day0_outcome()
    assert status == NOT_EVALUABLE and "never given" in reason
    status, reason = tl_of(dossier(i1_given=False, withdrawal_day=-2, status="withdrawn")).no_day0_outcome()
    assert status == NOT_EVALUABLE and "withdrawn" in reason
    status, reason = tl_of(dossier(i1_given=False, death_day=-2)).no_day0_outcome()
    assert status == NOT_EVALUABLE and "died" in reason


def test_i2_actual_partial_and_not_given() -> None:
    assert tl_of(dossier(i2_day=90)).i2_day == 90
    assert tl_of(dossier(i2_day=90, i2_completion="partial")).i2_day == 90
    assert tl_of(dossier(i2_day=90, i2_completion="not_given")).i2_day == 84
    assert tl_of(dossier(i2_day=None)).i2_day == 84
    assert tl_of(dossier(i2_day=90), with_params(anchor_post_i2_on_actual=False)).i2_day == 84
    # infusion 2 dated after as_of is not yet given
    assert tl_of(dossier(i2_day=90, as_of_day=89)).i2_day == 84


def test_horizon() -> None:
    assert tl_of(dossier()).horizon == 175
    assert tl_of(dossier(i2_day=90)).horizon == 181
    assert tl_of(dossier(visits=[visit("W24", 170, pga=1.0)])).horizon == 170


def test_scheduled_lookup_and_window_flag() -> None:
    d = dossier(visits=[visit("W4", 36, pga=1.0), visit("W8", 56, pga=1.0), missed("W12", "ill")], as_of_day=100)
    tl = tl_of(d)
    w4 = tl.scheduled("W4")
    assert w4 is not None and w4.out_of_window and w4.day == 36
    assert not tl.scheduled("W8").out_of_window
    assert tl.scheduled("W12") is None
    assert tl.missing_visit_text("W12") == "W12 visit declared missed (ill)"
    assert tl.missing_visit_text("W16") == "W16 visit missing"
    assert tl.window_warnings() == ["W4 on day 36 is outside its window (days 21–35)"]
    rejected = tl_of(d, with_params(reject_out_of_window=True))
    assert rejected.scheduled("W4") is None
    assert "outside its window" in rejected.missing_visit_text("W4")
    assert rejected.scheduled("W8") is not None


def test_visit_one_day_inside_window_edge() -> None:
    tl = tl_of(dossier(visits=[visit("W4", 35, pga=1.0)]))
    assert not tl.scheduled("W4").out_of_window


def test_data_after_as_of_ignored() -> None:
    d = dossier(
        as_of_day=100, visits=[visit("W12", 84, pga=1.0), visit("W16", 112, pga=1.0)],
        medications=[rescue(90), rescue(150)], withdrawal_day=150, death_day=160,
    )
    tl = tl_of(d)
    assert [v.code for v in tl.visits] == ["W12"]
    assert len(tl.medications) == 1
    assert tl.on_study and tl.withdrawal_day is None and tl.death_day is None


def test_assessments_need_an_efficacy_value() -> None:
    assert not has_efficacy_value(Visit("UNS", on(5), weight_kg=60.0))
    assert has_efficacy_value(Visit("UNS", on(5), pga_tenths=0))
    assert has_efficacy_value(Visit("UNS", on(5), sediment_inactive=False))
    assert has_efficacy_value(Visit("UNS", on(5), sfi=SfiForm(worse_thrombocytopenia=False)))
    assert has_efficacy_value(Visit("UNS", on(5), lldas=LldasForm(new_non_sledai_activity=False)))
    assert has_efficacy_value(Visit("UNS", on(5), bilag={"renal": "D"}))
    assert has_efficacy_value(Visit("UNS", on(5), sledai={"rash": False}))
    assert has_efficacy_value(visit("UNS", 5, urine_casts=()))
    tl = tl_of(dossier(visits=[visit("W1", 7, weight=60.0), visit("UNS", 8, upcr_g_g=1.0)]))
    assert [dv.code for dv in tl.assessments] == ["UNS"]
    assert [dv.code for dv in tl.visits] == ["W1", "UNS"]


def test_same_day_order_uns_before_scheduled() -> None:
    tl = tl_of(dossier(visits=[visit("D0", 0, upcr_g_g=1.0), visit("UNS", 0, upcr_g_g=2.0)]))
    assert [dv.code for dv in tl.visits] == ["UNS", "D0"]
    assert tl.baseline_lab("upcr_g_g").value == 1.0


def test_baseline_is_last_value_on_or_before_day0() -> None:
    d = dossier(
        visits=[
            visit("SCR", -20, upcr_g_g=3.0, creatinine_mg_dl=1.0),
            visit("UNS", -5, upcr_g_g=2.5),
            visit("D0", 0, creatinine_mg_dl=1.1),
            visit("D3", 3, upcr_g_g=1.0),
        ]
    )
    tl = tl_of(d)
    assert tl.baseline_lab("upcr_g_g").value == 2.5
    assert tl.baseline_lab("creatinine_mg_dl").value == 1.1
    assert tl.baseline_lab("hemoglobin_g_dl") is None
    assert [p.value for p in tl.lab_series("upcr_g_g")] == [3.0, 2.5, 1.0]


def test_baseline_sledai_needs_complete_form_and_bilag_per_domain() -> None:
    d = dossier(
        visits=[
            visit("SCR", -20, sledai=sledai_answers("rash"), pga=1.5, bilag=bilag_grades("D", renal="A")),
            visit("D0", 0, sledai=sledai_answers(unanswered=("fever",)), bilag={"renal": "B"}),
        ]
    )
    tl = tl_of(d)
    assert tl.baseline_sledai().code == "SCR"
    assert tl.baseline_pga().code == "SCR"
    assert tl.baseline_bilag("renal").visit.bilag["renal"] == "B"
    assert tl.baseline_bilag("mucocutaneous").code == "SCR"


def test_baseline_ignores_scheduled_post_codes() -> None:
    tl = tl_of(dossier(visits=[visit("W1", -1, upcr_g_g=2.0)]))
    assert tl.baseline_lab("upcr_g_g") is None


def test_weight_lookup() -> None:
    d = dossier(weight_kg=70.0, visits=[visit("SCR", -10, weight=65.0), visit("W4", 28, weight=62.0)])
    tl = tl_of(d)
    assert tl.weight_on(27) == 65.0
    assert tl.weight_on(28) == 62.0
    assert tl_of(dossier(weight_kg=70.0)).weight_on(5) == 70.0
    assert tl_of(dossier(weight_kg=None)).weight_on(5) is None


def test_withdrawal_and_death() -> None:
    tl = tl_of(dossier(withdrawal_day=95, status="withdrawn"))
    assert tl.withdrawn and not tl.on_study and tl.off_study_text() == "withdrawn day 95"
    assert tl.off_study_cause() == "withdrawal"
    tl = tl_of(dossier(death_day=60))
    assert tl.died and tl.off_study_text() == "died day 60" and tl.off_study_cause() == "death"
    undated = tl_of(dossier(status="withdrawn"))
    assert undated.withdrawn and undated.off_study_day is None


def test_pending_window() -> None:
    tl = tl_of(dossier(as_of_day=175))
    assert tl.is_pending_window(175)
    assert not tl.is_pending_window(174)
    assert not tl_of(dossier(as_of_day=100, withdrawal_day=95)).is_pending_window(175)


def test_rescue_records() -> None:
    tl = tl_of(dossier(medications=[rescue(0), rescue(50), medication("ivig", 60), rescue(170)]))
    assert [tl.study_day(m.start) for m in tl.rescue_records(1, 168)] == [50]
