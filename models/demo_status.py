"""Demo data for the status ladder (endpoints.visit_ladder): one visit whose every verifiable value the monitor
source-verified, one locked visit, and open queries 3, 15 and 45 days old as of the demo date (one per age band
of the operational view). Runs after models.demo_security (its accounts); deterministic for a demo date.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta

from endpoints.visit_ladder import verifiable_keys
from models.database import Database
from models.demo_security import DEMO_ACCOUNTS
from models.locks import lock
from models.queries import mark_verified, raise_query
from models.status_store import load_status_facts
from models.users import authenticate
from models.visit_store import VisitEntry, load_visit, value_text

LOCK_REASON = "Demo: monitoring of this visit closed; 모니터링 완료"
QUERY_AGES_DAYS = (3, 15, 45)


def _value(entry: VisitEntry, key: str) -> str:
    """The value of an answered form key as an SDV mark records it."""
    section, dot, item = key.partition(".")
    if dot:
        answers = {"sledai": entry.sledai, "bilag": entry.bilag, "lldas": vars(entry.lldas)}[section]
        return str(answers.get(item))
    if key == "pga":
        return f"{(entry.pga_tenths or 0) / 10:.1f}"
    if key == "urine_casts":
        return ",".join(entry.urine_casts or ()) or "none"
    return value_text(entry, key)


@contextmanager
def _clock_at(db: Database, day: date) -> Iterator[None]:
    """Writes inside the block are stamped 09:00 UTC on `day` (to back-date the demo's queries)."""
    saved = db.clock
    db.clock = lambda: datetime.combine(day, time(9, 0), UTC)
    try:
        yield
    finally:
        db.clock = saved


def add_demo_status(db: Database, as_of: date) -> None:
    """On the first subject of each subgroup with at least three performed visits: the LN subject's second
    visit fully source-verified; the LC subject's second visit locked; open queries on
    the LC subject's third visit and on the LN subject's third and fourth visits, raised 45, 15 and 3 days before
    `as_of`."""
    actors = {name: authenticate(db, name, password) for name, _, _, password in DEMO_ACCOUNTS}
    chosen = {}
    for facts in load_status_facts(db):
        performed = sorted((v for v in facts.visits if v.date is not None and v.code != "UNS"),
                           key=lambda v: v.date)
        if facts.subgroup not in chosen and len(performed) >= 4:
            chosen[facts.subgroup] = (facts.subject_id, performed)
    if set(chosen) != {"LN", "LC"}:
        return
    ln_id, ln_visits = chosen["LN"]
    lc_id, lc_visits = chosen["LC"]
    verified = ln_visits[1]
    entry = load_visit(db, verified.record_id)
    for key in sorted(verifiable_keys(verified)):
        value = verified.date.isoformat() if key == "date" else _value(entry, key)
        mark_verified(db, actors["monitor"], subject_id=ln_id, table="visits", record_id=verified.record_id,
                      field=key, value_text=value)
    lock(db, actors["admin"], scope="visit", visit_id=lc_visits[1].record_id, reason=LOCK_REASON)
    targets = ((lc_id, lc_visits[2]), (ln_id, ln_visits[2]), (ln_id, ln_visits[3]))
    for days, (subject_id, visit) in zip(sorted(QUERY_AGES_DAYS, reverse=True), targets, strict=True):
        with _clock_at(db, as_of - timedelta(days=days)):
            raise_query(db, actors["monitor"], subject_id=subject_id, table="visits", record_id=visit.record_id,
                        field="weight_kg", label=f"{visit.code} weight (kg)",
                        text=f"Demo query raised {days} days before {as_of.isoformat()}: please check the weight "
                             "against the source. 체중을 확인해 주세요.")
