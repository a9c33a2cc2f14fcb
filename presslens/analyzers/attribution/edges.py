"""Where PolNeAR draws the line between cue, content and the rest, applied to every draft once the
tagger's and the rules' are joined: small words after the cue join it ("complained about"), a proposition
noun joins the content ("the idea that ..."), and so do what an object is taken for ("defended the toll as
fair") and a passive cue's subject ("The court is expected to rule"); a content opening its sentence drops
a leading "But" or "In fact,", and one closing on the outlet's summing up (", a claim the opposition
disputed") drops that.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from spacy.tokens import Doc, Token

from ..entities import past_dateline
from .combine import own_frame
from .draft import Draft, Range, overlap, token_range
from .lexicon import LABELLING, PROPOSITIONS, SUMMING
from .quotes import Quote

_REACH: Final = 2  # words between a cue and its content that may join the cue

_EXPLETIVES: Final = frozenset({"it", "there"})
# Sentence openers that tie the sentence to the one before, which PolNeAR leaves out of a content that
# starts the sentence ("But" 54 times out, 23 in, in train; "However," "In fact," and the like always out).
# "And" (14 out, 12 in) and "So" (1 out, 10 in) stay.
_CONNECTIVE_RE: Final = re.compile(
    r"(?:But|However,|In fact,|In contrast,|Indeed,|Still,|Meanwhile,|What's more,|What’s more,|Moreover,"
    r"|Furthermore,|To be sure,)\s+"
)
_SENTENCE_ENDS: Final = frozenset({"", "\n", ".", "!", "?", '"', "”"})
_LOOK_BACK: Final = 20
_RELATIVES: Final = frozenset({"which", "that", "who", "whom"})
_RAISING: Final = frozenset({"seem", "appear"})
# Passive cues whose subject is what the report is about ("is expected to", "was viewed as"), unlike
# those whose subject is the one addressed ("was told to", "was asked to").
_PASSIVE_REPORTS: Final = LABELLING | frozenset(
    {"expect", "say", "believe", "think", "report", "rumor", "know", "understand", "allege", "suppose"}
    | {"estimate", "project", "predict", "call", "dismiss", "name"}
)
_COMPLEMENTS: Final = frozenset({"xcomp", "ccomp", "prep", "oprd", "attr", "acomp"})
_CLAUSES: Final = frozenset({"ccomp", "xcomp", "dobj", "parataxis"})
_FRAGMENT_RE: Final = re.compile('["“]\\s*[a-z]')  # a quote opening on a small letter: mid-clause
_INFINITIVES: Final = frozenset({"xcomp"})


def _small_word(tok: Token) -> bool:
    """A preposition, particle or adverb, but not an infinitive's "to"."""
    return (tok.pos_ in ("ADP", "ADV") or tok.dep_ == "prt") and not (tok.tag_ == "TO" and tok.dep_ == "aux")


def _bare_date(tok: Token) -> bool:
    """A date standing as the verb's adverb ("said Wednesday that", "announced last month that"), which
    PolNeAR's cues take in two times out of three in train; with a preposition ("on Wednesday") they
    leave it out four times out of five, so that case stops at the preposition."""
    return tok.ent_type_ == "DATE" and (tok.dep_ == "npadvmod" or tok.head.dep_ == "npadvmod")


def reach_content(doc: Doc, draft: Draft) -> Draft:
    """A cue before its content takes the prepositions and particles in between ("complained about",
    "accused ... of", "pointed out"): PolNeAR's cues end where the content starts in 89% of cases, and
    these small words are most of the rest. An infinitive's "to" is left alone (it goes either way)."""
    if draft.cue is None or draft.cue[1] > draft.content[0]:
        return draft
    gap = doc.char_span(draft.cue[1], draft.content[0], alignment_mode="contract")
    if gap is None or len(gap) == 0 or len(gap) > _REACH:
        return draft
    if not all(_small_word(t) or _bare_date(t) for t in gap):
        return draft
    return replace(draft, cue=(draft.cue[0], gap[-1].idx + len(gap[-1])))


def with_predicate(doc: Doc, text: str, draft: Draft) -> Draft:
    """A content that holds the cue's object runs on over the "as" phrase after it, which says what the
    object is taken for ("defended | the toll | as a fair price for the bridge", "refer to the bridge as
    a white elephant"): in a sample of PolNeAR train, where a cue verb has an object and an
    "as" phrase, the content holds both in 67 of 76 cases and never the object alone."""
    if draft.cue_head is None:
        return draft
    verb = doc[draft.cue_head]
    found = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.idx >= draft.content[1]]
    if not found or text[draft.content[1] : found[0].idx].strip() or not _holds_object(verb, draft.content):
        return draft
    last = found[0].right_edge
    return replace(draft, content=(draft.content[0], last.idx + len(last)))


def _holds_object(verb: Token, content: Range) -> bool:
    """Whether the content holds the verb's object, direct or after its particle ("refers to X")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ != "as" for g in c.children if g.dep_ == "pobj"
    ]
    return any(content[0] <= o.idx < content[1] for o in objects)


def whole_clause(doc: Doc, text: str, draft: Draft) -> Draft:
    """A content that opens with a quote picking up mid-clause ('she was "not quite there yet"', 'The people
    of the harbour "deserve a bridge ..."') starts where the clause it belongs to starts: the cue's complement
    holding the quote, never before the cue's own words when they come first."""
    start = draft.content[0]
    if draft.cue_head is None or draft.cue is None or not _FRAGMENT_RE.match(text, start):
        return draft
    verb = doc[draft.cue_head]
    floor = draft.cue[1] if draft.cue[1] <= start else 0
    for child in verb.children:
        left = child.left_edge.idx
        inside = left < start < child.right_edge.idx + len(child.right_edge)
        if child.dep_ in _CLAUSES and inside and left >= floor and "\n" not in text[left:start]:
            return replace(draft, content=(left, draft.content[1]))
    return draft


def fronted(doc: Doc, draft: Draft) -> Draft:
    """What the report is about, standing before its cue, opens the content, as PolNeAR marks it: the
    subject of a passive cue ("The court is expected to rule", "The case was viewed as a threat"; 94 of
    the 104 contents after such a cue in train), of "seem" ("Okafor seemed to be of two minds"), and the
    relative pronoun of a cue in a relative clause ("the policy, which they say left a vacuum"). A source
    found inside is no source, bar the passive's "by" phrase and the relative clause's own subject ("they",
    as PolNeAR marks it)."""
    if draft.cue_head is None or draft.cue is None or draft.content[0] < draft.cue[1]:
        return draft
    verb = doc[draft.cue_head]
    found = _opener(verb)
    if found is None or found[0].i > verb.i or found[0].lower_ in _EXPLETIVES:
        return draft
    opener, deps = found
    if not any(c.i > verb.i and c.dep_ in deps and _spans_to(c, draft.content[0]) for c in verb.children):
        return draft
    content = (opener.left_edge.idx, draft.content[1])
    by = [c for c in verb.children if c.dep_ == "agent"]  # "was described by critics as": the critics speak
    named = draft.source is not None and any(overlap(draft.source, token_range(doc, c.i, c.right_edge.i)) for c in by)
    # "which they say": they speak, inside the content as the cue is (not the pronoun itself: "that seemed")
    named = named or (opener.lower_ in _RELATIVES and draft.source is not None and draft.source[0] > opener.idx)
    source = draft.source if draft.source is None or named or not overlap(draft.source, content) else None
    return replace(draft, content=content, source=source)


def _opener(verb: Token) -> tuple[Token, frozenset[str]] | None:
    """The word the content opens with and the complements the content may lie in. A relative pronoun
    only when the cue has a subject of its own ("which they say"), else it is the speaker ("who said")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    relative = next((c for c in verb.children if c.lower_ in _RELATIVES and c.i < verb.i), None)
    if verb.dep_ == "relcl" and relative is not None and any(s.i > relative.i for s in subjects):
        return relative, _COMPLEMENTS
    if verb.lemma_ in _RAISING:
        return next(((c, _INFINITIVES) for c in subjects if c.dep_ == "nsubj"), None)
    if verb.lemma_ in _PASSIVE_REPORTS:
        return next(((c, _COMPLEMENTS) for c in subjects if c.dep_ == "nsubjpass"), None)
    return None


def _spans_to(token: Token, at: int) -> bool:
    """Whether character ``at`` lies in the token's subtree."""
    start, end = token_range(token.doc, token.left_edge.i, token.right_edge.i)
    return start <= at < end


def noun_to_content(doc: Doc, draft: Draft) -> Draft:
    """ "played down the idea that ...", "struck down assertions that ...": a noun for a proposition whose
    that-clause is the content belongs to the content, not the cue, as PolNeAR marks it ("the idea that he
    had struck a deal"); the tagger's cue often runs over it. Other nouns stay in the cue ("said in a
    statement that", "expressed confidence that")."""
    if draft.cue is None or draft.cue[1] > draft.content[0]:
        return draft
    cue = doc.char_span(*draft.cue, alignment_mode="contract")
    first = doc.char_span(draft.content[0], draft.content[1], alignment_mode="contract")
    if cue is None or first is None or len(cue) < 2 or not len(first) or first[0].lower_ != "that":
        return draft
    noun = next((t for t in cue[1:] if t.lemma_ in PROPOSITIONS and first[0].head.head.i == t.i), None)
    if noun is None or noun.left_edge.i <= cue.start:
        return draft
    start = noun.left_edge
    end = doc[start.i - 1]
    return replace(draft, cue=(draft.cue[0], end.idx + len(end)), content=(start.idx, draft.content[1]))


def without_summary(doc: Doc, draft: Draft, quotes: Sequence[Range]) -> Draft:
    """A noun phrase closing the content that sums it up in the outlet's words (", a claim the opposition
    disputed", ", a promise she has made before") is no part of what was said; inside quotation marks it
    is the speaker's own."""
    span = doc.char_span(*draft.content, alignment_mode="contract")
    if span is None:
        return draft
    for comma in (t for t in span[1:-2] if t.text == "," and not any(q[0] < t.idx < q[1] for q in quotes)):
        article = doc[comma.i + 1]
        noun = article.head
        if article.lower_ in ("a", "an") and noun.lemma_ in SUMMING and noun.right_edge.i >= span[-1].i - 1:
            return replace(draft, content=(draft.content[0], doc[comma.i - 1].idx + len(doc[comma.i - 1])))
    return draft


def within_noun_clause(doc: Doc, draft: Draft) -> Draft:
    """A content after a noun cue ends with the noun's clause ("Lopez's claim that the tax is unfair | drew
    criticism"): the verb the noun is the subject of says what the outlet makes of the claim."""
    if draft.cue_head is None or doc[draft.cue_head].pos_ != "NOUN":
        return draft
    noun = doc[draft.cue_head]
    for clause in (c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i):
        start, end = token_range(doc, clause.left_edge.i, clause.right_edge.i)
        if start <= draft.content[0] < end < draft.content[1] and draft.content[0] <= noun.head.idx:
            return replace(draft, content=(draft.content[0], end))
    return draft


def without_connective(text: str, draft: Draft) -> Draft:
    """A content that opens its sentence without the word tying it to the sentence before (see
    ``_CONNECTIVE_RE``)."""
    start, end = draft.content
    opener = _CONNECTIVE_RE.match(text, start, end)
    if opener is None or text[max(0, start - _LOOK_BACK) : start].rstrip(" \t\xa0")[-1:] not in _SENTENCE_ENDS:
        return draft
    return replace(draft, content=(opener.end(), end))


def edges(doc: Doc, text: str, draft: Draft, quotes: Sequence[Quote]) -> Draft:
    """The draft with its cue and content edges drawn as PolNeAR draws them (see the module's docstring)."""
    draft = own_frame(doc, draft, quotes)
    draft = with_predicate(doc, text, noun_to_content(doc, reach_content(doc, draft)))
    draft = within_noun_clause(doc, fronted(doc, whole_clause(doc, text, draft)))
    draft = without_summary(doc, draft, [(q.start, q.end) for q in quotes])
    # a paragraph's dateline is the outlet's, not the speaker's words
    return without_connective(text, replace(draft, content=past_dateline(doc, *draft.content)))
