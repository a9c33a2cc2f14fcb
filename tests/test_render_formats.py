"""Every format through the one entry point: registered, deterministic, newline-terminated, and json
round-trips to the same Analysis."""

from __future__ import annotations

import pytest
from render_samples import empty_analysis, full_analysis, sparse_analysis

from presslens._contract import Analysis
from presslens.render import FORMATS, render

SAMPLES = {"full": full_analysis(), "empty": empty_analysis(), "sparse": sparse_analysis()}


def test_formats_and_extensions() -> None:
    assert FORMATS == {
        "json": ".json",
        "text": ".txt",
        "html": ".html",
        "ptc": ".tsv",
        "brat": ".ann",
        "webanno": ".jsonld",
    }


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_render_is_a_pure_function(fmt: str, sample: str) -> None:
    first, second = render(SAMPLES[sample], fmt), render(SAMPLES[sample], fmt)
    assert first == second
    assert first == "" or first.endswith("\n")


@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_json_round_trips(sample: str) -> None:
    assert Analysis.from_json(render(SAMPLES[sample], "json")) == SAMPLES[sample]


@pytest.mark.parametrize("fmt", ["pdf", "JSON", "", ".html"])
def test_unknown_format_names_the_choices(fmt: str) -> None:
    with pytest.raises(ValueError, match="choose from json, text, html, ptc, brat, webanno"):
        render(full_analysis(), fmt)
