"""The technique decoder and score maps on synthetic probability arrays (no model, no spaCy)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from presslens.analyzers.technique_calibration import ScoreMap, isotonic, warp_to_operating_point
from presslens.analyzers.technique_decode import Rule, Words, decode_column, pool_to_words


def grid(lines: list[int], sentences: list[int] | None = None, punct: set[int] | None = None) -> Words:
    """Words of 4 characters each, one space apart, with the given line and sentence ids."""
    n = len(lines)
    starts = np.arange(n, dtype=np.int64) * 5
    return Words(
        starts=starts,
        ends=starts + 4,
        line=np.asarray(lines, dtype=np.int64),
        sentence=np.asarray(sentences if sentences is not None else lines, dtype=np.int64),
        punct=np.asarray([i in (punct or set()) for i in range(n)], dtype=np.bool_),
        name=np.zeros(n, dtype=np.bool_),
    )


FLAT = grid([0] * 8)


@pytest.mark.parametrize(
    ("probs", "rule", "words", "expected"),
    [
        # one word above seed: a one-word span
        ([0, 0, 0.9, 0, 0, 0, 0, 0], Rule(0.5, 0.3, 0, False), FLAT, [(2, 3)]),
        # hysteresis: neighbours above the edge level join the seed
        ([0, 0.4, 0.9, 0.35, 0, 0, 0, 0], Rule(0.5, 0.3, 0, False), FLAT, [(1, 4)]),
        # a run that never reaches the seed is no span
        ([0, 0.4, 0.45, 0.35, 0, 0, 0, 0], Rule(0.5, 0.3, 0, False), FLAT, []),
        # a one-word dip is bridged with gap 1, not with gap 0
        ([0.9, 0, 0.8, 0, 0, 0, 0, 0], Rule(0.5, 0.3, 1, False), FLAT, [(0, 3)]),
        ([0.9, 0, 0.8, 0, 0, 0, 0, 0], Rule(0.5, 0.3, 0, False), FLAT, [(0, 1), (2, 3)]),
        # a two-word dip is not bridged with gap 1
        ([0.9, 0, 0, 0.8, 0, 0, 0, 0], Rule(0.5, 0.3, 1, False), FLAT, [(0, 1), (3, 4)]),
        # no span crosses a line, even when the run and the bridge would
        (
            [0, 0.9, 0.9, 0.9, 0, 0, 0, 0],
            Rule(0.5, 0.3, 1, False),
            grid([0, 0, 1, 1, 1, 1, 1, 1]),
            [(1, 2), (2, 4)],
        ),
        # nor a sentence
        (
            [0, 0.9, 0.9, 0.9, 0, 0, 0, 0],
            Rule(0.5, 0.3, 1, False),
            grid([0] * 8, [0, 0, 0, 1, 1, 1, 1, 1]),
            [(1, 3), (3, 4)],
        ),
        # sentence unit: the seed widens to its whole sentence on its line
        (
            [0, 0, 0, 0.9, 0, 0, 0, 0],
            Rule(0.5, 0.3, 0, True),
            grid([0] * 8, [0, 0, 1, 1, 1, 1, 2, 2]),
            [(2, 6)],
        ),
        # sentence pooling: a sentence is a span when the mean of its 2 likeliest words reaches the seed
        (
            [0.4, 0.4, 0.1, 0.9, 0.2, 0.1, 0.3, 0.3],
            Rule(0.5, 0.0, 0, True, pool=2),
            grid([0] * 8, [0, 0, 1, 1, 1, 1, 2, 2]),
            [(2, 6)],
        ),
        # edge punctuation is trimmed off a span
        ([0, 0.6, 0.9, 0.6, 0, 0, 0, 0], Rule(0.5, 0.3, 0, False), grid([0] * 8, punct={1, 3}), [(2, 3)]),
    ],
)
def test_decode_column(probs: list[float], rule: Rule, words: Words, expected: list[tuple[int, int]]) -> None:
    spans = decode_column(np.asarray(probs, dtype=np.float32), words, rule)
    assert [(a, b) for a, b, _ in spans] == expected
    for a, b, peak in spans:
        top = sorted(probs[a:b])[-rule.pool :] if rule.pool else [max(probs[a:b])]
        assert peak == pytest.approx(sum(top) / len(top))


@pytest.mark.parametrize(
    ("offsets", "probs", "expected"),
    [
        # two pieces of word 0 (max wins), one piece of word 1
        ([[0, 2], [2, 4], [5, 9]], [0.2, 0.7, 0.4], [0.7, 0.4, 0.0]),
        # a piece starting in the gap between words is dropped
        ([[4, 5], [10, 14]], [0.9, 0.3], [0.0, 0.0, 0.3]),
        ([], [], [0.0, 0.0, 0.0]),
    ],
)
def test_pool_to_words(offsets: list[list[int]], probs: list[float], expected: list[float]) -> None:
    words = grid([0, 0, 0])
    out = pool_to_words(
        np.asarray(offsets, dtype=np.int32).reshape(-1, 2),
        np.asarray(probs, dtype=np.float32).reshape(-1, 1),
        words,
    )
    assert out[:, 0].tolist() == pytest.approx(expected)


@pytest.mark.parametrize("op", [0.2, 0.35, 0.5, 0.8])
def test_warp_puts_operating_point_at_half(op: float) -> None:
    grid_x = np.linspace(0.02, 0.98, 49)
    curve = np.clip(grid_x * 0.8, 0, 1)
    curve[10:20] = curve[10]  # a flat stretch, as isotonic regression gives
    smap = warp_to_operating_point(grid_x, curve, op)
    assert smap(op) == pytest.approx(0.5)
    assert smap.inverse(0.5) == pytest.approx(op)
    values = [smap(x) for x in np.linspace(0, 1, 101)]
    assert all(b > a for a, b in itertools.pairwise(values))
    assert ScoreMap.from_knots(smap.knots())(op) == pytest.approx(0.5, abs=1e-4)


@pytest.mark.parametrize(
    ("knots", "raw", "score"),
    [([[0.3, 0.5]], 0.3, 0.5), ([[0.3, 0.5]], 0.15, 0.25), ([[0.3, 0.5]], 0.65, 0.75), ([], 0.4, 0.4)],
)
def test_score_map_interpolates(knots: list[list[float]], raw: float, score: float) -> None:
    smap = ScoreMap.from_knots(knots)
    assert smap(raw) == pytest.approx(score)
    assert smap.inverse(score) == pytest.approx(raw)


def test_score_map_rejects_falling_knots() -> None:
    with pytest.raises(ValueError, match="increase strictly"):
        ScoreMap.from_knots([[0.3, 0.6], [0.5, 0.4]])


@pytest.mark.parametrize(
    ("xs", "ys", "values"),
    [
        ([0.1, 0.2, 0.3], [0, 1, 1], [0.0, 1.0, 1.0]),
        ([0.1, 0.2, 0.3], [1, 0, 1], [0.5, 1.0]),
        ([0.3, 0.1, 0.2], [0, 1, 1], [2 / 3]),
    ],
)
def test_isotonic_is_monotone_pooling(xs: list[float], ys: list[float], values: list[float]) -> None:
    _, fitted = isotonic(xs, ys)
    assert fitted == pytest.approx(values)
