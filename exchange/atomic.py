"""Files written under a temporary name next to the target and moved into place only when complete."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

Progress = Callable[[int, int], bool]
"""progress(done, total) -> False to cancel; called between subjects or tables."""


class ExportCancelled(Exception):
    """The progress callback asked to stop; nothing was left at the target path."""


def no_progress(_done: int, _total: int) -> bool:
    return True


@contextmanager
def written_in_place(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`; renamed to `target` when the block ends, removed if it raises."""
    target = Path(target)
    temporary = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
