"""Unsaved form input kept on disk so a crash or power cut never loses what was typed.

Each form owns a key (e.g. "register-subject", "edit-subject/LN-01", later "visit/LN-01/W4/labs"); its raw
field texts are written as JSON on every edit with an atomic replace, and removed once saved or discarded.
Drafts are kept per database, so a draft typed into the demo database is never offered in the real one, and
each names who typed it: `all()` lists only the signed-in user's drafts (and unsigned ones from older files).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

from apppaths import drafts_dir


@dataclass(frozen=True)
class Draft:
    """One saved draft: the form key, a title for the user, when it was written (UTC ISO), the field texts and who
    typed them ("" when unknown)."""

    key: str
    title: str
    saved_at_utc: str
    fields: dict[str, str]
    user: str = ""


class DraftStore:
    """A folder of JSON drafts, one file per form key; `user` is who types now (the window sets it at sign-in)."""

    def __init__(self, folder: Path, user: str = "") -> None:
        self.folder = folder
        self.user = user
        self.folder.mkdir(parents=True, exist_ok=True)

    @classmethod
    def for_database(cls, db_path: Path, root: Path | None = None) -> DraftStore:
        """The store for one database file (a folder named after a hash of its absolute path)."""
        digest = hashlib.sha256(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:16]
        return cls((root or drafts_dir()) / digest)

    def _file(self, key: str) -> Path:
        return self.folder / f"{quote(key, safe='')}.json"

    def save(self, key: str, title: str, fields: dict[str, str]) -> None:
        """Write (or replace) the draft for `key` atomically and durably."""
        payload = {
            "key": key,
            "title": title,
            "saved_at_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "fields": fields,
            "user": self.user,
        }
        fd, tmp_name = tempfile.mkstemp(prefix=".draft-", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, self._file(key))
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise

    def load(self, key: str) -> Draft | None:
        """The draft for `key`, or None when there is none (or it cannot be read)."""
        return self._read(self._file(key))

    def discard(self, key: str) -> None:
        """Forget the draft for `key` (after a successful save, or when the user throws it away)."""
        self._file(key).unlink(missing_ok=True)

    def all(self) -> list[Draft]:
        """Every readable draft typed by the current user (or by no one known), oldest first."""
        drafts = [d for d in (self._read(p) for p in sorted(self.folder.glob("*.json")))
                  if d is not None and d.user in ("", self.user)]
        return sorted(drafts, key=lambda d: d.saved_at_utc)

    def _read(self, path: Path) -> Draft | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            fields = {str(k): str(v) for k, v in dict(data["fields"]).items()}
            return Draft(str(data.get("key", unquote(path.stem))), str(data["title"]), str(data["saved_at_utc"]),
                         fields, str(data.get("user") or ""))
        except (OSError, ValueError, KeyError, TypeError):
            return None
