"""Hand-built analyses for the renderer tests: project-written news prose, spans found by substring, so the
tests need no model and every offset is right by construction."""

from __future__ import annotations

import datetime as dt

from presslens._contract import (
    Analysis,
    Attribution,
    Descriptor,
    Entity,
    Marker,
    Span,
    Speaker,
    Technique,
    TimeExpression,
)

TEXT = (
    'Mayor Ada Brennan claimed on Tuesday that the new bridge "will pay for itself within a decade."\n'
    "\n"
    "Opposition leader Ola Kovac told reporters the plan was a reckless gamble. According to the Harbor "
    'Gazette, Kovac said that Brennan\'s so-called "savings" were never audited. Kovac called Brennan '
    '"the city\'s worst spender in memory."\n'
    "\n"
    "Officials revealed the tender will close on 3 March. "
    '<script>alert("x")</script> & friends [bold]not markup[/bold] chanted the crowd.\n'
)


def at(needle: str, nth: int = 0, text: str = TEXT) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``needle``; a missing needle is a broken test, so it raises."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def span(needle: str, nth: int = 0) -> Span:
    start, end = at(needle, nth)
    return Span(start=start, end=end, text=needle)


def _attributions() -> tuple[Attribution, ...]:
    brennan, kovac = Speaker(name="Ada Brennan", entity="e1"), Speaker(name="Ola Kovac", entity="e2")
    return (
        Attribution(id="a1", kind="direct", content=span("will pay for itself within a decade."),
                    cue=span("claimed"), cue_stance="distancing", source=span("Mayor Ada Brennan"),
                    speaker=brennan),
        Attribution(id="a2", kind="indirect", content=span("the plan was a reckless gamble"), cue=span("told"),
                    cue_stance="neutral", source=span("Opposition leader Ola Kovac"), speaker=kovac,
                    addressee=span("reporters")),
        Attribution(id="a3", kind="indirect",
                    content=span('Kovac said that Brennan\'s so-called "savings" were never audited'),
                    cue=span("According to"), cue_stance="neutral", source=span("the Harbor Gazette"),
                    speaker=Speaker(name="Harbor Gazette", entity="e3")),
        Attribution(id="a4", kind="indirect", content=span('Brennan\'s so-called "savings" were never audited'),
                    cue=span("said"), cue_stance="neutral", source=span("Kovac", 1), speaker=kovac, via="a3"),
        Attribution(id="a5", kind="direct", content=span("the city's worst spender in memory."),
                    cue=span("called", 1), cue_stance=None, source=span("Kovac", 2), speaker=kovac),
        Attribution(id="a6", kind="indirect", content=span("the tender will close on 3 March"),
                    cue=span("revealed"), cue_stance="endorsing", source=span("Officials")),
    )


def _entities() -> tuple[Entity, ...]:
    def labels(*items: tuple[str, str | None]) -> tuple[Descriptor, ...]:
        return tuple(Descriptor(**span(t).model_dump(), voice=v) for t, v in items)

    return (
        Entity(id="e1", name="Ada Brennan", type="PERSON",
               mentions=(span("Ada Brennan"), span("Brennan", 1), span("Brennan", 2)),
               descriptors=labels(("Mayor", None), ("the city's worst spender", "a5"))),
        Entity(id="e2", name="Ola Kovac", type="PERSON",
               mentions=(span("Ola Kovac"), span("Kovac", 1), span("Kovac", 2)),
               descriptors=labels(("Opposition leader", None))),
        Entity(id="e3", name="Harbor Gazette", type="ORG", mentions=(span("Harbor Gazette"),)),
    )


def _technique(name: str, needle: str, score: float) -> Technique:
    start, end = at(needle)
    return Technique(technique=name, start=start, end=end, text=needle, score=score)


def _times(*items: tuple[str, str | None]) -> tuple[TimeExpression, ...]:
    return tuple(TimeExpression(start=at(t)[0], end=at(t)[1], text=t, value=v) for t, v in items)


def full_analysis() -> Analysis:
    """Every layer at once, with spans that nest, cross each other and cross paragraph breaks."""
    so_called = span("so-called")
    savings = span('"savings"')
    return Analysis(
        presslens_version="0.1.0",
        text=TEXT,
        title='Bridge <b>row</b> & the "savings"',
        published=dt.date(2024, 5, 16),
        url="https://news.example.invalid/city/article813000001.html",
        site="Harbor Evening Post",
        author="R. Writer",
        extractor="trafilatura",
        attributions=_attributions(),
        entities=_entities(),
        markers=(
            Marker(kind="distancing", start=so_called.start, end=so_called.end, text=so_called.text,
                   target="e1", reason="'so-called' signals the writer doubts the label that follows"),
            Marker(kind="scare_quote", start=savings.start, end=savings.end, text=savings.text,
                   reason="a single word in quotation marks with no speaker of its own"),
        ),
        techniques=(
            _technique("Loaded_Language", "reckless gamble", 0.91),
            _technique("Doubt", 'so-called "savings" were never audited. Kovac called', 0.67),
            _technique("Exaggeration-Minimisation", 'new bridge "will pay for itself', 0.55),
            _technique("Appeal_to_Fear-Prejudice", 'decade."\n\nOpposition leader', 0.52),
            _technique("Slogans", '<script>alert("x")</script> & friends [bold]not markup[/bold]', 0.6),
            _technique("Name_Calling-Labeling", "the city's worst spender", 0.88),
        ),
        times=_times(("Tuesday", "2024-05-14"), ("3 March", "2025-03-03"), ("within a decade", None)),
    )


def empty_analysis() -> Analysis:
    """An article in which nothing was found: every renderer must still say so cleanly."""
    return Analysis(presslens_version="0.1.0", text="A quiet day.\n")
