"""``presslens.Corpus``: the store as a Python object, with the same operations as the CLI.

>>> from presslens import Corpus
>>> corpus = Corpus("sqlite:///news.db")                 # created and migrated on first use
>>> summary = corpus.ingest(["feeds/bbc.xml", "crawl/CC-NEWS-20240301.warc.gz"])
>>> for row in corpus.quotes(speaker="Ada Brennan"):      # rows stream from the database
...     print(row.outlet, row.published, row.content)
>>> corpus.technique_rates(outlet="example.com").to_parquet("rates.parquet")
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, Row, Select, select

from .._article import Article
from .._contract import Analysis
from ..errors import InputError
from . import export, query
from .ingest import IngestOptions, IngestSummary, Progress, ingest
from .models import StoredArticle
from .sources import Record
from .store import open_engine


@dataclass(frozen=True, slots=True)
class Rows:
    """A query's result, read lazily: iterating streams rows (SQLAlchemy ``Row``s, readable by column name
    as attributes) and never holds the whole result; each iteration runs the query afresh."""

    engine: Engine
    statement: Select[Any]

    @property
    def columns(self) -> list[str]:
        return [c.name for c in self.statement.selected_columns]

    def __iter__(self) -> Iterator[Row[Any]]:
        with self.engine.connect() as connection:
            yield from connection.execution_options(yield_per=1000).execute(self.statement)

    def write(self, fmt: str, path: str | Path | None = None, limit: int | None = None) -> int:
        types = [c.type for c in self.statement.selected_columns]
        return export.write(self.columns, types, iter(self), fmt, Path(path) if path else None, limit)

    def to_csv(self, path: str | Path) -> int:
        return self.write("csv", path)

    def to_jsonl(self, path: str | Path) -> int:
        return self.write("jsonl", path)

    def to_parquet(self, path: str | Path) -> int:
        return self.write("parquet", path)


class Corpus:
    """A corpus store: SQLite by default (``presslens.db`` here), or PostgreSQL by URL."""

    def __init__(self, url: str | None = None) -> None:
        self.engine = open_engine(url)

    def __enter__(self) -> Corpus:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def ingest(
        self, sources: Sequence[str], options: IngestOptions | None = None, progress: Progress | None = None
    ) -> IngestSummary:
        """Ingest folders, JSONL, feeds, sitemaps and WARC files or URLs, as ``presslens ingest`` does."""
        return ingest(self.engine, sources, options, progress)

    def add(self, articles: Iterable[Article], options: IngestOptions | None = None) -> IngestSummary:
        """Analyse and store articles you built yourself, with the same duplicate and reprint rules."""
        return ingest(self.engine, [_Articles(list(articles))], options)

    def add_analyses(
        self, pairs: Iterable[tuple[Article, Analysis]], options: IngestOptions | None = None
    ) -> IngestSummary:
        """Store analyses computed elsewhere (e.g. by ``analyze_many`` on another machine) with their
        articles, without analysing again; duplicates and reprints are handled as in ``ingest``."""
        listed = list(pairs)
        return ingest(self.engine, [_Articles([a for a, _ in listed], [x for _, x in listed])], options)

    def query(self, view: str = "articles", **filters: Any) -> Rows:
        """Any view of ``query.VIEWS`` with the filters of ``query.Filters`` as keyword arguments."""
        if view not in query.VIEWS:
            raise InputError(f"unknown view {view!r}; choose one of {', '.join(query.VIEWS)}")
        try:
            chosen = query.Filters(**filters)
        except TypeError as error:
            raise InputError(f"unknown filter: {error}") from None
        return Rows(self.engine, query.VIEWS[view](chosen, self.engine.dialect.name))

    def articles(self, **filters: Any) -> Rows:
        return self.query("articles", **filters)

    def quotes(self, **filters: Any) -> Rows:
        return self.query("quotes", **filters)

    def labels(self, **filters: Any) -> Rows:
        return self.query("labels", **filters)

    def techniques(self, **filters: Any) -> Rows:
        return self.query("techniques", **filters)

    def markers(self, **filters: Any) -> Rows:
        return self.query("markers", **filters)

    def technique_rates(self, **filters: Any) -> Rows:
        return self.query("technique-rates", **filters)

    def entity_labels(self, **filters: Any) -> Rows:
        return self.query("entity-labels", **filters)

    def top_speakers(self, **filters: Any) -> Rows:
        return self.query("top-speakers", **filters)

    def reprints(self, **filters: Any) -> Rows:
        return self.query("reprints", **filters)

    def errors(self) -> Rows:
        return self.query("errors")

    def analysis(self, article_id: int) -> Analysis:
        """The stored analysis of one article, exactly as ``analyze`` returned it."""
        blob = self._column(article_id, StoredArticle.analysis_zlib)
        if blob is None:
            raise InputError(f"article {article_id} was stored without analysis (ingested with --analyzers none)")
        return Analysis.from_json(zlib.decompress(blob))

    def raw(self, article_id: int) -> bytes | None:
        """The article's original input (the HTML page for web sources), or None for plain text."""
        blob = self._column(article_id, StoredArticle.raw_zlib)
        return zlib.decompress(blob) if blob is not None else None

    def _column(self, article_id: int, column: Any) -> Any:
        with self.engine.connect() as connection:
            found = connection.execute(select(column).where(StoredArticle.id == article_id)).first()
        if found is None:
            raise InputError(f"there is no article {article_id} in this corpus")
        return found[0]


@dataclass(frozen=True, slots=True)
class _Articles:
    items: list[Article]
    analyses: list[Analysis] | None = None
    name: str = "api"

    def count(self) -> int:
        return len(self.items)

    def records(self) -> Iterator[Record]:
        for number, article in enumerate(self.items, start=1):
            given = self.analyses[number - 1] if self.analyses is not None else None
            yield Record(
                article.origin or f"article {number}",
                _const(article),
                url=article.url,
                seen=dt.datetime.now(dt.UTC),
                analysis=given,
            )


def _const(article: Article) -> Callable[[], Article]:
    return lambda: article
