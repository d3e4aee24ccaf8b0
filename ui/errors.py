"""Programming errors: logged with their traceback to a file in the user data folder, a short message on screen."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from apppaths import log_dir

LOGGER_NAME = "trialdesk"


def setup_logging(folder: Path | None = None) -> Path:
    """Send the `trialdesk` logger to trialdesk.log (rotated at 1 MB, 5 kept); return the log file's path."""
    path = (folder or log_dir()) / "trialdesk.log"
    logger = logging.getLogger(LOGGER_NAME)
    if not any(isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path for h in logger.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path


def install_excepthook(log_path: Path) -> None:
    """Replace sys.excepthook: log the traceback, tell the user briefly, keep the application running."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        logging.getLogger(LOGGER_NAME).error("Unhandled error\n%s", text)
        sys.stderr.write(text)
        if QApplication.instance() is not None:
            QMessageBox.critical(
                None,
                QCoreApplication.translate("errors", "TrialDesk: unexpected error"),
                QCoreApplication.translate(
                    "errors", "Something went wrong inside TrialDesk ({0}). Your saved data is safe.\n"
                              "Details were written to:\n{1}").format(exc_type.__name__, log_path),
            )

    sys.excepthook = hook
