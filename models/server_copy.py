"""Moving a study from a laptop's SQLite file to a PostgreSQL server, and the server's application role.

    report = copy_to_server(Path("trialdesk.sqlite3"), "postgresql://owner@db.site/cs20")
    report.ok, report.lines            # chain and data compared row for row after the copy
    grant_application_role("postgresql://owner@db.site/cs20", "trialdesk_app")

The copy is one transaction on the server: every table in foreign-key order with its ids, then the audit trail
row for row (its hashes untouched: the chain on the server is the file's chain), then each id sequence set
past the highest id the table or its audit trail ever used. Nothing is written when the server database already
holds a study. The file is opened (and migrated, after a backup) like TrialDesk opens it, read only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, func, select, text

from models.errors import DatabaseError
from models.schema import AuditEntry, Base
from models.server import GATE_SETTING, MIGRATION_LOCK_KEY, ServerTarget, password_of, server_engine

CHUNK = 2_000


@dataclass(frozen=True)
class CopyReport:
    """What was moved and whether the server now holds exactly the file's study."""

    ok: bool
    rows: int
    audit_rows: int
    lines: tuple[str, ...]


def _tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name != AuditEntry.__tablename__]


def _read_all(conn: Any, table: Table) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(select(table).order_by(*table.primary_key.columns))]


def copy_to_server(source: Path, address: str, password: str | None = None) -> CopyReport:
    """Copy the study in the SQLite file `source` into the empty server database at `address` and compare."""
    from models.database import _server_revision, _upgrade_server, known_revisions, open_database

    target = ServerTarget.parse(address)
    db = open_database(source, create=False, single_instance=True)
    engine = server_engine(target, password or password_of(address))
    try:
        if _server_revision(engine, target) != known_revisions()[-1]:
            _upgrade_server(engine, target)
        with db.engine.connect() as src, engine.begin() as dst:
            dst.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")
            _refuse_if_holding_a_study(dst, target)
            dst.execute(text("SELECT set_config(:k, 'open', true)"), {"k": GATE_SETTING})
            rows = 0
            for table in (*_tables(), AuditEntry.__table__):
                data = _read_all(src, table)
                for start in range(0, len(data), CHUNK):
                    dst.execute(table.insert(), data[start:start + CHUNK])
                rows += len(data)
            _set_sequences(dst)
        report = compare(db.engine, engine, target)
        return CopyReport(report[0], rows, report[1], report[2])
    finally:
        engine.dispose()
        db.close()


def _refuse_if_holding_a_study(conn: Any, target: ServerTarget) -> None:
    held = sum(conn.execute(select(func.count()).select_from(t)).scalar() or 0
               for t in (*_tables(), AuditEntry.__table__))
    if held:
        raise DatabaseError(f"{target.shown} already holds a study ({held:,} rows); a study is moved only into an "
                            "empty database. Nothing was written.")


def _set_sequences(conn: Any) -> None:
    """Each id sequence past the highest id its table holds or its audit trail names (deleted records' ids are
    never given out again, as SQLite's AUTOINCREMENT does on the laptop)."""
    for table in _tables():
        if "id" not in table.c:
            continue
        used = conn.execute(text(
            f'SELECT greatest(coalesce((SELECT max(id) FROM "{table.name}"), 0), '  # noqa: S608 - our table names
            "coalesce((SELECT max(record_id) FROM audit_log WHERE table_name = :t), 0))"), {"t": table.name}).scalar()
        if used:
            conn.execute(text("SELECT setval(pg_get_serial_sequence(:t, 'id'), :n)"), {"t": table.name, "n": used})


def compare(source: Engine, server: Engine, target: ServerTarget) -> tuple[bool, int, tuple[str, ...]]:
    """(identical, audit rows, plain lines): every table of the server read back and compared with the file, the
    audit chain checked on the server (models.audit_chain) and its head compared with the file's."""
    from models.audit_chain import CHAIN_QUERY, _check

    lines: list[str] = []
    ok = True
    with source.connect() as src, server.connect() as dst:
        for table in (*_tables(), AuditEntry.__table__):
            here, there = _read_all(src, table), _read_all(dst, table)
            if here != there:
                ok = False
                lines.append(f"{table.name}: the server holds {len(there):,} rows, the file {len(here):,}; they "
                             "differ.")
        chain = _check(dst.exec_driver_sql(CHAIN_QUERY))
        file_head = src.exec_driver_sql("SELECT count(*), max(row_hash) FILTER (WHERE id = (SELECT max(id) "
                                        "FROM audit_log)) FROM audit_log").one()
        server_head = dst.exec_driver_sql("SELECT count(*), max(row_hash) FILTER (WHERE id = (SELECT max(id) "
                                          "FROM audit_log)) FROM audit_log").one()
    lines.append(f"On {target.shown}: {chain.message}")
    if not chain.ok or tuple(file_head) != tuple(server_head):
        ok = False
        lines.append("The server's audit trail does not end where the file's does.")
    else:
        lines.append(f"The server's audit trail ends where the file's does: {server_head[0]:,} rows, last hash "
                     f"{str(server_head[1])[:12]}.")
    if ok:
        lines.append("Every table on the server holds exactly the file's rows.")
    return ok, int(server_head[0]), tuple(lines)


def grant_application_role(address: str, role: str, password: str | None = None) -> list[str]:
    """Give the existing server role `role` what TrialDesk needs and no more: read and write the study tables,
    only SELECT and INSERT on the audit trail, only SELECT on the schema version. Run as the database's owner."""
    if not role.replace("_", "").isalnum():
        raise DatabaseError(f"{role!r} is not a role name (letters, digits and _ only).")
    target = ServerTarget.parse(address)
    engine = server_engine(target, password or password_of(address))
    quoted = f'"{role}"'
    statements = [
        f'GRANT CONNECT ON DATABASE "{target.url.database}" TO {quoted}',
        f"GRANT USAGE ON SCHEMA public TO {quoted}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM {quoted}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {quoted}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}",
    ]
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.exec_driver_sql(statement)
    except Exception as exc:  # noqa: BLE001 - any refusal of the server, in its own words
        raise DatabaseError(f"{target.shown}: the rights could not be given to {role} "
                            f"({str(getattr(exc, 'orig', exc)).splitlines()[0]}).") from None
    finally:
        engine.dispose()
    return [f"{role} may read and write the study tables of {target.shown}, only read and append to audit_log "
            "(no UPDATE, DELETE or TRUNCATE), and only read the schema version."]
