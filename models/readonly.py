"""Reading a database without writing to it, also on read-only media (a CD, a write-protected USB stick, a folder
without write permission), where SQLite cannot create the shared-memory file a WAL database needs.

    conn = open_readonly(path)           # sqlite3 connection: `mode=ro`, or `immutable=1` on read-only media
    is_read_only_location(path)          # whether the file or its folder cannot be written
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def is_read_only_location(path: Path) -> bool:
    """Whether the database at `path` sits on read-only media or in a folder (or file) this process cannot write."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    statvfs = getattr(os, "statvfs", None)
    if statvfs is not None:
        try:
            if statvfs(folder).f_flag & os.ST_RDONLY:
                return True
        except OSError:
            pass
    return not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK))


def readonly_uri(path: Path) -> str:
    """The SQLite URI that opens `path` read-only (`immutable=1` on read-only media, else `mode=ro`)."""
    real = Path(path).resolve()
    return real.as_uri() + ("?immutable=1" if is_read_only_location(real) else "?mode=ro")


def open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only sqlite3 connection to the database file at `path`."""
    return sqlite3.connect(readonly_uri(path), uri=True)
