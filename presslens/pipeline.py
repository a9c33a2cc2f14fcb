"""``analyze``: the single entry point. Every face (CLI, renderers, store, batch runner) calls it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from ._article import Article
from ._contract import Analysis
from ._parsed import Parsed
from ._version import __version__
from .analyzers.attribution import find_attributions
from .analyzers.entities import assign_voices, find_entities
from .analyzers.markers import find_markers
from .analyzers.techniques import find_techniques
from .analyzers.times import find_times
from .nlp import load_nlp
from .options import AnalyzeOptions

DEFAULT_OPTIONS = AnalyzeOptions()
_BATCH_SIZE = 16


def analyze(article: Article | str, options: AnalyzeOptions = DEFAULT_OPTIONS) -> Analysis:
    """Analyse one article. A bare string is taken as the article's plain text."""
    if isinstance(article, str):
        article = Article(text=article)
    return analyze_doc(article, load_nlp()(article.text), options)


def analyze_many(articles: Iterable[Article], options: AnalyzeOptions = DEFAULT_OPTIONS) -> Iterator[Analysis]:
    """Analyse a stream of articles, parsing them in batches with ``nlp.pipe``; results keep input order."""
    stream = ((a.text, a) for a in articles)
    for doc, article in load_nlp().pipe(stream, as_tuples=True, batch_size=_BATCH_SIZE):
        yield analyze_doc(article, doc, options)


def analyze_doc(article: Article, doc: Doc, options: AnalyzeOptions = DEFAULT_OPTIONS) -> Analysis:
    """Run the analyzers over an already parsed article (the spaCy component and batch paths use this)."""
    parsed = Parsed(article=article, doc=doc)
    on = options.analyzers
    entities = find_entities(parsed) if "entities" in on or "attributions" in on else ()
    attributions = find_attributions(parsed, entities) if "attributions" in on else ()
    entities = assign_voices(entities, attributions) if "entities" in on else ()
    return Analysis(
        presslens_version=__version__,
        text=article.text,
        title=article.title,
        published=article.published,
        url=article.url,
        site=article.site,
        author=article.author,
        language=article.language,
        extractor=article.extractor,
        attributions=attributions,
        entities=entities,
        markers=find_markers(parsed, entities, attributions) if "markers" in on else (),
        techniques=find_techniques(parsed, options.min_score) if "techniques" in on else (),
        times=find_times(parsed) if "times" in on else (),
    )
