"""Alembic environment: runs on the connection models.database hands over (config.attributes["connection"])."""

from __future__ import annotations

from alembic import context

from models.schema import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("TrialDesk migrations run only through models.database (no connection was given)")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
