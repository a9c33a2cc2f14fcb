"""text: every finding appears in the report, plain unless colour is asked for, and article text is never
read as markup."""

from __future__ import annotations

import pytest
from render_samples import empty_analysis, full_analysis, sparse_analysis

from presslens._contract import Technique
from presslens.analyzers.techniques import explain
from presslens.render import render
from presslens.render._layers import technique_why
from presslens.render.text import WIDTH

ANALYSIS = full_analysis()
PLAIN = render(ANALYSIS, "text")


@pytest.mark.parametrize(
    "expected",
    [
        *(a.speaker.name for a in ANALYSIS.attributions if a.speaker),
        *(t.technique for t in ANALYSIS.techniques),
        *(f"score {t.score:.2f}" for t in ANALYSIS.techniques),
        *(f"{x.text} → {x.value}" for x in ANALYSIS.times if x.value),
        "within a decade → not normalised",
        "Officials  indirect  cue “revealed” (endorsing)",
        "cue “claimed” (distancing)",
        "to: reporters",
        "via: Harbor Gazette [a3]",
        "“the city's worst spender”  in the voice of Ola Kovac (a5)",
        "“Mayor”  in the outlet's own voice",
        "'so-called' signals the writer doubts the label that follows (about Ada Brennan)",
        "[bold]not markup[/bold]",
        "site: Harbor Evening Post",
        "published: 2024-05-16",
        "extractor: trafilatura",
        "url: https://news.example.invalid/city/article813000001.html",
    ],
)
def test_report_holds(expected: str) -> None:
    assert expected in PLAIN


@pytest.mark.parametrize("technique", sorted({t.technique for t in ANALYSIS.techniques}))
def test_explanations_are_shown(technique: str) -> None:
    assert " ".join(explain(technique).split()) in " ".join(PLAIN.split())


@pytest.mark.parametrize("technique", ANALYSIS.techniques)
def test_each_span_says_why_it_was_marked(technique: Technique) -> None:
    assert " ".join(f"here: {technique_why(ANALYSIS, technique)}".split()) in " ".join(PLAIN.split())


def test_why_names_the_evidence_and_whose_words_they_are() -> None:
    """A span inside an attribution's content is a speaker's words; anything else is the outlet's own."""
    found = {t.text: technique_why(ANALYSIS, t) for t in ANALYSIS.techniques}
    assert found["reckless gamble"].startswith("the model's reading is strongest on “reckless”; ")
    for t in ANALYSIS.techniques:
        inside = [a for a in ANALYSIS.attributions if a.content.start <= t.start and t.end <= a.content.end]
        assert found[t.text].endswith(f"({inside[-1].id})" if inside else "in the outlet's own words")


@pytest.mark.parametrize(("color", "has_codes"), [(False, False), (True, True)])
def test_colour_only_when_asked(color: bool, has_codes: bool) -> None:
    assert ("\x1b[" in render(ANALYSIS, "text", color=color)) is has_codes


@pytest.mark.parametrize("report", [PLAIN, render(empty_analysis(), "text")])
def test_lines_fit_and_carry_no_trailing_space(report: str) -> None:
    for line in report.splitlines():
        assert len(line) <= WIDTH and line == line.rstrip()


def test_empty_analysis_says_so_in_every_section() -> None:
    report = render(empty_analysis(), "text")
    assert report.count("none found") == 5 and "Untitled article" in report


@pytest.mark.parametrize(
    "expected",
    [
        "[a1] someone the text does not name  direct",
        'hedge: “"landmark"”',
        "the outlet qualifies these words",
        '“a "landmark"”  in the voice of a7',
        'fell. "It → not normalised',
        "WORK OF ART, 1 mention",
    ],
)
def test_sparse_report_holds(expected: str) -> None:
    assert expected in render(sparse_analysis(), "text")
