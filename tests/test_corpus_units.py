"""Corpus building blocks without a database: keys, wire credits, reprint classes, source parsers."""

from __future__ import annotations

import datetime as dt
import io
import random
from pathlib import Path

import pytest
from corpus_support import OTHER, STORY, page, rss, sitemap, write_warc
from warcio.warcwriter import WARCWriter

from presslens.corpus.keys import outlet_name, text_hash, url_key
from presslens.corpus.query import fts_query
from presslens.corpus.reprints import classify, fingerprint, wire_credit
from presslens.errors import InputError
from presslens.intake import feeds, jsonl, warc
from presslens.intake.sitemap import parse_sitemap


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("The mayor said “no”.", 'the  mayor said "no".', True),
        ("Vote — passed", "vote - passed", True),
        ("Line one\r\nline two", "line one line two", True),
        ("The mayor said no.", "The mayor said yes.", False),
    ],
)
def test_text_hash_ignores_case_spacing_and_typography(a: str, b: str, same: bool) -> None:
    assert (text_hash(a) == text_hash(b)) is same


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.Example.com/news/a/?utm_source=x&id=3#top", "example.com/news/a?id=3"),
        ("http://example.com/news/a", "example.com/news/a"),
        (None, ""),
        ("  ", ""),
    ],
)
def test_url_key_drops_scheme_www_tracking_and_fragment(url: str | None, key: str) -> None:
    assert url_key(url) == key


@pytest.mark.parametrize(
    ("site", "url", "name"),
    [
        ("Harbourton Gazette", "https://gazette.example/a", "Harbourton Gazette"),
        (None, "https://www.dock-times.example/a", "dock-times.example"),
        (None, None, None),
    ],
)
def test_outlet_is_site_name_else_host(site: str | None, url: str | None, name: str | None) -> None:
    assert outlet_name(site, url) == name


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("HARBOURTON (AP) — The council voted.", "AP"),
        ("MOSCOW, May 3 (Reuters) - Officials said.", "Reuters"),
        ("The ministry announced the plan. — TASS", "TASS"),
        ("Ships left port. (Reporting by Jane Roe; Editing by Tom Poe)", "Reuters"),
        ("The minister told Reuters in an interview that he would resign.", None),
        ("A local story with no agency at all.", None),
    ],
)
def test_wire_credit(text: str, credit: str | None) -> None:
    assert wire_credit(text) == credit


def _edit(text: str, share: float, seed: int) -> str:
    words = text.split()
    rng = random.Random(seed)
    for i in rng.sample(range(len(words)), int(len(words) * share)):
        words[i] = "changed"
    return " ".join(words)


@pytest.mark.parametrize(
    ("other", "kind"),
    [
        (STORY, "verbatim"),
        (STORY.replace("Tuesday", "Tuesday evening"), "verbatim"),
        (_edit(STORY, 0.05, 1), "near"),
        (STORY[: len(STORY) // 2], "partial"),
        (" ".join(STORY.split()[:50]) + " " + OTHER.split(". ")[0] + ".", "partial"),
        (OTHER, None),
    ],
)
def test_classify_reprint_kinds(other: str, kind: str | None) -> None:
    found = classify(fingerprint(other), fingerprint(STORY), same_text=other == STORY)
    assert (found[0] if found else None) == kind


def test_partial_bar_is_lower_for_shared_wire_copy() -> None:
    mixed = " ".join(STORY.split()[:57]) + " " + OTHER
    plain = classify(fingerprint(mixed.replace("(AP)", "")), fingerprint(STORY.replace("(AP)", "")))
    wired = classify(fingerprint(mixed), fingerprint(STORY))
    assert plain is None
    assert wired is not None and wired[0] == "partial"


@pytest.mark.parametrize(
    ("words", "query"),
    [
        ("sea wall", '"sea" AND "wall"'),
        ('"sea wall" council', '"sea wall" AND "council"'),
        ('vote"s', '"votes"'),
    ],
)
def test_full_text_words_become_fts5_terms(words: str, query: str) -> None:
    assert fts_query(words) == query


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "not an object"),
        ('{"url": "https://a.example/x"}', "neither a 'text' nor an 'html'"),
        ('{"text": "Some words.", "published": "yesterday"}', "not an ISO date"),
        ('{"text": "Some words.", "title": 7}', "must be a string"),
        ('{"text": "   "}', "empty"),
    ],
)
def test_bad_jsonl_lines_raise_input_error(line: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        jsonl.article_from_record(jsonl.parse_line(line, "f.jsonl:1"), "f.jsonl:1")


@pytest.mark.parametrize(
    ("record", "field", "value"),
    [
        ({"text": STORY, "published": "2024-05-01T08:00:00Z"}, "published", dt.date(2024, 5, 1)),
        ({"text": STORY, "site": "Dock Times"}, "site", "Dock Times"),
        ({"html": page("Sea wall approved", STORY), "url": "https://a.example/w"}, "extractor", "trafilatura"),
        ({"html": page("Sea wall approved", STORY), "title": "Given title"}, "title", "Given title"),
    ],
)
def test_jsonl_record_fields(record: dict[str, str], field: str, value: object) -> None:
    article = jsonl.article_from_record(record, "f.jsonl:1")
    got = getattr(article, field)
    assert got.startswith(value) if isinstance(value, str) and field == "extractor" else got == value


def test_feed_items_from_rss_and_atom() -> None:
    items = feeds.feed_items(rss([("https://g.example/a", "Sea wall", "Tue, 07 May 2024 10:00:00 GMT")]).encode(), "f")
    assert items == [feeds.FeedItem("https://g.example/a", "Sea wall", dt.date(2024, 5, 7), "Harbourton Gazette")]
    atom = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Dock Times</title>'
        '<entry><title>Port</title><link href="https://d.example/p"/><updated>2024-05-02T00:00:00Z</updated>'
        "</entry></feed>"
    )
    assert feeds.feed_items(atom.encode(), "f")[0].url == "https://d.example/p"
    with pytest.raises(InputError):
        feeds.feed_items(b"\x00\x01 not a feed", "f")


def test_sitemap_entries_and_index() -> None:
    parsed = parse_sitemap(sitemap(["https://d.example/1", "https://d.example/2"]).encode(), "s")
    assert [(e.url, e.published, e.site) for e in parsed.entries] == [
        ("https://d.example/1", dt.date(2024, 5, 1), "Dock Times"),
        ("https://d.example/2", dt.date(2024, 5, 2), "Dock Times"),
    ]
    index = (
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>https://d.example/s1.xml</loc></sitemap></sitemapindex>"
    )
    assert parse_sitemap(index, "s").children == ["https://d.example/s1.xml"]
    with pytest.raises(InputError):
        parse_sitemap(b"<html><body>no</body></html>", "s")


@pytest.mark.parametrize("name", ["pages.warc.gz", "pages.warc"])
def test_warc_readers_agree_and_skip_non_pages(tmp_path: Path, name: str) -> None:
    seen = dt.datetime(2024, 5, 1, 9, 30, tzinfo=dt.UTC)
    path = tmp_path / name
    write_warc(path, [("https://g.example/a", page("A", STORY), seen), ("https://g.example/b", page("B", OTHER), seen)])
    fast = list(warc.iter_pages(path))
    slow = list(warc._warcio_pages(path))
    assert [p.url for p in fast] == ["https://g.example/a", "https://g.example/b"]
    assert [(p.url, p.seen, p.body) for p in fast] == [(p.url, p.seen, p.body) for p in slow]
    assert fast[0].seen == seen and b"sea wall" in fast[0].body
    assert warc.count_pages(path) == 2


def test_warc_with_request_and_metadata_records_after_the_last_response(tmp_path: Path) -> None:
    path = tmp_path / "triplets.warc.gz"
    seen = dt.datetime(2024, 5, 1, 9, 30, tzinfo=dt.UTC)
    write_warc(path, [("https://g.example/a", page("A", STORY), seen)])
    with path.open("ab") as stream:
        writer = WARCWriter(stream, gzip=True)
        writer.write_record(writer.create_warc_record("https://g.example/a", "metadata", payload=io.BytesIO(b"x: 1")))
    assert [p.url for p in warc.iter_pages(path)] == ["https://g.example/a"]


@pytest.mark.parametrize(
    ("keep", "message"), [(0.5, "damaged or truncated"), (0.6, "damaged or truncated"), (0.0, "no WARC record")]
)
def test_damaged_warc_delivers_what_it_can_then_says_so(tmp_path: Path, keep: float, message: str) -> None:
    whole = tmp_path / "whole.warc.gz"
    seen = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    write_warc(whole, [(f"https://g.example/{i}", page(f"A{i}", f"{STORY} Part {i}."), seen) for i in range(5)])
    damaged = tmp_path / "damaged.warc.gz"
    data = whole.read_bytes()
    damaged.write_bytes(data[: int(len(data) * keep)] if keep else b"this is not a WARC file\n" * 8)
    delivered: list[str] = []
    with pytest.raises(InputError, match=message):
        delivered.extend(p.url for p in warc.iter_pages(damaged))
    assert len(delivered) == warc.count_pages(damaged) == (3 if keep else 0)
