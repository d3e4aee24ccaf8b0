"""LC haematology change from baseline by visit (endpoints.md §4.3, §8.18).

For WBC, ANC, platelets and Hgb at D3, W1, W4, W12 (pre-dose) and W24: baseline, value, change = value − baseline
and % change = 100 × change / baseline (blank when the baseline is 0). A cell is `ok` with both values,
`not_evaluable` without a baseline, and otherwise `pending` while as_of ≤ the visit's due day and the subject is on
study, else `not_evaluable` — §8.18 as written, so a visit declared missed also waits for its due day, as binary
endpoints do under §0 rule 4.
The other scheduled visits before W24 are reported the same way as supplementary (details).
"""

from __future__ import annotations

from typing import Any

from endpoints.results import (
    CHANGE_ANALYTES,
    CHANGE_VISITS,
    COMPUTED,
    NOT_EVALUABLE,
    OK,
    PENDING,
    ChangeCell,
    EndpointResult,
)
from endpoints.timeline import EvaluationContext, LabPoint, Timeline
from endpoints.tte import gate, num

ENDPOINT_ID = "lc_hematology_change"
SUPPLEMENTARY_VISITS = ("W8", "W12D3", "W13", "W16", "W20")
_NAMES = {"wbc_10e9_l": "WBC", "anc_10e9_l": "ANC", "platelets_10e9_l": "platelets", "hemoglobin_g_dl": "Hgb"}


def _cell(tl: Timeline, code: str, analyte: str, base: LabPoint | None) -> ChangeCell:
    if base is None:
        return ChangeCell(NOT_EVALUABLE, reason=f"baseline {_NAMES[analyte]} missing")
    sv = tl.scheduled(code)
    value = None if sv is None else getattr(sv.visit.labs, analyte)
    if value is not None:
        change = round(value - base.value, 6)
        pct = None if base.value == 0 else round(100 * change / base.value, 1)
        return ChangeCell(OK, base.value, value, change, pct)
    due = tl.due_day(code)
    if tl.is_pending_window(due):
        what = f"{_NAMES[analyte]} not yet entered" if sv is not None else f"{code} visit not yet done"
        return ChangeCell(PENDING, base.value, reason=f"{what} (due by day {due})")
    why = f"{_NAMES[analyte]} missing at {code}" if sv is not None else tl.missing_visit_text(code)
    off = tl.off_study_text()
    return ChangeCell(NOT_EVALUABLE, base.value, reason=why + (f" ({off})" if off else ""))


def _table(
    tl: Timeline, codes: tuple[str, ...], baselines: dict[str, LabPoint | None],
) -> dict[str, dict[str, ChangeCell]]:
    return {code: {a: _cell(tl, code, a, baselines[a]) for a in CHANGE_ANALYTES} for code in codes}


def _blocked_table(status: str, reason: str) -> dict[str, dict[str, ChangeCell]]:
    return {code: {a: ChangeCell(status, reason=reason) for a in CHANGE_ANALYTES} for code in CHANGE_VISITS}


def evaluate_hematology_change(ctx: EvaluationContext) -> EndpointResult:
    """LC: the haematology change table by visit (no met/not met at endpoint level)."""
    tl = ctx.timeline
    blocked = gate(ENDPOINT_ID, tl)
    if blocked is not None:
        if blocked.status in (PENDING, NOT_EVALUABLE):
            table = _blocked_table(blocked.status, blocked.reason.rstrip("."))
            return EndpointResult(blocked.status, blocked.reason, None, {}, None, table)
        return blocked
    baselines = {a: tl.baseline_lab(a) for a in CHANGE_ANALYTES}
    table = _table(tl, CHANGE_VISITS, baselines)
    counts = {OK: 0, PENDING: 0, NOT_EVALUABLE: 0}
    for cells in table.values():
        for cell in cells.values():
            counts[cell.status] += 1
    base_text = ", ".join(f"{_NAMES[a]} {num(b.value)}" if b else f"{_NAMES[a]} missing" for a, b in baselines.items())
    reason = (f"Change from baseline ({base_text}): {counts[OK]} of {sum(counts.values())} cells computed, "
              f"{counts[PENDING]} pending, {counts[NOT_EVALUABLE]} not evaluable.")
    details: dict[str, Any] = {
        "baselines": {a: None if b is None else {"value": b.value, "day": b.day, "visit": b.code, "date": b.date}
                      for a, b in baselines.items()},
        "visit_days": {code: (sv.day if (sv := tl.scheduled(code)) else None) for code in CHANGE_VISITS},
        "supplementary": {code: {a: c.to_json() for a, c in cells.items()}
                          for code, cells in _table(tl, SUPPLEMENTARY_VISITS, baselines).items()},
        "counts": counts,
    }
    return EndpointResult(COMPUTED, reason, None, details, None, table)
