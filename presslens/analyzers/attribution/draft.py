"""The working form of an attribution: character ranges only, before ids, kinds and speakers are fixed.

Both the rules and the tagger decoder produce drafts, so merging, linking and nesting work on one shape.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Final

from spacy.tokens import Doc

from ..._contract import Entity

Range = tuple[int, int]
_EDGE: Final = frozenset(" \t\r\n\xa0,;:")
_GLUE_RE: Final = re.compile(r"[\s,;:.!?\"“”'‘’—–-]*")
_STOPS_RE: Final = re.compile(r"[.!?;:\n\"“”]")
_ABBREVIATION_RE: Final = re.compile(r"\b[A-Z][a-z]{0,3}\.")  # Mr. Sen. Gov. U.S.: no sentence ends there
_WORD_RE: Final = re.compile(r"\w+")
_SENTENCE_BREAK_RE: Final = re.compile(r"[.!?][\"”']?\s+[A-Z]")
# Full stops that end no sentence: a title's, a company's, an initial's ("Sen. Ruiz", "U.S.", "J. Smith").
_NO_STOP_RE: Final = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|St|Jr|Sr|Prof|Rev|Inc|Co|Corp|No|[A-Z])\."
)
_ASIDE_WORDS: Final = 3
_AS_SAYING_RE: Final = re.compile(r"\bas\s+$")
_PAUSE_RE: Final = re.compile(r"[,;:()—–]")
# A few words, then the sentence's end: what may follow a frame that closes its sentence.
_CLOSES_SENTENCE_RE: Final = re.compile(r"(?:\s+[\w'’.-]+){0,4}\s*[.!?](?:\s|$)")
_NEW_CLAUSE_RE: Final = re.compile(r"\s*(?:and|but|or|while|whereas|although|though|as|adding|saying)\b", re.I)


@dataclass(frozen=True, slots=True)
class Draft:
    """``cue_head`` is the token index of the cue's main word (its lemma decides the stance);
    ``score`` is the tagger's confidence in the content (1.0 for a rule's), for merging."""

    content: Range
    cue: Range | None = None
    source: Range | None = None
    addressee: Range | None = None
    cue_head: int | None = None
    score: float = 1.0

    def extent(self) -> Range:
        """The characters of the whole report, content, cue and source: what must lie inside another
        content for the report to be nested in it."""
        parts = [r for r in (self.content, self.cue, self.source) if r is not None]
        return min(r[0] for r in parts), max(r[1] for r in parts)


def token_range(doc: Doc, first: int, last: int) -> Range:
    """Characters from token ``first`` to token ``last`` inclusive."""
    return doc[first].idx, doc[last].idx + len(doc[last])


def trim(text: str, span: Range) -> Range:
    """Drops spaces and clause punctuation at both edges (never quote marks, which belong to a quote)."""
    start, end = span
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def overlap(a: Range, b: Range) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def jaccard(a: Range, b: Range) -> float:
    inter = overlap(a, b)
    return inter / (max(a[1], b[1]) - min(a[0], b[0])) if inter else 0.0


def gaps_between(ranges: Sequence[Range]) -> list[Range]:
    """The stretches between consecutive ranges (sorted first), where a split content's frame sits."""
    ordered = sorted(ranges)
    return [(a[1], b[0]) for a, b in pairwise(ordered) if a[1] < b[0]]


def is_glue(text: str, covered: Sequence[Range], start: int, end: int) -> bool:
    """Whether text[start:end] holds nothing but the given spans, punctuation and spaces."""
    pos = start
    for s, e in sorted(covered):
        if e <= start or s >= end:
            continue
        if not _GLUE_RE.fullmatch(text, pos, max(pos, s)):
            return False
        pos = max(pos, e)
    return bool(_GLUE_RE.fullmatch(text, min(pos, end), end))


def is_aside(text: str, cues: Sequence[Range], sources: Sequence[Range], start: int, end: int) -> bool:
    """Whether text[start:end] is ", <source> <cue>," set inside the words it attributes ("Cutting too
    soon, economists say, slowed the recovery"): one content, as PolNeAR and a reader take it, quotes or
    not. A time or a medium may join the frame (", officials said on Monday,"); a frame without its
    source (", adding,") or a new clause after it (", while ...") is another report."""
    inner = text[start:end].strip()
    cue = [f for f in cues if start <= f[0] and f[1] <= end]
    source = [f for f in sources if start <= f[0] and f[1] <= end]
    if len(inner) < 2 or inner[0] != "," or inner[-1] != "," or len(cue) != 1 or len(source) != 1:
        return False
    if _STOPS_RE.search(_ABBREVIATION_RE.sub("", inner)) or _NEW_CLAUSE_RE.match(text, end):
        return False
    inside = sorted(cue + source)
    pieces = [(start, inside[0][0]), (inside[0][1], inside[1][0]), (inside[1][1], end)]
    return sum(len(_WORD_RE.findall(text, a, b)) for a, b in pieces if a < b) <= _ASIDE_WORDS


def mentioned(source: Range, entities: Sequence[Entity]) -> Entity | None:
    """The entity with the most characters of a mention inside the source span."""
    best, best_overlap = None, 0
    for entity in entities:
        for mention in entity.mentions:
            if mention.end <= source[0] or mention.start >= source[1]:
                continue  # most mentions lie elsewhere; this is called for every source
            shared = overlap(source, (mention.start, mention.end))
            if shared > best_overlap:
                best, best_overlap = entity, shared
    return best


def quotes_as_saying(text: str, outer: Draft, inner: Draft) -> bool:
    """Whether the outer report quotes the inner one "as saying" ("cited officials as saying the port would
    close"): the inner report, speaker and all, is inside the outer content, however much of it it is; in
    the passive ("The minister was quoted by Reuters as saying") the speaker stands before the outer cue."""
    source, cue = inner.source, inner.cue
    if source is None or cue is None or not _AS_SAYING_RE.search(text, max(0, cue[0] - 4), cue[0]):
        return False
    passive = outer.cue is not None and source[1] <= outer.cue[0]
    return holds(outer, inner) and (passive or outer.content[0] <= source[0] < outer.content[1])


def said_within(text: str, outer: Draft, inner: Draft) -> bool:
    """Whether the inner report, its subject and cue side by side ("police said", "officials also said"),
    lies whole inside the outer content."""
    source, cue = inner.source, inner.cue
    if source is None or cue is None:
        return False
    (start, end), gap = outer.content, text[source[1] : cue[0]]
    inside = start <= source[0] and cue[1] <= end and start <= inner.content[0] and inner.content[1] <= end
    return inside and len(gap.split()) <= 1 and not _PAUSE_RE.search(gap)


def framed_from_outside(text: str, outer: Draft, inner: Draft) -> bool:
    """Whether the outer cue frames the inner report from outside its words: before them ("The Herald
    reported that police said ..."), as "according to" anywhere, or closing the sentence after a report
    whose cue comes first ("Officials said the talks had stalled, the Guardian reported on Monday.")."""
    cue = outer.cue
    if cue is None or inner.cue is None:
        return False
    if text[slice(*cue)].lower().startswith("according") or cue[1] <= inner.extent()[0]:
        return True
    closing = outer.content[1] <= cue[0] and _CLOSES_SENTENCE_RE.match(text, cue[1]) is not None
    return closing and inner.cue[1] <= inner.content[0]


def holds(outer: Draft, inner: Draft) -> bool:
    start, end = outer.content
    return inner.cue is not None and start <= inner.cue[0] and inner.content[1] <= end and start <= inner.content[0]


def one_sentence(text: str) -> bool:
    """Whether the text ends a sentence and holds no other sentence end (a title's full stop, as in "Mr.
    Ruiz" or "U.S.", ends none)."""
    stripped = text.rstrip()
    return stripped[-1:] in (".", "!", "?") and not _SENTENCE_BREAK_RE.search(_NO_STOP_RE.sub("", stripped[:-1]))
