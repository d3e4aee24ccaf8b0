"""Electronic signatures (21 CFR 11.50/11.200): the investigator signs a visit or a subject's casebook by
re-entering the password, with a meaning. Changing signed data later needs a reason, invalidates the signature
(the row stays, as history) and puts the item back on the investigator's to-sign list.

    sign(db, investigator, password, subject_id="LN-01", visit_id=12, meaning=MEANINGS[0])
    signatures_of(db, "LN-01")          # every signature, valid and invalidated (history)
    to_sign(db)                         # visits and casebooks waiting for a (new) signature
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from endpoints.formatting import local_time
from models.errors import ReasonRequired, SubjectNotFound, ValidationError
from models.schema import SignatureRow, Subject, Visit, utc_timestamp
from models.security import Action, Actor
from models.users import confirm_password
from models.write_scope import touched_clinical

MEANINGS = ("reviewed and approved", "authorship: data entered or confirmed by me", "reviewed, corrections required")


@dataclass(frozen=True)
class SignatureInfo:
    """One signature as shown on screen and in PDFs (`valid` false once invalidated)."""

    signature_id: int
    subject_id: str
    visit_id: int | None
    visit_code: str | None
    signer_username: str
    signer_full_name: str
    meaning: str
    signed_at_utc: str
    invalidated_at_utc: str | None
    invalidated_by: str | None
    invalidated_reason: str | None

    @property
    def valid(self) -> bool:
        return self.invalidated_at_utc is None

    @property
    def item(self) -> str:
        return f"{self.subject_id} visit {self.visit_code}" if self.visit_id is not None else \
            f"{self.subject_id} casebook"


@dataclass(frozen=True)
class ToSign:
    """A visit (visit_id set) or casebook waiting for a signature; `previously_signed` when one was invalidated."""

    subject_id: str
    visit_id: int | None
    visit_code: str | None
    visit_date: str | None
    previously_signed: bool


def manifestation(info: SignatureInfo) -> str:
    """The signature as shown and printed (21 CFR 11.50): printed name, date and time, meaning; and, for an
    invalidated one, when, by whom and why."""
    text = (f"Electronically signed by {info.signer_full_name} ({info.signer_username}) on "
            f"{local_time(info.signed_at_utc)} — meaning: {info.meaning}")
    if not info.valid:
        text += (f"\nINVALIDATED {local_time(info.invalidated_at_utc)} by {info.invalidated_by}: "
                 f"{info.invalidated_reason}")
    return text


def _info(row: SignatureRow) -> SignatureInfo:
    return SignatureInfo(row.id, row.subject_id, row.visit_id, row.visit_code, row.signer_username,
                         row.signer_full_name, row.meaning, row.signed_at_utc, row.invalidated_at_utc,
                         row.invalidated_by, row.invalidated_reason)


def sign(db, actor: Actor, password: str, *, subject_id: str, meaning: str,
         visit_id: int | None = None) -> SignatureInfo:
    """Sign a visit (visit_id) or the subject's casebook (visit_id None): investigators only, password re-entered."""
    actor.require(Action.SIGN)
    if meaning not in MEANINGS:
        raise ValidationError({"meaning": "Choose the meaning of the signature."})
    confirm_password(db, actor, password)
    with db.read() as session:
        subject = session.scalars(select(Subject).where(Subject.subject_id == subject_id)).first()
        if subject is None:
            raise SubjectNotFound(subject_id)
        visit_code = None
        if visit_id is not None:
            visit = session.get(Visit, visit_id)
            if visit is None or visit.subject_pk != subject.id:
                raise ValidationError({"visit_id": "No such visit of this subject."})
            if visit.date is None and not visit.missed:
                raise ValidationError({"visit_id": "This visit has no data yet."})
            visit_code = visit.code
    row = SignatureRow(subject_id=subject_id, visit_id=visit_id, visit_code=visit_code, signer_username=actor.name,
                       signer_full_name=actor.display_name, meaning=meaning, signed_at_utc=utc_timestamp(db.clock()))
    with db.write(actor) as uow:
        if uow.session.scalars(_valid(subject_id, visit_id)).first() is not None:
            raise ValidationError({"visit_id": "This is already signed; its signature is in force."})
        uow.session.add(row)
    return _info(row)


def _valid(subject_id: str, visit_id: int | None):
    query = select(SignatureRow).where(SignatureRow.subject_id == subject_id,
                                       SignatureRow.invalidated_at_utc.is_(None))
    return query.where(SignatureRow.visit_id.is_(None) if visit_id is None else SignatureRow.visit_id == visit_id)


def signatures_of(db, subject_id: str) -> list[SignatureInfo]:
    """Every signature of the subject (visits and casebook), valid and invalidated, oldest first."""
    with db.read() as session:
        rows = session.scalars(select(SignatureRow).where(SignatureRow.subject_id == subject_id)
                               .order_by(SignatureRow.id))
        return [_info(r) for r in rows]


def valid_signature(db, subject_id: str, visit_id: int | None = None) -> SignatureInfo | None:
    """The signature in force for this visit (or casebook), if any."""
    with db.read() as session:
        row = session.scalars(_valid(subject_id, visit_id)).first()
        return _info(row) if row is not None else None


def to_sign(db) -> list[ToSign]:
    """Visits with data and casebooks without a valid signature, invalidated ones first, then by subject."""
    with db.read() as session:
        signed = {(r.subject_id, r.visit_id) for r in session.scalars(
            select(SignatureRow).where(SignatureRow.invalidated_at_utc.is_(None)))}
        ever = {(r.subject_id, r.visit_id) for r in session.scalars(select(SignatureRow))}
        items = []
        for subject_id, visit_id, code, date in session.execute(
                select(Subject.subject_id, Visit.id, Visit.code, Visit.date).join(Visit, Visit.subject_pk == Subject.id)
                .where((Visit.date.is_not(None)) | Visit.missed).order_by(Subject.subject_id, Visit.date)):
            if (subject_id, visit_id) not in signed:
                items.append(ToSign(subject_id, visit_id, code, date.isoformat() if date else None,
                                    (subject_id, visit_id) in ever))
        for (subject_id,) in session.execute(select(Subject.subject_id).order_by(Subject.subject_id)):
            if (subject_id, None) not in signed:
                items.append(ToSign(subject_id, None, None, None, (subject_id, None) in ever))
    return sorted(items, key=lambda t: (not t.previously_signed, t.subject_id, t.visit_id is None))


def invalidate_changed_signatures(session: Session, actor: Actor, reason: str | None) -> None:
    """Write guard: a change to signed clinical data needs a reason and invalidates the signatures it touches
    (the visit's and the subject's casebook)."""
    touched = touched_clinical(session)
    if not touched:
        return
    query = select(SignatureRow).where(SignatureRow.invalidated_at_utc.is_(None),
                                       SignatureRow.subject_id.in_(touched.subjects))
    hits = [r for r in session.scalars(query) if r.visit_id is None or r.visit_id in touched.visits]
    if not hits:
        return
    if reason is None:
        raise ReasonRequired(f"{_info(hits[0]).item} is signed: a reason is required to change it, and the "
                             "signature will be invalidated.")
    at = utc_timestamp(session.info["trialdesk_clock"]())
    for row in hits:
        row.invalidated_at_utc, row.invalidated_by, row.invalidated_reason = at, actor.name, reason
