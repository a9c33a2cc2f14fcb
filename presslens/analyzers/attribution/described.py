"""Who a description names: "the retired general", "the paper", "the 54-year-old", read against the
labels, kinds and ages the text gave the entities it names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

from spacy.tokens import Span, Token

from ..._contract import Descriptor, Entity
from .draft import Range, overlap
from .groups import SUBJECT_REACH
from .lexicon import COMPANIES, KINDS

_BEFORE_COMPLEMENT_RE: Final = re.compile(
    r",|\s(?:of|to|at|from|for|in|on|with|by|who|whom|whose|which|that)\s", re.IGNORECASE
)
_POSSESSIVES: Final = frozenset({"his", "her", "its", "their"})
_OWNER_RE: Final = re.compile(rf"^({'|'.join(sorted(_POSSESSIVES))})\b|(\w+)['’]s\b", re.IGNORECASE)
_YEARS_OLD: Final = r"[-‐ ]years?[-‐ ]old"
_AGED_RE: Final = re.compile(rf"\b(\d{{1,3}}){_YEARS_OLD}\b", re.IGNORECASE)
_AGE_REACH: Final = 3000  # characters back to the mention that gave the age


def described_as(text: str, span: Span, source: Range, entities: Sequence[Entity]) -> Entity | None:
    """The entity a definite description names: by age ("the 54-year-old" after "Tom Berg, 54,"), by
    the label the text gave it, or by its kind of organisation ("the paper" after "the Harbour Gazette")."""
    head = span.root
    return (
        _aged(text, span, source, entities) or _described(head, source, entities) or _named_kind(head, source, entities)
    )


def _aged(text: str, span: Span, source: Range, entities: Sequence[Entity]) -> Entity | None:
    """ "The 54-year-old", "the 54-year-old senator": the person the text gave that age last before, in
    an apposition ("Tom Berg, 54,"), brackets ("Berg (54)") or the same words ("54-year-old Tom Berg")."""
    found = _AGED_RE.search(span.text)
    if found is None:
        return None
    age = found.group(1)
    given = re.compile(rf"(?:,\s*{age}\b|\s*\(\s*{age}\s*\))")
    before = re.compile(rf"\b{age}{_YEARS_OLD}\s+(?:[\w.]+\s+){{0,3}}$", re.IGNORECASE)
    best: tuple[int, Entity] | None = None
    for entity in (e for e in entities if e.type == "PERSON"):
        for m in entity.mentions:
            aged = given.match(text, m.end, m.end + 8) or before.search(text, max(0, m.start - 60), m.start)
            if aged and source[0] - _AGE_REACH <= m.start < source[0] and (best is None or m.start > best[0]):
                best = (m.start, entity)
    return None if best is None else best[1]


def _kin(noun: str) -> frozenset[str]:
    return next((nouns for nouns, _ in KINDS if noun in nouns), frozenset({noun}))


def _named_kind(head: Token, source: Range, entities: Sequence[Entity]) -> Entity | None:
    """ "The paper" after "the Harbour Gazette": the organisation named last before the mention whose
    name says it is of the noun's kind; "the company" or "the firm" the organisation named last within
    ``SUBJECT_REACH`` characters when no name says so."""
    marks = next((names for nouns, names in KINDS if head.lemma_.lower() in nouns), None)
    if head.pos_ != "NOUN" or marks is None:
        return None
    named = _latest_org(entities, source[0], lambda e: bool(marks & {w.lower() for w in e.name.split()}))
    if named is not None or head.lemma_.lower() not in COMPANIES:
        return None if named is None else named[1]
    # "Meridian Logistics said ... the firm added": a company's name need not say it is one
    latest = _latest_org(entities, source[0], lambda e: True)
    return None if latest is None or source[0] - latest[0] > SUBJECT_REACH else latest[1]


def _latest_org(entities: Sequence[Entity], at: int, fits: Callable[[Entity], bool]) -> tuple[int, Entity] | None:
    """The organisation mentioned last before ``at`` among those that fit, with where that mention starts."""
    before = [(max(starts), e) for e in entities if e.type == "ORG" and fits(e) and (starts := _starts(e, at))]
    return max(before, key=lambda b: b[0], default=None)


def _starts(entity: Entity, at: int) -> list[int]:
    return [m.start for m in entity.mentions if m.end <= at]


def _head_word(label: str) -> str:
    """The noun a label is about: its last word before a preposition, a relative word or a comma ("a big
    donor to the Harbour Foundation" is a donor, not a foundation; "the former secretary of state" a
    secretary)."""
    words = [w.strip(".,'’\"“”").lower() for w in _BEFORE_COMPLEMENT_RE.split(label, maxsplit=1)[0].split()]
    return next((w for w in reversed(words) if w), "")


def owner(head: Token) -> str | None:
    """The name a description is owned by ("Diaz's deputy"): someone else's deputy is not the one the
    text called "her deputy" nor whoever was named last."""
    return next((c.lower_ for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)


def _owned(label: str) -> str | None:
    """Whose a label says its holder is: "her deputy" -> "her", "Ruiz's deputy" -> "ruiz"."""
    found = _OWNER_RE.search(label)
    return None if found is None else (found.group(1) or found.group(2)).lower()


def _owned_by(desc: Descriptor, holder: Entity, owner_name: str | None, entities: Sequence[Entity]) -> bool:
    """Whether a label fits the owner a description names ("Ruiz's deputy"): a label naming no owner
    does, and "her deputy" does when the name before it is Ruiz's ("Ana Ruiz opened the hearing. Her
    deputy, Tom Berg, ...")."""
    said = _owned(desc.text)
    if owner_name is None or said in (None, owner_name):
        return True
    if said not in _POSSESSIVES:
        return False
    named = max(
        ((m.start, e) for e in entities if e is not holder for m in e.mentions if m.end <= desc.start),
        key=lambda found: found[0],
        default=None,
    )
    return named is not None and owner_name in named[1].name.lower().split()


def _described(head: Token, source: Range, entities: Sequence[Entity]) -> Entity | None:
    """A definite description ("the retired general"): the entity labelled with the same head noun, or
    one of its kind ("the newspaper" for "a Spanish daily"), preferring the nearest label before the
    mention, then the first one after it."""
    if head.pos_ != "NOUN":
        return None
    nouns, owned_by = _kin(head.lemma_.lower()), owner(head)
    before: tuple[int, Entity] | None = None
    after: tuple[int, Entity] | None = None
    for entity in entities:
        for desc in entity.descriptors:
            said = _head_word(desc.text)
            if not nouns & {said, said.removesuffix("s")} or not _owned_by(desc, entity, owned_by, entities):
                continue
            if overlap(source, (desc.start, desc.end)):
                return entity
            if desc.start < source[0] and (before is None or desc.start > before[0]):
                before = (desc.start, entity)
            elif desc.start >= source[1] and (after is None or desc.start < after[0]):
                after = (desc.start, entity)
    chosen = before or after
    return None if chosen is None else chosen[1]
