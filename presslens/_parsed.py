"""A parsed article: what every analyzer takes. Holds the spaCy Doc and, computed once on first use, the
neural tagger's output, which the attribution and technique analyzers share (one encoder pass per article).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ._article import Article

if TYPE_CHECKING:
    from ._tagger import TaggerOutput


@dataclass(eq=False)
class Parsed:
    article: Article
    doc: Doc
    _tagged: TaggerOutput | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def published(self) -> dt.date | None:
        return self.article.published

    def tagged(self) -> TaggerOutput:
        """The shipped tagger's per-wordpiece probabilities for this text, computed once. The tagger reads the
        text with its names replaced by neutral stand-ins (see ``_neutral``); offsets point into the real text."""
        if self._tagged is None:
            from ._tagger import load_tagger

            self._tagged = load_tagger().run_doc(self.doc)
        return self._tagged
