"""Overlapping spans as correctly nested HTML.

Spans of different layers cross freely (a technique may start inside a quote and end after it), but HTML
elements must nest. Walking the sorted boundaries, every element that would be cut by a closing one is
closed and reopened as a continuation, so the markup stays balanced and each piece of text carries
exactly the highlights that cover it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from itertools import pairwise

from ._layers import LAYERS, Highlight

OpenTag = Callable[[Highlight, bool], str]

_RANK = {layer: i for i, layer in enumerate(LAYERS)}


def _outer_first(h: Highlight) -> tuple[int, int, int, str]:
    """Spans that last longer go outside, so fewer of them have to be split."""
    return (-h.end, h.start, _RANK.get(h.layer, len(LAYERS)), h.key)


def _events(spans: Sequence[Highlight]) -> dict[int, tuple[list[Highlight], list[Highlight]]]:
    events: dict[int, tuple[list[Highlight], list[Highlight]]] = {}
    for h in spans:
        events.setdefault(h.start, ([], []))[0].append(h)
        events.setdefault(h.end, ([], []))[1].append(h)
    return events


def nest(text: str, spans: Sequence[Highlight], open_tag: OpenTag, close_tag: str = "</span>") -> str:
    """``text`` escaped, each non-empty span wrapped in ``open_tag(span, first_piece)``...``close_tag``."""
    usable = [h for h in spans if 0 <= h.start < h.end <= len(text)]
    events = _events(usable)
    points = sorted({0, len(text), *events})
    active: set[Highlight] = set()
    stack: list[Highlight] = []
    out: list[str] = []
    for here, nxt in pairwise(points):
        starting, ending = events.get(here, ([], []))
        active.difference_update(ending)
        active.update(starting)
        keep = 0
        while keep < len(stack) and stack[keep] in active:
            keep += 1
        out.append(close_tag * (len(stack) - keep))
        del stack[keep:]
        for h in sorted(active.difference(stack), key=_outer_first):
            out.append(open_tag(h, h.start == here))
            stack.append(h)
        out.append(escape(text[here:nxt], quote=False))
    out.append(close_tag * len(stack))
    return "".join(out)
