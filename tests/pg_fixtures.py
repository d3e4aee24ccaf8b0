"""Fixtures for running storage and command tests on a real PostgreSQL server as well as on SQLite.

`TRIALDESK_TEST_PG_URL` (scripts/test-postgres.sh sets it) is the address of a server the tests may create
databases on; without it every PostgreSQL case is skipped. One database is migrated per test session and each
test gets a fresh copy of it (CREATE DATABASE … TEMPLATE), like the SQLite tests copy one migrated file.

    @pytest.mark.parametrize("backend", BACKENDS)   # or use the `study_target` fixture
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

PG_URL_ENV = "TRIALDESK_TEST_PG_URL"
BACKENDS = ("sqlite", pytest.param("postgresql", marks=pytest.mark.postgres))
"""Parameters of a test that runs on both databases (the PostgreSQL one is marked `postgres`)."""

_counter = itertools.count(1)


def pg_url() -> str | None:
    """The test server's address, or None when no server was given."""
    return os.environ.get(PG_URL_ENV) or None


def with_database(url: str, name: str) -> str:
    """The address `url` with its database name replaced by `name`."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


def admin(sql: str) -> None:
    """Run one statement on the test server's maintenance database, outside a transaction."""
    import psycopg

    url = pg_url()
    assert url is not None
    conninfo = with_database(url, "postgres").replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(sql)


class ServerDatabases:
    """Creates databases on the test server (a migrated template copied per test) and drops them at the end."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.prefix = f"td_test_{os.getpid()}"
        self.created: list[str] = []
        self.template: str | None = None

    def empty(self) -> str:
        """The address of a new, empty database."""
        name = f"{self.prefix}_{next(_counter)}"
        admin(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return with_database(self.url, name)

    def migrated(self) -> str:
        """The address of a new database holding an empty, migrated study (a copy of the session template)."""
        if self.template is None:
            from models.database import open_database

            url = self.empty()
            open_database(url).close()
            self.template = url.rsplit("/", 1)[-1]
        name = f"{self.prefix}_{next(_counter)}"
        admin(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}" STRATEGY FILE_COPY')
        self.created.append(name)
        return with_database(self.url, name)

    def drop_all(self) -> None:
        for name in reversed(self.created):
            admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[ServerDatabases]:
    """The test server's database factory (the test is skipped when no server was given)."""
    url = pg_url()
    if url is None:
        pytest.skip(f"no PostgreSQL test server ({PG_URL_ENV} is not set; scripts/test-postgres.sh sets it)")
    databases = ServerDatabases(url)
    yield databases
    databases.drop_all()


@pytest.fixture
def study_target(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    """For a test parametrised with `backend` (BACKENDS): a function giving a new, empty study location — a
    file path in tmp, or the address of a new server database."""
    backend = request.getfixturevalue("backend")
    if backend == "sqlite":
        paths = (str(tmp_path / f"study{n}.sqlite3") for n in itertools.count(1))
        return lambda: next(paths)
    databases: ServerDatabases = request.getfixturevalue("pg_databases")
    return databases.empty
