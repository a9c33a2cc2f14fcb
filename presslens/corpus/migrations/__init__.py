"""Alembic migrations of the corpus store; ``presslens.corpus.store.migrate`` runs them on open."""
