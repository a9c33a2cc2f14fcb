"""Reports with no verb: "According to X, Y", "Y, according to X" and "In the words of X, Y"."""

from __future__ import annotations

import re
from typing import Final

from spacy.tokens import Doc, Token

from .draft import Draft, Range, token_range, trim
from .lexicon import REPORTING
from .syntax import noun_phrase

_ACCORDING_RE: Final = re.compile(r"\b(?:according to|in the words of)\b", re.IGNORECASE)
# A quote right before "in the words of X", which then gives those words alone.
_QUOTE_BEFORE_RE: Final = re.compile(r'(["“][^"“”\n]{1,200}["”])[,;]?\s*$')
_QUOTE_REACH: Final = 210


def according_to(doc: Doc, text: str) -> list[Draft]:
    """ "According to X, Y", "Y, according to X" and "In the words of X, Y": X is the source, Y the
    content."""
    out: list[Draft] = []
    for match in _ACCORDING_RE.finditer(text):
        found = _phrase(doc, match)
        if found is None:
            continue
        tok, last, pobj = found
        clause = tok.head if tok.head.i != tok.i else None
        if clause is None:
            continue
        if _closes_sentence(doc, tok, pobj):
            clause = _reporting_clause(clause)
        # the "that" before the phrase is the outer verb's ("reported that, according to X, Y")
        inner = {t.i for t in tok.subtree} | {c.i for c in clause.children if c.dep_ == "mark" and c.i < tok.i}
        rest = [t.i for t in clause.subtree if t.i not in inner and not t.is_punct]
        if not rest:
            continue
        words = _QUOTE_BEFORE_RE.search(text, max(0, match.start() - _QUOTE_REACH), match.start())
        quoted = words is not None and last.i - tok.i == 3  # "surprises," in the words of one staffer: the word
        out.append(
            Draft(
                content=words.span(1) if quoted and words else trim(text, token_range(doc, min(rest), max(rest))),
                cue=token_range(doc, tok.i, last.i),
                source=noun_phrase(doc, pobj),
                cue_head=tok.i,
            )
        )
    return out


def before_closing_phrase(doc: Doc, text: str, span: Range) -> Range:
    """A clause cut before a closing "..., according to X." that the parse hangs on it: the phrase frames
    the report the clause is in, not the clause alone (see ``_reporting_clause``)."""
    for match in _ACCORDING_RE.finditer(text, span[0], span[1]):
        found = _phrase(doc, match)
        if found is not None and span[0] < match.start() and _closes_sentence(doc, found[0], found[2]):
            return trim(text, (span[0], match.start()))
    return span


def _phrase(doc: Doc, match: re.Match[str]) -> tuple[Token, Token, Token] | None:
    """The phrase's first and last words and the object of its preposition (X)."""
    phrase = doc.char_span(*match.span())
    if phrase is None or len(phrase) not in (2, 4):
        return None
    pobj = next((c for c in phrase[-1].children if c.dep_ == "pobj"), None)
    return None if pobj is None else (phrase[0], phrase[-1], pobj)


def _closes_sentence(doc: Doc, tok: Token, pobj: Token) -> bool:
    """Whether "according to X" is set off by a comma and ends its sentence ("..., according to X.")."""
    end = tok.sent.end
    rest = doc[pobj.right_edge.i + 1 : end]
    return tok.i > 0 and doc[tok.i - 1].text == "," and all(t.is_punct or t.is_space for t in rest)


def _reporting_clause(clause: Token) -> Token:
    """The report a closing "according to X" vouches for, whole: spaCy's small model hangs the phrase on
    the last clause ("The minister said the plant would close, according to the Tribune" under "close"),
    while the paper is the source of the minister's words too (PolNeAR's reading, in train)."""
    while clause.dep_ == "ccomp" and clause.head.i < clause.i and clause.head.lemma_ in REPORTING:
        clause = clause.head
    return clause
