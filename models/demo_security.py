"""Demo accounts, signatures, queries and SDV marks for the demo database (deterministic).

The demo passwords are public on purpose: the sign-in screen shows them, for the demo database only.
"""

from __future__ import annotations

from sqlalchemy import select

from models import schema as s
from models.queries import answer_query, mark_verified, raise_query
from models.security import Role
from models.signatures import MEANINGS, sign
from models.users import authenticate, create_first_administrator, create_user

DEMO_ACCOUNTS: tuple[tuple[str, str, Role, str], ...] = (
    ("admin", "Demo Administrator", Role.ADMINISTRATOR, "demo-admin-2026"),
    ("coordinator", "박지현 (Demo Coordinator)", Role.COORDINATOR, "demo-coord-2026"),
    ("investigator", "Dr 김민수 (Demo Investigator)", Role.INVESTIGATOR, "demo-inv-2026"),
    ("monitor", "Demo Monitor", Role.MONITOR, "demo-monitor-2026"),
)


def _visits(db, subject_id: str) -> list[s.Visit]:
    with db.read() as session:
        return list(session.scalars(select(s.Visit).join(s.Subject).where(s.Subject.subject_id == subject_id,
                                                                         s.Visit.date.is_not(None))
                                    .order_by(s.Visit.date)))


def _first_ln_ids(db) -> list[str]:
    """The first three LN subject IDs (LN-01… in a 10-subject demo, LN-001… in a large one)."""
    with db.read() as session:
        return list(session.scalars(select(s.Subject.subject_id).where(s.Subject.subgroup == "LN")
                                    .order_by(s.Subject.subject_id).limit(3)))


def add_demo_security(db) -> None:
    """Create the four demo accounts, then, on the first three LN subjects (LN-01, LN-02, LN-03 in the demo):
    LN-01 casebook and a visit signed, an LN-02 visit signed and later changed (back on the to-sign list), an
    answered query and open ones (a visit date, a haemoglobin, a SLEDAI-2K descriptor with a Hangul message, an
    adverse event's grade), SDV marks on LN-01's first visit."""
    admin_name, admin_full, _, admin_pw = DEMO_ACCOUNTS[0]
    admin = create_first_administrator(db, admin_name, admin_full, admin_pw)
    for username, full_name, role, password in DEMO_ACCOUNTS[1:]:
        create_user(db, admin, username, full_name, role, password)
    actors = {name: authenticate(db, name, pw) for name, _, _, pw in DEMO_ACCOUNTS}
    investigator_pw = DEMO_ACCOUNTS[2][3]
    ids = _first_ln_ids(db)
    if len(ids) < 3:
        return
    id1, id2, id3 = ids
    ln01, ln02 = _visits(db, id1), _visits(db, id2)
    if ln01:
        sign(db, actors["investigator"], investigator_pw, subject_id=id1, visit_id=ln01[0].id,
             meaning=MEANINGS[0])
        for field, value in (("date", ln01[0].date.isoformat()), ("weight_kg", str(ln01[0].weight_kg))):
            mark_verified(db, actors["monitor"], subject_id=id1, table="visits", record_id=ln01[0].id,
                          field=field, value_text=value)
    sign(db, actors["investigator"], investigator_pw, subject_id=id1, meaning=MEANINGS[0])
    if len(ln02) > 1:
        visit = ln02[1]
        sign(db, actors["investigator"], investigator_pw, subject_id=id2, visit_id=visit.id, meaning=MEANINGS[0])
        query = raise_query(db, actors["monitor"], subject_id=id2, table="visits", record_id=visit.id,
                            field="weight_kg", label=f"{visit.code} weight (kg)",
                            text="The weight differs from the source document by 0.5 kg. Please check.")
        with db.write(actors["coordinator"], "transcription error (source document checked)") as uow:
            row = uow.session.get(s.Visit, visit.id)
            row.weight_kg = round((row.weight_kg or 60.0) + 0.5, 1)
        answer_query(db, actors["coordinator"], query.query_id, "Corrected from the source document. 확인했습니다.")
    ln03 = _visits(db, id3)
    if ln03:
        raise_query(db, actors["monitor"], subject_id=id3, table="visits", record_id=ln03[-1].id,
                    field="date", label=f"{ln03[-1].code} visit date",
                    text="The visit is outside its window; is the date right?")
    if ln01:
        raise_query(db, actors["monitor"], subject_id=id1, table="visits", record_id=ln01[-1].id,
                    field="hemoglobin_g_dl", label="Haemoglobin",
                    text="The lab report says 10.9 g/dL.\nPlease check the transcription.")
    if len(ln02) > 2:
        raise_query(db, actors["monitor"], subject_id=id2, table="visits", record_id=ln02[2].id,
                    field="sledai.rash", label="SLEDAI-2K: Rash",
                    text="발진이 진료 기록에 없습니다. The clinic note does not mention a rash; please confirm.")
    with db.read() as session:
        event = session.scalars(select(s.AdverseEvent).order_by(s.AdverseEvent.id).limit(1)).first()
        subject_id = event.subject.subject_id if event is not None else None
    if event is not None:
        raise_query(db, actors["monitor"], subject_id=subject_id, table="adverse_events", record_id=event.id,
                    field="grade", label="Grade", text="The CTCAE grade differs from the source. Please check.")
