"""Alembic environment: migrations always run on the connection the store hands over, never on a URL
read from a file, so the CLI, the API and the tests migrate exactly the database they opened."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
