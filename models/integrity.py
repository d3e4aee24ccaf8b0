"""Whether a database file is sound: SQLite header and `PRAGMA quick_check`, read-only, without changing the file."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from models.errors import DatabaseError
from models.readonly import open_readonly

SQLITE_HEADER = b"SQLite format 3\x00"
_NOT_DAMAGE = ("locked", "busy", "unable to open")


class DatabaseDamaged(DatabaseError):
    """The file at `path` fails its integrity check; `backup` is the newest good backup copy, if any."""

    def __init__(self, message: str, path: Path, backup: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.backup = backup


def quick_check(path: Path) -> str | None:
    """None if the file is a readable SQLite database that passes quick_check, else a plain-English problem."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_HEADER:
                return f"{path} is not a SQLite database file."
        with closing(open_readonly(path)) as conn:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
    except OSError as exc:
        return f"{path} cannot be read ({exc.strerror or exc})."
    except sqlite3.OperationalError as exc:
        if any(word in str(exc) for word in _NOT_DAMAGE):
            return None  # busy or not openable here (e.g. read-only folder): not evidence of damage
        return f"{path} is damaged: SQLite cannot read it ({exc})."
    except sqlite3.DatabaseError as exc:
        return f"{path} is damaged: SQLite cannot read it ({exc})."
    if rows != ["ok"]:
        shown = "; ".join(str(r) for r in rows[:3])
        return f"{path} is damaged: the integrity check failed ({shown})."
    return None
