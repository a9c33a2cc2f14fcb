"""Throughput of ``analyze_many`` against bare ``nlp.pipe`` of the same spaCy model on the same texts.

    python bench/throughput.py --texts ../shared/data/polnear/dev/text [--limit 84] [--threads 1]

Each side runs in its own process so that its peak memory (max RSS) is its own; model loading is excluded
from the timings (one warm-up article is analysed first), and the fastest of ``--repeat`` runs counts, since
this machine's speed varies by ~20% from run to run. Prints articles/s, tokens/s and peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path


def _texts(folder: Path, limit: int) -> list[str]:
    files = sorted(folder.glob("*.txt"))[:limit]
    if not files:
        sys.exit(f"no .txt files in {folder}")
    return [f.read_text(encoding="utf-8") for f in files]


def _run_once(mode: str, texts: list[str]) -> float:
    from presslens import Article, analyze_many
    from presslens.nlp import load_nlp

    start = time.perf_counter()
    if mode == "bare":
        for _ in load_nlp().pipe(texts, batch_size=16):
            pass
    else:
        for _ in analyze_many(Article(text=t) for t in texts):
            pass
    return time.perf_counter() - start


def _measure(mode: str, texts: list[str], repeat: int) -> dict[str, float]:
    from presslens import Article, analyze_many
    from presslens.nlp import load_nlp

    nlp = load_nlp()
    list(analyze_many([Article(text=texts[0])])) if mode == "analyze" else list(nlp.pipe(texts[:1]))
    tokens = sum(len(nlp.make_doc(t)) for t in texts) if mode == "bare" else 0  # the tokenizer alone
    seconds = min(_run_once(mode, texts) for _ in range(repeat))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "articles": len(texts), "tokens": tokens, "peak_mb": peak_mb}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, required=True, help="a folder of .txt articles")
    ap.add_argument("--limit", type=int, default=84)
    ap.add_argument("--threads", default="1", help="PRESSLENS_THREADS for the tagger (default 1: one core)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per side; the fastest counts (default 3)")
    ap.add_argument("--mode", choices=["bare", "analyze"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    texts = _texts(args.texts, args.limit)
    if args.mode:
        print(json.dumps(_measure(args.mode, texts, args.repeat)))
        return
    env = {**os.environ, "PRESSLENS_THREADS": args.threads, "OMP_NUM_THREADS": args.threads}
    results = {}
    for mode in ("bare", "analyze"):
        out = subprocess.run(
            [sys.executable, __file__, "--texts", str(args.texts), "--limit", str(args.limit), "--mode", mode],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        results[mode] = json.loads(out.stdout.strip().splitlines()[-1])
    tokens = results["bare"]["tokens"]
    for mode, r in results.items():
        print(
            f"{mode:8s} {r['articles'] / r['seconds']:6.2f} articles/s  {tokens / r['seconds']:8.0f} tokens/s  "
            f"peak {r['peak_mb']:.0f} MB  ({r['articles']} articles, {tokens} spaCy tokens, threads={args.threads})"
        )
    ratio = results["bare"]["seconds"] / results["analyze"]["seconds"]
    print(f"analyze/bare throughput ratio {ratio:.2f} (target >= 0.5)")


if __name__ == "__main__":
    main()
