"""Load one INPUT as the CLI names it (a path, an http(s) URL, or ``-`` for stdin) into an Article."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

from .._article import Article
from ..errors import InputError
from ..options import IntakeOptions
from .html import article_from_html
from .language import check_english
from .text import article_from_bytes
from .url import fetch

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the user states about an input, overriding what intake found (e.g. ``--published``)."""

    published: dt.date | None = None
    url: str | None = None
    title: str | None = None


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _read_path(path: Path, options: IntakeOptions) -> bytes:
    if not path.exists():
        raise InputError(f"{path} does not exist; check the path")
    if path.is_dir():
        raise InputError(f"{path} is a folder; pass the files in it, e.g. {path}/*.txt")
    size = path.stat().st_size
    if size > options.max_bytes:
        raise InputError(
            f"{path} is {size} bytes, over --max-bytes {options.max_bytes}; raise --max-bytes to analyse it"
        )
    return path.read_bytes()


def _read_stdin(options: IntakeOptions) -> bytes:
    data = sys.stdin.buffer.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise InputError(f"standard input is over --max-bytes {options.max_bytes}; raise --max-bytes to analyse it")
    return data


def load_input(spec: str, options: IntakeOptions | None = None, meta: Metadata | None = None) -> Article:
    """The Article for one CLI input; the language is checked here so every face refuses the same inputs."""
    options = options or IntakeOptions()
    meta = meta or Metadata()
    if spec.startswith(("http://", "https://")):
        article = article_from_html(fetch(spec, options), url=spec)
    else:
        data = _read_stdin(options) if spec == "-" else _read_path(Path(spec), options)
        origin = "standard input" if spec == "-" else spec
        is_html = Path(spec).suffix.lower() in _HTML_SUFFIXES or (spec == "-" and _looks_like_html(data))
        article = article_from_html(data, origin=origin) if is_html else article_from_bytes(data, origin)
    language = check_english(article.text, article.origin)
    return dataclasses.replace(
        article,
        language=language,
        published=meta.published or article.published,
        url=meta.url or article.url,
        title=meta.title or article.title,
    )
