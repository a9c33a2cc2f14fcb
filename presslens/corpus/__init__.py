"""The corpus: ingest many articles, store their analyses, find reprints, query and export.

``Corpus`` is the Python face; ``presslens ingest`` and ``presslens query`` are the CLI's (see cli.py).
"""

from .api import Corpus, Rows
from .ingest import IngestOptions, IngestSummary

__all__ = ["Corpus", "IngestOptions", "IngestSummary", "Rows"]
