"""Who a source mention is: resolution over the parse and the entity list, without a coreference model.

In order: a mention of a known entity; a relative pronoun ("who said") through the noun it modifies; a
personal pronoun to the nearest earlier entity that agrees in gender and number; a definite description
("the retired general") to the entity the text labels that way, before or after; otherwise the mention
itself when it names someone, and nothing when it is a pronoun we could not place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from spacy.tokens import Doc, Span, Token

from ..._contract import Entity, Speaker
from ..names import TITLES, first_name_gender
from .described import described_as, owner
from .draft import Range, mentioned, overlap
from .groups import SUBJECT_REACH, distributed, group, thing
from .lexicon import (
    ABBREVIATED_TITLES,
    CUE_LEMMAS,
    FEMALE_WORDS,
    MALE_WORDS,
    OFFICES,
    RELATIVES,
    words,
)
from .syntax import relative_antecedent

MALE: Final = words("he him his himself")
FEMALE: Final = words("she her hers herself")
_PLURAL: Final = words("they them their themselves")
_NEUTER: Final = words("it its itself")
_SOMEONE: Final = "someone"  # a person of either gender: what a role noun agrees with
_QUANTIFIERS: Final = words("some many most others several few both all")
_WORD_REACH: Final = 30
_WORD_BEFORE_RE: Final = re.compile(r"(?<![\w.])([A-Za-z]+)\.?\s+$")
_PERSON_TYPES: Final = frozenset({"PERSON"})
# Nouns that name a person by role: "the former secretary of state", "the billionaire real estate mogul";
# not those usually left unnamed ("the spokesman", "the officer").
ROLES: Final = (TITLES - words("spokesman spokeswoman spokesperson officer")) | words(
    """candidate nominee mogul billionaire businessman businesswoman executive lawmaker politician
    congressman congresswoman admiral speechwriter commander diplomat envoy attorney lawyer prosecutor
    economist scientist founder owner frontrunner front-runner incumbent challenger host anchor columnist
    author actor actress singer star veteran activist strategist"""
)
_THINGS: Final = frozenset({"ORG", "GPE"})
_UNTYPED: Final = frozenset({"", "PERSON"})  # a proper noun the recogniser left untagged, or tagged a person
_GROUPS: Final = frozenset({"ORG", "NORP"})
_LOOKBACK: Final = 1500
_SET_OFF: Final = frozenset({",", "-", "--", "–", "—", "("})


def resolve(
    doc: Doc,
    text: str,
    source: Range,
    entities: Sequence[Entity],
    exclude: Sequence[Range] = (),
    reported: Sequence[Range] = (),
) -> Speaker | None:
    """The speaker behind ``source``; ``exclude`` (the attribution's content, other people's quotes)
    holds no antecedent, and ``reported`` (the contents of earlier reports) no group for "they": "Police
    said two men were arrested. They said ..." is the police again, not the men."""
    span = doc.char_span(*source, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if len(span) > 1 and span[-1].tag_ == "POS":  # "Lopez's claim that ...": Lopez claims
        span = span[:-1]
    head = span.root
    if _affiliation(head):
        holder = _affiliate(doc, text, span, source, entities, exclude)
        return Speaker(name=_named_part(span)) if holder is None else Speaker(name=holder.name, entity=holder.id)
    entity = mentioned((head.idx, head.idx + len(head)), entities) or _in_core(head, span, entities)
    if entity is not None:
        return Speaker(name=entity.name, entity=entity.id)
    word = head.lower_
    noun = relative_antecedent(head) if word in RELATIVES else None
    if noun is not None:
        return resolve(doc, text, (noun.idx, noun.idx + len(noun)), entities, exclude)
    ahead = _cataphor(text, head, word, entities) if word in MALE | FEMALE else None
    if ahead is not None:
        return Speaker(name=ahead.name, entity=ahead.id)
    if word in MALE | FEMALE | _PLURAL | _NEUTER:
        found = _antecedent(doc, text, source[0], word, entities, exclude)
        named_at = found[0] if found is not None and found[1] else -1
        unnamed = group(doc, source[0], named_at, [*exclude, *reported], entities) if word in _PLURAL else None
        if word in _NEUTER and head.dep_ == "nsubj" and head.head.lemma_ in CUE_LEMMAS:
            unnamed = thing(doc, source[0], named_at, exclude)  # not "It is hard to imagine", "It is believed"
        if unnamed is not None:
            return Speaker(name=unnamed)
        return None if found is None else Speaker(name=found[2].name, entity=found[2].id)
    if head.pos_ == "PRON":  # "Some argue", "Many say": an unnamed group, named by the word itself
        several = (
            distributed(head, entities) or group(doc, source[0], -1, exclude, entities) if word == "each" else None
        )
        return Speaker(name=several or span.text) if word in _QUANTIFIERS or several else None
    definite = is_definite(head)
    described = described_as(text, span, source, entities) if definite else None
    if described is None and definite and head.lemma_.lower() in ROLES and owner(head) is None:
        described = _role_holder(doc, text, span, source, entities, exclude)
    if described is not None:
        return Speaker(name=described.name, entity=described.id)
    return Speaker(name=_apposed_name(head) or _named_part(span))


def _apposed_name(head: Token) -> str | None:
    """The proper name set beside a role the entity recogniser missed ("The union's leader, Ana Ruiz"): a
    reader names the speaker by it, not by the role."""
    if head.pos_ != "NOUN" or head.tag_ != "NN":
        return None
    for appos in (c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in _UNTYPED):
        first = appos
        while first.i > 0 and first.doc[first.i - 1].pos_ == "PROPN" and first.doc[first.i - 1].head.i == appos.i:
            first = first.doc[first.i - 1]
        return appos.doc[first.i : appos.i + 1].text
    return None


def _affiliation(head: Token) -> bool:
    """ "The Wisconsin Republican", "the Vermont Democrat": one person called by party or nationality (a
    singular of what spaCy tags NORP), not the party."""
    return head.ent_type_ == "NORP" and head.tag_ in ("NN", "NNP") and is_definite(head)


def _affiliate(
    doc: Doc, text: str, span: Span, source: Range, entities: Sequence[Entity], exclude: Sequence[Range]
) -> Entity | None:
    """Who "the Wisconsin Republican" is: the person a pronoun would be, the last subject first (such a
    description varies how a text names whom it is about: "Ryan told CNN ... It was a reversal for the
    Wisconsin Republican"). One that a clause of its own defines ("the lifelong Republican who wrote the
    speech", with no comma before "who") or brought in as someone new names itself."""
    defined = any(
        c.dep_ in ("relcl", "acl") and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text != ","
        for c in span.root.children
    )
    if defined or _brought_in(span):
        return None
    found = _antecedent(doc, text, source[0], _SOMEONE, entities, exclude)
    return None if found is None else found[2]


def _named_part(span: Span) -> str:
    """A source no entity stands for, as a name: up to what is set off after its head ("a longtime adviser
    to both mayors, who ...", "The dockers' fund - which aims ...", "the people interviewed, including
    port officials,"), but not at the commas of a list ("his family, friends and employees") nor before a
    description of the head itself ("one of them, a retired teacher")."""
    bare = not any(c.dep_ in ("det", "poss", "amod") for c in span.root.children)
    if span.root.pos_ == "PROPN" and bare:  # a name the recogniser missed is its run of proper nouns ("Ruiz, 54")
        first, last = span.root.i, span.root.i
        while first > span.start and span.doc[first - 1].pos_ == "PROPN":
            first -= 1
        while last + 1 < span.end and span.doc[last + 1].pos_ == "PROPN" and span.doc[last + 1].head.i == last:
            last += 1
        if first == span.start:  # a run the source opens with; inside a longer name it is a piece of it
            return span.doc[first : last + 1].text
    cut = next((t.i for t in span[span.root.i - span.start + 1 :] if _sets_off(t, span.root)), span.end)
    return span.doc[span.start : cut].text if cut > span.start else span.text


def _sets_off(token: Token, head: Token) -> bool:
    """Whether a comma, dash or bracket after the source's head sets off a modifier the name can do without:
    not one between the items of a list, nor one before an apposition to the head, bar an age ("The
    senator, 62,")."""
    if token.text not in _SET_OFF or not token.whitespace_ or token.i + 1 >= len(token.doc):
        return False
    after = token.nbor()
    while after.head.i != head.i and after.head.i != after.i:
        after = after.head
    return "conj" not in (token.nbor().dep_, token.nbor().head.dep_) and not (
        after.head.i == head.i and after.dep_ == "appos" and not _names_a_place(after) and not after.like_num
    )


def _role_holder(
    doc: Doc, text: str, span: Span, source: Range, entities: Sequence[Entity], exclude: Sequence[Range]
) -> Entity | None:
    """ "The former secretary of state", "the Florida senator": a person named earlier and called by a role
    the text did not label them with. A person whose name carries the title ("Admiral Harris", "Gov.
    Walker") is the one; otherwise the person a pronoun would be, except for the single holder of an office
    ("the President", "the governor"), who is often someone the article never names."""
    role = span.root.lemma_.lower()
    titled = title_holder(text, role, source, entities)
    if titled is not None or role in OFFICES or _brought_in(span):
        return titled
    said = {t.lower_ for t in span}
    gendered = words_gender(said)
    word = "he" if gendered == "m" else "she" if gendered == "f" else _SOMEONE
    found = _antecedent(doc, text, source[0], word, entities, exclude, subject_first=False)
    return None if found is None else found[2]


def _brought_in(span: Span) -> bool:
    """Whether the role came in earlier as someone new ("a veteran of the war ... the veteran said"), who
    the role noun goes on naming rather than a person named elsewhere."""
    return any(introduces(t, span.root.lemma_) for t in span.doc[: span.start])


def introduces(token: Token, lemma: str) -> bool:
    """Whether the token is the noun ``lemma`` brought in with "a", "an" or "one" ("a veteran of the war",
    "one man in the crowd")."""
    return token.lemma_ == lemma and any(c.dep_ in ("det", "nummod") and c.lower_ in _NEW_ONE for c in token.children)


def title_holder(text: str, role: str, source: Range, entities: Sequence[Entity]) -> Entity | None:
    """The person whose mention opens with, or follows, the role as a title, nearest before the source, else
    first after it."""
    titles = {role} | {short for short, full in ABBREVIATED_TITLES.items() if full == role}
    best: tuple[int, Entity] | None = None
    for entity in entities:
        if entity.type not in _PERSON_TYPES:
            continue
        for mention in entity.mentions:
            first = mention.text.split()[:1]
            if not titles & {_word_before(text, mention.start), *(w.strip(".,").lower() for w in first)}:
                continue
            rank = source[0] - mention.start if mention.start < source[0] else _LOOKBACK + mention.start
            if best is None or rank < best[0]:
                best = (rank, entity)
    return None if best is None else best[1]


def is_definite(head: Token) -> bool:
    """ "The retired general", "its spokesman": a description of someone named elsewhere. "Another senior
    MP", "a spokesman" and plain plurals ("officials") bring in someone new, who keeps their description."""
    if head.tag_ in ("NNS", "NNPS"):
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in head.children)


_NOT_THE_SPEAKER: Final = frozenset({"relcl", "acl", "prep", "poss", "advcl"})
_QUALIFIERS: Final = frozenset({"compound", "amod", "nmod", "npadvmod"})
_WHERE: Final = words("in at near from outside inside across around throughout")
_DEFINITE: Final = words("the this that these those")
_NEW_ONE: Final = words("a an one")


def _in_core(head: Token, span: Span, entities: Sequence[Entity]) -> Entity | None:
    """An entity named in the source phrase itself ("the plant's owner, Brightwell Beverages"), not in a
    modifier of it: "Residents who spoke to the Gazette" are not the Gazette, "the company's spokesman" is
    not the company. The name nearest the phrase's head in the parse wins ("Former Cabinet minister John
    Redwood" is Redwood)."""
    paths = {t: _path_to(t, head) for t in span}
    core = sorted((t for t in span if _names_the_source(paths[t], head)), key=lambda t: len(paths[t]))
    for token in core:
        entity = mentioned((token.idx, token.idx + len(token)), entities)
        if entity is not None:
            return entity
    return None


def _names_the_source(path: list[Token], head: Token) -> bool:
    """Whether a token on this path up to the source's head names the source itself: the first telling edge
    decides, so an apposition ("..., councillor Dana Okafor") counts even where the parser hung it under a
    modifier ("the guardian of Port Elsa, councillor Dana Okafor"), and a modifier's own words do not. A
    name that qualifies the head (itself no entity's mention, or it would have been resolved already) says
    what kind of speaker it is, not who: "Tory MPs", "the Labour leader", "Pentagon officials", nor does one
    that qualifies a word further down ("intellectuals and many GOP elected officials"), nor an apposition
    that says which place ("in Merrillville, Indiana")."""
    if path and head.pos_ in ("NOUN", "PROPN") and path[-1].dep_ in _QUALIFIERS:
        return False
    for token in path:
        if token.dep_ == "appos":
            return not _names_a_place(token)
        if token.dep_ in _NOT_THE_SPEAKER or (token.dep_ in _QUALIFIERS and token is not path[0]):
            return False
    return True


def _names_a_place(appos: Token) -> bool:
    """Whether an apposition follows, after a comma, the object of a preposition of place ("Observers in
    the capital, Sylvania City"): it says which place. Read off the words before it, not off where the
    parser hung it, which changes with the name."""
    at = appos.left_edge.i
    if at < 2 or appos.doc[at - 1].text != ",":
        return False
    before = appos.doc[at - 2]
    return before.dep_ == "pobj" and before.head.lower_ in _WHERE


def _path_to(token: Token, head: Token) -> list[Token]:
    """The tokens from ``token`` up to (not including) ``head``; all of them when head is not above it."""
    path = []
    while token.i != head.i and token.head.i != token.i:
        path.append(token)
        token = token.head
    return path


def words_gender(said: set[str]) -> str | None:
    """ "m" or "f" when the words say so ("Mrs", "chairwoman", "Assemblywoman"), else None."""
    female = bool(said & FEMALE_WORDS) or any(w.endswith(("woman", "women")) for w in said)
    male = bool(said & MALE_WORDS)
    return None if female == male else "f" if female else "m"


def _word_before(text: str, at: int) -> str:
    """The whole word right before ``at`` ("Mrs", "attacking"), lowercased without its full stop: a cut
    word would read "attacking Ayotte" as "king Ayotte"."""
    found = _WORD_BEFORE_RE.search(text, max(0, at - _WORD_REACH), at)
    return "" if found is None else found.group(1).lower()


def gender(text: str, entity: Entity) -> str | None:
    """ "m", "f" or None, from honorifics and gendered labels in the text (before a mention, in it:
    "Assemblywoman Claudia Tenney", or in a descriptor), then from first names."""
    votes = {"m": 0, "f": 0}
    for mention in entity.mentions:
        said = words_gender({_word_before(text, mention.start), *mention.text.lower().replace(".", " ").split()})
        if said is not None:
            votes[said] += 1
    for desc in entity.descriptors:
        said = words_gender(set(desc.text.lower().replace(".", " ").split()))
        if said is not None:
            votes[said] += 1
    if votes["m"] != votes["f"]:
        return "m" if votes["m"] > votes["f"] else "f"
    return first_name_gender(entity.name)


def _agrees(text: str, entity: Entity, word: str) -> bool:
    """Whether the pronoun can stand for the entity: "it" for an organisation or a place, "they" for an
    organisation or a people ("Democrats"), never for a place ("Maine ... they" are its voters)."""
    if word in _NEUTER:
        return entity.type in _THINGS
    if word in _PLURAL:
        return entity.type in _GROUPS
    if entity.type not in _PERSON_TYPES:
        return False
    if word == _SOMEONE:
        return True
    known = gender(text, entity)
    return known is None or known == ("m" if word in MALE else "f")


def _antecedent(
    doc: Doc,
    text: str,
    at: int,
    word: str,
    entities: Sequence[Entity],
    exclude: Sequence[Range],
    subject_first: bool = True,
) -> tuple[int, int, Entity] | None:
    """The entity that agrees with the pronoun, from its mentions before ``at``: a subject earlier in the
    pronoun's own sentence ("The remarks suggest Okafor is running a campaign, railing against what he
    calls ..."), else one within ``SUBJECT_REACH`` characters (a subject pronoun usually continues the
    last subject: "Hale accused Okafor ... He described"), a main clause's before a reported clause's
    ("Wheeler said Okafor could file a complaint. He said ..." is Wheeler), the latest of those; else the
    latest mention in the window. Given with the mention's start and its subject rank (see
    ``_subject_rank``). A role noun takes the latest person (``subject_first`` off): "The retired general,
    Ana Ferreira, insisted ... The former commander told" is Ferreira, whom the parse makes no subject."""
    candidates: list[tuple[int, int, Entity]] = []
    for entity in entities:
        near = [m for m in entity.mentions if at - _LOOKBACK < m.start < at]
        if not near or not _agrees(text, entity, word):
            continue
        for mention in near:
            if any(overlap(r, (mention.start, mention.end)) for r in exclude):
                continue
            if word in _PLURAL | _NEUTER and _modifies(doc, mention.start, mention.end):
                continue
            candidates.append((mention.start, _subject_rank(doc, mention.start, mention.end), entity))
    if not candidates:
        return None
    subjects = [c for c in candidates if subject_first and c[1] and at - c[0] <= SUBJECT_REACH]
    here = _sentence_start(doc, at)
    own = [c for c in subjects if here is not None and c[0] >= here]
    if not own and subjects:  # the latest sentence with a subject that agrees, its main clause's first
        last = max(_sentence_start(doc, c[0]) or 0 for c in subjects)
        own = [c for c in subjects if c[0] >= last]
    if own:
        return max(own, key=lambda c: (c[1], c[0]))
    if word in _PLURAL | _NEUTER:
        return None  # "it" and "they" for an organisation named only in passing are mostly something else
    return max(candidates, key=lambda c: c[0])


def _sentence_start(doc: Doc, at: int) -> int | None:
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return None if span is None else span.sent.start_char


def _cataphor(text: str, pronoun: Token, word: str, entities: Sequence[Entity]) -> Entity | None:
    """The person a pronoun in an opening clause looks ahead to: the subject of its sentence's main verb,
    named after it ("In what he called a warning, Mayor Okafor took aim at ...")."""
    root = pronoun.sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > pronoun.i), None)
    if subject is None or pronoun.i >= root.i or any(t.i == pronoun.i for t in subject.subtree):
        return None
    if not any(a.i == root.i for a in pronoun.ancestors) or pronoun.head.i == root.i:
        return None
    entity = mentioned((subject.idx, subject.idx + len(subject)), entities)
    return entity if entity is not None and _agrees(text, entity, word) else None


def _modifies(doc: Doc, start: int, end: int) -> bool:
    """Whether the mention only qualifies a noun ("the Democratic party", "the Iraq war"): the noun, not
    the name, is what "it" or "they" can stand for."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ in ("amod", "compound")


def _subject_rank(doc: Doc, start: int, end: int) -> int:
    """2 for the subject of a sentence's main verb (or of one coordinated with it), 1 for the subject of
    a clause inside it (often one reported: "said Trump could file"), 0 for no subject. The owner of a
    subject counts as it ("Trump's response has been controversial. He has proposed ..."), and so does a
    name set beside it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0
    # "Trump's response ... He"; "Lind's deputy, Jonas Weber, went further. He" (the later name wins the tie)
    root = span.root.head if span.root.dep_ in ("poss", "appos") else span.root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return 0
    verb = root.head
    while verb.dep_ == "conj":
        verb = verb.head
    return 2 if verb.dep_ == "ROOT" else 1
