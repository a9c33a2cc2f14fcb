"""What ``presslens ingest SOURCE`` accepts, as a stream of records to load one by one.

A record carries a loader rather than an article: loading (fetching a feed item's page, extracting an
archived page) is where a single record goes wrong, and the ingest loop must catch that per record. A
record's URL, when known before loading, lets a resumed ingest skip stored articles without fetching them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

from .._article import Article
from .._contract import Analysis
from ..errors import InputError
from ..intake import feeds, jsonl, sitemap, warc
from ..intake.html import article_from_html
from ..intake.language import check_english
from ..intake.text import article_from_bytes
from ..intake.url import fetch
from ..options import IntakeOptions

_TEXT_SUFFIXES = frozenset({".txt", ".text"})
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_JSONL_NAMES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
_MAX_SITEMAPS = 1000


@dataclass(frozen=True, slots=True)
class Record:
    origin: str
    load: Callable[[], Article]
    url: str | None = None
    seen: dt.datetime | None = None
    analysis: Analysis | None = None


class Source(Protocol):
    @property
    def name(self) -> str: ...

    def count(self) -> int: ...

    def records(self) -> Iterator[Record]: ...


def open_source(spec: str, options: IntakeOptions) -> Source:
    """The source a SOURCE argument names: a folder, a JSONL, WARC, feed or sitemap file, or a URL."""
    if spec.startswith(("http://", "https://", "file://")):
        return _from_bytes(spec, read_url(spec, options), options)
    path = Path(spec)
    if path.is_dir():
        files = sorted(
            p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _TEXT_SUFFIXES | _HTML_SUFFIXES
        )
        return _Listed(spec, [_file_record(p, options) for p in files])
    if not path.is_file():
        raise InputError(f"{spec} does not exist; give a folder, a .jsonl, .warc(.gz), feed or sitemap file, or a URL")
    if path.name.lower().endswith(_JSONL_NAMES):
        return _JsonLines(spec, path)
    if warc.looks_like_warc(path):
        return _Warc(spec, path, options)
    if path.suffix.lower() in _TEXT_SUFFIXES | _HTML_SUFFIXES:
        return _Listed(spec, [_file_record(path, options)])
    return _from_bytes(spec, _read_file(path, options), options)


def read_url(url: str, options: IntakeOptions) -> bytes:
    """http(s) through intake's fetch; ``file://`` from disk (local feeds and their pages). Some feed
    parsers rewrite ``file:///tmp/x`` as ``file://tmp/x``; a host other than localhost is read as the
    path's first folder."""
    if url.startswith("file://"):
        parts = urlsplit(url)
        host = parts.netloc if parts.netloc not in {"", "localhost"} else ""
        return _read_file(Path(unquote(f"/{host}{parts.path}" if host else parts.path)), options)
    return fetch(url, options)


def finish(article: Article, origin: str) -> Article:
    """Every record passes the same language check as ``presslens analyze`` does."""
    return dataclasses.replace(article, language=check_english(article.text, origin))


def _from_bytes(spec: str, data: bytes, options: IntakeOptions) -> Source:
    if sitemap.looks_like_sitemap(data):
        return _Listed(spec, _sitemap_records(spec, data, options))
    if feeds.looks_like_feed(data):
        items = feeds.feed_items(data, spec)
        return _Listed(spec, [_page_record(i.url, options, i.title, i.published, i.site) for i in items])
    if spec.startswith(("http://", "https://")):
        return _Listed(spec, [Record(spec, lambda: finish(article_from_html(data, url=spec), spec), url=spec)])
    raise InputError(f"{spec} is not a feed, a sitemap, JSON Lines (.jsonl) or WARC (.warc, .warc.gz)")


def _read_file(path: Path, options: IntakeOptions) -> bytes:
    try:
        size = path.stat().st_size
        if size > options.max_bytes and not warc.looks_like_warc(path):
            raise InputError(f"{path} is {size} bytes, over --max-bytes {options.max_bytes}")
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None


def _file_record(path: Path, options: IntakeOptions) -> Record:
    def load() -> Article:
        data = _read_file(path, options)
        if path.suffix.lower() in _HTML_SUFFIXES:
            return finish(article_from_html(data, origin=str(path)), str(path))
        return finish(article_from_bytes(data, str(path)), str(path))

    return Record(str(path), load)


def _page_record(
    url: str, options: IntakeOptions, title: str | None, published: dt.date | None, site: str | None
) -> Record:
    """A feed item or sitemap entry: the page is fetched when loaded; what the listing states about
    it (title, date, publication) fills what extraction could not find."""

    def load() -> Article:
        article = article_from_html(read_url(url, options), url=url)
        article = dataclasses.replace(
            article,
            title=article.title or title,
            published=article.published or published,
            site=site or article.site,
        )
        return finish(article, url)

    return Record(url, load, url=url)


def _sitemap_records(spec: str, data: bytes, options: IntakeOptions) -> list[Record]:
    records: list[Record] = []
    pending, visited = [(spec, data)], {spec}
    while pending:
        origin, body = pending.pop(0)
        parsed = sitemap.parse_sitemap(body, origin)
        records += [_page_record(e.url, options, e.title, e.published, e.site) for e in parsed.entries]
        for child in parsed.children:
            if child not in visited and len(visited) < _MAX_SITEMAPS:
                visited.add(child)
                pending.append((child, read_url(child, options)))
    return records


@dataclass(frozen=True, slots=True)
class _Listed:
    name: str
    items: list[Record]

    def count(self) -> int:
        return len(self.items)

    def records(self) -> Iterator[Record]:
        return iter(self.items)


@dataclass(frozen=True, slots=True)
class _JsonLines:
    name: str
    path: Path

    def count(self) -> int:
        return sum(1 for _ in jsonl.iter_lines(self.path))

    def records(self) -> Iterator[Record]:
        for number, line in jsonl.iter_lines(self.path):
            origin = f"{self.path}:{number}"
            try:
                parsed = jsonl.parse_line(line, origin)
            except InputError as error:
                yield Record(origin, _raiser(error))
                continue
            url = parsed.get("url") if isinstance(parsed.get("url"), str) else None
            yield Record(origin, _jsonl_loader(parsed, origin), url=url)


def _jsonl_loader(parsed: dict[str, object], origin: str) -> Callable[[], Article]:
    return lambda: finish(jsonl.article_from_record(parsed, origin), origin)


def _raiser(error: InputError) -> Callable[[], Article]:
    def load() -> Article:
        raise error

    return load


@dataclass(frozen=True, slots=True)
class _Warc:
    name: str
    path: Path
    options: IntakeOptions

    def count(self) -> int:
        return warc.count_pages(self.path)

    def records(self) -> Iterator[Record]:
        for page in warc.iter_pages(self.path):
            origin = f"{self.path}#{page.record_id or page.url}"
            yield Record(origin, _warc_loader(page, origin), url=page.url or None, seen=page.seen)


def _warc_loader(page: warc.WarcPage, origin: str) -> Callable[[], Article]:
    return lambda: finish(article_from_html(page.body, url=page.url or None, origin=origin), origin)
