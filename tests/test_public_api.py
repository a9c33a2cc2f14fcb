"""The public API is exactly what ``__all__`` lists: adding or removing a name is a decision, not an accident."""

from __future__ import annotations

import presslens

PUBLIC = {
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
}


def test_all_is_pinned() -> None:
    assert set(presslens.__all__) == PUBLIC


def test_every_public_name_resolves() -> None:
    for name in presslens.__all__:
        assert getattr(presslens, name) is not None


def test_errors_share_one_base() -> None:
    for name in ("ExtractionError", "FetchError", "InputError", "LanguageError", "ModelError", "StoreError"):
        assert issubclass(getattr(presslens, name), presslens.PresslensError)
