"""Score the technique analyzer (or the trivial baseline) on a SemEval-2023 task 3 split.

    python bench/techniques_eval.py --gold DATA/semeval2023-en/dev --out /tmp/tech_dev [--baseline]

Writes one analysis JSON per article to --out (for /work/shared/tools/score.py or any other scorer) and prints
the per-technique paragraph-level table and the headline figures computed by ``presslens.evaluation``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from presslens.evaluation import eval_techniques, report
from presslens.options import AnalyzeOptions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", required=True, type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--min-score", type=float, default=AnalyzeOptions().min_score)
    parser.add_argument("--baseline", action="store_true", help="every line marked Loaded_Language")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    scores = eval_techniques(args.gold, args.out, args.min_score, args.baseline)
    print(report(scores))
    print(f"seconds: {time.perf_counter() - began:.1f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
