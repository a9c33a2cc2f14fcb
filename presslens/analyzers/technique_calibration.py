"""Scores of technique spans: a monotone map from the tagger's raw peak probability to a shown score.

Each technique's map is a table of (raw, score) knots fitted on held-out training articles (see
``training/calibrate_techniques.py``): the raw peak is first calibrated (isotonic regression of "the line
really carries this technique" against the peak), then warped so that the technique's tuned operating
point lands on 0.5. That makes ``min_score=0.5`` the tuned default for every technique at once, while a
higher or lower ``min_score`` moves all techniques along their own calibrated curves. Between knots the map
is linear; knots are strictly increasing so it can be inverted to find the raw level a score asks for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

_SHAPE = 0.8  # share of the shown score that follows the calibration curve rather than the raw value


@dataclass(frozen=True, slots=True)
class ScoreMap:
    """A strictly increasing piecewise-linear map of [0, 1] onto [0, 1]."""

    raw: tuple[float, ...]
    score: tuple[float, ...]

    @classmethod
    def from_knots(cls, knots: Sequence[Sequence[float]]) -> ScoreMap:
        """Build from [[raw, score], ...]; (0, 0) and (1, 1) are implied when missing."""
        pairs = sorted({(float(r), float(s)) for r, s in knots} | {(0.0, 0.0), (1.0, 1.0)})
        raw = tuple(r for r, _ in pairs)
        score = tuple(s for _, s in pairs)
        if any(b <= a for a, b in pairwise(raw)) or any(b <= a for a, b in pairwise(score)):
            raise ValueError(f"score map knots must increase strictly: {pairs}")
        return cls(raw, score)

    @classmethod
    def operating_point(cls, raw_at_half: float) -> ScoreMap:
        """The plain map that only moves ``raw_at_half`` to 0.5 (used when no calibration curve exists)."""
        return cls.from_knots([[raw_at_half, 0.5]])

    def __call__(self, raw: float) -> float:
        return float(np.interp(raw, self.raw, self.score))

    def inverse(self, score: float) -> float:
        """The smallest raw value whose score is ``score``."""
        return float(np.interp(score, self.score, self.raw))

    def knots(self) -> list[list[float]]:
        """The interior knots, as stored in techniques.json."""
        return [[round(r, 5), round(s, 5)] for r, s in zip(self.raw, self.score, strict=True)][1:-1]


def warp_to_operating_point(grid: Sequence[float], calibrated: Sequence[float], operating_raw: float) -> ScoreMap:
    """Knots from a calibration curve sampled on ``grid``, bent so ``operating_raw`` scores exactly 0.5.

    The calibrated curve (probability that the prediction is right) keeps its shape on each side of the
    operating point: below it is scaled onto [0, 0.5], above it onto [0.5, 1]. A fifth of the score follows
    the raw value linearly, so flat stretches of the isotonic curve still rise and the map stays invertible.
    """
    xs = np.asarray(grid, dtype=float)
    cal = np.maximum.accumulate(np.clip(np.asarray(calibrated, dtype=float), 0.0, 1.0))
    op = float(np.clip(operating_raw, 0.01, 0.99))
    c_op = float(np.interp(op, xs, cal))
    knots = [[op, 0.5]]
    for x, c in zip(xs, cal, strict=True):
        if not 0.0 < x < 1.0 or abs(x - op) < 1e-4:
            continue
        if x < op:
            shape = c / c_op if c_op > 0 else x / op
            s = 0.5 * (_SHAPE * shape + (1 - _SHAPE) * x / op)
        else:
            shape = (c - c_op) / (1.0 - c_op) if c_op < 1 else (x - op) / (1 - op)
            s = 0.5 + 0.5 * (_SHAPE * shape + (1 - _SHAPE) * (x - op) / (1 - op))
        knots.append([float(x), float(s)])
    return ScoreMap.from_knots(knots)


def isotonic(xs: Sequence[float], ys: Sequence[float]) -> tuple[list[float], list[float]]:
    """Pool-adjacent-violators: the non-decreasing step fit of ys on xs, as (block mean x, block value)."""
    order = np.argsort(np.asarray(xs, dtype=float), kind="stable")
    blocks: list[list[float]] = []  # [sum_y, count, sum_x]
    for i in order:
        blocks.append([float(ys[i]), 1.0, float(xs[i])])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            y, n, x = blocks.pop()
            blocks[-1][0] += y
            blocks[-1][1] += n
            blocks[-1][2] += x
    return [b[2] / b[1] for b in blocks], [b[0] / b[1] for b in blocks]
