"""Runs presslens's attribution analysis over a PolNeAR-shaped folder and writes one analysis JSON per text.

    python bench/attribution_eval.py --gold /path/to/polnear/dev --out /tmp/attr_dev

Writes ``<out>/<stem>.json`` (the contract's JSON, which the shared scorer reads), prints throughput, then
runs the scorer when ``--score`` names it. Only the analyzers attribution needs are switched on (entities
come with attributions, for speaker resolution). The data stays where it is: nothing is copied.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from presslens import AnalyzeOptions, Article, _tagger, analyze_many
from presslens._tagger import load_tagger
from presslens.nlp import load_nlp

DEFAULT_SCORER = Path("/work/shared/tools/score.py")


def read_texts(gold: Path) -> list[tuple[str, str]]:
    """(stem, text) per text file, read exactly as the scorer counts offsets (no newline translation)."""
    out = []
    for path in sorted((gold / "text").glob("*.txt")):
        with path.open(encoding="utf-8", newline="") as handle:
            out.append((path.stem, handle.read()))
    return out


def bare_spacy(texts: list[str]) -> float:
    """Seconds for the bare ``nlp.pipe`` over the texts: what the whole analyze is compared with."""
    started = time.perf_counter()
    for _ in load_nlp().pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - started


def run(gold: Path, out: Path) -> float:
    """Analyses every text into ``out``; returns seconds spent (loading the models excluded)."""
    out.mkdir(parents=True, exist_ok=True)
    texts = read_texts(gold)
    load_nlp()
    load_tagger()
    spacy_s = bare_spacy([text for _, text in texts])
    options = AnalyzeOptions(analyzers=frozenset({"attributions"}))
    articles = (Article(text=text) for _, text in texts)
    started = time.perf_counter()
    for (stem, _), analysis in zip(texts, analyze_many(articles, options), strict=True):
        (out / f"{stem}.json").write_text(analysis.to_json(indent=None), encoding="utf-8")
    elapsed = time.perf_counter() - started
    n = max(1, len(texts))
    print(
        f"{len(texts)} articles: analyze (attributions + entities) {n / elapsed:.2f} articles/s "
        f"({1000 * elapsed / n:.0f} ms/article); bare nlp.pipe {n / spacy_s:.2f} articles/s "
        f"({1000 * spacy_s / n:.0f} ms/article); ratio {spacy_s / elapsed:.2f}"
    )
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, required=True, help="a PolNeAR split folder (text/, attributions/)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the analysis JSON files")
    parser.add_argument("--score", type=Path, default=DEFAULT_SCORER, help="the scorer to run afterwards")
    parser.add_argument("--models", type=Path, help="score a candidate tagger folder instead of the shipped one")
    args = parser.parse_args(argv)
    if args.models:
        _tagger.MODELS_DIR = args.models
    run(args.gold, args.out)
    if args.score.is_file():
        cmd = [sys.executable, str(args.score), "attribution", "--gold", str(args.gold), "--pred", str(args.out)]
        return subprocess.run(cmd, check=False).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
