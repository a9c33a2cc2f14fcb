"""Shared helpers of the corpus tests: a store on each backend, made-up articles, and writers for the
source formats (WARC, feeds, sitemaps) so every fixture is produced by the tests themselves."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import io
import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from presslens import Analysis, Article, Attribution, Descriptor, Entity, Marker, Span, Speaker, Technique

PG_URL = os.environ.get("PRESSLENS_TEST_PG_URL")
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@contextmanager
def store_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty store: a SQLite file, or a PostgreSQL schema of its own dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'corpus.db'}"
        return
    if not PG_URL:
        pytest.skip("PRESSLENS_TEST_PG_URL is not set (scripts/postgres.sh starts a server and prints it)")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


STORY = (
    "HARBOURTON (AP) — The city council of Harbourton voted late on Tuesday to approve a new sea wall "
    "along the eastern docks, ending a dispute that had dragged on for nearly two years. Council members "
    "said the project would protect about four thousand homes from winter storms. The vote was seven to "
    "two. Opponents argued that the cost, estimated at ninety million dollars, would fall on small "
    "businesses near the waterfront, and several shop owners attended the meeting to protest. The mayor "
    "promised that construction would begin in the spring and that the port would remain open throughout."
)
OTHER = (
    "A regional orchestra announced its autumn programme on Monday, with three premieres by local "
    "composers and a cycle of Beethoven symphonies. The conductor said ticket prices would stay the same "
    "as last season. Rehearsals start next month in the renovated concert hall on Linden Street, which "
    "reopened after a fire damaged its roof and part of the stage last winter."
)


def page(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split(". "))
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body><nav>Home | News</nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article><footer>Contact us</footer></body></html>"
    )


def write_warc(path: Path, pages: list[tuple[str, str, dt.datetime]]) -> None:
    """A gzipped WARC with a response record per (url, html, crawl time), plus records ingest must skip."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.suffix == ".gz")
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "presslens tests"}))
        for url, html, seen in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(html.encode("utf-8")),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": seen.strftime("%Y-%m-%dT%H:%M:%SZ")},
            )
            writer.write_record(record)
        missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://gone.example/x", "response", payload=io.BytesIO(b"<html>gone</html>"), http_headers=missing
            )
        )


def rss(items: list[tuple[str, str, str]], title: str = "Harbourton Gazette") -> str:
    """An RSS 2.0 feed of (link, title, RFC 822 date) items."""
    body = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate></item>" for link, t, d in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'


def sitemap(urls: list[str]) -> str:
    body = "".join(
        f"<url><loc>{u}</loc><news:news><news:publication><news:name>Dock Times</news:name></news:publication>"
        f"<news:publication_date>2024-05-0{i + 1}</news:publication_date></news:news></url>"
        for i, u in enumerate(urls)
    )
    return (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{body}</urlset>'
    )


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (the only network the tests use); yields the base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return None

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start=start, end=start + len(part), text=part)


def analysed(
    text: str,
    *,
    site: str,
    url: str,
    published: dt.date,
    quotes: list[tuple[str, str]],
    labels: list[tuple[str, str, bool]],
    techniques: list[tuple[str, str]],
    markers: list[str],
) -> tuple[Article, Analysis]:
    """An article and a hand-written analysis of it, with real offsets: quotes are (speaker, quoted
    words), labels (entity, label word, in a quote?), techniques (name, words), markers (words)."""
    attributions = tuple(
        Attribution(
            id=f"a{i}",
            kind="direct",
            content=_span(text, words),
            cue=_span(text, "said"),
            cue_stance="neutral",
            speaker=Speaker(name=speaker),
        )
        for i, (speaker, words) in enumerate(quotes)
    )
    entities = tuple(
        Entity(
            id=f"e{i}",
            name=name,
            type="PERSON",
            mentions=(_span(text, name.split()[-1]),),
            descriptors=(Descriptor(**_span(text, label).model_dump(), voice="a0" if quoted else None),),
        )
        for i, (name, label, quoted) in enumerate(labels)
    )
    article = Article(text=text, title=text[:30], published=published, url=url, site=site)
    analysis = Analysis(
        presslens_version="test",
        text=text,
        title=article.title,
        published=published,
        url=url,
        site=site,
        attributions=attributions,
        entities=entities,
        markers=tuple(
            Marker(kind="scare_quote", **_span(text, m).model_dump(), reason="quoted by the outlet") for m in markers
        ),
        techniques=tuple(Technique(technique=n, **_span(text, w).model_dump(), score=0.9) for n, w in techniques),
    )
    return article, analysis
