"""The analysis contract: JSON Schema validation, span/text agreement, and every kind of finding on the
sample article the project ships."""

from __future__ import annotations

import json

import jsonschema
import pytest

from presslens import SCHEMA, Analysis, json_schema
from presslens.errors import InputError, PresslensError, error_payload


def spans_of(analysis: Analysis) -> list[tuple[str, int, int, str]]:
    """Every span in every list of the analysis, as (where, start, end, text)."""
    out: list[tuple[str, int, int, str]] = []
    for a in analysis.attributions:
        for role in ("content", "cue", "source", "addressee"):
            span = getattr(a, role)
            if span is not None:
                out.append((f"{a.id}.{role}", span.start, span.end, span.text))
    for e in analysis.entities:
        out += [(f"{e.id}.mention", m.start, m.end, m.text) for m in e.mentions]
        out += [(f"{e.id}.descriptor", d.start, d.end, d.text) for d in e.descriptors]
    for kind, items in (("marker", analysis.markers), ("technique", analysis.techniques), ("time", analysis.times)):
        out += [(kind, x.start, x.end, x.text) for x in items]
    return out


def test_json_validates_against_the_published_schema(sample_analysis: Analysis) -> None:
    document = json.loads(sample_analysis.to_json())
    jsonschema.validate(document, json_schema())
    assert document["schema"] == SCHEMA == "presslens.analysis/1"
    assert next(iter(document)) == "schema"


def test_every_span_text_equals_the_text_it_indexes(sample_analysis: Analysis) -> None:
    spans = spans_of(sample_analysis)
    assert spans, "the sample analysis found nothing"
    text = sample_analysis.text
    assert [s for s in spans if text[s[1] : s[2]] != s[3] or s[1] >= s[2]] == []


def test_json_round_trips(sample_analysis: Analysis) -> None:
    assert Analysis.from_json(sample_analysis.to_json()) == sample_analysis


def test_ids_are_unique_and_references_resolve(sample_analysis: Analysis) -> None:
    attribution_ids = [a.id for a in sample_analysis.attributions]
    entity_ids = [e.id for e in sample_analysis.entities]
    assert len(set(attribution_ids)) == len(attribution_ids) and len(set(entity_ids)) == len(entity_ids)
    for a in sample_analysis.attributions:
        assert a.via is None or a.via in attribution_ids
        assert a.speaker is None or a.speaker.entity is None or a.speaker.entity in entity_ids
    for m in sample_analysis.markers:
        assert m.target is None or m.target in entity_ids
    for e in sample_analysis.entities:
        assert all(d.voice is None or d.voice in attribution_ids for d in e.descriptors)


def test_the_sample_shows_every_kind_of_finding(sample_analysis: Analysis) -> None:
    a = sample_analysis
    kinds = {x.kind for x in a.attributions}
    assert {"direct", "indirect", "mixed"} <= kinds
    assert any(x.via for x in a.attributions), "no report of a report"
    assert any(x.source and x.source.text.lower() in {"he", "she", "they"} and x.speaker for x in a.attributions)
    assert {x.cue_stance for x in a.attributions} >= {"neutral", "distancing", "endorsing"}
    assert any(x.addressee for x in a.attributions)
    assert {m.kind for m in a.markers} >= {"distancing", "scare_quote"}
    assert any(d.voice is None for e in a.entities for d in e.descriptors)
    assert {t.technique for t in a.techniques} & {"Loaded_Language", "Name_Calling-Labeling"}
    assert {t.text: t.value for t in a.times}["Monday"] == "2026-11-23"
    speakers = {x.speaker.name for x in a.attributions if x.speaker}
    assert {"Dana Okafor", "Leon Marsh", "Victor Hale"} <= speakers


def test_error_shape_is_pinned() -> None:
    assert error_payload(InputError("the input is empty; give an article with some text")) == {
        "error": {"type": "InputError", "message": "the input is empty; give an article with some text"}
    }


@pytest.mark.parametrize("error", [InputError("x"), PresslensError("x")])
def test_errors_exit_with_status_2(error: PresslensError) -> None:
    assert error.exit_code == 2


def test_published_schema_file_is_up_to_date() -> None:
    """schema/presslens.analysis-1.json is what `presslens schema` prints; regenerate it when the models change."""
    from pathlib import Path

    published = Path(__file__).resolve().parent.parent / "schema" / "presslens.analysis-1.json"
    assert json.loads(published.read_text(encoding="utf-8")) == json_schema()
