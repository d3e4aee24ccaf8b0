"""Load a study configuration file (TOML) into protocol parameters, with errors that name file, key and reason.

Only the `[protocol]` table is read (endpoints.md §6); a `[study]` table may be present and is left to the storage
layer. The parsing is models.config's, the one parser of the study configuration; this module adds the default
file and the command line's error type.
"""

from __future__ import annotations

from pathlib import Path

from endpoints.params import ProtocolParams
from models.config import parse_protocol_params, read_config_text
from models.errors import StudyConfigError
from models.paths import default_study_config_path


class ConfigFileError(StudyConfigError):
    """A study configuration file cannot be used: `file`, `key` (or "(file)") and `reason` say why."""


def default_config_path() -> Path:
    """The study configuration shipped with TrialDesk (resources/study.toml)."""
    return default_study_config_path()


def load_params(path: Path | str | None = None) -> ProtocolParams:
    """Protocol parameters from the `[protocol]` table of `path` (default: resources/study.toml).

    Raises ConfigFileError for an unreadable file, invalid TOML, an unknown table or a bad parameter.
    """
    file = Path(path) if path is not None else default_config_path()
    try:
        return parse_protocol_params(read_config_text(file), str(file))
    except StudyConfigError as exc:
        raise ConfigFileError(exc.file, exc.key, exc.reason) from None
