"""lldas_w24 (endpoints.md §3.5, §8.12, §8.13)."""

from __future__ import annotations

from endpoints.lldas import evaluate_lldas
from endpoints.results import MET, NOT_EVALUABLE, NOT_MET, PENDING
from tests.endpoints.builders import (
    bilag_grades,
    ctx,
    dossier,
    lldas_form,
    medication,
    pred,
    sledai_answers,
    steroid,
    visit,
    with_params,
)

TAPER = (pred(5, 0),)


def lldas(*, sledai=None, pga=0.5, form=None, bilag=None, prev=None, rows=TAPER, meds=(), params=None, **kw):
    visits = [
        visit("D0", 0, sledai=sledai_answers("arthritis", "rash"), pga=1.5),
        visit("W20", 140, sledai=prev if prev is not None else sledai_answers("rash")),
        visit("W24", 168, sledai=sledai if sledai is not None else sledai_answers("rash"), pga=pga,
              lldas=form or lldas_form(), bilag=bilag or {}),
    ]
    return evaluate_lldas(ctx(dossier(visits=visits, steroids=list(rows), medications=list(meds), **kw), params))


def test_all_five_met() -> None:
    r = lldas()
    assert r.status == MET
    assert r.reason.startswith("All five LLDAS criteria at W24 (2026-06-22)")
    assert r.details["previous_sledai_visit"]["visit"] == "W20"


def test_criterion1_sledai_total() -> None:
    assert lldas(sledai=sledai_answers("arthritis"), prev=sledai_answers("arthritis")).status == MET  # 4 ≤ 4
    r = lldas(sledai=sledai_answers("arthritis", "rash"), prev=sledai_answers("arthritis", "rash"))
    assert r.status == NOT_MET and "SLEDAI-2K 6 > 4" in r.reason


def test_criterion1_organ_groups() -> None:
    for organ in ("hematuria", "pleurisy", "fever", "vasculitis", "seizure"):
        r = lldas(sledai=sledai_answers(organ), prev=sledai_answers(organ))
        assert r.status == NOT_MET and organ in r.reason


def test_criterion1_incomplete_sledai() -> None:
    partial = sledai_answers("rash", unanswered=("fever",))
    r = lldas(sledai=partial, as_of_day=200)
    assert r.status == NOT_EVALUABLE and "W24 SLEDAI-2K incomplete" in r.reason
    # a ticked organ descriptor or a partial sum > 4 already fails
    assert lldas(sledai=sledai_answers("pleurisy", unanswered=("fever",))).status == NOT_MET
    both = sledai_answers("arthritis", "rash")
    r = lldas(sledai=sledai_answers("arthritis", "rash", unanswered=("fever",)), prev=both)
    assert r.status == NOT_MET and "partial sum 6 > 4" in r.reason


def test_criterion1_hemolytic_and_gi() -> None:
    assert lldas(form=lldas_form(hemolytic=True)).status == NOT_MET
    assert lldas(form=lldas_form(hemolytic=None)).status == NOT_EVALUABLE
    assert lldas(form=lldas_form(gi=True)).status == NOT_MET
    assert lldas(form=lldas_form(gi=None), bilag=bilag_grades("E")).status == MET
    r = lldas(form=lldas_form(gi=None), bilag=bilag_grades("E", gastrointestinal="C"))
    assert r.status == NOT_MET and "BILAG GI C" in r.reason
    r = lldas(form=lldas_form(gi=None))
    assert r.status == NOT_EVALUABLE and "no BILAG GI grade" in r.reason


def test_criterion2_new_activity() -> None:
    r = lldas(sledai=sledai_answers("rash", "alopecia"), prev=sledai_answers("rash"))
    assert r.status == NOT_MET and "alopecia" in r.reason
    assert lldas(sledai=sledai_answers("rash"), prev=sledai_answers("rash", "alopecia")).status == MET
    assert lldas(form=lldas_form(new_activity=True)).status == NOT_MET
    assert lldas(form=lldas_form(new_activity=None)).status == MET  # optional: missing = no


def test_criterion2_compares_with_latest_complete_sledai() -> None:
    incomplete_prev = sledai_answers("alopecia", unanswered=("fever",))
    # W20 incomplete: the comparison falls back to D0 (arthritis, rash), so rash is not new
    assert lldas(prev=incomplete_prev).status == MET
    r = lldas(sledai=sledai_answers("alopecia"), prev=incomplete_prev)
    assert r.status == NOT_MET and "since D0" in r.reason


def test_criterion2_no_earlier_sledai() -> None:
    visits = [visit("W24", 168, sledai=sledai_answers(), pga=0.5, lldas=lldas_form())]
    r = evaluate_lldas(ctx(dossier(visits=visits, steroids=list(TAPER))))
    assert r.status == NOT_EVALUABLE and "no earlier complete SLEDAI-2K" in r.reason


def test_criterion3_pga() -> None:
    assert lldas(pga=1.0).status == MET
    r = lldas(pga=1.1)
    assert r.status == NOT_MET and "PGA 1.1 > 1.0" in r.reason
    assert lldas(pga=None).status == NOT_EVALUABLE


def test_criterion4_steroid_on_w24_day() -> None:
    assert lldas(rows=[pred(7.5, 0)]).status == MET
    r = lldas(rows=[pred(5, 0), pred(5, 168, 168)])
    assert r.status == NOT_MET and "10 mg pred-eq > 7.5 on day 168" in r.reason
    assert lldas(rows=[pred(5, 0), pred(5, 167, 167)]).status == MET
    r = lldas(complete_through_day=160)
    assert r.status == NOT_EVALUABLE and "steroid dose on the W24 day not evaluable" in r.reason
    premed = steroid("hydrocortisone", 100, 168, 168, route="iv", indication="premedication")
    assert lldas(rows=[pred(5, 0), premed]).status == MET


def test_criterion5_maintenance_and_investigational() -> None:
    assert lldas(form=lldas_form(maintenance_ok=False)).status == NOT_MET
    r = lldas(form=lldas_form(maintenance_ok=None))
    assert r.status == NOT_EVALUABLE and "maintenance question unanswered" in r.reason
    trial_drug = medication("biologic", 100, None, name="XYZ-123", investigational=True)
    r = lldas(meds=[trial_drug])
    assert r.status == NOT_MET and "investigational drug active on the W24 day (XYZ-123)" in r.reason
    stopped = medication("biologic", 100, 160, name="XYZ-123", investigational=True)
    assert lldas(meds=[stopped]).status == MET


def test_pending_and_missing_w24() -> None:
    visits = [visit("D0", 0, sledai=sledai_answers(), pga=1.0)]
    assert evaluate_lldas(ctx(dossier(visits=visits, as_of_day=175))).status == PENDING
    r = evaluate_lldas(ctx(dossier(visits=visits, as_of_day=176)))
    assert r.status == NOT_EVALUABLE and r.reason == "W24 visit missing."
    r = evaluate_lldas(ctx(dossier(visits=visits, as_of_day=176), with_params(nonresponder_imputation=True)))
    assert r.status == NOT_MET


def test_value_missing_pending_until_due() -> None:
    assert lldas(pga=None, as_of_day=170).status == PENDING


def test_rescue_does_not_affect_lldas() -> None:
    rescue_med = medication("cyclophosphamide", 100, 100, rescue=True, indication="renal")
    assert lldas(meds=[rescue_med]).status == MET
