"""endpoints.md §8.21–§8.25, one test per clarification, each with a worked case."""

from __future__ import annotations

from endpoints.dossier import SfiForm
from endpoints.flares import evaluate_renal_flare, evaluate_time_to_severe_sfi_flare
from endpoints.lldas import evaluate_lldas
from endpoints.params import ProtocolParams
from endpoints.renal_response import evaluate_renal_response
from endpoints.results import CENSORED, EVENT, MET, NOT_EVALUABLE, NOT_MET, PENDING
from endpoints.sri import evaluate_sledai_reduction
from endpoints.steroid_endpoints import evaluate_primary_steroid_taper, evaluate_steroid_maintained
from endpoints.timeline import build_timeline
from endpoints.treatment_failure import evaluate_treatment_failure
from tests.endpoints.builders import (
    ctx,
    dialysis,
    dossier,
    event,
    hospitalisation,
    lldas_form,
    pred,
    sledai_answers,
    sledai_scoring,
    visit,
)


def test_8_21_a_failure_certain_from_partial_data_is_not_met() -> None:
    # Log declared complete only through day 40; a row of 10 mg recorded on days 50–52 (inside W4–W12).
    rows = [pred(5, -30, 49), pred(10, 50, 52), pred(5, 53, 60)]
    visits = [visit("W4", 28, pga=1.0), visit("W12", 84, pga=1.0)]
    r = evaluate_primary_steroid_taper(ctx(dossier(visits=visits, steroids=rows, complete_through_day=40)))
    assert r.status == NOT_MET and r.details["excess_days"] == [50, 51, 52]
    # Without the excess the same incomplete log leaves the endpoint undecided, not met.
    calm = [pred(5, -30, 60)]
    assert evaluate_primary_steroid_taper(
        ctx(dossier(visits=visits, steroids=calm, complete_through_day=40))).status == NOT_EVALUABLE
    # An ongoing 10 mg row from day 30 counts only through complete-through (day 35): 6 excess days, not 55.
    ongoing = evaluate_primary_steroid_taper(
        ctx(dossier(visits=visits, steroids=[pred(10, 30)], complete_through_day=35)))
    assert ongoing.status == NOT_MET and ongoing.details["excess_days"] == list(range(30, 36))
    # ... or only its start day when it starts after complete-through.
    late = evaluate_primary_steroid_taper(
        ctx(dossier(visits=visits, steroids=[pred(10, 60)], complete_through_day=35)))
    assert late.details["excess_days"] == [60]
    # An incomplete W24 SLEDAI-2K: arthritis + rash ticked (6) vs baseline 8 already rules out a 4-point reduction.
    partial = sledai_answers("arthritis", "rash", unanswered=("fever", "leukopenia"))
    sledai_visits = [visit("D0", 0, sledai=sledai_scoring(8)), visit("W24", 168, sledai=partial)]
    r = evaluate_sledai_reduction(ctx(dossier(visits=sledai_visits)))
    assert r.status == NOT_MET and "partial" in r.reason
    small = sledai_answers("rash", unanswered=("fever", "leukopenia"))  # 2 so far: −6 still possible
    r = evaluate_sledai_reduction(ctx(dossier(visits=[sledai_visits[0], visit("W24", 168, sledai=small)])))
    assert r.status == NOT_EVALUABLE


def esrd(*renal_replacement, **kw):
    kw.setdefault("as_of_day", 188)
    labs = [visit("D0", 0, creatinine_mg_dl=0.9, upcr_g_g=0.3)]
    return evaluate_treatment_failure(ctx(dossier("LN", visits=labs, renal_replacement=renal_replacement, **kw)))


def test_8_22_esrd_stays_pending_while_a_short_dialysis_runs() -> None:
    # Dialysis from day 100, stop recorded for day 250; as_of day 188 (H = 175): 89 days so far, stop not yet known.
    r = esrd(dialysis(100, 250))
    running = r.components["esrd"]
    assert (running.status, running.day) == (PENDING, 0)
    assert "dialysis ongoing since day 100 (89 days as of" in running.reason
    assert running.details["candidates"] == []
    assert r.details["composite"]["status"] == PENDING
    # The same with no stop recorded.
    assert esrd(dialysis(100)).components["esrd"].status == PENDING
    # A stop on or before as_of ends it: 80 days, no ESRD, censored.
    assert esrd(dialysis(100, 179)).components["esrd"].status == CENSORED
    # Day 189: the 90th day is reached → event on the start day, the future stop still unknown.
    reached = esrd(dialysis(100, 250), as_of_day=189).components["esrd"]
    assert (reached.status, reached.day) == (EVENT, 100)
    assert reached.details["candidates"][0]["stop"] is None
    # Off study: censored, not pending.
    assert esrd(dialysis(100, 250), withdrawal_day=150, status="withdrawn").components["esrd"].status == CENSORED
    assert esrd(dialysis(100, 250), death_day=180).components["esrd"].status == CENSORED


def test_8_23_same_day_order_uns_first_then_schedule_then_entry() -> None:
    visits = [visit("W4", 28, platelets_10e9_l=70), visit("UNS", 28, platelets_10e9_l=50),
              visit("W1", 7, platelets_10e9_l=90), visit("UNS", 7, hemoglobin_g_dl=10.0),
              visit("UNS", 7, hemoglobin_g_dl=11.0), visit("D0", 0, platelets_10e9_l=80, hemoglobin_g_dl=12.0)]
    tl = build_timeline(dossier(visits=visits), ProtocolParams())
    assert [(dv.code, dv.day, dv.index) for dv in tl.visits] == [
        ("D0", 0, 5), ("UNS", 7, 3), ("UNS", 7, 4), ("W1", 7, 2), ("UNS", 28, 1), ("W4", 28, 0)]
    # SFI S3: the UNS on day 28 (50) is compared with W1 (90); W4's 70 then compares with the UNS, not W1.
    r = evaluate_time_to_severe_sfi_flare(ctx(dossier(visits=visits)))
    assert (r.status, r.day) == (EVENT, 28)
    trigger = r.details["sfi"]["flares"][0]["triggers"][0]
    assert (trigger["value"], trigger["previous"]) == (50, 90)
    # Renal-flare reference: the UNS of the W16 day (0.4) precedes W16 (1.1): nadir 0.4 < 0.5 → 1.1 ≥ 1.0 flares.
    upcr = [visit("D0", 0, upcr_g_g=0.8), visit("W16", 112, upcr_g_g=1.1), visit("UNS", 112, upcr_g_g=0.4)]
    flare = evaluate_renal_flare(ctx(dossier(visits=upcr)))
    assert (flare.status, flare.day) == (EVENT, 112) and flare.details["candidates"][0]["reference"] == 0.4
    # LLDAS criterion 2: a complete SLEDAI-2K at a UNS on the W24 day is the previous one for W24.
    same_day = [
        visit("D0", 0, sledai=sledai_answers("arthritis", "rash"), pga=1.5),
        visit("W20", 140, sledai=sledai_answers()),
        visit("W24", 168, sledai=sledai_answers("rash"), pga=0.5, lldas=lldas_form()),
        visit("UNS", 168, sledai=sledai_answers("rash")),
    ]
    r = evaluate_lldas(ctx(dossier(visits=same_day, steroids=[pred(5, 0)])))
    assert r.status == MET and r.details["previous_sledai_visit"]["visit"] == "UNS"


def test_8_24_a_time_to_event_result_without_its_baseline_is_not_evaluable() -> None:
    no_baseline = [visit("W4", 28, creatinine_mg_dl=1.0, upcr_g_g=0.3, platelets_10e9_l=150, hemoglobin_g_dl=12.0,
                         sledai=sledai_scoring(4), pga=1.0)]
    r = evaluate_treatment_failure(ctx(dossier("LN", visits=no_baseline, as_of_day=300)))
    assert r.components["creatinine_doubling"].status == NOT_EVALUABLE
    assert r.components["renal_flare"].status == NOT_EVALUABLE
    assert r.components["extrarenal_flare"].status == NOT_EVALUABLE
    assert r.components["death"].status == CENSORED  # needs no baseline
    severe = evaluate_time_to_severe_sfi_flare(ctx(dossier("LN", visits=no_baseline, as_of_day=300)))
    assert severe.status == NOT_EVALUABLE and "no baseline SLEDAI-2K, PGA, platelets or Hgb" in severe.reason
    # An event found without a baseline is still an event.
    with_event = evaluate_time_to_severe_sfi_flare(ctx(dossier(
        "LN", visits=no_baseline, hospitalisations=[hospitalisation(60)], as_of_day=300)))
    assert (with_event.status, with_event.day) == (EVENT, 60)
    declared = evaluate_renal_flare(ctx(dossier(visits=no_baseline, events=[event("renal_flare", 50)], as_of_day=300)))
    assert (declared.status, declared.day) == (EVENT, 50)
    # One baseline value of the definition is enough to be event-free.
    one = [visit("D0", 0, hemoglobin_g_dl=12.0), *no_baseline]
    assert evaluate_time_to_severe_sfi_flare(ctx(dossier(visits=one, as_of_day=300))).status == CENSORED
    ln = evaluate_treatment_failure(ctx(dossier("LN", visits=one, as_of_day=300)))
    assert ln.components["extrarenal_flare"].status == CENSORED


def test_8_25_visits_after_withdrawal_are_used_and_assessments_after_death_ignored() -> None:
    # Withdrawn day 150; W24 done anyway on day 168 with 5 mg/day throughout: the period W12–W24 is closed.
    steroid_visits = [visit("W4", 28, pga=1.0), visit("W12", 84, pga=1.0), visit("W24", 168, pga=1.0)]
    withdrawn = dossier(visits=steroid_visits, steroids=[pred(5, 0)], withdrawal_day=150, status="withdrawn")
    assert evaluate_steroid_maintained(ctx(withdrawn)).status == MET
    # Died day 150; a UNS dated day 160 with UPCR 3.0 (reference 0.3) is impossible data: no renal flare from it.
    upcr = [visit("D0", 0, upcr_g_g=0.3, creatinine_mg_dl=0.8), visit("W16", 112, upcr_g_g=0.3),
            visit("UNS", 160, upcr_g_g=3.0)]
    r = evaluate_renal_flare(ctx(dossier(visits=upcr, death_day=150)))
    assert (r.status, r.day) == (CENSORED, 112) and "died day 150" in r.reason
    assert evaluate_renal_flare(ctx(dossier(visits=upcr))).day == 160  # alive: the same visit is a flare
    # Died day 160; a W24 visit dated day 168 with a response does not give a W24 response.
    w24 = visit("W24", 168, upcr_g_g=0.2, creatinine_mg_dl=0.8)
    response = [visit("D0", 0, upcr_g_g=2.0, creatinine_mg_dl=0.8), visit("W12", 84, upcr_g_g=0.4), w24]
    dead = evaluate_renal_response(ctx(dossier(visits=response, steroids=[pred(5, 0)], death_day=160)))
    assert dead.status == NOT_EVALUABLE and dead.reason.startswith("Died day 160; W24 visit missing")
    alive = evaluate_renal_response(ctx(dossier(visits=response, steroids=[pred(5, 0)])))
    assert alive.status == MET
    # A visit on the death day itself is still data.
    same_day = evaluate_renal_flare(ctx(dossier(visits=upcr, death_day=160)))
    assert (same_day.status, same_day.day) == (EVENT, 160)
    # SFI: a post-death form is ignored as well.
    sfi = [visit("D0", 0, platelets_10e9_l=150), visit("UNS", 100, sfi=SfiForm({"cns": True}))]
    assert evaluate_time_to_severe_sfi_flare(ctx(dossier(visits=sfi, death_day=90))).status == CENSORED
