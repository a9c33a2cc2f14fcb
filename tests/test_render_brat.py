"""brat: every T line indexes the text exactly (fragments never cross a line break), and the E lines give
back each attribution's Content, Cue, Source and Addressee as PolNeAR's files do."""

from __future__ import annotations

import re

import pytest
from render_samples import SPARSE_TEXT, TEXT, empty_analysis, full_analysis, read_ann, sparse_analysis

from presslens.render import render
from presslens.render.brat import fragments

ANALYSIS = full_analysis()


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("ab cd", 0, 5, [(0, 5)]),
        ("ab\ncd", 0, 5, [(0, 2), (3, 5)]),
        ("ab\r\n\r\ncd", 0, 8, [(0, 2), (6, 8)]),
        ("\nab\n", 0, 4, [(1, 3)]),
        ("ab\n  \ncd", 0, 8, [(0, 2), (6, 8)]),
        ("a\tb", 0, 3, [(0, 1), (2, 3)]),
        ("x ab\u2028cd y", 2, 7, [(2, 4), (5, 7)]),
        ("\n\n", 0, 2, []),
    ],
)
def test_fragments(text: str, start: int, end: int, expected: list[tuple[int, int]]) -> None:
    assert fragments(text, start, end) == expected


def test_span_across_a_paragraph_is_discontinuous() -> None:
    spans, _ = read_ann(render(ANALYSIS, "brat"), TEXT)
    fear = [p for label, p in spans.values() if label == "Appeal_to_Fear-Prejudice"]
    assert len(fear) == 1 and len(fear[0]) == 2


@pytest.mark.parametrize("attribution", ANALYSIS.attributions, ids=lambda a: a.id)
def test_events_give_back_each_attribution(attribution: object) -> None:
    spans, others = read_ann(render(ANALYSIS, "brat"), TEXT)
    events = [dict(r.split(":", 1) for r in parts[1].split()) for parts in others if parts[0].startswith("E")]
    roles = ("content", "cue", "source", "addressee")
    expected = {role.capitalize(): getattr(attribution, role) for role in roles}
    found = [{role: spans[tid][1] for role, tid in ev.items() if role != "Attribution"} for ev in events]
    assert {role: [(s.start, s.end)] for role, s in expected.items() if s is not None} in found
    assert all(spans[ev["Attribution"]][0] == "Attribution" for ev in events)


@pytest.mark.parametrize(
    ("kind", "count"),
    [("E", 6), ("R", 2), ("*", 2), ("A", 5), ("#", 40)],
)
def test_relations_and_notes(kind: str, count: int) -> None:
    spans, others = read_ann(render(ANALYSIS, "brat"), TEXT)
    lines = [parts for parts in others if parts[0].startswith(kind)]
    assert len(lines) == count
    for parts in lines:
        refs = re.findall(r"\bT\d+\b", parts[1])
        assert refs and all(ref in spans for ref in refs)


@pytest.mark.parametrize(
    ("label", "texts"),
    [
        ("PERSON", {"Ada Brennan", "Brennan", "Ola Kovac", "Kovac"}),
        ("ORG", {"Harbor Gazette"}),
        ("Descriptor", {"Mayor", "Opposition leader", "the city's worst spender"}),
        ("Distancing", {"so-called"}),
        ("Scare_quote", {'"savings"'}),
        ("Time", {"Tuesday", "3 March", "within a decade"}),
        ("Loaded_Language", {"reckless gamble"}),
    ],
)
def test_layers_are_labelled(label: str, texts: set[str]) -> None:
    spans, _ = read_ann(render(ANALYSIS, "brat"), TEXT)
    assert {" ".join(TEXT[s:e] for s, e in p) for lab, p in spans.values() if lab == label} == texts


def test_empty_analysis_writes_an_empty_file() -> None:
    assert render(empty_analysis(), "brat") == ""


def test_sparse_analysis_keeps_what_brat_can_hold() -> None:
    spans, others = read_ann(render(sparse_analysis(), "brat"), SPARSE_TEXT)
    assert sorted(label for label, _ in spans.values()) == [
        "Attribution",
        "Content",
        "Descriptor",
        "Hedge",
        "Time",
        "WORK_OF_ART",
    ]
    assert [parts[1] for parts in others if parts[0].startswith("E")] == ["Attribution:T6 Content:T1"]
    assert not [parts for parts in others if parts[0].startswith(("R", "A", "*"))]
