"""The ingest loop: records in, analysed and stored articles out, one transaction per article.

Safety comes from three rules. An article is committed with all its findings or not at all, so a run
killed at any instant leaves only whole articles behind. Before any work, a record is looked up by URL and
normalised text hash, so running the same command again skips what is stored and finishes the rest. Every
failure of one record (unreadable, not English, analysis crash, store conflict) is written to the errors
table and the run moves on; only a broken model or a lost database stops it.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy import Engine, or_, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from .._article import Article
from .._contract import Analysis
from .._version import __version__
from ..errors import ModelError, PresslensError, StoreError
from ..options import AnalyzeOptions, IntakeOptions
from . import writer
from .keys import text_hash, url_key
from .models import IngestError, IngestRun, StoredArticle
from .reprints import ReprintIndex, fingerprint, fingerprint_from
from .sources import Record, Source, open_source


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """``analyze=None`` stores articles without analysing them (text, raw input, reprint links only)."""

    analyze: AnalyzeOptions | None = field(default_factory=AnalyzeOptions)
    intake: IntakeOptions = field(default_factory=IntakeOptions)
    batch_size: int = 16
    keep_raw: bool = True


@dataclass(frozen=True, slots=True)
class Failure:
    origin: str
    stage: str
    error_type: str
    message: str


@dataclass(slots=True)
class IngestSummary:
    run_id: int
    ingested: int = 0
    duplicates: int = 0
    failed: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)


class Progress(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self) -> None: ...


class _Silent:
    def start(self, total: int) -> None:
        return None

    def advance(self) -> None:
        return None


def ingest(
    engine: Engine,
    specs: Sequence[str | Source],
    options: IngestOptions | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """Ingest every record of every source (a SOURCE argument, or an opened Source) into the store."""
    return _Run(engine, options or IngestOptions(), progress or _Silent()).run(specs)


class _Run:
    def __init__(self, engine: Engine, options: IngestOptions, progress: Progress) -> None:
        self.engine = engine
        self.options = options
        self.progress = progress
        self.index = load_index(engine)
        self.batch: list[writer.Pending] = []
        self.summary = IngestSummary(run_id=0)
        analyzers = options.analyze.analyzers if options.analyze else frozenset()
        self.analyzers = ",".join(sorted(analyzers))

    def run(self, specs: Sequence[str | Source]) -> IngestSummary:
        started = time.perf_counter()
        self.summary.run_id = self._start_run(specs)
        sources = [s for s in (self._open(spec) for spec in specs) if s is not None]
        self.progress.start(sum(self._count(s) for s in sources))
        for source in sources:
            self._ingest_source(source)
        self._flush()
        self.summary.seconds = time.perf_counter() - started
        self._save_counts(finished=True)
        return self.summary

    def _open(self, spec: str | Source) -> Source | None:
        if not isinstance(spec, str):
            return spec
        try:
            return open_source(spec, self.options.intake)
        except PresslensError as error:
            self._fail(spec, "open", error)
            return None

    def _count(self, source: Source) -> int:
        try:
            return source.count()
        except (PresslensError, OSError) as error:
            self._fail(source.name, "open", error)
            return 0

    def _ingest_source(self, source: Source) -> None:
        try:
            for record in source.records():
                self._take(record)
                if len(self.batch) >= self.options.batch_size:
                    self._flush()
        except (PresslensError, OSError, ValueError) as error:
            self._fail(source.name, "read", error)

    def _take(self, record: Record) -> None:
        key = url_key(record.url)
        if key and self._known(key=key):
            self._duplicate()
            return
        try:
            article = record.load()
        except ModelError:
            raise
        except Exception as error:  # one bad record is logged and skipped, whatever it raised
            self._fail(record.origin, "load", error)
            self.progress.advance()
            return
        self._queue(article, record)

    def _queue(self, article: Article, record: Record) -> None:
        key = url_key(article.url)
        digest = text_hash(article.text)
        if self._known(key=key, digest=digest):
            self._duplicate()
            return
        seen = record.seen or dt.datetime.now(dt.UTC)
        self.batch.append(writer.Pending(article, digest, key, seen, fingerprint(article.text), record.analysis))

    def _known(self, key: str, digest: str | None = None) -> bool:
        """Stored or queued already: same URL, or same text where either side has no URL."""
        for queued in self.batch:
            if (key and queued.url_key == key) or (digest == queued.text_hash and (not key or not queued.url_key)):
                return True
        clauses = [StoredArticle.url_key == key] if key else []
        if digest is not None:
            same_place = or_(StoredArticle.url_key == "", StoredArticle.url_key == key) if key else True
            clauses.append((StoredArticle.text_hash == digest) & same_place)
        with self.engine.connect() as connection:
            return connection.scalar(select(StoredArticle.id).where(or_(*clauses)).limit(1)) is not None

    def _flush(self) -> None:
        batch, self.batch = self.batch, []
        fresh = iter(self._analyse([p.article for p in batch if p.analysis is None]))
        results = [p.analysis if p.analysis is not None else next(fresh) for p in batch]
        for pending, result in zip(batch, results, strict=True):
            if isinstance(result, Exception):
                self._fail(pending.article.origin or pending.article.url or "?", "analyze", result)
            else:
                self._store(pending, result)
            self.progress.advance()
        if batch:
            self._save_counts(finished=False)

    def _analyse(self, articles: list[Article]) -> list[Analysis | Exception | None]:
        if self.options.analyze is None or not articles:
            return [None] * len(articles)
        from ..pipeline import analyze, analyze_many

        options = self.options.analyze
        try:
            return list(analyze_many(articles, options))
        except ModelError:
            raise
        except Exception:  # find which article broke the batch; the others are analysed one by one
            return [_analyse_one(analyze, article, options) for article in articles]

    def _store(self, pending: writer.Pending, analysis: Analysis | None) -> None:
        analyzers = self.analyzers if pending.analysis is None else "given"
        try:
            with Session(self.engine) as session, session.begin():
                article_id = writer.save(
                    session, pending, analysis, analyzers, self.summary.run_id, self.options.keep_raw
                )
                links = self.index.link(article_id, pending.fingerprint, pending.seen, pending.text_hash)
                writer.save_links(session, links)
        except IntegrityError:
            self._duplicate(advance=False)
            return
        except SQLAlchemyError as error:
            self._fail(pending.article.origin or pending.article.url or "?", "store", error)
            return
        self.index.add(article_id, pending.fingerprint, pending.seen, pending.text_hash, links)
        self.summary.ingested += 1

    def _duplicate(self, advance: bool = True) -> None:
        self.summary.duplicates += 1
        if advance:
            self.progress.advance()

    def _fail(self, origin: str, stage: str, error: Exception) -> None:
        text = _message(error)
        failure = Failure(origin, stage, type(error).__name__, text)
        self.summary.failed += 1
        self.summary.failures.append(failure)
        now = dt.datetime.now(dt.UTC)
        self._write(
            IngestError(
                run_id=self.summary.run_id,
                origin=origin,
                stage=stage,
                error_type=failure.error_type,
                message=text,
                created_at=now,
            )
        )

    def _start_run(self, specs: Sequence[str | Source]) -> int:
        names = [spec if isinstance(spec, str) else spec.name for spec in specs]
        run = IngestRun(
            started_at=dt.datetime.now(dt.UTC),
            sources=json.dumps(names),
            presslens_version=__version__,
            ingested=0,
            duplicates=0,
            failed=0,
        )
        self._write(run)
        return run.id

    def _save_counts(self, finished: bool) -> None:
        values: dict[str, object] = {
            "ingested": self.summary.ingested,
            "duplicates": self.summary.duplicates,
            "failed": self.summary.failed,
        }
        if finished:
            values["finished_at"] = dt.datetime.now(dt.UTC)
        try:
            with self.engine.begin() as connection:
                connection.execute(update(IngestRun).where(IngestRun.id == self.summary.run_id).values(**values))
        except SQLAlchemyError as error:
            raise StoreError(f"cannot write to the store at {self.engine.url!r}: {error}") from error

    def _write(self, row: IngestRun | IngestError) -> None:
        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                session.add(row)
        except SQLAlchemyError as error:
            raise StoreError(f"cannot write to the store at {self.engine.url!r}: {error}") from error


def _message(error: Exception) -> str:
    if isinstance(error, PresslensError):
        return error.message
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def _analyse_one(analyze: object, article: Article, options: AnalyzeOptions) -> Analysis | Exception:
    try:
        return analyze(article, options)  # type: ignore[operator, no-any-return]
    except ModelError:
        raise
    except Exception as error:  # reported as this record's failure
        return error


def load_index(engine: Engine) -> ReprintIndex:
    """The reprint index of everything already stored, so reprints link across runs."""
    index = ReprintIndex()
    columns = (
        StoredArticle.id,
        StoredArticle.minhash,
        StoredArticle.shingles,
        StoredArticle.wire,
        StoredArticle.first_seen,
        StoredArticle.text_hash,
        StoredArticle.reprint_of,
    )
    query = select(*columns).where(StoredArticle.minhash.is_not(None)).order_by(StoredArticle.id)
    with engine.connect() as connection:
        for row in connection.execution_options(yield_per=2000).execute(query):
            fp = fingerprint_from(row.minhash, row.shingles, row.wire)
            index.restore(row.id, fp, row.first_seen, row.text_hash, row.reprint_of)
    return index
