"""The analysis contract: the frozen models every face of presslens reads and writes.

The JSON shape is versioned by ``SCHEMA``; a change that breaks readers bumps it. Every span carries
``start``/``end`` character offsets (end exclusive) into ``Analysis.text`` and the ``text`` they cover, so a
reader never has to trust our offsets blindly: ``text == Analysis.text[start:end]`` is checked by the tests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "presslens.analysis/1"

AttributionKind = Literal["direct", "indirect", "mixed"]
CueStance = Literal["neutral", "distancing", "endorsing"]
MarkerKind = Literal["distancing", "scare_quote", "hedge"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """A stretch of the analysed text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Speaker(_Frozen):
    """Who a source mention resolves to: a full name, and the entity that holds it when there is one."""

    name: str
    entity: str | None = None


class Attribution(_Frozen):
    """One act of reported speech or thought: ``source`` says ``content`` through ``cue``."""

    id: str
    kind: AttributionKind
    content: Span
    # The stretches of a content its own frame breaks ('"A," she said on Monday. "B."'): the frame between
    # them is the outlet's words, not the speaker's. Empty when the content is one stretch.
    content_parts: tuple[Span, ...] = ()
    cue: Span | None = None
    cue_stance: CueStance | None = None
    source: Span | None = None
    speaker: Speaker | None = None
    addressee: Span | None = None
    via: str | None = None

    @property
    def pieces(self) -> tuple[Span, ...]:
        """The stretches whose words are the speaker's: the parts, or the content whole."""
        return self.content_parts or (self.content,)

    @property
    def said(self) -> str:
        """The words attributed, a frame inside them left out ('"A," she said. "B."' reads "A" … "B")."""
        return " … ".join(p.text for p in self.pieces)


class Descriptor(Span):
    """How the text labels an entity; ``voice`` is the attribution whose content holds the label, or None
    when the label is in the outlet's own voice."""

    voice: str | None = None


class Entity(_Frozen):
    """A person, group, organisation or place, with every mention and label the text gives it."""

    id: str
    name: str
    type: str
    mentions: tuple[Span, ...] = ()
    descriptors: tuple[Descriptor, ...] = ()


class Marker(_Frozen):
    """Words by which the outlet itself keeps a distance from, or hedges, what it reports."""

    kind: MarkerKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    target: str | None = None
    reason: str = ""


class Technique(_Frozen):
    """A span that uses one of the 23 SemEval-2023 persuasion techniques, with a calibrated score and the
    evidence behind it (``reason``: the word the model weighed most, the repeated phrase, the stock form)."""

    technique: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    score: float = Field(ge=0.0, le=1.0)
    reason: str = ""


class TimeExpression(_Frozen):
    """A date expression, normalised against the publication date at its own granularity."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    value: str | None = None


class Analysis(_Frozen):
    """Everything presslens found in one article. The ``schema`` field names this contract's version."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    schema_: str = Field(default=SCHEMA, alias="schema")
    presslens_version: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    site: str | None = None
    author: str | None = None
    language: str = "en"
    extractor: str = "plain"
    attributions: tuple[Attribution, ...] = ()
    entities: tuple[Entity, ...] = ()
    markers: tuple[Marker, ...] = ()
    techniques: tuple[Technique, ...] = ()
    times: tuple[TimeExpression, ...] = ()

    def to_json(self, indent: int | None = 2) -> str:
        """The contract's JSON: field ``schema`` first, dates in ISO form."""
        return self.model_dump_json(by_alias=True, indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> Analysis:
        return cls.model_validate_json(data)


def json_schema() -> dict[str, object]:
    """The published JSON Schema of ``Analysis``, generated from the models so it cannot drift."""
    schema = Analysis.model_json_schema(by_alias=True, mode="serialization")
    schema["$id"] = "https://presslens.invalid/schema/analysis-1.json"
    schema["title"] = SCHEMA
    return schema


def speaker_of(attributions: Iterable[Attribution], start: int, end: int) -> Attribution | None:
    """The innermost attribution whose content holds ``start:end``: whose words those are (None: the
    outlet's own). Labels and technique spans are both placed in a voice this way; a label in the frame
    between two parts of a content ('"A," said Ruiz, a self-styled reformer. "B."') is the outlet's."""
    holders = [a for a in attributions if any(p.start <= start and end <= p.end for p in a.pieces)]
    return min(holders, key=lambda a: a.content.end - a.content.start) if holders else None
