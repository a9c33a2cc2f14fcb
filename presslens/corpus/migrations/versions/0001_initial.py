"""The first corpus schema: articles, outlets, findings, ingest runs and errors, and full-text search.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_FTS_SQLITE = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id')",
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); END",
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, coalesce(old.title, ''), old.text); END",
    "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, coalesce(old.title, ''), old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); END",
)
_FTS_POSTGRES = (
    "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || text)) STORED",
    "CREATE INDEX ix_articles_tsv ON articles USING gin (tsv)",
)


def _article_id() -> sa.Column[int]:
    return sa.Column(
        "article_id",
        sa.Integer(),
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


def _span() -> tuple[sa.Column[int], sa.Column[int]]:
    return sa.Column("start", sa.Integer(), nullable=False), sa.Column("end", sa.Integer(), nullable=False)


def _findings_tables() -> None:
    op.create_table(
        "attributions",
        sa.Column("id", sa.Integer(), primary_key=True),
        _article_id(),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("content_start", sa.Integer(), nullable=False),
        sa.Column("content_end", sa.Integer(), nullable=False),
        sa.Column("cue", sa.Text()),
        sa.Column("cue_stance", sa.String(16)),
        sa.Column("source", sa.Text()),
        sa.Column("speaker", sa.Text(), index=True),
        sa.Column("speaker_entity", sa.String(64)),
        sa.Column("via", sa.Text()),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer(), primary_key=True),
        _article_id(),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False, index=True),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
    )
    op.create_table(
        "entity_labels",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "entity_id",
            sa.Integer(),
            sa.ForeignKey("entities.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        _article_id(),
        *_span(),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("voice", sa.String(64)),
        sa.Column("voice_speaker", sa.Text()),
    )
    op.create_table(
        "techniques",
        sa.Column("id", sa.Integer(), primary_key=True),
        _article_id(),
        sa.Column("technique", sa.String(64), nullable=False, index=True),
        *_span(),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
    )
    op.create_table(
        "markers",
        sa.Column("id", sa.Integer(), primary_key=True),
        _article_id(),
        sa.Column("kind", sa.String(16), nullable=False, index=True),
        *_span(),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("target", sa.Text()),
        sa.Column("reason", sa.Text(), nullable=False),
    )
    op.create_table(
        "times",
        sa.Column("id", sa.Integer(), primary_key=True),
        _article_id(),
        *_span(),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("value", sa.String(64)),
    )


def _core_tables() -> None:
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.Column("presslens_version", sa.String(64), nullable=False),
        sa.Column("ingested", sa.Integer(), nullable=False),
        sa.Column("duplicates", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
    )
    op.create_table(
        "ingest_errors",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "run_id",
            sa.Integer(),
            sa.ForeignKey("ingest_runs.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("stage", sa.String(32), nullable=False),
        sa.Column("error_type", sa.String(64), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "outlets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(255), nullable=False, unique=True),
    )


def _articles_table() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("outlet_id", sa.Integer(), sa.ForeignKey("outlets.id"), index=True),
        sa.Column("run_id", sa.Integer(), sa.ForeignKey("ingest_runs.id", ondelete="SET NULL")),
        sa.Column("url", sa.Text()),
        sa.Column("url_key", sa.Text(), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("author", sa.Text()),
        sa.Column("published", sa.Date(), index=True),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("extractor", sa.String(32), nullable=False),
        sa.Column("origin", sa.Text()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("raw_zlib", sa.LargeBinary()),
        sa.Column("analysis_zlib", sa.LargeBinary()),
        sa.Column("analysis_schema", sa.String(64)),
        sa.Column("analysis_version", sa.String(64)),
        sa.Column("analyzers", sa.String(128)),
        sa.Column("minhash", sa.LargeBinary()),
        sa.Column("shingles", sa.Integer(), nullable=False),
        sa.Column("wire", sa.String(64)),
        sa.Column("reprint_of", sa.Integer(), sa.ForeignKey("articles.id", ondelete="SET NULL"), index=True),
        sa.Column("reprint_kind", sa.String(16)),
        sa.Column("reprint_similarity", sa.Float()),
        sa.UniqueConstraint("text_hash", "url_key", name="uq_articles_text_url"),
    )
    op.create_index(
        "uq_articles_url",
        "articles",
        ["url_key"],
        unique=True,
        sqlite_where=sa.text("url_key != ''"),
        postgresql_where=sa.text("url_key != ''"),
    )


def upgrade() -> None:
    _core_tables()
    _articles_table()
    _findings_tables()
    statements = _FTS_SQLITE if op.get_bind().dialect.name == "sqlite" else _FTS_POSTGRES
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for table in (
        "times",
        "markers",
        "techniques",
        "entity_labels",
        "entities",
        "attributions",
        "articles",
        "outlets",
        "ingest_errors",
        "ingest_runs",
    ):
        op.drop_table(table)
