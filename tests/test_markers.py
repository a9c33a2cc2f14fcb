"""The outlet's own distancing: distancing words, hedges and scare quotes, and what is not one."""

from __future__ import annotations

import pytest

from presslens.analyzers.entities import find_entities
from presslens.analyzers.markers import find_markers


def markers_of(parse, text: str) -> list[tuple[str, str]]:
    parsed = parse(text)
    return [(m.kind, m.text) for m in find_markers(parsed, find_entities(parsed), ())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The self-styled reformer Jan Kral won.", [("distancing", "self-styled")]),
        ("The so-called reform failed.", [("distancing", "so-called")]),
        ("The alleged fraud cost millions.", [("distancing", "alleged")]),
        ("The mayor allegedly took bribes.", [("distancing", "allegedly")]),
        ("The supposed savings never came.", [("distancing", "supposed")]),
        ("A purported memo circulated.", [("distancing", "purported")]),
        ("The plan was reportedly dropped.", [("hedge", "reportedly")]),
        ("The council apparently agreed.", [("hedge", "apparently")]),
        ("The bridge is said to be unsafe.", [("hedge", "is said to")]),
        ('The "experts" were wrong again.', [("scare_quote", '"experts"')]),
        ("The “reform” left thousands without pay.", [("scare_quote", "“reform”")]),
        ("The ‘reform’ left the workers’ pay behind.", [("scare_quote", "‘reform’")]),
    ],
)
def test_markers_found(parse, text: str, expected: list[tuple[str, str]]) -> None:
    assert markers_of(parse, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        '"We will win this vote," the mayor said.',
        'The mayor called the plan "a farce".',
        'She accused him of "lying to voters".',
        'She read the novel "Dark Water" twice.',
        'Tom "The Hammer" Ruiz won the fight.',
        'He starred on "Saturday Night Live" last year.',
        '"The so-called experts are wrong," she said.',
    ],
)
def test_not_the_outlets_voice(parse, text: str) -> None:
    assert markers_of(parse, text) == []


def test_marker_targets_the_labelled_entity(parse) -> None:
    parsed = parse('The self-styled "water guardian" of Port Elsa, councillor Dana Okafor, spoke.')
    entities = find_entities(parsed)
    okafor = next(e.id for e in entities if e.name == "Dana Okafor")
    assert {(m.kind, m.target) for m in find_markers(parsed, entities, ())} == {
        ("distancing", okafor),
        ("scare_quote", okafor),
    }
