"""A report inside another's content belongs to that content too ("Lopez said she would close the port,
which she believes is losing money"): PolNeAR marks the outer content over the inner report, and so does
a reader. The tagger gives each word one role, so the inner source and cue cut the outer content where
they begin; here the outer content runs on over the report its own clause holds, and the nesting step
then makes the inner report's ``via`` point at it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from spacy.tokens import Doc, Token

from .build import nesting
from .draft import Draft, Range, overlap
from .lexicon import SPEECH
from .quotes import Quote

# What may stand between the outer content's end and the inner report: the word that opens the inner
# clause. A relative clause set off by a comma ("policies, which he said had harmed the economy") is a
# report of its own in PolNeAR as often as not, so a comma keeps the two apart.
_ACCORDING: Final = ("according to", "in the words of")  # the phrases that report words without a verb
_BETWEEN_RE: Final = re.compile(r"\s*(?:(?:and|but)\s+that\s+|(?:that|who|which|whom)\s+)?")


def enclose(doc: Doc, text: str, drafts: Sequence[Draft]) -> list[Draft]:
    """The drafts, each content run on over the reports its clause holds. Later contents go first, so a
    report inside a report inside a third is carried out to the outermost."""
    out = list(drafts)
    order = sorted(range(len(out)), key=lambda i: out[i].content)  # growing a content never moves its start
    for k in reversed(order):
        for i in order:
            grown = _over(doc, text, out[k], out[i])
            if grown is not None:
                out[k] = grown
    return out


def _abuts(text: str, end: int, inner: Draft) -> bool:
    """Whether the inner report opens where the outer content ends, or its source began inside that
    content's last words (the tagger's "... and that the U.S. | Chamber of Commerce thinks")."""
    begin = inner.extent()[0]
    if begin >= end:
        return _BETWEEN_RE.fullmatch(text, end, begin) is not None
    return inner.source is not None and inner.source[0] == begin and end <= inner.source[1]


def _over(doc: Doc, text: str, outer: Draft, inner: Draft) -> Draft | None:
    """The outer draft grown over the inner one, when the inner report opens right where the outer
    content stops, in the same sentence, and the inner cue hangs from a word of the outer content. An
    inner content that opens before its cue ("spending programs, which they argue spur demand") is a
    report of its own, as PolNeAR marks it, and stays outside."""
    if inner is outer or inner.cue_head is None or inner.cue is None or inner.content[0] < inner.cue[1]:
        return None
    start, end = outer.content
    if not _abuts(text, end, inner) or inner.extent()[0] <= start:
        return None
    cue = doc[inner.cue_head]
    if max(inner.content[1], inner.cue[1]) > cue.sent.end_char or not _hangs_from(cue, start, end):
        return None
    grown: Range = (start, min(max(inner.content[1], inner.cue[1]), _clause_end(doc, outer.content)))
    if any(r is not None and overlap(r, grown) for r in (outer.cue, outer.source)):
        return None
    return replace(outer, content=grown)


def _clause_end(doc: Doc, content: Range) -> int:
    """Where the phrases begun in the content end: the grown content stops there even when the inner
    content runs on ("the president she hopes | to succeed differs from ...": "differs" is not hers)."""
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None or not len(span):
        return content[1]
    last = max((t.right_edge for t in span), key=lambda t: t.i)
    return last.idx + len(last)


def _hangs_from(token: Token, start: int, end: int) -> bool:
    """Whether one of the token's heads lies within characters [start, end)."""
    while token.head.i != token.i:
        token = token.head
        if start <= token.idx < end:
            return True
    return False


def reports_within(doc: Doc, drafts: Sequence[Draft], quotes: Sequence[Quote]) -> list[Draft]:
    """Inside another's content only a report of words stays an attribution of its own: "X said that the
    Gazette reported Y" is a chain of reporting a reader follows, but in "X said voters who know the
    area want Y" what voters know and want is part of X's words. (PolNeAR marks the outermost report only,
    and held-out train bears the rest out: most of the inner beliefs and intentions kept were wrong.) A
    part of a content read again with the same cue is no report inside it."""
    holders = nesting(doc.text, drafts, quotes)
    return [
        d
        for d, holder in zip(drafts, holders, strict=True)
        if holder is None or (_reports_words(doc, d) and d.cue != drafts[holder].cue)
    ]


def _reports_words(doc: Doc, draft: Draft) -> bool:
    if draft.cue is None:
        return False
    cue = doc.char_span(*draft.cue, alignment_mode="expand")
    return cue is not None and (cue.root.lemma_ in SPEECH or cue.text.lower().startswith(_ACCORDING))
