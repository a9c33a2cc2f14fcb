"""Ingest into a real store, on SQLite and on PostgreSQL: every source kind, idempotence, failures kept
per record, reprint links, and one article through the full analysis."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus_support import BACKENDS, OTHER, STORY, page, rss, serve, sitemap, store_url, write_warc
from sqlalchemy import func, select

from presslens import AnalyzeOptions, Article, Corpus, analyze
from presslens.corpus import IngestOptions
from presslens.corpus.models import IngestError, IngestRun, StoredArticle, StoredAttribution, StoredMarker

FAST = IngestOptions(analyze=AnalyzeOptions(analyzers=frozenset({"markers", "times"})))
THIRD = (
    "Fishermen in Harbourton said on Wednesday that the so-called “temporary” closure of the northern "
    "pier had already lasted eight months, and that catches landed at the eastern docks had fallen by a third."
)


@pytest.fixture(params=BACKENDS)
def corpus(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Corpus]:
    with store_url(request.param, tmp_path) as url, Corpus(url) as opened:
        yield opened


def _count(corpus: Corpus, column: object = StoredArticle.id) -> int:
    with corpus.engine.connect() as connection:
        return int(connection.scalar(select(func.count(column))) or 0)


def _folder(tmp_path: Path) -> str:
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "sub" / "b.html").write_text(page("Orchestra season", OTHER), encoding="utf-8")
    (folder / "notes.csv").write_text("ignored,file\n", encoding="utf-8")
    return str(folder)


def _jsonl(tmp_path: Path) -> str:
    path = tmp_path / "items.jsonl.gz"
    lines = [
        {
            "text": STORY,
            "url": "https://g.example/wall",
            "title": "Sea wall",
            "published": "2024-05-01",
            "site": "Harbourton Gazette",
        },
        {"html": page("Orchestra", OTHER), "url": "https://d.example/music", "site": "Dock Times"},
    ]
    path.write_bytes(gzip.compress("\n".join(json.dumps(x) for x in lines).encode("utf-8")))
    return str(path)


def _warc(tmp_path: Path) -> str:
    path = tmp_path / "crawl.warc.gz"
    seen = dt.datetime(2024, 5, 1, 6, 0, tzinfo=dt.UTC)
    write_warc(
        path,
        [
            ("https://g.example/wall", page("Sea wall", STORY), seen),
            ("https://d.example/music", page("Orchestra", OTHER), seen),
        ],
    )
    return str(path)


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "wall.html").write_text(page("Sea wall", STORY), encoding="utf-8")
    (site / "music.html").write_text(page("Orchestra", OTHER), encoding="utf-8")
    return site


@pytest.mark.parametrize("kind", ["folder", "jsonl", "warc"])
def test_ingest_file_sources(corpus: Corpus, tmp_path: Path, kind: str) -> None:
    spec = {"folder": _folder, "jsonl": _jsonl, "warc": _warc}[kind](tmp_path)
    summary = corpus.ingest([spec], FAST)
    assert (summary.ingested, summary.duplicates, summary.failed) == (2, 0, 0)
    rows = list(corpus.articles())
    assert {r.text_hash for r in rows} and all(r.analysis_version for r in rows)
    html = next(r for r in rows if "orchestra" in r.text.lower())
    assert html.extractor.startswith("trafilatura")
    assert b"<nav>" in (corpus.raw(html.article_id) or b"")
    assert corpus.analysis(html.article_id).text == html.text


@pytest.mark.parametrize("kind", ["feed", "sitemap"])
def test_ingest_feed_and_sitemap_fetch_each_page(corpus: Corpus, tmp_path: Path, kind: str) -> None:
    site = _site(tmp_path)
    with serve(site) as base:
        links = [f"{base}/wall.html", f"{base}/music.html", f"{base}/missing.html"]
        if kind == "feed":
            listing = rss([(u, "Item", "Tue, 07 May 2024 10:00:00 GMT") for u in links])
        else:
            listing = sitemap(links)
        (site / "listing.xml").write_text(listing, encoding="utf-8")
        summary = corpus.ingest([f"{base}/listing.xml"], FAST)
    assert (summary.ingested, summary.failed) == (2, 1)
    assert summary.failures[0].error_type == "FetchError" and "missing.html" in summary.failures[0].origin
    outlets = {r.outlet for r in corpus.articles()}
    assert outlets == ({"Harbourton Gazette"} if kind == "feed" else {"Dock Times"})
    assert {r.published for r in corpus.articles()} != {None}


def test_feed_file_with_file_urls(corpus: Corpus, tmp_path: Path) -> None:
    site = _site(tmp_path)
    feed = tmp_path / "feed.rss"
    feed.write_text(rss([((site / "wall.html").as_uri(), "Sea wall", "Tue, 07 May 2024 10:00:00 GMT")]))
    assert corpus.ingest([str(feed)], FAST).ingested == 1


def test_ingest_is_idempotent(corpus: Corpus, tmp_path: Path) -> None:
    specs = [_folder(tmp_path), _jsonl(tmp_path), _warc(tmp_path)]
    first = corpus.ingest(specs, FAST)
    stored = _count(corpus)
    second = corpus.ingest(specs, FAST)
    assert (first.ingested, second.ingested, second.duplicates) == (stored, 0, 6)
    assert _count(corpus) == stored


@pytest.mark.parametrize(
    ("first", "second", "stored"),
    [
        (
            Article(text=STORY, url="https://g.example/wall"),
            Article(text=OTHER, url="https://www.g.example/wall/?utm_source=x"),
            1,
        ),
        (Article(text=STORY), Article(text=STORY.upper().replace("  ", " ")), 1),
        (Article(text=STORY), Article(text=STORY, url="https://g.example/wall"), 1),
        (Article(text=STORY, url="https://g.example/wall"), Article(text=STORY, url="https://other.example/copy"), 2),
    ],
)
def test_duplicates_by_url_or_text(corpus: Corpus, first: Article, second: Article, stored: int) -> None:
    corpus.add([first], IngestOptions(analyze=None))
    corpus.add([second], IngestOptions(analyze=None))
    assert _count(corpus) == stored


def test_bad_records_are_logged_and_skipped(corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        '{"text": ' + json.dumps(STORY) + "}",
        "{broken",
        '{"url": "https://x.example"}',
        '{"text": "Der Stadtrat von Harbourton hat am Dienstag den Bau einer neuen Ufermauer beschlossen."}',
        '{"text": ' + json.dumps(OTHER) + "}",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    summary = corpus.ingest([str(path), str(tmp_path / "nowhere")], FAST)
    assert (summary.ingested, summary.failed) == (2, 4)
    with corpus.engine.connect() as connection:
        errors = connection.execute(select(IngestError.origin, IngestError.error_type)).all()
        run = connection.execute(select(IngestRun)).one()
    assert sorted(e.error_type for e in errors) == ["InputError", "InputError", "InputError", "LanguageError"]
    assert {e.origin for e in errors} >= {f"{path}:2", f"{path}:4"}
    assert (run.ingested, run.failed) == (2, 4) and run.finished_at is not None
    assert len(list(corpus.errors())) == 4


def test_reprints_link_to_earliest_seen_not_claimed(corpus: Corpus, tmp_path: Path) -> None:
    early = dt.datetime(2024, 5, 1, 6, 0, tzinfo=dt.UTC)
    near = STORY.replace("voted late on Tuesday", "voted on Tuesday night").replace("seven to two", "7-2")
    partial = " ".join(STORY.split()[:70]) + " " + OTHER
    path = tmp_path / "crawl.warc"
    write_warc(
        path,
        [
            ("https://later.example/copy", page("Copy", STORY), early + dt.timedelta(hours=3)),
            ("https://wire.example/original", page("Original", STORY), early),
            ("https://near.example/n", page("Near", near), early + dt.timedelta(hours=5)),
            ("https://part.example/p", page("Partial", partial), early + dt.timedelta(hours=6)),
            ("https://pier.example/m", page("Pier", THIRD), early + dt.timedelta(hours=7)),
        ],
    )
    corpus.ingest([str(path)], IngestOptions(analyze=None))
    by_url = {r.url: r for r in corpus.articles()}
    original = by_url["https://wire.example/original"]
    assert original.reprint_of is None
    expected = {
        "https://later.example/copy": "verbatim",
        "https://near.example/n": "near",
        "https://part.example/p": "partial",
    }
    for url, kind in expected.items():
        assert (by_url[url].reprint_of, by_url[url].reprint_kind) == (original.article_id, kind)
    assert by_url["https://pier.example/m"].reprint_of is None
    assert {r.original_id for r in corpus.reprints()} == {original.article_id}
    # a copy of the edited version, ingested in a later run, links to that version: the closest match wins
    corpus.add(
        [Article(text=near.replace("HARBOURTON", "HARBOURTON CITY"), url="https://late.example/z")],
        IngestOptions(analyze=None),
    )
    latest = next(r for r in corpus.articles() if r.url == "https://late.example/z")
    assert (latest.reprint_of, latest.reprint_kind) == (by_url["https://near.example/n"].article_id, "verbatim")


@pytest.mark.slow
def test_full_analysis_end_to_end(corpus: Corpus, tmp_path: Path) -> None:
    text = (
        'Harbourton mayor Ada Brennan said on Tuesday that the sea wall was "the only responsible choice". '
        "Critics called the so-called compromise reckless. " + THIRD
    )
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"text": text, "published": "2024-05-07", "site": "Harbourton Gazette"}))
    summary = corpus.ingest([str(path)])
    assert summary.ingested == 1
    [row] = list(corpus.articles())
    stored = corpus.analysis(row.article_id)
    expected = analyze(Article(text=text, published=dt.date(2024, 5, 7), site="Harbourton Gazette", origin=f"{path}:1"))
    assert stored.model_dump(exclude={"presslens_version"}) == expected.model_dump(exclude={"presslens_version"})
    assert _count(corpus, StoredAttribution.id) == len(stored.attributions)
    assert _count(corpus, StoredMarker.id) == len(stored.markers)
    with corpus.engine.connect() as connection:
        blob = connection.scalar(select(StoredArticle.analysis_zlib))
    assert json.loads(zlib.decompress(blob))["schema"] == stored.schema_


def test_damaged_warc_keeps_pages_before_the_damage(corpus: Corpus, tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    seen = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    write_warc(
        whole, [(f"https://g.example/{i}", page(f"A{i}", f"{OTHER} Item {i} of the list."), seen) for i in range(5)]
    )
    damaged = tmp_path / "damaged.warc.gz"
    damaged.write_bytes(whole.read_bytes()[: int(whole.stat().st_size * 0.6)])
    summary = corpus.ingest([str(damaged)], IngestOptions(analyze=None))
    assert (summary.ingested, summary.failed) == (3, 1)
    assert summary.failures[0].stage == "read" and "truncated" in summary.failures[0].message
