"""One running TrialDesk per database, however the file is named: exclusive OS locks on `<real file>.lock` beside
the database (symbolic links resolved; its text names the holder) and on `locks/<device>-<inode>.lock` in the
user data folder (the same file reached through a hard link has the same device and inode).

A database on read-only media takes no lock: nothing can write it there (it opens read-only, models.readonly).
The operating system drops a lock when the holding process ends (even by a crash), so a stale lock file left
behind never blocks anyone; its text (PID, host, since) is only there to explain who holds it.
"""

from __future__ import annotations

import os
import socket
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from apppaths import user_data_dir
from models.errors import DatabaseError
from models.readonly import is_read_only_location

WAIT_POLL_S = 0.25


class DatabaseInUse(DatabaseError):
    """Another running TrialDesk holds this database open."""


class InstanceLock:
    """An exclusive lock held while this process has the database open; release() (or process exit) frees it."""

    def __init__(self, db_path: Path) -> None:
        real = Path(db_path).resolve()
        self.path = Path(f"{real}.lock")
        self._inode = _inode_lock(real)
        self._read_only = real.exists() and is_read_only_location(real)
        self._handle: IO[str] | None = None
        self._inode_handle: IO[str] | None = None

    def acquire(self, wait_s: float = 0.0, on_wait: Callable[[str], None] | None = None) -> None:
        """Take the lock, or raise DatabaseInUse naming the holder (DatabaseError if the folder is read-only).

        With `wait_s`, a lock held by another program is waited for up to that many seconds; `on_wait` gets the
        holder's message once, before the wait starts."""
        if self._read_only:
            return  # read-only media: nobody can write this file, and no lock file can be made beside it
        deadline = time.monotonic() + wait_s
        told = False
        while True:
            try:
                self._acquire_once()
                return
            except DatabaseInUse as exc:
                if time.monotonic() >= deadline:
                    raise
                if on_wait is not None and not told:
                    on_wait(str(exc))
                    told = True
                time.sleep(WAIT_POLL_S)

    def _acquire_once(self) -> None:
        self._acquire_file()
        if self._inode is None:
            return
        try:
            self._inode.parent.mkdir(parents=True, exist_ok=True)
            handle = open(self._inode, "a+", encoding="utf-8")  # noqa: SIM115 - held while the database is open
        except OSError:
            return  # no user data folder to write: the lock beside the file still holds
        if not _try_lock(handle):
            handle.close()
            self.release()
            raise DatabaseInUse("This database is already open in another TrialDesk window, under another name (a "
                                "link to the same file). Close it there first; two programs writing one study "
                                "database could mix up the records.")
        self._inode_handle = handle

    def _acquire_file(self) -> None:
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
        """Free the locks (the files stay; they are harmless without the lock)."""
        for name in ("_handle", "_inode_handle"):
            handle = getattr(self, name, None)
            if handle is not None:
                _unlock(handle)
                handle.close()
                setattr(self, name, None)


def _inode_lock(real: Path) -> Path | None:
    try:
        stat = real.stat()
    except OSError:
        return None
    return user_data_dir() / "locks" / f"{stat.st_dev}-{stat.st_ino}.lock"


def lock_is_held(db_path: Path) -> bool:
    """Whether another process holds this database's lock now (without taking it for long or creating files)."""
    real = Path(db_path).resolve()
    for path in (Path(f"{real}.lock"), _inode_lock(real)):
        if path is None or not path.exists():
            continue
        try:
            handle = open(path, "a+" if os.access(path, os.W_OK) else "r", encoding="utf-8")  # noqa: SIM115
        except OSError:
            continue
        try:
            if not _try_lock(handle):
                return True
            _unlock(handle)
        finally:
            handle.close()
    return False


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
