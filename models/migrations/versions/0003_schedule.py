"""schedule: infusion details (lot, times, vital signs, reactions, partial fraction, reason not given),
out-of-window comment on visits, schedule changes (reschedules and recorded infusion dates, with reason)

Revision ID: 0003_schedule
Revises: 0002_visit_entry
Create Date: 2026-11-25 17:30:00

`schedule_changes` keeps, for every change of an infusion's planned or actual date, the old and new date and
the reason, so the visit schedule can show which target dates moved and from where.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003_schedule'
down_revision = '0002_visit_entry'
branch_labels = None
depends_on = None

def _infusion_columns() -> tuple[sa.Column, ...]:
    return (
        sa.Column('lot_number', sa.String(length=40), nullable=True),
        sa.Column('start_time', sa.String(length=5), nullable=True),
        sa.Column('end_time', sa.String(length=5), nullable=True),
        sa.Column('pre_systolic_bp_mmhg', sa.Integer(), nullable=True),
        sa.Column('pre_diastolic_bp_mmhg', sa.Integer(), nullable=True),
        sa.Column('pre_pulse_bpm', sa.Integer(), nullable=True),
        sa.Column('pre_temperature_c', sa.Float(), nullable=True),
        sa.Column('post_systolic_bp_mmhg', sa.Integer(), nullable=True),
        sa.Column('post_diastolic_bp_mmhg', sa.Integer(), nullable=True),
        sa.Column('post_pulse_bpm', sa.Integer(), nullable=True),
        sa.Column('post_temperature_c', sa.Float(), nullable=True),
        sa.Column('reaction', sa.Boolean(), nullable=True),
        sa.Column('reaction_text', sa.Text(), nullable=True),
        sa.Column('fraction_given', sa.Float(), nullable=True),
        sa.Column('not_given_reason', sa.Text(), nullable=True),
        sa.Column('weight_date', sa.Date(), nullable=True),
    )


def upgrade() -> None:
    with op.batch_alter_table('infusions', schema=None) as batch_op:
        for column in _infusion_columns():
            batch_op.add_column(column)
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.add_column(sa.Column('window_comment', sa.Text(), nullable=True))

    op.create_table('schedule_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_pk', sa.Integer(), nullable=False),
    sa.Column('infusion_number', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=12), nullable=False),
    sa.Column('old_date', sa.Date(), nullable=True),
    sa.Column('new_date', sa.Date(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('changed_by', sa.String(length=100), nullable=False),
    sa.Column('changed_at_utc', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['subject_pk'], ['subjects.id'], name=op.f('fk_schedule_changes_subject_pk_subjects'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_schedule_changes'))
    )
    with op.batch_alter_table('schedule_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_schedule_changes_subject_pk'), ['subject_pk'], unique=False)


def downgrade() -> None:
    op.drop_table('schedule_changes')
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_column('window_comment')
    with op.batch_alter_table('infusions', schema=None) as batch_op:
        for column in reversed(_infusion_columns()):
            batch_op.drop_column(column.name)
