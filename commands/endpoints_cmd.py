"""Evaluate the protocol endpoints of one or more subject dossiers (JSON) and print the results as JSON.

    python main.py endpoints DOSSIER.json [MORE.json ... | FOLDER] [--as-of YYYY-MM-DD] [--config STUDY.toml]

One file: one JSON object. Several files or a folder (its *.json files in name order): JSON Lines, each with a
"file" key. A malformed dossier gets one plain line on standard error (file, JSON path, reason) and exit
status 2; in JSON Lines mode its output line is {"file": ..., "error": ...} and the others are still evaluated.
A fault of the engine on a well-formed dossier is reported the same way with exit status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from endpoints.dossier import Dossier

EXIT_BAD_INPUT = 2
EXIT_INTERNAL_ERROR = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="DOSSIER",
                        help="dossier JSON files, or one folder of *.json dossiers")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="evaluation date (overrides each dossier's as_of)")
    parser.add_argument("--config", type=Path, metavar="STUDY.toml",
                        help="study configuration with the protocol parameters (default: resources/study.toml)")


class _BadInput(Exception):
    """One line for standard error; `reason` is what goes into the JSON Lines error object."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def run(args: argparse.Namespace) -> int:
    from commands.config_file import ConfigFileError, load_params
    from endpoints.dossier_json import DossierError, parse_date

    try:
        as_of = parse_date(args.as_of, "--as-of") if args.as_of is not None else None
        params = load_params(args.config)
        files, lines = _expand(args.paths)
    except (DossierError, ConfigFileError, _BadInput) as exc:
        _complain(str(exc))
        return EXIT_BAD_INPUT

    status = 0
    for file in files:
        try:
            dossier = _read_dossier(file)
            from endpoints.evaluate import evaluate_subject

            output: dict[str, Any] = evaluate_subject(dossier, params, as_of=as_of).to_json()
        except _BadInput as exc:
            _complain(f"{file}: {exc.reason}")
            status = EXIT_BAD_INPUT
            output = {"error": exc.reason}
        except Exception as exc:  # an engine fault must not stop the other dossiers of a batch
            reason = f"internal error while evaluating ({type(exc).__name__}: {exc})"
            _complain(f"{file}: {reason}")
            status = status or EXIT_INTERNAL_ERROR
            output = {"error": reason}
        if lines:
            print(json.dumps({"file": str(file), **output}))
        elif "error" not in output:
            print(json.dumps(output, indent=2))
    sys.stdout.flush()
    return status


def _expand(paths: list[Path]) -> tuple[list[Path], bool]:
    """The dossier files to evaluate and whether output is JSON Lines."""
    if len(paths) == 1 and not paths[0].is_dir():
        return paths, False
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix == ".json" and p.is_file())
            if not found:
                raise _BadInput(f"{path}: folder has no *.json dossiers")
            files.extend(found)
        else:
            files.append(path)
    return files, True


def _read_dossier(file: Path) -> Dossier:
    from endpoints.dossier_json import DossierError, dossier_from_json, json_from_text

    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise _BadInput(f"cannot be read ({exc.strerror or exc})") from None
    try:
        return dossier_from_json(json_from_text(raw.decode("utf-8")))
    except UnicodeDecodeError:
        raise _BadInput("$: not UTF-8 text") from None
    except DossierError as exc:
        raise _BadInput(str(exc)) from None


def _complain(line: str) -> None:
    print(" ".join(line.split()), file=sys.stderr)
