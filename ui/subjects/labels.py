"""What the user sees for the stored codes of the registry (subgroup, sex, status)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from endpoints import vocab


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def subgroup_label(code: str | None) -> str:
    names = {"LN": _tr("LN (lupus nephritis)"), "LC": _tr("LC (lupus cytopenia)")}
    return names.get(code or "", code or "")


def sex_label(code: str | None) -> str:
    names = {"F": _tr("Female"), "M": _tr("Male")}
    return names.get(code or "", code or "")


def status_label(code: str | None) -> str:
    names = {
        "screening": _tr("Screening"),
        "enrolled": _tr("Enrolled"),
        "screen_failure": _tr("Screen failure"),
        "withdrawn": _tr("Withdrawn"),
        "completed": _tr("Completed"),
    }
    return names.get(code or "", code or "")


SUBGROUPS = vocab.SUBGROUPS
SEXES = vocab.SEXES
STATUSES = vocab.SUBJECT_STATUSES
