"""Raw reads for tests that run on SQLite and on a PostgreSQL server alike (through the Database's read session).

    rows(db, "SELECT user FROM audit_log WHERE table_name = ? ORDER BY id", "settings")
    dump(db)   # every row of every table, for "nothing was written"
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect, text


def rows(db: Any, sql: str, *params: Any) -> list[tuple]:
    """The rows of one SELECT with `?` placeholders, as tuples."""
    parts = sql.split("?")
    named = "".join(part + (f":p{i}" if i < len(parts) - 1 else "") for i, part in enumerate(parts))
    with db.read() as session:
        result = session.connection().execute(text(named), {f"p{i}": p for i, p in enumerate(params)})
        return [tuple(r) for r in result]


def dump(db: Any) -> dict[str, list[tuple]]:
    """Every row of every table (the audit trail included), ordered, for "nothing was written"."""
    with db.read() as session:
        conn = session.connection()
        names = sorted(inspect(conn).get_table_names())
        return {t: sorted((tuple(r) for r in conn.execute(text(f'SELECT * FROM "{t}"'))), key=repr) for t in names}
