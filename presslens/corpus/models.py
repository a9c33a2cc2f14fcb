"""The store's tables, as SQLAlchemy 2 typed models.

Analyses are kept twice on purpose: whole, as the contract's JSON (``analysis_zlib``, so ``Corpus.analysis``
returns exactly what ``analyze`` produced), and flattened into one table per kind of finding, so that
questions across thousands of articles are plain indexed SQL. The full-text index is not modelled here: it
is dialect-specific (FTS5 or tsvector) and lives only in the migrations.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Outlet(Base):
    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)


class IngestRun(Base):
    __tablename__ = "ingest_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    sources: Mapped[str] = mapped_column(Text)
    presslens_version: Mapped[str] = mapped_column(String(64))
    ingested: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)


class IngestError(Base):
    __tablename__ = "ingest_errors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("ingest_runs.id", ondelete="CASCADE"), index=True)
    origin: Mapped[str] = mapped_column(Text)
    stage: Mapped[str] = mapped_column(String(32))
    error_type: Mapped[str] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class StoredArticle(Base):
    """One article. ``url_key`` is the normalised URL or '' (never NULL, so the unique key works on both
    databases); ``first_seen`` is when the article was first seen (crawl time for WARC records, ingest time
    otherwise), which is what orders reprints, not the date the outlet claims."""

    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("text_hash", "url_key", name="uq_articles_text_url"),
        Index(
            "uq_articles_url",
            "url_key",
            unique=True,
            sqlite_where=text("url_key != ''"),
            postgresql_where=text("url_key != ''"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id"), index=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("ingest_runs.id", ondelete="SET NULL"))
    url: Mapped[str | None] = mapped_column(Text)
    url_key: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    language: Mapped[str] = mapped_column(String(16))
    extractor: Mapped[str] = mapped_column(String(32))
    origin: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64))
    raw_zlib: Mapped[bytes | None] = mapped_column(LargeBinary)
    analysis_zlib: Mapped[bytes | None] = mapped_column(LargeBinary)
    analysis_schema: Mapped[str | None] = mapped_column(String(64))
    analysis_version: Mapped[str | None] = mapped_column(String(64))
    analyzers: Mapped[str | None] = mapped_column(String(128))
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    shingles: Mapped[int] = mapped_column(Integer, default=0)
    wire: Mapped[str | None] = mapped_column(String(64))
    reprint_of: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"), index=True)
    reprint_kind: Mapped[str | None] = mapped_column(String(16))
    reprint_similarity: Mapped[float | None] = mapped_column(Float)


class StoredEntity(Base):
    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(Text, index=True)
    type: Mapped[str] = mapped_column(String(32))
    mentions: Mapped[int] = mapped_column(Integer)


class StoredLabel(Base):
    """A descriptor: how the text labels an entity; ``voice`` names the speaker whose words hold the label,
    NULL when it is the outlet's own voice."""

    __tablename__ = "entity_labels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    voice: Mapped[str | None] = mapped_column(String(64))
    voice_speaker: Mapped[str | None] = mapped_column(Text)


class StoredAttribution(Base):
    __tablename__ = "attributions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    content: Mapped[str] = mapped_column(Text)
    content_start: Mapped[int] = mapped_column(Integer)
    content_end: Mapped[int] = mapped_column(Integer)
    cue: Mapped[str | None] = mapped_column(Text)
    cue_stance: Mapped[str | None] = mapped_column(String(16))
    source: Mapped[str | None] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(Text, index=True)
    speaker_entity: Mapped[str | None] = mapped_column(String(64))
    via: Mapped[str | None] = mapped_column(Text)


class StoredTechnique(Base):
    __tablename__ = "techniques"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    technique: Mapped[str] = mapped_column(String(64), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float)


class StoredMarker(Base):
    __tablename__ = "markers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    target: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)


class StoredTime(Base):
    __tablename__ = "times"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[str | None] = mapped_column(String(64))
