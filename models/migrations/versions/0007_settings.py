"""settings: administrator settings (idle sign-out time), password change required after a reset

Revision ID: 0007_settings
Revises: 0006_security
Create Date: 2026-11-25 19:45:00

`settings` holds one row per setting (key, value as text), written by administrators and audited like the
study configuration. `users.must_change_password` is set when an administrator resets a password and cleared
when its owner chooses a new one; accounts that exist already start without it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007_settings'
down_revision = '0006_security'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('changed_at_utc', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_settings')),
    sa.UniqueConstraint('key', name=op.f('uq_settings_key'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('must_change_password', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('must_change_password')
    op.drop_table('settings')
