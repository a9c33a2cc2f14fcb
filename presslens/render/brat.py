"""brat standoff (``.ann``), shaped as PolNeAR writes attributions so the same tools read both.

Each span is a T line; an attribution is an ``Attribution`` trigger T (on the cue, else the content) and
an E line whose roles are Content, Cue, Source and Addressee. Nesting ("via") and the voice a label is in
are R lines, mentions of one entity an Equiv line, reasons AnnotatorNotes, cue stance an attribute.
brat needs each fragment on one line, so a span that crosses a line break becomes discontinuous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .._contract import Analysis
from ._layers import Highlight, highlights

_BREAKS = re.compile(r"[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of ``text[start:end]`` between line breaks; blank pieces are dropped."""
    pieces: list[tuple[int, int]] = []
    at = start
    for brk in _BREAKS.finditer(text, start, end):
        pieces.append((at, brk.start()))
        at = brk.end()
    pieces.append((at, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


def _one_line(note: str) -> str:
    return " ".join(note.split())


@dataclass
class _Ann:
    """The .ann file being written: numbered lines of each kind and the T id each highlight got."""

    text: str
    lines: list[str] = field(default_factory=list)
    t_of: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def next_id(self, prefix: str) -> str:
        self.counts[prefix] = self.counts.get(prefix, 0) + 1
        return f"{prefix}{self.counts[prefix]}"

    def span(self, label: str, stretches: tuple[tuple[int, int], ...], note: str | None = None) -> str | None:
        pieces = [piece for start, end in stretches for piece in fragments(self.text, start, end)]
        if not pieces:
            return None
        tid = self.next_id("T")
        offsets = ";".join(f"{s} {e}" for s, e in pieces)
        self.lines.append(f"{tid}\t{label} {offsets}\t{' '.join(self.text[s:e] for s, e in pieces)}")
        if note:
            self.lines.append(f"{self.next_id('#')}\tAnnotatorNotes {tid}\t{_one_line(note)}")
        return tid

    def highlight(self, h: Highlight) -> None:
        tid = self.span(h.label, h.stretches(), h.note)
        if tid is not None:
            self.t_of[h.key] = tid


def _attributions(ann: _Ann, analysis: Analysis) -> dict[str, str]:
    """E lines for every attribution whose content could be written; returns attribution id -> trigger T."""
    triggers: dict[str, str] = {}
    for a in analysis.attributions:
        content = ann.t_of.get(f"{a.id}.content")
        if content is None:
            continue
        anchor = a.cue or a.content
        trigger = ann.span("Attribution", ((anchor.start, anchor.end),)) or content
        roles = [f"Attribution:{trigger}", f"Content:{content}"]
        for role in ("cue", "source", "addressee"):
            tid = ann.t_of.get(f"{a.id}.{role}")
            if tid is not None:
                roles.append(f"{role.capitalize()}:{tid}")
        event = ann.next_id("E")
        ann.lines.append(f"{event}\t{' '.join(roles)}")
        cue = ann.t_of.get(f"{a.id}.cue")
        if cue is not None and a.cue_stance is not None:
            ann.lines.append(f"{ann.next_id('A')}\tStance {cue} {a.cue_stance}")
        triggers[a.id] = trigger
    return triggers


def _relations(ann: _Ann, marks: tuple[Highlight, ...], triggers: dict[str, str], analysis: Analysis) -> None:
    for a in analysis.attributions:
        if a.via in triggers and a.id in triggers:
            ann.lines.append(f"{ann.next_id('R')}\tVia Arg1:{triggers[a.id]} Arg2:{triggers[a.via]}")
    for h in marks:
        if h.layer == "descriptor" and h.link in triggers and h.key in ann.t_of:
            ann.lines.append(f"{ann.next_id('R')}\tVoice Arg1:{ann.t_of[h.key]} Arg2:{triggers[h.link]}")
    for entity in analysis.entities:
        mentions = (h for h in marks if h.layer == "mention" and h.group == entity.id)
        same = [ann.t_of[h.key] for h in mentions if h.key in ann.t_of]
        if len(same) > 1:
            ann.lines.append(f"*\tEquiv {' '.join(same)}")


def render_brat(analysis: Analysis) -> str:
    """The whole .ann file; its T offsets index ``analysis.text`` exactly, as the .txt beside it holds it."""
    ann = _Ann(analysis.text)
    marks = highlights(analysis)
    for h in marks:
        ann.highlight(h)
    triggers = _attributions(ann, analysis)
    _relations(ann, marks, triggers, analysis)
    return "".join(line + "\n" for line in ann.lines)
