"""A headline's verdict: "Biden trashes Trump", "Pence blames media for the flap", "Columbia defends
Exxon articles". A headline tells what one side said of another in a verb of judging and its object, and
PolNeAR marks such a line as an attribution (the verb the cue, the object the content) in most of the
headlines that have one. Readers want it too: the verb is the outlet's word for what was said.

spaCy's small model reads title lines badly ("trashes" as a plural noun, "Republican assails elites" as
one noun phrase), so the line is read by its words: the verb is found by its form, the source is the
words before it, the content the phrase after it up to a preposition, a comma or the next verb.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from spacy.tokens import Doc, Token

from .draft import Draft, token_range
from .lexicon import OBJECT_PREDICATE, RELATIVES, words
from .quotes import Quote, in_speech

# Verbs of judging out loud, as headlines use them. Not "question" or "challenge", which headlines use as
# nouns as often ("Nomination questions are likely ..."), nor verbs of saying, which the parse rules read.
VERDICTS: Final = words(
    """attack assail blast slam trash whack rip bash mock ridicule deride denounce condemn criticize
    criticise chide scold rebuke berate lambaste skewer praise laud hail applaud commend tout endorse
    defend thank congratulate blame accuse pressure fault dismiss reject back"""
)
_LONGEST_HEADLINE: Final = 25  # tokens; a longer first line is a paragraph, not a title
_EDGES: Final = frozenset(",;:-–—|")  # punctuation that ends a headline's phrase (quote marks do not)
_NAMING: Final = frozenset({"NOUN", "PROPN", "PRON"})


def headline_verdicts(doc: Doc, speech: Sequence[Quote]) -> list[Draft]:
    """The verdicts of the text's first line, when that line is a headline above a body."""
    line = _headline(doc)
    out: list[Draft] = []
    said_by: list[Token] = []
    for token in line[1:]:
        if verdict(token) is None or in_speech(token.idx, speech):
            continue
        source, content = _source(line, token), _content(line, token)
        if source is None and out and _joined(doc, out[-1], token):
            source = said_by
        if source and content is not None:
            said_by = source
            out.append(
                Draft(
                    content=token_range(doc, content[0].i, content[-1].i),
                    cue=token_range(doc, _cue_start(line, token), token.i),
                    source=token_range(doc, source[0].i, source[-1].i),
                    cue_head=token.i,
                )
            )
    return out


def _joined(doc: Doc, before: Draft, verb: Token) -> bool:
    """Whether the verb is the next verb of the verdict before ("Putin chides Turkey and praises Trump"):
    only a comma or a conjunction stands between that verdict's content and it."""
    between = doc.text[before.content[1] : verb.idx].strip(" ,").lower()
    return between in ("", "and", "but", "but also", "and also")


def verdict(token: Token) -> str | None:
    """The verb of judging a word is a form of, read from the word itself when spaCy took a title-cased
    verb for a noun ("Slams", "trashes" as a plural)."""
    if token.tag_.startswith("VB"):
        lemma = token.lemma_.lower()
        return lemma if lemma in VERDICTS else None
    if token.tag_ not in ("NNS", "NNP", "NNPS") or not token.lower_.endswith("s"):
        return None
    return next((stem for stem in (token.lower_[:-1], token.lower_[:-2]) if stem in VERDICTS), None)


def _headline(doc: Doc) -> Sequence[Token]:
    """The first line's tokens, if a body follows it and the line is short enough to be a title. The line is
    the doc from its first token, so a token's place in it is its index."""
    text = doc.text
    end = text.find("\n")
    if end < 0 or not text[end:].strip():
        return []
    line = doc[: next((t.i for t in doc if t.idx >= end), len(doc))]
    return list(line) if sum(not t.is_space for t in line) <= _LONGEST_HEADLINE else []


def _source(line: Sequence[Token], verb: Token) -> list[Token] | None:
    """The words that open the verb's clause (the line, or what follows its last colon: "Ah, friends once
    more: Ted Cruz endorses Trump"), up to the verb or to the first comma or preposition but "of" ("Biden,
    stumping for Clinton, trashes Trump": Biden; "Carson on defense, attacking critics": Carson), less a
    closing adverb. None when they hold a verb or a relative pronoun: then the verdict is not the line's
    own ("Sanders will back Clinton, former rival says"; "Hacker who exposed ...")."""
    before = list(line[: verb.i])
    colons = [at for at, token in enumerate(before) if token.text == ":"]
    words_before: list[Token] = []
    for token in (t for t in before[colons[-1] + 1 if colons else 0 :] if not t.is_space):
        if _ends_phrase(token) and all(t.pos_ == "INTJ" for t in words_before):
            words_before = []  # "Ah, Ted Cruz endorses Trump"
            continue
        if _ends_phrase(token) or (token.tag_ == "IN" and token.lower_ != "of"):
            break
        words_before.append(token)
    while words_before and _adverb(words_before[-1]):  # "Donald Trump Finally Endorses"
        words_before.pop()
    naming = any(t.pos_ in _NAMING or t.is_title for t in words_before)
    clause = any(t.pos_ in ("VERB", "AUX") or t.tag_ == "TO" or t.lower_ in RELATIVES for t in words_before)
    return words_before if naming and not clause else None


def _content(line: Sequence[Token], verb: Token) -> list[Token] | None:
    """The phrase after the verb, up to a comma, a preposition (but "of", and the preposition the verb takes
    its charge with: "blames media for the flap"), or a conjunction opening the next verb ("Backs Trump And
    Denounces Clinton"). An infinitive goes on ("pressure Sanders to rein in his fans"). None for a verb
    right after the word, which then was a noun, and for a reflexive alone ("Defends Himself")."""
    after = [t for t in line[verb.i + 1 :] if not t.is_space]
    allowed = {"of", OBJECT_PREDICATE.get(verdict(verb) or "", "of")}
    taken: list[Token] = []
    for at, token in enumerate(after):
        following = after[at + 1] if at + 1 < len(after) else None
        if _ends_phrase(token) or token.text in ".!?":
            break
        if token.tag_ == "IN" and not (taken and token.lower_ in allowed):
            break
        opens_verb = following is None or following.pos_ in ("VERB", "AUX") or verdict(following) is not None
        if token.tag_ == "CC" and opens_verb:
            break
        taken.append(token)
    if not any(t.pos_ in _NAMING for t in taken) or taken[0].pos_ in ("VERB", "AUX"):
        return None  # "Paris attacks test Clinton's strategy": "attacks" was a noun after all
    return None if len(taken) == 1 and taken[0].lower_.endswith(("self", "selves")) else taken


def _ends_phrase(token: Token) -> bool:
    """A comma, colon or dash between words, not the hyphen inside one ("big-money")."""
    return token.text in _EDGES and token.tag_ != "HYPH"


def _adverb(token: Token) -> bool:
    """An adverb, also where a title-cased line made it a proper noun ("Finally", "Just")."""
    return token.pos_ == "ADV" or (token.lower_.endswith("ly") and not token.ent_type_) or token.lower_ == "just"


def _cue_start(line: Sequence[Token], verb: Token) -> int:
    """The verb with the adverbs right before it, which PolNeAR puts in the cue ("Finally Endorses")."""
    start = verb.i
    while start > 1 and _adverb(line[start - 1]):
        start -= 1
    return start
