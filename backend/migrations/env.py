"""Alembic environment: runs on a connection handed in by backend.migrate (sync or async engine)."""

from alembic import context

from backend.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
