"""The exchange catalogue covers every stored column of the tables that travel, with the forms' vocabularies and
edit-check limits; exchange values read back exactly."""

from __future__ import annotations

from datetime import date

import pytest

from endpoints import edit_checks, vocab
from exchange import catalogue as cat
from exchange.values import BadValue, decimal_text, from_text, to_text
from models import schema as s
from models.exchange_store import SUBJECT_LOGS, VISIT_FORMS, VISIT_LOGS, columns_of


def test_every_stored_column_of_every_travelling_table_is_an_item():
    c = cat.catalogue()
    covered = {(item.table, item.column) for item in c.items}
    tables = {"subjects": s.Subject, "visits": s.Visit, **{t: m for t, (m, _) in SUBJECT_LOGS.items()},
              **{t: m for t, (m, _) in VISIT_FORMS.items()}, **{t: m for t, (m, _) in VISIT_LOGS.items()}}
    in_keys = {("subjects", "subject_id"), ("visits", "code"), ("lab_values", "key")}
    for table, model in tables.items():
        for column in columns_of(model):
            assert (table, column) in covered or (table, column) in in_keys, (table, column)


def test_items_take_the_forms_vocabularies_and_limits():
    c = cat.catalogue()
    codelists = {codelist.oid: codelist.values for codelist in c.codelists}
    assert codelists[c.item("IT.STEROID.DRUG").codelist] == vocab.STEROID_DRUGS
    assert codelists[c.item("IT.AE.GRADE").codelist] == ("1", "2", "3", "4", "5")
    pulse = c.item("IT.VISIT.PULSE_BPM")
    limits = edit_checks.LIMITS["pulse_bpm"]
    assert {(r.comparator, r.value) for r in pulse.ranges if r.soft_hard == "Hard"} == {
        ("GE", limits.hard_min), ("LE", limits.hard_max)}
    assert c.item("IT.INFUSION.PRE_PULSE_BPM").ranges == pulse.ranges
    assert c.item("IT.LB.CREAT.ORRESU").codelist == "CL.UNIT.CREAT"
    assert "umol/L" in codelists["CL.UNIT.CREAT"]
    for group in c.groups:
        assert len(group.dataset) <= 8
        names = [item.sas_name for item in group.items]
        assert len(set(names)) == len(names) and all(len(n) <= 8 for n in names)


@pytest.mark.parametrize(("value", "kind", "text"), [
    (1e-05, "float", "0.00001"), (62.5, "float", "62.5"), (100000.0, "float", "100000"), (7, "integer", "7"),
    (True, "boolean", "true"), (date(2026, 3, 5), "date", "2026-03-05"), ("두통", "text", "두통"),
])
def test_exchange_text_round_trips(value, kind, text):
    assert to_text(value, kind) == text
    assert from_text(text, kind) == value


@pytest.mark.parametrize(("text", "kind"), [("NaN", "float"), ("1e", "float"), ("yes", "boolean"),
                                            ("2026-02-30", "date"), ("1.5", "integer")])
def test_bad_exchange_text_is_refused(text, kind):
    with pytest.raises(BadValue):
        from_text(text, kind)


def test_decimal_text_is_exact_for_awkward_floats():
    for value in (0.1 + 0.2, 1 / 3, 123456789.123, 2.5e-7):
        assert float(decimal_text(value)) == value and "e" not in decimal_text(value).lower()
