"""Attributions read off the dependency parse: a reporting word, its complement, its subject.

High precision by construction: a draft needs a cue word from the lexicon AND a complement of the shape
that word takes (a clause, an infinitive, object plus predicate, or a quotation in the same sentence).
These drafts cover what the tagger misses and give it cue heads, sources and addressees via the parse.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from spacy.tokens import Doc, Token

from .draft import Draft, Range, token_range, trim
from .lexicon import (
    ADDRESSING,
    COGNITION,
    INFINITIVE,
    OBJECT_PREDICATE,
    PHRASAL,
    REPORTING,
    SPEECH,
)
from .quotes import Quote

_PREDICATES: Final = frozenset({"oprd", "xcomp", "ccomp"})
CUE_LEMMAS: Final = REPORTING | frozenset(OBJECT_PREDICATE) | frozenset(PHRASAL)
_SUBJECTS: Final = frozenset({"nsubj", "csubj"})
_CUT_FROM_SOURCE: Final = frozenset({"relcl", "acl", "punct", "cc", "conj", "advcl"})


def rule_drafts(doc: Doc, speech: Sequence[Quote]) -> list[Draft]:
    """Every draft the parse supports, in the order of their cues."""
    cues = (tok for tok in doc if not _quoted(tok, speech))
    drafts = [d for tok in cues if (d := _verb_draft(doc, tok, speech)) is not None]
    drafts.extend(_according_to(doc))
    return sorted(drafts, key=lambda d: d.cue or d.content)


def _quoted(tok: Token, speech: Sequence[Quote]) -> bool:
    """Reported speech inside a direct quote is the quoted person's, not the article's: PolNeAR and
    readers both take the outermost report, so words inside speech quotes are no cues."""
    return any(q.start < tok.idx < q.end for q in speech)


def _verb_draft(doc: Doc, verb: Token, speech: Sequence[Quote]) -> Draft | None:
    if verb.pos_ != "VERB" or verb.lemma_ not in CUE_LEMMAS:
        return None
    found = _content(doc, verb, speech)
    if found is None:
        return None
    content, cue_end = found
    return Draft(
        content=trim(doc.text, _clip_to_paragraph(doc.text, content, verb.idx)),
        cue=token_range(doc, verb.i, cue_end),
        source=_source(doc, verb),
        addressee=_addressee(doc, verb),
        cue_head=verb.i,
    )


def _clip_to_paragraph(text: str, content: Range, at: int) -> Range:
    """A clause from the parse stays in the cue's paragraph (a missing full stop can make spaCy run a
    sentence over a paragraph break); quotes that do continue are restored from their marks later."""
    para_start = text.rfind("\n", 0, at) + 1
    para_end = text.find("\n", at)
    return max(content[0], para_start), min(content[1], len(text) if para_end < 0 else para_end)


def _content(doc: Doc, verb: Token, speech: Sequence[Quote]) -> tuple[Range, int] | None:
    """The content range and the index of the cue's last token (a particle or preposition may join it)."""
    last = max([verb.i, *(c.i for c in verb.children if c.dep_ == "prt")])
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:
        return _union(_clause_range(doc, c, speech) for c in clauses), last
    framed = _object_predicate(doc, verb)
    if framed is not None:
        return framed, last
    phrasal = _phrasal(doc, verb)
    if phrasal is not None:
        return phrasal
    infinitive = _infinitive(doc, verb)
    if infinitive is not None:
        return infinitive, last
    if verb.lemma_ in SPEECH and verb.lemma_ not in COGNITION:
        quote = _sentence_quote(verb, speech)
        if quote is not None:
            return (quote.start, quote.end), last
    return None


def _clause_range(doc: Doc, clause: Token, speech: Sequence[Quote]) -> Range:
    """A complement clause; when its head word stands inside a speech quote, the quote is the content
    (the parse may hang words after the closing mark onto the quoted clause)."""
    quote = next((q for q in speech if q.start <= clause.idx < q.end), None)
    if quote is not None:
        return quote.start, quote.end
    return token_range(doc, clause.left_edge.i, clause.right_edge.i)


def _object_predicate(doc: Doc, verb: Token) -> Range | None:
    """ "accused X of Y", "described X as Y", "called X Y": content runs from the object to the predicate."""
    prep = OBJECT_PREDICATE.get(verb.lemma_)
    if prep is None:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    preds = [c for c in verb.children if c.i > obj.i and (c.dep_ in _PREDICATES or c.lower_ == prep)]
    preds += [c for c in obj.children if prep and c.dep_ == "prep" and c.lower_ == prep]
    if not preds:
        return None
    return token_range(doc, obj.left_edge.i, max(p.right_edge.i for p in preds))


def _phrasal(doc: Doc, verb: Token) -> tuple[Range, int] | None:
    """ "called for an inquiry": the preposition joins the cue, its object is the content."""
    preps = PHRASAL.get(verb.lemma_, frozenset())
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in preps and child.i == verb.i + 1 and list(child.children):
            return token_range(doc, child.i + 1, child.right_edge.i), child.i
    return None


def _infinitive(doc: Doc, verb: Token) -> Range | None:
    """ "claims to represent the majority": content is the to-infinitive (with its object when urged)."""
    if verb.lemma_ not in INFINITIVE:
        return None
    for child in verb.children:
        if child.dep_ == "xcomp" and any(a.lower_ == "to" and a.dep_ == "aux" for a in child.children):
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < child.i), None)
            with_object = obj is not None and verb.lemma_ not in ADDRESSING
            start = obj.left_edge.i if obj is not None and with_object else child.left_edge.i
            return token_range(doc, start, child.right_edge.i)
    return None


def _sentence_quote(verb: Token, speech: Sequence[Quote]) -> Quote | None:
    """The speech quote nearest the cue within its sentence, when the cue stands outside it."""
    sent = verb.sent
    lo, hi = sent.start_char, sent.end_char
    at = verb.idx
    inside = [q for q in speech if q.start < hi and q.end > lo and not q.start <= at < q.end]
    if not inside:
        return None
    return min(inside, key=lambda q: min(abs(at - q.start), abs(at - q.end)))


def _union(ranges: Iterable[Range]) -> Range:
    spans = list(ranges)
    return min(s for s, _ in spans), max(e for _, e in spans)


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject, climbing through participles and coordinated verbs that share one."""
    node: Token | None = verb
    for _ in range(4):
        if node is None:
            return None
        subj = next((c for c in node.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            return subj
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if node.dep_ not in ("conj", "xcomp", "advcl", "pcomp", "prep"):
            return None
        node = node.head
    return None


def noun_phrase(doc: Doc, head: Token) -> Range:
    """A mention's characters: the head with its modifiers, without relative clauses or a comma'd tail."""
    first, last = head.left_edge.i, head.i
    for child in head.rights:
        if child.dep_ in _CUT_FROM_SOURCE or (child.dep_ == "appos" and doc[child.i - 1].text == ","):
            break
        last = child.right_edge.i
    while first < last and doc[first].is_punct:
        first += 1
    return token_range(doc, first, last)


def _source(doc: Doc, verb: Token) -> Range | None:
    subj = subject_of(verb)
    return None if subj is None else noun_phrase(doc, subj)


def _addressee(doc: Doc, verb: Token) -> Range | None:
    """Whom the cue addresses: the object of "told"/"asked", or "to X" after a verb of saying."""
    if verb.lemma_ in ADDRESSING:
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON"):
            return noun_phrase(doc, obj)
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ == "to":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN", "PRON"):
                return noun_phrase(doc, pobj)
    return None


def _according_to(doc: Doc) -> list[Draft]:
    """ "According to X, Y" and "Y, according to X": X is the source, Y the content."""
    out: list[Draft] = []
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        clause = tok.head if tok.head.i != tok.i else None
        if clause is None:
            continue
        inner = {t.i for t in tok.subtree}
        rest = [t.i for t in clause.subtree if t.i not in inner and not t.is_punct]
        if not rest:
            continue
        out.append(Draft(
            content=trim(doc.text, token_range(doc, min(rest), max(rest))),
            cue=token_range(doc, tok.i, to.i),
            source=noun_phrase(doc, pobj),
            cue_head=tok.i,
        ))
    return out
