"""What the top of a data-entry form says about the record: why it is read-only (a lock, or a role that cannot
change clinical data) and its electronic signatures (in force, or invalidated by a later change)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from models.locks import LockInfo
from models.security import Actor, Category, Role
from models.signatures import SignatureInfo, local_time

ROLE_WORDS = {Role.MONITOR: "a monitor", Role.ADMINISTRATOR: "an administrator", Role.COORDINATOR: "a coordinator",
              Role.INVESTIGATOR: "an investigator"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("FormNotices", text)


def lock_text(info: LockInfo) -> str:
    """"Locked: Visit W4 of LN-01 — <reason> (by admin, <local date time>). An administrator can unlock it.\""""
    return _tr("Locked: {0} — {1} (by {2}, {3}). An administrator can unlock it.").format(
        info.label, info.reason, info.locked_by, local_time(info.locked_at_utc))


def role_text(actor: Actor | None) -> str | None:
    """Why the signed-in user may only read clinical data, or None when they may change it (or nobody is
    signed in: the command line and self-test write with coordinator rights)."""
    if actor is None or actor.may_write(Category.CLINICAL):
        return None
    return _tr("Read-only: {0} cannot change clinical data.").format(_tr(ROLE_WORDS[actor.role]))


def _signed(info: SignatureInfo, what: str) -> str:
    return _tr("{0} by {1}, {2}, {3}").format(what, info.signer_full_name, local_time(info.signed_at_utc),
                                              _tr(info.meaning))


def _invalidated(info: SignatureInfo, what: str) -> str:
    return _tr("{0} of {1} ({2}) invalidated by a change on {3} ({4}: {5}); back on the to-sign list.").format(
        what, info.signer_full_name, local_time(info.signed_at_utc), local_time(info.invalidated_at_utc),
        info.invalidated_by, info.invalidated_reason)


def signature_lines(signatures: Iterable[SignatureInfo], visit_id: int | None,
                    visit_form: bool) -> list[tuple[str, bool]]:
    """(text, in force) for the visit's signature (a visit form of a saved visit) and the casebook's: the one in
    force, else the latest invalidated one. Nothing for items never signed."""
    out: list[tuple[str, bool]] = []
    items = [(visit_id, _tr("Signed"), _tr("Signature"))] if visit_form and visit_id is not None else []
    items.append((None, _tr("Casebook signed"), _tr("Casebook signature")))
    signatures = list(signatures)
    for item, signed_word, signature_word in items:
        mine = [s for s in signatures if s.visit_id == item]
        valid = next((s for s in reversed(mine) if s.valid), None)
        if valid is not None:
            out.append((_signed(valid, signed_word), True))
        elif mine:
            out.append((_invalidated(mine[-1], signature_word), False))
    return out
