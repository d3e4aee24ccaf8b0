"""baseline: subjects, visits, dossier data, audit log, study configuration

Revision ID: 0001_baseline
Revises:
Create Date: 2026-11-25 16:53:51.171216

The audit log is append-only: triggers abort any UPDATE or DELETE of its rows.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001_baseline'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at_utc', sa.String(length=32), nullable=False),
    sa.Column('user', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=6), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('subject_id', sa.String(length=20), nullable=True),
    sa.Column('field', sa.String(length=60), nullable=True),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_subject_id'), ['subject_id'], unique=False)

    op.create_table('study_config',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('toml_text', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('stored_at_utc', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_study_config'))
    )
    op.create_table('subjects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_id', sa.String(length=20), nullable=False),
    sa.Column('screening_number', sa.String(length=20), nullable=True),
    sa.Column('subgroup', sa.String(length=2), nullable=False),
    sa.Column('sex', sa.String(length=1), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('consent_date', sa.Date(), nullable=True),
    sa.Column('withdrawal_date', sa.Date(), nullable=True),
    sa.Column('withdrawal_reason', sa.Text(), nullable=True),
    sa.Column('death_date', sa.Date(), nullable=True),
    sa.Column('initials', sa.String(length=20), nullable=True),
    sa.Column('weight_kg', sa.Float(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('steroid_log_complete_through', sa.Date(), nullable=True),
    sa.Column('extensions_json', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subjects')),
    sa.UniqueConstraint('screening_number', name=op.f('uq_subjects_screening_number')),
    sa.UniqueConstraint('subject_id', name=op.f('uq_subjects_subject_id'))
    )
    op.create_table('adverse_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_pk', sa.Integer(), nullable=False),
    sa.Column('term', sa.String(length=200), nullable=False),
    sa.Column('onset', sa.Date(), nullable=True),
    sa.Column('end', sa.Date(), nullable=True),
    sa.Column('grade', sa.Integer(), nullable=True),
    sa.Column('serious', sa.Boolean(), nullable=True),
    sa.Column('related_product', sa.String(length=20), nullable=True),
    sa.Column('related_infusion', sa.String(length=20), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['subject_pk'], ['subjects.id'], name=op.f('fk_adverse_events_subject_pk_subjects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_adverse_events'))
    )
    with op.batch_alter_table('adverse_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_adverse_events_subject_pk'), ['subject_pk'], unique=False)

    op.create_table('flare_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_pk', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('organ', sa.String(length=12), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['subject_pk'], ['subjects.id'], name=op.f('fk_flare_events_subject_pk_subjects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_flare_events'))
    )
    with op.batch_alter_table('flare_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_flare_events_subject_pk'), ['subject_pk'], unique=False)

    op.create_table('hospitalisations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_pk', sa.Integer(), nullable=False),
    sa.Column('admission', sa.Date(), nullable=False),
    sa.Column('discharge', sa.Date(), nullable=True),
    sa.Column('for_sle_activity', sa.Boolean(), nullable=True),
    sa.Column('indication', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['subject_pk'], ['subjects.id'], name=op.f('fk_hospitalisations_subject_pk_subjects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hospitalisations'))
    )
    with op.batch_alter_table('hospitalisations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hospitalisations_subject_pk'), ['subject_pk'], unique=False)

    op.create_table('infusions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_pk', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('planned_date', sa.Date(), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('weight_kg', sa.Float(), nullable=True),
    sa.Column('dose_cells', sa.Float(), nullable=True),
    sa.Column('completion', sa.String(length=10), nullable=True),
    sa.ForeignKeyConstraint(['subject_pk'], ['subjects.id'], name=op.f('fk_infusions_subject_pk_subjects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_infusions')),
    sa.UniqueConstraint('subject_pk', 'number', name=op.f('uq_infusions_subject_pk'))
    )
    with op.batch_alter_table('infusions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_infusions_subject_pk'), ['subject_pk'], unique=False)

    op.create_table('medications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_pk', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('agent_class', sa.String(length=30), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('stop', sa.Date(), nullable=True),
    sa.Column('rescue', sa.Boolean(), nullable=True),
    sa.Column('indication', sa.String(length=20), nullable=True),
    sa.Column('for_sle_activity', sa.Boolean(), nullable=True),
    sa.Column('investigational', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['subject_pk'], ['subjects.id'], name=op.f('fk_medications_subject_pk_subjects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_medications'))
    )
    with op.batch_alter_table('medications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_medications_subject_pk'), ['subject_pk'], unique=False)

    op.create_table('renal_replacement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_pk', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=12), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('stop', sa.Date(), nullable=True),
    sa.Column('chronic', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['subject_pk'], ['subjects.id'], name=op.f('fk_renal_replacement_subject_pk_subjects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_renal_replacement'))
    )
    with op.batch_alter_table('renal_replacement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_renal_replacement_subject_pk'), ['subject_pk'], unique=False)

    op.create_table('status_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_pk', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_date', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.Column('changed_at_utc', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['subject_pk'], ['subjects.id'], name=op.f('fk_status_history_subject_pk_subjects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_history'))
    )
    with op.batch_alter_table('status_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_status_history_subject_pk'), ['subject_pk'], unique=False)

    op.create_table('steroids',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_pk', sa.Integer(), nullable=False),
    sa.Column('drug', sa.String(length=30), nullable=False),
    sa.Column('route', sa.String(length=20), nullable=False),
    sa.Column('mg_per_dose', sa.Float(), nullable=False),
    sa.Column('doses_per_day', sa.Float(), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('stop', sa.Date(), nullable=True),
    sa.Column('indication', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['subject_pk'], ['subjects.id'], name=op.f('fk_steroids_subject_pk_subjects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_steroids'))
    )
    with op.batch_alter_table('steroids', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_steroids_subject_pk'), ['subject_pk'], unique=False)

    op.create_table('visits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_pk', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=6), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('missed', sa.Boolean(), nullable=False),
    sa.Column('missed_reason', sa.Text(), nullable=True),
    sa.Column('weight_kg', sa.Float(), nullable=True),
    sa.Column('pga_tenths', sa.Integer(), nullable=True),
    sa.Column('sediment_inactive', sa.Boolean(), nullable=True),
    sa.Column('sfi_cns', sa.Boolean(), nullable=True),
    sa.Column('sfi_vasculitis', sa.Boolean(), nullable=True),
    sa.Column('sfi_nephritis', sa.Boolean(), nullable=True),
    sa.Column('sfi_myositis', sa.Boolean(), nullable=True),
    sa.Column('sfi_worse_thrombocytopenia', sa.Boolean(), nullable=True),
    sa.Column('lldas_hemolytic_anemia_active', sa.Boolean(), nullable=True),
    sa.Column('lldas_gi_activity_active', sa.Boolean(), nullable=True),
    sa.Column('lldas_new_non_sledai_activity', sa.Boolean(), nullable=True),
    sa.Column('lldas_maintenance_is_standard_tolerated', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['subject_pk'], ['subjects.id'], name=op.f('fk_visits_subject_pk_subjects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits'))
    )
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visits_subject_pk'), ['subject_pk'], unique=False)
        batch_op.create_index('uq_visits_subject_code', ['subject_pk', 'code'], unique=True, sqlite_where=sa.text("code != 'UNS'"),
                                 postgresql_where=sa.text("code != 'UNS'"))

    op.create_table('bilag_forms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('constitutional', sa.String(length=1), nullable=True),
    sa.Column('mucocutaneous', sa.String(length=1), nullable=True),
    sa.Column('neuropsychiatric', sa.String(length=1), nullable=True),
    sa.Column('musculoskeletal', sa.String(length=1), nullable=True),
    sa.Column('cardiorespiratory', sa.String(length=1), nullable=True),
    sa.Column('gastrointestinal', sa.String(length=1), nullable=True),
    sa.Column('ophthalmic', sa.String(length=1), nullable=True),
    sa.Column('renal', sa.String(length=1), nullable=True),
    sa.Column('haematological', sa.String(length=1), nullable=True),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_bilag_forms_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bilag_forms')),
    sa.UniqueConstraint('visit_id', name=op.f('uq_bilag_forms_visit_id'))
    )
    op.create_table('lab_values',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=24), nullable=False),
    sa.Column('original_value', sa.String(length=40), nullable=True),
    sa.Column('original_unit', sa.String(length=20), nullable=True),
    sa.Column('canonical_value', sa.Float(), nullable=True),
    sa.Column('canonical_text', sa.String(length=80), nullable=True),
    sa.Column('not_attributable', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_lab_values_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lab_values')),
    sa.UniqueConstraint('visit_id', 'key', name=op.f('uq_lab_values_visit_id'))
    )
    with op.batch_alter_table('lab_values', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lab_values_visit_id'), ['visit_id'], unique=False)

    op.create_table('sledai_forms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('seizure', sa.Boolean(), nullable=True),
    sa.Column('psychosis', sa.Boolean(), nullable=True),
    sa.Column('organic_brain_syndrome', sa.Boolean(), nullable=True),
    sa.Column('visual_disturbance', sa.Boolean(), nullable=True),
    sa.Column('cranial_nerve_disorder', sa.Boolean(), nullable=True),
    sa.Column('lupus_headache', sa.Boolean(), nullable=True),
    sa.Column('cva', sa.Boolean(), nullable=True),
    sa.Column('vasculitis', sa.Boolean(), nullable=True),
    sa.Column('arthritis', sa.Boolean(), nullable=True),
    sa.Column('myositis', sa.Boolean(), nullable=True),
    sa.Column('urinary_casts', sa.Boolean(), nullable=True),
    sa.Column('hematuria', sa.Boolean(), nullable=True),
    sa.Column('proteinuria', sa.Boolean(), nullable=True),
    sa.Column('pyuria', sa.Boolean(), nullable=True),
    sa.Column('rash', sa.Boolean(), nullable=True),
    sa.Column('alopecia', sa.Boolean(), nullable=True),
    sa.Column('mucosal_ulcers', sa.Boolean(), nullable=True),
    sa.Column('pleurisy', sa.Boolean(), nullable=True),
    sa.Column('pericarditis', sa.Boolean(), nullable=True),
    sa.Column('low_complement', sa.Boolean(), nullable=True),
    sa.Column('increased_dna_binding', sa.Boolean(), nullable=True),
    sa.Column('fever', sa.Boolean(), nullable=True),
    sa.Column('thrombocytopenia', sa.Boolean(), nullable=True),
    sa.Column('leukopenia', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_sledai_forms_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sledai_forms')),
    sa.UniqueConstraint('visit_id', name=op.f('uq_sledai_forms_visit_id'))
    )

    if op.get_bind().dialect.name != "sqlite":
        return  # a server's append-only triggers are PostgreSQL's own (0009_row_version)
    op.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER audit_log_no_delete")
        op.execute("DROP TRIGGER audit_log_no_update")
    op.drop_table('sledai_forms')
    with op.batch_alter_table('lab_values', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lab_values_visit_id'))

    op.drop_table('lab_values')
    op.drop_table('bilag_forms')
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index('uq_visits_subject_code', sqlite_where=sa.text("code != 'UNS'"),
                                 postgresql_where=sa.text("code != 'UNS'"))
        batch_op.drop_index(batch_op.f('ix_visits_subject_pk'))

    op.drop_table('visits')
    with op.batch_alter_table('steroids', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_steroids_subject_pk'))

    op.drop_table('steroids')
    with op.batch_alter_table('status_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_status_history_subject_pk'))

    op.drop_table('status_history')
    with op.batch_alter_table('renal_replacement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_renal_replacement_subject_pk'))

    op.drop_table('renal_replacement')
    with op.batch_alter_table('medications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_medications_subject_pk'))

    op.drop_table('medications')
    with op.batch_alter_table('infusions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_infusions_subject_pk'))

    op.drop_table('infusions')
    with op.batch_alter_table('hospitalisations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hospitalisations_subject_pk'))

    op.drop_table('hospitalisations')
    with op.batch_alter_table('flare_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_flare_events_subject_pk'))

    op.drop_table('flare_events')
    with op.batch_alter_table('adverse_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_adverse_events_subject_pk'))

    op.drop_table('adverse_events')
    op.drop_table('subjects')
    op.drop_table('study_config')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_subject_id'))

    op.drop_table('audit_log')
