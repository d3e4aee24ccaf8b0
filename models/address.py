"""Whether a study location is a server address: standard library only, so the command line and the window can
tell before the storage layer is imported.

    is_server_url("postgresql://jkim@db.site/cs20")   # True; a file path is False
"""

from __future__ import annotations

SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server_url(target: object) -> bool:
    """Whether `target` (a path or text) is a postgresql:// address rather than a database file."""
    return isinstance(target, str) and target.strip().lower().startswith(SCHEMES)
