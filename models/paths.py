"""Where TrialDesk's files live: the user data folder and the package's own resources (also when frozen)."""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "TrialDesk"


def _bundle_root() -> Path:
    """The folder holding models/ and resources/: PyInstaller's _MEIPASS when frozen, else the source tree."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def migrations_dir() -> Path:
    """Alembic's script location inside the models package."""
    return _bundle_root() / "models" / "migrations"


def default_study_config_path() -> Path:
    """The study configuration shipped with the app (resources/study.toml)."""
    return _bundle_root() / "resources" / "study.toml"


def user_data_dir() -> Path:
    """The per-user data folder (platformdirs, no author folder); created if missing."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False, ensure_exists=True)


def default_database_path() -> Path:
    """The study database opened when no --db is given."""
    return user_data_dir() / "trialdesk.sqlite3"


def demo_database_path() -> Path:
    """The separate database opened by --demo."""
    return user_data_dir() / "trialdesk-demo.sqlite3"
