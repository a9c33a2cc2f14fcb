"""Shared fixtures: the spaCy pipeline and the sample article's analysis, built once per test session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from presslens import Analysis, Article, analyze
from presslens._parsed import Parsed
from presslens.nlp import load_nlp

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample.txt"
SAMPLE_PUBLISHED = dt.date(2026, 11, 25)


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_analysis() -> Analysis:
    text = SAMPLE.read_text(encoding="utf-8")
    return analyze(Article(text=text, published=SAMPLE_PUBLISHED, title="Harbour city braces for vote"))


@pytest.fixture(scope="session")
def parse(nlp: Language):  # type: ignore[no-untyped-def]
    """Parse a project-written sentence into the ``Parsed`` every analyzer takes."""

    def _parse(text: str, published: dt.date | None = None) -> Parsed:
        return Parsed(article=Article(text=text, published=published), doc=nlp(text))

    return _parse
