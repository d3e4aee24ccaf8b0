"""Two PCs on one study: the registration record, an infusion, a visit's outcome and a query's thread saved by
another connection after this one read them are refused naming who and when, keeping the other's change; and
wrong passwords typed on several PCs at once for one account are counted one at a time (no lost count, no
lock-out skipped), on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from models.concurrency import EditConflict
from models.database import Database, open_database
from models.queries import answer_query, get_query, raise_query
from models.schedule_store import (
    InfusionInput,
    declare_missed,
    load_schedule,
    record_visit_date,
    save_infusion,
    visit_version,
)
from models.schema import AuditEntry, UserAccount, Visit
from models.security import Role
from models.subjects import get_subject, save_subject
from models.users import MAX_FAILURES, SignInFailed, authenticate, create_first_administrator, create_user

from .conftest import TODAY, subject_input

WHO_WHEN = r"{} changed this {} at \d{{4}}-\d\d-\d\d \d\d:\d\d \w+"


def other_pc(db: Database) -> Database:
    """A second connection to the same study, as another PC has."""
    return open_database(db.location, create=False)


def test_a_subject_record_saved_by_another_pc_meanwhile_is_not_overwritten(db: Database) -> None:
    save_subject(db, subject_input(), user="nurse")
    mine = get_subject(db, "LN-01").to_input()  # this PC opens the registration form
    other = other_pc(db)
    try:
        save_subject(other, replace(get_subject(other, "LN-01").to_input(), weight_kg=70.0), user="ana",
                     reason="re-weighed")
    finally:
        other.close()
    with pytest.raises(EditConflict, match=WHO_WHEN.format("ana", "subject record")) as refused:
        save_subject(db, replace(mine, weight_kg=59.0), user="nurse", reason="typo")
    assert "nothing was saved" in str(refused.value)
    assert get_subject(db, "LN-01").weight_kg == 70.0
    fresh = get_subject(db, "LN-01").to_input()  # reopened: the save goes through
    assert save_subject(db, replace(fresh, weight_kg=59.0), user="nurse", reason="typo").weight_kg == 59.0


def test_an_infusion_saved_by_another_pc_meanwhile_is_not_overwritten(db: Database) -> None:
    save_subject(db, subject_input(), user="nurse")
    typed = InfusionInput("LN-01", 1, planned_date=date(2026, 2, 2), row_version=0)  # the form saw no infusion 1
    other = other_pc(db)
    try:
        save_infusion(other, replace(typed, planned_date=date(2026, 2, 3)), user="ana", today=TODAY)
        with pytest.raises(EditConflict, match=WHO_WHEN.format("ana", "infusion")):
            save_infusion(db, typed, user="nurse", today=TODAY)  # planned on both PCs at once
        shown = load_schedule(db, "LN-01", TODAY).infusion(1).data  # reopened: ana's plan
        assert shown.planned_date == date(2026, 2, 3)
        theirs = load_schedule(other, "LN-01", TODAY).infusion(1).data
        save_infusion(other, replace(theirs, planned_date=date(2026, 2, 4)), user="ana", reason="clinic closed",
                      today=TODAY)
    finally:
        other.close()
    with pytest.raises(EditConflict, match=WHO_WHEN.format("ana", "infusion")) as refused:
        save_infusion(db, replace(shown, weight_kg=58.0, weight_date=date(2026, 2, 1)), user="nurse",
                      reason="weighed", today=TODAY)
    assert "nothing was saved" in str(refused.value)
    saved = load_schedule(db, "LN-01", TODAY).infusion(1).data
    assert (saved.planned_date, saved.weight_kg) == (date(2026, 2, 4), None)
    save_infusion(db, replace(saved, weight_kg=58.0, weight_date=date(2026, 2, 1)), user="nurse", reason="weighed",
                  today=TODAY)
    assert load_schedule(db, "LN-01", TODAY).infusion(1).data.weight_kg == 58.0


def test_wrong_passwords_typed_on_several_pcs_at_once_are_counted_one_at_a_time(db: Database) -> None:
    create_first_administrator(db, "admin", "Site Administrator", "admin-password-1")
    attempts = MAX_FAILURES + 3
    pcs = [other_pc(db) for _ in range(attempts)]
    start = threading.Barrier(attempts)
    outcomes: list[BaseException | None] = [None] * attempts

    def attempt(index: int) -> None:
        start.wait()
        try:
            authenticate(pcs[index], "admin", f"wrong-password-{index}")
        except BaseException as exc:  # noqa: BLE001 - the outcome is what the test looks at
            outcomes[index] = exc

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(attempts)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
    finally:
        for pc in pcs:
            pc.close()
    assert all(isinstance(outcome, SignInFailed) for outcome in outcomes), outcomes  # never a write error
    messages = [str(outcome) for outcome in outcomes]
    assert sum("is now locked" in m for m in messages) == 1
    assert sum("attempt(s) left" in m for m in messages) == MAX_FAILURES - 1
    assert sum("is locked after" in m for m in messages) == attempts - MAX_FAILURES  # refused unchecked
    with db.read() as session:
        account = session.scalars(select(UserAccount).where(UserAccount.username == "admin")).one()
        counted = session.scalars(select(AuditEntry.new_value).where(AuditEntry.field == "failed_attempts")).all()
    assert (account.failed_attempts, account.locked) == (MAX_FAILURES, True)
    assert counted == [str(n) for n in range(1, MAX_FAILURES + 1)]  # every count audited, none lost


def test_a_query_answered_on_another_pc_meanwhile_is_not_answered_twice(db: Database) -> None:
    save_subject(db, subject_input(), user="nurse")
    admin = create_first_administrator(db, "admin", "Site Administrator", "admin-password-1")
    create_user(db, admin, "mon", "Monitor", Role.MONITOR, "monitor-password-1")
    create_user(db, admin, "coord", "Coordinator", Role.COORDINATOR, "coord-password-1")
    record_id = get_subject(db, "LN-01").record_id
    query = raise_query(db, authenticate(db, "mon", "monitor-password-1"), subject_id="LN-01", table="subjects",
                        record_id=record_id, field="weight_kg", label="Weight", text="Source says 57.5 kg?")
    other = other_pc(db)
    try:
        answer_query(other, authenticate(other, "coord", "coord-password-1"), query.query_id, "Corrected.",
                     expected_version=get_query(other, query.query_id).row_version)
    finally:
        other.close()
    me = authenticate(db, "coord", "coord-password-1")
    with pytest.raises(EditConflict, match=WHO_WHEN.format("coord", "query")):
        answer_query(db, me, query.query_id, "Checked, 58.5 is right.", expected_version=query.row_version)
    assert [m.text for m in get_query(db, query.query_id).messages] == ["Source says 57.5 kg?", "Corrected."]


def test_a_visit_outcome_recorded_on_another_pc_meanwhile_is_not_overwritten(db: Database) -> None:
    save_subject(db, subject_input(), user="nurse")
    save_infusion(db, InfusionInput("LN-01", 1, planned_date=date(2026, 2, 2), date=date(2026, 2, 2),
                                     completion="full", weight_kg=58.0, weight_date=date(2026, 2, 1)), user="nurse",
                  today=TODAY)
    seen = visit_version(db, "LN-01", "D3")  # this PC opens D3's outcome: no record yet
    assert seen == 0
    other = other_pc(db)
    try:
        record_visit_date(other, "LN-01", "D3", date(2026, 2, 5), window_comment=None, user="ana", today=TODAY,
                          expected_version=visit_version(other, "LN-01", "D3"))
    finally:
        other.close()
    with pytest.raises(EditConflict, match=WHO_WHEN.format("ana", "visit")):
        declare_missed(db, "LN-01", "D3", "did not come", user="nurse", today=TODAY, expected_version=seen)
    seen = visit_version(db, "LN-01", "D3")  # reopened: ana's date
    record_visit_date(db, "LN-01", "D3", date(2026, 2, 6), window_comment="late bus", user="nurse",
                      reason="date corrected", today=TODAY, expected_version=seen)
    with pytest.raises(EditConflict, match=WHO_WHEN.format("nurse", "visit")):
        record_visit_date(db, "LN-01", "D3", date(2026, 2, 5), window_comment=None, user="ana", reason="no",
                          today=TODAY, expected_version=seen)  # a form still showing the version before
    with db.read() as session:
        saved = session.scalars(select(Visit.date).where(Visit.code == "D3")).all()
    assert saved == [date(2026, 2, 6)]


def test_the_refusal_speaks_the_language_of_the_screen(db: Database) -> None:
    """On a Korean screen the refusal is Korean, names who and when in local time, and says nothing was saved."""
    from models.texts import speak

    save_subject(db, subject_input(), user="nurse")
    mine = get_subject(db, "LN-01").to_input()
    other = other_pc(db)
    try:
        save_subject(other, replace(get_subject(other, "LN-01").to_input(), weight_kg=70.0), user="ana",
                     reason="re-weighed")
    finally:
        other.close()
    speak("ko")
    try:
        with pytest.raises(EditConflict) as refused:
            save_subject(db, replace(mine, weight_kg=59.0), user="nurse", reason="typo")
    finally:
        speak("en")
    text = str(refused.value)
    assert text.startswith("ana이(가) ") and "시험대상자 기록" in text and "아무것도 저장되지 않았습니다" in text
    assert "changed this" not in text
