"""Write one subject's dossier (JSON) from a study database to standard output or a file."""

from __future__ import annotations

from commands.dossier_cmds import add_export_arguments as add_arguments
from commands.dossier_cmds import run_export as run

__all__ = ["add_arguments", "run"]
