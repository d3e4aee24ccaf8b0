"""visit entry: vital signs, comment and entry status on visits; "not done" marks; soft-limit confirmations

Revision ID: 0002_visit_entry
Revises: 0001_baseline
Create Date: 2026-11-25 17:20:00

Visits entered through the form carry `entry_status` ("draft" or "complete"; NULL for visits that arrived by
import). `visit_not_done` records a field or section declared not done, with its reason (distinct from an
empty field). `soft_limit_confirmations` keeps every unusual value a user confirmed, for the monitor.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002_visit_entry'
down_revision = '0001_baseline'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.add_column(sa.Column('systolic_bp_mmhg', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('diastolic_bp_mmhg', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('pulse_bpm', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('temperature_c', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('comment', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('entry_status', sa.String(length=10), nullable=True))

    op.create_table('visit_not_done',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_visit_not_done_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_not_done')),
    sa.UniqueConstraint('visit_id', 'field', name=op.f('uq_visit_not_done_visit_id'))
    )
    with op.batch_alter_table('visit_not_done', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_not_done_visit_id'), ['visit_id'], unique=False)

    op.create_table('soft_limit_confirmations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('value_text', sa.String(length=60), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('confirmed_by', sa.String(length=100), nullable=False),
    sa.Column('confirmed_at_utc', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_soft_limit_confirmations_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_soft_limit_confirmations'))
    )
    with op.batch_alter_table('soft_limit_confirmations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_soft_limit_confirmations_visit_id'), ['visit_id'], unique=False)


def downgrade() -> None:
    op.drop_table('soft_limit_confirmations')
    op.drop_table('visit_not_done')
    with op.batch_alter_table('visits', schema=None) as batch_op:
        for column in ('entry_status', 'comment', 'temperature_c', 'pulse_bpm', 'diastolic_bp_mmhg',
                       'systolic_bp_mmhg'):
            batch_op.drop_column(column)
