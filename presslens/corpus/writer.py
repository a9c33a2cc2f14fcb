"""Writing one analysed article into the store, inside the caller's transaction."""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from .._article import Article
from .._contract import Analysis, Attribution, Entity
from .keys import outlet_name
from .models import (
    Outlet,
    StoredArticle,
    StoredAttribution,
    StoredEntity,
    StoredLabel,
    StoredMarker,
    StoredTechnique,
    StoredTime,
)
from .reprints import Fingerprint, Link

# The columns each span table shares with its contract model, besides the article.
_TECHNIQUE_FIELDS: Final = ("technique", "start", "end", "text", "score")
_MARKER_FIELDS: Final = ("kind", "start", "end", "text", "target", "reason")
_TIME_FIELDS: Final = ("start", "end", "text", "value")


@dataclass(frozen=True, slots=True)
class Pending:
    """An article loaded, keyed and fingerprinted, waiting for its analysis and its transaction."""

    article: Article
    text_hash: str
    url_key: str
    seen: dt.datetime
    fingerprint: Fingerprint
    analysis: Analysis | None = None


def outlet_id(session: Session, name: str | None) -> int | None:
    """Get or create the outlet, safe against a concurrent ingest creating it first."""
    if name is None:
        return None
    dialect_insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(dialect_insert(Outlet).values(name=name).on_conflict_do_nothing(index_elements=["name"]))
    return session.scalar(select(Outlet.id).where(Outlet.name == name))


def save(
    session: Session,
    pending: Pending,
    analysis: Analysis | None,
    analyzers: str | None,
    run_id: int,
    keep_raw: bool,
) -> int:
    """Insert the article and its findings; returns the new article's id."""
    article = pending.article
    row = StoredArticle(
        outlet_id=outlet_id(session, outlet_name(article.site, article.url)),
        run_id=run_id,
        url=article.url,
        url_key=pending.url_key,
        title=article.title,
        author=article.author,
        published=article.published,
        first_seen=pending.seen,
        language=article.language,
        extractor=article.extractor,
        origin=article.origin,
        text=article.text,
        text_hash=pending.text_hash,
        raw_zlib=zlib.compress(article.raw) if keep_raw and article.raw else None,
        analysis_zlib=zlib.compress(analysis.to_json(indent=None).encode("utf-8")) if analysis else None,
        analysis_schema=analysis.schema_ if analysis else None,
        analysis_version=analysis.presslens_version if analysis else None,
        analyzers=analyzers if analysis else None,
        minhash=pending.fingerprint.to_bytes(),
        shingles=pending.fingerprint.size,
        wire=pending.fingerprint.wire,
    )
    session.add(row)
    session.flush()
    if analysis is not None:
        _save_findings(session, row.id, analysis)
    return row.id


def save_links(session: Session, links: list[Link]) -> None:
    for link in links:
        session.execute(
            update(StoredArticle)
            .where(StoredArticle.id == link.article)
            .values(reprint_of=link.original, reprint_kind=link.kind, reprint_similarity=link.similarity)
        )


def _save_findings(session: Session, article_id: int, analysis: Analysis) -> None:
    _insert(session, StoredAttribution, [_attribution(article_id, a) for a in analysis.attributions])
    _save_spans(session, article_id, analysis)
    speakers = {a.id: a.speaker.name for a in analysis.attributions if a.speaker}
    for entity in analysis.entities:
        _save_entity(session, article_id, entity, speakers)


def _save_spans(session: Session, article_id: int, analysis: Analysis) -> None:
    """The findings that are spans with a label and nothing hanging from them."""
    _insert(session, StoredTechnique, _rows(article_id, analysis.techniques, _TECHNIQUE_FIELDS))
    _insert(session, StoredMarker, _rows(article_id, analysis.markers, _MARKER_FIELDS))
    _insert(session, StoredTime, _rows(article_id, analysis.times, _TIME_FIELDS))


def _rows(article_id: int, findings: Sequence[object], fields: tuple[str, ...]) -> list[dict[str, Any]]:
    """One table row per finding: its article and the named fields, which the table shares with the contract."""
    return [{"article_id": article_id, **{f: getattr(x, f) for f in fields}} for x in findings]


def _save_entity(session: Session, article_id: int, entity: Entity, speakers: dict[str, str]) -> None:
    """An entity, then its labels, each with the name of the speaker in whose voice it is (None: the
    outlet's own)."""
    entity_id = session.scalar(
        insert(StoredEntity).returning(StoredEntity.id),
        {
            "article_id": article_id,
            "key": entity.id,
            "name": entity.name,
            "type": entity.type,
            "mentions": len(entity.mentions),
        },
    )
    labels = [
        {
            "entity_id": entity_id,
            "article_id": article_id,
            "start": d.start,
            "end": d.end,
            "text": d.text,
            "voice": d.voice,
            "voice_speaker": speakers.get(d.voice) if d.voice else None,
        }
        for d in entity.descriptors
    ]
    _insert(session, StoredLabel, labels)


def _attribution(article_id: int, a: Attribution) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "key": a.id,
        "kind": a.kind,
        "content": a.said,  # a frame inside the content is the outlet's words, not the speaker's
        "content_start": a.content.start,
        "content_end": a.content.end,
        "cue": a.cue.text if a.cue else None,
        "cue_stance": a.cue_stance,
        "source": a.source.text if a.source else None,
        "speaker": a.speaker.name if a.speaker else None,
        "speaker_entity": a.speaker.entity if a.speaker else None,
        "via": a.via,
    }


def _insert(session: Session, table: type[Any], rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(table), rows)
