"""A self-contained annotated page: the article with its spans highlighted, and the lists beside it.

Everything a reader needs is inline (CSS, no scripts, no external assets) so the page can be mailed,
archived or opened offline. Every highlight carries its reason in a tooltip: the page points, the reader
judges.
"""

from __future__ import annotations

from functools import cache
from html import escape

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .._contract import Analysis
from ._layers import (
    Highlight,
    describe_ref,
    descriptor_voice,
    excerpt,
    highlights,
    marker_reason,
    speaker_name,
    technique_why,
    via_chain,
)
from ._nest import nest

PAGE_LAYERS = frozenset({"content", "cue", "source", "addressee", "marker", "technique", "time"})

LEGEND: tuple[tuple[str, str, str], ...] = (
    ("pl-content", "Reported words", "what a source is said to have said or thought"),
    ("pl-source", "Source", "who the words are attributed to, as the text names them"),
    ("pl-cue pl-stance-neutral", "Cue, neutral", "a reporting verb that passes the words on"),
    ("pl-cue pl-stance-distancing", "Cue, distancing", "a reporting verb that keeps a distance"),
    ("pl-cue pl-stance-endorsing", "Cue, endorsing", "a reporting verb that vouches for the words"),
    ("pl-addressee", "Addressee", "who the words were told to"),
    ("pl-marker", "Outlet's marker", "the outlet's own distancing, scare quotes or hedges"),
    ("pl-technique", "Technique", "a span using a persuasion technique"),
    ("pl-time", "Time", "a date expression and its value"),
)


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("presslens.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _css_classes(analysis: Analysis, h: Highlight) -> str:
    if h.layer != "cue":
        return f"pl-{h.layer}"
    stance = next((a.cue_stance for a in analysis.attributions if a.id == h.group), None)
    return f"pl-cue pl-stance-{stance or 'unknown'}"


def article_markup(analysis: Analysis) -> Markup:
    """The article text, escaped, with a ``<span>`` per highlight piece; the first piece holds the anchor."""
    whole = highlights(analysis, PAGE_LAYERS)
    classes = {h.key: _css_classes(analysis, h) for h in whole}
    begins = {h.key: h.start for h in whole}

    def open_tag(h: Highlight, first: bool) -> str:
        anchor = f' id="{escape(h.key)}"' if first and h.start == begins[h.key] else ""
        css = classes[h.key] + ("" if first else " pl-cont")
        return (
            f'<span{anchor} class="{css}" data-key="{escape(h.key)}" data-label="{escape(h.label)}"'
            f' title="{escape(h.note)}">'
        )

    return Markup(nest(analysis.text, [piece for h in whole for piece in h.split()], open_tag))


def _attribution_rows(analysis: Analysis) -> list[dict[str, object]]:
    return [
        {
            "id": a.id,
            "speaker": speaker_name(a),
            "kind": a.kind,
            "cue": a.cue.text if a.cue else None,
            "stance": a.cue_stance or "unknown",
            "source": a.source.text if a.source else None,
            "addressee": a.addressee.text if a.addressee else None,
            "via": [(o.id, speaker_name(o)) for o in via_chain(analysis, a)],
            "content": excerpt(a.said, 240),
        }
        for a in analysis.attributions
    ]


def _entity_rows(analysis: Analysis) -> list[dict[str, object]]:
    return [
        {
            "name": e.name,
            "type": e.type,
            "mentions": len(e.mentions),
            "labels": [(d.text, descriptor_voice(analysis, d.voice), d.voice is None) for d in e.descriptors],
        }
        for e in analysis.entities
    ]


def _technique_rows(analysis: Analysis) -> list[dict[str, object]]:
    from ..analyzers.techniques import explain

    return [
        {
            "key": f"p{i}",
            "technique": t.technique,
            "excerpt": excerpt(t.text, 200),
            "score": f"{t.score:.2f}",
            "explanation": explain(t.technique),
            "why": technique_why(analysis, t),
        }
        for i, t in enumerate(analysis.techniques)
    ]


def render_html(analysis: Analysis) -> str:
    """The whole page as one string."""
    template = _environment().get_template("report.html.j2")
    return template.render(
        a=analysis,
        article=article_markup(analysis),
        legend=LEGEND,
        attributions=_attribution_rows(analysis),
        entities=_entity_rows(analysis),
        markers=[
            (f"m{i}", m, marker_reason(m), describe_ref(analysis, m.target)) for i, m in enumerate(analysis.markers)
        ],
        techniques=_technique_rows(analysis),
    )
