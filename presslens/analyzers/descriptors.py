"""The labels a text gives a named entity: appositions ("Lopez, the retired general"), pre-modifiers
("opposition leader Jan Novak"), a description opening the sentence ("A retired admiral, Vidal said"),
predicate nominals ("Novak is a self-styled reformer") and object complements ("she called Novak a
traitor"), read off the parse around each mention.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .._labels import NAME_TYPES
from .names import TITLES

# A word inside one of these names is part of a name, never a label; a nationality ("Spanish") or a word
# spaCy's small model takes for a date ("a Spanish daily") can be.
NAMING: Final = NAME_TYPES - {"NORP"}
_LABELLING_VERBS: Final = frozenset({"describe", "call", "label", "brand", "dub", "term", "portray", "paint", "deride"})
_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass"})
ARTICLES: Final = frozenset({"the", "a", "an"})


def _subtree_chars(token: Token) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def _premodifier(mention: SpacySpan) -> tuple[int, int] | None:
    """Words before the name in its noun phrase that say what the entity is ("retired general")."""
    first = mention[0]
    start = first.i
    while start > 0:
        prev = first.doc[start - 1]
        modifies = prev.i < prev.head.i < mention.end and prev.dep_ in {
            "compound",
            "amod",
            "nmod",
            "npadvmod",
            "nummod",
            "punct",
            "advmod",
        }
        if not modifies or prev.ent_type_ in NAMING:
            break
        start -= 1
    words = first.doc[start : first.i]
    if not any(t.pos_ == "NOUN" or t.lower_.rstrip(".") in TITLES for t in words):
        return None
    return words[0].idx, first.idx


def _apposed_to(head: Token) -> Token | None:
    """The common noun a name is in apposition to, looking through "of <place>" ("the guardian of Port
    Elsa, councillor Dana Okafor" labels Okafor, not Port Elsa)."""
    target = head.head
    if target.ent_type_ in NAMING and target.dep_ == "pobj" and target.head.dep_ == "prep":
        target = target.head.head
    return target if target.pos_ == "NOUN" and target.ent_type_ not in NAMING else None


def descriptor_spans(mention: SpacySpan) -> list[tuple[int, int]]:
    """Character ranges of the labels the text gives this mention (see the module's docstring)."""
    head = mention.root
    found = [
        _subtree_chars(child)
        for child in head.children
        if child.dep_ == "appos"
        and child.ent_type_ not in NAMING
        and child.pos_ != "NUM"
        and not (mention.start <= child.i < mention.end)
    ]
    if head.dep_ == "appos" and (noun := _apposed_to(head)) is not None:
        found.append((noun.left_edge.idx, head.left_edge.idx))
    if head.dep_ == "nsubj" and head.head.lemma_ == "be":
        found += [_subtree_chars(c) for c in head.head.children if c.dep_ in {"attr", "acomp"} and c.pos_ == "NOUN"]
    if head.dep_ in {"dobj", "nsubjpass"} and head.head.lemma_ in _LABELLING_VERBS:
        verb = head.head
        found += [_subtree_chars(c) for c in verb.children if c.dep_ in {"oprd", "attr"}]
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
            found += [_subtree_chars(p) for p in prep.children if p.dep_ == "pobj"]
    found += [r for r in (_premodifier(mention), _fronted(mention)) if r is not None]
    return found


def fronted_noun(mention: SpacySpan) -> Token | None:
    """ "A retired admiral, Marta Vidal said ...", "The son of a fisherman, Ruiz has led ...": the head of
    a noun phrase opening the sentence, set off by a comma right before the name that is the subject of
    its verb, which describes that name. Not a time ("Last week, Ruiz said") nor a name ("In Paris, ...")."""
    doc, head = mention.doc, mention.root
    if not doc.has_annotation("DEP"):  # a Doc built without the parser has no sentences to open
        return None
    start = mention.sent.start
    if head.dep_ not in _SUBJECTS or mention.start - start < 3 or doc[mention.start - 1].text != ",":
        return None
    opening = doc[start : mention.start - 1]
    noun = opening.root
    spans_all = noun.left_edge.i == start and noun.right_edge.i == mention.start - 2
    described = noun.pos_ == "NOUN" or (noun.pos_ == "PROPN" and noun.ent_type_ == "NORP")
    introduced = opening[0].lower_ in ARTICLES or opening[0].dep_ == "poss"
    if not (spans_all and described and introduced and noun.head.i == head.head.i) or noun.ent_type_ in NAMING:
        return None
    return noun


def _fronted(mention: SpacySpan) -> tuple[int, int] | None:
    noun = fronted_noun(mention)
    return (
        None
        if noun is None
        else (noun.left_edge.idx, mention.doc[mention.start - 2].idx + len(mention.doc[mention.start - 2]))
    )
