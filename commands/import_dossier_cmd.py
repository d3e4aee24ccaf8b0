"""Import one subject's dossier (JSON) into a study database in one audited transaction."""

from __future__ import annotations

from commands.dossier_cmds import add_import_arguments as add_arguments
from commands.dossier_cmds import run_import as run

__all__ = ["add_arguments", "run"]
