"""Questions to the store, as SQLAlchemy Core statements that run unchanged on SQLite and PostgreSQL.

Every view takes the same filters. A filter on the article (outlet, date range, full text) narrows the
articles; a filter on a finding (speaker, entity, label, technique, marker) keeps the articles that have
one, and in the view listing that kind of finding it also keeps only the matching rows, so ``--speaker``
on ``quotes`` gives "everything attributed to the minister", not every quote of the articles he is in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    Select,
    and_,
    case,
    cast,
    column,
    distinct,
    exists,
    func,
    literal,
    select,
    text,
    true,
)
from sqlalchemy.orm import aliased

from ..errors import InputError
from .models import (
    IngestError,
    Outlet,
    StoredArticle,
    StoredAttribution,
    StoredEntity,
    StoredLabel,
    StoredMarker,
    StoredTechnique,
)

A = StoredArticle


@dataclass(frozen=True, slots=True)
class Filters:
    outlet: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    text: str | None = None
    speaker: str | None = None
    entity: str | None = None
    label: str | None = None
    technique: str | None = None
    marker: str | None = None
    top: int = 10


def _has(column: Any, value: str) -> ColumnElement[bool]:
    """Case-insensitive substring match, with % and _ in the user's value taken literally."""
    return func.lower(column).contains(value.lower(), autoescape=True)


def _is(column: Any, value: str) -> ColumnElement[bool]:
    return func.lower(column) == value.lower()


def fts_query(words: str) -> str:
    """The user's words and "quoted phrases" as an FTS5 query: all of them must occur."""
    terms = [(phrase or word).replace('"', "").strip() for phrase, word in re.findall(r'"([^"]*)"|(\S+)', words)]
    quoted = [f'"{term}"' for term in terms if term]
    if not quoted:
        raise InputError("the full-text filter is empty; give some words to search for")
    return " AND ".join(quoted)


def _full_text(dialect: str, words: str) -> ColumnElement[bool]:
    query = fts_query(words)
    if dialect == "sqlite":
        ids = text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :fts").bindparams(fts=query)
        return A.id.in_(ids.columns(column("rowid", Integer)))
    return text("articles.tsv @@ websearch_to_tsquery('english', :fts)").bindparams(fts=words)  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class _Tables:
    """The finding tables a condition is written on: the mapped classes for a view's own rows, aliases
    inside the EXISTS of the article filter (which must not correlate with the view's own join)."""

    attribution: Any = StoredAttribution
    entity: Any = StoredEntity
    label: Any = StoredLabel
    technique: Any = StoredTechnique
    marker: Any = StoredMarker


def _aliased() -> _Tables:
    return _Tables(*(aliased(m) for m in (StoredAttribution, StoredEntity, StoredLabel, StoredTechnique, StoredMarker)))


def _finding(f: Filters, t: _Tables = _Tables()) -> dict[str, ColumnElement[bool] | None]:
    """Per finding table, the row condition its filters impose (None when none applies)."""
    label = [
        c
        for c in (
            _has(t.entity.name, f.entity) if f.entity else None,
            _has(t.label.text, f.label) if f.label else None,
        )
        if c is not None
    ]
    return {
        "speaker": _has(t.attribution.speaker, f.speaker) if f.speaker else None,
        "label": and_(*label) if label else None,
        "technique": _is(t.technique.technique, f.technique) if f.technique else None,
        "marker": _is(t.marker.kind, f.marker) if f.marker else None,
    }


def article_filter(f: Filters, dialect: str) -> ColumnElement[bool]:
    conditions: list[ColumnElement[bool]] = []
    if f.outlet:
        conditions.append(A.outlet_id.in_(select(Outlet.id).where(_is(Outlet.name, f.outlet))))
    if f.since:
        conditions.append(A.published >= f.since)
    if f.until:
        conditions.append(A.published <= f.until)
    if f.text is not None:
        conditions.append(_full_text(dialect, f.text))
    t = _aliased()
    rows = _finding(f, t)
    if rows["speaker"] is not None:
        conditions.append(exists().where(t.attribution.article_id == A.id, rows["speaker"]))
    if rows["label"] is not None:
        where = (t.entity.article_id == A.id, rows["label"])
        joined = (
            select(t.entity.id).where(*where)
            if not f.label
            else (select(t.label.id).join(t.entity, t.entity.id == t.label.entity_id).where(*where))
        )
        conditions.append(exists(joined))
    if rows["technique"] is not None:
        conditions.append(exists().where(t.technique.article_id == A.id, rows["technique"]))
    if rows["marker"] is not None:
        conditions.append(exists().where(t.marker.article_id == A.id, rows["marker"]))
    return and_(true(), *conditions)


def _month(dialect: str) -> ColumnElement[str]:
    if dialect == "sqlite":
        return func.strftime("%Y-%m", A.published)
    return func.to_char(A.published, "YYYY-MM")


def _base(columns: list[Any], f: Filters, dialect: str) -> Select[Any]:
    return select(*columns).select_from(A).outerjoin(Outlet, Outlet.id == A.outlet_id).where(article_filter(f, dialect))


def _article_columns() -> list[Any]:
    """The columns every per-finding view starts with, so rows can be joined back to their article."""
    return [A.id.label("article_id"), Outlet.name.label("outlet"), A.published]


def _matching(stmt: Select[Any], f: Filters, key: str, order: Any) -> Select[Any]:
    """Keep the findings the filter names (e.g. only the given speaker's quotes), in text order."""
    row = _finding(f)[key]
    return (stmt.where(row) if row is not None else stmt).order_by(A.id, order)


def articles(f: Filters, dialect: str) -> Select[Any]:
    return _base(
        [
            *_article_columns(),
            A.first_seen,
            A.title,
            A.url,
            A.author,
            A.extractor,
            A.language,
            A.analysis_version,
            A.text_hash,
            A.wire,
            A.reprint_of,
            A.reprint_kind,
            A.reprint_similarity,
            A.origin,
            A.text,
        ],
        f,
        dialect,
    ).order_by(A.id)


def quotes(f: Filters, dialect: str) -> Select[Any]:
    q = StoredAttribution
    stmt = _base(
        [
            *_article_columns(),
            q.speaker,
            q.kind,
            q.cue,
            q.cue_stance,
            q.content,
            q.source,
            q.via,
        ],
        f,
        dialect,
    ).join(q, q.article_id == A.id)
    return _matching(stmt, f, "speaker", q.content_start)


def labels(f: Filters, dialect: str) -> Select[Any]:
    e, d = StoredEntity, StoredLabel
    voice = case((d.voice.is_(None), literal("outlet")), else_=func.coalesce(d.voice_speaker, literal("quoted")))
    stmt = (
        _base(
            [
                *_article_columns(),
                e.name.label("entity"),
                e.type.label("entity_type"),
                d.text.label("label"),
                voice.label("voice"),
            ],
            f,
            dialect,
        )
        .join(d, d.article_id == A.id)
        .join(e, e.id == d.entity_id)
    )
    return _matching(stmt, f, "label", d.start)


def techniques(f: Filters, dialect: str) -> Select[Any]:
    t = StoredTechnique
    stmt = _base(
        [
            *_article_columns(),
            t.technique,
            t.text,
            t.score,
            t.start,
            t.end,
        ],
        f,
        dialect,
    ).join(t, t.article_id == A.id)
    return _matching(stmt, f, "technique", t.start)


def markers(f: Filters, dialect: str) -> Select[Any]:
    m = StoredMarker
    stmt = _base(
        [
            *_article_columns(),
            m.kind,
            m.text,
            m.target,
            m.reason,
            m.start,
            m.end,
        ],
        f,
        dialect,
    ).join(m, m.article_id == A.id)
    return _matching(stmt, f, "marker", m.start)


def technique_rates(f: Filters, dialect: str) -> Select[Any]:
    """Per outlet and month of publication: for each technique, its spans and the share of that month's
    articles that use it at least once."""
    t = StoredTechnique
    month = _month(dialect).label("month")
    totals = _base([Outlet.name.label("outlet"), month, func.count().label("articles")], f, dialect)
    totals_sq = totals.group_by(Outlet.name, month).subquery()
    used = _base(
        [
            Outlet.name.label("outlet"),
            month,
            t.technique,
            func.count().label("spans"),
            func.count(distinct(t.article_id)).label("with_technique"),
        ],
        f,
        dialect,
    ).join(t, t.article_id == A.id)
    row = _finding(f)["technique"]
    used_sq = (used.where(row) if row is not None else used).group_by(Outlet.name, month, t.technique).subquery()
    same = and_(_same(used_sq.c.outlet, totals_sq.c.outlet), _same(used_sq.c.month, totals_sq.c.month))
    rate = cast(used_sq.c.with_technique * 1.0 / totals_sq.c.articles, Float).label("rate")
    return (
        select(
            used_sq.c.outlet,
            used_sq.c.month,
            used_sq.c.technique,
            used_sq.c.spans,
            used_sq.c.with_technique,
            totals_sq.c.articles,
            rate,
        )
        .join(totals_sq, same)
        .order_by(used_sq.c.outlet, used_sq.c.month, used_sq.c.technique)
    )


def _same(a: ColumnElement[Any], b: ColumnElement[Any]) -> ColumnElement[bool]:
    """Equality that also pairs NULL with NULL (articles with no outlet or no date)."""
    return a.is_not_distinct_from(b)


def entity_labels(f: Filters, dialect: str) -> Select[Any]:
    """How each outlet labels each entity: label text, whose voice, and how often."""
    e, d = StoredEntity, StoredLabel
    voice = case((d.voice.is_(None), literal("outlet")), else_=literal("quoted")).label("voice")
    label = func.lower(d.text).label("label")
    stmt = (
        _base(
            [
                e.name.label("entity"),
                Outlet.name.label("outlet"),
                label,
                voice,
                func.count().label("uses"),
                func.count(distinct(A.id)).label("articles"),
            ],
            f,
            dialect,
        )
        .join(d, d.article_id == A.id)
        .join(e, e.id == d.entity_id)
    )
    row = _finding(f)["label"]
    stmt = stmt.where(row) if row is not None else stmt
    return stmt.group_by(e.name, Outlet.name, label, voice).order_by(e.name, Outlet.name, func.count().desc(), label)


def top_speakers(f: Filters, dialect: str) -> Select[Any]:
    """The most quoted speakers of each outlet, ``f.top`` per outlet."""
    q = StoredAttribution
    counted = (
        _base(
            [
                Outlet.name.label("outlet"),
                q.speaker,
                func.count().label("quotes"),
                func.count(distinct(A.id)).label("articles"),
            ],
            f,
            dialect,
        )
        .join(q, q.article_id == A.id)
        .where(q.speaker.is_not(None))
    )
    row = _finding(f)["speaker"]
    counted = (counted.where(row) if row is not None else counted).group_by(Outlet.name, q.speaker)
    sq = counted.subquery()
    rank = func.row_number().over(partition_by=sq.c.outlet, order_by=(sq.c.quotes.desc(), sq.c.speaker))
    ranked = select(sq, rank.label("rank")).subquery()
    return select(ranked).where(ranked.c.rank <= f.top).order_by(ranked.c.outlet, ranked.c.rank)


def reprints(f: Filters, dialect: str) -> Select[Any]:
    """The reprint graph, one edge per reprinted article."""
    original = aliased(StoredArticle)
    source_outlet = aliased(Outlet)
    return (
        _base(
            [
                A.id.label("article_id"),
                Outlet.name.label("outlet"),
                A.first_seen,
                A.title,
                A.reprint_kind,
                A.reprint_similarity,
                A.wire,
                original.id.label("original_id"),
                source_outlet.name.label("original_outlet"),
                original.first_seen.label("original_first_seen"),
                original.title.label("original_title"),
            ],
            f,
            dialect,
        )
        .join(original, original.id == A.reprint_of)
        .outerjoin(source_outlet, source_outlet.id == original.outlet_id)
        .order_by(A.id)
    )


def errors(f: Filters, dialect: str) -> Select[Any]:
    """What failed during ingest runs (the article filters do not apply: these never became articles)."""
    x = IngestError
    columns: list[Any] = [x.run_id, x.created_at, x.origin, x.stage, x.error_type, x.message]
    return select(*columns).order_by(x.id)


VIEWS: dict[str, Callable[[Filters, str], Select[Any]]] = {
    "articles": articles,
    "quotes": quotes,
    "labels": labels,
    "techniques": techniques,
    "markers": markers,
    "technique-rates": technique_rates,
    "entity-labels": entity_labels,
    "top-speakers": top_speakers,
    "reprints": reprints,
    "errors": errors,
}
