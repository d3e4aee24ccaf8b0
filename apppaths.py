"""Where TrialDesk finds its bundled resources and keeps its user data, in a source run and in the frozen build.

Any layer may import this module (it only uses the standard library and platformdirs):

    resource_path("fonts", "NanumGothic.ttf")   # file under resources/
    user_data_dir()                             # default database, drafts, logs live below this

`TRIALDESK_DATA_DIR` overrides the user data folder (tests and benchmarks point it at a temporary folder).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "TrialDesk"
DATA_DIR_ENV = "TRIALDESK_DATA_DIR"


def app_root() -> Path:
    """The folder that holds resources/ and the packages: the repository, or PyInstaller's _internal folder."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent


def is_frozen() -> bool:
    """True when running from the PyInstaller build."""
    return bool(getattr(sys, "frozen", False))


def resource_path(*parts: str) -> Path:
    """Path of a file or folder under resources/ (not checked for existence)."""
    return app_root().joinpath("resources", *parts)


def user_data_dir() -> Path:
    """The per-user data folder (created if missing): default database, drafts, logs, backups."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    """Folder for the error log (created if missing)."""
    path = user_data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def drafts_dir() -> Path:
    """Folder for unsaved form drafts (created if missing)."""
    path = user_data_dir() / "drafts"
    path.mkdir(parents=True, exist_ok=True)
    return path
