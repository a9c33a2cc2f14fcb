"""The annotation layers every span-based renderer shares.

html, brat and webanno all show the same spans with the same reasons; building them once here keeps the
three formats from drifting apart (a reason worded one way in the page and another in the .ann file would
make a reader wonder which one is right).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from .._contract import Analysis, Attribution, Entity, Marker, Span, Technique, speaker_of

# Layers in the order an outer element is preferred when two spans cover exactly the same stretch.
LAYERS: tuple[str, ...] = (
    "content",
    "source",
    "cue",
    "addressee",
    "mention",
    "descriptor",
    "technique",
    "marker",
    "time",
)

STANCE_NOTES: dict[str, str] = {
    "neutral": "the verb passes the words on without judging them",
    "distancing": "the verb keeps the outlet at a distance from the words",
    "endorsing": "the verb vouches for the words as true",
}

MARKER_NAMES: dict[str, str] = {
    "distancing": "Distancing",
    "scare_quote": "Scare_quote",
    "hedge": "Hedge",
}


@dataclass(frozen=True, slots=True)
class Highlight:
    """One span of one layer, with the label a tool files it under and the reason a person reads.

    ``key`` is unique within an analysis and stable across runs; ``group`` ties the spans of one
    attribution (or the mentions of one entity) together, and ``link`` points at the group of an outer
    attribution when this one is reported through it. ``ranges`` are the stretches it covers when its own
    frame breaks a content ('"A," she said. "B."'): the frame between them is not the speaker's.
    """

    layer: str
    label: str
    start: int
    end: int
    note: str
    key: str
    group: str | None = None
    link: str | None = None
    ranges: tuple[tuple[int, int], ...] = ()

    def stretches(self) -> tuple[tuple[int, int], ...]:
        """The character ranges it covers, in order."""
        return self.ranges or ((self.start, self.end),)

    def split(self) -> tuple[Highlight, ...]:
        """One highlight per stretch, for formats whose spans are continuous."""
        if not self.ranges:
            return (self,)
        return tuple(replace(self, start=s, end=e, ranges=()) for s, e in self.ranges)


def speaker_name(attribution: Attribution) -> str:
    """Who an attribution is from, in words: the resolved name first, then the mention. With neither, the
    text names no one ("The council is expected to vote"): said so, rather than "an unnamed source", which
    reads as a source the outlet chose to keep anonymous."""
    if attribution.speaker is not None:
        return attribution.speaker.name
    if attribution.source is not None:
        return attribution.source.text
    return "someone the text does not name"


def via_chain(analysis: Analysis, attribution: Attribution) -> list[Attribution]:
    """The outer attributions this one is reported through, nearest first; a cycle stops the walk."""
    by_id = {a.id: a for a in analysis.attributions}
    chain: list[Attribution] = []
    seen = {attribution.id}
    ref = attribution.via
    while ref is not None and ref in by_id and ref not in seen:
        seen.add(ref)
        chain.append(by_id[ref])
        ref = by_id[ref].via
    return chain


def describe_ref(analysis: Analysis, ref: str | None) -> str | None:
    """A marker's target as a reader knows it: an entity's name or an attribution's speaker."""
    if ref is None:
        return None
    for entity in analysis.entities:
        if entity.id == ref:
            return entity.name
    for attribution in analysis.attributions:
        if attribution.id == ref:
            return f"what {speaker_name(attribution)} says ({ref})"
    return ref


def attribution_note(analysis: Analysis, attribution: Attribution) -> str:
    """One sentence that says who says this, how, to whom and through whom."""
    parts = [f"{attribution.kind.capitalize()} speech of {speaker_name(attribution)}"]
    if attribution.cue is not None:
        parts.append(f"cue “{attribution.cue.text}” ({attribution.cue_stance or 'stance unknown'})")
    if attribution.addressee is not None:
        parts.append(f"to {attribution.addressee.text}")
    chain = via_chain(analysis, attribution)
    if chain:
        parts.append("via " + " ← ".join(f"{speaker_name(a)} ({a.id})" for a in chain))
    return ", ".join(parts) + f" [{attribution.id}]"


def _attribution_layers(analysis: Analysis) -> Iterator[Highlight]:
    known = {a.id for a in analysis.attributions}
    for a in analysis.attributions:
        link = a.via if a.via in known else None
        yield Highlight(
            "content",
            "Content",
            a.content.start,
            a.content.end,
            attribution_note(analysis, a),
            f"{a.id}.content",
            group=a.id,
            link=link,
            ranges=tuple((p.start, p.end) for p in a.content_parts),
        )
        if a.cue is not None:
            stance = a.cue_stance or "unknown"
            why = STANCE_NOTES.get(stance, "stance not in the lexicon")
            yield Highlight(
                "cue",
                "Cue",
                a.cue.start,
                a.cue.end,
                f"Reporting cue of {a.id}, stance {stance}: {why}",
                f"{a.id}.cue",
                group=a.id,
                link=link,
            )
        if a.source is not None:
            who = f"resolves to {a.speaker.name}" if a.speaker is not None else "not resolved to a name"
            yield Highlight(
                "source",
                "Source",
                a.source.start,
                a.source.end,
                f"Source of {a.id}: “{a.source.text}” {who}",
                f"{a.id}.source",
                group=a.id,
                link=link,
            )
        if a.addressee is not None:
            yield Highlight(
                "addressee",
                "Addressee",
                a.addressee.start,
                a.addressee.end,
                f"Addressee of {a.id}: told to {a.addressee.text}",
                f"{a.id}.addressee",
                group=a.id,
                link=link,
            )


def descriptor_voice(analysis: Analysis, voice: str | None) -> str:
    """Whose words a label is: the outlet's own, or a speaker's (by attribution id)."""
    if voice is None:
        return "in the outlet's own voice"
    for a in analysis.attributions:
        if a.id == voice:
            return f"in the voice of {speaker_name(a)} ({voice})"
    return f"in the voice of {voice}"


def _entity_layers(analysis: Analysis, entity: Entity) -> Iterator[Highlight]:
    known = {a.id for a in analysis.attributions}
    label = "".join(c if c.isalnum() or c in "_-" else "_" for c in entity.type) or "Entity"
    for i, m in enumerate(entity.mentions):
        yield Highlight(
            "mention",
            label,
            m.start,
            m.end,
            f"Mention of {entity.name} ({entity.type})",
            f"{entity.id}.m{i}",
            group=entity.id,
        )
    for i, d in enumerate(entity.descriptors):
        yield Highlight(
            "descriptor",
            "Descriptor",
            d.start,
            d.end,
            f"Label for {entity.name}, {descriptor_voice(analysis, d.voice)}",
            f"{entity.id}.d{i}",
            group=entity.id,
            link=d.voice if d.voice in known else None,
        )


def technique_why(analysis: Analysis, technique: Technique) -> str:
    """Why this span: the analyzer's evidence, and whose words these are (a quoted speaker's or the
    outlet's own), so a reader can tell reporting a loaded phrase from using one."""
    holder = speaker_of(analysis.attributions, technique.start, technique.end)
    voice = f"in words attributed to {speaker_name(holder)} ({holder.id})" if holder else "in the outlet's own words"
    return "; ".join(part for part in (technique.reason, voice) if part)


def technique_note(analysis: Analysis, technique: Technique) -> str:
    """The technique's name, score, definition and evidence: what a reader needs to judge the span."""
    from ..analyzers.techniques import explain

    t = technique
    return f"{t.technique} (score {t.score:.2f}): {explain(t.technique)} Here: {technique_why(analysis, t)}."


def marker_reason(marker: Marker) -> str:
    """The marker's own reason; an analyzer that gave none still leaves the reader a sentence."""
    return marker.reason or "the outlet qualifies these words"


def _voice_layers(analysis: Analysis) -> Iterator[Highlight]:
    for i, m in enumerate(analysis.markers):
        about = describe_ref(analysis, m.target)
        note = f"{MARKER_NAMES[m.kind]}: {marker_reason(m)}"
        yield Highlight(
            "marker", MARKER_NAMES[m.kind], m.start, m.end, note + (f" (about {about})" if about else ""), f"m{i}"
        )
    for i, t in enumerate(analysis.techniques):
        note = technique_note(analysis, t)
        yield Highlight("technique", t.technique, t.start, t.end, note, f"p{i}")
    for i, x in enumerate(analysis.times):
        value = f"normalised to {x.value}" if x.value else "not normalised"
        yield Highlight("time", "Time", x.start, x.end, f"Time expression, {value}", f"t{i}")


def highlights(analysis: Analysis, layers: frozenset[str] = frozenset(LAYERS)) -> tuple[Highlight, ...]:
    """Every span of the wanted layers, attributions first, then entities, then the outlet's voice."""
    found: list[Highlight] = [*_attribution_layers(analysis)]
    for entity in analysis.entities:
        found.extend(_entity_layers(analysis, entity))
    found.extend(_voice_layers(analysis))
    return tuple(h for h in found if h.layer in layers)


def excerpt(span: Span | str, width: int = 120) -> str:
    """A span's text on one line, cut to ``width`` characters so a report stays scannable."""
    text = " ".join((span if isinstance(span, str) else span.text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
