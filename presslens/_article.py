"""The input side of the contract: an article as intake hands it to ``analyze``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Article:
    """One article's text and what is known about it.

    ``text`` is what every offset of the analysis indexes; for a plain-text file it is the file's content
    unchanged. ``extractor`` records which intake step produced ``text`` (``plain``, ``trafilatura``...), so
    a reader can tell an extraction error from an analysis error. ``raw`` keeps the original bytes (HTML)
    for the corpus store.
    """

    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    site: str | None = None
    author: str | None = None
    extractor: str = "plain"
    language: str = "en"
    origin: str | None = None
    raw: bytes | None = None
