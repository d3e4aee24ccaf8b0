"""The study configuration (TOML): parsed into protocol parameters and the study's identity.

A new database stores the text of the configuration in force; from then on the stored copy is what counts
(models.database reads it back through `parse_study_config`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from endpoints.params import ConfigError, ProtocolParams, params_from_mapping
from models.errors import StudyConfigError

STUDY_KEYS = ("protocol", "title", "site", "version")


@dataclass(frozen=True)
class StudyConfig:
    """A parsed study configuration: parameters, the [study] table, the exact text and where it came from."""

    params: ProtocolParams
    study: dict[str, str]
    toml_text: str
    source: str

    @property
    def label(self) -> str:
        """One line naming the configuration, e.g. for the window's status bar."""
        return f"{self.study.get('protocol', '?')}, configuration version {self.study.get('version', '?')}"


def _parse_study_table(raw: Any, source: str) -> dict[str, str]:
    if not isinstance(raw, Mapping):
        raise StudyConfigError(source, "study", "must be a table with protocol, title, site and version")
    unknown = sorted(set(raw) - set(STUDY_KEYS))
    if unknown:
        raise StudyConfigError(source, f"study.{unknown[0]}", "unknown key")
    out: dict[str, str] = {}
    for key in STUDY_KEYS:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise StudyConfigError(source, f"study.{key}", "must be a non-empty text")
        out[key] = value
    return out


def _config_tables(text: str, source: str) -> dict[str, Any]:
    """The TOML document, with only the [study] and [protocol] tables allowed."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise StudyConfigError(source, "(file)", f"not valid TOML: {exc}") from None
    unknown = sorted(set(data) - {"study", "protocol"})
    if unknown:
        raise StudyConfigError(source, unknown[0], "unknown table (expected [study] and [protocol])")
    return data


def _protocol_params(data: Mapping[str, Any], source: str) -> ProtocolParams:
    protocol = data.get("protocol", {})
    if not isinstance(protocol, Mapping):
        raise StudyConfigError(source, "protocol", "must be a table")
    try:
        return params_from_mapping(protocol)
    except StudyConfigError:
        raise
    except ConfigError as exc:
        raise StudyConfigError(source, f"protocol.{exc.key}", exc.reason) from None


def parse_study_config(text: str, source: str) -> StudyConfig:
    """Parse configuration text; `source` names the file (or database) in any error message."""
    data = _config_tables(text, source)
    study = _parse_study_table(data.get("study"), source)
    params = _protocol_params(data, source)
    return StudyConfig(params=params, study=study, toml_text=text, source=source)


def parse_protocol_params(text: str, source: str) -> ProtocolParams:
    """Only the protocol parameters of configuration text (endpoints.md §6); the [study] table may be absent or
    incomplete and is not checked. Errors as for `parse_study_config`."""
    return _protocol_params(_config_tables(text, source), source)


def read_config_text(path: Path) -> str:
    """The text of a configuration file (UTF-8); StudyConfigError(path, "(file)", reason) when unreadable."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise StudyConfigError(str(path), "(file)", f"cannot be read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise StudyConfigError(str(path), "(file)", "is not UTF-8 text") from None


def load_study_config_file(path: Path) -> StudyConfig:
    """Read and parse a configuration file (UTF-8)."""
    return parse_study_config(read_config_text(path), str(path))
