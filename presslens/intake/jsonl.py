"""JSON Lines intake: one article per line, {"text"|"html", "url", "title", "published", "site", "author"}.

Each line is judged on its own, so one malformed line becomes one failed record, never a failed file.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .._article import Article
from ..errors import InputError
from .html import article_from_html
from .text import check_text


def iter_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Non-blank lines with their 1-based numbers; ``.gz`` files are read decompressed."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as stream:
        for number, line in enumerate(stream, start=1):
            if line.strip():
                yield number, line


def parse_line(line: str, origin: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"{origin} is not valid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise InputError(f"{origin} is a JSON {type(record).__name__}, not an object with a text or html field")
    return record


def article_from_record(record: dict[str, Any], origin: str) -> Article:
    """An Article from one parsed line; fields the line states win over what extraction found."""
    url = _field(record, "url", origin)
    if isinstance(record.get("html"), str) and record["html"].strip():
        base = article_from_html(record["html"], url=url, origin=origin)
    elif isinstance(record.get("text"), str):
        base = Article(text=check_text(record["text"], origin), url=url, origin=origin)
    else:
        raise InputError(f"{origin} has neither a 'text' nor an 'html' string field")
    return Article(
        text=base.text,
        title=_field(record, "title", origin) or base.title,
        published=_date(record.get("published"), origin) or base.published,
        url=url or base.url,
        site=_field(record, "site", origin) or base.site,
        author=_field(record, "author", origin) or base.author,
        extractor=base.extractor,
        origin=origin,
        raw=base.raw,
    )


def _field(record: dict[str, Any], name: str, origin: str) -> str | None:
    value = record.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise InputError(f"{origin}: field '{name}' must be a string, not {type(value).__name__}")
    return value.strip()


def _date(value: object, origin: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"{origin}: field 'published' must be an ISO date string like 2024-03-01")
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(f"{origin}: 'published' {value!r} is not an ISO date like 2024-03-01") from None
