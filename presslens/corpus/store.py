"""Opening the store: one engine per database URL, migrated to the newest schema before first use.

SQLite (the default, a file in the working directory) runs in WAL mode so readers never block the ingest
writer and a killed writer leaves a consistent file; PostgreSQL is reached by URL for a shared server.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from ..errors import StoreError

DEFAULT_URL = "sqlite:///presslens.db"
_MIGRATIONS = Path(__file__).with_name("migrations")


def normalise_url(url: str | None) -> str:
    """Accept a plain path or a ``postgres://`` URL too; psycopg 3 is the PostgreSQL driver we ship."""
    if not url:
        return DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{url}"
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def open_engine(url: str | None = None) -> Engine:
    """An engine on the store at ``url``, migrated; raises StoreError with what to fix."""
    target = normalise_url(url)
    try:
        parsed = make_url(target)
    except ArgumentError as error:
        raise StoreError(f"{target!r} is not a database URL; use sqlite:///FILE or postgresql+psycopg://...") from error
    backend = parsed.get_backend_name()
    if backend not in {"sqlite", "postgresql"}:
        raise StoreError(f"presslens stores corpora in SQLite or PostgreSQL, not {backend}")
    if backend == "sqlite":
        _check_sqlite_path(parsed.database)
    try:
        engine = create_engine(target, pool_pre_ping=True)
    except (ArgumentError, ImportError) as error:
        raise StoreError(f"cannot use the database URL {target!r}: {error}") from error
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    migrate(engine)
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it is already there)."""
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as error:
        raise StoreError(
            f"cannot open or migrate the store at {engine.url!r}: {error.__class__.__name__}: {_first_line(error)}"
        ) from error


def _check_sqlite_path(database: str | None) -> None:
    if not database or database == ":memory:":
        raise StoreError("an in-memory SQLite store would vanish at exit; give a file: sqlite:///FILE")
    folder = Path(database).expanduser().resolve().parent
    if not folder.is_dir():
        raise StoreError(f"cannot create the store {database!r}: folder {str(folder)!r} does not exist")


def _sqlite_pragmas(connection: sqlite3.Connection, _record: Any) -> None:
    cursor = connection.cursor()
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "busy_timeout=30000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else ""
