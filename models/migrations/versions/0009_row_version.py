"""row version: optimistic concurrency on every audited record; a server's write gate and append-only audit

Revision ID: 0009_row_version
Revises: 0008_autoincrement
Create Date: 2026-12-02 11:00:00

Every audited table gets `row_version` (1 for existing rows): each UPDATE and DELETE names the version it read,
so the second of two saves of the same record from two PCs changes nothing and is refused (models.concurrency).

On PostgreSQL this revision also installs what SQLite does with its authorizer and triggers: a statement
trigger on every table refuses INSERT, UPDATE, DELETE and TRUNCATE unless the transaction opened TrialDesk's
write gate (models.server), and the audit trail refuses UPDATE, DELETE and TRUNCATE outright; nobody but the
owner keeps those rights on it (the application's role gets SELECT and INSERT only: `main.py server-grant`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009_row_version'
down_revision = '0008_autoincrement'
branch_labels = None
depends_on = None

TABLES = (
    'subjects', 'status_history', 'infusions', 'schedule_changes', 'visits', 'lab_values', 'sledai_forms',
    'bilag_forms', 'visit_not_done', 'soft_limit_confirmations', 'steroids', 'medications', 'hospitalisations',
    'renal_replacement', 'flare_events', 'adverse_events', 'subject_confirmations', 'study_config', 'users',
    'settings', 'signatures', 'locks', 'queries', 'query_messages', 'sdv_marks',
)

GATE_FUNCTION = """
CREATE OR REPLACE FUNCTION trialdesk_write_gate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('trialdesk.gate', true), '') <> 'open' THEN
        RAISE EXCEPTION 'not authorized: % on % outside TrialDesk''s audited save', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END $$"""

APPEND_ONLY_FUNCTION = """
CREATE OR REPLACE FUNCTION trialdesk_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$"""


def _server_upgrade() -> None:
    op.execute(GATE_FUNCTION)
    op.execute(APPEND_ONLY_FUNCTION)
    for table in (*TABLES, 'audit_log'):
        op.execute(f'CREATE TRIGGER "{table}_write_gate" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
                   "FOR EACH STATEMENT EXECUTE FUNCTION trialdesk_write_gate()")
    op.execute('CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log '
               "FOR EACH STATEMENT EXECUTE FUNCTION trialdesk_audit_append_only()")
    op.execute("REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC")


def _server_downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
    for table in (*TABLES, 'audit_log'):
        op.execute(f'DROP TRIGGER IF EXISTS "{table}_write_gate" ON "{table}"')
    op.execute("DROP FUNCTION IF EXISTS trialdesk_audit_append_only()")
    op.execute("DROP FUNCTION IF EXISTS trialdesk_write_gate()")


def upgrade() -> None:
    for table in TABLES:  # a plain ALTER TABLE ADD COLUMN: no rebuild, SQLite's AUTOINCREMENT stays
        op.add_column(table, sa.Column('row_version', sa.Integer(), nullable=False, server_default=sa.text('1')))
    if op.get_bind().dialect.name == "postgresql":
        _server_upgrade()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _server_downgrade()
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('row_version')
