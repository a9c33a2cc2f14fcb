"""The outlet's own distancing: distancing words, scare quotes and hedges.

These are words the outlet chose, not words it reports. So a marker inside quotation marks (someone's
quoted words) is not the outlet's, and a quoted phrase is a scare quote only when nobody is quoted as
saying it: it is not part of an attribution, not the object of a speech or labelling verb, not a title
("the film 'Long Night'") and not a nickname inside a name.
"""

from __future__ import annotations

import re
from typing import Final

from spacy.tokens import Doc, Token

from .._contract import Attribution, Entity, Marker, MarkerKind
from .._parsed import Parsed
from .attribution.quotes import Quote, find_quotes, word_count

DISTANCING: Final = (
    "self-styled",
    "self-proclaimed",
    "self-described",
    "self-declared",
    "so-called",
    "alleged",
    "allegedly",
    "supposed",
    "supposedly",
    "purported",
    "purportedly",
    "would-be",
    "ostensible",
)
HEDGES: Final = (
    "reportedly",
    "apparently",
    "seemingly",
    "ostensibly",
    "arguably",
    "presumably",
    "unconfirmed",
    "unverified",
    "it is believed",
    "it is understood",
    "it is thought",
    "it is said",
    "it appears",
    "is said to",
    "are said to",
    "is believed to",
    "are believed to",
    "is thought to",
    "are thought to",
    "is understood to",
)
_REASONS: Final = {
    "distancing": "the outlet's own word, signalling doubt about the label or claim that follows",
    "hedge": "the outlet's own hedge: the claim is passed on without the outlet vouching for it",
    "scare_quote": "a short phrase in quotation marks that nobody in the article is quoted as saying",
}
_SPEECH_VERBS: Final = frozenset(
    [
        "say",
        "tell",
        "call",
        "describe",
        "dub",
        "label",
        "brand",
        "term",
        "accuse",
        "chant",
        "shout",
        "write",
        "warn",
        "vow",
        "promise",
        "claim",
        "insist",
        "allege",
        "announce",
        "declare",
        "admit",
        "deny",
        "argue",
        "add",
        "reply",
        "answer",
        "ask",
        "urge",
        "describe",
        "name",
        "nickname",
        "quote",
        "tweet",
        "post",
        "condemn",
        "praise",
        "hail",
        "dismiss",
        "mock",
        "deride",
        "slam",
    ]
)
_TITLE_NOUNS: Final = frozenset(
    [
        "book",
        "novel",
        "film",
        "movie",
        "song",
        "album",
        "show",
        "series",
        "play",
        "programme",
        "program",
        "documentary",
        "podcast",
        "poem",
        "column",
        "article",
        "headline",
        "titled",
        "entitled",
        "campaign",
        "slogan",
        "motto",
        "hashtag",
        "operation",
        "exhibition",
        "painting",
    ]
)


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", r"[-\u2010\u2011]") for w in words)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


_DISTANCING_RE: Final = _pattern(DISTANCING)
_HEDGE_RE: Final = _pattern(HEDGES)


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _target(doc: Doc, start: int, end: int, entities: tuple[Entity, ...]) -> str | None:
    """The entity a marker is about: the one labelled by a descriptor holding the marker, else the one named
    in the phrase the marker modifies (nearest to that phrase's head)."""
    for entity in entities:
        if any(d.start <= start and end <= d.end for d in entity.descriptors):
            return entity.id
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root.head if span.root.dep_ in {"amod", "advmod", "npadvmod", "punct"} else span.root
    lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    near = [(abs(m.start - head.idx), e.id) for e in entities for m in e.mentions if lo <= m.start and m.end <= hi]
    return min(near)[1] if near else None


def _word_markers(parsed: Parsed, entities: tuple[Entity, ...], quoted: list[tuple[int, int]]) -> list[Marker]:
    found = []
    kinds: tuple[tuple[MarkerKind, re.Pattern[str]], ...] = (("distancing", _DISTANCING_RE), ("hedge", _HEDGE_RE))
    for kind, pattern in kinds:
        for m in pattern.finditer(parsed.text):
            if _inside(m.start(), m.end(), quoted):
                continue
            found.append(
                Marker(
                    kind=kind,
                    start=m.start(),
                    end=m.end(),
                    text=m.group(0),
                    target=_target(parsed.doc, m.start(), m.end(), entities),
                    reason=_REASONS[kind],
                )
            )
    return found


def _spoken(token: Token) -> bool:
    """Whether the phrase at ``token`` is reported as someone's words: some verb above it is a speech or
    labelling verb and the phrase is not that verb's subject."""
    child = token
    for ancestor in token.ancestors:
        if ancestor.lemma_.lower() in _SPEECH_VERBS and child.dep_ not in {"nsubj", "nsubjpass"}:
            return True
        child = ancestor
    return False


def _is_title_or_name(text: str, quote: Quote) -> bool:
    """A quoted title ("the film 'Long Night'", a Title Cased run) or a nickname inside a name
    (Ana "The Hammer" Ruiz) is a name, not the outlet keeping a distance."""
    s, e = quote.inner
    inner = text[s:e].split()
    before = text[max(0, quote.start - 24) : quote.start].split()
    after = text[quote.end : quote.end + 24].split()
    if before and before[-1].strip(",:").lower() in _TITLE_NOUNS:
        return True
    if len(inner) >= 2 and all(w[:1].isupper() or w.lower() in {"of", "the", "a", "and", "in"} for w in inner):
        return True
    return bool(before and after and before[-1].istitle() and after[0][:1].isupper())


def _scare_quotes(
    parsed: Parsed, entities: tuple[Entity, ...], attributions: tuple[Attribution, ...], quotes: list[Quote]
) -> list[Marker]:
    spoken = [(p.start, p.end) for a in attributions for p in a.pieces]
    found = []
    for quote in quotes:
        s, e = quote.inner
        if not (quote.opened and quote.closed) or not 1 <= word_count(parsed.text[s:e]) <= 4:
            continue
        if any(a < quote.end and quote.start < b for a, b in spoken) or re.search(r"[.!?]\W*$", parsed.text[s:e]):
            continue
        span = parsed.doc.char_span(s, e, alignment_mode="expand")
        if span is None or _spoken(span.root) or _is_title_or_name(parsed.text, quote):
            continue
        found.append(
            Marker(
                kind="scare_quote",
                start=quote.start,
                end=quote.end,
                text=parsed.text[quote.start : quote.end],
                target=_target(parsed.doc, quote.start, quote.end, entities),
                reason=_REASONS["scare_quote"],
            )
        )
    return found


def find_markers(
    parsed: Parsed, entities: tuple[Entity, ...], attributions: tuple[Attribution, ...]
) -> tuple[Marker, ...]:
    """Distancing words, hedges and scare quotes in the outlet's own voice, in text order."""
    quotes = find_quotes(parsed.text)
    scare = _scare_quotes(parsed, entities, attributions, quotes)
    scare_spans = {(m.start, m.end) for m in scare}
    quoted = [(q.start, q.end) for q in quotes if (q.start, q.end) not in scare_spans]
    markers = _word_markers(parsed, entities, quoted) + scare
    return tuple(sorted(markers, key=lambda m: (m.start, m.end)))
