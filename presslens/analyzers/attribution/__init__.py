"""Attribution: who says what, through which cue, to whom, resolved to full names.

Two layers meet here. The shared neural tagger marks content, cue and source spans (BIO, decoded with
Viterbi and linked over the parse); rules over the parse and the quotation marks add high-precision
attributions the tagger misses and fix its quote edges. Everything is read from ``Parsed``: one spaCy
parse and one tagger pass per article, shared with the other analyzers.
"""

from __future__ import annotations

from ..._contract import Attribution, Entity
from ..._parsed import Parsed
from .build import build
from .combine import combine
from .decode import decode
from .link import link
from .quotes import find_quotes, is_speech
from .rules import rule_drafts

__all__ = ["find_attributions"]


def find_attributions(parsed: Parsed, entities: tuple[Entity, ...]) -> tuple[Attribution, ...]:
    """Every attribution in the article, ids "a1", "a2", ... in text order."""
    doc = parsed.doc
    quotes = find_quotes(doc.text)
    speech = [q for q in quotes if is_speech(doc.text, q)]
    tagged = parsed.tagged()
    decoded = decode(doc, tagged.offsets, tagged.attribution)
    drafts = combine(link(doc, decoded.spans), rule_drafts(doc, speech), doc.text, speech)
    return build(doc, drafts, quotes, entities)
