"""Quotation spans found from the marks alone, before any parse.

News text mixes straight and curly marks, drops a closing mark now and then, and continues a quote over
several paragraphs by opening each paragraph again without closing the previous one. Marks are read by
their flanking (what stands left and right of them), which works the same for ``"`` and for a curly mark
typed the wrong way round, so one scanner serves every style. British papers quote with single marks
('No,' he said; ‘No,’ he said), which are also apostrophes: a text with no double mark at all but a single
mark opening a word is read in that style, apostrophes (inside a word, before a year, after a plural)
left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

OPENERS: Final = frozenset("“„«")
CLOSERS: Final = frozenset("”»")
MARKS: Final = OPENERS | CLOSERS | {'"'}
_MARK_RE: Final = re.compile("''|``|[\"“”„«»]")
_SINGLE_RE: Final = re.compile("[‘’']")
_SINGLE_OPEN_RE: Final = re.compile(r"(?:^|[\s(\[{—–/-])[‘'][A-Za-z]", re.MULTILINE)
_PARAGRAPH_RE: Final = re.compile(r"[^\n]+")
_WORD_RE: Final = re.compile(r"\w+(?:[’'\-.]\w+)*")
_SPACE: Final = frozenset(" \t\r\n\xa0\u2009\u202f")
_STRIP: Final = " \t\r\n\xa0'`\"“”„«»‘’"
_UTTERED_RE: Final = re.compile("[,!?#@]")
_LEFT_OPEN: Final = _SPACE | frozenset("([{—–-/")
# ", said the union in a statement. ", ", she added. ": a sentence that frames the words before it.
_FRAME_VERBS: Final = r"(?:said|says|added|adds|told|tells|wrote|writes|insisted|explained)"
# A sentence that frames words: a closing frame (", said the union.") or a report of its own ("The harbour
# master told reporters that the cranes were unsafe.").
_FRAME_RE: Final = re.compile(
    rf",\s+(?:[\w.'’-]+\s+){{0,6}}?{_FRAME_VERBS}\b[^.!?\n\"“”]{{0,80}}[.!?]\s+"
    rf"|\b{_FRAME_VERBS}\b[^.!?\n\"“”]{{0,80}}?\bthat\b[^.!?\n\"“”]*[.!?]\s+"
)


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted stretch: ``start``/``end`` include the marks that are there; a width of 0 means the text
    dropped that mark and the edge was inferred (``''`` marks are 2 wide)."""

    start: int
    end: int
    open_width: int = 1
    close_width: int = 1

    @property
    def opened(self) -> bool:
        return self.open_width > 0

    @property
    def closed(self) -> bool:
        return self.close_width > 0

    @property
    def inner(self) -> tuple[int, int]:
        """The quoted words without the marks."""
        return self.start + self.open_width, self.end - self.close_width


def _role(text: str, i: int, j: int) -> str:
    """'open', 'close' or 'either' for the mark text[i:j]: by its neighbours first, by its shape second."""
    left = text[i - 1] if i > 0 else " "
    right = text[j] if j < len(text) else " "
    left_open = left in _LEFT_OPEN
    right_space = right in _SPACE or right in ".,;:!?)]}—–"
    if left_open and not right_space:
        return "open"
    if right_space and not left_open:
        return "close"
    if text[i] in OPENERS or text[i] in "`‘":
        return "open"
    return "close" if text[i] in CLOSERS or text[i] == "’" else "either"


def _paragraph_quotes(text: str, start: int, end: int, single: bool) -> list[Quote]:
    """Pairs the marks of one paragraph; an unpaired mark yields a quote running to the paragraph's edge
    (in the single-mark style an unpaired closing mark is an apostrophe: "the voters’ anger")."""
    quotes: list[Quote] = []
    open_at: int | None = None
    width = 1
    marks = [m.span() for m in (_SINGLE_RE if single else _MARK_RE).finditer(text, start, end)]
    if single:
        marks = [(i, j) for i, j in marks if not _apostrophe(text, i)]
    for k, (i, j) in enumerate(marks):
        role = _role(text, i, j)
        if single and role == "close" and (open_at is None or _possessive(text, i, marks[k + 1 :])):
            continue
        if open_at is None:
            if role == "close":
                begin = _after_frame(text, _skip_space(text, quotes[-1].end if quotes else start, i), i)
                quotes.append(Quote(begin, j, open_width=0, close_width=j - i))
            else:
                open_at, width = i, j - i
        elif role == "open":
            quotes.append(Quote(open_at, _trim_right(text, open_at, i), width, 0))
            open_at, width = i, j - i
        else:
            quotes.append(Quote(open_at, j, width, j - i))
            open_at = None
    if open_at is not None:
        quotes.append(Quote(open_at, _trim_right(text, open_at, end), width, 0))
    return quotes


def _apostrophe(text: str, i: int) -> bool:
    """A single mark inside a word ("don't", "It’s") or before a year ("’90s")."""
    left = text[i - 1] if i > 0 else " "
    right = text[i + 1] if i + 1 < len(text) else " "
    return (left.isalnum() and right.isalnum()) or right.isdigit()


def _possessive(text: str, i: int, later: list[tuple[int, int]]) -> bool:
    """A plural's apostrophe before a lowercase word ("the voters’ anger"), when a later mark can close."""
    after = text[i + 1 : i + 3]
    return text[i - 1 : i] == "s" and after[:1] == " " and after[1:].islower() and bool(later)


def _after_frame(text: str, begin: int, end: int) -> int:
    """Where a quote whose opening mark was dropped begins: not before a sentence that frames words ("We
    will not pay, said the union. Not now, not ever.\"" opens at "Not"), since a quote never holds its own
    "said"."""
    frames = list(_FRAME_RE.finditer(text, begin, end))
    return frames[-1].end() if frames else begin


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
    single = _MARK_RE.search(text) is None and _SINGLE_OPEN_RE.search(text) is not None
    for para in _PARAGRAPH_RE.finditer(text):
        found = _paragraph_quotes(text, para.start(), para.end(), single)
        if quotes and found and _continues(text, quotes[-1], found[0]):
            previous = quotes.pop()
            found[0] = Quote(previous.start, found[0].end, previous.open_width, found[0].close_width)
        quotes.extend(found)
    return quotes


def _continues(text: str, previous: Quote, current: Quote) -> bool:
    if previous.closed or not current.opened:
        return False
    between = text[previous.end : current.start]
    return between.strip() == "" and "\n" in between


def double_marked(text: str, quotes: Sequence[Quote]) -> str:
    """The text with the single marks that open or close ``quotes`` written as double ones, offsets
    unchanged: the rules read quote edges by the double marks alone."""
    chars = list(text)
    for quote in quotes:
        if quote.open_width == 1 and chars[quote.start] in "‘'":
            chars[quote.start] = "“"
        if quote.close_width == 1 and chars[quote.end - 1] in "’'":
            chars[quote.end - 1] = "”"
    return "".join(chars)


def word_count(text: str) -> int:
    return len(_WORD_RE.findall(text))


def is_speech(text: str, quote: Quote) -> bool:
    """Whether a quote reads as something said rather than a title, nickname or scare-quoted phrase.

    Titles, nicknames and scare quotes are short (American style puts even a scare quote's full stop
    inside the marks, so a short quote's period proves nothing); speech runs to four words or more, or
    asks or exclaims ("Why?"). Title-cased runs of up to eight words ("Saturday Night Live") are names.
    """
    inner = text[slice(*quote.inner)].strip(_STRIP)
    words = _WORD_RE.findall(inner)
    if len(words) < 2 or is_title(text, quote):
        return False
    return len(words) >= 4 or inner[-1:] in "?!"


def is_title(text: str, quote: Quote) -> bool:
    """Whether a quote is a title-cased run of two to eight words ("The Long Bridge", "Saturday Night
    Live"): the name of a work or a show, which reads as words said only after a verb of saying. A run with
    a comma, a hashtag or a cry inside ("Harbour, Harbour, Harbour", "Stop The Toll!") is a chant or a post."""
    inner = text[slice(*quote.inner)].strip(_STRIP).rstrip(".,")
    words = _WORD_RE.findall(inner)
    return 2 <= len(words) <= 8 and _title_cased(words) and not _UTTERED_RE.search(inner)


def _title_cased(words: list[str]) -> bool:
    content = [w for w in words if len(w) > 3]
    return bool(content) and all(w[0].isupper() for w in content) and words[0][0].isupper()


def in_speech(at: int, speech: Sequence[Quote]) -> bool:
    """Reported speech inside a direct quote is the quoted person's, not the article's: PolNeAR and
    readers both take the outermost report, so words inside speech quotes are no cues."""
    return any(q.start < at < q.end for q in speech)
