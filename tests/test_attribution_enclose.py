"""An outer content runs on over the report inside it, on drafts cut as the tagger cuts them (each word
has one role, so the inner source and cue end the outer content), over sentences written for the tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from presslens.analyzers.attribution.draft import Draft
from presslens.analyzers.attribution.enclose import enclose, reports_within
from presslens.analyzers.attribution.quotes import find_quotes

Parts = tuple[str, str, str | None]  # content, cue, source


def _draft(nlp: Language, text: str, parts: Parts) -> Draft:
    content, cue, source = parts
    start, at = text.index(content), text.index(cue)
    head = nlp(text).char_span(at, at + len(cue), alignment_mode="expand")
    assert head is not None
    said_by = None if source is None else (text.index(source), text.index(source) + len(source))
    return Draft(content=(start, start + len(content)), cue=(at, at + len(cue)), source=said_by, cue_head=head.root.i)


@pytest.mark.parametrize(
    ("text", "outer", "inner", "expected"),
    [
        # a second that-clause whose subject reports in turn
        (
            "She said that exports had grown and that the chamber thinks that jobs rely on trade.",
            ("that exports had grown", "said", "She"),
            ("that jobs rely on trade", "thinks", "the chamber"),
            "that exports had grown and that the chamber thinks that jobs rely on trade",
        ),
        # the inner source began inside the outer content's last words
        (
            "She said that exports had grown and that the U.S. Chamber of Commerce thinks that jobs rely on trade.",
            ("that exports had grown and that the U.S.", "said", "She"),
            ("that jobs rely on trade", "thinks", "the U.S. Chamber of Commerce"),
            "that exports had grown and that the U.S. Chamber of Commerce thinks that jobs rely on trade",
        ),
        # a restrictive relative clause that reports
        (
            "Critics called him a man whom most voters consider an extremist.",
            ("a man", "called", "Critics"),
            ("an extremist", "consider", "most voters"),
            "a man whom most voters consider an extremist",
        ),
    ],
)
def test_outer_content_runs_over_the_report_inside_it(
    nlp: Language, text: str, outer: Parts, inner: Parts, expected: str
) -> None:
    grown = enclose(nlp(text), text, [_draft(nlp, text, outer), _draft(nlp, text, inner)])
    assert [text[slice(*d.content)] for d in grown] == [expected, inner[0]]


@pytest.mark.parametrize(
    ("text", "outer", "inner"),
    [
        # two reports side by side
        (
            "Smith said the plan would fail, and Jones said it would succeed.",
            ("the plan would fail", "said", "Smith"),
            ("it would succeed", "said", "Jones"),
        ),
        # a relative clause set off by a comma, which PolNeAR marks as a report of its own as often as not
        (
            "Voters oppose the policies, which he said had harmed the economy.",
            ("the policies", "oppose", "Voters"),
            ("had harmed the economy", "said", "he"),
        ),
        # the next sentence
        (
            "Smith said the plan would fail. Jones thinks it would succeed.",
            ("the plan would fail", "said", "Smith"),
            ("it would succeed", "thinks", "Jones"),
        ),
        # an inner content that opens before its cue is a report of its own
        (
            "She said the ruling was a shock that the court is expected to review.",
            ("the ruling was a shock", "said", "She"),
            ("that the court is expected to review", "is expected", None),
        ),
    ],
)
def test_separate_reports_stay_apart(nlp: Language, text: str, outer: Parts, inner: Parts) -> None:
    drafts = [_draft(nlp, text, outer), _draft(nlp, text, inner)]
    assert enclose(nlp(text), text, drafts) == drafts


@pytest.mark.parametrize(
    ("text", "inner", "kept"),
    [
        # a report of words inside another's content is a link in the chain
        (
            "The Tribune said that the mayor claimed the port would close.",
            ("the port would close", "claimed", "the mayor"),
            True,
        ),
        (
            "The Tribune said that, according to the port authority, the dock would close.",
            ("the dock would close", "according to", "the port authority"),
            True,
        ),
        # a belief or a wish inside it is part of what the outer speaker says
        (
            "The Tribune said that voters who know the harbour want it kept open.",
            ("the harbour", "know", "voters"),
            False,
        ),
        ("The mayor said she wants to build a second pier.", ("to build a second pier", "wants", "she"), False),
    ],
)
def test_only_reports_of_words_stay_inside_a_report(nlp: Language, text: str, inner: Parts, kept: bool) -> None:
    outer_cue = "said"
    at = text.index(outer_cue)
    outer = Draft(content=(at + len(outer_cue) + 1, len(text) - 1), cue=(at, at + len(outer_cue)), source=(0, at - 1))
    drafts = [outer, _draft(nlp, text, inner)]
    assert reports_within(nlp(text), drafts, find_quotes(text)) == (drafts if kept else [outer])


def test_a_piece_read_again_with_its_holders_cue_is_no_report_inside_it(nlp: Language) -> None:
    text = "The bridge, which officials say is safe, carries cars."
    whole = _draft(nlp, text, ("which officials say is safe", "say", "officials"))
    piece = _draft(nlp, text, ("is safe", "say", "officials"))
    assert reports_within(nlp(text), [whole, piece], find_quotes(text)) == [whole]
