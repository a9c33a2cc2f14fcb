"""Every format over a real analysis of the project's sample article: whatever the analyzers find, the
renderings must index the text exactly. Slow: it runs the shipped models (once, via conftest)."""

from __future__ import annotations

import json

import pytest
from render_samples import read_ann, read_page

from presslens._contract import Analysis
from presslens.render import render
from presslens.render._layers import highlights
from presslens.render.html import PAGE_LAYERS

pytestmark = pytest.mark.slow


def test_html_pieces_are_the_spans(sample_analysis: Analysis) -> None:
    page = read_page(render(sample_analysis, "html"))
    assert page.article == sample_analysis.text
    for h in highlights(sample_analysis, PAGE_LAYERS):
        if h.start < h.end:
            assert page.pieces[h.key] == "".join(sample_analysis.text[s:e] for s, e in h.stretches())


def test_brat_spans_and_events(sample_analysis: Analysis) -> None:
    spans, others = read_ann(render(sample_analysis, "brat"), sample_analysis.text)
    events = [parts for parts in others if parts[0].startswith("E")]
    assert len(events) == len(sample_analysis.attributions)
    assert len(spans) >= sum(len(e.mentions) for e in sample_analysis.entities)


def test_webanno_quotes_are_the_text(sample_analysis: Analysis) -> None:
    items = json.loads(render(sample_analysis, "webanno"))["first"]["items"]
    assert items
    for item in items:
        targets = item["target"] if isinstance(item["target"], list) else [item["target"]]
        for target in targets:
            position, quote = target["selector"]
            assert quote["exact"] == sample_analysis.text[position["start"] : position["end"]]


def test_ptc_and_text(sample_analysis: Analysis) -> None:
    rows = [line.split("\t") for line in render(sample_analysis, "ptc", doc_id="1").splitlines()]
    assert sorted((r[1], int(r[2]), int(r[3])) for r in rows) == sorted(
        (t.technique, t.start, t.end) for t in sample_analysis.techniques
    )
    report = render(sample_analysis, "text")
    assert all(e.name in report for e in sample_analysis.entities)
