"""The attribution analyzer as a spaCy pipeline component, for users who already run spaCy.

    import presslens.analyzers.attribution.component  # registers the factory
    nlp.add_pipe("presslens_attribution")
    doc = nlp(text)
    doc.spans["attribution_content"], doc._.attributions

It must come after the parser and NER (it reads both). It runs the same code as ``presslens.analyze``:
entities for speaker resolution, then attributions, so the two never disagree.
"""

from __future__ import annotations

from typing import Final

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..._article import Article
from ..._contract import Attribution
from ..._parsed import Parsed
from ..entities import find_entities
from . import find_attributions

# The factory's name and version, declared once: a change to the component's output bumps the version.
FACTORY: Final = "presslens_attribution"
VERSION: Final = "1"
SPANS_KEY: Final = "attribution_content"

if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=())


class AttributionComponent:
    """Fills ``doc.spans["attribution_content"]`` (one span per content, labelled with its kind) and
    ``doc._.attributions`` (the contract objects, with cue, source, speaker, addressee and nesting)."""

    version = VERSION

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        parsed = Parsed(article=Article(text=doc.text), doc=doc)
        attributions = find_attributions(parsed, find_entities(parsed))
        doc._.attributions = attributions
        doc.spans[SPANS_KEY] = [s for a in attributions if (s := _content_span(doc, a)) is not None]
        return doc


def _content_span(doc: Doc, attribution: Attribution) -> Span | None:
    content = attribution.content
    return doc.char_span(content.start, content.end, label=attribution.kind, alignment_mode="expand")


@Language.factory(FACTORY, requires=["token.dep", "doc.ents"], assigns=["doc.spans", "doc._.attributions"])
def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    """The factory spaCy calls for ``nlp.add_pipe("presslens_attribution")``."""
    return AttributionComponent(nlp, name)
