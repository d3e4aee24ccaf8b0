"""autoincrement: ids of audited tables are never reused

Revision ID: 0008_autoincrement
Revises: 0007_settings
Create Date: 2026-12-02 08:00:00

Every table of study data, configuration, users and the trust records (signatures, locks, queries, SDV marks)
is rebuilt with SQLite's AUTOINCREMENT, so a deleted record's id is never given to a new one: a query, an SDV
mark or an audit row that names (table, id) can never be read as being about a later record. Rows keep their
ids; each table's sequence (sqlite_sequence) starts after the highest id it holds or the audit trail names, so
the id of a record deleted before this migration is not given out again either. The rebuild copies each table
(Alembic batch mode) and must run with foreign keys off (models.database does so), otherwise dropping the old
`subjects` or `visits` table would cascade to their children.
"""

from __future__ import annotations

from alembic import op

revision = '0008_autoincrement'
down_revision = '0007_settings'
branch_labels = None
depends_on = None

TABLES = (
    'subjects', 'status_history', 'infusions', 'schedule_changes', 'visits', 'lab_values', 'sledai_forms',
    'bilag_forms', 'visit_not_done', 'soft_limit_confirmations', 'steroids', 'medications', 'hospitalisations',
    'renal_replacement', 'flare_events', 'adverse_events', 'subject_confirmations', 'study_config', 'users',
    'settings', 'signatures', 'locks', 'queries', 'query_messages', 'sdv_marks',
)


def _refuse_foreign_keys_on() -> None:
    if op.get_bind().exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError("0008_autoincrement rebuilds tables and must run with PRAGMA foreign_keys=OFF "
                           "(dropping a parent table would cascade to its children)")


def _rebuild(autoincrement: bool) -> None:
    _refuse_foreign_keys_on()
    for table in TABLES:
        with op.batch_alter_table(table, recreate='always', table_kwargs={'sqlite_autoincrement': autoincrement}):
            pass


def _seed_sequences() -> None:
    bind = op.get_bind()
    for table in TABLES:
        used = bind.exec_driver_sql(
            f"SELECT max(coalesce((SELECT max(id) FROM {table}), 0), "
            "coalesce((SELECT max(record_id) FROM audit_log WHERE table_name = ?), 0))", (table,)).scalar()
        bind.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = ?", (table,))
        if used:
            bind.exec_driver_sql("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table, used))


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL's sequences never give out an id twice
    _rebuild(True)
    _seed_sequences()


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _rebuild(False)
