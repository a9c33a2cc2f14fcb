"""webanno: a W3C AnnotationCollection whose selectors re-anchor in the text (position and quote agree)
and whose links point at annotations that exist."""

from __future__ import annotations

import json
from typing import Any

import pytest
from render_samples import TEXT, empty_analysis, full_analysis, sparse_analysis

from presslens.render import render
from presslens.render._layers import highlights
from presslens.render.webanno import QUOTE_CONTEXT

COLLECTION: dict[str, Any] = json.loads(render(full_analysis(), "webanno"))
ITEMS: list[dict[str, Any]] = COLLECTION["first"]["items"]


def test_collection_shape() -> None:
    assert COLLECTION["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert COLLECTION["type"] == "AnnotationCollection"
    assert COLLECTION["total"] == len(ITEMS) == len(highlights(full_analysis()))
    assert len({item["id"] for item in ITEMS}) == len(ITEMS)


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item["id"].rsplit(":", 1)[-1])
def test_selectors_agree_with_the_text(item: dict[str, Any]) -> None:
    assert item["type"] == "Annotation"
    assert item["target"]["source"] == "https://news.example.invalid/city/article813000001.html"
    position, quote = item["target"]["selector"]
    start, end = position["start"], position["end"]
    assert (position["type"], quote["type"]) == ("TextPositionSelector", "TextQuoteSelector")
    assert quote["exact"] == TEXT[start:end] != ""
    assert quote["prefix"] == TEXT[max(0, start - QUOTE_CONTEXT) : start]
    assert quote["suffix"] == TEXT[end : end + QUOTE_CONTEXT]


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item["id"].rsplit(":", 1)[-1])
def test_bodies_tag_describe_and_link(item: dict[str, Any]) -> None:
    purposes = [body["purpose"] for body in item["body"]]
    assert purposes[:2] == ["tagging", "describing"] and set(purposes[2:]) <= {"linking"}
    ids = {i["id"] for i in ITEMS}
    assert all(body["source"] in ids for body in item["body"][2:])


@pytest.mark.parametrize(
    ("key", "links_to"),
    [
        ("a2.cue", ["a2.content"]),
        ("a2.addressee", ["a2.content"]),
        ("a4.content", ["a3.content"]),
        ("a4.source", ["a4.content", "a3.content"]),
        ("e1.d1", ["a5.content"]),
        ("e1.d0", []),
    ],
)
def test_links(key: str, links_to: list[str]) -> None:
    item = next(i for i in ITEMS if i["id"].endswith(f":{key}"))
    assert [body["source"].rsplit(":", 1)[-1] for body in item["body"][2:]] == links_to


def test_empty_analysis_and_no_url() -> None:
    collection = json.loads(render(empty_analysis(), "webanno"))
    assert collection["total"] == 0 and collection["first"]["items"] == []
    assert collection["id"].startswith("urn:presslens:")


def test_links_to_missing_attributions_are_left_out() -> None:
    items = json.loads(render(sparse_analysis(), "webanno"))["first"]["items"]
    assert len(items) == 5
    assert all(len(item["body"]) == 2 for item in items)
