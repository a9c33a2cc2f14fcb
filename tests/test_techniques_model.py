"""The technique analyzer end to end with the shipped tagger, on project-written news prose."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from presslens._contract import Technique
from presslens._labels import TECHNIQUES
from presslens._parsed import Parsed
from presslens.analyzers.technique_rules import PATTERN_TECHNIQUES
from presslens.analyzers.techniques import explain, find_techniques, load_config

pytestmark = pytest.mark.slow

Parse = Callable[[str], Parsed]

ARTICLES = (
    "Freedonia accuses Sylvania of border provocation\n\n"
    "The corrupt, disgraceful thugs in Sylvania destroyed our beloved nation, Freedonia's foreign minister "
    'told parliament on Monday. "They are liars and criminals, and everyone knows it," he said.\n\n'
    "Sylvania's government called the accusation a shameless lie and said its troops had not crossed the "
    "river. Time is running out for talks, a spokesman warned.\n\n"
    "Observers in the capital, Freedonia City, said both sides had moved heavy weapons closer to the "
    "border.\n",
    "Council row over the harbour budget\n\n"
    "Mayor Ada Brennan called the plan of her rival, Mayor Ola Kovac, a reckless disaster that would "
    "bankrupt the region. Mayor Ola Kovac has a long history of lying to voters, Brennan's office said.\n\n"
    "Kovac answered that Brennan was a hypocrite who had backed the same budget two years ago. "
    '"Our values are not for sale," Kovac told supporters.\n\n'
    "The regional assembly will vote on the budget next week.\n",
)

SWAPS = {
    "Freedonia": "Sylvania",
    "Sylvania": "Freedonia",
    "Mayor Ada Brennan": "Mayor Ola Kovac",
    "Mayor Ola Kovac": "Mayor Ada Brennan",
    "Brennan": "Kovac",
    "Kovac": "Brennan",
}
_SWAP = re.compile("|".join(sorted(map(re.escape, SWAPS), key=len, reverse=True)))


# How far a name swap may move a neural score: the tagger reads names in context, and on these articles a
# swap moved a score by up to 0.13 (4-epoch tagger; 0.23 with the 2-epoch one). Rule spans may not move.
SWAP_BAND = 0.25


def swap_sides(text: str) -> str:
    return _SWAP.sub(lambda m: SWAPS[m.group(0)], text)


def by_sentence(parsed: Parsed, found: tuple[Technique, ...]) -> set[tuple[str, int]]:
    """(technique, sentence index) pairs: comparable across texts whose names differ in length."""
    starts = [s.start_char for s in parsed.doc.sents]
    out = set()
    for t in found:
        first = max(i for i, s in enumerate(starts) if s <= t.start)
        last = max(i for i, s in enumerate(starts) if s < t.end)
        out |= {(t.technique, i) for i in range(first, last + 1)}
    return out


@pytest.mark.parametrize(
    "sentence",
    [
        "The corrupt, disgraceful thugs destroyed our beloved nation.",
        "These treacherous cowards and their despicable lies have ruined everything we hold dear.",
    ],
)
def test_loaded_sentence_is_marked(parse: Parse, sentence: str) -> None:
    found = find_techniques(parse(sentence), 0.5)
    assert {t.technique for t in found} & {"Loaded_Language", "Name_Calling-Labeling"}


@pytest.mark.parametrize("text", ARTICLES)
def test_spans_index_the_text_and_are_stable(parse: Parse, text: str) -> None:
    first = find_techniques(parse(text), 0.5)
    assert first == find_techniques(parse(text), 0.5)
    assert first
    for t in first:
        assert t.technique in TECHNIQUES
        assert t.text == text[t.start : t.end] and t.end > t.start
        assert 0.5 <= t.score <= 1.0


@pytest.mark.parametrize("text", ARTICLES)
def test_higher_min_score_marks_less(parse: Parse, text: str) -> None:
    """Raising ``min_score`` only drops or narrows spans: every character a technique covers at 0.7 it
    also covers at 0.3."""
    parsed = parse(text)

    def covered(found: tuple[Technique, ...]) -> set[tuple[str, int]]:
        return {(t.technique, i) for t in found for i in range(t.start, t.end)}

    high = find_techniques(parsed, 0.7)
    assert all(t.score >= 0.7 for t in high)
    assert covered(high) <= covered(find_techniques(parsed, 0.3))


@pytest.mark.parametrize("text", ARTICLES)
def test_swapping_sides_gives_the_same_techniques(parse: Parse, text: str) -> None:
    """Symmetry: the same article with the two sides' names swapped is marked in the same sentences.

    The rule-based spans must agree exactly. The tagger reads names in context, so a swap may nudge a
    neural score; what is found at the default threshold on one side must be found on the other within a
    band of ``SWAP_BAND``, i.e. no swap moves a decision by more than that much score.
    """
    original, swapped = parse(text), parse(swap_sides(text))
    assert swapped.text != text
    rules = set(PATTERN_TECHNIQUES)
    for a, b in ((original, swapped), (swapped, original)):
        strict = by_sentence(a, find_techniques(a, 0.5))
        loose = by_sentence(b, find_techniques(b, 0.5 - SWAP_BAND))
        assert strict <= loose
        exact_a = {x for x in strict if x[0] in rules}
        assert exact_a == {x for x in by_sentence(b, find_techniques(b, 0.5)) if x[0] in rules}


@pytest.mark.parametrize("technique", TECHNIQUES)
def test_every_technique_is_explained(technique: str) -> None:
    definition = explain(technique)
    assert 40 < len(definition) < 250
    assert load_config().decoding[technique].scores(0.0) == 0.0


def test_explain_rejects_unknown_names() -> None:
    with pytest.raises(ValueError, match="unknown technique"):
        explain("Mind_Control")


def test_calibration_belongs_to_the_shipped_tagger() -> None:
    """techniques.json's thresholds and score maps were fitted on the tagger that ships: a new model needs
    ``python -m training.calibrate_techniques --semeval DIR`` rerun, and this test says so."""
    import hashlib

    from presslens._tagger import MODEL_FILE, MODELS_DIR
    from presslens.analyzers.techniques import read_data

    shipped = hashlib.sha256((MODELS_DIR / MODEL_FILE).read_bytes()).hexdigest()[:16]
    assert read_data()["decoding"]["calibrated_on"]["model_sha256_16"] == shipped


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Hello."])
def test_tiny_texts(parse: Parse, text: str) -> None:
    found = find_techniques(parse(text), 0.5)
    assert all(t.text == text[t.start : t.end] for t in found)
