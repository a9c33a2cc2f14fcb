"""Hand-built analyses for the renderer tests: project-written news prose, spans found by substring, so the
tests need no model and every offset is right by construction."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

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
        Attribution(
            id="a1",
            kind="direct",
            content=span("will pay for itself within a decade."),
            cue=span("claimed"),
            cue_stance="distancing",
            source=span("Mayor Ada Brennan"),
            speaker=brennan,
        ),
        Attribution(
            id="a2",
            kind="indirect",
            content=span("the plan was a reckless gamble"),
            cue=span("told"),
            cue_stance="neutral",
            source=span("Opposition leader Ola Kovac"),
            speaker=kovac,
            addressee=span("reporters"),
        ),
        Attribution(
            id="a3",
            kind="indirect",
            content=span('Kovac said that Brennan\'s so-called "savings" were never audited'),
            cue=span("According to"),
            cue_stance="neutral",
            source=span("the Harbor Gazette"),
            speaker=Speaker(name="Harbor Gazette", entity="e3"),
        ),
        Attribution(
            id="a4",
            kind="indirect",
            content=span('Brennan\'s so-called "savings" were never audited'),
            cue=span("said"),
            cue_stance="neutral",
            source=span("Kovac", 1),
            speaker=kovac,
            via="a3",
        ),
        Attribution(
            id="a5",
            kind="direct",
            content=span("the city's worst spender in memory."),
            cue=span("called", 1),
            cue_stance=None,
            source=span("Kovac", 2),
            speaker=kovac,
        ),
        Attribution(
            id="a6",
            kind="indirect",
            content=span("the tender will close on 3 March"),
            cue=span("revealed"),
            cue_stance="endorsing",
            source=span("Officials"),
        ),
    )


def _entities() -> tuple[Entity, ...]:
    def labels(*items: tuple[str, str | None]) -> tuple[Descriptor, ...]:
        return tuple(Descriptor(**span(t).model_dump(), voice=v) for t, v in items)

    return (
        Entity(
            id="e1",
            name="Ada Brennan",
            type="PERSON",
            mentions=(span("Ada Brennan"), span("Brennan", 1), span("Brennan", 2)),
            descriptors=labels(("Mayor", None), ("the city's worst spender", "a5")),
        ),
        Entity(
            id="e2",
            name="Ola Kovac",
            type="PERSON",
            mentions=(span("Ola Kovac"), span("Kovac", 1), span("Kovac", 2)),
            descriptors=labels(("Opposition leader", None)),
        ),
        Entity(id="e3", name="Harbor Gazette", type="ORG", mentions=(span("Harbor Gazette"),)),
    )


def _technique(name: str, needle: str, score: float, reason: str = "") -> Technique:
    start, end = at(needle)
    return Technique(technique=name, start=start, end=end, text=needle, score=score, reason=reason)


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
            Marker(
                kind="distancing",
                start=so_called.start,
                end=so_called.end,
                text=so_called.text,
                target="e1",
                reason="'so-called' signals the writer doubts the label that follows",
            ),
            Marker(
                kind="scare_quote",
                start=savings.start,
                end=savings.end,
                text=savings.text,
                reason="a single word in quotation marks with no speaker of its own",
            ),
        ),
        techniques=(
            _technique("Loaded_Language", "reckless gamble", 0.91, "the model's reading is strongest on “reckless”"),
            _technique("Doubt", 'so-called "savings" were never audited. Kovac called', 0.67),
            _technique("Exaggeration-Minimisation", 'new bridge "will pay for itself', 0.55),
            _technique("Appeal_to_Fear-Prejudice", 'decade."\n\nOpposition leader', 0.52),
            _technique("Slogans", '<script>alert("x")</script> & friends [bold]not markup[/bold]', 0.6),
            _technique("Name_Calling-Labeling", "the city's worst spender", 0.88),
        ),
        times=_times(("Tuesday", "2024-05-14"), ("3 March", "2025-03-03"), ("within a decade", None)),
    )


SPARSE_TEXT = 'Ticket sales fell.\r\n"It is over," read the memo from the Grand Opera House, a "landmark".\n'


def sparse_analysis() -> Analysis:
    """What a half-finished analysis may hold: no cue or source, references to attributions that are not
    there, a marker without a reason, an entity type with a space."""

    def cut(needle: str) -> dict[str, int | str]:
        start, end = at(needle, text=SPARSE_TEXT)
        return {"start": start, "end": end, "text": needle}

    return Analysis(
        presslens_version="0.1.0",
        text=SPARSE_TEXT,
        attributions=(Attribution(id="a1", kind="direct", content=Span(**cut("It is over,")), via="a9"),),
        entities=(
            Entity(
                id="e1",
                name="Grand Opera House",
                type="WORK OF ART",
                mentions=(Span(**cut("Grand Opera House")),),
                descriptors=(Descriptor(**cut('a "landmark"'), voice="a7"),),
            ),
        ),
        markers=(Marker(kind="hedge", **cut('"landmark"')),),
        times=(TimeExpression(**cut('fell.\r\n"It')),),
    )


def empty_analysis() -> Analysis:
    """An article in which nothing was found: every renderer must still say so cleanly."""
    return Analysis(presslens_version="0.1.0", text="A quiet day.\n")


VOID = {"meta", "br", "hr", "img", "link", "input", "wbr"}


class PageReader(HTMLParser):
    """Checks nesting while it reads, and collects the article text and each highlight's pieces."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.tags: set[str] = set()
        self.article = ""
        self.pieces: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag not in VOID:
            self.stack.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        classes = [attrs.get("class", "") for _, attrs in self.stack]
        if "pl-article" in classes:
            self.article += data
            for _, attrs in self.stack:
                if "data-key" in attrs:
                    self.pieces[attrs["data-key"]] = self.pieces.get(attrs["data-key"], "") + data


def read_page(page: str) -> PageReader:
    """Parses a rendered page, failing on any tag that closes out of order or is left open."""
    parser = PageReader()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
    return parser


# A read .ann file: T lines by id as (label, fragments), and every other line split at its tabs.
Ann = tuple[dict[str, tuple[str, list[tuple[int, int]]]], list[list[str]]]


def read_ann(ann: str, text: str) -> Ann:
    """Reads an .ann file, checking every T line's text and one-line fragments against ``text``."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    others: list[list[str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            pieces = [(int(s), int(e)) for s, e in (o.split() for o in offsets.split(";"))]
            assert parts[2] == " ".join(text[s:e] for s, e in pieces)
            assert all(len(text[s:e].splitlines()) == 1 for s, e in pieces)
            spans[parts[0]] = (label, pieces)
        else:
            others.append(parts)
    return spans, others
