"""W3C Web Annotation (JSON-LD): the findings as annotations any Web Annotation client can load.

Each span is an ``Annotation`` whose target pins the text twice, by position and by quote (with a little
context), so a client can re-anchor it even if the page it overlays differs slightly from our text. The
spans of one attribution link to its content annotation, and a reported-through attribution to the outer
one, with ``linking`` bodies.
"""

from __future__ import annotations

import hashlib
import json

from .._contract import Analysis
from ._layers import Highlight, highlights

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
QUOTE_CONTEXT = 32


def _iri_base(analysis: Analysis) -> str:
    digest = hashlib.sha256(analysis.text.encode("utf-8")).hexdigest()[:16]
    return f"urn:presslens:{digest}"


def _selectors(text: str, start: int, end: int) -> list[dict[str, object]]:
    return [
        {"type": "TextPositionSelector", "start": start, "end": end},
        {
            "type": "TextQuoteSelector",
            "exact": text[start:end],
            "prefix": text[max(0, start - QUOTE_CONTEXT) : start],
            "suffix": text[end : end + QUOTE_CONTEXT],
        },
    ]


def _targets(text: str, h: Highlight, source: str) -> dict[str, object] | list[dict[str, object]]:
    """The highlight's place; a content its frame breaks has one target per stretch."""
    targets: list[dict[str, object]] = [
        {"source": source, "selector": _selectors(text, s, e)} for s, e in h.stretches()
    ]
    return targets[0] if len(targets) == 1 else targets


def _links(h: Highlight, base: str) -> list[dict[str, object]]:
    """Roles point at their attribution's content; content or a label, at the attribution voicing it."""
    targets = []
    if h.layer in {"cue", "source", "addressee"} and h.group is not None:
        targets.append(f"{base}:{h.group}.content")
    if h.link is not None:
        targets.append(f"{base}:{h.link}.content")
    return [{"type": "SpecificResource", "purpose": "linking", "source": iri} for iri in targets]


def annotation(analysis: Analysis, h: Highlight, source: str, base: str) -> dict[str, object]:
    """One highlight as an Annotation: a tag (the label), a description (the reason), its links."""
    return {
        "id": f"{base}:{h.key}",
        "type": "Annotation",
        "motivation": "tagging",
        "body": [
            {"type": "TextualBody", "purpose": "tagging", "value": h.label, "format": "text/plain"},
            {"type": "TextualBody", "purpose": "describing", "value": h.note, "format": "text/plain", "language": "en"},
            *_links(h, base),
        ],
        "target": _targets(analysis.text, h, source),
    }


def render_webanno(analysis: Analysis) -> str:
    """An AnnotationCollection with every span in one page; ``source`` is the article URL when known."""
    base = _iri_base(analysis)
    source = analysis.url or f"{base}:text"
    items = [annotation(analysis, h, source, base) for h in highlights(analysis) if h.start < h.end]
    collection = {
        "@context": CONTEXT,
        "id": f"{base}:annotations",
        "type": "AnnotationCollection",
        "label": analysis.title or "presslens analysis",
        "generator": {"type": "Software", "name": f"presslens {analysis.presslens_version}"},
        "total": len(items),
        "first": {"type": "AnnotationPage", "id": f"{base}:page1", "startIndex": 0, "items": items},
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"
