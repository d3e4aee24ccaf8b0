"""Administrator settings stored in the study database (table `settings`), audited like any configuration.

    minutes = idle_minutes(db)                            # DEFAULT_IDLE_MINUTES until an administrator sets it
    set_idle_minutes(db, admin_actor, 30)                 # ValidationError outside 1-240, PermissionDenied
"""

from __future__ import annotations

from sqlalchemy import select

from models.errors import ValidationError
from models.schema import SettingRow, utc_timestamp
from models.security import Action, Actor

IDLE_MINUTES_KEY = "idle_sign_out_minutes"
DEFAULT_IDLE_MINUTES = 15
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 240


def _stored(db, key: str) -> str | None:
    with db.read() as session:
        return session.scalar(select(SettingRow.value).where(SettingRow.key == key))


def idle_minutes(db) -> int:
    """Minutes without keyboard or mouse input before the app signs its user out (a bad stored value: default)."""
    try:
        minutes = int(_stored(db, IDLE_MINUTES_KEY) or DEFAULT_IDLE_MINUTES)
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return minutes if MIN_IDLE_MINUTES <= minutes <= MAX_IDLE_MINUTES else DEFAULT_IDLE_MINUTES


def set_idle_minutes(db, actor: Actor, minutes: int) -> None:
    """Store the idle sign-out time (administrators; audited with the old and the new value)."""
    actor.require(Action.CONFIGURE)
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not MIN_IDLE_MINUTES <= minutes <= MAX_IDLE_MINUTES:
        raise ValidationError({"idle_minutes": f"Give a whole number of minutes from {MIN_IDLE_MINUTES} to "
                                               f"{MAX_IDLE_MINUTES}."})
    _store(db, actor, IDLE_MINUTES_KEY, str(minutes), "idle sign-out time set by an administrator")


def _store(db, actor: Actor, key: str, value: str, reason: str) -> None:
    with db.write(actor, reason) as uow:
        row = uow.session.scalars(select(SettingRow).where(SettingRow.key == key)).first()
        if row is None:
            row = SettingRow(key=key)
            uow.session.add(row)
        elif row.value == value:
            return
        row.value = value
        row.changed_at_utc = utc_timestamp(db.clock())
