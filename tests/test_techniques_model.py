"""The technique analyzer end to end with the shipped tagger, on project-written news prose."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sides_support import ARTICLES, swap_sides

from presslens._contract import Technique
from presslens._labels import TECHNIQUES
from presslens._parsed import Parsed
from presslens.analyzers.techniques import explain, find_techniques, load_config

pytestmark = pytest.mark.slow

Parse = Callable[[str], Parsed]


def sentence_of(parsed: Parsed, offset: int) -> int:
    """The index of the sentence holding ``offset``: comparable across texts whose names differ in length."""
    return max(i for i, s in enumerate(parsed.doc.sents) if s.start_char <= offset)


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
        assert t.reason  # every span says what it rests on (the peak word, the repeated phrase, the set form)


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
    """Symmetry: the same article with its sides swapped (countries, capitals, leaders, nationalities,
    parties) gets the same techniques, on the same words, with the same scores."""
    original, swapped = parse(text), parse(swap_sides(text))
    assert swapped.text != text

    def spans(parsed: Parsed, rename: Callable[[str], str]) -> list[tuple[str, int, str, float]]:
        found = find_techniques(parsed, 0.3)
        return sorted((t.technique, sentence_of(parsed, t.start), rename(t.text), round(t.score, 6)) for t in found)

    expected = spans(original, swap_sides)
    assert expected
    assert spans(swapped, lambda same: same) == expected


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
