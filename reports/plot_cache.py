"""Printed plot images cached on disk per subject and data version, so a plot is drawn once and a reprint (a
binder after a few corrections) only redraws the subjects whose data changed.

The key is a SHA-256 over everything a plot depends on: the dossier, the protocol parameters, the as-of date,
the resolution, the print's language, and the compiled code of the plot and font modules (a new TrialDesk
version draws again). One file per key in `<user data folder>/cache/plots/`: a JSON header line (title, size in
inches, byte count of each image) followed by the PNG bytes. The newest `KEEP` files are kept. A cache that
cannot be read or written is ignored (the plots are drawn).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import marshal
import os
import tempfile
import types
from datetime import date
from pathlib import Path

from apppaths import user_data_dir
from reports.texts import print_lang

KEEP = 2000
Images = tuple[tuple[str, bytes, float, float], ...]  # (title, PNG bytes, width in, height in)


def cache_dir() -> Path:
    return user_data_dir() / "cache" / "plots"


@functools.cache
def _code_version() -> str:
    from reports import fonts, plots

    codes = [obj.__code__ for module in (plots, fonts) for obj in vars(module).values()
             if isinstance(obj, types.FunctionType) and obj.__module__ == module.__name__]
    return hashlib.sha256(marshal.dumps(codes)).hexdigest()


def _canonical(value: object) -> object:
    """A JSON-able form of a value whose text does not depend on set order or the hash seed."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return sorted([str(k), _canonical(v)] for k, v in value.items())
    if isinstance(value, (set, frozenset)):
        return sorted((_canonical(v) for v in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if isinstance(value, (date, float)):
        return repr(value)
    return value


def plot_key(dossier: object, params: object, as_of: date | None, dpi: int) -> str:
    """The cache key of one subject's plots."""
    text = json.dumps([_canonical(dossier), _canonical(params), repr(as_of), dpi, _code_version(), print_lang()],
                      default=repr)
    return hashlib.sha256(text.encode()).hexdigest()


def load(folder: Path, key: str) -> Images | None:
    """The cached images of `key`, or None."""
    try:
        with open(folder / f"{key}.plots", "rb") as f:
            header = json.loads(f.readline())
            return tuple((title, f.read(size), width, height) for title, width, height, size in header)
    except (OSError, ValueError):
        return None


def store(folder: Path, key: str, images: Images) -> None:
    """Keep the images of `key` (written to a temporary file and renamed: a reader never sees half a file)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        header = json.dumps([[title, width, height, len(png)] for title, png, width, height in images])
        fd, temp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(header.encode() + b"\n" + b"".join(png for _, png, _, _ in images))
        os.replace(temp, folder / f"{key}.plots")
        files = list(folder.glob("*.plots"))
        if len(files) > KEEP:
            for old in sorted(files, key=lambda p: p.stat().st_mtime)[:-KEEP]:
                old.unlink(missing_ok=True)
    except OSError:
        return
