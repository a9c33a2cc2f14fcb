"""Attribution: who says what, through which cue, to whom, resolved to full names.

Two layers meet here. The shared neural tagger marks content, cue and source spans (BIO, decoded with
Viterbi and linked over the parse); rules over the parse and the quotation marks add high-precision
attributions the tagger misses and fix its quote edges. Everything is read from ``Parsed``: one spaCy
parse and one tagger pass per article, shared with the other analyzers.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ..._contract import Attribution, Entity
from ..._parsed import Parsed
from .build import build
from .combine import (
    combine,
    not_names,
    one_per_content,
    one_reading_per_cue,
    quoted_by,
    sources_after_openers,
    sources_without_reports,
    whole_clauses,
    whole_marks,
    without_own_source,
)
from .decode import decode
from .draft import Draft
from .edges import edges
from .enclose import enclose, reports_within
from .gate import credible, load_gate
from .link import link, second_reports, without_second_report
from .quotes import double_marked, find_quotes, is_speech
from .rules import rule_drafts

__all__ = ["attribute", "find_attributions"]


def find_attributions(parsed: Parsed, entities: tuple[Entity, ...]) -> tuple[Attribution, ...]:
    """Every attribution in the article, ids "a1", "a2", ... in text order."""
    tagged = parsed.tagged()
    decoded = decode(parsed.doc, parsed.text, tagged.offsets, tagged.attribution)
    return attribute(parsed.doc, link(parsed.doc, parsed.text, decoded), entities)


def attribute(doc: Doc, tagged: Sequence[Draft], entities: Sequence[Entity]) -> tuple[Attribution, ...]:
    """The tagger's drafts joined with the rules' and made into contract objects (with no tagger
    drafts, the rule layer alone: what the tests exercise sentence by sentence). The rules read quote
    edges from double marks, so a text quoted with single marks reaches them rewritten, same length."""
    original = doc.text
    quotes = find_quotes(original)
    text = double_marked(original, quotes)
    marked = [(q.start, q.end) for q in quotes]
    seconds = second_reports(doc)
    tagged = not_names(doc, text, [without_second_report(doc, d, marked, seconds) for d in tagged], quotes)
    speech = [q for q in quotes if is_speech(text, q) or quoted_by(tagged, q)]
    if tagged:
        tagged = credible(doc, text, tagged, marked, load_gate())
    rules = rule_drafts(doc, text, speech)
    combined = combine(whole_clauses(doc, tagged, rules), rules, text, speech)
    edged = [without_second_report(doc, edges(doc, text, d, quotes), marked, seconds) for d in combined]
    drafts = enclose(doc, text, [whole_marks(text, d, quotes) for d in edged])
    drafts = reports_within(doc, one_per_content(one_reading_per_cue(without_own_source(text, drafts))), quotes)
    drafts = sources_after_openers(doc, text, sources_without_reports(text, drafts))
    return build(doc, original, drafts, quotes, speech, entities)
