"""Load a study configuration file (TOML) into protocol parameters, with errors that name file, key and reason.

Only the `[protocol]` table is read here (endpoints.md §6 through `endpoints.params.params_from_mapping`); a
`[study]` table may be present and is left to the storage layer.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from apppaths import resource_path
from endpoints.params import ConfigError, ProtocolParams, params_from_mapping

_KNOWN_TABLES = ("study", "protocol")


class ConfigFileError(ValueError):
    """A study configuration file cannot be used: `file`, `key` (or "(file)") and `reason` say why."""

    def __init__(self, file: Path | str, key: str, reason: str) -> None:
        super().__init__(f"{file}: {key}: {reason}")
        self.file = str(file)
        self.key = key
        self.reason = reason


def default_config_path() -> Path:
    """The study configuration shipped with TrialDesk (resources/study.toml)."""
    return resource_path("study.toml")


def load_params(path: Path | str | None = None) -> ProtocolParams:
    """Protocol parameters from the `[protocol]` table of `path` (default: resources/study.toml).

    Raises ConfigFileError for an unreadable file, invalid TOML, an unknown table or a bad parameter.
    """
    file = Path(path) if path is not None else default_config_path()
    try:
        text = file.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ConfigFileError(file, "(file)", f"cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigFileError(file, "(file)", "is not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigFileError(file, "(file)", f"is not valid TOML ({exc})") from None
    for table in data:
        if table not in _KNOWN_TABLES:
            raise ConfigFileError(file, table, "unknown table (expected [study] and [protocol])")
    protocol = data.get("protocol", {})
    if not isinstance(protocol, dict):
        raise ConfigFileError(file, "protocol", "must be a table")
    try:
        return params_from_mapping(protocol)
    except ConfigError as exc:
        raise ConfigFileError(file, f"protocol.{exc.key}", exc.reason) from None
