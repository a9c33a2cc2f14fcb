"""Persuasion techniques by span: the shared tagger's technique head, decoded, plus rules.

Three sources of spans, one contract object each (``Technique``):
- the tagger's 23 sigmoid outputs, pooled onto words and decoded per technique with the levels tuned on
  held-out training articles (``technique_decode``), scored by the technique's calibrated map;
- Repetition: phrases the article uses at least twice, kept where the tagger finds them emphatic;
- four techniques with no English training data, matched by form patterns (``technique_rules``).
Spans may overlap, across and within techniques. ``min_score`` moves every technique along its own score
map, so 0.5 is each technique's tuned operating point.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, POS, SENT_START
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc

from .._contract import Technique
from .._labels import TECHNIQUES
from .._parsed import Parsed
from .technique_calibration import ScoreMap
from .technique_decode import Rule, Words, decode_column, pool_to_words
from .technique_rules import PATTERN_TECHNIQUES, pattern_hits, repeated_phrases

_REPETITION = TECHNIQUES.index("Repetition")
_PROPN = IDS["PROPN"]


@dataclass(frozen=True, slots=True)
class Decoding:
    """One technique's tuned decoding: the level a span's edges extend to, gap, unit, and score map."""

    extend: float
    gap: int
    sentence: bool
    pool: int
    scores: ScoreMap

    def rule(self, min_score: float) -> Rule:
        """The word-level levels that reproduce ``min_score`` on this technique's score map."""
        seed = self.scores.inverse(min_score)
        return Rule(seed, min(self.extend, seed), self.gap, self.sentence, self.pool)


@dataclass(frozen=True, slots=True)
class Config:
    definitions: dict[str, str]
    decoding: dict[str, Decoding]
    repetition_min_count: int
    repetition_from_tagger: bool


def _decoding(entry: dict[str, Any], defaults: dict[str, Any]) -> Decoding:
    merged = {**defaults, **entry}
    return Decoding(
        extend=float(merged["extend"]),
        gap=int(merged["gap"]),
        sentence=bool(merged["sentence"]),
        pool=int(merged["pool"]),
        scores=ScoreMap.from_knots(merged["knots"]),
    )


def parse_config(data: dict[str, Any]) -> Config:
    """Read the techniques.json structure (shared with the calibration script, which writes it)."""
    dec = data["decoding"]
    return Config(
        definitions=dict(data["definitions"]),
        decoding={t: _decoding(dec["techniques"].get(t, {}), dec["defaults"]) for t in TECHNIQUES},
        repetition_min_count=int(dec["repetition"]["min_count"]),
        repetition_from_tagger=dec["repetition"]["source"] == "tagger",
    )


def read_data() -> dict[str, Any]:
    """The raw techniques.json shipped in presslens/data."""
    text = resources.files("presslens").joinpath("data/techniques.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@lru_cache(maxsize=1)
def load_config() -> Config:
    return parse_config(read_data())


def explain(technique: str) -> str:
    """The technique's short definition; the renderers show it next to the span it explains."""
    try:
        return load_config().definitions[technique]
    except KeyError:
        raise ValueError(f"unknown technique {technique!r}; choose from {', '.join(TECHNIQUES)}") from None


def words_of(doc: Doc) -> Words:
    """The word grid of a parsed text: spaCy's non-space tokens with their line and sentence ids, read
    off the Doc's arrays (token objects cost more than the rest of this analyzer)."""
    every = doc.to_array([IDX, LENGTH, IS_SPACE, IS_PUNCT, POS, SENT_START]).astype(np.int64)
    words = every[:, 2] == 0
    table = every[words]
    starts = table[:, 0]
    chars = np.frombuffer(doc.text.encode("utf-32-le"), dtype=np.uint32)
    newlines = np.flatnonzero(chars == ord("\n")).astype(np.int64)
    if doc.has_annotation("SENT_START"):
        sentence = (np.cumsum(every[:, 5] == 1) - 1)[words]
    else:
        sentence = np.searchsorted(newlines, starts)
    return Words(
        starts=starts,
        ends=starts + table[:, 1],
        line=np.searchsorted(newlines, starts).astype(np.int64),
        sentence=sentence.astype(np.int64),
        punct=table[:, 3].astype(np.bool_),
        name=table[:, 4] == _PROPN,
    )


def _span(text: str, technique: str, start: int, end: int, score: float, reason: str) -> Technique:
    return Technique(
        technique=technique, start=start, end=end, text=text[start:end], score=round(score, 4), reason=reason
    )


def _peak_reason(text: str, words: Words, column: np.ndarray, a: int, b: int) -> str:
    """Where in the span the model's belief is strongest: the word a reader should look at first."""
    if b - a == 1:
        return "the model marks this word"
    peak = a + int(np.argmax(column[a:b]))
    word = text[int(words.starts[peak]) : int(words.ends[peak])]
    return f"the model's reading of this technique is strongest on “{word}”"


def tagger_spans(text: str, words: Words, probs: np.ndarray, config: Config, min_score: float) -> list[Technique]:
    """Spans decoded from word probabilities [W, 23]; Repetition only when it is read off the tagger.

    The four pattern techniques are skipped: their tagger outputs were trained on no positive example,
    so at any threshold they would be noise.
    """
    out = []
    for k, name in enumerate(TECHNIQUES):
        if name in PATTERN_TECHNIQUES or (k == _REPETITION and not config.repetition_from_tagger):
            continue
        dec = config.decoding[name]
        for a, b, peak in decode_column(probs[:, k], words, dec.rule(min_score)):
            reason = _peak_reason(text, words, probs[:, k], a, b)
            out.append(_span(text, name, int(words.starts[a]), int(words.ends[b - 1]), dec.scores(peak), reason))
    return out


def repetition_candidates(text: str, words: Words, p: np.ndarray, min_count: int) -> list[tuple[int, int, float, int]]:
    """Repeated phrases' occurrences (first word, end word, peak Repetition probability, times the phrase
    occurs).

    A phrase made only of proper names is not counted: news repeats the names of those it reports on,
    and that is not the technique.
    """
    forms = [text[s:e].lower() for s, e in zip(words.starts, words.ends, strict=True)]
    return [
        (a, b, float(p[a:b].max()), count)
        for a, b, count in repeated_phrases(forms)
        if count >= min_count and not words.name[a:b].all()
    ]


def repetition_spans(text: str, words: Words, probs: np.ndarray, config: Config, min_score: float) -> list[Technique]:
    """Occurrences of repeated phrases, scored by the tagger's Repetition belief at the occurrence."""
    scores = config.decoding["Repetition"].scores
    out = []
    for a, b, raw, count in repetition_candidates(text, words, probs[:, _REPETITION], config.repetition_min_count):
        score = scores(raw)
        start, end = int(words.starts[a]), int(words.ends[b - 1])
        if score >= min_score:
            reason = f"“{text[start:end]}” occurs {count} times in the article"
            out.append(_span(text, "Repetition", start, end, score, reason))
    return out


def find_techniques(parsed: Parsed, min_score: float) -> tuple[Technique, ...]:
    """Every technique span scoring at least ``min_score``, ordered by position."""
    config = load_config()
    text = parsed.text
    words = words_of(parsed.doc)
    found = [_span(text, h.technique, h.start, h.end, h.score, h.reason) for h in pattern_hits(text)]
    found = [t for t in found if t.score >= min_score]
    if len(words):
        tagged = parsed.tagged()
        probs = pool_to_words(tagged.offsets, tagged.techniques, words)
        found += tagger_spans(text, words, probs, config, min_score)
        if not config.repetition_from_tagger:
            found += repetition_spans(text, words, probs, config, min_score)
    return tuple(sorted(found, key=lambda t: (t.start, t.end, t.technique)))
