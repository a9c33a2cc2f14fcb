"""Sitemap intake: page URLs from ``<urlset>`` sitemaps (Google News extensions included) and the child
sitemaps a ``<sitemapindex>`` lists."""

from __future__ import annotations

import datetime as dt
import gzip
from dataclasses import dataclass

from lxml import etree

from ..errors import InputError


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    url: str
    published: dt.date | None = None
    title: str | None = None
    site: str | None = None


@dataclass(frozen=True, slots=True)
class Sitemap:
    entries: list[SitemapEntry]
    children: list[str]


def unpack(data: bytes) -> bytes:
    """Sitemaps are often served gzipped as ``.xml.gz``."""
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def looks_like_sitemap(data: bytes) -> bool:
    try:
        start = unpack(data)[:2048].lower()
    except (OSError, EOFError):
        return False
    return b"<urlset" in start or b"<sitemapindex" in start


def parse_sitemap(data: bytes, origin: str) -> Sitemap:
    """Entries and child sitemaps; the XML parser never resolves entities or touches the network."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(unpack(data), parser=parser)
    except (etree.XMLSyntaxError, OSError, EOFError) as error:
        raise InputError(f"{origin} is not a readable sitemap ({error})") from None
    if root is None or _local(root.tag) not in {"urlset", "sitemapindex"}:
        raise InputError(f"{origin} is not a sitemap: its root element is not <urlset> or <sitemapindex>")
    if _local(root.tag) == "sitemapindex":
        return Sitemap(entries=[], children=[loc for node in root if (loc := _child_text(node, "loc"))])
    return Sitemap(entries=[entry for node in root if (entry := _entry(node))], children=[])


def _entry(node: etree._Element) -> SitemapEntry | None:
    url = _child_text(node, "loc")
    if not url:
        return None
    news = next((child for child in node if _local(child.tag) == "news"), None)
    published = _date(_child_text(news, "publication_date") if news is not None else None)
    published = published or _date(_child_text(node, "lastmod"))
    site = None
    title = None
    if news is not None:
        title = _child_text(news, "title")
        publication = next((child for child in news if _local(child.tag) == "publication"), None)
        site = _child_text(publication, "name") if publication is not None else None
    return SitemapEntry(url=url, published=published, title=title, site=site)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(node: etree._Element, name: str) -> str | None:
    for child in node:
        if _local(child.tag) == name and child.text and child.text.strip():
            return str(child.text.strip())
    return None


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
