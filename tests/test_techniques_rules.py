"""The rule-based techniques: form patterns for the four untrained techniques, and repeated phrases."""

from __future__ import annotations

import re

import pytest

from presslens.analyzers.technique_rules import PATTERN_TECHNIQUES, pattern_hits, repeated_phrases


@pytest.mark.parametrize(
    ("sentence", "technique", "span"),
    [
        ("Time is running out for the harbour towns.", "Appeal_to_Time", "Time is running out"),
        ("We must act now to save the old mill.", "Appeal_to_Time", "must act now"),
        ("Vote before it's too late, the flyer says.", "Appeal_to_Time", "before it's too late"),
        ("At this critical moment, the council cannot wait.", "Appeal_to_Time", "At this critical moment"),
        (
            "Allowing the new bridge is a slippery slope.",
            "Consequential_Oversimplification",
            "slippery slope",
        ),
        (
            "The ruling will open the floodgates to endless lawsuits.",
            "Consequential_Oversimplification",
            "open the floodgates to endless lawsuits",
        ),
        (
            "If we allow this tax, they will soon tax the air we breathe.",
            "Consequential_Oversimplification",
            "If we allow this tax, they will soon tax the air we breathe",
        ),
        ("The plan betrays our values and our history.", "Appeal_to_Values", "our values"),
        ("Defending the valley is a moral duty.", "Appeal_to_Values", "moral duty"),
        ("They marched in the name of justice.", "Appeal_to_Values", "in the name of justice"),
        (
            "The treasurer has a long history of lying to the board.",
            "Questioning_the_Reputation",
            "has a long history of lying",
        ),
        ("Such a man cannot be trusted with the budget.", "Questioning_the_Reputation", "cannot be trusted"),
        ("The minister has lost all credibility.", "Questioning_the_Reputation", "lost all credibility"),
        ("The disgraced former mayor spoke at noon.", "Questioning_the_Reputation", "disgraced former mayor"),
    ],
)
def test_pattern_finds_the_form(sentence: str, technique: str, span: str) -> None:
    hits = [(h.technique, sentence[h.start : h.end]) for h in pattern_hits(sentence)]
    assert (technique, span) in hits
    assert all(h.reason.startswith("a set form of this technique, “") for h in pattern_hits(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The council met on Tuesday and approved the budget.",
        "House values in the district rose by four percent.",
        "The time of the meeting has not been set.",
        "The clock in the square was repaired last week.",
        "If it rains, the fair will move indoors.",
        "Her record of public service spans two decades.",
    ],
)
def test_patterns_stay_quiet_on_plain_reporting(sentence: str) -> None:
    assert pattern_hits(sentence) == []


def test_patterns_name_no_side() -> None:
    """Symmetry: no pattern mentions a proper name; every literal word is a common lower-case word."""
    from presslens.analyzers import technique_rules

    for technique in PATTERN_TECHNIQUES:
        for pattern in technique_rules._PATTERNS[technique]:
            literals = re.findall(r"[A-Za-z]+", pattern)
            assert all(word == word.lower() for word in literals), pattern


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # a content phrase used twice: both occurrences, the longest repeat wins over its parts
        (
            ["the", "open", "border", "will", "fail", ".", "an", "open", "border", "costs", "jobs"],
            [(1, 3, 2), (7, 9, 2)],
        ),
        # stop words alone never count as a repeat
        (["of", "the", "town", "and", "of", "the", "river"], []),
        # a single content word used three times
        (["shame", "on", "them", ".", "shame", "on", "us", ".", "shame"], [(0, 1, 3), (4, 5, 3), (8, 9, 3)]),
        (["nothing", "repeats", "in", "this", "line"], []),
    ],
)
def test_repeated_phrases(words: list[str], expected: list[tuple[int, int, int]]) -> None:
    assert repeated_phrases(words) == expected
