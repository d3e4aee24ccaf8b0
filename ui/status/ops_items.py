"""The operational view's figures as rows a person reads (group, figure, value) and the list behind each one
(subject, visit, detail), from `endpoints.operations.Operations`: the screen and the XLSX export show these."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from endpoints.operations import AGE_BUCKETS, Operations, Pair
from endpoints.visit_ladder import PERFORMED, SubjectStatus


def _tr(text: str) -> str:
    return QCoreApplication.translate("operations", text)


@dataclass(frozen=True)
class Item:
    """One figure: its key (as the charts name it), group, name, value text, and the rows behind it
    ((subject ID, visit code or "", detail))."""

    key: str
    group: str
    name: str
    value: str
    rows: tuple[tuple[str, str, str], ...]


def _pairs(pairs: tuple[Pair, ...], detail: str = "") -> tuple[tuple[str, str, str], ...]:
    return tuple((subject, visit, detail) for subject, visit in pairs)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} %"


def operation_items(ops: Operations, statuses: Iterable[SubjectStatus] = ()) -> list[Item]:
    """Every figure of the operational view, in reading order (`statuses` give the per-visit counts of values
    verified)."""
    items: list[Item] = []
    g = _tr("Enrolment")
    for e in ops.enrolment:
        rows = (tuple((s, "", _tr("enrolled")) for s in e.enrolled)
                + tuple((s, "", _tr("screening")) for s in e.screening)
                + tuple((s, "", _tr("screen failure")) for s in e.screen_failures))
        items.append(Item(f"enrolment:{e.subgroup}", g, _tr("{0}: enrolled of target").format(e.subgroup),
                          _tr("{0} of {1} ({2}); {3} screening, {4} screen failures").format(
                              len(e.enrolled), e.target, _pct(e.percent), len(e.screening), len(e.screen_failures)),
                          rows))
    g = _tr("Visits")
    for key, name, pairs in (("in_window", _tr("Done in window"), ops.in_window),
                             ("out_of_window", _tr("Done out of window"), ops.out_of_window),
                             ("missed", _tr("Missed"), ops.missed), ("overdue", _tr("Overdue"), ops.overdue)):
        items.append(Item(f"visits:{key}", g, name, str(len(pairs)), _pairs(pairs)))
    g = _tr("Forms complete per visit")
    for f in ops.forms:
        if not f.performed:
            continue
        complete = set(f.complete)
        rows = tuple((s, f.code, _tr("complete") if s in complete else _tr("required items missing"))
                     for s in f.performed)
        items.append(Item(f"forms:{f.code}", g, f.code,
                          _tr("{0} of {1}").format(len(f.complete), len(f.performed)), rows))
    g = _tr("Open queries")
    total = sum(ops.open_queries_by_subject.values())
    items.append(Item("queries", g, _tr("All open queries"), str(total),
                      tuple((s, "", _tr("{0} open").format(n)) for s, n in ops.open_queries_by_subject.items())))
    for bucket in AGE_BUCKETS:
        subjects = ops.open_queries_by_age.get(bucket, ())
        counts: dict[str, int] = {}
        for s in subjects:
            counts[s] = counts.get(s, 0) + 1
        items.append(Item(f"age:{bucket}", g, _tr("Raised {0} days ago").format(bucket), str(len(subjects)),
                          tuple((s, "", _tr("{0} open").format(n)) for s, n in sorted(counts.items()))))
    g = _tr("Signatures")
    items.append(Item("signatures", g, _tr("Visits waiting for signature"), str(len(ops.waiting_for_signature)),
                      _pairs(ops.waiting_for_signature)))
    g = _tr("Source verification")
    items.append(Item("sdv:visits", g, _tr("Visits fully verified"), _tr("{0} of {1} ({2})").format(
        len(ops.visits_verified), ops.visits_performed, _pct(ops.visits_verified_percent)),
        _pairs(ops.visits_verified)))
    items.append(Item("sdv:values", g, _tr("Values verified"), _tr("{0} of {1} ({2})").format(
        ops.values_verified, ops.values_verifiable, _pct(ops.values_verified_percent)),
        tuple((c.subject_id, c.column, _tr("{0} of {1} values").format(c.verified, c.verifiable))
              for s in statuses for c in s.visit_cells if c.status in PERFORMED and c.verifiable)))
    return items
