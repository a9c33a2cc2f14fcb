"""RSS and Atom intake: the items of a feed, each pointing at the article page to fetch."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

import feedparser

from ..errors import InputError


@dataclass(frozen=True, slots=True)
class FeedItem:
    """What the feed says about one item; the page at ``url`` holds the article itself."""

    url: str
    title: str | None
    published: dt.date | None
    site: str | None


def looks_like_feed(head: bytes) -> bool:
    start = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start


def feed_items(data: bytes, origin: str) -> list[FeedItem]:
    """The feed's items that link to a page, in feed order. Raises InputError for something that is not
    a feed at all (feedparser parses anything; an empty, bozo result is how it says no)."""
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        raise InputError(f"{origin} is not an RSS or Atom feed ({parsed.get('bozo_exception', 'no items')})")
    site = parsed.feed.get("title") or None
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if link:
            items.append(FeedItem(url=link, title=entry.get("title") or None, published=_date(entry), site=site))
    return items


def _date(entry: Any) -> dt.date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(stamp), tz=dt.UTC).date()
