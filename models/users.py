"""User accounts: argon2 password hashes, minimum length, lock-out after repeated failures, roles.

    if not has_users(db): create_first_administrator(db, "admin", "Kim Admin", password)
    actor = authenticate(db, "jkim", password)        # SignInFailed with a message to show; db.sign_in(actor)
    create_user(db, admin_actor, "hlee", "Lee Hana", Role.COORDINATOR, password)
    confirm_password(db, actor, password)            # re-entry for an electronic signature (counts failures too)
    change_own_password(db, actor, old, new)         # SignInFailed (counted) or ValidationError by field
    reset_password(db, admin_actor, "hlee", new, reason)   # the owner must change it at the next sign-in
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from models.audit import REASON_KEY
from models.errors import ValidationError
from models.schema import UserAccount, utc_timestamp
from models.security import Action, Actor, Role

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256
MAX_FAILURES = 5
_USERNAME = re.compile(r"^[A-Za-z0-9._-]{2,40}$")
_HASHER = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """A hash to verify against for unknown user names, so they take as long as known ones."""
    return _HASHER.hash("not a real password, only for equal timing")


class SignInFailed(Exception):
    """Sign-in or password re-entry refused; the message is safe to show (it never says which part was wrong)."""


@dataclass(frozen=True)
class UserInfo:
    """One account as shown to an administrator (never the hash)."""

    user_id: int
    username: str
    full_name: str
    role: Role
    active: bool
    locked: bool
    failed_attempts: int
    created_at_utc: str
    must_change_password: bool = False


def password_problem(password: str) -> str | None:
    """Why a new password is refused, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"The password must have at least {MIN_PASSWORD_LENGTH} characters."
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"The password may have at most {MAX_PASSWORD_LENGTH} characters."
    if password.strip() != password or not password.isprintable():
        return "The password may not start or end with spaces or contain control characters."
    return None


def _account_errors(username: str, full_name: str, password: str) -> dict[str, str]:
    errors = {}
    if not _USERNAME.match(username):
        errors["username"] = "2 to 40 characters: letters, digits, dot, hyphen or underscore."
    if not full_name.strip() or len(full_name) > 100 or not full_name.isprintable():
        errors["full_name"] = "The printed name is required (at most 100 characters)."
    problem = password_problem(password)
    if problem:
        errors["password"] = problem
    return errors


def has_users(db) -> bool:
    """Whether any account exists (a new database has none: the app asks for the first administrator)."""
    with db.read() as session:
        return bool(session.scalar(select(func.count()).select_from(UserAccount)))


def list_users(db) -> list[UserInfo]:
    """Every account, by user name."""
    with db.read() as session:
        return [_info(u) for u in session.scalars(select(UserAccount).order_by(UserAccount.username))]


def user_info(db, username: str) -> UserInfo | None:
    """One account by user name (None if there is none)."""
    with db.read() as session:
        account = session.scalars(select(UserAccount).where(UserAccount.username == username)).first()
    return _info(account) if account is not None else None


def _info(user: UserAccount) -> UserInfo:
    return UserInfo(user.id, user.username, user.full_name, Role(user.role), user.active, user.locked,
                    user.failed_attempts, user.created_at_utc, bool(user.must_change_password))


def _actor(db, user: UserAccount) -> Actor:
    """The Actor of a user who just proved their password, issued by `db` (only issued Actors can write)."""
    return db.issue(Actor(name=user.username, role=Role(user.role), full_name=user.full_name, user_id=user.id))


def _new_account(db, username: str, full_name: str, role: Role, password: str) -> UserAccount:
    errors = _account_errors(username, full_name, password)
    with db.read() as session:
        taken = session.scalar(select(UserAccount.id).where(func.lower(UserAccount.username) == username.lower()))
    if taken is not None:
        errors["username"] = "This user name is taken."
    if errors:
        raise ValidationError(errors)
    now = utc_timestamp(db.clock())
    return UserAccount(username=username, full_name=full_name.strip(), role=Role(role).value,
                       password_hash=_HASHER.hash(password), active=True, locked=False, failed_attempts=0,
                       created_at_utc=now, password_changed_at_utc=now, must_change_password=False)


def create_first_administrator(db, username: str, full_name: str, password: str) -> Actor:
    """The first account of a new database (refused once any account exists); returns it signed in."""
    if has_users(db):
        raise ValidationError({"username": "This database already has user accounts; sign in instead."})
    account = _new_account(db, username, full_name, Role.ADMINISTRATOR, password)
    with db.bookkeeping("setup") as uow:
        uow.session.add(account)
    return _actor(db, account)


def create_user(db, actor: Actor, username: str, full_name: str, role: Role, password: str,
                temporary: bool = False) -> UserInfo:
    """A new account (administrators only); ValidationError names the bad fields. `temporary`: the password the
    administrator chose must be replaced by the user's own at the first sign-in (accounts made in the app)."""
    actor.require(Action.MANAGE_USERS)
    account = _new_account(db, username, full_name, role, password)
    account.must_change_password = temporary
    with db.write(actor) as uow:
        uow.session.add(account)
    return _info(account)


def authenticate(db, username: str, password: str) -> Actor:
    """The actor for a correct user name and password; SignInFailed otherwise (failures are counted and audited).

    The check, the failure count and the lock-out are one write transaction holding the account: BEGIN
    IMMEDIATE on SQLite, the account's row locked (SELECT … FOR UPDATE) on a server, so attempts from several
    windows, processes or PCs are checked one at a time and no more than MAX_FAILURES wrong passwords are ever
    checked before the account locks. On a database opened read-only (read-only media) nothing can be counted:
    the password is checked only."""
    name = username.strip()
    if db.read_only:
        with db.read() as session:
            account = session.scalars(select(UserAccount).where(UserAccount.username == name)).first()
            _refuse_account(account, password)
            if not _verify(account.password_hash, password):
                raise SignInFailed("Wrong user name or password.")
        return _actor(db, account)
    failure: str | None = None
    with db.bookkeeping("sign-in") as uow:
        account = uow.session.scalars(select(UserAccount).where(UserAccount.username == name)
                                      .with_for_update()).first()
        _refuse_account(account, password)
        if not _verify(account.password_hash, password):
            uow.session.info[REASON_KEY] = "failed sign-in"
            account.failed_attempts += 1
            if account.failed_attempts >= MAX_FAILURES:
                account.locked = True
            failure = _failure_message(account)
        elif account.failed_attempts:
            uow.session.info[REASON_KEY] = "successful sign-in"
            account.failed_attempts = 0
    if failure is not None:
        raise SignInFailed(failure)
    return _actor(db, account)


def _refuse_account(account: UserAccount | None, password: str) -> None:
    """SignInFailed for an unknown, deactivated or locked account or an unusable password (the time of a password
    check is spent for an unknown account too, so its absence does not show)."""
    if account is None or not password or len(password) > MAX_PASSWORD_LENGTH:
        _verify(_dummy_hash(), password[:MAX_PASSWORD_LENGTH] or "x")
        raise SignInFailed("Wrong user name or password.")
    if not account.active:
        raise SignInFailed("This account is deactivated. Ask an administrator.")
    if account.locked:
        raise SignInFailed(f"This account is locked after {MAX_FAILURES} failed attempts. Ask an administrator "
                           "to unlock it.")


def confirm_password(db, actor: Actor, password: str) -> None:
    """Re-entry of the signed-in user's password (for a signature); SignInFailed if wrong, counted like sign-in."""
    if actor.user_id is None:
        raise SignInFailed("Only a signed-in user can sign.")
    authenticate(db, actor.name, password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _failure_message(account: UserAccount) -> str:
    if account.locked:
        return f"Wrong password. The account is now locked after {MAX_FAILURES} failed attempts; ask an administrator."
    left = MAX_FAILURES - account.failed_attempts
    return f"Wrong user name or password. {left} attempt(s) left before the account is locked."


def _change(db, actor: Actor, username: str, reason: str, **values: object) -> UserInfo:
    actor.require(Action.MANAGE_USERS)
    with db.write(actor, reason) as uow:
        account = uow.session.scalars(select(UserAccount).where(UserAccount.username == username)).first()
        if account is None:
            raise ValidationError({"username": f"No account named {username}."})
        for key, value in values.items():
            setattr(account, key, value)
    return _info(account)


def unlock_user(db, actor: Actor, username: str, reason: str) -> UserInfo:
    """Unlock an account locked by failed attempts (administrators)."""
    return _change(db, actor, username, reason, locked=False, failed_attempts=0)


def set_active(db, actor: Actor, username: str, active: bool, reason: str) -> UserInfo:
    """Deactivate or reactivate an account (accounts are never deleted: the audit trail names them)."""
    if not active and username == actor.name:
        raise ValidationError({"username": "You cannot deactivate your own account."})
    return _change(db, actor, username, reason, active=active)


def set_role(db, actor: Actor, username: str, role: Role, reason: str) -> UserInfo:
    """Change an account's role (administrators; not their own)."""
    if username == actor.name:
        raise ValidationError({"role": "You cannot change your own role."})
    return _change(db, actor, username, reason, role=Role(role).value)


def reset_password(db, actor: Actor, username: str, password: str, reason: str) -> UserInfo:
    """Set a new password for another account (administrators), which also unlocks it; its owner must choose a
    new one at the next sign-in (`must_change_password`)."""
    actor.require(Action.MANAGE_USERS)
    if username == actor.name:
        raise ValidationError({"username": "Change your own password with Account → Change password."})
    problem = password_problem(password)
    if problem:
        raise ValidationError({"password": problem})
    return _change(db, actor, username, reason, password_hash=_HASHER.hash(password), locked=False,
                   failed_attempts=0, password_changed_at_utc=utc_timestamp(db.clock()), must_change_password=True)


def must_change_password(db, username: str) -> bool:
    """Whether the account's password was set or reset by an administrator and not yet changed by its owner."""
    with db.read() as session:
        return bool(session.scalar(select(UserAccount.must_change_password)
                                   .where(UserAccount.username == username)))


def change_own_password(db, actor: Actor, old_password: str, new_password: str) -> None:
    """A signed-in user changes their own password. The new one is checked first (ValidationError, key
    "new_password": no attempt is counted), then the current one (SignInFailed, counted and audited like a failed
    sign-in, so the lock-out applies). The change is audited under the user's name; the hash is never shown."""
    if actor.user_id is None:
        raise SignInFailed("Only a signed-in user can change a password.")
    problem = password_problem(new_password)
    if problem:
        raise ValidationError({"new_password": problem})
    confirm_password(db, actor, old_password)
    if new_password == old_password:
        raise ValidationError({"new_password": "The new password must differ from the current one."})
    with db.bookkeeping(actor.name, reason="password changed by its owner") as uow:
        account = uow.session.get(UserAccount, actor.user_id)
        account.password_hash = _HASHER.hash(new_password)
        account.password_changed_at_utc = utc_timestamp(db.clock())
        account.must_change_password = False
