"""Turning the tagger's per-wordpiece technique probabilities into word-aligned spans.

The tagger scores wordpieces, but a reader (and the SemEval gold) thinks in words, so probabilities are
first pooled onto words (a word is as likely as its likeliest piece). Spans then grow by hysteresis: a run
of words above a low ``extend`` level becomes a span only when one of its words reaches the ``seed`` level,
which keeps the span edges where the model's belief fades rather than where one piece dips. Short dips of
at most ``gap`` words inside a run are bridged, because a loaded phrase such as "corrupt and disgraceful"
is one span even when the model is unsure about "and". No span crosses a line (a line is a paragraph in
the news text, and the techniques are annotated within paragraphs) or a sentence, so that each span reads
as one stretch of one claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from numpy.typing import NDArray


@dataclass(frozen=True, slots=True)
class Words:
    """The word grid of a text: character bounds of each word and the block (line) and sentence it is in."""

    starts: NDArray[np.int64]
    ends: NDArray[np.int64]
    line: NDArray[np.int64]
    sentence: NDArray[np.int64]
    punct: NDArray[np.bool_]
    name: NDArray[np.bool_]

    def __len__(self) -> int:
        return int(self.starts.shape[0])


@dataclass(frozen=True, slots=True)
class Rule:
    """How one technique is decoded: hysteresis levels on the word probability, gap to bridge, span unit.

    With ``pool`` > 0 the technique is decided per sentence instead: a sentence is a span when the mean of
    its ``pool`` likeliest words reaches ``seed``. That suits techniques annotated on whole clauses (doubt,
    fear, causal claims), where the tagger's belief is spread thin over many words rather than peaking.
    """

    seed: float
    extend: float
    gap: int
    sentence: bool
    pool: int = 0


def pool_to_words(offsets: NDArray[np.integer], probs: NDArray[np.floating], words: Words) -> NDArray[np.float32]:
    """Word-level probabilities [W, K]: the max over the wordpieces that overlap each word.

    A wordpiece belongs to the word whose span holds its first character; pieces that fall between words
    (whitespace, which the tokenizer does not emit) are dropped.
    """
    out = np.zeros((len(words), probs.shape[1]), dtype=np.float32)
    if len(words) == 0 or probs.shape[0] == 0:
        return out
    idx = np.searchsorted(words.starts, offsets[:, 0], side="right") - 1
    inside = (idx >= 0) & (offsets[:, 0] < words.ends[np.clip(idx, 0, None)])
    np.maximum.at(out, idx[inside], probs[inside].astype(np.float32))
    return out


def _runs(mask: NDArray[np.bool_]) -> list[tuple[int, int]]:
    """Maximal runs of True as half-open (start, end) index pairs."""
    padded = np.concatenate(([False], mask, [False]))
    edges = np.flatnonzero(np.diff(padded.astype(np.int8)))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _bridge(mask: NDArray[np.bool_], block: NDArray[np.int64], gap: int) -> NDArray[np.bool_]:
    """Fill holes of at most ``gap`` words between two True words of the same block."""
    if gap <= 0:
        return mask
    out = mask.copy()
    for a, b in _runs(~mask):
        if a > 0 and b < mask.shape[0] and b - a <= gap and block[a - 1] == block[b]:
            out[a:b] = True
    return out


def _split_blocks(a: int, b: int, block: NDArray[np.int64]) -> list[tuple[int, int]]:
    """Cut the run [a, b) wherever the block id changes."""
    cuts = [a, *(int(i) + a + 1 for i in np.flatnonzero(np.diff(block[a:b]))), b]
    return list(pairwise(cuts))


def _trim(a: int, b: int, punct: NDArray[np.bool_]) -> tuple[int, int]:
    while a < b and punct[a]:
        a += 1
    while b > a and punct[b - 1]:
        b -= 1
    return a, b


def decode_column(p: NDArray[np.floating], words: Words, rule: Rule) -> list[tuple[int, int, float]]:
    """Spans of one technique as (first word, end word exclusive, peak probability)."""
    if rule.pool > 0:
        return _decode_sentences(p, words, rule)
    segment = _segments(words)
    mask = _bridge(p >= rule.extend, segment, rule.gap)
    spans: dict[tuple[int, int], float] = {}
    for a0, b0 in _runs(mask):
        for a1, b1 in _split_blocks(a0, b0, segment):
            a, b = _trim(a1, b1, words.punct)
            if b <= a:
                continue
            peak = float(p[a:b].max())
            if peak < rule.seed:
                continue
            if rule.sentence:
                a, b = _sentence_cover(a, b, words)
            spans[(a, b)] = max(peak, spans.get((a, b), 0.0))
    return [(a, b, s) for (a, b), s in sorted(spans.items())]


def _segments(words: Words) -> NDArray[np.int64]:
    """An id per word that changes at every sentence or line boundary."""
    if len(words) == 0:
        return np.zeros(0, dtype=np.int64)
    change = (np.diff(words.sentence) != 0) | (np.diff(words.line) != 0)
    return np.concatenate(([0], np.cumsum(change))).astype(np.int64)


def _sentence_cover(a: int, b: int, words: Words) -> tuple[int, int]:
    """Widen [a, b) to the whole sentences it touches, staying on its line and off edge punctuation."""
    sent, line = words.sentence, words.line
    first, last = sent[a], sent[b - 1]
    lo = a
    while lo > 0 and sent[lo - 1] == first and line[lo - 1] == line[a]:
        lo -= 1
    hi = b
    while hi < len(words) and sent[hi] == last and line[hi] == line[b - 1]:
        hi += 1
    return _trim(lo, hi, words.punct)


def sentence_runs(words: Words) -> list[tuple[int, int]]:
    """Word ranges of the sentences, cut at line ends too (a sentence never spans two paragraphs)."""
    if len(words) == 0:
        return []
    return _split_blocks(0, len(words), _segments(words))


def _decode_sentences(p: NDArray[np.floating], words: Words, rule: Rule) -> list[tuple[int, int, float]]:
    out = []
    for a0, b0 in sentence_runs(words):
        a, b = _trim(a0, b0, words.punct)
        if b <= a:
            continue
        top = np.sort(p[a:b])[-rule.pool :]
        score = float(top.mean())
        if score >= rule.seed:
            out.append((a, b, score))
    return out
