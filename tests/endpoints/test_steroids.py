"""Daily prednisone-equivalent dose and the steroid-period helper (endpoints.md §2.1, §4, §8.14, §8.15)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from endpoints.params import ProtocolParams
from endpoints.steroids import exact, milli_half_up, period_bound
from tests.endpoints.builders import ctx, dossier, missed, pred, steroid, visit, with_params

P = ProtocolParams()


def table(rows, **kw):
    return ctx(dossier(steroids=rows, **kw)).steroids


@pytest.mark.parametrize(
    ("drug", "mg", "expected"),
    [
        ("prednisone", 10, "10.000"),
        ("prednisolone", 7.5, "7.500"),
        ("methylprednisolone", 4, "5.000"),
        ("triamcinolone", 8, "10.000"),
        ("hydrocortisone", 20, "5.000"),
        ("cortisone", 25, "5.000"),
        ("deflazacort", 6, "5.000"),
        ("deflazacort", 1, "0.833"),
        ("dexamethasone", 0.75, "5.000"),
        ("dexamethasone", 1.125, "7.500"),
        ("betamethasone", 0.6, "5.000"),
        ("betamethasone", 1, "8.333"),
    ],
)
def test_equivalence_factors(drug: str, mg: float, expected: str) -> None:
    assert table([steroid(drug, mg, 10, 10)]).dose_mg(10) == Decimal(expected)


def test_factors_are_exact_fractions() -> None:
    assert P.steroid_factors["dexamethasone"] == Fraction(20, 3)
    assert P.steroid_factors["deflazacort"] == Fraction(5, 6)
    # 0.9 mg dexamethasone = 6 mg exactly; a rounded factor 6.6667 would give 6.00003
    assert table([steroid("dexamethasone", 0.9, 1, 1)]).dose_mg(1) == Decimal("6.000")


def test_round_half_up() -> None:
    assert milli_half_up(Fraction(75005, 10000)) == 7501
    assert milli_half_up(Fraction(75004999, 10000000)) == 7500
    # 0.0005 mg rounds half-up to 0.001
    assert table([pred(0.0005, 1, 1)]).dose_mg(1) == Decimal("0.001")
    assert exact(0.1) == Fraction(1, 10)


def test_overlapping_rows_add_and_gaps_are_zero() -> None:
    t = table([pred(5, 1, 10), steroid("methylprednisolone", 4, 5, 6)])
    assert t.dose_mg(4) == Decimal("5.000")
    assert t.dose_mg(5) == Decimal("10.000")
    assert t.dose_mg(7) == Decimal("5.000")
    assert t.dose_mg(11) == Decimal("0.000")


def test_alternate_day_and_doses_per_day() -> None:
    t = table([pred(10, 1, 10, doses_per_day=0.5), pred(2.5, 20, 20, doses_per_day=3)])
    assert t.dose_mg(3) == Decimal("5.000")
    assert t.dose_mg(20) == Decimal("7.500")


def test_iv_pulse_counts_on_its_day_only() -> None:
    t = table([steroid("methylprednisolone", 500, 30, 30, route="iv")])
    assert t.dose_mg(30) == Decimal("625.000")
    assert t.dose_mg(31) == Decimal("0.000")
    assert t.iv_or_flare(30) and not t.iv_or_flare(31)


def test_non_systemic_routes_ignored() -> None:
    rows = [steroid("betamethasone", 1, 1, 5, route=r) for r in ("topical", "inhaled", "ophthalmic", "intra_articular")]
    t = table(rows)
    assert all(t.dose_mg(d) == 0 for d in range(1, 6))
    assert table([steroid("prednisone", 10, 1, 1, route=r) for r in ("im", "sc")]).dose_mg(1) == Decimal("20.000")


def test_premedication_and_non_sle_excluded_unless_parameter_off() -> None:
    rows = [
        steroid("hydrocortisone", 100, 84, 84, route="iv", indication="premedication"),
        steroid("hydrocortisone", 100, 85, 85, route="iv", indication="other_non_sle"),
    ]
    assert table(rows).dose_mg(84) == Decimal("0.000")
    assert table(rows).dose_mg(85) == Decimal("0.000")
    t = ctx(dossier(steroids=rows), with_params(exclude_non_sle_steroids=False)).steroids
    assert t.dose_mg(84) == Decimal("25.000")


def test_ongoing_row_runs_to_complete_through_capped_at_as_of() -> None:
    t = table([pred(10, 1)], as_of_day=100, complete_through_day=60)
    assert t.dose_mg(60) == Decimal("10.000")
    assert t.dose_mg(61) is None and t.known_milli(61) == 0
    capped = table([pred(10, 1)], as_of_day=100, complete_through_day=150)
    assert capped.complete_through_day == 100
    assert capped.dose_mg(100) == Decimal("10.000") and capped.dose_mg(101) is None


def test_rows_after_as_of_ignored_and_stops_cut() -> None:
    t = table([pred(20, 101, 110), pred(10, 90, 120)], as_of_day=100)
    assert t.known_milli(100) == 10000
    assert t.known_milli(101) == 0


def test_unknown_drug_makes_days_not_evaluable() -> None:
    t = ctx(dossier(steroids=[steroid("cortisone", 25, 5, 6), pred(10, 6, 6)]),
            with_params(steroid_factors={"prednisone": Fraction(1)})).steroids
    assert t.dose_mg(5) is None and not t.evaluable(5) and t.is_excess(5) is None
    # a known part already above the threshold is still an excess day
    assert t.is_excess(6) is True
    assert t.unknown_drugs_in(1, 10) == ("cortisone",)


def test_excess_days_threshold_is_strict() -> None:
    t = table([pred(7.5, 1, 10), pred(7.501, 11, 11), pred(8, 12, 13)])
    ex = t.excess_in(1, 20)
    assert ex.excess_days == (11, 12, 13)
    assert ex.count == 3 and ex.longest_run == 3
    assert ex.unevaluable_days == ()


def test_excess_longest_run() -> None:
    t = table([pred(10, 1, 3), pred(10, 5, 11)])
    ex = t.excess_in(1, 20)
    assert ex.count == 10 and ex.longest_run == 7


def test_excess_beyond_log_is_unevaluable_unless_recorded_above() -> None:
    t = table([pred(10, 50, 52)], as_of_day=100, complete_through_day=40)
    ex = t.excess_in(30, 60)
    assert ex.excess_days == (50, 51, 52)
    assert ex.unevaluable_days == tuple(d for d in range(41, 61) if d not in (50, 51, 52))


def test_rows_covering_and_starting() -> None:
    a = pred(5, 1, 10)
    b = steroid("methylprednisolone", 40, 5, 5, route="iv", indication="flare_renal")
    t = table([a, b])
    assert t.rows_covering(5) == (a, b)
    assert t.rows_starting(5) == (b,)
    assert t.rows_starting(6) == ()
    assert t.iv_or_flare(5)
    flare_oral = table([pred(30, 5, 8, indication="flare_extrarenal")])
    assert flare_oral.iv_or_flare(7)


def test_at_most() -> None:
    t = table([pred(7.5, 1, 1), pred(7.6, 2, 2)], as_of_day=10, complete_through_day=5)
    assert t.at_most(1, 7.5) is True
    assert t.at_most(2, 7.5) is False
    assert t.at_most(8, 7.5) is None


def test_empty_without_day0() -> None:
    t = table([pred(10, 1, 10)], i1_given=False)
    assert t.segments == () and t.dose_mg(5) is None


def test_period_bound_performed_target_and_final() -> None:
    d = dossier(visits=[visit("W4", 30, pga=1.0)], as_of_day=80)
    c = ctx(d)
    b = period_bound(c.timeline, "W4")
    assert (b.day, b.performed, b.final) == (30, True, True)
    b = period_bound(c.timeline, "W12")
    assert (b.day, b.performed, b.final, b.due_day) == (84, False, False, 91)
    b = period_bound(ctx(d, as_of_day=92).timeline, "W12")
    assert (b.day, b.final) == (84, True)
    b = period_bound(ctx(dossier(visits=[missed("W12")], as_of_day=91)).timeline, "W12")
    assert not b.final
    withdrawn = period_bound(ctx(dossier(as_of_day=120, withdrawal_day=90)).timeline, "W12")
    assert not withdrawn.final
    late_withdrawal = period_bound(ctx(dossier(as_of_day=120, withdrawal_day=92)).timeline, "W12")
    assert late_withdrawal.final


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["prednisone", "methylprednisolone", "dexamethasone", "hydrocortisone", "deflazacort"]),
            st.decimals(min_value=0, max_value=100, places=3).map(float),
            st.integers(-10, 60),
            st.integers(0, 30),
            st.sampled_from([0.5, 1.0, 2.0]),
        ),
        max_size=6,
    )
)
def test_table_matches_direct_sum(spec) -> None:
    rows = [steroid(drug, mg, s, s + n, doses_per_day=dpd) for drug, mg, s, n, dpd in spec]
    t = table(rows, as_of_day=120)
    for day in range(-12, 95):
        exact_total = sum(
            (exact(r.mg_per_dose) * exact(r.doses_per_day) * P.steroid_factors[r.drug]
             for r, (_, _, s, n, _) in zip(rows, spec, strict=True) if s <= day <= s + n),
            Fraction(0),
        )
        assert t.dose_milli(day) == milli_half_up(exact_total)
