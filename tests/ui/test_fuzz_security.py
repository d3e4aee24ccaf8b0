"""Hypothesis-fuzzed text (SQL-looking, control characters, Hangul, very long) typed into every security form
and the storage calls behind them: no traceback, a clear message, nothing written that should not be.

The number of inputs tried is counted; bench/bench_fuzz_security.py runs the same with many more examples
and prints the figure."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from models.errors import ValidationError
from models.queries import raise_query
from models.security import Role
from models.users import create_first_administrator, create_user, list_users
from tests.fuzz_forms import FuzzForms, nasty_text

EXAMPLES = 40


@pytest.fixture
def forms(qtbot, db):
    admin = create_first_administrator(db, "admin", "Park Admin", "admin-password-1")
    create_user(db, admin, "coord", "Lee Coordinator", Role.COORDINATOR, "coordinator-pass-1")
    create_user(db, admin, "mon", "Choi Monitor", Role.MONITOR, "monitor-pass-12")
    fuzz = FuzzForms(db, admin)
    yield fuzz
    fuzz.close()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(username=nasty_text(), password=nasty_text(), other=nasty_text())
def test_fuzzed_text_in_every_security_form_never_raises(forms, username, password, other) -> None:
    forms.try_all(username, password, other)
    assert forms.tracebacks == []


def test_fuzz_count(forms) -> None:
    assert forms.tried == 0
    forms.try_all("' OR 1=1 --", "x" * 10_000_000, "'; DROP TABLE users; --")
    assert forms.tried == len(forms.FORMS) and forms.tracebacks == []
    assert len(list_users(forms.db)) == 3
    with pytest.raises(ValidationError, match="text"):
        raise_query(forms.db, forms.monitor, subject_id="LN-01", table="visits", record_id=1, field="date",
                    label="x", text="")


def test_fuzzed_sign_in_of_a_new_account_cancels_its_forced_password_change(forms) -> None:
    for _ in range(2):  # the first round makes the account, the second signs in: the forced change is asked
        forms.try_all("nurse", "nurse-password-1", "Jung Nurse")
    assert forms.tracebacks == [] and forms.sign_in.actor is None
    assert "choose your own" in forms.sign_in.message.text()
