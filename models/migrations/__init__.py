"""Alembic migrations of the study database (run programmatically by models.database)."""
