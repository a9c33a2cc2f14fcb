"""Tune the technique decoder and fit its score maps on the held-out 10% of SemEval-2023 TRAIN.

    python -m training.calibrate_techniques --semeval /path/to/semeval2023-en

Rewrites the ``decoding`` section of presslens/data/techniques.json (definitions are kept). The tagger never
trained on these articles (``training.splits.is_heldout``), so its probabilities there are honest; dev is
never read. For each technique a small grid of decodings (edge level, gap, word or sentence unit, seed level)
is scored, then one decoding per technique is chosen by coordinate ascent on the headline objective
(paragraph micro-F1 + span-F1, summed over all techniques, so a technique is only switched on where it adds
more than it costs). Finally the chosen decoding's candidate spans are calibrated by isotonic regression
(does the span's line carry the technique?) and the curve is bent so the chosen seed scores 0.5.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import time
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Any

import numpy as np

from presslens._labels import TECHNIQUES
from presslens._tagger import MODEL_FILE, MODELS_DIR, Tagger
from presslens.analyzers.technique_calibration import ScoreMap, isotonic, warp_to_operating_point
from presslens.analyzers.technique_decode import Rule, Words, decode_column, pool_to_words
from presslens.analyzers.technique_rules import PATTERN_TECHNIQUES
from presslens.analyzers.techniques import repetition_candidates, words_of
from presslens.evaluation import GoldArticle, Labelled, Scores, Tally, line_ranges, read_split, score_article
from presslens.nlp import load_nlp
from training.splits import is_heldout

SEEDS = (
    0.03,
    0.05,
    0.07,
    0.1,
    0.13,
    0.16,
    0.2,
    0.25,
    0.3,
    0.35,
    0.4,
    0.45,
    0.5,
    0.55,
    0.6,
    0.65,
    0.7,
    0.75,
    0.8,
    0.85,
    0.9,
    0.95,
)
EXTENDS = (0.03, 0.05, 0.1, 0.2, 0.3, 0.4)
GAPS = (0, 1, 2)
POOLS = (3, 6)
MIN_GOLD_LINES = 3  # below this many held-out gold lines a technique keeps the shipped defaults
GRID = tuple(round(x, 2) for x in np.arange(0.02, 0.99, 0.02))
DATA_FILE = Path(__file__).resolve().parents[1] / "presslens" / "data" / "techniques.json"
REPETITION = TECHNIQUES.index("Repetition")


@dataclass(frozen=True)
class Prepared:
    article: GoldArticle
    words: Words
    probs: np.ndarray  # word-level technique probabilities [W, 23]


@dataclass(frozen=True)
class Choice:
    """One decoding of one technique: how spans are formed (``key``) and the seed level."""

    key: tuple[Any, ...]
    seed: float


UNTUNED = Choice(("tagger", 0.3, 1, False), 0.5)  # the shipped defaults of techniques.json


def prepare(semeval: Path, models: Path) -> list[Prepared]:
    """Parse and tag every held-out train article once."""
    articles = [a for a in read_split(semeval / "train") if is_heldout(a.stem)]
    tagger = Tagger(models)
    out = []
    for article, doc in zip(articles, load_nlp().pipe(a.text for a in articles), strict=True):
        words = words_of(doc)
        tagged = tagger.run_doc(doc)
        out.append(Prepared(article, words, pool_to_words(tagged.offsets, tagged.techniques, words)))
    return out


def candidates(item: Prepared, k: int, key: tuple[Any, ...]) -> list[tuple[int, int, float]]:
    """Word spans with their raw peak for technique ``k`` under decoding ``key`` (its lowest seed)."""
    if key[0] == "repeated":
        found = repetition_candidates(item.article.text, item.words, item.probs[:, k], key[1])
        return [(a, b, peak) for a, b, peak, _count in found]
    if key[0] == "pool":
        return decode_column(item.probs[:, k], item.words, Rule(0.0, 0.0, 0, True, key[1]))
    _, extend, gap, sentence = key
    return decode_column(item.probs[:, k], item.words, Rule(extend, extend, gap, sentence))


def keys_for(k: int) -> list[tuple[Any, ...]]:
    keys: list[tuple[Any, ...]] = [("tagger", e, g, s) for e, g, s in product(EXTENDS, GAPS, (False, True))]
    keys += [("pool", n) for n in POOLS]
    if k == REPETITION:
        keys += [("repeated", 2), ("repeated", 3)]
    return keys


def tally_grid(items: list[Prepared], k: int) -> dict[Choice, Tally]:
    """Held-out counts of technique ``k`` for every decoding and every seed above its edge level."""
    name = TECHNIQUES[k]
    table: dict[Choice, Tally] = {}
    for key in keys_for(k):
        floor = key[1] if key[0] == "tagger" else 0.0
        seeds = [s for s in SEEDS if s >= floor]
        per_seed = {s: Scores() for s in seeds}
        for item in items:
            gold = [g for g in item.article.spans if g[0] == name]
            spans = candidates(item, k, key)
            for s in seeds:
                pred = [_labelled(item, name, a, b) for a, b, peak in spans if peak >= s]
                score_article(item.article.text, gold, pred, per_seed[s])
        for s in seeds:
            table[Choice(key, s)] = per_seed[s].per[name]
    return table


def _labelled(item: Prepared, name: str, a: int, b: int) -> Labelled:
    return (name, int(item.words.starts[a]), int(item.words.ends[b - 1]))


def objective(tallies: list[Tally]) -> float:
    """Paragraph micro-F1 plus span-F1 of the summed counts (the brief's two headline figures)."""
    scores = Scores()
    for i, t in enumerate(tallies):
        scores.per[str(i)] = t
    return scores.micro() + scores.span_f1()


def choose(tables: dict[int, dict[Choice, Tally]], fixed: dict[int, Choice]) -> dict[int, Choice]:
    """Coordinate ascent: each tunable technique in turn takes its best decoding given the others."""
    current = {k: max(tables[k], key=lambda c: c.seed) for k in tables} | fixed
    for _ in range(4):
        changed = False
        for k in tables:
            if k in fixed:
                continue
            others = [tables[j][c] for j, c in current.items() if j != k]
            best = max(tables[k], key=lambda c: (objective([*others, tables[k][c]]), c.seed))
            changed |= best != current[k]
            current[k] = best
        if not changed:
            break
    return current


def _gold_line_ids(item: Prepared, name: str) -> set[int]:
    lines = line_ranges(item.article.text)
    spans = [(s, e) for t, s, e in item.article.spans if t == name]
    return {i for s, e in spans for i, (a, b) in enumerate(lines) if s < b and e > a}


def gold_lines(items: list[Prepared], name: str) -> int:
    return sum(len(_gold_line_ids(item, name)) for item in items)


def score_map(items: list[Prepared], k: int, choice: Choice) -> ScoreMap:
    """Isotonic calibration of 'the span's line carries the technique' on the raw peak, bent to the seed."""
    name, peaks, right = TECHNIQUES[k], [], []
    for item in items:
        lines = line_ranges(item.article.text)
        gold = _gold_line_ids(item, name)
        for a, b, peak in candidates(item, k, choice.key):
            _, s, e = _labelled(item, name, a, b)
            peaks.append(peak)
            right.append(float(any(s < lb and e > la and i in gold for i, (la, lb) in enumerate(lines))))
    if len(peaks) < 15 or sum(right) < 3:
        return ScoreMap.operating_point(choice.seed)
    xs, ys = isotonic(peaks, right)
    grid = np.asarray(GRID)
    curve = np.interp(grid, xs, ys)
    # below the lowest candidate there is no evidence: fall linearly to 0 instead of extrapolating flat
    floor = min(peaks)
    curve = np.where(grid < floor, curve * grid / max(floor, 1e-6), curve)
    return warp_to_operating_point(GRID, curve, choice.seed)


def entry(items: list[Prepared], k: int, choice: Choice, tally: Tally) -> dict[str, Any]:
    """The techniques.json entry of one tuned technique, with its held-out figures for the record."""
    out: dict[str, Any] = {"knots": score_map(items, k, choice).knots()}
    if choice.key[0] == "tagger":
        out |= {"extend": choice.key[1], "gap": choice.key[2], "sentence": choice.key[3]}
    elif choice.key[0] == "pool":
        out |= {"sentence": True, "pool": choice.key[1]}
    out["heldout"] = {
        "gold_lines": tally.tp + tally.fn,
        "paragraph_f1": round(tally.f1(), 4),
        "span_precision": round(tally.span_p / tally.n_pred, 4) if tally.n_pred else 0.0,
        "span_recall": round(tally.span_r / tally.n_gold, 4) if tally.n_gold else 0.0,
    }
    return out


def _fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--semeval", required=True, type=Path, help="semeval2023-en folder (with train/)")
    parser.add_argument("--data", type=Path, default=DATA_FILE, help="techniques.json to update")
    parser.add_argument("--models", type=Path, default=MODELS_DIR, help="tagger folder (default: the shipped one)")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    items = prepare(args.semeval, args.models)
    print(f"held-out articles: {len(items)} ({time.perf_counter() - began:.0f} s)", flush=True)
    tables = {
        k: {UNTUNED: Tally()} if name in PATTERN_TECHNIQUES else tally_grid(items, k)
        for k, name in enumerate(TECHNIQUES)
    }
    print(f"grid scored ({time.perf_counter() - began:.0f} s)", flush=True)
    sparse = {
        k for k in tables if gold_lines(items, TECHNIQUES[k]) < MIN_GOLD_LINES or TECHNIQUES[k] in PATTERN_TECHNIQUES
    }
    chosen = choose(tables, {k: UNTUNED for k in sparse})
    data = json.loads(args.data.read_text(encoding="utf-8"))
    dec = data["decoding"]
    dec["techniques"] = {
        TECHNIQUES[k]: entry(items, k, c, tables[k][c]) for k, c in sorted(chosen.items()) if k not in sparse
    }
    rep = chosen[REPETITION].key
    dec["repetition"] = {"min_count": rep[1] if rep[0] == "repeated" else 2, "source": rep[0]}
    dec["calibrated_on"] = {
        "split": "semeval2023-en train, held-out 10% (training.splits.is_heldout)",
        "articles": len(items),
        "model_sha256_16": _fingerprint(args.models / MODEL_FILE),
        "date": dt.date.today().isoformat(),
        "heldout_objective": round(objective([tables[k][c] for k, c in chosen.items()]), 4),
        "untuned": sorted(TECHNIQUES[k] for k in sparse),
    }
    args.data.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for k, c in sorted(chosen.items()):
        t = tables[k][c]
        print(f"{TECHNIQUES[k]:34s} {c.key!s:28s} seed {c.seed:.2f}  gold {t.tp + t.fn:4d}  F1 {t.f1():.3f}")
    elapsed = time.perf_counter() - began
    print(f"held-out objective {dec['calibrated_on']['heldout_objective']} ({elapsed:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
