"""ptc: the lines parse back into exactly the analysis's technique spans, under the task's article id."""

from __future__ import annotations

import pytest
from render_samples import empty_analysis, full_analysis

from presslens.render import ptc_id, render


def _parse(tsv: str) -> list[tuple[str, str, int, int]]:
    rows = [line.split("\t") for line in tsv.splitlines()]
    assert all(len(row) == 4 for row in rows)
    return [(doc, technique, int(start), int(end)) for doc, technique, start, end in rows]


@pytest.mark.parametrize(
    ("doc_id", "expected_id"),
    [(None, "813000001"), ("777", "777"), ("my-article", "my-article")],
)
def test_lines_parse_back_into_the_spans(doc_id: str | None, expected_id: str) -> None:
    analysis = full_analysis()
    rows = _parse(render(analysis, "ptc", doc_id=doc_id))
    assert {r[0] for r in rows} == {expected_id}
    assert sorted(r[1:] for r in rows) == sorted((t.technique, t.start, t.end) for t in analysis.techniques)
    assert [r[2] for r in rows] == sorted(r[2] for r in rows)
    for _, technique, start, end in rows:
        same = [t for t in analysis.techniques if t.technique == technique]
        assert any(t.text == analysis.text[start:end] for t in same)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("article813452859.txt", "813452859"),
        ("/data/dev/article111.txt", "111"),
        ("https://news.example.invalid/a/article42.html?x=1", "42"),
        ("https://news.example.invalid/a/bridge-row.html", "bridge-row"),
        ("notes.txt", "notes"),
        ("article-about-bridges.txt", "article-about-bridges"),
    ],
)
def test_ptc_id(name: str, expected: str) -> None:
    assert ptc_id(name) == expected


def test_id_defaults_without_url_and_nothing_found_is_empty() -> None:
    analysis = full_analysis().model_copy(update={"url": None})
    assert {r[0] for r in _parse(render(analysis, "ptc"))} == {"article"}
    assert render(empty_analysis(), "ptc") == ""


@pytest.mark.parametrize("bad", ["a\tb", "a\nb", "a\r"])
def test_ids_that_would_break_the_columns_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="PTC article id"):
        render(full_analysis(), "ptc", doc_id=bad)
