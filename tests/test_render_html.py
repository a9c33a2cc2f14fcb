"""html: balanced, escaped markup whose highlight pieces give back exactly the spans they mark, and
overlapping spans nested by the boundary walk."""

from __future__ import annotations

import pytest
from render_samples import TEXT, empty_analysis, full_analysis, read_page, sparse_analysis

from presslens.render import render
from presslens.render._layers import Highlight, highlights
from presslens.render._nest import nest
from presslens.render.html import PAGE_LAYERS


@pytest.mark.parametrize(
    "analysis", [full_analysis(), empty_analysis(), sparse_analysis()], ids=["full", "empty", "sparse"]
)
def test_page_is_balanced_and_keeps_the_text(analysis: object) -> None:
    parsed = read_page(render(analysis, "html"))  # type: ignore[arg-type]
    assert parsed.article == analysis.text  # type: ignore[attr-defined]
    assert "script" not in parsed.tags and "b" not in parsed.tags


def test_each_highlight_covers_exactly_its_span() -> None:
    analysis = full_analysis()
    parsed = read_page(render(analysis, "html"))
    wanted = highlights(analysis, PAGE_LAYERS)
    assert {h.key for h in wanted} == set(parsed.pieces)
    for h in wanted:
        assert parsed.pieces[h.key] == TEXT[h.start : h.end]


@pytest.mark.parametrize(
    "needle",
    [
        '&lt;script&gt;alert("x")&lt;/script&gt; &amp; friends',
        "<title>Bridge &lt;b&gt;row&lt;/b&gt; &amp; the &#34;savings&#34; · presslens</title>",
        'title="Reporting cue of a1, stance distancing: the verb keeps the outlet at a distance from the',
        'class="pl-cue pl-stance-endorsing"',
        'href="https://news.example.invalid/city/article813000001.html"',
        "<th>Why here</th>",
        "<td>the model&#39;s reading is strongest on “reckless”; in words attributed to Ola Kovac (a2)</td>",
    ],
)
def test_page_escapes_and_explains(needle: str) -> None:
    assert needle in render(full_analysis(), "html")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd"])
def test_only_web_urls_become_links(url: str) -> None:
    page = render(full_analysis().model_copy(update={"url": url}), "html")
    assert f'href="{url}"' not in page and url in page


def _h(key: str, start: int, end: int, layer: str = "technique") -> Highlight:
    return Highlight(layer=layer, label=key, start=start, end=end, note="", key=key)


def _tag(h: Highlight, first: bool) -> str:
    return f"<{h.key}{'' if first else '+'}>"


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("abc", [], "abc"),
        ("a<b&c", [_h("x", 1, 4)], "a<x>&lt;b&amp;</>c"),
        ("abcdef", [_h("a", 0, 6), _h("b", 2, 4)], "<a>ab<b>cd</>ef</>"),
        ("abcdef", [_h("b", 2, 4), _h("a", 0, 6)], "<a>ab<b>cd</>ef</>"),
        ("abcdef", [_h("a", 0, 4), _h("b", 2, 6)], "<a>ab<b>cd</></><b+>ef</>"),
        ("abcdef", [_h("a", 0, 3), _h("b", 3, 6)], "<a>abc</><b>def</>"),
        ("abcdef", [_h("t", 1, 5, "time"), _h("c", 1, 5, "content")], "a<c><t>bcde</></>f"),
        ("abcdef", [_h("a", 0, 6), _h("b", 1, 3), _h("c", 2, 5)], "<a>a<b>b<c>c</></><c+>de</>f</>"),
        ("abc", [_h("z", 2, 2), _h("o", 1, 9)], "abc"),
    ],
)
def test_nest(text: str, spans: list[Highlight], expected: str) -> None:
    assert nest(text, spans, _tag, "</>") == expected
