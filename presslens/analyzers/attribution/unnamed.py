"""Who a speaker is when the text never names them, or names them by a title: the sources resolution
leaves without an entity are linked to the person or thing an earlier source brought in ("A spokesperson
for the department said ... The spokesperson added"; '"We will not retreat," the general said. ... he
added'), and a subject that calls a named person by title counts as a mention of them ("Admiral Harry
Harris ... the admiral chuckled"). Read in text order by ``build``, after ``resolve``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Final, Literal

import numpy as np
from spacy.attrs import DEP, TAG
from spacy.strings import StringStore
from spacy.tokens import Doc, Span

from ..._contract import Entity, Speaker
from ..._contract import Span as TextSpan
from ..names import TITLES
from .draft import Range
from .groups import SUBJECT_REACH
from .lexicon import FEMALE_WORDS, MALE_WORDS, PEOPLE_NOUNS, words
from .resolve import FEMALE, MALE, ROLES, introduces, is_definite, title_holder, words_gender

_NSUBJ: Final = StringStore().add("nsubj")
_NN: Final = StringStore().add("NN")
_TITLE_WORDS: Final = TITLES - words("mr mrs ms miss mx dr sir dame lord lady")  # a title used as a noun
# The labels of an interview printed as questions and answers ("Q: Will you run again?" "A: Not yet.").
_QUESTION: Final = words("q question")
_ANSWER: Final = words("a answer")
_LABEL_RE: Final = re.compile(r"^[ \t]*(?:Q|Question)[ \t]*:", re.MULTILINE)


def described_speaker(
    doc: Doc, source: Range, earlier: Sequence[tuple[Range, Speaker]], unresolved: bool = True
) -> Speaker | None:
    """Who an unnamed person is, from the earlier sources resolved to no entity: "he" or "she" that no name
    agrees with is the latest within ``SUBJECT_REACH`` characters who was described by role ('"We will not
    retreat," the general said. ... "Every village matters," he added.'), and a definite description is the
    one brought in before with the same noun ("A spokesperson for the department said ... The
    spokesperson added"). Only a source no entity could take gets here, so a named person always wins."""
    span = doc.char_span(*source, alignment_mode="expand")
    if span is None or not len(span):
        return None
    if len(span) == 1 and span.root.lower_ in MALE | FEMALE:
        return _described_before(doc, source, span.root.lower_ in MALE, earlier)
    if len(span) == 1 and span.root.lower_ == "they":  # only where no group was the subject since
        return _several_before(doc, source, earlier) if unresolved else None
    head = span.root
    if not is_definite(head) or head.pos_ != "NOUN" or any(t.pos_ == "PROPN" for t in span):
        return None  # "the USC Dornsife tracking poll" is a poll of its own, not "a CBS poll" named before
    said = {c.lower_ for c in head.children if c.dep_ in ("compound", "amod", "nmod")}
    for (start, end), speaker in sorted(earlier, key=lambda e: -e[0][0]):
        before = doc.char_span(start, end, alignment_mode="expand")
        if start >= source[0] or before is None or not len(before) or not introduces(before.root, head.lemma_):
            continue
        if said <= {t.lower_ for t in before}:  # "the district court" is not "a federal appeals court"
            return speaker
    return None


def _described_before(doc: Doc, source: Range, male: bool, earlier: Sequence[tuple[Range, Speaker]]) -> Speaker | None:
    wanted = "m" if male else "f"
    for (start, end), speaker in sorted(earlier, key=lambda e: -e[0][0]):
        if start >= source[0] or source[0] - end > SUBJECT_REACH:
            continue
        described = doc.char_span(start, end, alignment_mode="expand")
        if described is None or not _a_person(described):
            continue
        known = words_gender({t.lower_ for t in described})
        return speaker if known in (None, wanted) else None
    return None


def _several_before(doc: Doc, source: Range, earlier: Sequence[tuple[Range, Speaker]]) -> Speaker | None:
    """ "They" that no group agrees with, after an unnamed plural source within ``SUBJECT_REACH``
    characters: "Trump demeaned women, according to show insiders. They said ..." is the insiders."""
    for (start, end), speaker in sorted(earlier, key=lambda e: -e[0][0]):
        if start >= source[0] or source[0] - end > SUBJECT_REACH:
            continue
        before = doc.char_span(start, end, alignment_mode="expand")
        if before is None or not len(before):
            return None
        # the head noun, or the last word where the parse made a verb of the head ("show insiders")
        head = before.root if before.root.pos_ in ("NOUN", "PROPN") else before[-1]
        plural = head.tag_ in ("NNS", "NNPS") or bool(head.conjuncts)
        return speaker if plural and before.root.is_alpha and before.root.pos_ in ("NOUN", "PROPN", "VERB") else None
    return None


def _a_person(span: Span) -> bool:
    """A singular definite description whose head names a person by role ("the general", "the retired
    teacher"), or a number of them ("one of them, a retired teacher"), or a name the entity recogniser
    missed ("Ruiz said ... she added")."""
    head = span.root
    if all(t.pos_ == "PROPN" and t.is_title for t in span):
        return True
    if head.lower_ == "one" and any(c.dep_ == "appos" for c in head.children):
        head = next(c for c in head.children if c.dep_ == "appos")
    person = head.lemma_.lower() in ROLES | PEOPLE_NOUNS | MALE_WORDS | FEMALE_WORDS
    return person and head.tag_ == "NN" and (is_definite(head) or head is not span.root)


def titled_subjects(doc: Doc, text: str, entities: Sequence[Entity]) -> list[Entity]:
    """The entities with, as mentions too, the subjects that call them by their title ("Admiral Harris ...
    the admiral chuckled"), so that a pronoun after such a sentence continues it as it would a name."""
    found: dict[str, list[TextSpan]] = {}
    table = doc.to_array([DEP, TAG]).reshape(-1, 2)
    for token in (doc[int(i)] for i in np.flatnonzero((table[:, 0] == _NSUBJ) & (table[:, 1] == _NN))):
        if token.lemma_ not in _TITLE_WORDS or not is_definite(token):
            continue
        holder = title_holder(text, token.lemma_, (token.idx, token.idx + len(token)), entities)
        if holder is not None:
            mention = TextSpan(start=token.idx, end=token.idx + len(token), text=token.text)
            found.setdefault(holder.id, []).append(mention)
    return [
        e.model_copy(update={"mentions": tuple(sorted((*e.mentions, *found[e.id]), key=lambda m: m.start))})
        if e.id in found
        else e
        for e in entities
    ]


def interview_label(text: str, source: Range) -> Literal["question", "answer"] | None:
    """Whether a source is the label of a printed interview's question ("Q:") or answer ("A:")."""
    label = text[source[0] : source[1]].lower()
    if text[source[1] : source[1] + 1] != ":":
        return None
    return "question" if label in _QUESTION else "answer" if label in _ANSWER else None


def interviewee(text: str, entities: Sequence[Entity]) -> Speaker | None:
    """Whom a printed interview's answers are from: the person named most often before the first question.
    The questions are the interviewer's, whom the text seldom names, and stay unnamed."""
    first = _LABEL_RE.search(text)
    end = len(text) if first is None else first.start()
    named = Counter(e.id for e in entities if e.type == "PERSON" for m in e.mentions if m.end <= end)
    if not named:
        return None
    chosen = next(e for e in entities if e.id == named.most_common(1)[0][0])
    return Speaker(name=chosen.name, entity=chosen.id)
