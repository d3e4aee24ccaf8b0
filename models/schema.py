"""The tables of a TrialDesk study database (SQLAlchemy 2.x typed models).

Every entity and field of endpoints/dossier.py has a home here, plus what only the registry keeps
(screening number, notes, withdrawal reason, status history), the audit trail and the stored study
configuration. The schema itself is owned by Alembic (models/migrations); these classes must match it.

Study-data classes derive from `Audited`: the write path (models.audit) records every insert, update and
delete of them. `audit_subject_id` names the subject a row belongs to.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

CHILD = "all, delete-orphan"
AUTOINCREMENT = {"sqlite_autoincrement": True}  # a deleted row's id is never given to a new row


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Audited:
    """Marker for study data: every change to these rows is written to the audit trail.

    `row_version` counts the saves of the row: every UPDATE and DELETE names the version it read (SQLAlchemy's
    version counter; models.audit raises it), so a save based on an older read changes nothing and is refused
    (models.concurrency). It is bookkeeping, not data: the audit trail does not record it."""

    row_version: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - declarative passes the class
        return {"version_id_col": cls.row_version, "version_id_generator": False}

    @property
    def audit_subject_id(self) -> str | None:
        raise NotImplementedError


class SubjectChild(Audited):
    """A row that belongs to a subject through its `subject` relationship."""

    @property
    def audit_subject_id(self) -> str | None:
        subject = getattr(self, "subject", None)
        return subject.subject_id if subject is not None else None


class VisitChild(Audited):
    """A row that belongs to a visit through its `visit` relationship."""

    @property
    def audit_subject_id(self) -> str | None:
        visit = getattr(self, "visit", None)
        return visit.audit_subject_id if visit is not None else None


class Subject(Audited, Base):
    __tablename__ = "subjects"
    __table_args__ = AUTOINCREMENT

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[str] = mapped_column(String(20), unique=True)
    screening_number: Mapped[str | None] = mapped_column(String(20), unique=True)
    subgroup: Mapped[str] = mapped_column(String(2))
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    consent_date: Mapped[dt.date | None] = mapped_column(Date)
    withdrawal_date: Mapped[dt.date | None] = mapped_column(Date)
    withdrawal_reason: Mapped[str | None] = mapped_column(Text)
    death_date: Mapped[dt.date | None] = mapped_column(Date)
    initials: Mapped[str | None] = mapped_column(String(20))
    weight_kg: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str | None] = mapped_column(Text)
    steroid_log_complete_through: Mapped[dt.date | None] = mapped_column(Date)
    extensions_json: Mapped[str | None] = mapped_column(Text)
    death_cause: Mapped[str | None] = mapped_column(Text)

    status_history: Mapped[list[StatusChange]] = relationship(
        back_populates="subject", cascade=CHILD, order_by="StatusChange.id"
    )
    infusions: Mapped[list[Infusion]] = relationship(back_populates="subject", cascade=CHILD, order_by="Infusion.id")
    visits: Mapped[list[Visit]] = relationship(back_populates="subject", cascade=CHILD, order_by="Visit.id")
    steroids: Mapped[list[SteroidRow]] = relationship(
        back_populates="subject", cascade=CHILD, order_by="SteroidRow.id"
    )
    medications: Mapped[list[Medication]] = relationship(
        back_populates="subject", cascade=CHILD, order_by="Medication.id"
    )
    hospitalisations: Mapped[list[Hospitalisation]] = relationship(
        back_populates="subject", cascade=CHILD, order_by="Hospitalisation.id"
    )
    renal_replacement: Mapped[list[RenalReplacement]] = relationship(
        back_populates="subject", cascade=CHILD, order_by="RenalReplacement.id"
    )
    events: Mapped[list[FlareEvent]] = relationship(back_populates="subject", cascade=CHILD, order_by="FlareEvent.id")
    adverse_events: Mapped[list[AdverseEvent]] = relationship(
        back_populates="subject", cascade=CHILD, order_by="AdverseEvent.id"
    )
    schedule_changes: Mapped[list[ScheduleChange]] = relationship(
        back_populates="subject", cascade=CHILD, order_by="ScheduleChange.id"
    )
    confirmations: Mapped[list[SubjectConfirmation]] = relationship(
        back_populates="subject", cascade=CHILD, order_by="SubjectConfirmation.id"
    )

    @property
    def audit_subject_id(self) -> str | None:
        return self.subject_id


class StatusChange(SubjectChild, Base):
    """One entry of a subject's status history (status, date it took effect, reason, who, when)."""

    __tablename__ = "status_history"
    __table_args__ = AUTOINCREMENT

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_pk: Mapped[int] = mapped_column(ForeignKey("subjects.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    status_date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)
    changed_by: Mapped[str] = mapped_column(String(100))
    changed_at_utc: Mapped[str] = mapped_column(String(32))

    subject: Mapped[Subject] = relationship(back_populates="status_history")


class Infusion(SubjectChild, Base):
    __tablename__ = "infusions"
    __table_args__ = (UniqueConstraint("subject_pk", "number"), AUTOINCREMENT)

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_pk: Mapped[int] = mapped_column(ForeignKey("subjects.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    planned_date: Mapped[dt.date | None] = mapped_column(Date)
    date: Mapped[dt.date | None] = mapped_column(Date)
    weight_kg: Mapped[float | None] = mapped_column(Float)
    dose_cells: Mapped[float | None] = mapped_column(Float)
    completion: Mapped[str | None] = mapped_column(String(10))
    weight_date: Mapped[dt.date | None] = mapped_column(Date)
    lot_number: Mapped[str | None] = mapped_column(String(40))
    start_time: Mapped[str | None] = mapped_column(String(5))  # "HH:MM", local clock
    end_time: Mapped[str | None] = mapped_column(String(5))
    pre_systolic_bp_mmhg: Mapped[int | None] = mapped_column(Integer)
    pre_diastolic_bp_mmhg: Mapped[int | None] = mapped_column(Integer)
    pre_pulse_bpm: Mapped[int | None] = mapped_column(Integer)
    pre_temperature_c: Mapped[float | None] = mapped_column(Float)
    post_systolic_bp_mmhg: Mapped[int | None] = mapped_column(Integer)
    post_diastolic_bp_mmhg: Mapped[int | None] = mapped_column(Integer)
    post_pulse_bpm: Mapped[int | None] = mapped_column(Integer)
    post_temperature_c: Mapped[float | None] = mapped_column(Float)
    reaction: Mapped[bool | None] = mapped_column(Boolean)
    reaction_text: Mapped[str | None] = mapped_column(Text)
    fraction_given: Mapped[float | None] = mapped_column(Float)  # 0-1, for completion "partial"
    not_given_reason: Mapped[str | None] = mapped_column(Text)

    subject: Mapped[Subject] = relationship(back_populates="infusions")


class ScheduleChange(SubjectChild, Base):
    """A change of an infusion's planned or actual date (field "planned" or "actual"), with its reason."""

    __tablename__ = "schedule_changes"
    __table_args__ = AUTOINCREMENT

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_pk: Mapped[int] = mapped_column(ForeignKey("subjects.id", ondelete="CASCADE"), index=True)
    infusion_number: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(12))
    old_date: Mapped[dt.date | None] = mapped_column(Date)
    new_date: Mapped[dt.date | None] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)
    changed_by: Mapped[str] = mapped_column(String(100))
    changed_at_utc: Mapped[str] = mapped_column(String(32))

    subject: Mapped[Subject] = relationship(back_populates="schedule_changes")


class Visit(SubjectChild, Base):
    """One performed or missed visit, with the single-answer items (PGA, sediment, SFI and LLDAS questions)."""

    __tablename__ = "visits"
    # partial on a server too (the migrations say postgresql_where); not said here, where naming a PostgreSQL
    # option would import SQLAlchemy's PostgreSQL dialect (17 ms) on every start of the laptop app
    __table_args__ = (
        Index("uq_visits_subject_code", "subject_pk", "code", unique=True, sqlite_where=text("code != 'UNS'")),
        AUTOINCREMENT,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_pk: Mapped[int] = mapped_column(ForeignKey("subjects.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(6))
    date: Mapped[dt.date | None] = mapped_column(Date)
    missed: Mapped[bool] = mapped_column(Boolean, default=False)
    missed_reason: Mapped[str | None] = mapped_column(Text)
    weight_kg: Mapped[float | None] = mapped_column(Float)
    pga_tenths: Mapped[int | None] = mapped_column(Integer)
    sediment_inactive: Mapped[bool | None] = mapped_column(Boolean)
    sfi_cns: Mapped[bool | None] = mapped_column(Boolean)
    sfi_vasculitis: Mapped[bool | None] = mapped_column(Boolean)
    sfi_nephritis: Mapped[bool | None] = mapped_column(Boolean)
    sfi_myositis: Mapped[bool | None] = mapped_column(Boolean)
    sfi_worse_thrombocytopenia: Mapped[bool | None] = mapped_column(Boolean)
    lldas_hemolytic_anemia_active: Mapped[bool | None] = mapped_column(Boolean)
    lldas_gi_activity_active: Mapped[bool | None] = mapped_column(Boolean)
    lldas_new_non_sledai_activity: Mapped[bool | None] = mapped_column(Boolean)
    lldas_maintenance_is_standard_tolerated: Mapped[bool | None] = mapped_column(Boolean)
    systolic_bp_mmhg: Mapped[int | None] = mapped_column(Integer)
    diastolic_bp_mmhg: Mapped[int | None] = mapped_column(Integer)
    pulse_bpm: Mapped[int | None] = mapped_column(Integer)
    temperature_c: Mapped[float | None] = mapped_column(Float)
    comment: Mapped[str | None] = mapped_column(Text)
    entry_status: Mapped[str | None] = mapped_column(String(10))  # "draft" | "complete"; NULL = imported
    window_comment: Mapped[str | None] = mapped_column(Text)  # why the visit date is outside its window

    subject: Mapped[Subject] = relationship(back_populates="visits")
    labs: Mapped[list[LabValue]] = relationship(back_populates="visit", cascade=CHILD, order_by="LabValue.id")
    sledai: Mapped[SledaiForm | None] = relationship(back_populates="visit", cascade=CHILD)
    bilag: Mapped[BilagForm | None] = relationship(back_populates="visit", cascade=CHILD)
    not_done: Mapped[list[VisitNotDone]] = relationship(
        back_populates="visit", cascade=CHILD, order_by="VisitNotDone.id"
    )
    confirmations: Mapped[list[SoftLimitConfirmation]] = relationship(
        back_populates="visit", cascade=CHILD, order_by="SoftLimitConfirmation.id"
    )


class LabValue(VisitChild, Base):
    """One lab key at one visit: the value and unit as typed, the canonical value, the attributability flag.

    `urine_casts` keeps its list in `canonical_text` (comma-separated; "" = none seen). A row may hold only
    the "not attributable to SLE" flag when the investigator marked a key without a value.
    """

    __tablename__ = "lab_values"
    __table_args__ = (UniqueConstraint("visit_id", "key"), AUTOINCREMENT)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(24))
    original_value: Mapped[str | None] = mapped_column(String(40))
    original_unit: Mapped[str | None] = mapped_column(String(20))
    canonical_value: Mapped[float | None] = mapped_column(Float)
    canonical_text: Mapped[str | None] = mapped_column(String(80))
    not_attributable: Mapped[bool] = mapped_column(Boolean, default=False)

    visit: Mapped[Visit] = relationship(back_populates="labs")


class SledaiForm(VisitChild, Base):
    """SLEDAI-2K answers of one visit, one column per descriptor (NULL = unanswered)."""

    __tablename__ = "sledai_forms"
    __table_args__ = AUTOINCREMENT

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), unique=True)
    seizure: Mapped[bool | None] = mapped_column(Boolean)
    psychosis: Mapped[bool | None] = mapped_column(Boolean)
    organic_brain_syndrome: Mapped[bool | None] = mapped_column(Boolean)
    visual_disturbance: Mapped[bool | None] = mapped_column(Boolean)
    cranial_nerve_disorder: Mapped[bool | None] = mapped_column(Boolean)
    lupus_headache: Mapped[bool | None] = mapped_column(Boolean)
    cva: Mapped[bool | None] = mapped_column(Boolean)
    vasculitis: Mapped[bool | None] = mapped_column(Boolean)
    arthritis: Mapped[bool | None] = mapped_column(Boolean)
    myositis: Mapped[bool | None] = mapped_column(Boolean)
    urinary_casts: Mapped[bool | None] = mapped_column(Boolean)
    hematuria: Mapped[bool | None] = mapped_column(Boolean)
    proteinuria: Mapped[bool | None] = mapped_column(Boolean)
    pyuria: Mapped[bool | None] = mapped_column(Boolean)
    rash: Mapped[bool | None] = mapped_column(Boolean)
    alopecia: Mapped[bool | None] = mapped_column(Boolean)
    mucosal_ulcers: Mapped[bool | None] = mapped_column(Boolean)
    pleurisy: Mapped[bool | None] = mapped_column(Boolean)
    pericarditis: Mapped[bool | None] = mapped_column(Boolean)
    low_complement: Mapped[bool | None] = mapped_column(Boolean)
    increased_dna_binding: Mapped[bool | None] = mapped_column(Boolean)
    fever: Mapped[bool | None] = mapped_column(Boolean)
    thrombocytopenia: Mapped[bool | None] = mapped_column(Boolean)
    leukopenia: Mapped[bool | None] = mapped_column(Boolean)

    visit: Mapped[Visit] = relationship(back_populates="sledai")


class BilagForm(VisitChild, Base):
    """BILAG-2004 grades (A-E) of one visit, one column per domain (NULL = not graded)."""

    __tablename__ = "bilag_forms"
    __table_args__ = AUTOINCREMENT

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), unique=True)
    constitutional: Mapped[str | None] = mapped_column(String(1))
    mucocutaneous: Mapped[str | None] = mapped_column(String(1))
    neuropsychiatric: Mapped[str | None] = mapped_column(String(1))
    musculoskeletal: Mapped[str | None] = mapped_column(String(1))
    cardiorespiratory: Mapped[str | None] = mapped_column(String(1))
    gastrointestinal: Mapped[str | None] = mapped_column(String(1))
    ophthalmic: Mapped[str | None] = mapped_column(String(1))
    renal: Mapped[str | None] = mapped_column(String(1))
    haematological: Mapped[str | None] = mapped_column(String(1))

    visit: Mapped[Visit] = relationship(back_populates="bilag")


class VisitNotDone(VisitChild, Base):
    """A field or section of a visit declared "not done", with the reason (distinct from a field left empty)."""

    __tablename__ = "visit_not_done"
    __table_args__ = (UniqueConstraint("visit_id", "field"), AUTOINCREMENT)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str | None] = mapped_column(Text)

    visit: Mapped[Visit] = relationship(back_populates="not_done")


class SoftLimitConfirmation(VisitChild, Base):
    """An unusual value (outside a soft limit) that a user confirmed as correct; shown to the monitor."""

    __tablename__ = "soft_limit_confirmations"
    __table_args__ = AUTOINCREMENT

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(40))
    value_text: Mapped[str] = mapped_column(String(60))
    message: Mapped[str] = mapped_column(Text)
    confirmed_by: Mapped[str] = mapped_column(String(100))
    confirmed_at_utc: Mapped[str] = mapped_column(String(32))

    visit: Mapped[Visit] = relationship(back_populates="confirmations")


class SteroidRow(SubjectChild, Base):
    __tablename__ = "steroids"
    __table_args__ = AUTOINCREMENT

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_pk: Mapped[int] = mapped_column(ForeignKey("subjects.id", ondelete="CASCADE"), index=True)
    drug: Mapped[str] = mapped_column(String(30))
    route: Mapped[str] = mapped_column(String(20))
    mg_per_dose: Mapped[float] = mapped_column(Float)
    doses_per_day: Mapped[float] = mapped_column(Float, default=1.0)
    start: Mapped[dt.date] = mapped_column(Date)
    stop: Mapped[dt.date | None] = mapped_column(Date)
    indication: Mapped[str] = mapped_column(String(20), default="sle")

    subject: Mapped[Subject] = relationship(back_populates="steroids")


class Medication(SubjectChild, Base):
    __tablename__ = "medications"
    __table_args__ = AUTOINCREMENT

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_pk: Mapped[int] = mapped_column(ForeignKey("subjects.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    agent_class: Mapped[str] = mapped_column(String(30))
    start: Mapped[dt.date] = mapped_column(Date)
    stop: Mapped[dt.date | None] = mapped_column(Date)
    rescue: Mapped[bool | None] = mapped_column(Boolean)
    indication: Mapped[str | None] = mapped_column(String(20))
    for_sle_activity: Mapped[bool | None] = mapped_column(Boolean)
    investigational: Mapped[bool | None] = mapped_column(Boolean)

    subject: Mapped[Subject] = relationship(back_populates="medications")


class Hospitalisation(SubjectChild, Base):
    __tablename__ = "hospitalisations"
    __table_args__ = AUTOINCREMENT

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_pk: Mapped[int] = mapped_column(ForeignKey("subjects.id", ondelete="CASCADE"), index=True)
    admission: Mapped[dt.date] = mapped_column(Date)
    discharge: Mapped[dt.date | None] = mapped_column(Date)
    for_sle_activity: Mapped[bool | None] = mapped_column(Boolean)
    indication: Mapped[str | None] = mapped_column(String(20))

    subject: Mapped[Subject] = relationship(back_populates="hospitalisations")


class RenalReplacement(SubjectChild, Base):
    __tablename__ = "renal_replacement"
    __table_args__ = AUTOINCREMENT

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_pk: Mapped[int] = mapped_column(ForeignKey("subjects.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(12))
    start: Mapped[dt.date] = mapped_column(Date)
    stop: Mapped[dt.date | None] = mapped_column(Date)
    chronic: Mapped[bool | None] = mapped_column(Boolean)

    subject: Mapped[Subject] = relationship(back_populates="renal_replacement")


class FlareEvent(SubjectChild, Base):
    """An investigator-declared flare (severe, renal or hematologic)."""

    __tablename__ = "flare_events"
    __table_args__ = AUTOINCREMENT

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_pk: Mapped[int] = mapped_column(ForeignKey("subjects.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(20))
    date: Mapped[dt.date] = mapped_column(Date)
    organ: Mapped[str | None] = mapped_column(String(12))
    note: Mapped[str | None] = mapped_column(Text)

    subject: Mapped[Subject] = relationship(back_populates="events")


class AdverseEvent(SubjectChild, Base):
    __tablename__ = "adverse_events"
    __table_args__ = AUTOINCREMENT

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_pk: Mapped[int] = mapped_column(ForeignKey("subjects.id", ondelete="CASCADE"), index=True)
    term: Mapped[str] = mapped_column(String(200))
    onset: Mapped[dt.date | None] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    grade: Mapped[int | None] = mapped_column(Integer)
    serious: Mapped[bool | None] = mapped_column(Boolean)
    related_product: Mapped[str | None] = mapped_column(String(20))
    related_infusion: Mapped[str | None] = mapped_column(String(20))
    outcome: Mapped[str | None] = mapped_column(Text)
    action_taken: Mapped[str | None] = mapped_column(String(30))
    sae_death: Mapped[bool | None] = mapped_column(Boolean)
    sae_life_threatening: Mapped[bool | None] = mapped_column(Boolean)
    sae_hospitalisation: Mapped[bool | None] = mapped_column(Boolean)
    sae_disability: Mapped[bool | None] = mapped_column(Boolean)
    sae_congenital_anomaly: Mapped[bool | None] = mapped_column(Boolean)
    sae_important_medical_event: Mapped[bool | None] = mapped_column(Boolean)

    subject: Mapped[Subject] = relationship(back_populates="adverse_events")


class SubjectConfirmation(SubjectChild, Base):
    """An unusual value in a subject-level log (steroids, medications, AEs, events) that a user confirmed."""

    __tablename__ = "subject_confirmations"
    __table_args__ = AUTOINCREMENT

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_pk: Mapped[int] = mapped_column(ForeignKey("subjects.id", ondelete="CASCADE"), index=True)
    record_table: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(40))
    value_text: Mapped[str] = mapped_column(String(60))
    message: Mapped[str] = mapped_column(Text)
    confirmed_by: Mapped[str] = mapped_column(String(100))
    confirmed_at_utc: Mapped[str] = mapped_column(String(32))

    subject: Mapped[Subject] = relationship(back_populates="confirmations")


class StudyConfigRow(Audited, Base):
    """The study configuration stored when the database was created; the latest row is the one in force."""

    __tablename__ = "study_config"
    __table_args__ = AUTOINCREMENT
    write_category = "config"

    id: Mapped[int] = mapped_column(primary_key=True)
    toml_text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    stored_at_utc: Mapped[str] = mapped_column(String(32))

    @property
    def audit_subject_id(self) -> str | None:
        return None


class UserAccount(Audited, Base):
    """A person who signs in (models.users); never deleted, only deactivated, so the audit trail can name them."""

    __tablename__ = "users"
    __table_args__ = AUTOINCREMENT
    write_category = "users"
    audit_redacted = ("password_hash",)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    full_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean)
    locked: Mapped[bool] = mapped_column(Boolean)
    failed_attempts: Mapped[int] = mapped_column(Integer)
    created_at_utc: Mapped[str] = mapped_column(String(32))
    password_changed_at_utc: Mapped[str] = mapped_column(String(32))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))

    @property
    def audit_subject_id(self) -> str | None:
        return None


class SettingRow(Audited, Base):
    """One administrator setting (models.settings), e.g. the idle sign-out time; changes are audited."""

    __tablename__ = "settings"
    __table_args__ = AUTOINCREMENT
    write_category = "config"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(60), unique=True)
    value: Mapped[str] = mapped_column(Text)
    changed_at_utc: Mapped[str] = mapped_column(String(32))

    @property
    def audit_subject_id(self) -> str | None:
        return None


class SignatureRow(Audited, Base):
    """An investigator's electronic signature of a visit (visit_id set) or of a subject's casebook (visit_id NULL).
    Changing signed data later sets the invalidated_* columns (the row stays as history)."""

    __tablename__ = "signatures"
    __table_args__ = AUTOINCREMENT
    write_category = "signature"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[str] = mapped_column(String(20), index=True)
    visit_id: Mapped[int | None] = mapped_column(Integer)
    visit_code: Mapped[str | None] = mapped_column(String(6))
    signer_username: Mapped[str] = mapped_column(String(40))
    signer_full_name: Mapped[str] = mapped_column(String(100))
    meaning: Mapped[str] = mapped_column(String(60))
    signed_at_utc: Mapped[str] = mapped_column(String(32))
    invalidated_at_utc: Mapped[str | None] = mapped_column(String(32))
    invalidated_by: Mapped[str | None] = mapped_column(String(40))
    invalidated_reason: Mapped[str | None] = mapped_column(Text)

    @property
    def audit_subject_id(self) -> str | None:
        return self.subject_id


class LockRow(Audited, Base):
    """A lock of the whole database (scope "database"), a subject or a visit; active while unlocked_at_utc is NULL."""

    __tablename__ = "locks"
    __table_args__ = AUTOINCREMENT
    write_category = "lock"

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(10))
    subject_id: Mapped[str | None] = mapped_column(String(20), index=True)
    visit_id: Mapped[int | None] = mapped_column(Integer)
    visit_code: Mapped[str | None] = mapped_column(String(6))
    locked_by: Mapped[str] = mapped_column(String(40))
    locked_at_utc: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    unlocked_by: Mapped[str | None] = mapped_column(String(40))
    unlocked_at_utc: Mapped[str | None] = mapped_column(String(32))
    unlock_reason: Mapped[str | None] = mapped_column(Text)

    @property
    def audit_subject_id(self) -> str | None:
        return self.subject_id


class QueryRow(Audited, Base):
    """A monitor's query on one field of one record: open -> answered -> closed, with its message thread (closed
    automatically, with a message giving the reason, when the record is deleted)."""

    __tablename__ = "queries"
    __table_args__ = AUTOINCREMENT
    write_category = "query"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[str] = mapped_column(String(20), index=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(10))
    raised_by: Mapped[str] = mapped_column(String(40))
    raised_at_utc: Mapped[str] = mapped_column(String(32))

    messages: Mapped[list[QueryMessage]] = relationship(
        back_populates="query", cascade=CHILD, order_by="QueryMessage.id"
    )

    @property
    def audit_subject_id(self) -> str | None:
        return self.subject_id


class QueryMessage(Audited, Base):
    """One message of a query thread: what was said, by whom, and the status it moved the query to."""

    __tablename__ = "query_messages"
    __table_args__ = AUTOINCREMENT
    write_category = "query"

    id: Mapped[int] = mapped_column(primary_key=True)
    query_id: Mapped[int] = mapped_column(ForeignKey("queries.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(40))
    author_role: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    at_utc: Mapped[str] = mapped_column(String(32))

    query: Mapped[QueryRow] = relationship(back_populates="messages")

    @property
    def audit_subject_id(self) -> str | None:
        return self.query.subject_id if self.query is not None else None


class SdvMark(Audited, Base):
    """A monitor's source-data verification of one field's value; removed when that value changes or its record is
    deleted."""

    __tablename__ = "sdv_marks"
    __table_args__ = (UniqueConstraint("table_name", "record_id", "field"), AUTOINCREMENT)
    write_category = "sdv"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[str] = mapped_column(String(20), index=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(60))
    value_text: Mapped[str | None] = mapped_column(Text)
    verified_by: Mapped[str] = mapped_column(String(40))
    verified_at_utc: Mapped[str] = mapped_column(String(32))

    @property
    def audit_subject_id(self) -> str | None:
        return self.subject_id


class AuditEntry(Base):
    """One append-only audit row. SQLite triggers refuse UPDATE and DELETE on this table; rows are hash-chained."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at_utc: Mapped[str] = mapped_column(String(32))
    user: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(6))  # insert | update | delete
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    subject_id: Mapped[str | None] = mapped_column(String(20), index=True)
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str | None] = mapped_column(String(64))  # models.audit_chain: the previous row's row_hash
    row_hash: Mapped[str | None] = mapped_column(String(64))  # SHA-256 over this row's content and prev_hash


def utc_timestamp(moment: dt.datetime) -> str:
    """ISO 8601 UTC text with microseconds and a trailing Z, as stored in *_utc columns."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
