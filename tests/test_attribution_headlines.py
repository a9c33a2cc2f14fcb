"""A headline's verdict ("Biden trashes Trump") on headlines written for these tests, through the rule layer
alone (``attribute`` with no tagger drafts), as the other rule tests run."""

from __future__ import annotations

import pytest
from spacy.language import Language

from presslens.analyzers.attribution import attribute
from presslens.analyzers.attribution.headlines import verdict

_BODY = "\nThe story below the headline goes on here."


def _rows(nlp: Language, text: str) -> list[tuple[str, str | None, str | None]]:
    found = attribute(nlp(text), [], ())
    return [(a.content.text, a.cue.text if a.cue else None, a.source.text if a.source else None) for a in found]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        # a verb spaCy reads as a plural noun, after a comma-set aside that is not the source
        ("Okafor, touring the harbour, trashes Lind.", ("Lind", "trashes", "Okafor")),
        # a line spaCy reads as one noun phrase ("Republican assails elites")
        ("Reformer assails elites as he accepts nomination.", ("elites", "assails", "Reformer")),
        # the content stops at a preposition, a hyphen inside a word does not cut the source
        ("Big-money group whacks Okafor in holiday ad.", ("Okafor", "whacks", "Big-money group")),
        # an infinitive goes on with the object
        ("Unions pressure Okafor to rein in her fans.", ("Okafor to rein in her fans", "pressure", "Unions")),
        # the preposition the verb takes its charge with goes on too
        ("Lind blames media for the harbour row.", ("media for the harbour row", "blames", "Lind")),
        # the clause after a colon is the verb's own, and an interjection is no source
        ("Ah, old friends again: Ana Ruiz endorses Lind.", ("Lind", "endorses", "Ana Ruiz")),
        ("Oh, Ana Ruiz endorses Lind.", ("Lind", "endorses", "Ana Ruiz")),
        # title case: an adverb before the verb joins the cue, not the source
        ("Ana Ruiz Finally Endorses Mayor Tom Reyes.", ("Mayor Tom Reyes", "Finally Endorses", "Ana Ruiz")),
    ],
)
def test_headline_verdicts(nlp: Language, headline: str, expected: tuple[str, str, str]) -> None:
    assert expected in _rows(nlp, headline + _BODY)


def test_second_verdict_of_a_headline_keeps_its_source(nlp: Language) -> None:
    rows = _rows(nlp, "Lind chides the council and praises the port workers." + _BODY)
    assert ("the council", "chides", "Lind") in rows
    assert ("the port workers", "praises", "Lind") in rows


@pytest.mark.parametrize(
    "text",
    [
        # no body below: a line on its own is no headline
        "Okafor trashes Lind.",
        # "attacks" is a noun here, the verb is "test"
        "Harbour attacks test Okafor's strategy." + _BODY,
        # the words before the verb hold a verb of their own: the line reports someone else's verdict
        "Okafor will back Lind, former rival says." + _BODY,
        # a reflexive alone is no content
        "Okafor Defends Herself Against New Claims." + _BODY,
        # the first line of the body, not a headline
        "Okafor met the council on Monday.\nLind trashes Okafor's plan in a long speech to the council.",
    ],
)
def test_no_headline_verdict(nlp: Language, text: str) -> None:
    verdicts = [row for row in _rows(nlp, text) if row[1] and verdict(nlp(row[1])[-1]) is not None]
    assert verdicts == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [("trashes", "trash"), ("Slams", "slam"), ("Endorses", "endorse"), ("praised", "praise"), ("harbour", None)],
)
def test_verdict_reads_the_form_of_a_misread_verb(nlp: Language, word: str, expected: str | None) -> None:
    doc = nlp(f"Okafor {word} Lind.")
    assert verdict(doc[1]) == expected
