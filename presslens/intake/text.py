"""Plain text intake: bytes in any common encoding to an Article whose text is the content unchanged."""

from __future__ import annotations

from charset_normalizer import from_bytes

from .._article import Article
from ..errors import InputError

_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}


def decode(data: bytes, origin: str | None = None) -> str:
    """Decode bytes that should be text: UTF-8 first (so offsets match the file read as UTF-8), then cp1252
    (a superset of latin-1 for text, and what English newsroom exports use), then charset-normalizer's guess."""
    where = f" in {origin}" if origin else ""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"the input{where} is a binary file, not text; give a .txt or .html article")
    try:
        return data.decode("utf-8")  # a BOM is kept: the scorer and editors count it as a character
    except UnicodeDecodeError:
        pass
    try:  # the usual encoding of English text that is not UTF-8; it leaves five bytes undefined
        return data.decode("cp1252")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise InputError(
                f"the input{where} is not text in any encoding presslens recognises; save it as UTF-8"
            ) from None
        return str(best)


def check_text(text: str, origin: str | None = None) -> str:
    """Refuse empty and binary-looking text: analysing it would only produce an empty report."""
    where = f" {origin}" if origin else ""
    if not text.strip():
        raise InputError(f"the input{where} is empty; give an article with some text")
    sample = text[:4096]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in _CONTROL_OK)
    if control > max(8, len(sample) // 100):
        raise InputError(f"the input{where} looks like a binary file, not text; give a .txt or .html article")
    return text


def article_from_bytes(data: bytes, origin: str | None = None) -> Article:
    """An Article from a plain-text file's bytes; the text is the file's content unchanged."""
    return Article(text=check_text(decode(data, origin), origin), origin=origin, extractor="plain")
