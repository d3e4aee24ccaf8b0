"""audit chain: every audit row stores the previous row's hash and a SHA-256 over its own content

Revision ID: 0005_audit_chain
Revises: 0004_subject_logs
Create Date: 2026-11-25 17:30:00

Rows already in the trail are chained in id order when the migration runs (the append-only triggers are
dropped for that moment and created again).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.audit_chain import HASHED_FIELDS, chain_rows

revision = '0005_audit_chain'
down_revision = '0004_subject_logs'
branch_labels = None
depends_on = None

TRIGGERS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
)


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"  # a server's triggers are PostgreSQL's own (0009_row_version)


def _drop_triggers() -> None:
    if not _sqlite():
        return
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")


def _create_triggers() -> None:
    if not _sqlite():
        return
    for statement in TRIGGERS:
        op.execute(statement)


def upgrade() -> None:
    _drop_triggers()
    op.add_column('audit_log', sa.Column('prev_hash', sa.String(length=64), nullable=True))
    op.add_column('audit_log', sa.Column('row_hash', sa.String(length=64), nullable=True))
    conn = op.get_bind()
    columns = ", ".join(f'"{name}"' for name in HASHED_FIELDS if name != "prev_hash")
    rows = [dict(r._mapping) for r in conn.execute(sa.text(f"SELECT {columns} FROM audit_log ORDER BY id"))]
    previous = None
    for row in rows:
        linked = chain_rows(previous, row["id"], [row])[0]
        conn.execute(sa.text("UPDATE audit_log SET prev_hash = :p, row_hash = :h WHERE id = :id"),
                     {"p": linked["prev_hash"], "h": linked["row_hash"], "id": row["id"]})
        previous = linked["row_hash"]
    _create_triggers()


def downgrade() -> None:
    _drop_triggers()
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_column('row_hash')
        batch_op.drop_column('prev_hash')
    _create_triggers()
