"""Who may do what: roles, the actor behind every write, and the permission check of the storage layer.

Every `Database.write(user, reason)` runs as an `Actor`; the audit trail names `actor.name`. The write path
refuses (PermissionDenied) any insert, update or delete of a table whose `write_category` the actor's role
may not write, so a forgotten disabled button cannot let a monitor change clinical data.

Who is the actor of a write (models.database.Database.actor_for):
- if someone is signed in (`db.sign_in(actor)`), that user, whatever name or Actor the caller passes (so every
  audit row of the app names the signed-in user);
- else an Actor that models.users issued on this Database after checking its password (a made-up Actor is
  refused: PermissionDenied);
- else, on a database without accounts (self-test, scripts, a new file), the plain name given, with coordinator
  rights (`unsigned_actor`); the CLI uses "cli:<os-login>" (or "cli:<--user>"). On a database with accounts
  nothing is written with nobody signed in; the CLI's write commands sign in first (commands/cli_auth.py: --user
  and the password) and write as that user. The database's own bookkeeping uses Database.bookkeeping.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from enum import StrEnum


class PermissionDenied(Exception):
    """The signed-in user's role does not allow this change; nothing was written."""


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    COORDINATOR = "coordinator"
    INVESTIGATOR = "investigator"
    MONITOR = "monitor"


class Category(StrEnum):
    """What a table holds, for the permission check (a mapped class's `write_category`, default CLINICAL)."""

    CLINICAL = "clinical"
    USERS = "users"
    CONFIG = "config"
    SIGNATURE = "signature"
    LOCK = "lock"
    QUERY = "query"
    SDV = "sdv"


class Action(StrEnum):
    """Operations finer than a table (checked by the store functions before they write)."""

    ENTER_DATA = "enter data"
    MANAGE_USERS = "manage users"
    CONFIGURE = "configure"
    SIGN = "sign"
    LOCK = "lock or unlock"
    RAISE_QUERY = "raise or close queries"
    ANSWER_QUERY = "answer queries"
    VERIFY_SOURCE = "mark source-data verification"
    MANAGE_BACKUPS = "manage backups"


ROLE_LABELS = {
    Role.ADMINISTRATOR: "Administrator", Role.COORDINATOR: "Coordinator",
    Role.INVESTIGATOR: "Investigator", Role.MONITOR: "Monitor",
}

ACTIONS: dict[Role, frozenset[Action]] = {
    Role.ADMINISTRATOR: frozenset({Action.MANAGE_USERS, Action.CONFIGURE, Action.LOCK, Action.MANAGE_BACKUPS}),
    Role.COORDINATOR: frozenset({Action.ENTER_DATA, Action.ANSWER_QUERY}),
    Role.INVESTIGATOR: frozenset({Action.ENTER_DATA, Action.ANSWER_QUERY, Action.SIGN}),
    Role.MONITOR: frozenset({Action.RAISE_QUERY, Action.VERIFY_SOURCE}),
}

CATEGORIES: dict[Role, frozenset[Category]] = {
    Role.ADMINISTRATOR: frozenset({Category.USERS, Category.CONFIG, Category.LOCK}),
    Role.COORDINATOR: frozenset({Category.CLINICAL, Category.QUERY, Category.SDV, Category.SIGNATURE}),
    Role.INVESTIGATOR: frozenset({Category.CLINICAL, Category.QUERY, Category.SDV, Category.SIGNATURE}),
    Role.MONITOR: frozenset({Category.QUERY, Category.SDV}),
}
"""Tables each role's writes may touch. Coordinators touch SDV marks and signatures only as a side effect the
write path makes itself (a changed value clears its SDV mark, changed signed data invalidates the signature);
creating a signature or an SDV mark is checked by the finer `Action` in models.signatures / models.queries."""


@dataclass(frozen=True)
class Actor:
    """Who is writing: `name` goes into every audit row; `system` actors (the database's own bookkeeping) may
    write any table."""

    name: str
    role: Role
    full_name: str = ""
    user_id: int | None = None
    system: bool = False

    def can(self, action: Action) -> bool:
        return self.system or action in ACTIONS[self.role]

    def may_write(self, category: Category) -> bool:
        return self.system or category in CATEGORIES[self.role]

    def require(self, action: Action) -> None:
        """Raise PermissionDenied unless this actor's role allows `action`."""
        if not self.can(action):
            raise PermissionDenied(f"{self.display_name} ({ROLE_LABELS[self.role].lower()}) may not {action.value}.")

    @property
    def display_name(self) -> str:
        return self.full_name or self.name


def system_actor(name: str = "system") -> Actor:
    """The database's own bookkeeping (creation, sign-in counters): may write every table."""
    return Actor(name=name, role=Role.ADMINISTRATOR, full_name=name, system=True)


def unsigned_actor(name: str) -> Actor:
    """A process without sign-in (command line, self-test): the given name, coordinator rights."""
    return Actor(name=name, role=Role.COORDINATOR, full_name=name)


def cli_user_name() -> str:
    """The audit name of command-line writes: "cli:<operating-system login>"."""
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        login = "unknown"
    return f"cli:{login}"
