"""Opening a study database: SQLite pragmas, Alembic migrations, the stored study configuration, sessions.

    db = open_database(path)                     # creates, migrates (after a backup) or refuses
    with db.write("jkim", reason=None) as uow:   # one audited transaction, committed at the end
        uow.session.add(...)
    with db.read() as session:                   # a read-only snapshot
        ...

One way in: every INSERT, UPDATE and DELETE reaches SQLite only from inside an audited flush. Each connection
carries an SQLite authorizer (models.write_gate) that refuses writing statements unless the gate of that
connection is open, and only the audit listeners open it, for the length of one flush; raw SQL through a
session's connection, `engine.connect()` or a read session is refused by SQLite itself.

Who writes: the signed-in user (`sign_in` with an Actor that `models.users.authenticate` issued for this
Database); with nobody signed in, an issued Actor passed to `write`; on a database without accounts, a plain
name (coordinator rights). A made-up Actor, or a write on a database with accounts and nobody signed in, is
refused (PermissionDenied). The database's own bookkeeping (configuration, sign-in counters) uses `bookkeeping`.

A file on read-only media (or in a folder that cannot be written) opens read-only: `read_only` is true, reads
work, every write is refused with a plain DatabaseError, no lock and no anchor is written.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from models.anchor import anchors_for, append_anchor, head_of, read_anchors
from models.audit import install_audit
from models.backup import newest_good_backup
from models.concurrency import edit_conflict, stale_candidates
from models.config import StudyConfig, load_study_config_file, parse_study_config
from models.errors import DatabaseError
from models.instance_lock import InstanceLock
from models.integrity import DatabaseDamaged, quick_check
from models.locks import refuse_locked
from models.paths import default_study_config_path, migrations_dir
from models.queries import clear_changed_sdv, close_queries_of_deleted
from models.readonly import is_read_only_location, readonly_uri
from models.schema import StudyConfigRow, UserAccount, utc_timestamp
from models.security import Actor, PermissionDenied, system_actor, unsigned_actor
from models.server import (
    GATE_SETTING,
    MIGRATION_LOCK_KEY,
    ServerTarget,
    is_server_url,
    password_of,
    server_engine,
)
from models.signatures import invalidate_changed_signatures
from models.texts import tr as _tr
from models.write_gate import install_gate, open_gate, set_gate, take_interrupt

SQLITE_HEADER = b"SQLite format 3\x00"
PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000")
SYSTEM_USER = "system"


def utc_now() -> datetime:
    """The current time in UTC (the default clock of a Database)."""
    return datetime.now(UTC)


@dataclass
class UnitOfWork:
    """One audited write: add, change or delete ORM rows on `session`; committed once when the block ends."""

    session: Session
    user: str
    reason: str | None
    actor: Actor | None = None


WRITE_GUARDS = (refuse_locked, invalidate_changed_signatures, clear_changed_sdv, close_queries_of_deleted)


class Database:
    """An open study database. Use `open_database` to get one."""

    def __init__(self, path: Path, engine: Engine, clock: Callable[[], datetime] = utc_now,
                 read_only: bool = False, server: ServerTarget | None = None) -> None:
        self.path = path
        self.server = server
        self.engine = engine
        self.clock = clock
        self.read_only = read_only
        self._write_engine = engine.execution_options(trialdesk_write=True)
        self._config: StudyConfig | None = None
        self._local = threading.local()
        self._issued: list[Actor] = []
        self.instance_lock: InstanceLock | None = None
        self.signed_in: Actor | None = None

    @property
    def is_server(self) -> bool:
        """Whether the study lives on a PostgreSQL server (`path` is then this computer's stand-in file for it)."""
        return self.server is not None

    @property
    def name(self) -> str:
        """Short name for titles: the file name, or "cs20 on db.site"."""
        return self.server.shown if self.server is not None else self.path.name

    @property
    def location(self) -> str:
        """Where the study is: the file's path, or the server address (never a password)."""
        return self.server.text if self.server is not None else str(self.path)

    def issue(self, actor: Actor) -> Actor:
        """Record `actor` as signed in by its password on this Database (models.users calls this; nothing else
        should): only an issued Actor object can sign in or be passed to `write`."""
        self._issued.append(actor)
        return actor

    def _is_issued(self, actor: Actor) -> bool:
        return any(actor is known for known in self._issued)

    def sign_in(self, actor: Actor) -> None:
        """From now on every write of this Database runs as `actor`, an Actor issued by models.users."""
        if not self._is_issued(actor):
            raise PermissionDenied(f"{actor.display_name} did not sign in with a password here; nothing can be "
                                   "written in that name.")
        self.signed_in = actor

    def sign_out(self) -> None:
        """Nobody is signed in any more: on a database with accounts nothing can be written until someone is."""
        self.signed_in = None

    def has_accounts(self) -> bool:
        """Whether the database has user accounts (then every write needs a signed-in user)."""
        with self.read() as session:
            return session.scalars(select(UserAccount.id).limit(1)).first() is not None

    def actor_for(self, user: Actor | str) -> Actor:
        """The actor a write runs as: the signed-in user; else an issued Actor passed in; else, on a database
        without accounts, the plain name given (coordinator rights). PermissionDenied otherwise."""
        if self.signed_in is not None:
            return self.signed_in
        if isinstance(user, Actor):
            if self._is_issued(user):
                return user
            raise PermissionDenied(f"{user.display_name} is not signed in; nothing was saved.")
        if not user or not user.strip():
            raise ValueError("a write needs the name of the user making it")
        if self.has_accounts():
            raise PermissionDenied("Nobody is signed in: this database has user accounts, so every change needs a "
                                   "signed-in user. Sign in and save again; nothing was saved.")
        return unsigned_actor(user.strip())

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; it refuses to flush, so nothing can be written through it."""
        session = Session(self.engine, autoflush=False, expire_on_commit=False)
        event.listen(session, "before_flush", _refuse_read_session_flush)
        try:
            yield session
        finally:
            session.close()

    def write(self, user: Actor | str, reason: str | None = None) -> Any:
        """One audited transaction (BEGIN IMMEDIATE ... COMMIT); rolled back entirely if the block raises.

        `user` is an Actor or a name (see `actor_for`: while someone is signed in, every write runs as them).
        Changing or deleting saved study data without a reason raises ReasonRequired, a table the actor's role
        may not write PermissionDenied, locked data RecordLocked, all before anything is written.
        """
        self._refuse_if_read_only()
        return self._write(self.actor_for(user), reason)

    def bookkeeping(self, name: str, reason: str | None = None) -> Any:
        """An audited write of the database's own bookkeeping (stored configuration, sign-in counters, the first
        account), recorded under `name`; only models/ calls this."""
        return self._write(system_actor(name), reason)

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise DatabaseError(f"{self.location} is open read-only (read-only media or a folder that cannot be "
                                "written); nothing can be saved.")

    @contextmanager
    def _write(self, actor: Actor, reason: str | None) -> Iterator[UnitOfWork]:
        self._refuse_if_read_only()
        if getattr(self._local, "writing", False):
            raise RuntimeError("a write is already open on this thread; nest the work inside it instead")
        session = Session(self._write_engine, expire_on_commit=False)
        install_audit(session, actor, reason, self.clock, WRITE_GUARDS)
        self._local.writing = True
        try:
            yield UnitOfWork(session, actor.name, reason, actor)
            session.commit()
        except DBAPIError as exc:
            session.rollback()
            raise DatabaseError(_plain_error(self.location, exc)) from exc
        except StaleDataError:
            candidates = stale_candidates(session)
            session.rollback()
            raise edit_conflict(self, candidates) from None
        except BaseException:
            session.rollback()
            raise
        finally:
            self._local.writing = False
            session.close()

    @property
    def config(self) -> StudyConfig:
        """The study configuration stored in this database (the one in force for it)."""
        if self._config is None:
            self._config = self._load_config()
        return self._config

    def _load_config(self) -> StudyConfig:
        with self.read() as session:
            row = session.scalars(select(StudyConfigRow).order_by(StudyConfigRow.id.desc()).limit(1)).first()
        if row is None:
            raise DatabaseError(f"{self.location}: the database holds no study configuration.")
        return parse_study_config(row.toml_text, f"{self.location} (stored copy of {row.source})")

    def has_config(self) -> bool:
        """Whether a study configuration is stored (false only for a file whose creation was interrupted)."""
        with self.read() as session:
            return session.scalars(select(StudyConfigRow.id).limit(1)).first() is not None

    def close(self, anchor_log: Path | None = None) -> None:
        """Anchor the audit head outside the file (models.anchor; not for a read-only file, and only when it moved
        since the last anchor), close every pooled connection, free the single-instance lock if held."""
        if not self.read_only:
            self._anchor(anchor_log)
        self.engine.dispose()
        if self.instance_lock is not None:
            self.instance_lock.release()
            self.instance_lock = None


    def _anchor(self, log: Path | None) -> None:
        errors: tuple[type[BaseException], ...] = (OSError, DBAPIError, sqlite3.Error)
        if self.is_server:
            from psycopg import Error as ServerError

            errors = (*errors, ServerError)
        try:
            with self.engine.connect() as conn:
                head = head_of(conn.connection.driver_connection)
            from models.anchor import anchor_log_path

            log = log or anchor_log_path()
            known = anchors_for(self.path, head, read_anchors(log)) if log.exists() else []
            if known and known[-1].head == head:
                return
            append_anchor(self.path, "close", log, head)
        except errors:
            return  # the anchor is evidence kept outside the file; failing to write it loses no data


def _refuse_read_session_flush(_session: Session, _ctx: Any, _instances: Any) -> None:
    raise RuntimeError("a read session cannot write; use Database.write(user, reason)")


def _on_connect(dbapi_connection: sqlite3.Connection, record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event below emits BEGIN itself
    cursor = dbapi_connection.cursor()
    for pragma in PRAGMAS:
        cursor.execute(pragma)
    cursor.close()
    install_gate(dbapi_connection, record.info)


def _on_connect_read_only(dbapi_connection: sqlite3.Connection, record: Any) -> None:
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA busy_timeout=5000")
    install_gate(dbapi_connection, record.info)


def _on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("trialdesk_write") else "BEGIN")


def _make_engine(path: Path, read_only: bool = False) -> Engine:
    if read_only:
        uri = readonly_uri(path)
        engine = create_engine(f"sqlite:///{path}",
                               creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
        event.listen(engine, "connect", _on_connect_read_only)
    else:
        engine = create_engine(f"sqlite:///{path}")
        event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    event.listen(engine, "checkin", lambda _conn, record: set_gate(record.info, False))
    event.listen(engine, "handle_error", _raise_interrupt)
    return engine


def _raise_interrupt(context: Any) -> None:
    """A statement refused because Ctrl+C or SIGTERM arrived inside SQLite's authorizer callback: raise the
    interrupt itself, not "not authorized" (or "access to … is prohibited" for a read)."""
    refused = str(context.original_exception)
    if context.connection is not None and ("not authorized" in refused or "prohibited" in refused):
        interrupt = take_interrupt(context.connection.info)
        if interrupt is not None:
            raise interrupt


def _alembic_config(connection: Any = None) -> Any:
    from alembic.config import Config  # alembic is imported only when a migration runs (0.25 s off start-up)

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def _read_schema_state(path: Path) -> tuple[str | None, bool]:
    """(Alembic revision or None, whether the file has any table), read without changing the file."""
    try:
        with closing(sqlite3.connect(readonly_uri(path), uri=True)) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} cannot be read as a SQLite database ({exc}).") from None
    return revision, bool(tables - {"alembic_version"})


def backup_copy(source: Path, target: Path) -> None:
    """A consistent copy of a live database through SQLite's online backup API."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def _backup_before_migration(path: Path, clock: Callable[[], datetime]) -> Path:
    stamp = clock().strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.bak-{stamp}")
    backup_copy(path, target)
    return target


def known_revisions() -> list[str]:
    """The bundled schema revisions, oldest first: each migration file is named after its revision id
    (tests/models/test_database.py checks this against Alembic's own view), so no Alembic import is needed."""
    return sorted(p.stem for p in (migrations_dir() / "versions").glob("*.py") if not p.stem.startswith("_"))


def _upgrade(engine: Engine) -> None:
    """Migrate to the newest revision in one transaction, with foreign keys off while tables are rebuilt (a
    batch rebuild drops the old table, which would cascade to its children) and checked before the commit."""
    from alembic import command

    with engine.connect() as conn, open_gate(conn.info):
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys=OFF")  # outside a transaction: inside one SQLite ignores it
        try:
            with conn.begin():
                command.upgrade(_alembic_config(conn), "head")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseError(f"the schema upgrade would leave {len(broken)} rows pointing at nothing "
                                        f"(first: {tuple(broken[0])}); nothing was changed.")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def _store_config(db: Database, config: StudyConfig) -> None:
    with db.bookkeeping(SYSTEM_USER) as uow:
        uow.session.add(StudyConfigRow(
            toml_text=config.toml_text, source=config.source,
            sha256=hashlib.sha256(config.toml_text.encode("utf-8")).hexdigest(),
            stored_at_utc=utc_timestamp(db.clock()),
        ))


def open_database(
    path: Path | str,
    *,
    config_path: Path | None = None,
    create: bool = True,
    clock: Callable[[], datetime] = utc_now,
    single_instance: bool = False,
    read_only: bool | None = None,
    wait_s: float = 0.0,
    on_wait: Callable[[str], None] | None = None,
    password: str | None = None,
) -> Database:
    """Open (or create) a study database, migrating an older schema after a backup copy.

    A new database stores the configuration in `config_path` (default resources/study.toml); for an
    existing database `config_path` is ignored, its stored copy counts. A file whose schema is newer than
    this code, or that is not a TrialDesk database, is refused with DatabaseError and left untouched; so is a
    file failing `PRAGMA quick_check` (DatabaseDamaged, naming the newest good backup). With `single_instance`
    (the desktop app, the command-line writers) a database already open in another process, under any name, is
    refused with DatabaseInUse, after waiting up to `wait_s` seconds (`on_wait` gets the holder's message once).
    `read_only` None opens read-only exactly when the file is on read-only media or in a folder that cannot
    be written (models.readonly); a read-only database is not migrated, locked or anchored.

    A postgresql:// address opens the study on that server (`open_server_database`; `password` or one written in
    the address, else PGPASSWORD or ~/.pgpass): several PCs share it, so there is no single-instance lock.
    """
    if is_server_url(path):
        return open_server_database(str(path), password=password, config_path=config_path, create=create,
                                    clock=clock)
    path = Path(path)
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file.")
    is_new = not path.exists() or path.stat().st_size == 0
    if is_new and not create:
        raise DatabaseError(f"{path}: no such database file.")
    if is_new and not path.parent.is_dir():
        raise DatabaseError(f"{path}: the folder {path.parent} does not exist.")
    if not is_new:
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_HEADER:
                raise DatabaseError(f"{path} is not a SQLite database file.")
        _refuse_damaged(path)
    if read_only is None:
        read_only = not is_new and is_read_only_location(path)
    if read_only:
        return _open_read_only(path, clock)
    lock = InstanceLock(path) if single_instance else None
    if lock is not None:
        lock.acquire(wait_s, on_wait)
    try:
        db = _open(path, is_new, config_path, clock)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    db.instance_lock = lock
    return db


def _open(path: Path, is_new: bool, config_path: Path | None, clock: Callable[[], datetime]) -> Database:
    known = known_revisions()
    head = known[-1]
    revision, has_tables = (None, False) if is_new else _read_schema_state(path)
    if revision is None and has_tables:
        raise DatabaseError(f"{path} is not a TrialDesk database (it has tables but no TrialDesk schema version).")
    if revision is not None and revision not in known:
        raise DatabaseError(
            f"{path} was written by a newer version of TrialDesk (schema {revision}; this version knows up to "
            f"{head}). Open it with the newer version; the file was not changed."
        )
    new_config = load_study_config_file(config_path or default_study_config_path()) if revision is None else None
    if revision is not None and revision != head:
        _backup_before_migration(path, clock)
    engine = _make_engine(path)
    db = Database(path, engine, clock)
    with _disposed_on_failure(engine, str(path)):
        if revision != head:
            _upgrade(engine)
        if not db.has_config():
            _store_config(db, new_config or load_study_config_file(config_path or default_study_config_path()))
        db._config = db._load_config()
    return db


@contextmanager
def _disposed_on_failure(engine: Engine, shown: str) -> Iterator[None]:
    """The steps of opening a database: on any failure the engine is disposed of, and a refusal of the database
    is said in plain words (DatabaseError)."""
    try:
        yield
    except DBAPIError as exc:
        engine.dispose()
        raise DatabaseError(_plain_error(shown, exc)) from exc
    except BaseException:
        engine.dispose()
        raise


def _open_read_only(path: Path, clock: Callable[[], datetime]) -> Database:
    revision, _ = _read_schema_state(path)
    if revision != known_revisions()[-1]:
        raise DatabaseError(f"{path} is read-only and its schema ({revision or 'none'}) needs an upgrade that would "
                            "write to it; copy it to a writable folder first.")
    engine = _make_engine(path, read_only=True)
    db = Database(path, engine, clock, read_only=True)
    with _disposed_on_failure(engine, str(path)):
        db._config = db._load_config()
    return db


def _refuse_damaged(path: Path) -> None:
    problem = quick_check(path)
    if problem is None:
        return
    good = newest_good_backup(path)
    advice = (f" The newest good backup is {good.path} (taken {good.taken_at_utc:%Y-%m-%d %H:%M} UTC); restore it "
              "from the start screen or copy it in place of the damaged file." if good is not None
              else " No good backup of it was found next to it.")
    raise DatabaseDamaged(f"{problem} It was not opened, so nothing more can be written into it.{advice}",
                          path=path, backup=good.path if good is not None else None)


SERVER_GONE = ("server closed the connection", "terminating connection", "connection failed", "connection refused",
               "the connection is closed", "consuming input failed")


def _plain_error(path: str, exc: DBAPIError) -> str:
    """What a database refusal means for the person saving, in the screen's language (models.texts)."""
    detail = str(exc.orig)
    if any(text in detail for text in SERVER_GONE):
        return _tr("{0}: the connection to the server was lost; nothing was saved. Check the network and try "
                   "again.").format(path)
    if "deadlock detected" in detail or "could not serialize" in detail:
        return _tr("{0} is busy: another PC was saving at the same moment. Try again; nothing was saved.").format(path)
    if "permission denied" in detail:
        return _tr("{0}: the server's account TrialDesk signs in with may not make this change; nothing was "
                   "saved.").format(path)
    if "duplicate key" in detail:
        key = detail.split("Key (", 1)[-1].split(")", 1)[0] if "Key (" in detail else "key"
        return _tr("{0}: this would store a second record where only one is allowed ({1}); nothing was "
                   "saved.").format(path, _constraint(":" + key))
    if "violates" in detail:
        return _tr("{0}: the record is incomplete or refers to something that does not exist; nothing was "
                   "saved.").format(path)
    if "locked" in detail or "busy" in detail:
        return _tr("{0} is busy: another program is writing to it. Try again in a moment; nothing was "
                   "saved.").format(path)
    if "readonly" in detail or "read-only" in detail:
        return _tr("{0} cannot be written (read-only file or folder); nothing was saved.").format(path)
    if "not authorized" in detail:
        return _tr("{0}: a change that did not go through TrialDesk's audited save was refused; nothing was "
                   "saved.").format(path)
    if "disk is full" in detail or "disk I/O" in detail:
        return _tr("{0} cannot be written: the disk is full or failing; nothing was saved.").format(path)
    if "UNIQUE constraint" in detail:
        return _tr("{0}: this would store a second record where only one is allowed ({1}); nothing was "
                   "saved.").format(path, _constraint(detail))
    if "FOREIGN KEY" in detail or "NOT NULL" in detail or "CHECK constraint" in detail:
        return _tr("{0}: the record is incomplete or refers to something that does not exist; nothing was "
                   "saved.").format(path)
    return _tr("{0}: the database could not be used ({1}); nothing was saved.").format(path, detail)


def _constraint(detail: str) -> str:
    columns = detail.split(":", 1)[-1].strip()
    return "same " + ", ".join(c.strip().replace("_", " ").replace(".", " ") for c in columns.split(","))


def open_server_database(
    address: str,
    *,
    password: str | None = None,
    config_path: Path | None = None,
    create: bool = True,
    clock: Callable[[], datetime] = utc_now,
) -> Database:
    """Open the study database on a PostgreSQL server, creating its tables (an empty database) or migrating
    them; NeedsPassword when the server wants a password, DatabaseError in plain words otherwise. Two PCs
    opening a new or older database at once migrate it once: the migration holds an advisory lock."""
    target = ServerTarget.parse(address)
    engine = server_engine(target, password or password_of(address))
    db = Database(target.stand_in, engine, clock, server=target)
    with _disposed_on_failure(engine, target.shown):
        revision = _server_revision(engine, target)
        if revision is None and not create:
            raise DatabaseError(f"{target.shown}: the server database holds no TrialDesk study.")
        if revision != known_revisions()[-1]:
            _upgrade_server(engine, target)
        if not db.has_config():
            _store_config(db, load_study_config_file(config_path or default_study_config_path()))
        db._config = db._load_config()
    return db


def _server_revision(engine: Engine, target: ServerTarget) -> str | None:
    """The server database's schema revision (None when it holds no table); refuses a foreign or newer one."""
    from sqlalchemy import inspect

    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() \
            if "alembic_version" in tables else None
    known = known_revisions()
    if revision is None and tables - {"alembic_version"}:
        raise DatabaseError(f"{target.shown} is not a TrialDesk database (it has tables but no TrialDesk schema "
                            "version); nothing was changed.")
    if revision is not None and revision not in known:
        raise DatabaseError(f"{target.shown} was written by a newer version of TrialDesk (schema {revision}; this "
                            f"version knows up to {known[-1]}). Use the newer version; nothing was changed.")
    return revision


def _upgrade_server(engine: Engine, target: ServerTarget) -> None:
    """Migrate the server database to the newest revision in one transaction (PostgreSQL's DDL is
    transactional), holding an advisory lock so that a second PC opening it at the same time waits and then
    finds it migrated. Needs the rights of the database's owner."""
    from alembic import command

    with engine.begin() as conn:
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")
        conn.exec_driver_sql(f"SELECT set_config('{GATE_SETTING}', 'open', true)")
        try:
            command.upgrade(_alembic_config(conn), "head")
        except DBAPIError as exc:
            if "permission denied" in str(exc.orig) or "must be owner" in str(exc.orig):
                raise DatabaseError(f"{target.shown} needs a schema upgrade, which only the database's owner may "
                                    "run: ask whoever set up the server to open it once (or run `main.py "
                                    "migrate-to-server`) with the owner's account; nothing was changed.") from None
            raise
