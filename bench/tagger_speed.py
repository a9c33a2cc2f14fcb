"""Milliseconds per 1,000 wordpieces of the shipped tagger, on 1 and 2 onnxruntime threads.

The text is made-up news prose repeated to the requested length, so the figure measures the encoder and the
windowing, not any corpus. Usage: ``python bench/tagger_speed.py [--model-dir DIR] [--wordpieces 1000]``.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from presslens._tagger import MODELS_DIR, Tagger

PROSE = (
    "The mayor said on Tuesday that the new bridge would open next spring, although engineers warned that "
    "the budget, already twice revised, could rise again. Critics called the plan reckless. "
    '"We were promised a bridge, not a bill," a local shop owner told reporters outside the council hall. '
)


def text_of(wordpieces: int, tagger: Tagger) -> str:
    """Made-up prose repeated until it holds at least ``wordpieces`` wordpieces."""
    text = PROSE
    while len(tagger.tokenizer.encode(text, add_special_tokens=False).ids) < wordpieces:
        text += PROSE
    return text


def ms_per_thousand(tagger: Tagger, text: str, repeats: int) -> float:
    """Best-of-``repeats`` time per 1,000 wordpieces (best, because the machine is shared)."""
    pieces = len(tagger.tokenizer.encode(text, add_special_tokens=False).ids)
    tagger.run(text)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        tagger.run(text)
        best = min(best, time.perf_counter() - start)
    return best * 1000.0 * 1000.0 / pieces


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model-dir", type=Path, default=MODELS_DIR)
    parser.add_argument("--wordpieces", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args()
    for threads in (1, 2):
        tagger = Tagger(args.model_dir, threads=threads)
        text = text_of(args.wordpieces, tagger)
        figure = ms_per_thousand(tagger, text, args.repeats)
        print(f"threads={threads} layers={tagger.meta.get('layers')} ms_per_1000_wordpieces={figure:.1f}")


if __name__ == "__main__":
    main()
