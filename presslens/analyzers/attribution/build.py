"""Drafts into contract ``Attribution`` objects: ids in text order, kind, stance, speaker, nesting."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from spacy.tokens import Doc

from ..._contract import Attribution, AttributionKind, Entity, Span
from ..stance import cue_stance
from .draft import Draft, Range
from .quotes import Quote
from .resolve import resolve

_QUOTED_SHARE: Final = 0.9


def _span(text: str, rng: Range | None) -> Span | None:
    return None if rng is None else Span(start=rng[0], end=rng[1], text=text[rng[0] : rng[1]])


def kind_of(content: Range, quotes: Sequence[Quote]) -> AttributionKind:
    """direct when quotes hold (nearly) all of the content, mixed when they hold some, else indirect."""
    size = max(1, content[1] - content[0])
    quoted = sum(
        max(0, min(content[1], q.end) - max(content[0], q.start)) for q in quotes
    )
    if quoted >= _QUOTED_SHARE * size:
        return "direct"
    return "mixed" if quoted else "indirect"


def nesting(drafts: Sequence[Draft]) -> list[int | None]:
    """For each draft, the index of the smallest other draft whose content holds its cue and content."""
    out: list[int | None] = []
    for draft in drafts:
        lo = min(draft.content[0], *(r[0] for r in (draft.cue, draft.source) if r))
        hi = max(draft.content[1], *(r[1] for r in (draft.cue, draft.source) if r))
        holders = [
            (o.content[1] - o.content[0], k)
            for k, o in enumerate(drafts)
            if o is not draft and o.content[0] <= lo and hi <= o.content[1] and o.content != draft.content
        ]
        out.append(min(holders)[1] if holders else None)
    return out


def build(doc: Doc, drafts: Sequence[Draft], quotes: Sequence[Quote], entities: Sequence[Entity]) -> tuple[
    Attribution, ...
]:
    """The contract objects, numbered a1, a2, ... in the order of their contents."""
    text = doc.text
    ordered = sorted(drafts, key=lambda d: (d.content, d.cue or (0, 0)))
    outer = nesting(ordered)
    out = []
    for k, draft in enumerate(ordered):
        cue = _span(text, draft.cue)
        lemma = doc[draft.cue_head].lemma_ if draft.cue_head is not None else None
        holder = outer[k]
        out.append(Attribution(
            id=f"a{k + 1}",
            kind=kind_of(draft.content, quotes),
            content=Span(start=draft.content[0], end=draft.content[1], text=text[slice(*draft.content)]),
            cue=cue,
            cue_stance=None if cue is None else cue_stance(cue.text, lemma),
            source=_span(text, draft.source),
            speaker=None if draft.source is None else resolve(doc, draft.source, entities, draft.content),
            addressee=_span(text, draft.addressee),
            via=None if holder is None else f"a{holder + 1}",
        ))
    return tuple(out)
