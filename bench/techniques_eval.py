"""Score the technique analyzer (or the trivial baseline) on a SemEval-2023 task 3 split.

    python bench/techniques_eval.py --gold DATA/semeval2023-en/dev --out /tmp/tech_dev [--baseline] [--markdown]

Writes one analysis JSON per article to --out (for /work/shared/tools/score.py or any other scorer) and prints
the per-technique paragraph-level table and the headline figures computed by ``presslens.evaluation``.
``--markdown`` also scores the every-line Loaded_Language baseline and prints the README table with both.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from presslens import _tagger
from presslens._labels import TECHNIQUES
from presslens.analyzers.technique_rules import PATTERN_TECHNIQUES
from presslens.evaluation import Scores, eval_techniques, report
from presslens.options import AnalyzeOptions


def without(scores: Scores, names: tuple[str, ...]) -> Scores:
    """The same counts with some techniques left out (the rule-only ones have no English gold)."""
    out = Scores()
    for name, tally in scores.per.items():
        if name not in names:
            out.per[name] = tally
    return out


def markdown(model: Scores, baseline: Scores) -> str:
    """The README table: per-technique paragraph-level F1 of presslens beside the trivial baseline."""
    rows = [
        "| technique | gold lines | predicted lines | presslens F1 | baseline F1 |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in TECHNIQUES:
        t, b = model.per.get(name), baseline.per.get(name)
        gold = (t.tp + t.fn) if t else (b.tp + b.fn if b else 0)
        pred = t.tp + t.fp if t else 0
        rule = " (rules only)" if name in PATTERN_TECHNIQUES else ""
        rows.append(f"| {name}{rule} | {gold} | {pred} | {t.f1() if t else 0:.3f} | {b.f1() if b else 0:.3f} |")
    rows += ["", "| system | paragraph micro-F1 | paragraph macro-F1 | span-F1 |", "|---|---:|---:|---:|"]
    for label, s in (
        ("presslens", model),
        ("presslens, the four rule-only techniques left out", without(model, PATTERN_TECHNIQUES)),
        ("baseline: every line Loaded_Language", baseline),
    ):
        rows.append(f"| {label} | {s.micro():.3f} | {s.macro():.3f} | {s.span_f1():.3f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", required=True, type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--min-score", type=float, default=AnalyzeOptions().min_score)
    parser.add_argument("--baseline", action="store_true", help="every line marked Loaded_Language")
    parser.add_argument("--markdown", action="store_true", help="also print the README table with the baseline")
    parser.add_argument("--models", type=Path, help="score a candidate tagger folder instead of the shipped one")
    args = parser.parse_args(argv)
    if args.models:
        _tagger.MODELS_DIR = args.models
    began = time.perf_counter()
    scores = eval_techniques(args.gold, args.out, args.min_score, args.baseline)
    print(report(scores))
    print(f"seconds: {time.perf_counter() - began:.1f}", file=sys.stderr)
    if args.markdown:
        print(markdown(scores, eval_techniques(args.gold, None, args.min_score, baseline=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
