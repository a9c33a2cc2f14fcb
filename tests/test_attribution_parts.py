"""A content its own frame breaks ('"A," she said. "B."'): its parts, and what the frame between them is.

The frame is the outlet's words. A label or a scare quote there must not be put in the speaker's mouth (a
regression: "a self-styled reformer" in '"A," said Ana Ruiz, a self-styled reformer. "B."' was given to
Ruiz's voice, because her content ran from the first quote to the last), and every renderer shows the
parts, not the frame, as what was said.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus_support import store_url
from render_samples import read_ann, read_page

from presslens import Analysis, Article, Corpus, analyze
from presslens._contract import Attribution, Span, speaker_of
from presslens.analyzers.attribution.build import content_parts
from presslens.analyzers.attribution.draft import Draft
from presslens.analyzers.attribution.quotes import find_quotes
from presslens.render import render


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


# Rows: the sentence, the content as drafted (from its start to its end), the cue, the source, the parts.
PARTS = [
    # two quotes either side of the frame, which runs on after the source ("on Friday")
    (
        '"We will rebuild," Mayor Ana Ruiz told reporters on Friday. "The harbour comes first."',
        '"We will rebuild," Mayor Ana Ruiz told reporters on Friday. "The harbour comes first."',
        "told",
        "Mayor Ana Ruiz",
        ['"We will rebuild,"', '"The harbour comes first."'],
    ),
    # a frame set off by commas inside an indirect content
    (
        "The latest test, officials said on Monday, was the largest yet.",
        "The latest test, officials said on Monday, was the largest yet",
        "said",
        "officials",
        ["The latest test", "was the largest yet"],
    ),
    # a short quote opening the next sentence is the content's, though it reads as a title
    (
        '"Does anybody here know what the plan is?" Graham asked. "Neither do I."',
        '"Does anybody here know what the plan is?" Graham asked. "Neither do I."',
        "asked",
        "Graham",
        ['"Does anybody here know what the plan is?"', '"Neither do I."'],
    ),
    # a show's title quoted in the frame is the frame's
    (
        '"He is right," Dan Flynn said on "Morning Desk." "There is a lot of frustration in the ranks."',
        '"He is right," Dan Flynn said on "Morning Desk." "There is a lot of frustration in the ranks."',
        "said",
        "Dan Flynn",
        ['"He is right,"', '"There is a lot of frustration in the ranks."'],
    ),
    # doubled single marks, as some papers quote
    (
        "''We will not stop,'' Mr. Berg said. ''Not this year.''",
        "''We will not stop,'' Mr. Berg said. ''Not this year.''",
        "said",
        "Mr. Berg",
        ["''We will not stop,''", "''Not this year.''"],
    ),
    # a question put in the outlet's words, the answer quoted
    (
        'Why the plan leaves out fathers, the mother of three replied, "It was never meant to."',
        'Why the plan leaves out fathers, the mother of three replied, "It was never meant to."',
        "replied",
        "the mother of three",
        ["Why the plan leaves out fathers", '"It was never meant to."'],
    ),
    # a frame after the content breaks nothing; nor does a cue inside a content with no frame set off
    ('"We will not back down," Maria Lopez said on Monday.', '"We will not back down,"', "said", "Maria Lopez", []),
    (
        "The council is expected to vote on Friday.",
        "The council is expected to vote on Friday",
        "is expected",
        None,
        [],
    ),
]


@pytest.mark.parametrize(("text", "content", "cue", "source", "parts"), PARTS)
def test_content_parts(text: str, content: str, cue: str, source: str | None, parts: list[str]) -> None:
    draft = Draft(content=_at(text, content), cue=_at(text, cue), source=None if source is None else _at(text, source))
    assert [text[a:b] for a, b in content_parts(text, draft, find_quotes(text))] == parts


SPLIT = '"We will rebuild," said Ana Ruiz, a self-styled "reformer" of the port. "The harbour comes first."'


def _split_report() -> Attribution:
    first, second = _at(SPLIT, '"We will rebuild,"'), _at(SPLIT, '"The harbour comes first."')
    return Attribution(
        id="a1",
        kind="direct",
        content=Span(start=0, end=len(SPLIT), text=SPLIT),
        content_parts=tuple(Span(start=a, end=b, text=SPLIT[a:b]) for a, b in (first, second)),
        cue=Span(start=_at(SPLIT, "said")[0], end=_at(SPLIT, "said")[1], text="said"),
        source=Span(start=_at(SPLIT, "Ana Ruiz")[0], end=_at(SPLIT, "Ana Ruiz")[1], text="Ana Ruiz"),
    )


@pytest.mark.parametrize(
    ("words", "voice"),
    [("We will rebuild", "a1"), ("The harbour comes first", "a1"), ("a self-styled", None), ("Ana Ruiz", None)],
)
def test_the_frame_between_parts_is_the_outlets_voice(words: str, voice: str | None) -> None:
    holder = speaker_of((_split_report(),), *_at(SPLIT, words))
    assert (holder.id if holder else None) == voice


def _analysis() -> Analysis:
    return Analysis(presslens_version="0.1.0", text=SPLIT, attributions=(_split_report(),))


def test_brat_writes_a_split_content_as_one_discontinuous_span() -> None:
    spans, _ = read_ann(render(_analysis(), "brat"), SPLIT)
    (content,) = [pieces for label, pieces in spans.values() if label == "Content"]
    assert [SPLIT[a:b] for a, b in content] == ['"We will rebuild,"', '"The harbour comes first."']


def test_webanno_targets_each_part() -> None:
    items = json.loads(render(_analysis(), "webanno"))["first"]["items"]
    (content,) = [i for i in items if i["id"].endswith("a1.content")]
    assert [t["selector"][1]["exact"] for t in content["target"]] == [
        '"We will rebuild,"',
        '"The harbour comes first."',
    ]


def test_html_highlights_the_parts_and_anchors_the_first() -> None:
    html = render(_analysis(), "html")
    assert read_page(html).pieces["a1.content"] == '"We will rebuild,""The harbour comes first."'
    assert html.count('id="a1.content"') == 1


def test_reports_quote_the_parts_without_the_frame() -> None:
    assert _split_report().said == '"We will rebuild," … "The harbour comes first."'
    report = " ".join(render(_analysis(), "text").split())
    assert 'says: “"We will rebuild," … "The harbour comes first."”' in report


@pytest.mark.slow
def test_a_label_and_a_scare_quote_in_the_frame_are_the_outlets() -> None:
    """A regression: the label went to Ruiz's voice and the scare quote was taken for her words."""
    found = analyze(Article(text=SPLIT))
    (report,) = found.attributions
    assert [p.text for p in report.content_parts] == ['"We will rebuild,"', '"The harbour comes first."']
    labels = {d.text: d.voice for e in found.entities for d in e.descriptors}
    assert labels and all(voice is None for voice in labels.values())
    assert ("scare_quote", '"reformer"') in {(m.kind, m.text) for m in found.markers}


def test_the_corpus_stores_the_parts_as_what_was_said(tmp_path: Path) -> None:
    with store_url("sqlite", tmp_path) as url, Corpus(url) as corpus:
        corpus.add_analyses([(Article(text=SPLIT), _analysis())])
        (row,) = corpus.quotes()
    assert row.content == '"We will rebuild," … "The harbour comes first."'
