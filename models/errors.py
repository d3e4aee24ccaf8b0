"""Errors the storage layer raises; each carries a message a user or a developer can act on."""

from __future__ import annotations

from endpoints.params import ConfigError


class DatabaseError(Exception):
    """The database file cannot be opened or used (wrong file, newer schema, missing file)."""


class ReasonRequired(Exception):
    """Saved data would be changed or deleted without a reason for change."""


class ImportRefused(Exception):
    """A dossier cannot be imported (subject exists and no reason to replace it, or conflicting data)."""


class SubjectNotFound(LookupError):
    """No subject has the given subject ID."""


class ValidationError(Exception):
    """Input refused; `errors` maps each field name to a plain-English message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = dict(errors)


class StudyConfigError(ConfigError):
    """A study configuration value is bad; names the file (or database), the key and the reason."""

    def __init__(self, file: str, key: str, reason: str) -> None:
        super().__init__(key, reason)
        self.file = file
        self.args = (f"{file}: {key}: {reason}",)

    def __str__(self) -> str:
        return self.args[0]
