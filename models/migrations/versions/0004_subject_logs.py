"""subject logs: adverse-event action taken and SAE criteria, cause of death, confirmations of unusual values
in the subject-level logs (steroids, medications, adverse events, flares, hospitalisations, dialysis)

Revision ID: 0004_subject_logs
Revises: 0003_schedule
Create Date: 2026-11-25 17:40:00

`subject_confirmations` is the subject-level twin of `soft_limit_confirmations`: which record (table and id),
which field, the value and the message the user confirmed, by whom and when.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004_subject_logs'
down_revision = '0003_schedule'
branch_labels = None
depends_on = None

SAE_COLUMNS = ('sae_death', 'sae_life_threatening', 'sae_hospitalisation', 'sae_disability',
               'sae_congenital_anomaly', 'sae_important_medical_event')


def upgrade() -> None:
    with op.batch_alter_table('adverse_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('action_taken', sa.String(length=30), nullable=True))
        for name in SAE_COLUMNS:
            batch_op.add_column(sa.Column(name, sa.Boolean(), nullable=True))
    with op.batch_alter_table('subjects', schema=None) as batch_op:
        batch_op.add_column(sa.Column('death_cause', sa.Text(), nullable=True))

    op.create_table('subject_confirmations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_pk', sa.Integer(), nullable=False),
    sa.Column('record_table', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('value_text', sa.String(length=60), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('confirmed_by', sa.String(length=100), nullable=False),
    sa.Column('confirmed_at_utc', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['subject_pk'], ['subjects.id'], name=op.f('fk_subject_confirmations_subject_pk_subjects'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subject_confirmations'))
    )
    with op.batch_alter_table('subject_confirmations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_subject_confirmations_subject_pk'), ['subject_pk'], unique=False)


def downgrade() -> None:
    op.drop_table('subject_confirmations')
    with op.batch_alter_table('subjects', schema=None) as batch_op:
        batch_op.drop_column('death_cause')
    with op.batch_alter_table('adverse_events', schema=None) as batch_op:
        for name in reversed(SAE_COLUMNS):
            batch_op.drop_column(name)
        batch_op.drop_column('action_taken')
