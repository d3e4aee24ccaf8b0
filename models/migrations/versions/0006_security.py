"""security: user accounts, electronic signatures, locks, queries with their threads, source-data verification

Revision ID: 0006_security
Revises: 0005_audit_chain
Create Date: 2026-11-25 18:00:00

Signatures, locks, queries and SDV marks name their subject by subject ID text and their visit by id (no
foreign key), so deleting a subject never deletes them silently: they stay as history in the trail.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006_security'
down_revision = '0005_audit_chain'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('full_name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('password_hash', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('locked', sa.Boolean(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('created_at_utc', sa.String(length=32), nullable=False),
    sa.Column('password_changed_at_utc', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('signatures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_id', sa.String(length=20), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.Column('visit_code', sa.String(length=6), nullable=True),
    sa.Column('signer_username', sa.String(length=40), nullable=False),
    sa.Column('signer_full_name', sa.String(length=100), nullable=False),
    sa.Column('meaning', sa.String(length=60), nullable=False),
    sa.Column('signed_at_utc', sa.String(length=32), nullable=False),
    sa.Column('invalidated_at_utc', sa.String(length=32), nullable=True),
    sa.Column('invalidated_by', sa.String(length=40), nullable=True),
    sa.Column('invalidated_reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signatures'))
    )
    with op.batch_alter_table('signatures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_signatures_subject_id'), ['subject_id'], unique=False)
    op.create_table('locks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=10), nullable=False),
    sa.Column('subject_id', sa.String(length=20), nullable=True),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.Column('visit_code', sa.String(length=6), nullable=True),
    sa.Column('locked_by', sa.String(length=40), nullable=False),
    sa.Column('locked_at_utc', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('unlocked_by', sa.String(length=40), nullable=True),
    sa.Column('unlocked_at_utc', sa.String(length=32), nullable=True),
    sa.Column('unlock_reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_locks'))
    )
    with op.batch_alter_table('locks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_locks_subject_id'), ['subject_id'], unique=False)
    op.create_table('queries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_id', sa.String(length=20), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('label', sa.String(length=120), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('raised_by', sa.String(length=40), nullable=False),
    sa.Column('raised_at_utc', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_queries'))
    )
    with op.batch_alter_table('queries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_queries_subject_id'), ['subject_id'], unique=False)
    op.create_table('query_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('query_id', sa.Integer(), nullable=False),
    sa.Column('author', sa.String(length=40), nullable=False),
    sa.Column('author_role', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('at_utc', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['query_id'], ['queries.id'], name=op.f('fk_query_messages_query_id_queries'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_query_messages'))
    )
    with op.batch_alter_table('query_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_query_messages_query_id'), ['query_id'], unique=False)
    op.create_table('sdv_marks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject_id', sa.String(length=20), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('value_text', sa.Text(), nullable=True),
    sa.Column('verified_by', sa.String(length=40), nullable=False),
    sa.Column('verified_at_utc', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sdv_marks')),
    sa.UniqueConstraint('table_name', 'record_id', 'field', name=op.f('uq_sdv_marks_table_name'))
    )
    with op.batch_alter_table('sdv_marks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sdv_marks_subject_id'), ['subject_id'], unique=False)


def downgrade() -> None:
    for table in ('sdv_marks', 'query_messages', 'queries', 'locks', 'signatures'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table != 'query_messages':
                batch_op.drop_index(batch_op.f(f'ix_{table}_subject_id'))
            else:
                batch_op.drop_index(batch_op.f('ix_query_messages_query_id'))
        op.drop_table(table)
    op.drop_table('users')
