"""presslens: lays a news article open. Evidence, not verdicts.

The public API is what ``__all__`` lists; everything else is private and may change.

    >>> from presslens import analyze
    >>> analysis = analyze("Mayor Ada Brennan said the plan was reckless.")
    >>> analysis.attributions[0].speaker.name
    'Ada Brennan'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._article import Article
from ._contract import (
    SCHEMA,
    Analysis,
    Attribution,
    Descriptor,
    Entity,
    Marker,
    Span,
    Speaker,
    Technique,
    TimeExpression,
    json_schema,
)
from ._version import __version__
from .errors import (
    ExtractionError,
    FetchError,
    InputError,
    LanguageError,
    ModelError,
    PresslensError,
    StoreError,
)
from .intake.load import Metadata, load_input
from .options import AnalyzeOptions, IntakeOptions
from .pipeline import analyze, analyze_doc, analyze_many

if TYPE_CHECKING:
    from .corpus.api import Corpus

__all__ = [
    "SCHEMA",
    "Analysis",
    "AnalyzeOptions",
    "Article",
    "Attribution",
    "Corpus",
    "Descriptor",
    "Entity",
    "ExtractionError",
    "FetchError",
    "InputError",
    "IntakeOptions",
    "LanguageError",
    "Marker",
    "Metadata",
    "ModelError",
    "PresslensError",
    "Span",
    "Speaker",
    "StoreError",
    "Technique",
    "TimeExpression",
    "__version__",
    "analyze",
    "analyze_doc",
    "analyze_many",
    "json_schema",
    "load_input",
]


def __getattr__(name: str) -> Any:
    """``Corpus`` pulls in SQLAlchemy; import it only when asked for."""
    if name == "Corpus":
        from .corpus.api import Corpus

        return Corpus
    raise AttributeError(f"module 'presslens' has no attribute {name!r}")
