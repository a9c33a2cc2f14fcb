"""Which of the tagger's drafts to report: a logistic gate over what is known of each draft once linked.

The tagger's mean content probability alone misjudges its drafts both ways: a sure one-word content is a
fragment as often as not, while an unsure long content whose cue governs it in the parse is mostly right. The gate weighs those signals together; its weights are fitted by
``python -m training.train_gate`` on PolNeAR train, with each draft counted right when its content
overlaps a PolNeAR content as the scorer matches them (Jaccard 0.5 or more), and shipped as
``models/gate.json``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

from spacy.tokens import Doc

from ..._tagger import MODELS_DIR
from ...errors import ModelError
from ..stance import cue_stance
from .draft import Draft, Range, overlap
from .lexicon import REPORTING, SPEECH
from .syntax import governs

GATE_FILE: Final = "gate.json"
# The order of the weights in the gate file; a file fitted on other features is refused.
FEATURES: Final = (
    "score",
    "log_words",
    "source",
    "stance",
    "lexicon",
    "speech",
    "governs",
    "verb",
    "quoted",
    "cue_after",
    "one_word",
)


@dataclass(frozen=True)
class Gate:
    """A draft is kept when the fitted probability that it is right reaches ``threshold``."""

    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, features: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    def keeps(self, features: Sequence[float]) -> bool:
        return self.probability(features) >= self.threshold


def features(doc: Doc, text: str, draft: Draft, quotes: Sequence[Range]) -> tuple[float, ...]:
    """The draft's features in ``FEATURES`` order: how sure the tagger was, how long the content is, what
    kind of word its cue is and whether that word governs the content, how much of it is quoted."""
    start, end = draft.content
    words = len(text[start:end].split())
    head = None if draft.cue_head is None else doc[draft.cue_head]
    quoted = sum(overlap(draft.content, q) for q in quotes) / max(1, end - start)
    values = (
        draft.score,
        math.log(words + 1),
        draft.source is not None,
        draft.cue is not None and cue_stance(text[slice(*draft.cue)]) is not None,
        head is not None and head.lemma_ in REPORTING,
        head is not None and head.lemma_ in SPEECH,
        head is not None and governs(head, draft.content),
        head is not None and head.pos_ == "VERB",
        quoted,
        draft.cue is not None and draft.cue[0] >= end,
        words == 1,
    )
    return tuple(float(v) for v in values)


def credible(doc: Doc, text: str, drafts: Sequence[Draft], quotes: Sequence[Range], gate: Gate) -> list[Draft]:
    """The reportable drafts the gate keeps, in their order."""
    return [d for d in drafts if reportable(text, d) and gate.keeps(features(doc, text, d, quotes))]


def reportable(text: str, draft: Draft) -> bool:
    """Whether a draft can be a report at all, whatever the gate says: it has a cue, and a source or a cue
    the stance lexicon knows. A headline's verb ("Harbour city braces for vote") has neither. On held-out
    train the rule costs a little (a gate over every draft with a cue kept 24 more, 11 of them right:
    0.002 content-F1 against 0.001 cue-F1), and it keeps headlines and captions from reading as reports."""
    return draft.cue is not None and (draft.source is not None or cue_stance(text[slice(*draft.cue)]) is not None)


def read_gate(path: Path) -> Gate:
    """A gate file as ``training.train_gate`` writes it."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        names, weights = tuple(raw["features"]), tuple(float(w) for w in raw["weights"])
        gate = Gate(weights=weights, bias=float(raw["bias"]), threshold=float(raw["threshold"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"the attribution gate {path} cannot be read ({exc}); reinstall presslens") from exc
    if names != FEATURES or len(weights) != len(FEATURES):
        raise ModelError(
            f"the attribution gate {path} was fitted on other features; rebuild it with "
            "`python -m training.train_gate --polnear ../shared/data/polnear --out presslens/models`"
        )
    return gate


@lru_cache(maxsize=1)
def load_gate() -> Gate:
    """The shipped gate, read once per process."""
    return read_gate(MODELS_DIR / GATE_FILE)
