"""A source stops before a report of its own, on drafts and sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from presslens.analyzers.attribution import attribute
from presslens.analyzers.attribution.combine import sources_after_openers, sources_without_reports
from presslens.analyzers.attribution.draft import Draft

TEXT = "Ana Petrilli, who thinks the rules were a power grab, said the law was flawed."


def _at(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


@pytest.mark.parametrize(
    ("inner_source", "expected"),
    [
        ("who", "Ana Petrilli"),  # the inner report opens with its relative pronoun
        (None, "Ana Petrilli"),  # ...or with its cue, the pronoun then left over and dropped
    ],
)
def test_a_source_stops_before_its_own_report(inner_source: str | None, expected: str) -> None:
    outer = Draft(
        content=_at("the law was flawed"),
        cue=_at("said"),
        source=_at("Ana Petrilli, who thinks the rules were a power grab"),
    )
    inner = Draft(
        content=_at("the rules were a power grab"),
        cue=_at("thinks"),
        source=None if inner_source is None else _at(inner_source),
    )
    first = sources_without_reports(TEXT, [outer, inner])[0]
    assert first.source is not None and TEXT[slice(*first.source)] == expected


def test_a_source_without_a_report_inside_stays_whole() -> None:
    outer = Draft(content=_at("the law was flawed"), cue=_at("said"), source=_at("Ana Petrilli"))
    assert sources_without_reports(TEXT, [outer]) == [outer]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (TEXT, "Ana Petrilli"),
        # the regression: the source ran over the relative clause and stopped inside its quote
        ('Lopez, who called the plan "a disaster," said she would vote against it.', "Lopez"),
        # a time the parse hung on the speaker is not part of it (a regression: the source ran on over "on
        # Monday" and "in 2001"), but one inside a phrase set off by commas stays
        ("The harbour council on Monday said the port would close.", "The harbour council"),
        ("An arbitration panel in 2001 said that the port was in breach of the lease.", "An arbitration panel"),
        ("Ruiz, a lawyer since 2010, said the port would close.", "Ruiz, a lawyer since 2010"),
    ],
)
def test_sources_in_text(nlp: Language, text: str, source: str) -> None:
    found = attribute(nlp(text), [], ())
    said = [a for a in found if a.cue is not None and a.cue.text == "said"]
    assert [a.source.text if a.source else None for a in said] == [source]


OPENED = "Alarmed by the unrest in the port, Senator Ana Ruiz, the minority leader, said that she met the unions."
CITED = "According to Ana Ruiz, a former envoy, the talks failed."


@pytest.mark.parametrize(
    ("text", "cue", "source", "expected"),
    [
        # the tagger's source ran back over the object of the sentence's opening phrase (regressions:
        # "Alarmed by the unrest in Nevada, Senator Harry Reid, ...", "In line with the majority of ...")
        (
            OPENED,
            "said",
            "the unrest in the port, Senator Ana Ruiz, the minority leader",
            "Senator Ana Ruiz, the minority leader",
        ),
        # ...but a preposition that is the cue keeps what follows it
        (CITED, "According to", "Ana Ruiz, a former envoy", "Ana Ruiz, a former envoy"),
    ],
)
def test_a_source_after_an_opening_phrase(nlp: Language, text: str, cue: str, source: str, expected: str) -> None:
    def at(part: str) -> tuple[int, int]:
        return text.index(part), text.index(part) + len(part)

    draft = Draft(content=(text.index(cue) + len(cue) + 1, len(text) - 1), cue=at(cue), source=at(source))
    (kept,) = sources_after_openers(nlp(text), text, [draft])
    assert kept.source is not None and text[slice(*kept.source)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rep. Ana Ruiz (D-Calif.) said the plan was unfair.",
        "The plan was unfair, said Rep. Ana Ruiz (D-Calif.).",
    ],
)
def test_a_source_keeps_its_closing_bracket(nlp: Language, text: str) -> None:
    # a regression: the parse hangs ".)" on the verb, and the source read "Rep. Ana Ruiz (D-Calif"
    (found,) = attribute(nlp(text), [], ())
    assert found.source is not None and found.source.text == "Rep. Ana Ruiz (D-Calif.)"
