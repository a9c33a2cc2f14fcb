"""Each analyzer as a spaCy component gives what ``analyze`` gives, without importing presslens first."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from presslens import Article, analyze
from presslens.nlp import MODEL_NAME

TEXT = (
    'Mayor Ada Brennan, a former judge, said on Monday that the so-called reform was "dead". '
    '"We will not sign it," she told reporters. The corrupt, disgraceful thugs destroyed our beloved city.\n'
)
PUBLISHED = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def expected():  # type: ignore[no-untyped-def]
    return analyze(Article(text=TEXT, published=PUBLISHED))


@pytest.mark.parametrize(
    ("pipes", "extension"),
    [
        (["presslens_entities"], "entities"),
        (["presslens_attribution"], "attributions"),
        (["presslens_entities", "presslens_attribution", "presslens_markers"], "markers"),
        (["presslens_times"], "times"),
        (["presslens_techniques"], "techniques"),
    ],
)
def test_component_matches_analyze(expected, pipes: list[str], extension: str) -> None:  # type: ignore[no-untyped-def]
    nlp = spacy.load(MODEL_NAME)
    for pipe in pipes:
        nlp.add_pipe(pipe)
    doc = nlp.make_doc(TEXT)
    doc._.published = PUBLISHED
    doc = nlp(doc)
    found = getattr(doc._, extension)
    want = getattr(expected, extension)
    if extension == "entities":  # the component runs before attributions, so labels carry no voice yet
        found = tuple((e.name, e.mentions) for e in found)
        want = tuple((e.name, e.mentions) for e in want)
    assert found == want and len(want) > 0


def test_whole_analysis_component() -> None:
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("presslens")
    assert nlp(TEXT)._.analysis.text == TEXT
