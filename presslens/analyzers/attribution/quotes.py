"""Quotation spans found from the marks alone, before any parse.

News text mixes straight and curly marks, drops a closing mark now and then, and continues a quote over
several paragraphs by opening each paragraph again without closing the previous one. Marks are read by
their flanking (what stands left and right of them), which works the same for ``"`` and for a curly mark
typed the wrong way round, so one scanner serves every style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

OPENERS: Final = frozenset("“„«")
CLOSERS: Final = frozenset("”»")
MARKS: Final = OPENERS | CLOSERS | {'"'}
_MARK_RE: Final = re.compile("''|``|[\"“”„«»]")
_PARAGRAPH_RE: Final = re.compile(r"[^\n]+")
_WORD_RE: Final = re.compile(r"\w+(?:[’'\-.]\w+)*")
_SPACE: Final = frozenset(" \t\r\n\xa0\u2009\u202f")
_STRIP: Final = " \t\r\n\xa0'`\"“”„«»"
_LEFT_OPEN: Final = _SPACE | frozenset("([{—–-/")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted stretch: ``start``/``end`` include the marks that are there; ``opened``/``closed`` say
    whether each mark was found (False means the text dropped it and the span edge was inferred)."""

    start: int
    end: int
    opened: bool = True
    closed: bool = True


def _role(text: str, i: int, j: int) -> str:
    """'open', 'close' or 'either' for the mark text[i:j], read from its neighbours first, its shape second."""
    left = text[i - 1] if i > 0 else " "
    right = text[j] if j < len(text) else " "
    left_open = left in _LEFT_OPEN
    right_space = right in _SPACE or right in ".,;:!?)]}—–"
    if left_open and not right_space:
        return "open"
    if right_space and not left_open:
        return "close"
    if text[i] in OPENERS or text[i] == "`":
        return "open"
    return "close" if text[i] in CLOSERS else "either"


def _paragraph_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Pairs the marks of one paragraph; an unpaired mark yields a quote running to the paragraph's edge."""
    quotes: list[Quote] = []
    open_at: int | None = None
    for match in _MARK_RE.finditer(text, start, end):
        i, j = match.span()
        role = _role(text, i, j)
        if open_at is None:
            if role == "close":
                begin = _skip_space(text, quotes[-1].end if quotes else start, i)
                quotes.append(Quote(begin, j, opened=False))
            else:
                open_at = i
        elif role == "open":
            quotes.append(Quote(open_at, _trim_right(text, open_at, i), closed=False))
            open_at = i
        else:
            quotes.append(Quote(open_at, j))
            open_at = None
    if open_at is not None:
        quotes.append(Quote(open_at, _trim_right(text, open_at, end), closed=False))
    return quotes


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and text[start] in _SPACE:
        start += 1
    return start


def _trim_right(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1] in _SPACE:
        end -= 1
    return end


def find_quotes(text: str) -> list[Quote]:
    """Every quote in text order; a quote left open at a paragraph's end whose next paragraph opens with a
    mark is one quote continued across the break (the newspaper convention), so the two are joined."""
    quotes: list[Quote] = []
    for para in _PARAGRAPH_RE.finditer(text):
        found = _paragraph_quotes(text, para.start(), para.end())
        if quotes and found and _continues(text, quotes[-1], found[0]):
            found[0] = Quote(quotes.pop().start, found[0].end, closed=found[0].closed)
        quotes.extend(found)
    return quotes


def _continues(text: str, previous: Quote, current: Quote) -> bool:
    if previous.closed or not current.opened:
        return False
    between = text[previous.end : current.start]
    return between.strip() == "" and "\n" in between


def is_speech(text: str, quote: Quote) -> bool:
    """Whether a quote reads as something said rather than a title, nickname or scare-quoted phrase.

    Titles, nicknames and scare quotes are short (American style puts even a scare quote's full stop
    inside the marks, so a short quote's period proves nothing); speech runs to four words or more, or
    asks or exclaims ("Why?"). Title-cased runs of up to eight words ("Saturday Night Live") are names.
    """
    inner = text[quote.start : quote.end].strip(_STRIP)
    words = _WORD_RE.findall(inner)
    if len(words) < 2:
        return False
    if _title_cased(words) and len(words) <= 8:
        return False
    return len(words) >= 4 or inner[-1:] in "?!"


def _title_cased(words: list[str]) -> bool:
    content = [w for w in words if len(w) > 3]
    return bool(content) and all(w[0].isupper() for w in content) and words[0][0].isupper()
