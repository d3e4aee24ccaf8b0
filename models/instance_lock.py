"""One running TrialDesk per database: an exclusive OS lock on `<database>.lock`, which names the holder.

The operating system drops the lock when the holding process ends (even by a crash), so a stale lock file
left behind never blocks anyone; its text (PID, host, since) is only there to explain who holds it.
"""

from __future__ import annotations

import os
import socket
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from models.errors import DatabaseError


class DatabaseInUse(DatabaseError):
    """Another running TrialDesk holds this database open."""


class InstanceLock:
    """An exclusive lock held while this process has the database open; release() (or process exit) frees it."""

    def __init__(self, db_path: Path) -> None:
        self.path = Path(f"{db_path}.lock")
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock, or raise DatabaseInUse naming the holder (DatabaseError if the folder is read-only)."""
        try:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held open while the database is open
        except OSError as exc:
            raise DatabaseError(f"{self.path.parent} cannot be written ({exc.strerror or exc}); TrialDesk needs "
                                "write access to the database folder.") from exc
        if not _try_lock(handle):
            try:
                handle.seek(0)
                holder = handle.read().strip() or "another program"
            except OSError:
                holder = "another program"
            handle.close()
            raise DatabaseInUse(f"This database is already open in another TrialDesk window ({holder}). Close it "
                                "there first; two programs writing one study database could mix up the records.")
        handle.seek(0)
        handle.truncate()
        handle.write(f"PID {os.getpid()} on {socket.gethostname()} since "
                     f"{datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        """Free the lock (the file stays; it is harmless without the lock)."""
        if self._handle is not None:
            _unlock(self._handle)
            self._handle.close()
            self._handle = None


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
