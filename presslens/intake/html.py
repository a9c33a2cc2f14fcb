"""HTML intake: the article body through trafilatura, metadata through trafilatura and htmldate."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import trafilatura
from htmldate import find_date

from .._article import Article
from ..errors import ExtractionError
from .text import check_text, decode

_MIN_WORDS = 12  # fewer words than this is a menu or a caption, not an article


@lru_cache(maxsize=1)
def _extractor_name() -> str:
    return f"trafilatura {trafilatura.__version__}"


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def article_from_html(html: bytes | str, url: str | None = None, origin: str | None = None) -> Article:
    """An Article from an HTML page. Raises ExtractionError when the page holds no article text, so a
    navigation page or a login wall is reported instead of being analysed as if it were news."""
    source = html if isinstance(html, str) else decode(html, origin or url)
    doc = trafilatura.bare_extraction(source, url=url, with_metadata=True, include_comments=False)
    where = origin or url or "the page"
    if doc is None or isinstance(doc, dict) or len((doc.text or "").split()) < _MIN_WORDS:
        raise ExtractionError(
            f"no article text found in {where}; check that it is an article page (not an index or login page)"
        )
    published = _parse_date(doc.date) or _parse_date(find_date(source, url=url, original_date=True))
    raw = html.encode("utf-8") if isinstance(html, str) else html
    return Article(
        text=check_text(doc.text or "", origin),
        title=doc.title or None,
        published=published,
        url=url or doc.url or None,
        site=doc.sitename or doc.hostname or None,
        author=doc.author or None,
        extractor=_extractor_name(),
        origin=origin or url,
        raw=raw,
    )
