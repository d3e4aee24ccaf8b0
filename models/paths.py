"""Where storage files live: the study databases in the user data folder, migrations and the default configuration.

Built on apppaths, so the frozen build (PyInstaller's _MEIPASS) and the TRIALDESK_DATA_DIR override work here too.
"""

from __future__ import annotations

from pathlib import Path

from apppaths import app_root, resource_path, user_data_dir


def migrations_dir() -> Path:
    """Alembic's script location inside the models package (bundled as data by pyinstaller.spec)."""
    return app_root() / "models" / "migrations"


def default_study_config_path() -> Path:
    """The study configuration shipped with the app (resources/study.toml)."""
    return resource_path("study.toml")


def default_database_path() -> Path:
    """The study database opened when no --db is given."""
    return user_data_dir() / "trialdesk.sqlite3"


def demo_database_path() -> Path:
    """The separate database opened by --demo."""
    return user_data_dir() / "trialdesk-demo.sqlite3"
