"""Who a speaker no name stands for is, read off earlier subjects: several people, coordinated and each
by full name ("Cruz and Rubio"), a plural noun ("Many pensioners"), "they" after either, and "each" set
beside them ("Lopez and Reed traded barbs, each accusing the other"); and the thing "it" continues ("The
report says ... It also points out"). ``resolve`` asks these once it knows what kind of pronoun it holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from spacy.tokens import Doc, Token

from ..._contract import Entity
from ..entities import after_dateline
from ..names import TITLES
from .draft import Range, mentioned
from .lexicon import FEMALE_WORDS, MALE_WORDS, PEOPLE_NOUNS

_PERSON_NOUNS: Final = PEOPLE_NOUNS | MALE_WORDS | FEMALE_WORDS | TITLES
SUBJECT_REACH: Final = 400  # characters a subject pronoun looks back for whom it continues


def group(doc: Doc, at: int, named_at: int, exclude: Sequence[Range], entities: Sequence[Entity]) -> str | None:
    """ "They" after an unnamed group or several people were the subject ("Many pensioners were angry. They
    said ...", "Cruz and Rubio clashed. They ..."): the latest plural or coordinated subject within
    ``SUBJECT_REACH`` characters and after the agreeing name when that name was a subject too
    (``named_at``, -1 when it was not): a name would otherwise take "they" however far back it stood. A
    subject that is "their" something ("their arguments prevailed") passes "they" on to its owners."""
    return _latest_subject(doc, at, named_at, exclude, lambda subject: _several(subject, entities))


def thing(doc: Doc, at: int, named_at: int, exclude: Sequence[Range]) -> str | None:
    """What "it" reports for when no organisation agrees: the latest definite singular thing that was a
    main verb's subject within ``SUBJECT_REACH`` characters, after ``named_at`` ("The ad uses footage of
    the debate. It also mentions ..." is the ad; "The report says ... It also points out" the report)."""
    return _latest_subject(doc, at, named_at, exclude, _a_thing)


def _latest_subject(
    doc: Doc, at: int, named_at: int, exclude: Sequence[Range], pick: Callable[[Token], str | None]
) -> str | None:
    pronoun = doc.char_span(at, at + 1, alignment_mode="expand")
    for token in reversed(doc[: 0 if pronoun is None else pronoun.start]):
        if token.idx <= max(named_at, at - SUBJECT_REACH):
            return None
        if token.dep_ not in ("nsubj", "nsubjpass") or any(s <= token.idx < e for s, e in exclude):
            continue
        found = pick(token)
        if found is not None:
            return found
    return None


def _a_thing(subject: Token) -> str | None:
    """A subject "it" can continue: a singular common noun made definite by "the" or an owner ("The
    ad", "Trump's campaign"), heading its sentence's main clause, and not a person ("The spokesman")."""
    definite = any(c.dep_ == "poss" or c.lower_ in ("the", "this") for c in subject.children)
    main = subject.head.dep_ == "ROOT" or (subject.head.head.dep_ == "ROOT" and subject.head.dep_ == "conj")
    person = subject.ent_type_ == "PERSON" or subject.lemma_.lower() in _PERSON_NOUNS
    return _own_words(subject) if subject.tag_ == "NN" and definite and main and not person else None


def _several(subject: Token, entities: Sequence[Entity]) -> str | None:
    """A subject that names several: coordinated names, each by its full name, or a plural noun."""
    if subject.conjuncts:
        return _joined([_conjunct_name(c, entities) for c in (subject, *subject.conjuncts)])
    if subject.tag_ in ("NNS", "NNPS") and not any(c.lower_ == "their" for c in subject.children):
        return _own_words(subject)
    return None


def distributed(pronoun: Token, entities: Sequence[Entity]) -> str | None:
    """ "each" as the subject of a participle set beside the main verb ("Lopez and Reed traded barbs, each
    accusing the other"): every one of that verb's several subjects speaks."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or verb.dep_ != "advcl":
        return None
    subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None if subject is None else _several(subject, entities)


def _conjunct_name(token: Token, entities: Sequence[Entity]) -> str:
    """One of several subjects, by its entity's full name when it is a mention of one ("Rubio" -> "Marco
    Rubio"), else by its own words up to its head (without the conjuncts that hang from it)."""
    entity = mentioned((token.idx, token.idx + len(token)), entities)
    return entity.name if entity is not None else _own_words(token)


def _own_words(token: Token) -> str:
    """A noun's words up to it, without a dateline the parse hung in front ("NEW YORK - Presidential
    campaigns")."""
    return after_dateline(token.doc[token.left_edge.i : token.i + 1]).text


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
