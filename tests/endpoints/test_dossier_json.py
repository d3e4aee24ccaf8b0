"""Dossier JSON reader and writer: strictness, JSON paths of errors, and the lossless round trip."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from endpoints import vocab
from endpoints.dossier import (
    AdverseEvent,
    Dossier,
    FlareEvent,
    Hospitalisation,
    Infusion,
    Labs,
    LldasForm,
    Medication,
    RenalReplacement,
    SfiForm,
    SteroidRow,
    Subject,
    Visit,
)
from endpoints.dossier_json import DossierError, dossier_from_json, dossier_to_json, json_from_text, parse_date


def minimal() -> dict:
    return {
        "format": "trialdesk-dossier/1",
        "as_of": "2026-07-01",
        "subject": {"id": "LN-01", "subgroup": "LN", "sex": "F", "birth_date": "1990-04-02", "status": "enrolled"},
    }


def full() -> dict:
    d = minimal()
    d["steroid_log_complete_through"] = "2026-06-30"
    d["subject"].update(consent_date="2025-12-01", initials="KJH", weight_kg=55.5)
    d["infusions"] = [
        {"number": 1, "planned_date": "2026-01-05", "date": "2026-01-05", "weight_kg": 55.0, "dose_cells": 1.1e8,
         "completion": "full"},
        {"number": 2, "planned_date": "2026-03-30"},
    ]
    d["visits"] = [
        {"code": "D0", "date": "2026-01-05", "weight_kg": 55.0,
         "labs": {"upcr_g_g": 2.4, "creatinine_mg_dl": 0.9, "urine_casts": ["rbc"], "urine_rbc_hpf": 12},
         "sledai": {k: False for k in vocab.SLEDAI_KEYS} | {"proteinuria": True},
         "pga": 1.2, "bilag": {"renal": "B", "haematological": "E"},
         "sfi": {"organ_new_worse": {"nephritis": True}, "worse_thrombocytopenia": False},
         "lldas": {"hemolytic_anemia_active": False, "maintenance_is_standard_tolerated": True},
         "sediment_inactive": False, "labs_not_attributable": ["hemoglobin_g_dl"]},
        {"code": "D3", "missed": True, "reason": "flu"},
        {"code": "UNS", "date": "2026-01-20", "labs": {"upcr_g_g": 1.0, "urine_casts": []}},
        {"code": "UNS", "date": "2026-01-21", "labs": {"platelets_10e9_l": 40}},
    ]
    d["steroids"] = [
        {"drug": "prednisolone", "route": "oral", "mg_per_dose": 10, "start": "2026-01-05", "stop": "2026-02-01"},
        {"drug": "hydrocortisone", "route": "iv", "mg_per_dose": 100, "doses_per_day": 1, "start": "2026-03-30",
         "stop": "2026-03-30", "indication": "premedication"},
    ]
    d["medications"] = [
        {"name": "Mycophenolate mofetil", "agent_class": "mycophenolate", "start": "2025-06-01", "rescue": False,
         "indication": "maintenance", "for_sle_activity": True, "investigational": False},
    ]
    d["hospitalisations"] = [{"admission": "2026-02-01", "discharge": "2026-02-05", "for_sle_activity": True,
                              "indication": "renal"}]
    d["renal_replacement"] = [{"type": "dialysis", "start": "2026-02-02", "stop": "2026-02-04", "chronic": False}]
    d["events"] = [{"type": "severe_flare", "date": "2026-02-01", "organ": "renal", "note": "신장 재발"}]
    d["adverse_events"] = [{"term": "Headache", "onset": "2026-01-06", "end": "2026-01-07", "grade": 1,
                            "serious": False, "related_product": "unlikely", "related_infusion": "possible",
                            "outcome": "recovered"}]
    d["extensions"] = {"site_note": {"anything": [1, "two", None]}}
    return d


def error_of(obj: dict) -> DossierError:
    with pytest.raises(DossierError) as info:
        dossier_from_json(obj)
    return info.value


def test_minimal_dossier_reads():
    d = dossier_from_json(minimal())
    assert d.as_of == date(2026, 7, 1)
    assert d.subject == Subject("LN-01", "LN", "F", date(1990, 4, 2), "enrolled")
    assert d.visits == () and d.extensions == {}


def test_full_dossier_reads_every_field():
    d = dossier_from_json(full())
    assert d.steroid_log_complete_through == date(2026, 6, 30)
    assert d.subject.weight_kg == 55.5 and d.subject.initials == "KJH"
    assert d.infusions[1] == Infusion(2, planned_date=date(2026, 3, 30))
    d0 = d.visits[0]
    assert d0.labs.upcr_g_g == 2.4 and d0.labs.urine_casts == ("rbc",) and d0.labs.urine_rbc_hpf == 12.0
    assert d0.pga_tenths == 12
    assert d0.sledai["proteinuria"] is True and len(d0.sledai) == 24
    assert d0.bilag == {"renal": "B", "haematological": "E"}
    assert d0.sfi == SfiForm({"nephritis": True}, False)
    assert d0.lldas == LldasForm(hemolytic_anemia_active=False, maintenance_is_standard_tolerated=True)
    assert d0.labs_not_attributable == ("hemoglobin_g_dl",)
    assert d.visits[1] == Visit("D3", missed=True, reason="flu")
    assert d.visits[2].labs.urine_casts == ()  # empty list = none seen, not absent
    assert d.visits[3].labs.urine_casts is None
    assert d.steroids[0].doses_per_day == 1.0 and d.steroids[0].indication == "sle" and d.steroids[0].stop
    assert d.steroids[1].indication == "premedication"
    assert d.events[0].note == "신장 재발"
    assert d.extensions == {"site_note": {"anything": [1, "two", None]}}


def test_full_dossier_round_trips_through_text():
    d = dossier_from_json(full())
    text = json.dumps(dossier_to_json(d), ensure_ascii=False)
    assert dossier_from_json(json.loads(text)) == d


def test_null_means_absent():
    obj = minimal()
    obj["subject"]["death_date"] = None
    obj["visits"] = [{"code": "W4", "date": "2026-02-02", "pga": None, "labs": {"upcr_g_g": None},
                      "sledai": {"fever": None}, "bilag": {"renal": None}}]
    obj["steroids"] = None
    d = dossier_from_json(obj)
    assert d.subject.death_date is None
    assert d.visits[0] == Visit("W4", date(2026, 2, 2))
    assert d.steroids == ()
    assert "pga" not in dossier_to_json(d)["visits"][0]


@pytest.mark.parametrize(
    ("mutate", "path", "words"),
    [
        (lambda o: o.pop("format"), "$.format", "required"),
        (lambda o: o.update(format="trialdesk-dossier/2"), "$.format", "must be"),
        (lambda o: o.pop("as_of"), "$.as_of", "required"),
        (lambda o: o.update(as_of="2026-7-1"), "$.as_of", "YYYY-MM-DD"),
        (lambda o: o.update(as_of="20260701"), "$.as_of", "YYYY-MM-DD"),
        (lambda o: o.update(as_of="2026-02-30"), "$.as_of", "not a calendar date"),
        (lambda o: o.update(as_of="2026-07-01T00:00:00"), "$.as_of", "YYYY-MM-DD"),
        (lambda o: o.update(as_of=20260701), "$.as_of", "the number"),
        (lambda o: o.update(asof="2026-07-01"), "$.asof", "unknown key"),
        (lambda o: o.pop("subject"), "$.subject", "required"),
        (lambda o: o["subject"].pop("sex"), "$.subject.sex", "required"),
        (lambda o: o["subject"].pop("birth_date"), "$.subject.birth_date", "required"),
        (lambda o: o["subject"].pop("status"), "$.subject.status", "required"),
        (lambda o: o["subject"].update(id=""), "$.subject.id", "empty"),
        (lambda o: o["subject"].update(id=7), "$.subject.id", "text"),
        (lambda o: o["subject"].update(subgroup="SLE"), "$.subject.subgroup", "not one of LN, LC"),
        (lambda o: o["subject"].update(status="active"), "$.subject.status", "not one of"),
        (lambda o: o["subject"].update(weight_kg="60"), "$.subject.weight_kg", "must be a number"),
        (lambda o: o["subject"].update(weight_kg=True), "$.subject.weight_kg", "must be a number, not true"),
        (lambda o: o["subject"].update(weight_kg=-1), "$.subject.weight_kg", "≥ 0"),
        (lambda o: o["subject"].update(weight_kg=float("nan")), "$.subject.weight_kg", "finite"),
        (lambda o: o["subject"].update(name="x"), "$.subject.name", "unknown key"),
        (lambda o: o.update(subject=[]), "$.subject", "must be an object"),
        (lambda o: o.update(visits={}), "$.visits", "must be a list"),
        (lambda o: o.update(extensions=[]), "$.extensions", "must be an object"),
        (lambda o: o["visits"][1]["labs"].update(upcr_gg=1.0), "$.visits[1].labs.upcr_gg", "unknown key"),
        (lambda o: o["visits"][1]["labs"].update(upcr_g_g="0.4"), "$.visits[1].labs.upcr_g_g", "number"),
        (lambda o: o["visits"][1]["labs"].update(creatinine_mg_dl=0), "$.visits[1].labs.creatinine_mg_dl", "> 0"),
        (lambda o: o["visits"][1]["labs"].update(urine_casts=["red"]), "$.visits[1].labs.urine_casts[0]", "not one"),
        (lambda o: o["visits"][1].update(code="W5"), "$.visits[1].code", "not one of"),
        (lambda o: o["visits"][1].pop("date"), "$.visits[1].date", "required"),
        (lambda o: o["visits"][1].update(pga=1.25), "$.visits[1].pga", "one decimal"),
        (lambda o: o["visits"][1].update(pga=3.1), "$.visits[1].pga", "0.0 to 3.0"),
        (lambda o: o["visits"][1].update(pga=-0.1), "$.visits[1].pga", "0.0 to 3.0"),
        (lambda o: o["visits"][1].update(pga=True), "$.visits[1].pga", "number"),
        (lambda o: o["visits"][1].update(sledai={"fever": 1}), "$.visits[1].sledai.fever", "true or false"),
        (lambda o: o["visits"][1].update(sledai={"feaver": True}), "$.visits[1].sledai.feaver", "unknown key"),
        (lambda o: o["visits"][1].update(bilag={"renal": "F"}), "$.visits[1].bilag.renal", "not one of"),
        (lambda o: o["visits"][1].update(sfi={"organ_new_worse": {"renal": True}}),
         "$.visits[1].sfi.organ_new_worse.renal", "unknown key"),
        (lambda o: o["visits"][1].update(lldas={"gi_activity_active": "no"}),
         "$.visits[1].lldas.gi_activity_active", "true or false"),
        (lambda o: o["visits"][1].update(sediment_inactive=0), "$.visits[1].sediment_inactive", "true or false"),
        (lambda o: o["visits"][1].update(reason="late"), "$.visits[1].reason", "missed"),
        (lambda o: o["visits"][1].update(labs_not_attributable=["hb"]), "$.visits[1].labs_not_attributable[0]",
         "not one of"),
        (lambda o: o["visits"].append({"code": "W4", "date": "2026-02-03"}), "$.visits[2].code", "twice"),
        (lambda o: o["visits"].append({"code": "W4", "missed": True}), "$.visits[2].code", "twice"),
        (lambda o: o["visits"].append({"code": "W8", "missed": True, "pga": 1.0}), "$.visits[2].pga",
         "missed visit may only carry"),
        (lambda o: o["visits"].append({"code": "W8", "missed": "yes"}), "$.visits[2].missed", "true or false"),
        (lambda o: o.update(infusions=[{"number": 3}]), "$.infusions[0].number", "from 1 to 2"),
        (lambda o: o.update(infusions=[{"number": 1}, {"number": 1}]), "$.infusions[1].number", "twice"),
        (lambda o: o.update(infusions=[{"number": 1, "completion": "done"}]), "$.infusions[0].completion", "one of"),
        (lambda o: o.update(steroids=[{"drug": "prednisone", "route": "oral", "start": "2026-01-01"}]),
         "$.steroids[0].mg_per_dose", "required"),
        (lambda o: o.update(steroids=[{"drug": "cortisol", "route": "oral", "mg_per_dose": 5,
                                       "start": "2026-01-01"}]), "$.steroids[0].drug", "not one of"),
        (lambda o: o.update(steroids=[{"drug": "prednisone", "route": "oral", "mg_per_dose": 5,
                                       "start": "2026-01-01", "indication": "taper"}]),
         "$.steroids[0].indication", "not one of"),
        (lambda o: o.update(medications=[{"name": "MMF", "agent_class": "mycophenolate", "start": "2026-01-01",
                                          "rescue": "true"}]), "$.medications[0].rescue", "true or false"),
        (lambda o: o.update(hospitalisations=[{"discharge": "2026-01-01"}]), "$.hospitalisations[0].admission",
         "required"),
        (lambda o: o.update(renal_replacement=[{"type": "hemodialysis", "start": "2026-01-01"}]),
         "$.renal_replacement[0].type", "not one of"),
        (lambda o: o.update(events=[{"type": "renal_flare", "date": "2026-01-01", "organ": "kidney"}]),
         "$.events[0].organ", "not one of"),
        (lambda o: o.update(adverse_events=[{"term": "Rash", "grade": 6}]), "$.adverse_events[0].grade",
         "from 1 to 5"),
        (lambda o: o.update(adverse_events=[{"term": "Rash", "grade": 2.5}]), "$.adverse_events[0].grade",
         "whole number"),
    ],
)
def test_malformed_dossiers_name_path_and_reason(mutate, path, words):
    obj = minimal()
    obj["visits"] = [{"code": "D0", "date": "2026-01-05"}, {"code": "W4", "date": "2026-02-02", "labs": {}}]
    mutate(obj)
    err = error_of(obj)
    assert err.path == path
    assert words in err.reason
    assert str(err).startswith(path + ": ")


STEROID = {"drug": "prednisolone", "route": "oral", "mg_per_dose": 30, "start": "2026-05-16"}
MEDICATION = {"name": "사이클로포스파마이드", "agent_class": "cyclophosphamide", "start": "2026-05-16"}
HOSPITALISATION = {"admission": "2026-05-16"}
RENAL = {"type": "dialysis", "start": "2026-05-16"}


@pytest.mark.parametrize(
    ("key", "row", "path", "words"),
    [
        ("steroids", STEROID | {"stop": "2026-05-12"}, "$.steroids[1].stop", "steroid row cannot stop before"),
        ("medications", MEDICATION | {"stop": "2026-05-15"}, "$.medications[1].stop", "cannot stop before it starts"),
        ("hospitalisations", HOSPITALISATION | {"discharge": "2026-05-01"}, "$.hospitalisations[1].discharge",
         "discharged before being admitted"),
        ("renal_replacement", RENAL | {"stop": "2025-05-16"}, "$.renal_replacement[1].stop",
         "renal replacement cannot stop before"),
    ],
)
def test_rows_that_end_before_they_start_are_refused(key, row, path, words):
    obj = minimal()
    first = {"steroids": STEROID, "medications": MEDICATION, "hospitalisations": HOSPITALISATION,
             "renal_replacement": RENAL}[key]
    obj[key] = [first, row]
    err = error_of(obj)
    assert err.path == path
    assert words in err.reason
    start = row.get("start") or row["admission"]
    end = row.get("stop") or row["discharge"]
    assert err.reason.startswith(f"{end} is before the ") and start in err.reason
    assert str(err).startswith(path + ": ")


def test_rows_may_end_on_the_day_they_start():
    obj = minimal()
    obj["steroids"] = [STEROID | {"stop": "2026-05-16"}]
    obj["medications"] = [MEDICATION | {"stop": "2026-05-16"}]
    obj["hospitalisations"] = [HOSPITALISATION | {"discharge": "2026-05-16"}]
    obj["renal_replacement"] = [RENAL | {"stop": "2026-05-16"}]
    d = dossier_from_json(obj)
    assert d.steroids[0].stop == d.medications[0].stop == d.hospitalisations[0].discharge == date(2026, 5, 16)
    assert d.renal_replacement[0].stop == date(2026, 5, 16)


def test_top_level_must_be_an_object():
    assert error_of([]).path == "$"


def test_extensions_are_kept_as_is():
    obj = minimal()
    obj["extensions"] = {"expected": {"primary_steroid_taper": {"status": "met"}}, "weird key!": True}
    d = dossier_from_json(obj)
    assert dossier_to_json(d)["extensions"] == obj["extensions"]


def test_uns_visits_may_repeat_and_integral_floats_are_whole_numbers():
    obj = minimal()
    obj["visits"] = [{"code": "UNS", "date": "2026-01-10"}, {"code": "UNS", "date": "2026-01-11"}]
    obj["infusions"] = [{"number": 1.0, "date": "2026-01-05"}]
    d = dossier_from_json(obj)
    assert len(d.visits) == 2 and d.infusions[0].number == 1


def test_pga_tenths_are_exact():
    obj = minimal()
    obj["visits"] = [{"code": "W24", "date": "2026-06-20", "pga": 0.3}, {"code": "W20", "date": "2026-05-20",
                                                                          "pga": 3}]
    d = dossier_from_json(obj)
    assert [v.pga_tenths for v in d.visits] == [3, 30]
    assert [v["pga"] for v in dossier_to_json(d)["visits"]] == [0.3, 3.0]


def test_writer_omits_absent_values():
    d = dossier_from_json(minimal())
    assert dossier_to_json(d) == minimal()


def test_parse_date_helper():
    assert parse_date("2024-02-29") == date(2024, 2, 29)
    with pytest.raises(DossierError, match=r"^--as-of: must be a date written YYYY-MM-DD"):
        parse_date("2024/02/29", "--as-of")


@pytest.mark.parametrize(
    ("text", "words"),
    [('{"as_of": "2026-01-01", "as_of": "2026-02-01"}', "the key 'as_of' appears twice"),
     ('{"labs": {"upcr_g_g": 1, "upcr_g_g": 2}}', "'upcr_g_g' appears twice"),
     ('{"pga": NaN}', "NaN is not a JSON number"), ('{"pga": -Infinity}', "-Infinity is not a JSON number"),
     ('{"a": 1,}', "not valid JSON (line 1, column 9")],
)
def test_json_text_is_parsed_strictly(text, words):
    with pytest.raises(DossierError) as info:
        json_from_text(text)
    assert info.value.path == "$" and words in info.value.reason


def test_json_text_of_a_dossier():
    assert dossier_from_json(json_from_text(json.dumps(full()))) == dossier_from_json(full())


# ---------------------------------------------------------------------------------------------------------------
# Property: write -> read is the identity on generated dossiers.

dates = st.dates(min_value=date(1930, 1, 1), max_value=date(2040, 12, 31))
amounts = st.one_of(st.integers(0, 10_000).map(float), st.floats(0, 1e6, allow_nan=False, allow_infinity=False))
positive_amounts = amounts.filter(lambda x: x > 0)
texts = st.text(max_size=12)
names = st.text(min_size=1, max_size=12).filter(lambda s: s.strip() != "")


def ends_before_start(start: date, end: date | None) -> bool:
    return end is not None and end < start


def maybe(strategy):
    return st.none() | strategy


def sub_dict(keys, values):
    return st.dictionaries(st.sampled_from(keys), values, max_size=len(keys))


labs_st = st.builds(
    Labs,
    **{k: maybe(positive_amounts if k in ("creatinine_mg_dl", "hemoglobin_g_dl") else amounts)
       for k in vocab.NUMERIC_LAB_KEYS},
    urine_casts=maybe(st.lists(st.sampled_from(vocab.URINE_CAST_TYPES), max_size=3).map(tuple)),
)


@st.composite
def visits_st(draw):
    codes = draw(st.lists(st.sampled_from(vocab.VISIT_CODES), max_size=6))
    seen: set[str] = set()
    out = []
    for code in codes:
        if code != "UNS" and code in seen:
            continue
        seen.add(code)
        if draw(st.booleans()) and draw(st.booleans()):
            out.append(Visit(code, date=draw(maybe(dates)), missed=True, reason=draw(maybe(texts))))
            continue
        out.append(Visit(
            code=code,
            date=draw(dates),
            weight_kg=draw(maybe(amounts)),
            labs=draw(labs_st),
            labs_not_attributable=tuple(draw(st.lists(st.sampled_from(vocab.LAB_KEYS), max_size=2))),
            sledai=draw(sub_dict(vocab.SLEDAI_KEYS, st.booleans())),
            pga_tenths=draw(maybe(st.integers(0, 30))),
            bilag=draw(sub_dict(vocab.BILAG_DOMAINS, st.sampled_from(vocab.BILAG_GRADES))),
            sfi=SfiForm(draw(sub_dict(vocab.SFI_ORGANS, st.booleans())), draw(maybe(st.booleans()))),
            lldas=LldasForm(*(draw(maybe(st.booleans())) for _ in vocab.LLDAS_QUESTIONS)),
            sediment_inactive=draw(maybe(st.booleans())),
        ))
    return tuple(out)


@st.composite
def infusions_st(draw):
    numbers = draw(st.lists(st.sampled_from((1, 2)), max_size=2, unique=True))
    return tuple(
        Infusion(n, draw(maybe(dates)), draw(maybe(dates)), draw(maybe(amounts)), draw(maybe(amounts)),
                 draw(maybe(st.sampled_from(vocab.INFUSION_COMPLETIONS))))
        for n in numbers
    )


json_leaf = st.none() | st.booleans() | st.integers(-1000, 1000) | texts
json_values = st.recursive(json_leaf, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(texts, inner, max_size=3), max_leaves=8)

dossiers = st.builds(
    Dossier,
    as_of=dates,
    subject=st.builds(
        Subject, id=names, subgroup=st.sampled_from(vocab.SUBGROUPS), sex=st.sampled_from(vocab.SEXES),
        birth_date=dates, status=st.sampled_from(vocab.SUBJECT_STATUSES), consent_date=maybe(dates),
        withdrawal_date=maybe(dates), death_date=maybe(dates), initials=maybe(texts), weight_kg=maybe(amounts),
    ),
    steroid_log_complete_through=maybe(dates),
    infusions=infusions_st(),
    visits=visits_st(),
    steroids=st.lists(st.builds(
        SteroidRow, drug=st.sampled_from(vocab.STEROID_DRUGS), route=st.sampled_from(vocab.STEROID_ROUTES),
        mg_per_dose=amounts, start=dates, stop=maybe(dates), doses_per_day=st.sampled_from((0.5, 1.0, 2.0, 3.0)),
        indication=st.sampled_from(vocab.STEROID_INDICATIONS),
    ).filter(lambda r: not ends_before_start(r.start, r.stop)), max_size=3).map(tuple),
    medications=st.lists(st.builds(
        Medication, name=names, agent_class=st.sampled_from(vocab.AGENT_CLASSES), start=dates, stop=maybe(dates),
        rescue=maybe(st.booleans()), indication=maybe(st.sampled_from(vocab.MEDICATION_INDICATIONS)),
        for_sle_activity=maybe(st.booleans()), investigational=maybe(st.booleans()),
    ).filter(lambda m: not ends_before_start(m.start, m.stop)), max_size=2).map(tuple),
    hospitalisations=st.lists(st.builds(
        Hospitalisation, admission=dates, discharge=maybe(dates), for_sle_activity=maybe(st.booleans()),
        indication=maybe(st.sampled_from(vocab.HOSPITALISATION_INDICATIONS)),
    ).filter(lambda h: not ends_before_start(h.admission, h.discharge)), max_size=2).map(tuple),
    renal_replacement=st.lists(st.builds(
        RenalReplacement, type=st.sampled_from(vocab.RENAL_REPLACEMENT_TYPES), start=dates, stop=maybe(dates),
        chronic=maybe(st.booleans()),
    ).filter(lambda r: not ends_before_start(r.start, r.stop)), max_size=2).map(tuple),
    events=st.lists(st.builds(
        FlareEvent, type=st.sampled_from(vocab.EVENT_TYPES), date=dates,
        organ=maybe(st.sampled_from(vocab.EVENT_ORGANS)), note=maybe(texts),
    ), max_size=2).map(tuple),
    adverse_events=st.lists(st.builds(
        AdverseEvent, term=names, onset=maybe(dates), end=maybe(dates), grade=maybe(st.integers(1, 5)),
        serious=maybe(st.booleans()), related_product=maybe(st.sampled_from(vocab.AE_RELATEDNESS)),
        related_infusion=maybe(st.sampled_from(vocab.AE_RELATEDNESS)), outcome=maybe(texts),
    ), max_size=2).map(tuple),
    extensions=st.dictionaries(texts, json_values, max_size=3),
)


@settings(max_examples=150, deadline=None)
@given(dossiers)
def test_write_then_read_is_lossless(d):
    text = json.dumps(dossier_to_json(d))
    assert dossier_from_json(json.loads(text)) == d
